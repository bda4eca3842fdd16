/** Markdown → import → export gives the same file back, for our fixtures and (when present) the real seed records. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { setup, type TestContext } from '../../../test/helpers.js';
import { findTranscriptBySlug } from './transcripts.queries.js';
import { importTranscript, transcriptMarkdown } from './transcripts.service.js';

let ctx: TestContext;
before(async () => {
  ctx = await setup({ seed: false });
});
after(() => ctx.close());

const fixtures = new URL('../../../test/fixtures/transcripts/', import.meta.url);
const seeds = '/work/shared/seeds';

async function roundTrip(markdown: string, extra: { title?: string; heldOn?: string } = {}): Promise<string> {
  const imported = await importTranscript({ db: ctx.database.db, now: () => new Date('2026-01-01T00:00:00Z') }, 'cli', { markdown, language: 'zh-TW', ...extra });
  const stored = await findTranscriptBySlug(ctx.database.db, imported.slug);
  assert.ok(stored);
  return transcriptMarkdown(ctx.database.db, stored);
}

for (const [file, extra] of [['meeting.md', {}], ['talk.txt', { title: '社區參與與資料開放', heldOn: '2024-05-01' }], ['minutes.txt', {}]] as const) {
  test(`fixture ${file} comes back identical`, async () => {
    const text = readFileSync(new URL(file, fixtures), 'utf8');
    assert.equal(await roundTrip(text, extra), text);
  });
}

const seedFiles: [string, { title?: string; heldOn?: string }][] = [
  ['003_226db603b3cfb7c2.txt', {}],
  ['004_3015ab1d165502ec.txt', { title: 'OGP 全球高峰會心得分享', heldOn: '2019-06-01' }],
];
for (const [file, extra] of seedFiles) {
  test(`seed record ${file} comes back identical`, { skip: existsSync(`${seeds}/${file}`) ? false : `${seeds} is not here (it is for trying the import by hand)` }, async () => {
    const text = readFileSync(`${seeds}/${file}`, 'utf8');
    assert.equal(await roundTrip(text, extra), text);
  });
}
