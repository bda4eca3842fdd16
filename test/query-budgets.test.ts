/**
 * Query budgets (issue #10): each main page reads what it shows in a bounded number of SQL statements, counted on the
 * real database by test/query-budget.ts. Two checks per page: the count stays within the page's budget, and it does
 * not grow when the page has more to show (more reports, meetings, resolutions, transcripts) — the sign of an N+1,
 * such as a query per meeting link on the transcript list or per report on a commitment's history.
 *
 * The content is written through the API as the secretariat would (cycles, reports with evidence, meetings,
 * resolutions, transcripts), on top of the demo plan, forum, transcript, roster, working groups and co-creation.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { seedDemoCocreation } from '../src/modules/cocreation/index.js';
import { seedDemoForum } from '../src/modules/forum/index.js';
import { seedDemoRoster } from '../src/modules/roster/index.js';
import { seedDemoTranscripts } from '../src/modules/transcripts/index.js';
import { seedDemoWorkgroups } from '../src/modules/workgroups/index.js';
import { addUser, Client, json, setup, type TestContext } from './helpers.js';
import { countedApp, countQueries, describeStatements, QueryCounter, type CountedApp } from './query-budget.js';

const PLAN_PATH = '/plans/tw-2021-2024';
const COMMITMENT = '1-1';

let ctx: TestContext;
let counted: CountedApp;
let secretariat: Client;
const commitmentIds = new Map<string, number>();
let cycleIds: number[] = [];

interface Page {
  name: string;
  path: string;
  /** The most statements one anonymous render may send; about what it sends today, so a new query is noticed. */
  budget: number;
}

/** The pages, with the ids that exist once the content is in (a meeting and a transcript of the demo). */
let pages: Page[] = [];

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await secretariat.api(method, path, body);
  const text = await response.text();
  assert.ok(response.status < 300, `${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

interface Report {
  id: number;
  version: number;
}

/** A submitted report with one evidence link, for the n-th cycle, through the API. */
async function submitReport(commitmentNumber: string, cycleIndex: number): Promise<void> {
  const commitmentId = commitmentIds.get(commitmentNumber);
  const cycleId = cycleIds[cycleIndex];
  assert.ok(commitmentId !== undefined && cycleId !== undefined, `commitment ${commitmentNumber}, cycle ${cycleIndex}`);
  const milestones = (await json<{ items: { id: number }[] }>(await ctx.app.request(`/api/v1/commitments/${commitmentId}/milestones`))).items;
  const draft = await api<Report>('POST', `/api/v1/commitments/${commitmentId}/reports`, {
    cycleId,
    achievements: { zh: `第 ${cycleIndex + 1} 期的成果。`, en: `What cycle ${cycleIndex + 1} achieved.` },
    milestones: milestones.map((m) => ({ milestoneId: m.id, status: 'in-progress', percent: 10 * (cycleIndex + 1) })),
  });
  const withEvidence = await api<Report>('POST', `/api/v1/reports/${draft.id}/evidence`, {
    title: `會議紀錄 ${cycleIndex + 1}`,
    url: `https://example.org/minutes/${cycleIndex + 1}`,
  });
  await api<Report>('POST', `/api/v1/reports/${draft.id}/submit`, { version: withEvidence.version });
}

/** A meeting with a resolution, and a transcript of it, published; through the API. */
async function holdMeeting(heldOn: string, title: string): Promise<void> {
  const planId = ctx.planId;
  const meeting = await api<{ id: number }>('POST', `/api/v1/plans/${planId}/meetings`, { heldOn, kind: 'plenary', title: { zh: title, en: title } });
  await api('POST', `/api/v1/meetings/${meeting.id}/resolutions`, { body: { zh: `${title}的決議。`, en: `A resolution of ${title}.` } });
  const fixture = await readFile(new URL('./fixtures/transcripts/meeting.md', import.meta.url), 'utf8');
  const markdown = fixture.replace(/^# \S+ .*$/m, `# ${heldOn} ${title}`);
  const transcript = await api<{ id: number; version: number }>('POST', '/api/v1/transcripts', { markdown, language: 'zh-TW', planId, meetingId: meeting.id });
  await api('POST', `/api/v1/transcripts/${transcript.id}/publish`, { reason: 'A test of query budgets.', version: transcript.version });
}

async function countAll(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const result = await countQueries(counted, page.path);
    assert.equal(result.status, 200, `${page.name} ${page.path} answered ${result.status}`);
    counts.set(page.name, result.statements.length);
  }
  return counts;
}

