/** Monitoring through real HTTP against a real database: cycles, reports, evidence, board, transfers, pages, feeds. */
import assert from 'node:assert/strict';
import { after, describe, test, type TestContext as NodeTestContext } from 'node:test';
import { addUser, Client, json, setup, signedIn, type TestContext } from '../../../test/helpers.js';

type Report = {
  id: number;
  state: string;
  revision: number;
  version: number;
  timing: string;
  percent: number | null;
  milestones: { milestoneId: number; status: string; percent: number }[];
  evidence: { id: number; url: string; fileName: string | null; byteSize: number | null }[];
  contributions: { agencyId: number }[];
};
type Milestone = { id: number; startDate: string; endDate: string };

type Cycle = { id: number; number: number; startsOn: string; endsOn: string; reportDue: string; version: number };

/**
 * What a test starts from, in a database of its own: four accounts signed in, the clock on 2021-05-10, and what the
 * stage functions below add (cycles, the report on 4-1 at its steps, a late report on 1-1).
 */
interface World {
  ctx: TestContext;
  secretariat: Client;
  officerMoi: Client;
  officerNdc: Client;
  officerCy: Client;
  anonymous: Client;
  ids: Record<string, number>;
  cycles: Cycle[];
  /** Moves the app's clock; sessions last 14 days of that clock, so everyone signs in again. */
  setClock: (iso: string) => Promise<void>;
  milestonesOf: (commitmentId: number) => Promise<Milestone[]>;
  reportsOf: (client: Client | null, commitmentId: number) => Promise<Report[]>;
}

