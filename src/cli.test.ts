/**
 * The `cocreate` command's errors, through the real executable: catalog messages in the console's language (no raw
 * keys, no "Invalid time value", no foreign-key text), at most MAX_LISTED_PROBLEMS problems per file, the API's size
 * limit unless --force, and option or file mistakes caught before the database is opened.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MAX_LISTED_PROBLEMS } from './console.js';
import { TRANSCRIPT_MARKDOWN_MAX } from './modules/transcripts/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'cocreate-cli-'));
/** One database for the tests that reach it; created by whichever runs first. */
const dataDir = join(folder, 'data');
const fixture = join(root, 'test/fixtures/transcripts/meeting.md');

after(() => rmSync(folder, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', COCREATE_DATA_DIR: dataDir, COCREATE_FSYNC: 'false', LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

function file(name: string, content: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

/** A catalog key printed as itself (`calendar.error.syntax`) instead of its message. */
const noRawKeys = (text: string) => assert.doesNotMatch(text, /\b(calendar|transcript|cli|error)\.[a-z]+(\.[a-zA-Z]+)?\b/, text);

test('an impossible --date is explained in the console language, before the database is opened', async () => {
  const nowhere = join(folder, 'never-created');
  const en = await cli(['import-transcript', fixture, '--date', '2021-13-45'], { COCREATE_DATA_DIR: nowhere });
  assert.equal(en.code, 2);
  assert.equal(en.stderr.trim(), '--date 2021-13-45: Enter a real date as YYYY-MM-DD.');
  const zh = await cli(['import-transcript', fixture, '--date', '2021-13-45'], { COCREATE_DATA_DIR: nowhere, LANG: 'zh_TW.UTF-8' });
  assert.equal(zh.code, 2);
  assert.equal(zh.stderr.trim(), '--date 2021-13-45：請以 YYYY-MM-DD 格式輸入有效日期。');
  assert.equal(existsSync(nowhere), false, 'a typo needs no database');
});

test('--meeting naming no forum meeting is said so, not as a foreign-key error', { timeout: 120_000 }, async () => {
  const result = await cli(['import-transcript', fixture, '--meeting', '999']);
  assert.equal(result.code, 1, result.stderr);
  assert.equal(result.stderr.trim(), `${fixture}: --meeting 999: No forum meeting has this number.`);
  assert.doesNotMatch(result.stderr, /foreign key|violates|constraint/i);
});

test('a binary file is one message; a file with many problems lists the first ones and counts the rest', { timeout: 120_000 }, async () => {
  const binary = file('photo.md', Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919) % 256)));
  const one = await cli(['import-transcript', binary]);
  assert.equal(one.code, 1);
  assert.equal(one.stderr.trim(), `${binary}: The file is not UTF-8 text.`);

  const messy = file('messy.md', `# 2024-03-15 Meeting\n${Array.from({ length: 100 }, (_, i) => `#### heading ${i}`).join('\n')}\n`);
  const many = await cli(['import-transcript', messy]);
  assert.equal(many.code, 1);
  const lines = many.stderr.trim().split('\n');
  assert.equal(lines.length, MAX_LISTED_PROBLEMS + 1, many.stderr);
  assert.equal(lines[0], `${messy}: Line 2: Only #, ## and ### headings can be used.`);
  const more = /… and (\d+) more problems\.$/.exec(lines.at(-1) ?? '');
  assert.ok(more, lines.at(-1));
  assert.ok(Number(more[1]) >= 100 - MAX_LISTED_PROBLEMS, 'every heading counted');
  noRawKeys(many.stderr);
});

test('a file over the API’s size limit is refused unless --force', { timeout: 120_000 }, async () => {
  const nowhere = join(folder, 'not-for-large-files');
  const large = file('large.md', Buffer.alloc(TRANSCRIPT_MARKDOWN_MAX + 1, 'a'));
  const refused = await cli(['import-transcript', large], { COCREATE_DATA_DIR: nowhere });
  assert.equal(refused.code, 1);
  assert.equal(
    refused.stderr.trim(),
    `${large}: 5,000,001 bytes; an import takes at most 5,000,000 bytes (the API’s limit). Split the record by session, or give --force to import it anyway.`,
  );
  assert.equal(existsSync(nowhere), false, 'refused before the database was opened');
  const forced = await cli(['import-transcript', large, '--force']);
  assert.equal(forced.code, 1, 'read and checked like any file');
  assert.doesNotMatch(forced.stderr, /an import takes at most/);
  assert.equal(forced.stderr.trim().split('\n').at(-1), `${large}: Give the meeting date here or in the file’s first heading (# YYYY-MM-DD Title).`);
});

test('office calendar problems are sentences with their line, not message keys', async () => {
  const nowhere = join(folder, 'no-calendar-database');
  const csv = file('calendar.csv', '西元日期,星期,是否放假,備註\n20240230,五,0,\n20240301,一,0,\n20240302,六,9,\n');
  const result = await cli(['import-calendar', csv], { COCREATE_DATA_DIR: nowhere });
  assert.equal(result.code, 1);
  assert.deepEqual(result.stderr.trim().split('\n'), [
    `${csv}: Line 2: “20240230” is not a real date written YYYYMMDD.`,
    `${csv}: Line 3: 2024-03-01 is a 星期五, not 星期一.`,
    `${csv}: Line 4: 是否放假 is “9”; it must be 2 (a day off) or 0 (a working day).`,
    'Nothing was loaded.',
  ]);
  const broken = file('broken.csv', '西元日期,是否放假\n"20240301,0\n');
  const syntax = await cli(['import-calendar', broken], { COCREATE_DATA_DIR: nowhere, LANG: 'zh_TW.UTF-8' });
  assert.equal(syntax.code, 1);
  assert.match(syntax.stderr, /第 \d+ 行：無法讀取為 CSV/);
  noRawKeys(syntax.stderr);
  assert.equal(existsSync(nowhere), false);
});

test('an unknown option is a one-line message without a stack trace', async () => {
  const result = await cli(['import-transcript', fixture, '--bogus', 'x']);
  assert.equal(result.code, 2);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  assert.match(result.stderr, /--bogus/);
});
