/** A demonstration transcript of the forum meeting that reviewed the first cycle (illustrative, not an official record). */
import { readFile } from 'node:fs/promises';
import type { Db } from '../../db/connection.js';
import { importTranscript, publishDueTranscripts } from './transcripts.service.js';
import { forumQueries } from '../forum/index.js';

const DEMO_FILE = new URL('./demo/2021-05-30-forum.md', import.meta.url);

export async function seedDemoTranscripts(db: Db, opts: { planId: number }): Promise<void> {
  const markdown = await readFile(DEMO_FILE, 'utf8');
  // The plenary the forum seed held on that day, if there is one, so the transcript and the meeting link up.
  const meeting = await forumQueries.findMeetingOn(db, opts.planId, '2021-05-30');
  await importTranscript({ db, now: () => new Date() }, 'cli', { markdown, language: 'zh-TW', planId: opts.planId, meetingId: meeting?.id ?? null });
  // Its embargo ended long ago: publish it now rather than waiting for the server's timer.
  await publishDueTranscripts({ db, now: () => new Date() });
}