async function world(done: (close: () => Promise<void>) => void): Promise<World> {
  const ctx = await setup();
  done(() => ctx.close());
  ctx.clock.now = new Date('2021-05-10T02:00:00Z');
  await addUser(ctx, 'sec@example.org', 'secretariat');
  await addUser(ctx, 'moi@example.org', 'agency-officer', ['MOI']);
  await addUser(ctx, 'ndc@example.org', 'agency-officer', ['NDC']);
  await addUser(ctx, 'cy@example.org', 'agency-officer', ['CY']);
  const [secretariat, officerMoi, officerNdc, officerCy] = [
    await signedIn(ctx.app, 'sec@example.org'),
    await signedIn(ctx.app, 'moi@example.org'),
    await signedIn(ctx.app, 'ndc@example.org'),
    await signedIn(ctx.app, 'cy@example.org'),
  ];
  // Anonymous, but with the double-submit CSRF cookie a browser gets: the refusal is about who, not the token.
  const anonymous = new Client(ctx.app);
  await anonymous.get('/login');
  const ids: Record<string, number> = {};
  const list = await json<{ items: { id: number; number: string }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/commitments?perPage=100`));
  for (const c of list.items) ids[c.number] = c.id;
  return {
    ctx,
    secretariat,
    officerMoi,
    officerNdc,
    officerCy,
    anonymous,
    ids,
    cycles: [],
    setClock: async (iso) => {
      ctx.clock.now = new Date(iso);
      for (const [client, email] of [
        [secretariat, 'sec@example.org'],
        [officerMoi, 'moi@example.org'],
        [officerNdc, 'ndc@example.org'],
        [officerCy, 'cy@example.org'],
      ] as const)
        await client.signIn(email);
    },
    milestonesOf: async (commitmentId) => (await json<{ items: Milestone[] }>(await ctx.app.request(`/api/v1/commitments/${commitmentId}/milestones`))).items,
    reportsOf: async (client, commitmentId) =>
      (
        await json<{ items: Report[] }>(
          await (client ? client.request(`/api/v1/commitments/${commitmentId}/reports`) : ctx.app.request(`/api/v1/commitments/${commitmentId}/reports`)),
        )
      ).items,
  };
}

/** The secretariat generates the plan's review cycles. */
async function withCycles(w: World): Promise<World> {
  assert.equal((await w.secretariat.api('POST', `/api/v1/plans/${w.ctx.planId}/cycles/generate`, {})).status, 201);
  w.cycles = (await json<{ items: Cycle[] }>(await w.ctx.app.request(`/api/v1/plans/${w.ctx.planId}/cycles`))).items;
  return w;
}

/** MOI's draft report on 4-1 for the first cycle. */
async function draftOn41(w: World): Promise<Report> {
  const res = await w.officerMoi.api('POST', `/api/v1/commitments/${w.ids['4-1']}/reports`, {
    cycleId: w.cycles[0]?.id,
    achievements: { zh: '完成政治獻金資料開放格式檢討。', en: 'Reviewed the open format of political donation data.' },
  });
  assert.equal(res.status, 201);
  return json<Report>(res);
}

/** MOI saves the draft's participation and its milestones: the first delayed, with its reason, the second completed. */
function saveProgressOn41(w: World, draft: Report): Promise<Response> {
  const [a, b] = draft.milestones;
  assert.ok(a && b);
  return w.officerMoi.api('PATCH', `/api/v1/reports/${draft.id}`, {
    version: draft.version,
    participation: { zh: '召開工作分組會議 2 次。', en: 'Two working-group meetings.' },
    civilSocietyParticipants: 9,
    governmentParticipants: 12,
    milestones: [
      { milestoneId: a.milestoneId, status: 'delayed', percent: 30, reason: { zh: '系統採購重新招標。', en: 'The system procurement was re-tendered.' } },
      { milestoneId: b.milestoneId, status: 'completed', percent: 100 },
    ],
  });
}

/** The draft filled in: a delayed milestone with its reason and a completed one, a link and a PDF, CY's contribution. */
async function completedDraftOn41(w: World): Promise<Report> {
  const draft = await draftOn41(w);
  assert.equal((await saveProgressOn41(w, draft)).status, 200);
  assert.equal(
    (await w.officerMoi.api('POST', `/api/v1/reports/${draft.id}/evidence`, { title: '政治獻金查詢平臺', url: 'https://ardata.cy.gov.tw/' })).status,
    201,
  );
  const form = new FormData();
  form.append('file', new File([new TextEncoder().encode('%PDF-1.4\n% demo\n')], 'minutes.pdf'));
  form.append('title', 'minutes.pdf');
  assert.equal(
    (await w.officerMoi.request(`/api/v1/reports/${draft.id}/files`, { method: 'POST', body: form, headers: { 'x-csrf-token': w.officerMoi.csrf } })).status,
    201,
  );
  assert.equal(
    (
      await w.officerCy.api('POST', `/api/v1/reports/${draft.id}/contributions`, {
        body: { zh: '監察院協助比對申報資料。', en: 'The Control Yuan helped match the filings.' },
      })
    ).status,
    201,
  );
  return json<Report>(await w.officerMoi.request(`/api/v1/reports/${draft.id}`));
}

/** The report on 4-1 submitted on time (2021-05-12), revised, and the revision submitted on 2021-06-02. */
async function submittedOn41(w: World): Promise<void> {
  const draft = await completedDraftOn41(w);
  await w.setClock('2021-05-12T02:00:00Z');
  const rev1 = await json<Report>(await w.officerMoi.api('POST', `/api/v1/reports/${draft.id}/submit`, { version: draft.version }));
  assert.equal(rev1.state, 'submitted');
  const rev2 = await json<Report>(await w.officerMoi.api('POST', `/api/v1/reports/${draft.id}/revisions`));
  const updated = await json<Report>(
    await w.officerMoi.api('PATCH', `/api/v1/reports/${rev2.id}`, {
      version: rev2.version,
      achievements: { zh: '完成政治獻金資料開放格式檢討，並公布 3 個資料集。', en: 'Reviewed the format and published 3 datasets.' },
    }),
  );
  await w.setClock('2021-06-02T02:00:00Z');
  assert.equal((await json<Report>(await w.officerMoi.api('POST', `/api/v1/reports/${rev2.id}/submit`, { version: updated.version }))).state, 'submitted');
}

/** NDC's report on 1-1 for the first cycle, submitted after its deadline. */
async function lateOn11(w: World): Promise<void> {
  const r = await json<Report>(
    await w.officerNdc.api('POST', `/api/v1/commitments/${w.ids['1-1']}/reports`, {
      cycleId: w.cycles[0]?.id,
      achievements: { zh: '修正資料開放作業原則。', en: 'Amended the open data guidelines.' },
    }),
  );
  assert.equal((await json<Report>(await w.officerNdc.api('POST', `/api/v1/reports/${r.id}/submit`, { version: r.version }))).timing, 'late');
}

/** Cycles, 4-1 reported on time and revised, 1-1 reported late: what the board, roll-ups, pages and feeds show. */
async function reported(w: World): Promise<World> {
  await withCycles(w);
  await submittedOn41(w);
  await lateOn11(w);
  return w;
}

/** A test that writes gets a world of its own. */
const ownWorld = (t: NodeTestContext) => world((close) => t.after(close));

// Tests that only read share the reported world, built when first asked for.
const closers: (() => Promise<void>)[] = [];
after(() => Promise.all(closers.map((close) => close())));
let sharedWorld: Promise<World> | undefined;
const sharedReported = () => (sharedWorld ??= world((close) => closers.push(close)).then(reported));
// And tests whose writes are all refused share a world with MOI's draft on 4-1.
let sharedDraftWorld: Promise<{ w: World; draft: Report }> | undefined;
const sharedDraft = () =>
  (sharedDraftWorld ??= world((close) => closers.push(close))
    .then(withCycles)
    .then(async (w) => ({ w, draft: await draftOn41(w) })));

describe('review cycles', () => {
  test('only the secretariat generates cycles', async () => {
    const { ctx, secretariat, officerMoi, anonymous } = await sharedReported(); // every request is refused
    assert.equal((await anonymous.api('POST', `/api/v1/plans/${ctx.planId}/cycles/generate`, {})).status, 401);
    assert.equal((await officerMoi.api('POST', `/api/v1/plans/${ctx.planId}/cycles/generate`, {})).status, 403);
    const bad = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/cycles/generate?lang=zh-TW`, { intervalMonths: 0 });
    assert.equal(bad.status, 400);
    assert.match((await json<{ fields: Record<string, string> }>(bad)).fields.intervalMonths ?? '', /1 到 12/);
  });

  test('generated from the plan period: ten four-month cycles, the last one of five months', async (t) => {
    const { ctx, secretariat } = await ownWorld(t);
    const res = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/cycles/generate`, {});
    assert.equal(res.status, 201);
    const list = await json<{ items: Cycle[]; current: number }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/cycles`));
    const cycles = list.items;
    assert.equal(cycles.length, 10);
    assert.deepEqual([cycles[0]?.startsOn, cycles[0]?.endsOn, cycles[0]?.reportDue], ['2021-01-01', '2021-04-30', '2021-05-14']);
    assert.deepEqual([cycles[9]?.startsOn, cycles[9]?.endsOn], ['2024-01-01', '2024-05-31']);
    assert.equal(list.current, 1, 'on 2021-05-10 the first cycle is being reported on');
  });

  test('a cycle is editable with a version check, and a deadline before its start is refused', async (t) => {
    const { secretariat, cycles } = await withCycles(await ownWorld(t));
    const c1 = cycles[0];
    assert.ok(c1);
    const ok = await secretariat.api('PATCH', `/api/v1/cycles/${c1.id}`, { version: c1.version, reportDue: '2021-05-17' });
    assert.equal(ok.status, 200);
    const stale = await secretariat.api('PATCH', `/api/v1/cycles/${c1.id}`, { version: c1.version, reportDue: '2021-05-18' });
    assert.equal(stale.status, 409);
    const bad = await secretariat.api('PATCH', `/api/v1/cycles/${c1.id}`, { version: c1.version + 1, reportDue: '2020-12-01' });
    assert.equal(bad.status, 400);
    assert.ok((await json<{ fields: Record<string, string> }>(bad)).fields.reportDue);
  });
});

