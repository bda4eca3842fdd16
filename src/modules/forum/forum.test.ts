/** Forum meetings, reviewed reports, resolutions and decisions through real HTTP against a real database. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { addUser, Client, json, setup, signedIn, type TestContext } from '../../../test/helpers.js';
import { jsonb, type Db } from '../../db/connection.js';
import { seedDemoForum } from './forum.seed.js';

let ctx: TestContext;
let secretariat: Client;
let officer: Client;
let publicUser: Client;
let anonymous: Client;
const SLUG = 'tw-2021-2024';

type L = { zh: string; en: string; status: string };
type Meeting = {
  id: number;
  version: number;
  heldOn: string;
  title: L;
  cycleId: number | null;
  attendance: { government: number; civilSociety: number; other: number; total: number };
  civilSocietyShare: number | null;
  url: string;
};
type ResolutionJson = {
  id: number;
  version: number;
  number: string;
  status: string;
  overdue: boolean;
  meetingId: number;
  ownerAgency: { code: string } | null;
  url: string;
};
type MeetingDetail = Meeting & {
  carriedOver: (ResolutionJson & { madeAt: { id: number } })[];
  resolutions: ResolutionJson[];
  decisions: { resolutionId: number; status: string; resolutionNumber: string }[];
  reports: { reportId: number; showcased: boolean; story: L; commitmentNumber: string; agency: { name: L } }[];
};
type ErrorBody = { error: string; fields: Record<string, string>; current?: { version: number } };

before(async () => {
  ctx = await setup();
  await addUser(ctx, 'sec@example.org', 'secretariat');
  await addUser(ctx, 'moi@example.org', 'agency-officer', ['MOI']);
  await addUser(ctx, 'pub@example.org', 'public');
  secretariat = await signedIn(ctx.app, 'sec@example.org');
  officer = await signedIn(ctx.app, 'moi@example.org');
  publicUser = await signedIn(ctx.app, 'pub@example.org');
  anonymous = new Client(ctx.app);
  await anonymous.get('/login'); // a CSRF token, so refusals come from authorization, not CSRF
});
after(() => ctx.close());

const meetingBody = (heldOn: string, extra: Record<string, unknown> = {}) => ({
  heldOn,
  kind: 'plenary',
  title: { zh: `推動小組會議 ${heldOn}`, en: `Forum meeting ${heldOn}` },
  attendance: { government: 15, civilSociety: 10, other: 0 },
  agenda: { zh: '一、確認上次會議紀錄。', en: '1. Minutes of the last meeting.' },
  ...extra,
});

async function createMeeting(heldOn: string, extra: Record<string, unknown> = {}): Promise<Meeting> {
  const res = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/meetings`, meetingBody(heldOn, extra));
  assert.equal(res.status, 201, await res.clone().text());
  return json<Meeting>(res);
}

async function createResolution(meetingId: number, extra: Record<string, unknown> = {}): Promise<ResolutionJson> {
  const res = await secretariat.api('POST', `/api/v1/meetings/${meetingId}/resolutions`, {
    body: { zh: '請國發會彙整辦理情形。', en: 'The NDC to compile progress.' },
    ...extra,
  });
  assert.equal(res.status, 201, await res.clone().text());
  return json<ResolutionJson>(res);
}

const getMeeting = async (id: number) => json<MeetingDetail>(await ctx.app.request(`/api/v1/meetings/${id}`));
const getResolution = async (id: number) =>
  (await json<{ items: ResolutionJson[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/resolutions`))).items.find((r) => r.id === id) as ResolutionJson;

async function decide(resolutionId: number, meetingId: number, status: string) {
  const current = await getResolution(resolutionId);
  return secretariat.api('POST', `/api/v1/resolutions/${resolutionId}/decisions`, {
    meetingId,
    status,
    version: current.version,
    note: { zh: '說明', en: 'Note' },
  });
}

// ---- rows the monitoring module would write: cycles and reports ----

async function insertCycle(db: Db, number: number, startsOn: string, endsOn: string, reviewOn: string | null): Promise<number> {
  const row = await db
    .insertInto('review_cycles')
    .values({ plan_id: ctx.planId, number, starts_on: startsOn, ends_on: endsOn, report_due: endsOn, review_on: reviewOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertReport(db: Db, commitmentNumber: string, cycleId: number, state: 'draft' | 'submitted'): Promise<number> {
  const commitment = await db
    .selectFrom('commitments')
    .select(['id', 'lead_agency_id'])
    .where('plan_id', '=', ctx.planId)
    .where('number', '=', commitmentNumber)
    .executeTakeFirstOrThrow();
  const text = jsonb({ zh: '進度說明', en: 'Progress', status: 'draft' });
  const row = await db
    .insertInto('progress_reports')
    .values({
      commitment_id: commitment.id,
      cycle_id: cycleId,
      revision: 1,
      agency_id: commitment.lead_agency_id,
      state,
      achievements: text,
      participation: text,
      problems: text,
      next_steps: text,
      budget_note: text,
      author_name: 'test',
      submitted_at: state === 'draft' ? null : new Date('2021-05-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// ------------------------------------------------------------------ authorization

describe('authorization: only the secretariat (and admins) write the forum’s record', () => {
  let meeting: Meeting;
  let spare: Meeting;
  let resolution: ResolutionJson;

  before(async () => {
    meeting = await createMeeting('2021-04-20');
    spare = await createMeeting('2021-04-21', { kind: 'other' });
    resolution = await createResolution(meeting.id);
  });

  const endpoints: { name: string; ok: number; request: () => Promise<[string, string, unknown]> }[] = [
    { name: 'POST /plans/{id}/meetings', ok: 201, request: async () => ['POST', `/api/v1/plans/${ctx.planId}/meetings`, meetingBody('2021-04-22')] },
    {
      name: 'PATCH /meetings/{id}',
      ok: 200,
      request: async () => ['PATCH', `/api/v1/meetings/${meeting.id}`, { version: (await getMeeting(meeting.id)).version, attendance: { other: 2 } }],
    },
    {
      name: 'PUT /meetings/{id}/reports',
      ok: 200,
      request: async () => ['PUT', `/api/v1/meetings/${meeting.id}/reports`, { version: (await getMeeting(meeting.id)).version, reports: [] }],
    },
    {
      name: 'POST /meetings/{id}/resolutions',
      ok: 201,
      request: async () => ['POST', `/api/v1/meetings/${meeting.id}/resolutions`, { body: { zh: '新決議' } }],
    },
    {
      name: 'PATCH /resolutions/{id}',
      ok: 200,
      request: async () => ['PATCH', `/api/v1/resolutions/${resolution.id}`, { version: (await getResolution(resolution.id)).version, dueOn: '2021-08-31' }],
    },
    {
      name: 'POST /resolutions/{id}/decisions',
      ok: 200,
      request: async () => [
        'POST',
        `/api/v1/resolutions/${resolution.id}/decisions`,
        { version: (await getResolution(resolution.id)).version, meetingId: meeting.id, status: 'keep-tracking' },
      ],
    },
    { name: 'DELETE /meetings/{id}', ok: 204, request: async () => ['DELETE', `/api/v1/meetings/${spare.id}?version=${spare.version}`, undefined] },
  ];

  for (const endpoint of endpoints) {
    test(`${endpoint.name}: anonymous 401, public 403, agency officer 403, secretariat ${endpoint.ok}`, async () => {
      for (const [client, expected] of [
        [anonymous, 401],
        [publicUser, 403],
        [officer, 403],
        [secretariat, endpoint.ok],
      ] as const) {
        const [method, path, body] = await endpoint.request();
        const res = await client.api(method, path, body);
        assert.equal(res.status, expected, `${method} ${path}: ${await res.clone().text()}`);
      }
    });
  }

  test('form pages: anonymous 401, officer 403, secretariat 200', async () => {
    const paths = [
      `/plans/${SLUG}/meetings/new`,
      `/plans/${SLUG}/meetings/${meeting.id}/edit`,
      `/plans/${SLUG}/meetings/${meeting.id}/reports`,
      `/plans/${SLUG}/meetings/${meeting.id}/resolutions/new`,
      `/plans/${SLUG}/resolutions/${resolution.id}/edit`,
      `/plans/${SLUG}/resolutions/${resolution.id}/decide`,
    ];
    for (const path of paths) {
      assert.equal((await anonymous.get(path)).status, 401, path);
      assert.equal((await officer.get(path)).status, 403, path);
      assert.equal((await secretariat.get(path)).status, 200, path);
    }
    const refused = await officer.postForm(`/plans/${SLUG}/meetings/new`, { heldOn: '2021-05-01', kind: 'plenary', 'title.zh': 'x' });
    assert.equal(refused.status, 403);
  });

  test('edit links are shown only to those who may use them', async () => {
    const path = `/en/plans/${SLUG}/meetings/${meeting.id}`;
    assert.doesNotMatch(await (await officer.get(path)).text(), /\/edit"/);
    assert.match(await (await secretariat.get(path)).text(), new RegExp(`/en/plans/${SLUG}/meetings/${meeting.id}/edit"`));
  });
});

// ------------------------------------------------------------------ validation

describe('bad input: 400 naming the field, in the language asked for; never a 500', () => {
  let meeting: Meeting;
  before(async () => {
    meeting = await createMeeting('2021-06-10');
  });

  test('shape errors name each field (English by default, Chinese with ?lang=zh-TW)', async () => {
    const bad = { ...meetingBody('2021-02-30'), kind: 'party', attendance: { government: -1, civilSociety: 2.5, other: 'many' } };
    const en = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/meetings`, bad);
    assert.equal(en.status, 400);
    const enBody = await json<ErrorBody>(en);
    assert.equal(enBody.fields.heldOn, 'Enter a real date as YYYY-MM-DD.');
    assert.equal(enBody.fields['attendance.government'], 'Enter a whole number of people, 0 or more.');
    assert.ok(enBody.fields['attendance.civilSociety'] && enBody.fields['attendance.other'] && enBody.fields.kind, JSON.stringify(enBody));
    const zh = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/meetings?lang=zh-TW`, bad);
    const zhBody = await json<ErrorBody>(zh);
    assert.equal(zhBody.fields['attendance.government'], '請輸入 0 以上的整數人數。');
    assert.equal(zhBody.fields.kind, '請選擇全體委員會議、工作分組會議、工作坊、諮詢會議或其他會議。');
  });

  test('domain rules: title required, due date not before the meeting, known agency and cycle, unique number', async () => {
    const noTitle = await secretariat.api(
      'POST',
      `/api/v1/plans/${ctx.planId}/meetings`,
      { ...meetingBody('2021-06-11'), title: { zh: ' ', en: '' } },
      { 'accept-language': 'zh-TW,zh;q=0.9' },
    );
    assert.equal(noTitle.status, 400);
    assert.equal((await json<ErrorBody>(noTitle)).fields.title, '此欄位為必填。');
    const badCycle = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/meetings`, meetingBody('2021-06-11', { cycleId: 999999 }));
    assert.equal((await json<ErrorBody>(badCycle)).fields.cycleId, 'Choose a review cycle of this plan.');

    const early = await secretariat.api('POST', `/api/v1/meetings/${meeting.id}/resolutions`, {
      body: { zh: '決議' },
      dueOn: '2021-06-01',
      ownerAgencyId: 999999,
    });
    assert.equal(early.status, 400);
    const fields = (await json<ErrorBody>(early)).fields;
    assert.equal(fields.dueOn, 'The due date cannot be before the meeting (2021-06-10).');
    assert.equal(fields.ownerAgencyId, 'Choose an existing agency.');

    const first = await createResolution(meeting.id, { number: 'A-1' });
    const dup = await secretariat.api('POST', `/api/v1/meetings/${meeting.id}/resolutions`, { body: { zh: '重複' }, number: 'A-1' });
    assert.equal((await json<ErrorBody>(dup)).fields.number, 'This is already used.');
    const badNumber = await secretariat.api('POST', `/api/v1/meetings/${meeting.id}/resolutions`, { body: { zh: 'x' }, number: '<b>' });
    assert.equal((await json<ErrorBody>(badNumber)).fields.number, 'Use letters, digits, dots and hyphens, such as 20210512-1.');
    const noBody = await secretariat.api('PATCH', `/api/v1/resolutions/${first.id}`, { version: first.version, body: { zh: '', en: '' } });
    assert.equal((await json<ErrorBody>(noBody)).fields.body, 'This field is required.');
  });

  test('automatic numbers follow the meeting date', async () => {
    // A meeting of its own: the describe's meeting has resolutions from other tests.
    const own = await createMeeting('2021-06-20');
    const a = await createResolution(own.id);
    const b = await createResolution(own.id);
    assert.equal(a.number, '20210620-1');
    assert.equal(b.number, '20210620-2');
  });

  test('a decision at a meeting before the one that made the resolution is refused on meetingId', async () => {
    const earlier = await createMeeting('2021-06-01', { kind: 'working-group' });
    const r = await createResolution(meeting.id);
    const res = await secretariat.api('POST', `/api/v1/resolutions/${r.id}/decisions?lang=zh-TW`, {
      meetingId: earlier.id,
      status: 'closed',
      version: r.version,
    });
    assert.equal(res.status, 400);
    assert.equal((await json<ErrorBody>(res)).fields.meetingId, '請選擇作成該決議的會議或之後的會議。');
    const bogus = await secretariat.api('POST', `/api/v1/resolutions/${r.id}/decisions`, { meetingId: 999999, status: 'done', version: r.version });
    assert.equal(bogus.status, 400);
    assert.ok((await json<ErrorBody>(bogus)).fields.status);
    const unknown = await secretariat.api('POST', `/api/v1/resolutions/${r.id}/decisions`, { meetingId: 999999, status: 'closed', version: r.version });
    assert.equal((await json<ErrorBody>(unknown)).fields.meetingId, 'Choose a meeting of this plan.');
  });

  test('nonsense ids and filters: 400 or 404, not 500', async () => {
    assert.equal((await ctx.app.request('/api/v1/meetings/abc')).status, 400);
    assert.equal((await ctx.app.request('/api/v1/meetings/999999')).status, 404);
    assert.equal((await ctx.app.request(`/api/v1/plans/${ctx.planId}/resolutions?status=open`)).status, 400);
    assert.equal((await ctx.app.request('/api/v1/plans/999999/meetings')).status, 404);
    assert.equal((await ctx.app.request(`/plans/${SLUG}/meetings/abc`)).status, 404);
    assert.equal((await ctx.app.request(`/plans/${SLUG}/meetings/99999999999`)).status, 404);
    assert.equal((await ctx.app.request(`/plans/${SLUG}/resolutions?status=nonsense&agency=-1`)).status, 200);
    assert.equal((await secretariat.api('PATCH', `/api/v1/meetings/${meeting.id}`, { title: { zh: 'x' } })).status, 400, 'version required');
  });

  test('the form shows messages beside the fields in the page language and keeps what was typed', async () => {
    const path = `/en/plans/${SLUG}/meetings/new`;
    await secretariat.get(path);
    const res = await secretariat.postForm(path, {
      heldOn: '2021-07-01',
      kind: 'plenary',
      'title.zh': '',
      'title.en': 'Typed title that must survive',
      'title.status': 'draft',
      'attendance.government': '-3',
      'attendance.civilSociety': '9',
      'attendance.other': '0',
      links: 'Minutes not-a-url',
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /Enter a whole number of people, 0 or more\./);
    assert.match(html, /Typed title that must survive/);
    assert.match(html, /id="err-attendance.government"|id="err-attendance-government"/);
    assert.match(html, /<fieldset class="field"><legend>Attendance<\/legend>/);
  });
});

// ------------------------------------------------------------------ concurrency

describe('stale versions: 409 with the current values', () => {
  test('meeting, resolution, decision and delete', async () => {
    const meeting = await createMeeting('2021-07-15');
    const ok = await secretariat.api('PATCH', `/api/v1/meetings/${meeting.id}`, { version: meeting.version, minutes: { zh: '紀錄', en: 'Minutes' } });
    assert.equal(ok.status, 200);
    const stale = await secretariat.api('PATCH', `/api/v1/meetings/${meeting.id}`, { version: meeting.version, minutes: { zh: '另一份' } });
    assert.equal(stale.status, 409);
    assert.equal((await json<ErrorBody>(stale)).current?.version, meeting.version + 1);
    assert.equal((await secretariat.api('DELETE', `/api/v1/meetings/${meeting.id}?version=${meeting.version}`)).status, 409);
    assert.equal((await secretariat.api('PUT', `/api/v1/meetings/${meeting.id}/reports`, { version: meeting.version, reports: [] })).status, 409);

    const r = await createResolution(meeting.id);
    assert.equal((await secretariat.api('PATCH', `/api/v1/resolutions/${r.id}`, { version: r.version, dueOn: '2021-12-31' })).status, 200);
    assert.equal((await secretariat.api('PATCH', `/api/v1/resolutions/${r.id}`, { version: r.version, dueOn: '2021-11-30' })).status, 409);
    assert.equal(
      (await secretariat.api('POST', `/api/v1/resolutions/${r.id}/decisions`, { version: r.version, meetingId: meeting.id, status: 'closed' })).status,
      409,
    );
  });

  test('the edit form shows the stored values on 409', async () => {
    const meeting = await createMeeting('2021-07-16');
    await secretariat.api('PATCH', `/api/v1/meetings/${meeting.id}`, { version: meeting.version, title: { en: 'Saved by someone else' } });
    const path = `/en/plans/${SLUG}/meetings/${meeting.id}/edit`;
    await secretariat.get(path);
    const res = await secretariat.postForm(path, {
      version: String(meeting.version),
      heldOn: meeting.heldOn,
      kind: 'plenary',
      'title.zh': meeting.title.zh,
      'title.en': 'My edit',
    });
    assert.equal(res.status, 409);
    const html = await res.text();
    assert.match(html, /Someone else saved a newer version/);
    assert.match(html, /Saved by someone else/);
  });
});

// ------------------------------------------------------------------ carried over and decisions

describe('open resolutions carry over to the next meeting’s agenda until closed', () => {
  let m1: Meeting;
  let m2: Meeting;
  let m3: Meeting;
  let r: ResolutionJson;
  let other: ResolutionJson;
  let round = 0;
  /** r's text, told apart from the r of the other tests (their open ones are carried over to these meetings too). */
  let body = { zh: '', en: '' };

  // Each test has meetings and resolutions of its own, and makes the decisions it needs itself.
  beforeEach(async () => {
    round += 1;
    body = { zh: `請公開會議紀錄（第${round}則）。`, en: `Publish the minutes (${round}).` };
    m1 = await createMeeting('2023-01-10');
    m3 = await createMeeting('2023-09-10'); // entered before m2: order is by date, not by entry
    m2 = await createMeeting('2023-05-10');
    r = await createResolution(m1.id, { ownerAgencyId: ctx.agencies.get('NDC'), dueOn: '2023-03-31', body });
    other = await createResolution(m1.id, { ownerAgencyId: ctx.agencies.get('MOJ'), dueOn: '2023-12-31' });
  });

  test('made at meeting 1 and still open: on meeting 2’s agenda, overdue as of that date', async () => {
    const detail = await getMeeting(m2.id);
    const carried = detail.carriedOver.find((x) => x.id === r.id);
    assert.ok(carried, JSON.stringify(detail.carriedOver.map((x) => x.number)));
    assert.equal(carried.madeAt.id, m1.id);
    assert.equal(carried.overdue, true);
    assert.equal(carried.ownerAgency?.code, 'NDC');
    assert.equal(detail.carriedOver.find((x) => x.id === other.id)?.overdue, false);
    assert.ok(!(await getMeeting(m1.id)).carriedOver.some((x) => x.id === r.id), 'not carried to the meeting that made it');
    const page = await (await ctx.app.request(`/en/plans/${SLUG}/meetings/${m2.id}`)).text();
    assert.match(page, /Open resolutions carried over/);
    assert.ok(page.includes(body.en), 'the carried-over resolution is on the agenda');
    assert.match(page, /Overdue/);
  });

  test('closed at meeting 2: status closed, still listed at meeting 2, gone from meeting 3', async () => {
    const res = await decide(r.id, m2.id, 'closed');
    assert.equal(res.status, 200, await res.clone().text());
    const result = await json<{ resolution: ResolutionJson; decision: { status: string; meetingId: number } }>(res);
    assert.equal(result.resolution.status, 'closed');
    assert.equal(result.decision.meetingId, m2.id);
    assert.equal((await getResolution(r.id)).status, 'closed');
    const atM2 = await getMeeting(m2.id);
    assert.ok(atM2.carriedOver.some((x) => x.id === r.id));
    assert.ok(atM2.decisions.some((d) => d.resolutionId === r.id && d.status === 'closed'));
    const atM3 = await getMeeting(m3.id);
    assert.ok(!atM3.carriedOver.some((x) => x.id === r.id));
    assert.ok(
      atM3.carriedOver.some((x) => x.id === other.id),
      'the other one is still tracked',
    );
    const zhPage = await (await ctx.app.request(`/plans/${SLUG}/meetings/${m3.id}`)).text();
    assert.match(zhPage, /持續列管事項/);
    assert.ok(!zhPage.includes(body.zh), 'the closed resolution is no longer carried over');
  });

  test('the latest meeting’s decision counts, whatever order decisions are recorded in', async () => {
    assert.equal((await decide(r.id, m2.id, 'closed')).status, 200);
    const res = await decide(r.id, m1.id, 'keep-tracking');
    assert.equal(res.status, 200);
    assert.equal((await getResolution(r.id)).status, 'closed', 'm2 closed it after m1');
    assert.equal((await decide(r.id, m3.id, 'keep-tracking')).status, 200);
    assert.equal((await getResolution(r.id)).status, 'keep-tracking', 'reopened at m3');
    // Deciding again at the same meeting corrects the entry rather than adding one.
    assert.equal((await decide(r.id, m3.id, 'closed')).status, 200);
    assert.equal((await getResolution(r.id)).status, 'closed');
    const decisions = await ctx.database.db.selectFrom('resolution_decisions').selectAll().where('resolution_id', '=', r.id).execute();
    assert.equal(decisions.length, 3);
  });

  test('resolutions filter by status and owner agency (API and page)', async () => {
    assert.equal((await decide(r.id, m2.id, 'closed')).status, 200);
    const list = async (query: string) =>
      (await json<{ items: ResolutionJson[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/resolutions?${query}`))).items.map((x) => x.id);
    assert.ok((await list('status=closed')).includes(r.id));
    assert.ok(!(await list('status=keep-tracking')).includes(r.id));
    assert.ok((await list('status=keep-tracking')).includes(other.id));
    const moj = await list(`agency=${ctx.agencies.get('MOJ')}`);
    assert.ok(moj.includes(other.id) && !moj.includes(r.id));
    const page = await ctx.app.request(`/en/plans/${SLUG}/resolutions?status=keep-tracking&agency=${ctx.agencies.get('MOJ')}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, new RegExp(`id="r${other.id}"`));
    assert.doesNotMatch(html, new RegExp(`id="r${r.id}"`));
    assert.match(html, /<form method="get"/);
    assert.match(html, /<caption>/);
  });

  test('the decision form records a decision and returns to the meeting', async () => {
    const path = `/en/plans/${SLUG}/resolutions/${other.id}/decide`;
    const form = await secretariat.get(`${path}?meeting=${m3.id}`);
    const html = await form.text();
    assert.match(html, /<legend>Decision<span class="required">/);
    assert.match(html, new RegExp(`<option value="${m3.id}" selected`));
    const current = await getResolution(other.id);
    const res = await secretariat.postForm(path, {
      version: String(current.version),
      meetingId: String(m3.id),
      status: 'closed',
      'note.zh': '已完成',
      'note.en': 'Done',
    });
    assert.equal(res.status, 303, await res.clone().text());
    assert.equal(res.headers.get('location'), `/en/plans/${SLUG}/meetings/${m3.id}#s-decisions`);
    assert.equal((await getResolution(other.id)).status, 'closed');
    const missing = await secretariat.postForm(path, { version: String((await getResolution(other.id)).version), meetingId: String(m3.id) });
    assert.equal(missing.status, 400);
    assert.match(await missing.text(), /Choose keep tracking or closed\./);
  });

  test('moving a meeting after the meeting that decided on its resolutions is refused', async () => {
    assert.equal((await decide(r.id, m2.id, 'closed')).status, 200);
    const current = await getMeeting(m1.id);
    const res = await secretariat.api('PATCH', `/api/v1/meetings/${m1.id}`, { version: current.version, heldOn: '2023-06-01' });
    assert.equal(res.status, 400);
    assert.ok((await json<ErrorBody>(res)).fields.heldOn);
  });
});

