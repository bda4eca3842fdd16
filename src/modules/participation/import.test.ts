/**
 * The import of inputs gathered elsewhere: the CSV's checks (pure), then the page and the API over a real database —
 * a good file imports every row with its source, date and link; one bad row anywhere writes nothing and every
 * problem is named by row and column; too many rows are refused; only the secretariat imports; markup stays text.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, Client, json, setup, signedIn, type TestContext } from '../../../test/helpers.js';
import { findPlanById, planQueries } from '../plans/index.js';
import { IMPORT_MAX_ROWS, parseInputsCsv, parseTarget, type RowProblem } from './import.js';
import * as q from './participation.queries.js';

const HEADER = 'source,submitted_at,author_name,source_url,target,kind,body,response_state,response_reason_zh,referred_to,responded_at';
const NOW = new Date('2026-11-22T08:00:00Z');

const problemsOf = (csv: string): RowProblem[] => {
  const parsed = parseInputsCsv(csv, NOW);
  return parsed.ok ? [] : parsed.problems;
};

describe('the CSV’s checks', () => {
  test('a good file gives typed rows; dates without an offset are Taipei’s; a BOM and quoted line breaks are fine', () => {
    const csv = `\uFEFF${HEADER}\njoin,2020-03-16,,https://join.gov.tw/policies/detail/x,commitment:1-4,comment,"第一行\n第二行",,,,\nmeeting,2020-03-17T14:30,王小明,,milestone:1-4/2,comment,=1+2,noted,,,2020-04-01`;
    const parsed = parseInputsCsv(csv, NOW);
    assert.ok(parsed.ok, JSON.stringify(parsed));
    const [first, second] = parsed.rows;
    assert.equal(first?.submittedAt.toISOString(), '2020-03-15T16:00:00.000Z');
    assert.equal(first?.body, '第一行\n第二行');
    assert.equal(first?.sourceUrl, 'https://join.gov.tw/policies/detail/x');
    assert.deepEqual(second?.target, { type: 'milestone', commitment: '1-4', position: 2 });
    assert.equal(second?.submittedAt.toISOString(), '2020-03-17T06:30:00.000Z');
    // A formula-looking cell is kept as the text it is.
    assert.equal(second?.body, '=1+2');
    assert.equal(second?.response.state, 'noted');
  });

  test('every problem is named by its row (the header is row 1) and column', () => {
    const csv = [
      HEADER,
      'join,2020-13-45,,,commitment:1-4,comment,壞日期,,,,',
      'join,2020-03-16,,javascript:alert(1),commitment:1-4,comment,壞連結,,,,',
      'join,2020-03-16,,,commitment:1-4,comment,未採納無理由,not-adopted,,,2020-04-01',
      'join,2020-03-16,,,commitment:1-4,comment,轉介無對象,referred,理由,,2020-04-01',
      'site,2020-03-16,,,nothing:1,rant,,,,,',
      'join,2020-03-16,,,commitment:1-4,comment,好的,,,,',
    ].join('\n');
    const found = problemsOf(csv).map((p) => `${p.row}:${p.column}:${p.key.replace('participation.import.error.', '')}`);
    assert.deepEqual(found, [
      '2:submitted_at:date',
      '3:source_url:url',
      '4:response_reason_zh:reason',
      '5:referred_to:referredTo',
      '6:source:source',
      '6:target:target',
      '6:kind:kind',
      '6:body:required',
    ]);
  });

  test('the header must name the required columns, once, and no unknown one', () => {
    const found = problemsOf('source,submitted_at,body,body,colour\njoin,2020-01-01,x,x,red').map(
      (p) => `${p.row}:${p.column}:${p.key.replace('participation.import.error.', '')}`,
    );
    assert.deepEqual(found, [
      '1:body:duplicateColumn',
      '1:colour:unknownColumn',
      '1:author_name:missingColumn',
      '1:source_url:missingColumn',
      '1:target:missingColumn',
      '1:kind:missingColumn',
    ]);
  });

  test('answers: dates after submission and not in the future; a pending row carries no answer', () => {
    const csv = [
      HEADER,
      'join,2020-03-16,,,plan,comment,早於提出,adopted,,,2020-03-01',
      'join,2020-03-16,,,plan,comment,未來,adopted,,,2099-01-01',
      'join,2020-03-16,,,plan,comment,沒有日期,adopted,,,',
      'join,2020-03-16,,,plan,comment,待回應卻有理由,,理由,,',
    ].join('\n');
    const found = problemsOf(csv).map((p) => `${p.row}:${p.column}:${p.key.replace('participation.import.error.', '')}`);
    assert.deepEqual(found, [
      '2:responded_at:answeredBefore',
      '3:responded_at:future',
      '4:responded_at:respondedAtRequired',
      '5:response_reason_zh:pendingHasAnswer',
    ]);
  });

  test('targets', () => {
    assert.deepEqual(parseTarget('plan'), { type: 'plan' });
    assert.deepEqual(parseTarget('area:2'), { type: 'area', position: 2 });
    assert.deepEqual(parseTarget('commitment:4-1'), { type: 'commitment', number: '4-1' });
    assert.equal(parseTarget('milestone:1-4/0'), undefined);
    assert.equal(parseTarget('commitment:1-4; DROP TABLE'), undefined);
  });

  test('too many rows and broken CSV are one problem for the file', () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `join,2020-03-16,,,plan,comment,第 ${i} 則,,,,`);
    assert.deepEqual(
      problemsOf([HEADER, ...rows].join('\n')).map((p) => p.key),
      ['participation.import.error.tooManyRows'],
    );
    assert.deepEqual(
      problemsOf(`${HEADER}\njoin,2020-03-16,,,plan,comment,"not closed`).map((p) => p.key),
      ['participation.import.error.syntax'],
    );
    assert.deepEqual(
      problemsOf(HEADER).map((p) => p.key),
      ['participation.import.error.empty'],
    );
  });
});

describe('the import, over the app', () => {
  let ctx: TestContext;
  let secretariat: Client;
  let officer: Client;
  let slug = '';
  const importPage = () => `/en/plans/${slug}/inputs/import`;
  const count = async () =>
    (await q.listInputs(ctx.database.db, { planId: ctx.planId, states: ['published', 'internal', 'hidden', 'withdrawn'] }, { limit: 1, offset: 0 })).total;

  before(async () => {
    ctx = await setup();
    await addUser(ctx, 'sec@example.org', 'secretariat');
    await addUser(ctx, 'moj@example.org', 'agency-officer', ['MOJ']);
    [secretariat, officer] = await Promise.all([signedIn(ctx.app, 'sec@example.org'), signedIn(ctx.app, 'moj@example.org')]);
    slug = (await findPlanById(ctx.database.db, ctx.planId))?.slug ?? '';
  });
  after(() => ctx.close());

  test('a good file imports every row, shown with its source, date and link; an answer it brings is kept', async () => {
    const csv = [
      `${HEADER},responded_by,title,problem,suggested_action,proposed_agency,lang`,
      'join,2020-03-16T10:00,,https://join.gov.tw/policies/detail/aaaa-1,commitment:1-4,comment,政府資訊公開的拒絕理由應統計公開。,partly-adopted,部分採納的理由。,,2020-04-20,,,,,,',
      'meeting,2020-03-18,推動小組委員,,milestone:1-4/1,comment,<script>alert(1)</script>,,,,,,,,,,',
      'email,2020-03-19,,,plan,proposal,建議新增承諾事項。,referred,轉介理由,JOIN 提點子,2020-04-02,,推動開放國會,委員會資料不易取得,公開逐字稿,MOI,',
      'other,2020-03-20,Jane,,commitment:4-1,comment,"=HYPERLINK(""http://evil.example"")",noted,,,2020-03-25,內政部民政司,,,,,en',
    ].join('\n');
    await secretariat.get(importPage());
    const res = await secretariat.postForm(importPage(), { csv });
    assert.equal(res.status, 303, await res.text());
    assert.match(res.headers.get('location') ?? '', /imported=4$/);
    const notice = await (await secretariat.get(res.headers.get('location') ?? '')).text();
    assert.match(notice, /4 inputs imported/);

    const { items } = await q.listInputs(ctx.database.db, { planId: ctx.planId, states: ['published'] }, { limit: 10, offset: 0 });
    const join = items.find((i) => i.source === 'join');
    assert.ok(join);
    assert.equal(join.sourceUrl, 'https://join.gov.tw/policies/detail/aaaa-1');
    assert.equal(join.submittedAt.toISOString(), '2020-03-16T02:00:00.000Z');
    assert.equal(join.response.state, 'partly-adopted');
    assert.equal(join.response.reason.zh, '部分採納的理由。');
    assert.equal(join.response.respondedByName, '法務部', 'the lead agency of 1-4 answered');
    assert.equal(join.authorId, null);
    const meeting = items.find((i) => i.source === 'meeting');
    assert.equal(meeting?.body, '<script>alert(1)</script>', 'stored as the text it is');
    assert.equal(meeting?.authorName, '推動小組委員');
    const proposal = items.find((i) => i.kind === 'proposal');
    assert.equal(proposal?.proposal.title, '推動開放國會');
    assert.equal(proposal?.agencyId, ctx.agencies.get('MOI'));
    assert.equal(proposal?.response.referredTo, 'JOIN 提點子');
    const other = items.find((i) => i.source === 'other');
    assert.equal(other?.body, '=HYPERLINK("http://evil.example")');
    assert.equal(other?.lang, 'en');
    assert.equal(other?.response.respondedByName, '內政部民政司');

    // The input's page shows where it came from, when, and the link; the markup is text.
    const page = await (await secretariat.get(`/en/plans/${slug}/inputs/${join.id}`)).text();
    assert.match(page, /https:\/\/join\.gov\.tw\/policies\/detail\/aaaa-1/);
    assert.match(page, /2020/);
    const meetingPage = await (await secretariat.get(`/en/plans/${slug}/inputs/${meeting?.id ?? 0}`)).text();
    assert.doesNotMatch(meetingPage, /<script>alert/);
  });

  test('one bad row anywhere writes nothing; the page lists each problem by row and column', async () => {
    const before = await count();
    const csv = [
      HEADER,
      'join,2020-03-16,,,commitment:1-4,comment,好的一列,,,,',
      'join,2020-02-30,,,commitment:1-4,comment,不存在的日期,,,,',
      'join,2020-03-16,,,commitment:9-9,comment,不存在的承諾事項,,,,',
      'join,2020-03-16,,,commitment:1-4,comment,未採納沒有理由,not-adopted,,,2020-04-01',
      'join,2020-03-16,,,commitment:1-4,comment,=SUM(A1:A9),,,,',
    ].join('\n');
    const res = await secretariat.postForm(importPage(), { csv });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /Row 3, column submitted_at: not a date/);
    assert.match(html, /Row 5, column response_reason_zh: this answer must say why/);
    assert.doesNotMatch(html, /Row 6/, 'a formula-looking cell is no problem');
    assert.match(html, /nothing was imported/);
    assert.equal(await count(), before);

    // The commitment is checked against the plan once the cells pass.
    const unknown = await secretariat.postForm(importPage(), { csv: [HEADER, 'join,2020-03-16,,,commitment:9-9,comment,不存在的承諾事項,,,,'].join('\n') });
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /Row 2, column target: the plan has no commitment:9-9/);
    assert.equal(await count(), before);
  });

  test('the API takes text/csv or JSON; too many rows are refused; problems are fields by row and column, at most 50 listed', async () => {
    const before = await count();
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `join,2020-03-16,,,plan,comment,第 ${i} 則,,,,`);
    const tooMany = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/inputs/import?lang=en`, { csv: [HEADER, ...rows].join('\n') });
    assert.equal(tooMany.status, 400);
    assert.match(JSON.stringify(await json(tooMany)), /more than 5000 rows/);

    const bad = Array.from({ length: 60 }, (_, i) => `join,not-a-date,,,plan,comment,第 ${i} 則,,,,`);
    const many = await secretariat.request(`/api/v1/plans/${ctx.planId}/inputs/import?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=utf-8', 'x-csrf-token': secretariat.csrf },
      body: [HEADER, ...bad].join('\n'),
    });
    assert.equal(many.status, 400);
    const body = await json<{ fields: Record<string, string> }>(many);
    assert.equal(body.fields.csv, '60 problems in the file; nothing was imported.');
    assert.equal(body.fields['rows.2.submitted_at'], 'Row 2, column submitted_at: not a date (2020-08-15, 2020-08-15T14:30 or with an offset).');
    assert.equal(Object.keys(body.fields).filter((f) => f.startsWith('rows.')).length, 50);
    assert.equal(body.fields['csv.more'], '…and 10 more problems not listed.');
    assert.equal(await count(), before);

    const good = await secretariat.request(`/api/v1/plans/${ctx.planId}/inputs/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-csrf-token': secretariat.csrf },
      body: `${HEADER}\nemail,2020-05-01,,,area:1,comment,關於第一面向的意見。,,,,`,
    });
    assert.equal(good.status, 201);
    assert.deepEqual(await good.json(), { imported: 1 });
    assert.equal(await count(), before + 1);
  });

  test('only the secretariat imports: an agency officer is refused (403), anonymous needs to sign in', async () => {
    const before = await count();
    const csv = `${HEADER}\njoin,2020-03-16,,,plan,comment,不應寫入,,,,`;
    assert.equal((await officer.api('POST', `/api/v1/plans/${ctx.planId}/inputs/import`, { csv })).status, 403);
    assert.equal((await officer.get(importPage())).status, 403);
    await officer.get(`/en/plans/${slug}`);
    assert.equal((await officer.postForm(importPage(), { csv })).status, 403);
    const anonymous = new Client(ctx.app);
    await anonymous.get(`/en/plans/${slug}`);
    assert.equal((await anonymous.api('POST', `/api/v1/plans/${ctx.planId}/inputs/import`, { csv })).status, 401);
    assert.equal(await count(), before);
  });

  test('a consultation attaches every row; a target outside it is a problem of its row', async () => {
    const consultation = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/consultations`, {
      targetType: 'commitment',
      targetId: (await planQueries.findCommitmentByNumber(ctx.database.db, ctx.planId, '1-4'))?.id,
      title: { zh: '1-4 徵詢', en: '1-4 consultation' },
      question: { zh: '意見？', en: 'Comments?' },
      audience: 'public',
      opensAt: '2020-03-01',
      closesAt: '2020-04-01',
    });
    assert.equal(consultation.status, 201, await consultation.clone().text());
    const { id } = await json<{ id: number }>(consultation);
    const outside = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/inputs/import?lang=en`, {
      csv: `${HEADER}\njoin,2020-03-16,,,commitment:4-1,comment,另一項承諾事項,,,,`,
      consultationId: id,
    });
    assert.equal(outside.status, 400);
    assert.match((await json<{ fields: Record<string, string> }>(outside)).fields['rows.2.target'] ?? '', /outside what the chosen consultation asks about/);
    const inside = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/inputs/import`, {
      csv: `${HEADER}\njoin,2020-03-16,,,milestone:1-4/1,comment,衡量指標的意見,,,,`,
      consultationId: id,
    });
    assert.equal(inside.status, 201);
    const attached = await q.listInputs(ctx.database.db, { planId: ctx.planId, consultationId: id, states: ['published'] }, { limit: 5, offset: 0 });
    assert.equal(attached.total, 1);
  });
});
