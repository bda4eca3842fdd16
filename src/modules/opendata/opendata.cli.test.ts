/**
 * `cocreate export` and `cocreate import` through the real executable: the demo site exported, imported into an empty
 * data directory, exported again byte for byte; the ODS imported, told by its extension; a bad CSV refused with its
 * row and column, nothing written.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { setup } from '../../../test/helpers.js';
import { exportSite } from './index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'cocreate-opendata-cli-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function cli(dataDir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', COCREATE_DATA_DIR: dataDir, COCREATE_FSYNC: 'false', LANG: 'C', LC_ALL: '', LC_MESSAGES: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

test('export → import into an empty data directory → export is the same, byte for byte; a bad CSV is refused whole', { timeout: 300_000 }, async () => {
  const empty = join(folder, 'empty');
  // The demo site's export, made in-process (seeding through the CLI takes minutes on a shared machine).
  const demo = await setup();
  try {
    await exportSite(demo.database.db, join(folder, 'first'));
  } finally {
    await demo.close();
  }

  const imported = await cli(empty, ['import', join(folder, 'first', 'data.zip')]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /commitments: 19 rows, 19 created, 0 updated\./);
  const second = await cli(empty, ['export', '--out', join(folder, 'second')]);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /Exported \d+ rows/);
  for (const name of ['data.json', 'data.ods', 'data.zip', 'csv/milestones.csv', 'README.md'])
    assert.ok(readFileSync(join(folder, 'first', name)).equals(readFileSync(join(folder, 'second', name))), `${name} is byte-identical`);

  // The ODS, told by its extension: the same rows, already there, so nothing created or updated.
  const fromOds = await cli(empty, ['import', join(folder, 'first', 'data.ods')]);
  assert.equal(fromOds.code, 0, fromOds.stderr);
  assert.match(fromOds.stdout, /commitments: 19 rows, 0 created, 0 updated\./);
  const unknown = await cli(empty, ['import', join(folder, 'first', 'README.md')]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr + unknown.stdout, /give a \.json, \.ods, \.zip or \.csv file/);

  const lines = readFileSync(join(folder, 'first', 'csv', 'areas.csv'), 'utf8').split('\n');
  const header = lines[0]!.split(',');
  const broken = lines.map((line, i) => (i === 2 ? line.replace(/^(\d+),(\d+),/, '$1,x,') : line)).join('\n');
  writeFileSync(join(folder, 'areas.csv'), broken);
  const refused = await cli(empty, ['import', join(folder, 'areas.csv')]);
  assert.equal(refused.code, 1);
  assert.equal(header[1], 'Action Plan ID');
  assert.match(refused.stderr, /areas\.csv, row 3, column Action Plan ID: /);
  assert.match(refused.stderr, /Nothing was imported\./);
});