before(async () => {
  ctx = await setup();
  await seedDemoForum(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
  await seedDemoTranscripts(ctx.database.db, { planId: ctx.planId });
  const demo = { planId: ctx.planId, agencyIds: ctx.agencies };
  await seedDemoRoster(ctx.database.db, demo);
  await seedDemoWorkgroups(ctx.database.db, demo);
  await seedDemoCocreation(ctx.database.db, demo);
  await addUser(ctx, 'sec@example.org', 'secretariat');
  secretariat = new Client(ctx.app);
  const signedIn = await secretariat.signIn('sec@example.org');
  assert.equal(signedIn.status, 303, 'the secretariat signs in');
  const list = await json<{ items: { id: number; number: string }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/commitments?perPage=100`));
  for (const c of list.items) commitmentIds.set(c.number, c.id);
  cycleIds = (await api<{ items: { id: number }[] }>('POST', `/api/v1/plans/${ctx.planId}/cycles/generate`, {})).items.map((c) => c.id);
  // One of everything a page lists, so that the counts below compare one item with several, not none with one.
  await submitReport(COMMITMENT, 0);
  await submitReport('2-1', 0);
  await holdMeeting('2024-05-13', '推動小組第98次會議');
  counted = countedApp(ctx.database, () => ctx.clock.now);

  const meetings = (await json<{ items: { id: number }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/meetings`))).items;
  const transcripts = (await json<{ items: { slug: string }[] }>(await ctx.app.request('/api/v1/transcripts'))).items;
  assert.ok(meetings[0] && transcripts[0], 'the demo forum and transcript are there');
  const commitment = `${PLAN_PATH}/commitments/${COMMITMENT}`;
  pages = [
    { name: 'home', path: '/', budget: 3 },
    { name: 'plan', path: PLAN_PATH, budget: 9 },
    { name: 'plan (English)', path: `/en${PLAN_PATH}`, budget: 9 },
    { name: 'commitment', path: commitment, budget: 18 },
    { name: 'commitment history', path: `${commitment}/history`, budget: 12 },
    { name: 'progress', path: `${PLAN_PATH}/progress`, budget: 9 },
    { name: 'cycles', path: `${PLAN_PATH}/cycles`, budget: 3 },
    { name: 'meetings', path: `${PLAN_PATH}/meetings`, budget: 3 },
    { name: 'meeting', path: `${PLAN_PATH}/meetings/${meetings[0].id}`, budget: 8 },
    { name: 'resolutions', path: `${PLAN_PATH}/resolutions`, budget: 4 },
    { name: 'transcript list', path: '/transcripts', budget: 3 },
    { name: 'transcript', path: `/transcripts/${encodeURIComponent(transcripts[0].slug)}`, budget: 8 },
    { name: 'speakers', path: '/speakers', budget: 2 },
    { name: 'agencies', path: '/agencies', budget: 3 },
    { name: 'agency', path: '/agencies/NDC', budget: 7 },
    { name: 'reports feed', path: `${PLAN_PATH}/reports.atom`, budget: 4 },
    { name: 'plan API', path: `/api/v1/plans/${ctx.planId}`, budget: 2 },
    { name: 'forum roster', path: `${PLAN_PATH}/forum`, budget: 5 },
    { name: 'forum rules', path: `${PLAN_PATH}/forum/rules`, budget: 2 },
    { name: 'calls for nominations', path: `${PLAN_PATH}/forum/calls`, budget: 3 },
    { name: 'working groups', path: `${PLAN_PATH}/working-groups`, budget: 5 },
    { name: 'working group', path: `${PLAN_PATH}/working-groups/commitment-${COMMITMENT}`, budget: 9 },
    { name: 'co-creation record', path: `${PLAN_PATH}/co-creation`, budget: 8 },
    { name: 'response figures', path: `${PLAN_PATH}/inputs/figures`, budget: 4 },
    { name: 'inputs', path: `${PLAN_PATH}/inputs`, budget: 8 },
    { name: 'consultations', path: `${PLAN_PATH}/consultations`, budget: 5 },
  ];
});
after(() => ctx.close());

describe('query budgets', () => {
  test('each main page renders within its budget of SQL statements', async () => {
    // Every page over its budget at once, with what it sent.
    const over: string[] = [];
    for (const page of pages) {
      const result = await countQueries(counted, page.path);
      assert.equal(result.status, 200, `${page.name} ${page.path} answered ${result.status}`);
      if (result.statements.length > page.budget)
        over.push(
          `${page.name} (${page.path}) sent ${result.statements.length} statements, over its budget of ${page.budget}:\n${describeStatements(result.statements)}`,
        );
    }
    assert.equal(over.length, 0, over.join('\n\n'));
  });

  test('a page with more to show sends no more statements (no query per item)', async () => {
    const before = await countAll();
    // More of everything: reports (with evidence, and their history) on the commitment and others, meetings with
    // resolutions, and transcripts linked to those meetings.
    await submitReport(COMMITMENT, 1);
    await submitReport(COMMITMENT, 2);
    await submitReport('1-2', 0);
    await holdMeeting('2024-05-20', '推動小組第99次會議');
    await holdMeeting('2024-05-27', '推動小組第100次會議');
    const grown = await countAll();
    const changed = pages.filter((page) => grown.get(page.name) !== before.get(page.name));
    assert.deepEqual(
      changed.map((page) => `${page.name} (${page.path}): ${before.get(page.name)} statements before, ${grown.get(page.name)} with more content`),
      [],
    );
    // The content really grew where it should show.
    const list = await countQueries(counted, '/transcripts');
    assert.ok(list.body.includes('推動小組第100次會議'), 'the new transcript is listed');
    const history = await countQueries(counted, `${PLAN_PATH}/commitments/${COMMITMENT}/history`);
    assert.ok(history.body.includes('https://example.org/minutes/3') || history.body.includes('會議紀錄 3'), 'the third report is in the history');
  });

  test('the counter sees statements of the query builder and of sql templates, inside transactions too', async () => {
    // Otherwise a page could pass its budget by sending what the counter misses.
    const counter = new QueryCounter();
    const db = ctx.database.db.withPlugin(counter);
    await db.selectFrom('agencies').select('id').execute();
    await db.transaction().execute(async (trx) => {
      await trx.selectFrom('action_plans').select('id').execute();
      await sql`SELECT count(*) FROM commitments`.execute(trx);
    });
    const seen = counter.take();
    assert.equal(seen.length, 3, describeStatements(seen));
    assert.match(seen[2] ?? '', /count\(\*\) FROM commitments/);
    assert.deepEqual(counter.take(), [], 'take() starts afresh');
  });
});
