/**
 * The response figures (issue #12): the page's tables, the API and the co-creation record's section match a count
 * done in SQL here, over the demo plan with inputs of every kind and state written in; the secretariat's board lists
 * the inputs waiting more than 30 days (not a withdrawn, hidden, answered or recent one, nor a reply); the page reads
 * in both languages; an anonymous visitor does not see the board. And the pure grouping rules.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { Client, addUser, json, setup, type TestContext } from '../../../test/helpers.js';
import { countQueries, countedApp, describeStatements } from '../../../test/query-budget.js';
import type { App } from '../../app.js';
import { jsonb } from '../../db/connection.js';
import { daysWaiting, figuresBy, overdueCutoff, overdueOf, percentOf } from '../../domain/participation-figures.js';
import { isOverdue, type InputForFigures, type ResponseState } from '../../domain/participation.js';
import { inputFiguresPath } from './figures.service.js';
import { insertConsultation, insertInput } from './participation.queries.js';
import { daysText, shareText } from './views/figures-parts.js';

const SLUG = 'tw-2021-2024';
const PLAN = { slug: SLUG };
const DAY = 86_400_000;

// ---------------------------------------------------------------- the pure rules

describe('figures by group (domain)', () => {
  const now = new Date('2026-11-22T08:00:00Z');
  const at = (daysAgo: number, hours = 0) => new Date(now.getTime() - daysAgo * DAY - hours * 3_600_000);
  const input = (group: string, daysAgo: number, state: ResponseState, answeredDaysAgo?: number, changed = false) => ({
    group,
    submittedAt: at(daysAgo),
    responseState: state,
    respondedAt: answeredDaysAgo === undefined ? null : at(answeredDaysAgo),
    ledToChange: changed,
  });

  test('each group gets its own figures, in the order groups first appear', () => {
    const rows = [input('a', 40, 'pending'), input('b', 10, 'adopted', 7, true), input('a', 20, 'noted', 15), input('a', 9, 'referred', 0)];
    const byGroup = figuresBy(rows, (r) => r.group, now);
    assert.deepEqual([...byGroup.keys()], ['a', 'b']);
    const a = byGroup.get('a')!;
    assert.equal(a.inputs, 3);
    assert.equal(a.answered, 2);
    assert.equal(a.overdue, 1);
    assert.equal(a.medianDaysToAnswer, 7); // 5 and 9 days
    assert.equal(byGroup.get('b')!.ledToChange, 1);
    assert.equal(byGroup.get('b')!.shareLedToChange, 1);
  });

  test('overdue: pending past 30 whole days, the longest waiting first; the query bound agrees with the rule', () => {
    const rows: (InputForFigures & { id: number })[] = [
      { id: 1, ...input('x', 31, 'pending') },
      { id: 2, ...input('x', 30, 'pending', undefined) },
      { id: 3, ...input('x', 50, 'pending') },
      { id: 4, ...input('x', 50, 'adopted', 1) },
    ];
    rows[1]!.submittedAt = at(30, 23); // 30 days 23 hours: 30 whole days, not yet overdue
    assert.deepEqual(
      overdueOf(rows, now).map((r) => r.id),
      [3, 1],
    );
    const cutoff = overdueCutoff(now);
    assert.equal(isOverdue(cutoff, now), true, 'the bound itself is overdue');
    assert.equal(isOverdue(new Date(cutoff.getTime() + 1), now), false, 'a millisecond later is not');
    assert.equal(daysWaiting(at(31, 5), now), 31);
    assert.equal(percentOf(null), null);
    assert.equal(percentOf(0.25), 25);
  });
});

// ---------------------------------------------------------------- through the app

let ctx: TestContext;
let app: App;
let planId: number;
const ids: Record<string, number> = {};
let consultationA: number;
let consultationInternal: number;

/** Whether an input is one this file wrote (the demo plan may hold others). */
const ours = (id: number) => Object.values(ids).includes(id);

const daysAgo = (n: number, hours = 0) => new Date(ctx.clock.now.getTime() - n * DAY - hours * 3_600_000);