describe('progress reports', () => {
  test('an officer reports for their agency’s commitment and not for another’s', async (t) => {
    const { officerMoi, anonymous, ids, cycles } = await withCycles(await ownWorld(t));
    const cycleId = cycles[0]?.id;
    assert.equal((await officerMoi.api('POST', `/api/v1/commitments/${ids['1-1']}/reports`, { cycleId })).status, 403);
    assert.equal((await anonymous.api('POST', `/api/v1/commitments/${ids['4-1']}/reports`, { cycleId })).status, 401);
    const res = await officerMoi.api('POST', `/api/v1/commitments/${ids['4-1']}/reports`, {
      cycleId,
      achievements: { zh: '完成政治獻金資料開放格式檢討。', en: 'Reviewed the open format of political donation data.' },
    });
    assert.equal(res.status, 201);
    const draft = await json<Report>(res);
    assert.equal(draft.state, 'draft');
    assert.equal(draft.revision, 1);
    assert.ok(draft.milestones.length > 0, 'every milestone gets an entry');
    assert.ok(draft.milestones.every((m) => m.status === 'not-started'));
  });

  test('drafts are not public', async () => {
    const { w, draft } = await sharedDraft();
    const { ctx, officerMoi, officerNdc, officerCy, ids, reportsOf } = w;
    assert.equal((await reportsOf(null, ids['4-1'] as number)).length, 0);
    assert.equal((await ctx.app.request(`/api/v1/reports/${draft.id}`)).status, 404);
    assert.equal((await officerNdc.request(`/api/v1/reports/${draft.id}`)).status, 404);
    assert.equal((await reportsOf(officerMoi, ids['4-1'] as number)).length, 1);
    assert.equal((await reportsOf(officerCy, ids['4-1'] as number)).length, 1, 'the supporting agency sees the draft');
  });

  test('a delayed milestone without a reason is refused with a field message, and nothing is stored', async () => {
    const { w, draft } = await sharedDraft();
    const { officerMoi } = w;
    const first = draft.milestones[0];
    assert.ok(first);
    const res = await officerMoi.api('PATCH', `/api/v1/reports/${draft.id}?lang=zh-TW`, {
      version: draft.version,
      milestones: [{ milestoneId: first.milestoneId, status: 'delayed', percent: 20 }],
    });
    assert.equal(res.status, 400);
    const body = await json<{ fields: Record<string, string> }>(res);
    assert.match(body.fields['milestones.0.reason'] ?? '', /原因/);
    const en = await officerMoi.api(
      'PATCH',
      `/api/v1/reports/${draft.id}`,
      { version: draft.version, milestones: [{ milestoneId: first.milestoneId, status: 'delayed', percent: 20, reason: { zh: '', en: ' ' } }] },
      { 'accept-language': 'en' },
    );
    assert.match((await json<{ fields: Record<string, string> }>(en)).fields['milestones.0.reason'] ?? '', /reason is required/);
    const stored = await json<Report>(await officerMoi.request(`/api/v1/reports/${draft.id}`));
    assert.equal(stored.version, draft.version);
    assert.equal(stored.milestones[0]?.status, 'not-started');
  });

  test('other rules on milestone entries: percent range, completed means 100, unknown milestone', async () => {
    const { w, draft } = await sharedDraft();
    const { officerMoi } = w;
    const first = draft.milestones[0];
    assert.ok(first);
    const cases = [
      [{ milestoneId: first.milestoneId, status: 'in-progress', percent: 140 }, 'milestones.0.percent'],
      [{ milestoneId: first.milestoneId, status: 'completed', percent: 80 }, 'milestones.0.percent'],
      [{ milestoneId: 999999, status: 'in-progress', percent: 10 }, 'milestones.0.milestoneId'],
    ] as const;
    for (const [entry, field] of cases) {
      const res = await officerMoi.api('PATCH', `/api/v1/reports/${draft.id}`, { version: draft.version, milestones: [entry] });
      assert.equal(res.status, 400, JSON.stringify(entry));
      assert.ok((await json<{ fields: Record<string, string> }>(res)).fields[field], `${field} for ${JSON.stringify(entry)}`);
    }
  });

  test('a delayed milestone with a reason is saved; the version moves on and stale saves get 409', async (t) => {
    const w = await withCycles(await ownWorld(t));
    const draft = await draftOn41(w);
    const { officerMoi } = w;
    const res = await saveProgressOn41(w, draft);
    assert.equal(res.status, 200);
    const saved = await json<Report>(res);
    assert.equal(saved.milestones[0]?.status, 'delayed');
    assert.equal(saved.version, draft.version + 1);
    assert.equal((await officerMoi.api('PATCH', `/api/v1/reports/${draft.id}`, { version: draft.version, problems: { zh: '舊' } })).status, 409);
  });

  test('evidence: a link, a real PDF; oversized and refused types get a clear error and nothing is stored', async (t) => {
    const w = await withCycles(await ownWorld(t));
    const draft = await draftOn41(w);
    const { ctx, officerMoi } = w;
    const link = await officerMoi.api('POST', `/api/v1/reports/${draft.id}/evidence`, { title: '政治獻金查詢平臺', url: 'https://ardata.cy.gov.tw/' });
    assert.equal(link.status, 201);
    const upload = (name: string, bytes: Uint8Array, lang = 'en') => {
      const form = new FormData();
      form.append('file', new File([new Uint8Array(bytes)], name));
      form.append('title', name);
      return officerMoi.request(`/api/v1/reports/${draft.id}/files?lang=${lang}`, { method: 'POST', body: form, headers: { 'x-csrf-token': officerMoi.csrf } });
    };
    const pdf = new TextEncoder().encode('%PDF-1.4\n% demo\n');
    const ok = await upload('minutes.pdf', pdf);
    assert.equal(ok.status, 201);
    const tooBig = new Uint8Array(5 * 1024 * 1024 + 1);
    tooBig.set(pdf);
    const big = await upload('big.pdf', tooBig, 'zh-TW');
    assert.equal(big.status, 400);
    assert.match((await json<{ fields: Record<string, string> }>(big)).fields.file ?? '', /超過 5 MB/);
    const exe = await upload('tool.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0x00]));
    assert.equal(exe.status, 400);
    assert.match((await json<{ fields: Record<string, string> }>(exe)).fields.file ?? '', /not accepted/);
    const disguised = await upload('photo.png', new Uint8Array([0x4d, 0x5a, 0x90, 0x00]));
    assert.equal(disguised.status, 400, 'content must match the name');
    const huge = await upload('huge.pdf', new Uint8Array(7 * 1024 * 1024));
    assert.equal(huge.status, 413);
    const stored = await json<Report>(await officerMoi.request(`/api/v1/reports/${draft.id}`));
    assert.equal(stored.evidence.length, 2, 'only the link and the PDF were kept');
    const file = stored.evidence.find((e) => e.fileName === 'minutes.pdf');
    assert.ok(file);
    assert.equal(file.byteSize, pdf.byteLength);
    assert.equal((await ctx.app.request(file.url)).status, 404, 'a draft’s file is not public');
    const own = await officerMoi.request(file.url);
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(new Uint8Array(await own.arrayBuffer()), pdf);
  });

  test('a supporting agency adds a contribution but cannot edit the lead’s report', async (t) => {
    const w = await withCycles(await ownWorld(t));
    const draft = await draftOn41(w);
    const { officerMoi, officerNdc, officerCy } = w;
    const res = await officerCy.api('POST', `/api/v1/reports/${draft.id}/contributions`, {
      body: { zh: '監察院協助比對申報資料。', en: 'The Control Yuan helped match the filings.' },
    });
    assert.equal(res.status, 201);
    assert.equal((await json<Report>(res)).contributions.length, 1);
    const current = await json<Report>(await officerMoi.request(`/api/v1/reports/${draft.id}`));
    assert.equal((await officerCy.api('PATCH', `/api/v1/reports/${draft.id}`, { version: current.version, problems: { zh: 'x' } })).status, 403);
    assert.equal((await officerNdc.api('POST', `/api/v1/reports/${draft.id}/contributions`, { body: { zh: 'x' } })).status, 403);
  });

  test('submitting makes it public and immutable; a new revision keeps the old one visible', async (t) => {
    const w = await withCycles(await ownWorld(t));
    const draft = await completedDraftOn41(w);
    const { ctx, officerMoi, officerNdc, ids, cycles, setClock, reportsOf } = w;
    await setClock('2021-05-12T02:00:00Z');
    const submitted = await officerMoi.api('POST', `/api/v1/reports/${draft.id}/submit`, { version: draft.version });
    assert.equal(submitted.status, 200);
    const rev1 = await json<Report>(submitted);
    assert.equal(rev1.state, 'submitted');
    assert.equal(rev1.timing, 'on-time');
    assert.equal((await reportsOf(null, ids['4-1'] as number)).length, 1);
    const file = rev1.evidence.find((e) => e.fileName);
    assert.equal((await ctx.app.request(file?.url ?? '')).status, 200, 'submitted evidence is public');

    const edit = await officerMoi.api('PATCH', `/api/v1/reports/${draft.id}`, { version: rev1.version, achievements: { zh: '改寫' } });
    assert.equal(edit.status, 409);
    assert.match((await json<{ error: string }>(edit)).error, /revision/);
    assert.equal(
      (await officerMoi.api('POST', `/api/v1/commitments/${ids['4-1']}/reports`, { cycleId: cycles[0]?.id })).status,
      400,
      'a second report for the cycle must be a revision',
    );
    assert.equal((await officerNdc.api('POST', `/api/v1/reports/${draft.id}/revisions`)).status, 403);

    const revised = await officerMoi.api('POST', `/api/v1/reports/${draft.id}/revisions`);
    assert.equal(revised.status, 201);
    const rev2 = await json<Report>(revised);
    assert.equal(rev2.revision, 2);
    assert.equal(rev2.state, 'draft');
    assert.equal(rev2.evidence.length, 2, 'evidence carried to the new revision');
    assert.equal(rev2.contributions.length, 1);
    const updated = await json<Report>(
      await officerMoi.api('PATCH', `/api/v1/reports/${rev2.id}`, {
        version: rev2.version,
        achievements: { zh: '完成政治獻金資料開放格式檢討，並公布 3 個資料集。', en: 'Reviewed the format and published 3 datasets.' },
      }),
    );
    await setClock('2021-06-02T02:00:00Z');
    const final = await json<Report>(await officerMoi.api('POST', `/api/v1/reports/${rev2.id}/submit`, { version: updated.version }));
    assert.equal(final.state, 'submitted');

    const all = await reportsOf(null, ids['4-1'] as number);
    assert.deepEqual(
      all.map((r) => [r.revision, r.state]),
      [
        [1, 'superseded'],
        [2, 'submitted'],
      ],
    );
    const old = await json<Report>(await ctx.app.request(`/api/v1/reports/${rev1.id}`));
    assert.equal(old.state, 'superseded');
    assert.equal(old.timing, 'on-time', 'the first submission set the timing');

    // The public sees each revision's submission (with its content) and the supersession, not the drafting (ADR 0013).
    const history = await json<{ items: { entityType: string; action: string; actorName: string }[] }>(
      await ctx.app.request(`/api/v1/commitments/${ids['4-1']}/history`),
    );
    assert.deepEqual(
      history.items.filter((h) => h.entityType === 'report').map((h) => h.action),
      ['submit', 'update', 'submit'],
    );
    assert.ok(history.items.every((h) => h.actorName));
    const insider = await json<{ items: { entityType: string; action: string }[] }>(await officerMoi.request(`/api/v1/commitments/${ids['4-1']}/history`));
    const actions = insider.items.filter((h) => h.entityType === 'report').map((h) => h.action);
    for (const action of ['create', 'update', 'submit', 'revise']) assert.ok(actions.includes(action), `the lead agency's history has ${action}`);
    const page = await ctx.app.request('/en/plans/tw-2021-2024/commitments/4-1/history');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Achievements/);
  });

  test('a milestone a submitted report speaks of is not deleted from under it; nothing else changes', async (t) => {
    const w = await withCycles(await ownWorld(t));
    await submittedOn41(w);
    const { ctx, officerMoi, ids, reportsOf } = w;
    // The report on 4-1 submitted in the test above speaks of its milestones.
    const submitted = (await reportsOf(null, ids['4-1'] as number)).find((r) => r.state === 'submitted');
    const reported = submitted?.milestones[0]?.milestoneId;
    assert.ok(reported !== undefined, 'a submitted report with milestone entries');
    const milestone = await json<{ id: number; version: number }>(await ctx.app.request(`/api/v1/milestones/${reported}`));
    const refused = await officerMoi.api('DELETE', `/api/v1/milestones/${reported}?version=${milestone.version}`);
    assert.equal(refused.status, 400);
    assert.ok((await json<{ fields: Record<string, string> }>(refused)).fields.milestone);
    assert.equal((await ctx.app.request(`/api/v1/milestones/${reported}`)).status, 200, 'the milestone is still there');
    // The same write succeeds for a milestone no report speaks of, in the same kind of transaction.
    const fresh = await json<{ id: number; version: number }>(
      await officerMoi.api('POST', `/api/v1/commitments/${ids['4-1']}/milestones`, {
        deliverable: { zh: '暫時的衡量指標' },
        startDate: '2021-06-01',
        endDate: '2021-12-31',
      }),
    );
    assert.equal((await officerMoi.api('DELETE', `/api/v1/milestones/${fresh.id}?version=${fresh.version}`)).status, 204);
  });

  test('a late submission is marked late', async (t) => {
    const w = await withCycles(await ownWorld(t));
    await w.setClock('2021-06-02T02:00:00Z');
    const { officerNdc, ids, cycles } = w;
    const create = await officerNdc.api('POST', `/api/v1/commitments/${ids['1-1']}/reports`, {
      cycleId: cycles[0]?.id,
      achievements: { zh: '修正資料開放作業原則。', en: 'Amended the open data guidelines.' },
    });
    const r = await json<Report>(create);
    const submitted = await json<Report>(await officerNdc.api('POST', `/api/v1/reports/${r.id}/submit`, { version: r.version }));
    assert.equal(submitted.timing, 'late', 'submitted on 2021-06-02, after the first cycle’s deadline');
  });

  test('submitting needs achievements', async () => {
    // Its draft (1-1, the second cycle) is deleted again, and no other test of that world touches 1-1.
    const {
      w: { officerNdc, ids, cycles },
    } = await sharedDraft();
    const r = await json<Report>(await officerNdc.api('POST', `/api/v1/commitments/${ids['1-1']}/reports`, { cycleId: cycles[1]?.id }));
    const res = await officerNdc.api('POST', `/api/v1/reports/${r.id}/submit`, { version: r.version });
    assert.equal(res.status, 400);
    assert.ok((await json<{ fields: Record<string, string> }>(res)).fields.achievements);
    assert.equal(
      (await officerNdc.request(`/api/v1/reports/${r.id}?version=${r.version}`, { method: 'DELETE', headers: { 'x-csrf-token': officerNdc.csrf } })).status,
      204,
    );
  });
});

