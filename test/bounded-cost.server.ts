/**
 * The server test/bounded-cost.timing.test.ts measures, in a process of its own so that the test's requests (5 MB bodies
 * among them) do not share its thread: a migrated database with a dense 100,000-character speech and a transcript
 * several pages long, served on a free port. Prints `{"port": …, "denseSlug": …, "longSlug": …, "longSpeechIds": […]}`
 * as one line once it listens; stops when its standard input closes.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { importTranscript, publishDueTranscripts } from '../src/modules/transcripts/index.js';
import { setup } from './helpers.js';

const speeches = Number(process.argv[2] ?? 500);
const ctx = await setup({ seed: false });
ctx.clock.now = new Date('2026-06-01T02:00:00Z');

/** A transcript held long enough ago that its embargo has ended; published at once. */
async function publishedTranscript(title: string, heldOn: string, bodies: string[]): Promise<string> {
  const markdown = `# ${heldOn} ${title}\n\n${bodies.map((body, i) => `### 發言人${i % 7}：\n${body}\n`).join('\n')}`;
  const transcript = await importTranscript({ db: ctx.database.db, now: () => ctx.clock.now }, 'cli', { markdown, language: 'zh-TW' });
  await publishDueTranscripts({ db: ctx.database.db, now: () => ctx.clock.now });
  return transcript.slug;
}

// Matches everywhere: the snippet builder once took 3–21 s on this and returned the whole speech.
const denseSlug = await publishedTranscript('長篇發言', '2026-01-05', ['資訊公開'.repeat(25_000), '另一段簡短的發言，沒有那個詞。']);
const longSlug = await publishedTranscript(
  '很長的會議',
  '2026-01-12',
  Array.from({ length: speeches }, (_, i) => `第${i + 1}段發言：${'開放政府的對話與協作，'.repeat(8)}`),
);
const long = await ctx.database.db.selectFrom('transcripts').select('id').where('slug', '=', longSlug).executeTakeFirstOrThrow();
const longSpeechIds = (await ctx.database.db.selectFrom('speeches').select('id').where('transcript_id', '=', long.id).orderBy('position').execute()).map(
  (r) => r.id,
);

const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`${JSON.stringify({ port: info.port, denseSlug, longSlug, longSpeechIds })}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => {
  server.close();
  void ctx.close().finally(() => process.exit(0));
});