before(async () => {
  ctx = await setup();
  planId = ctx.planId;
  app = ctx.app;
  const db = ctx.database.db;
  const moi = ctx.agencies.get('MOI')!;
  const moj = ctx.agencies.get('MOJ') ?? [...ctx.agencies.values()].find((id) => id !== moi)!;
  const commitment = await db
    .selectFrom('commitments')
    .innerJoin('areas', 'areas.id', 'commitments.area_id')
    .select('commitments.id')
    .where('areas.plan_id', '=', planId)
    .orderBy('commitments.id')
    .executeTakeFirstOrThrow();
  const history = await db.selectFrom('history').select('id').orderBy('id').executeTakeFirstOrThrow();
  const window = { opensAt: daysAgo(100), closesAt: daysAgo(5), section: null, phaseId: null, targetType: 'plan' as const, targetId: planId, planId };
  consultationA = (
    await insertConsultation(db, {
      ...window,
      title: { zh: '草案公開徵詢', en: 'Consultation on the draft', status: 'reviewed' },
      question: { zh: '意見？', en: 'Views?', status: 'reviewed' },
      audience: 'public',
    })
  ).id;
  consultationInternal = (
    await insertConsultation(db, {
      ...window,
      title: { zh: '機關內部徵詢', en: 'Internal round', status: 'reviewed' },
      question: { zh: '意見？', en: 'Views?', status: 'reviewed' },
      audience: 'internal',
    })
  ).id;
  const base = { plan_id: planId, target_type: 'commitment', target_id: commitment.id, commitment_id: commitment.id, agency_id: moi };
  const add = async (name: string, row: Partial<Parameters<typeof insertInput>[1]>) => {
    ids[name] = (await insertInput(db, { ...base, kind: 'comment', body: `FIGURES-WORDS-${name}`, ...row })).id;
  };
  // Waiting more than 30 days: on the board.
  await add('overdueAgency', { consultation_id: consultationA, submitted_at: daysAgo(60) });
  await add('overdueSecretariat', {
    kind: 'proposal',
    agency_id: null,
    target_type: 'plan',
    target_id: planId,
    commitment_id: null,
    submitted_at: daysAgo(45),
  });
  await add('overdueInternal', { state: 'internal', consultation_id: consultationInternal, submitted_at: daysAgo(40) });
  // Not counted, not on the board.
  await add('withdrawn', { state: 'withdrawn', withdrawn_at: daysAgo(80), submitted_at: daysAgo(90) });
  await add('hidden', { state: 'hidden', hidden_at: daysAgo(80), hidden_reason: 'spam', submitted_at: daysAgo(90) });
  await add('reply', { kind: 'reply', parent_id: ids.overdueAgency, submitted_at: daysAgo(50) });
  // Answered (one after a long wait), or recent: counted, not on the board.
  await add('adopted', {
    consultation_id: consultationA,
    submitted_at: daysAgo(50),
    response_state: 'adopted',
    responded_at: daysAgo(40),
    change_history_id: history.id,
  });
  await add('noted', { agency_id: moj, consultation_id: consultationA, submitted_at: daysAgo(20), response_state: 'noted', responded_at: daysAgo(17) });
  await add('notAdopted', {
    submitted_at: daysAgo(35, 5),
    response_state: 'not-adopted',
    response_reason: jsonb({ zh: '已有其他計畫處理。', en: 'Another plan covers it.', status: 'reviewed' }),
    responded_at: daysAgo(1),
  });
  await add('recent', { submitted_at: daysAgo(10) });
  await add('almost', { submitted_at: daysAgo(30, 23) });
});
after(() => ctx.close());

interface Expected {
  key: number | null;
  inputs: number;
  answered: number;
  overdue: number;
  led: number;
  median: number | null;
}

/** The figures counted in SQL, grouped by a column (or not at all), at the test's clock. */
async function expected(groupBy: 'agency_id' | 'consultation_id' | null, onlyOurs = false): Promise<Expected[]> {
  const now = ctx.clock.now;
  const key = groupBy === null ? sql<null>`NULL` : sql.ref(groupBy);
  const result = await sql<Expected>`
    SELECT ${key} AS key,
      count(*)::int AS inputs,
      count(*) FILTER (WHERE response_state <> 'pending')::int AS answered,
      count(*) FILTER (WHERE response_state = 'pending' AND floor(extract(epoch FROM (${now}::timestamptz - submitted_at)) / 86400) > 30)::int AS overdue,
      count(*) FILTER (WHERE change_history_id IS NOT NULL)::int AS led,
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(extract(epoch FROM (responded_at - submitted_at)) / 86400))
        FILTER (WHERE response_state <> 'pending' AND responded_at IS NOT NULL))::float8 AS median
    FROM inputs
    WHERE plan_id = ${planId} AND kind IN ('comment', 'proposal') AND state IN ('published', 'internal')
      ${onlyOurs ? sql`AND body LIKE 'FIGURES-WORDS-%'` : sql``}
    ${groupBy === null ? sql`` : sql`GROUP BY ${key}`}
  `.execute(ctx.database.db);
  return result.rows.map((r) => ({ ...r, median: r.median === null ? null : Number(r.median) }));
}