describe('the secretariat’s board', () => {
  test('only the secretariat sees it', async () => {
    const { ctx, officerMoi } = await sharedReported();
    assert.equal((await ctx.app.request(`/api/v1/plans/${ctx.planId}/board?cycle=1`)).status, 401);
    assert.equal((await officerMoi.request(`/api/v1/plans/${ctx.planId}/board?cycle=1`)).status, 403);
    assert.equal((await officerMoi.request('/plans/tw-2021-2024/board?cycle=1')).status, 403);
  });

  test('shows exactly which reports are on time, late and missing', async () => {
    const { ctx, secretariat } = await sharedReported();
    const board = await json<{ counts: Record<string, number>; rows: { number: string; timing: string }[] }>(
      await secretariat.request(`/api/v1/plans/${ctx.planId}/board?cycle=1`),
    );
    const by = (timing: string) =>
      board.rows
        .filter((r) => r.timing === timing)
        .map((r) => r.number)
        .sort();
    assert.deepEqual(by('on-time'), ['4-1']);
    assert.deepEqual(by('late'), ['1-1']);
    assert.equal(by('missing').length, board.rows.length - 2);
    assert.equal(board.counts.missing, board.rows.length - 2);
    const page = await secretariat.get('/en/plans/tw-2021-2024/board?cycle=1');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Reminders by agency/);
    assert.match(html, /data-timing="late"/);
  });

  test('downloads as CSV', async () => {
    const { secretariat } = await sharedReported();
    const res = await secretariat.request('/plans/tw-2021-2024/board.csv?cycle=1');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    assert.equal(lines[0], 'cycle,agency_code,agency,commitment,title,state,state_label,submitted_at,report_due,url');
    assert.ok(lines.some((l) => l.includes(',4-1,') && l.includes(',on-time,')));
    assert.ok(lines.some((l) => l.startsWith('1,NDC,') && l.includes(',late,')));
  });
});