// ------------------------------------------------------------------ deleting

describe('deleting a meeting', () => {
  test('with resolutions: 400 naming the reason, not a 500, and it stays', async () => {
    const meeting = await createMeeting('2022-02-02');
    await createResolution(meeting.id);
    const res = await secretariat.api('DELETE', `/api/v1/meetings/${meeting.id}?version=${meeting.version}`);
    assert.equal(res.status, 400);
    assert.match((await json<ErrorBody>(res)).fields.meeting ?? '', /cannot be deleted/);
    assert.equal((await ctx.app.request(`/api/v1/meetings/${meeting.id}`)).status, 200);
    const form = await secretariat.postForm(`/plans/${SLUG}/meetings/${meeting.id}/delete`, { version: String(meeting.version) });
    assert.equal(form.status, 400);
    assert.match(await form.text(), /無法刪除/);
  });

  test('a meeting that only decided on others’ resolutions stays too', async () => {
    const a = await createMeeting('2022-03-03');
    const b = await createMeeting('2022-03-04');
    const r = await createResolution(a.id);
    assert.equal((await decide(r.id, b.id, 'keep-tracking')).status, 200);
    assert.equal((await secretariat.api('DELETE', `/api/v1/meetings/${b.id}?version=${b.version}`)).status, 400);
  });

  test('without: deleted through the form, and gone', async () => {
    const meeting = await createMeeting('2022-04-04');
    await secretariat.get(`/plans/${SLUG}/meetings/${meeting.id}/edit`);
    const res = await secretariat.postForm(`/plans/${SLUG}/meetings/${meeting.id}/delete`, { version: String(meeting.version) });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/plans/${SLUG}/meetings`);
    assert.equal((await ctx.app.request(`/api/v1/meetings/${meeting.id}`)).status, 404);
  });
});

// ------------------------------------------------------------------ reports reviewed

describe('reports a meeting reviewed', () => {
  let cycleId: number;
  let submitted: number;
  let submitted2: number;
  let draft: number;
  let meeting: Meeting;
  let cycleNumber = 0;

  // Each test has a cycle, reports and a meeting of its own.
  beforeEach(async () => {
    const db = ctx.database.db;
    cycleNumber += 1;
    cycleId = await insertCycle(db, cycleNumber, '2021-01-01', '2021-04-30', '2021-06-15');
    submitted = await insertReport(db, '2-1', cycleId, 'submitted');
    submitted2 = await insertReport(db, '1-1', cycleId, 'submitted');
    draft = await insertReport(db, '4-1', cycleId, 'draft');
    meeting = await createMeeting('2021-06-15', { cycleId });
  });

  test('a draft report is refused, naming the commitment', async () => {
    const res = await secretariat.api('PUT', `/api/v1/meetings/${meeting.id}/reports`, {
      version: meeting.version,
      reports: [{ reportId: submitted }, { reportId: draft }],
    });
    assert.equal(res.status, 400);
    const fields = (await json<ErrorBody>(res)).fields;
    assert.equal(fields['reports.1.reportId'], 'The report on 4-1 is still a draft; only submitted reports can be reviewed.');
    const unknown = await secretariat.api('PUT', `/api/v1/meetings/${meeting.id}/reports`, {
      version: meeting.version,
      reports: [{ reportId: 999999 }, { reportId: submitted }, { reportId: submitted }],
    });
    const unknownFields = (await json<ErrorBody>(unknown)).fields;
    assert.ok(unknownFields['reports.0.reportId'] && unknownFields['reports.2.reportId'], JSON.stringify(unknownFields));
  });

  test('a showcased report needs its story; with it, showcased ones come first', async () => {
    const noStory = await secretariat.api('PUT', `/api/v1/meetings/${meeting.id}/reports?lang=zh-TW`, {
      version: meeting.version,
      reports: [{ reportId: submitted, showcased: true }],
    });
    assert.equal(noStory.status, 400);
    assert.equal((await json<ErrorBody>(noStory)).fields['reports.0.story'], '請填寫承諾事項 2-1 案例分享的協力故事。');
    const res = await secretariat.api('PUT', `/api/v1/meetings/${meeting.id}/reports`, {
      version: meeting.version,
      reports: [
        { reportId: submitted2 },
        { reportId: submitted, showcased: true, story: { zh: '中選會與民間團體共同測試連署系統。', en: 'The CEC tested the system with civic groups.' } },
      ],
    });
    assert.equal(res.status, 200, await res.clone().text());
    const detail = await getMeeting(meeting.id);
    assert.deepEqual(
      detail.reports.map((r) => [r.commitmentNumber, r.showcased]),
      [
        ['2-1', true],
        ['1-1', false],
      ],
    );
    assert.equal(detail.reports[0]?.story.en, 'The CEC tested the system with civic groups.');
    assert.equal(detail.version, meeting.version + 1, 'choosing reports is a new version of the meeting');
    const page = await (await ctx.app.request(`/en/plans/${SLUG}/meetings/${meeting.id}`)).text();
    assert.match(page, /Cases of collaboration presented/);
    assert.match(page, /The CEC tested the system with civic groups\./);
  });

  test('the picker lists the cycle’s submitted reports, not drafts, and saves through the form', async () => {
    // Reviewed already: 1-1, and 2-1 showcased with its story.
    const story = { zh: '中選會與民間團體共同測試連署系統。', en: 'The CEC tested the system with civic groups.' };
    const chosen = await secretariat.api('PUT', `/api/v1/meetings/${meeting.id}/reports`, {
      version: meeting.version,
      reports: [{ reportId: submitted2 }, { reportId: submitted, showcased: true, story }],
    });
    assert.equal(chosen.status, 200, await chosen.clone().text());
    const path = `/en/plans/${SLUG}/meetings/${meeting.id}/reports`;
    const page = await secretariat.get(path);
    const html = await page.text();
    assert.match(html, new RegExp(`id="f-reviewed-${submitted}"[^>]*checked`));
    assert.match(html, new RegExp(`id="f-reviewed-${submitted2}"`));
    assert.doesNotMatch(html, new RegExp(`f-reviewed-${draft}"`));
    assert.match(html, new RegExp(`Showing the reports of cycle ${cycleNumber}\\b`));
    const current = await getMeeting(meeting.id);
    const res = await secretariat.postForm(path, {
      version: String(current.version),
      reviewed: ['', String(submitted2)],
      showcased: ['', String(submitted2)],
      [`story.${submitted2}.zh`]: '國發會與民間委員共同設計資料開放指標。',
      [`story.${submitted2}.en`]: 'The NDC designed the open-data indicators with civil-society members.',
    });
    assert.equal(res.status, 303, await res.clone().text());
    const detail = await getMeeting(meeting.id);
    assert.deepEqual(
      detail.reports.map((r) => [r.commitmentNumber, r.showcased]),
      [['1-1', true]],
    );
    const bad = await secretariat.postForm(path, {
      version: String(detail.version),
      reviewed: ['', String(submitted)],
      showcased: ['', String(submitted)],
      [`story.${submitted2}.en`]: 'A story typed for a report left unticked',
    });
    assert.equal(bad.status, 400);
    const reshown = await bad.text();
    assert.match(reshown, /Tell the collaboration story of the showcased report on 2-1\./);
    // The picker comes back as it was posted, not as stored: the ticks and every typed story.
    assert.match(reshown, new RegExp(`id="f-showcased-${submitted}"[^>]*checked`));
    assert.doesNotMatch(reshown, new RegExp(`id="f-reviewed-${submitted2}"[^>]*checked`));
    assert.match(reshown, /A story typed for a report left unticked/);
  });

  test('meetings of a cycle are listed for the monitoring pages', async () => {
    const { listMeetingsForCycle } = await import('./forum.queries.js');
    assert.deepEqual(
      (await listMeetingsForCycle(ctx.database.db, cycleId)).map((m) => m.id),
      [meeting.id],
    );
  });
});

