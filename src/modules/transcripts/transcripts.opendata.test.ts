/**
 * Transcripts as open data (ADR 0030): the published transcript, its sections, its public speeches and their speakers
 * go out; an embargoed transcript's words, headings and new speakers do not (the rule of the pages and search); all
 * of it comes back into an empty database byte for byte, searchable, filed in the history, ids past the imported ones.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../domain/system-actor.js';
import { json, setup, setupForTest, type TestContext, exportSubset } from '../../../test/helpers.js';
import { seedDemoForum } from '../forum/index.js';
import { exportSite, importData } from '../opendata/index.js';
import { importTranscript, seedDemoTranscripts } from './index.js';

const admin = systemActor('transcripts open-data test', 'admin');
const BEFORE = ['agencies', 'plans', 'areas', 'commitments', 'milestones', 'meetings'];
const TABLES = ['speakers', 'transcripts', 'transcriptSections', 'speeches'];
const SECRET = { speech: 'EMBARGOEDWORDS7731', section: 'EMBARGOEDHEADING7731', speaker: 'EMBARGOEDSPEAKER7731' };

let ctx: TestContext;
let work: string;
let doc: Record<string, unknown>;

before(async () => {
  ctx = await setup();
  await seedDemoForum(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
  await seedDemoTranscripts(ctx.database.db, { planId: ctx.planId });
  const markdown = `# 2026-11-20 Embargoed meeting\n\n## ${SECRET.section}\n\n### ${SECRET.speaker}:\n${SECRET.speech}.\n`;
  const embargoed = await importTranscript({ db: ctx.database.db, now: () => new Date() }, 'cli', { markdown, language: 'en', embargoWorkingDays: 10 });
  assert.equal(embargoed.publishedAt, null);
  work = await mkdtemp(join(tmpdir(), 'transcripts-opendata-'));
  await exportSite(ctx.database.db, join(work, 'first'));
  doc = JSON.parse(await readFile(join(work, 'first', 'data.json'), 'utf8')) as Record<string, unknown>;
});
after(async () => {
  await ctx.close();
  await rm(work, { recursive: true, force: true });
});

const only = (tables: readonly string[]): Buffer => exportSubset(doc, tables);
const rows = (name: string): Record<string, unknown>[] => doc[name] as Record<string, unknown>[];

describe('transcripts open data', () => {
  test('only what the public sees: the published transcript’s speeches, never the embargoed one’s', async () => {
    const publicSpeeches = await ctx.database.db
      .selectFrom('speeches')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('is_public', '=', true)
      .executeTakeFirstOrThrow();
    assert.ok(rows('speeches').length > 0);
    assert.equal(rows('speeches').length, Number(publicSpeeches.n));
    assert.equal(rows('transcripts').length, 1);
    assert.ok(rows('speakers').every((s) => !('userId' in s)));
    // Every file of the export: data.json, each CSV, the ODS's and the ZIP's (compressed: their CSVs are the same).
    for (const name of ['data.json', ...(await readdir(join(work, 'first', 'csv'))).map((f) => join('csv', f))]) {
      const text = await readFile(join(work, 'first', name), 'utf8');
      for (const token of Object.values(SECRET)) assert.ok(!text.includes(token), `${name} holds ${token}`);
    }
  });

  test('export → import into an empty database → export: the same bytes, searchable, in the history', async (t) => {
    const empty = await setupForTest(t, { seed: false });
    const summary = await importData({ db: empty.database.db }, admin, 'en', { kind: 'json', bytes: only([...BEFORE, ...TABLES]) });
    for (const name of TABLES) assert.equal(summary.tables.find((s) => s.name === name)?.created, rows(name).length, name);
    const second = join(work, 'second');
    await exportSite(empty.database.db, second);
    for (const name of TABLES) {
      const [a, b] = await Promise.all([readFile(join(work, 'first', 'csv', `${name}.csv`)), readFile(join(second, 'csv', `${name}.csv`))]);
      assert.ok(a.equals(b), `${name}.csv is byte-identical`);
    }
    // Search reads its own index: the imported speeches are found.
    const phrase = (rows('speeches')[0]?.body as string).slice(0, 4);
    const found = await json<{ items: unknown[] }>(await empty.app.request(`/api/v1/search/speeches?q=${encodeURIComponent(phrase)}`));
    assert.ok(found.items.length > 0, `search finds ${phrase}`);
    const history = await empty.database.db.selectFrom('history').select(['entity_type', 'actor_name']).execute();
    assert.ok(history.some((h) => h.entity_type === 'transcript') && history.some((h) => h.entity_type === 'speaker'));
    assert.ok(history.every((h) => h.actor_name === 'transcripts open-data test'));
    const maxSpeech = Math.max(...rows('speeches').map((s) => s.id as number));
    const next = await empty.database.db
      .insertInto('speeches')
      .values({ transcript_id: rows('transcripts')[0]!.id as number, position: 99999, held_on: '2021-05-30', kind: 'speech', body: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.ok(next.id > maxSpeech);
    const repeat = await importData({ db: empty.database.db }, admin, 'en', { kind: 'json', bytes: only([...BEFORE, ...TABLES]) });
    assert.ok(repeat.tables.every((s) => s.created === 0 && s.updated === 0));
  });

  test('a speech of an unknown transcript is refused, naming the row and the column', async (t) => {
    const empty = await setupForTest(t, { seed: false });
    const speeches = rows('speeches').map((s, i) => (i === 0 ? { ...s, transcriptId: 424242 } : s));
    await assert.rejects(
      importData({ db: empty.database.db }, admin, 'en', {
        kind: 'json',
        bytes: Buffer.from(JSON.stringify({ ...JSON.parse(only([...BEFORE, ...TABLES]).toString()), speeches })),
      }),
      (e: Error & { messages?: Record<string, string> }) =>
        /speeches, row 1, column transcriptId: No row of transcripts has the ID 424242/.test(JSON.stringify(e.messages)),
    );
  });
});