describe('roll-ups, pages and feeds', () => {
  test('the plan’s progress rolls up from the milestones', async () => {
    const { ctx } = await sharedReported();
    const p = await json<{
      plan: { percent: number; health: Record<string, number> };
      commitments: { number: string; percent: number | null; health: string }[];
    }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/progress`));
    const c41 = p.commitments.find((c) => c.number === '4-1');
    assert.equal(c41?.health, 'delayed');
    assert.ok(c41?.percent !== null && c41.percent > 0);
    assert.equal(p.commitments.find((c) => c.number === '2-1')?.health, 'no-report');
    assert.equal(p.plan.health['no-report'], 17);
  });

  test('the progress page has the charts with text alternatives and data tables, in both languages', async () => {
    const { ctx } = await sharedReported();
    for (const [path, pattern] of [
      ['/plans/tw-2021-2024/progress', /執行進度/],
      ['/en/plans/tw-2021-2024/progress', /Progress by area/],
    ] as const) {
      const res = await ctx.app.request(path);
      assert.equal(res.status, 200, path);
      const html = await res.text();
      assert.match(html, pattern);
      const svgs = [...html.matchAll(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"/g)];
      assert.ok(svgs.length >= 4, `charts on ${path}`);
      for (const [, labelledBy] of svgs) for (const id of (labelledBy ?? '').split(' ')) assert.match(html, new RegExp(`id="${id}"`));
      assert.ok((html.match(/<table/g) ?? []).length >= 5, 'a data table beside each chart');
      assert.match(html, /application\/atom\+xml/);
    }
    const filtered = await (await ctx.app.request('/en/plans/tw-2021-2024/progress?health=delayed')).text();
    assert.match(filtered, /Showing 1 of 19/);
  });

  test('the public progress page is cached until the data changes', async () => {
    // Its write (a draft on 1-1 for the sixth cycle) is one no other test makes or looks for.
    const { ctx, secretariat, officerNdc, ids, cycles } = await sharedReported();
    const path = '/en/plans/tw-2021-2024/progress?area=4';
    await ctx.app.request(path);
    const hit = await ctx.app.request(path);
    assert.equal(hit.headers.get('x-page-cache'), 'hit');
    const cachedHtml = await hit.text();
    assert.equal((await ctx.app.request(path, { headers: { 'cache-control': 'no-cache' } })).headers.get('x-page-cache'), 'bypass');
    assert.equal((await secretariat.request(path)).headers.get('x-page-cache'), 'bypass', 'signed-in pages are never shared');
    // Any write to a table public pages show (here a new draft report) raises a change event that drops the page (ADR 0020).
    await officerNdc.api('POST', `/api/v1/commitments/${ids['1-1']}/reports`, { cycleId: cycles[5]?.id });
    const after = await ctx.app.request(path);
    assert.equal(after.headers.get('x-page-cache'), 'miss');
    assert.equal(await after.text(), cachedHtml, 'a draft changes nothing public, but the page was rendered again');
  });

  test('the commitment page shows the latest status and every report in order', async () => {
    const { ctx } = await sharedReported();
    const html = await (await ctx.app.request('/en/plans/tw-2021-2024/commitments/4-1')).text();
    assert.match(html, /Latest status/);
    assert.match(html, /Delayed/);
    assert.match(html, /The system procurement was re-tendered/);
    assert.match(html, /Earlier revisions \(1\)/);
    assert.match(html, /ardata\.cy\.gov\.tw/);
  });

  test('Atom feeds list submitted reports, never drafts', async () => {
    // Its draft (4-1, the second cycle) is one no other test makes; no draft of any test may show in a feed.
    const { ctx, officerMoi, ids, cycles } = await sharedReported();
    const draft = await json<Report>(
      await officerMoi.api('POST', `/api/v1/commitments/${ids['4-1']}/reports`, {
        cycleId: cycles[1]?.id,
        achievements: { zh: '草稿內容不公開', en: 'secret draft text' },
      }),
    );
    assert.equal(draft.state, 'draft');
    for (const path of ['/en/plans/tw-2021-2024/reports.atom', '/en/plans/tw-2021-2024/commitments/4-1/reports.atom', '/en/agencies/MOI/reports.atom']) {
      const res = await ctx.app.request(path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', /application\/atom\+xml/);
      const xml = await res.text();
      assert.match(xml, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
      assert.match(xml, /4-1 /);
      assert.doesNotMatch(xml, /secret draft text/);
    }
    const zh = await (await ctx.app.request('/plans/tw-2021-2024/reports.atom')).text();
    assert.match(zh, /第 1 期/);
  });
});

test('the OpenAPI document describes the monitoring endpoints', async () => {
  const { ctx } = await sharedReported();
  const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(await ctx.app.request('/api/v1/openapi.json'));
  for (const [path, method] of [
    ['/plans/{id}/cycles', 'get'],
    ['/plans/{id}/cycles/generate', 'post'],
    ['/cycles/{id}', 'patch'],
    ['/plans/{id}/progress', 'get'],
    ['/plans/{id}/board', 'get'],
    ['/commitments/{id}/reports', 'post'],
    ['/reports/{id}', 'patch'],
    ['/reports/{id}/submit', 'post'],
    ['/reports/{id}/revisions', 'post'],
    ['/reports/{id}/files', 'post'],
    ['/reports/{id}/contributions', 'post'],
    ['/commitments/{id}/transfer', 'post'],
    ['/agencies/{id}/transfer', 'post'],
  ] as const)
    assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`);
});

describe('the report form journey without JavaScript', () => {
  test('a delayed milestone without a reason comes back with the message beside the field and the typed text kept', async () => {
    // Its draft (4-1, the third cycle) is one no other test makes.
    const { officerMoi, ids, cycles, milestonesOf } = await sharedReported();
    await officerMoi.get('/en/plans/tw-2021-2024/commitments/4-1/reports/new?cycle=3');
    const milestones = await milestonesOf(ids['4-1'] as number);
    const fields: Record<string, string> = {
      cycleId: String(cycles[2]?.id),
      'achievements.zh': '表單輸入的績效',
      'achievements.en': 'typed achievements',
      'achievements.status': 'draft',
    };
    milestones.forEach((m, i) => {
      fields[`milestones.${i}.milestoneId`] = String(m.id);
      fields[`milestones.${i}.status`] = i === 0 ? 'delayed' : 'in-progress';
      fields[`milestones.${i}.percent`] = '10';
      fields[`milestones.${i}.reason.zh`] = '';
      fields[`milestones.${i}.reason.en`] = '';
    });
    const res = await officerMoi.postForm('/en/plans/tw-2021-2024/commitments/4-1/reports/new', fields);
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /id="f-milestones\.0\.reason-error"|class="field-error"[^>]*>Say why/);
    assert.match(html, /typed achievements/);
    fields['milestones.0.reason.en'] = 'Waiting for the Control Yuan’s data.';
    const ok = await officerMoi.postForm('/en/plans/tw-2021-2024/commitments/4-1/reports/new', fields);
    assert.equal(ok.status, 303);
    assert.match(ok.headers.get('location') ?? '', /\/en\/plans\/tw-2021-2024\/commitments\/4-1\/reports\/\d+$/);
  });

  test('an officer of another agency cannot open the form', async () => {
    const { officerNdc } = await sharedReported();
    assert.equal((await officerNdc.get('/en/plans/tw-2021-2024/commitments/4-1/reports/new')).status, 403);
  });
});