// ------------------------------------------------------------------ pages

describe('pages', () => {
  test('the meetings list in both languages, with attendance and civil-society share', async () => {
    await createMeeting('2021-08-08', { attendance: { government: 15, civilSociety: 10, other: 0 }, title: { zh: '第八次會議', en: 'Eighth meeting' } });
    const zh = await ctx.app.request(`/plans/${SLUG}/meetings`);
    assert.equal(zh.status, 200);
    const zhHtml = await zh.text();
    assert.match(zhHtml, /<html lang="zh-TW"/);
    assert.match(zhHtml, /<h1>推動小組會議<\/h1>/);
    assert.match(zhHtml, /第八次會議/);
    assert.match(zhHtml, /40%/);
    assert.match(zhHtml, /全體委員會議/);
    assert.match(zhHtml, /<th scope="col">/);
    const en = await ctx.app.request(`/en/plans/${SLUG}/meetings`);
    const enHtml = await en.text();
    assert.match(enHtml, /<html lang="en"/);
    assert.match(enHtml, /<h1>Forum meetings<\/h1>/);
    assert.match(enHtml, /Eighth meeting/);
    assert.match(enHtml, /Civil-society share/);
    assert.equal((await ctx.app.request(`/en/plans/${SLUG}/resolutions`)).status, 200);
    assert.equal((await ctx.app.request('/plans/no-such-plan/meetings')).status, 404);
  });

  test('the OpenAPI document lists the forum endpoints', async () => {
    const doc = await json<{ paths: Record<string, Record<string, { tags?: string[] }>> }>(await ctx.app.request('/api/v1/openapi.json'));
    for (const path of [
      '/plans/{id}/meetings',
      '/meetings/{id}',
      '/meetings/{id}/reports',
      '/plans/{id}/resolutions',
      '/meetings/{id}/resolutions',
      '/resolutions/{id}',
      '/resolutions/{id}/decisions',
    ])
      assert.ok(doc.paths[path], path);
    assert.deepEqual(doc.paths['/meetings/{id}']?.get?.tags, ['meetings']);
    assert.deepEqual(doc.paths['/resolutions/{id}/decisions']?.post?.tags, ['resolutions']);
  });

  test('titles and agenda are escaped', async () => {
    const meeting = await createMeeting('2021-09-09', {
      title: { zh: '<script>alert(1)</script>', en: '<script>alert(2)</script>' },
      agenda: { zh: '<img src=x onerror=alert(3)>', en: '' },
    });
    for (const path of [`/plans/${SLUG}/meetings/${meeting.id}`, `/en/plans/${SLUG}/meetings`]) {
      const html = await (await ctx.app.request(path)).text();
      assert.doesNotMatch(html, /<script>alert/);
      assert.doesNotMatch(html, /<img src=x/);
      assert.match(html, /&lt;script&gt;alert\(/);
    }
  });

  test('the meeting form creates a meeting and redirects to its page', async () => {
    const path = `/plans/${SLUG}/meetings/new`;
    const form = await (await secretariat.get(path)).text();
    for (const name of ['heldOn', 'kind', 'cycleId', 'attendance-government', 'attendance-civilSociety', 'attendance-other', 'links'])
      assert.match(form, new RegExp(`<label for="f-${name}"`), name);
    const res = await secretariat.postForm(path, {
      heldOn: '2021-10-10',
      kind: 'working-group',
      cycleId: '',
      'title.zh': '工作分組會議：1-3 強化數位隱私與個資保護',
      'title.en': 'Working group: 1-3 Digital privacy',
      'title.status': 'reviewed',
      'attendance.government': '7',
      'attendance.civilSociety': '5',
      'attendance.other': '1',
      'agenda.zh': '一、主辦機關報告。',
      'agenda.en': '1. Report of the lead agency.',
      'minutes.zh': '',
      'minutes.en': '',
      links: 'Minutes https://example.org/minutes.pdf',
    });
    assert.equal(res.status, 303, await res.clone().text());
    const location = res.headers.get('location') ?? '';
    assert.match(location, new RegExp(`^/plans/${SLUG}/meetings/\\d+$`));
    const html = await (await ctx.app.request(location)).text();
    assert.match(html, /工作分組會議：1-3/);
    assert.match(html, /href="https:\/\/example.org\/minutes.pdf"/);
    assert.match(html, /38%/);
    assert.match(html, /工作分組會議及其他會議不審議推動小組的列管事項/, 'working groups do not take up the forum’s open resolutions');
  });

  test('the resolution forms create and edit a resolution', async () => {
    const meeting = await createMeeting('2021-11-11');
    const newPath = `/en/plans/${SLUG}/meetings/${meeting.id}/resolutions/new`;
    await secretariat.get(newPath);
    const res = await secretariat.postForm(newPath, {
      number: '',
      'body.zh': '請教育部檢視教材。',
      'body.en': 'MOE to review the materials.',
      ownerAgencyId: String(ctx.agencies.get('MOE')),
      dueOn: '2022-02-28',
    });
    assert.equal(res.status, 303, await res.clone().text());
    const [created] = (await getMeeting(meeting.id)).resolutions;
    assert.ok(created);
    assert.equal(created.number, '20211111-1');
    const editPath = `/en/plans/${SLUG}/resolutions/${created.id}/edit`;
    await secretariat.get(editPath);
    const edited = await secretariat.postForm(editPath, {
      version: String(created.version),
      number: '20211111-1',
      'body.zh': '請教育部檢視教材。',
      'body.en': 'MOE to review the materials.',
      ownerAgencyId: '',
      dueOn: '2021-11-01',
    });
    assert.equal(edited.status, 400);
    assert.match(await edited.text(), /The due date cannot be before the meeting/);
    // An empty number on an edit keeps the number (the schema reads it as left out).
    const kept = await secretariat.postForm(editPath, {
      version: String(created.version),
      number: '',
      'body.zh': '請教育部檢視教材。',
      'body.en': 'MOE to review the materials.',
      ownerAgencyId: '',
      dueOn: '',
    });
    assert.equal(kept.status, 303, await kept.clone().text());
    const [after] = (await getMeeting(meeting.id)).resolutions;
    assert.deepEqual([after?.number, after?.ownerAgency, after?.version], ['20211111-1', null, created.version + 1]);
  });
});

// ------------------------------------------------------------------ history

describe('history', () => {
  test('creates, updates and decisions are recorded with the plan, in the same transaction', async () => {
    const meeting = await createMeeting('2021-12-12');
    await secretariat.api('PATCH', `/api/v1/meetings/${meeting.id}`, { version: meeting.version, attendance: { civilSociety: 12 } });
    const r = await createResolution(meeting.id);
    await decide(r.id, meeting.id, 'closed');
    const rows = await ctx.database.db
      .selectFrom('history')
      .select(['entity_type', 'entity_id', 'action', 'plan_id', 'commitment_id', 'actor_name', 'changes'])
      .where((eb) =>
        eb.or([
          eb.and([eb('entity_type', '=', 'meeting'), eb('entity_id', '=', meeting.id)]),
          eb.and([eb('entity_type', '=', 'resolution'), eb('entity_id', '=', r.id)]),
        ]),
      )
      .orderBy('id')
      .execute();
    assert.deepEqual(
      rows.map((h) => `${h.entity_type}:${h.action}`),
      ['meeting:create', 'meeting:update', 'resolution:create', 'resolution:decide'],
    );
    assert.ok(rows.every((h) => h.plan_id === ctx.planId && h.commitment_id === null && h.actor_name === 'sec'));
    const update = rows[1]?.changes ?? [];
    assert.deepEqual(
      update.map((c) => c.field),
      ['attendance'],
    );
    const decision = rows[3]?.changes ?? [];
    assert.ok(decision.some((c) => c.field === 'status' && c.before === 'keep-tracking' && c.after === 'closed'));
    // A refused write records nothing.
    const count = (
      await ctx.database.db
        .selectFrom('history')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    await officer.api('PATCH', `/api/v1/meetings/${meeting.id}`, { version: 2, title: { en: 'x' } });
    assert.equal(
      (
        await ctx.database.db
          .selectFrom('history')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
      count,
    );
  });
});

// ------------------------------------------------------------------ demo seed

describe('demo seed', () => {
  let seeded: TestContext;
  before(async () => {
    seeded = await setup();
  });
  after(() => seeded.close());

  test('a plenary per review cycle, working groups, reviewed reports, and open and closed resolutions', async () => {
    const db = seeded.database.db;
    const cycle = async (number: number, startsOn: string, endsOn: string, reviewOn: string) =>
      (
        await db
          .insertInto('review_cycles')
          .values({ plan_id: seeded.planId, number, starts_on: startsOn, ends_on: endsOn, report_due: endsOn, review_on: reviewOn })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const c1 = await cycle(1, '2021-01-01', '2021-04-30', '2021-05-31');
    const c2 = await cycle(2, '2021-05-01', '2021-08-31', '2021-09-30');
    const c3 = await cycle(3, '2021-09-01', '2021-12-31', '2022-01-31');
    const commitments = await db
      .selectFrom('commitments')
      .select(['id', 'lead_agency_id'])
      .where('plan_id', '=', seeded.planId)
      .orderBy('id')
      .limit(3)
      .execute();
    const text = jsonb({ zh: '進度', en: 'Progress', status: 'draft' });
    for (const c of commitments)
      await db
        .insertInto('progress_reports')
        .values({
          commitment_id: c.id,
          cycle_id: c1,
          revision: 1,
          agency_id: c.lead_agency_id,
          state: 'submitted',
          achievements: text,
          participation: text,
          problems: text,
          next_steps: text,
          budget_note: text,
          author_name: 'seed',
          submitted_at: new Date('2021-05-10T00:00:00Z'),
        })
        .execute();

    await seedDemoForum(db, { planId: seeded.planId, agencyIds: seeded.agencies });
    await seedDemoForum(db, { planId: seeded.planId, agencyIds: seeded.agencies }); // a second run adds nothing

    const meetings = await db.selectFrom('forum_meetings').selectAll().where('plan_id', '=', seeded.planId).orderBy('held_on').execute();
    const plenaries = meetings.filter((m) => m.kind === 'plenary');
    assert.deepEqual(
      plenaries.map((m) => [m.cycle_id, m.held_on]),
      [
        [c1, '2021-05-31'],
        [c2, '2021-09-30'],
        [c3, '2022-01-31'],
      ],
    );
    assert.equal(meetings.filter((m) => m.kind === 'working-group').length, 3);
    for (const m of meetings) {
      assert.ok(m.is_demo);
      assert.ok(m.title.zh && m.title.en && m.agenda.zh && m.agenda.en && m.minutes.zh && m.minutes.en);
      assert.equal(m.title.status, 'reviewed');
    }
    for (const m of plenaries) {
      assert.ok(m.attendance_government >= 14 && m.attendance_government <= 20);
      assert.ok(m.attendance_civil_society >= 8 && m.attendance_civil_society <= 13);
      assert.ok(m.attendance_other >= 2 && m.attendance_other <= 6);
    }
    const reviewed = await db
      .selectFrom('meeting_reports')
      .selectAll()
      .where('meeting_id', '=', plenaries[0]?.id ?? 0)
      .execute();
    assert.equal(reviewed.length, 3);
    assert.equal(reviewed.filter((r) => r.showcased && r.story.zh && r.story.en).length, 2);

    const resolutions = await db.selectFrom('resolutions').selectAll().where('plan_id', '=', seeded.planId).execute();
    assert.ok(resolutions.length >= 3);
    assert.ok(
      resolutions.some((r) => r.status === 'closed'),
      'some closed at a later meeting',
    );
    assert.ok(
      resolutions.some((r) => r.status === 'keep-tracking'),
      'some still tracked',
    );
    assert.ok(resolutions.every((r) => r.owner_agency_id !== null && r.due_on !== null && r.is_demo));
    const decisions = await db.selectFrom('resolution_decisions').selectAll().execute();
    assert.ok(decisions.some((d) => d.status === 'closed'));

    // The last plenary carries the resolutions still open.
    const last = plenaries[plenaries.length - 1];
    const detail = await json<MeetingDetail>(await seeded.app.request(`/api/v1/meetings/${last?.id}`));
    assert.ok(detail.carriedOver.length > 0);
    const page = await seeded.app.request(`/en/plans/${SLUG}/meetings/${last?.id}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Demonstration data/);
  });

  test('without review cycles, the seed still records plenaries', async () => {
    const fresh = await setup();
    try {
      await seedDemoForum(fresh.database.db, { planId: fresh.planId, agencyIds: fresh.agencies });
      const meetings = await json<{ items: Meeting[] }>(await fresh.app.request(`/api/v1/plans/${fresh.planId}/meetings`));
      assert.ok(meetings.items.length >= 5);
      const open = await json<{ items: ResolutionJson[] }>(await fresh.app.request(`/api/v1/plans/${fresh.planId}/resolutions?status=keep-tracking`));
      assert.ok(open.items.length > 0);
    } finally {
      await fresh.close();
    }
  });
});
