/** Markdown → import → export gives the same file back, for our fixtures and the real seed records (../shared/seeds). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { setup, type TestContext } from '../../../test/helpers.js';
import { readSeed } from '../../../test/seeds.js';
import { findTranscriptBySlug } from './transcripts.queries.js';
import { importTranscript, transcriptMarkdown } from './transcripts.service.js';

let ctx: TestContext;
before(async () => {
  ctx = await setup({ seed: false });
});
after(() => ctx.close());

const fixtures = new URL('../../../test/fixtures/transcripts/', import.meta.url);

async function roundTrip(markdown: string, extra: { title?: string; heldOn?: string } = {}): Promise<string> {
  const imported = await importTranscript({ db: ctx.database.db, now: () => new Date('2026-01-01T00:00:00Z') }, 'cli', {
    markdown,
    language: 'zh-TW',
    ...extra,
  });
  const stored = await findTranscriptBySlug(ctx.database.db, imported.slug);
  assert.ok(stored);
  return transcriptMarkdown(ctx.database.db, stored);
}

for (const [file, extra] of [
  ['meeting.md', {}],
  ['talk.txt', { title: '社區參與與資料開放', heldOn: '2024-05-01' }],
  ['minutes.txt', {}],
] as const) {
  test(`fixture ${file} comes back identical`, async () => {
    const text = readFileSync(new URL(file, fixtures), 'utf8');
    assert.equal(await roundTrip(text, extra), text);
  });
}

const seedFiles: [string, { title?: string; heldOn?: string }][] = [
  ['003_', {}],
  ['004_', { title: 'OGP 全球高峰會心得分享', heldOn: '2019-06-01' }],
];
for (const [prefix, extra] of seedFiles) {
  test(`seed record ${prefix}… comes back identical`, async () => {
    const { text } = readSeed(prefix);
    assert.equal(await roundTrip(text, extra), text);
  });
}