describe('agency reorganization', () => {
  test('transferring 4-1 to a new agency keeps its reports and shows the former lead', async (t) => {
    const { ctx, secretariat, officerMoi, ids, cycles, reportsOf } = await reported(await ownWorld(t));
    const agency = await json<{ id: number }>(
      await secretariat.api('POST', '/api/v1/agencies', {
        code: 'PDC',
        name: { zh: '政治獻金管理委員會', en: 'Political Donations Commission', status: 'reviewed' },
      }),
    );
    const before = await reportsOf(null, ids['4-1'] as number);
    const commitment = await json<{ version: number; leadAgencyId: number }>(await ctx.app.request(`/api/v1/commitments/${ids['4-1']}`));
    assert.equal(
      (
        await officerMoi.api('POST', `/api/v1/commitments/${ids['4-1']}/transfer`, {
          toAgencyId: agency.id,
          effectiveOn: '2022-01-01',
          version: commitment.version,
        })
      ).status,
      403,
    );
    const res = await secretariat.api('POST', `/api/v1/commitments/${ids['4-1']}/transfer`, {
      toAgencyId: agency.id,
      effectiveOn: '2022-01-01',
      version: commitment.version,
      note: { zh: '組織改造', en: 'Reorganization' },
    });
    assert.equal(res.status, 200);
    assert.equal((await json<{ leadAgencyId: number }>(res)).leadAgencyId, agency.id);
    const afterReports = await reportsOf(null, ids['4-1'] as number);
    assert.deepEqual(
      afterReports.map((r) => r.id),
      before.map((r) => r.id),
      'the reports stay',
    );
    const html = await (await ctx.app.request('/en/plans/tw-2021-2024/commitments/4-1')).text();
    assert.match(html, /Until 2022-01-01 led by/);
    assert.match(html, /Ministry of the Interior/);
    assert.match(html, /Political Donations Commission/);
    const history = await json<{ items: { action: string }[] }>(await ctx.app.request(`/api/v1/commitments/${ids['4-1']}/history`));
    assert.ok(history.items.some((h) => h.action === 'transfer'));
    assert.equal(
      (await officerMoi.api('POST', `/api/v1/commitments/${ids['4-1']}/reports`, { cycleId: cycles[4]?.id })).status,
      403,
      'the former lead no longer writes reports',
    );
  });

  test('an agency’s commitments move to its successor in one step', async (t) => {
    const { ctx, secretariat } = await ownWorld(t);
    const hac = ctx.agencies.get('HAC');
    const moe = ctx.agencies.get('MOE');
    const res = await secretariat.api('POST', `/api/v1/agencies/${hac}/transfer`, { toAgencyId: moe, effectiveOn: '2023-01-01' });
    assert.equal(res.status, 200);
    assert.deepEqual((await json<{ moved: string[] }>(res)).moved, ['3-4']);
    const agency = await json<{ successorId: number }>(await ctx.app.request(`/api/v1/agencies/${hac}`));
    assert.equal(agency.successorId, moe);
    assert.equal((await secretariat.api('POST', `/api/v1/agencies/${moe}/transfer`, { toAgencyId: moe, effectiveOn: '2023-01-01' })).status, 400);
  });
});