/** The text of a table row's cells (`data-…` names the row), tags stripped. */
function rowCells(html: string, attribute: string, value: string): string[] {
  const row = new RegExp(`<tr[^>]*${attribute}="${value}"[^>]*>([\\s\\S]*?)</tr>`).exec(html);
  assert.ok(row, `a row ${attribute}="${value}"`);
  return [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
}

/** The cells the tables show for the SQL's figures, in the tables' order of measures. */
const cellsOf = (e: Expected) => [
  String(e.inputs),
  String(e.answered),
  shareText(e.inputs === 0 ? null : e.answered / e.inputs),
  daysText(e.median),
  String(e.overdue),
  String(e.led),
  shareText(e.inputs === 0 ? null : e.led / e.inputs),
];

const MEASURE_KEYS = ['inputs', 'answered', 'shareAnswered', 'medianDays', 'overdue', 'ledToChange', 'shareLedToChange'];

describe('the figures page', () => {
  test('its totals, by agency and by consultation match a count done in SQL', async () => {
    const response = await app.request(`${inputFiguresPath(PLAN)}`);
    assert.equal(response.status, 200);
    const html = await response.text();
    const [total] = await expected(null);
    assert.ok(total);
    // What this file's inserts make (the demo plan may hold others), so the SQL above is checked too.
    const [ours] = await expected(null, true);
    assert.deepEqual(
      { inputs: ours!.inputs, answered: ours!.answered, overdue: ours!.overdue, led: ours!.led },
      { inputs: 8, answered: 3, overdue: 3, led: 1 },
    );
    const totals = cellsOf(total);
    MEASURE_KEYS.forEach((measure, i) => assert.equal(rowCells(html, 'data-figure', measure)[1], totals[i], measure));
    for (const e of await expected('agency_id')) assert.deepEqual(rowCells(html, 'data-group', e.key === null ? 'none' : String(e.key)).slice(1), cellsOf(e));
    const byConsultation = await expected('consultation_id');
    assert.ok(byConsultation.some((e) => e.key === consultationInternal) && byConsultation.some((e) => e.key === null));
    const section = html.slice(html.indexOf('id="s-consultations"'));
    for (const e of byConsultation) assert.deepEqual(rowCells(section, 'data-group', e.key === null ? 'none' : String(e.key)).slice(1), cellsOf(e));
    // Charts with their tables; an internal round's name is shown, its inputs' words are not.
    assert.match(html, /<svg[^>]+role="img"/);
    assert.match(html, /figures-agency-share-title/);
    assert.match(html, /機關內部徵詢 \(內部徵詢\)/);
    assert.doesNotMatch(html, /FIGURES-WORDS/);
  });

  test('reads in both languages, and is kept for anonymous visitors', async () => {
    const zh = await (await app.request(inputFiguresPath(PLAN))).text();
    assert.match(zh, /<h1>回應統計<\/h1>/);
    assert.match(zh, /待回應逾 30 天/);
    assert.match(zh, /幕僚（國發會）/);
    const en = await app.request(`/en${inputFiguresPath(PLAN)}`);
    assert.equal(en.status, 200);
    const html = await en.text();
    assert.match(html, /<h1>Response figures<\/h1>/);
    assert.match(html, /Waiting more than 30 days/);
    assert.match(html, /The secretariat \(NDC\)/);
    assert.match(html, /Consultation on the draft/);
    const again = await app.request(`/en${inputFiguresPath(PLAN)}`);
    assert.equal(again.headers.get('x-page-cache'), 'hit');
  });

  test('an unknown plan is a 404', async () => {
    assert.equal((await app.request('/plans/no-such-plan/inputs/figures')).status, 404);
  });

  test('stays within its budget of SQL statements', async () => {
    const counted = await countQueries(
      countedApp(ctx.database, () => ctx.clock.now),
      inputFiguresPath(PLAN),
    );
    assert.equal(counted.status, 200);
    assert.ok(counted.statements.length <= 4, describeStatements(counted.statements));
  });
});

describe('the API', () => {
  test('GET /api/v1/plans/{id}/input-figures matches the SQL count and lists waiting inputs by id and date only', async () => {
    const response = await app.request(`/api/v1/plans/${planId}/input-figures`);
    assert.equal(response.status, 200);
    type Figures = { inputs: number; answered: number; overdue: number; ledToChange: number; medianDaysToAnswer: number | null; shareAnswered: number | null };
    const body = await json<{
      totals: Figures;
      byAgency: (Figures & { agencyId: number | null })[];
      byConsultation: (Figures & { consultationId: number | null })[];
      overdue: { id: number; submittedAt: string; agencyId: number | null; daysWaiting: number; url: string }[];
    }>(response);
    const check = (f: Figures, e: Expected) =>
      assert.deepEqual(
        { inputs: f.inputs, answered: f.answered, overdue: f.overdue, led: f.ledToChange, median: f.medianDaysToAnswer },
        { inputs: e.inputs, answered: e.answered, overdue: e.overdue, led: e.led, median: e.median },
      );
    const [total] = await expected(null);
    check(body.totals, total!);
    assert.equal(body.totals.shareAnswered, total!.answered / total!.inputs);
    for (const e of await expected('agency_id'))
      check(
        body.byAgency.find((g) => g.agencyId === e.key)!,
        e,
      );
    for (const e of await expected('consultation_id'))
      check(
        body.byConsultation.find((g) => g.consultationId === e.key)!,
        e,
      );
    assert.deepEqual(body.overdue.map((i) => i.id).filter(ours), [ids.overdueAgency, ids.overdueSecretariat, ids.overdueInternal]);
    assert.deepEqual(
      body.overdue.find((i) => i.id === ids.overdueSecretariat),
      {
        id: ids.overdueSecretariat,
        submittedAt: daysAgo(45).toISOString(),
        agencyId: null,
        daysWaiting: 45,
        url: `/plans/${SLUG}/inputs/${ids.overdueSecretariat}`,
      },
    );
    assert.doesNotMatch(JSON.stringify(body), /FIGURES-WORDS/);
    const doc = await json<{ paths: Record<string, unknown> }>(await app.request('/api/v1/openapi.json'));
    assert.ok(doc.paths['/plans/{id}/input-figures'], 'in the OpenAPI document');
    assert.equal((await app.request('/api/v1/plans/999999/input-figures')).status, 404);
  });
});

describe('the secretariat’s board', () => {
  test('lists each input waiting more than 30 days with who is invited to answer, and nothing else', async () => {
    await addUser(ctx, 'figures-sec@example.org', 'secretariat');
    const secretariat = new Client(app);
    assert.equal((await secretariat.signIn('figures-sec@example.org')).status, 303);
    // The board shows a review cycle's reports; the plan's cycles first.
    assert.equal((await secretariat.api('POST', `/api/v1/plans/${planId}/cycles/generate`, {})).status, 201);
    for (const lang of ['', '/en']) {
      const response = await secretariat.get(`${lang}/plans/${SLUG}/board`);
      assert.equal(response.status, 200);
      const html = await response.text();
      const section = html.slice(html.indexOf('id="s-inputs-waiting"'));
      const listed = [...section.matchAll(/data-input="(\d+)"/g)].map((m) => Number(m[1])).filter(ours);
      assert.deepEqual(listed, [ids.overdueAgency, ids.overdueSecretariat, ids.overdueInternal]);
      const agencyRow = rowCells(section, 'data-input', String(ids.overdueAgency));
      assert.equal(agencyRow[4], '60');
      assert.match(section, new RegExp(`href="${lang}/plans/${SLUG}/inputs/${ids.overdueAgency}"`));
      const secretariatRow = rowCells(section, 'data-input', String(ids.overdueSecretariat));
      assert.equal(secretariatRow[5], lang === '' ? '幕僚（國發會）' : 'The secretariat (NDC)');
      assert.equal(secretariatRow[4], '45');
      if (lang === '') {
        assert.match(section, /待回應逾 30 天的意見/);
        assert.doesNotMatch(section, /管考/);
        assert.equal(agencyRow[5], '內政部');
      } else assert.match(section, /Inputs waiting for an answer more than 30 days/);
      assert.doesNotMatch(section, /FIGURES-WORDS/);
    }
  });

  test('an anonymous visitor cannot see it', async () => {
    const response = await app.request(`/plans/${SLUG}/board`);
    assert.notEqual(response.status, 200);
    assert.doesNotMatch(await response.text(), /s-inputs-waiting|待回應逾 30 天的意見/);
  });
});

describe('the co-creation record', () => {
  test('shows the plan’s response figures, as in SQL, with a link to the figures page', async () => {
    const html = await (await app.request(`/plans/${SLUG}/co-creation`)).text();
    const section = html.slice(html.indexOf('id="s-input-figures"'));
    assert.match(section, /公眾意見的回應/);
    const [total] = await expected(null);
    const cells = cellsOf(total!);
    MEASURE_KEYS.forEach((measure, i) => assert.equal(rowCells(section, 'data-figure', measure)[1], cells[i], measure));
    assert.match(section, new RegExp(`href="/plans/${SLUG}/inputs/figures"`));
    const en = await (await app.request(`/en/plans/${SLUG}/co-creation`)).text();
    assert.match(en, /Answers to public input/);
    assert.match(en, new RegExp(`href="/en/plans/${SLUG}/inputs/figures"`));
  });
});
