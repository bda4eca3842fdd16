/**
 * Co-creation through real HTTP against a real database seeded as the demo is (every module's seed in the modules'
 * order): the record shows the plan's stated figures from data, the checklist's findings for the demo plan, a
 * plenary moved through the API turns "met every six months" to not met and back, the clock turns findings into
 * "not yet", bad input in both languages, and who may write the timeline.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, Client, json, setup, signedIn, type TestContext } from '../../../test/helpers.js';
import { registerModules } from '../../web/module.js';
import { insertGrant } from '../accounts/index.js';
import { modules } from '../index.js';

const SLUG = 'tw-2021-2024';
let ctx: TestContext;
let secretariat: Client;
let officer: Client;
let publicUser: Client;
let coConvener: Client;
let otherCoConvener: Client;
let anonymous: Client;

type L = { zh: string; en: string; status: string };
type Tally = { meetings: number; participations: number };
type PhaseJson = {
  id: number;
  kind: string;
  startsOn: string;
  endsOn: string;
  publishedOn: string;
  publishedInAdvance: boolean;
  noticeDays: number;
  version: number;
  isDemo: boolean;
};
type Finding = { requirement: string; status: string; reason: string; summary: string; evidence: { kind: string; url: string }[] };
type CoCreation = {
  asOf: string;
  phases: PhaseJson[];
  record: {
    total: Tally;
    phases: (Tally & { phaseId: number; total: Tally; byGroup: ({ code: string } & Tally)[]; byRegion: ({ region: string | null } & Tally)[] })[];
    byGroup: ({ code: string } & Tally)[];
    workingGroups: ({ id: number; name: L; open: boolean; memberCount: number } & Tally)[];
  };
  checklist: Finding[];
};
type ErrorBody = { error: string; fields: Record<string, string> };
type MeetingJson = { id: number; version: number; heldOn: string; kind: string };

const coCreation = async (lang = 'en'): Promise<CoCreation> => {
  const res = await ctx.app.request(`/api/v1/plans/${ctx.planId}/co-creation?lang=${lang}`);
  assert.equal(res.status, 200);
  return json<CoCreation>(res);
};
const statuses = (c: CoCreation) => Object.fromEntries(c.checklist.map((f) => [f.requirement, f.status]));
const phaseFigures = (c: CoCreation, kind: string): Tally => {
  const phase = c.phases.find((p) => p.kind === kind);
  assert.ok(phase, `a ${kind} phase`);
  const figures = c.record.phases.find((p) => p.phaseId === phase.id);
  assert.ok(figures, `figures of the ${kind} phase`);
  return figures.total;
};

before(async () => {
  registerModules(modules);
  ctx = await setup();
  // The demo as the server seeds it: every module's seed after the plan's, in the modules' order.
  for (const module of modules) if (module.name !== 'plans' && module.seed) await module.seed(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
  await addUser(ctx, 'sec@example.org', 'secretariat');
  await addUser(ctx, 'moi@example.org', 'agency-officer', ['MOI']);
  await addUser(ctx, 'pub@example.org', 'public');
  const convener = await addUser(ctx, 'convener@example.org', 'public');
  const elsewhere = await addUser(ctx, 'elsewhere@example.org', 'public');
  await insertGrant(ctx.database.db, convener, { role: 'co-convener', scope: 'plan', scopeId: ctx.planId }, 'test');
  await insertGrant(ctx.database.db, elsewhere, { role: 'co-convener', scope: 'plan', scopeId: ctx.planId + 1000 }, 'test');
  secretariat = await signedIn(ctx.app, 'sec@example.org');
  officer = await signedIn(ctx.app, 'moi@example.org');
  publicUser = await signedIn(ctx.app, 'pub@example.org');
  coConvener = await signedIn(ctx.app, 'convener@example.org');
  otherCoConvener = await signedIn(ctx.app, 'elsewhere@example.org');
  anonymous = new Client(ctx.app);
  await anonymous.get('/login');
});
after(() => ctx.close());

describe('the co-creation record of the demo plan', () => {
  test('shows from data what the plan’s text states: 19 meetings / 500 participations in preparation, 20 / 330 in working groups', async () => {
    const c = await coCreation();
    assert.deepEqual(phaseFigures(c, 'proposals'), { meetings: 19, participations: 500 });
    assert.deepEqual(phaseFigures(c, 'working-groups'), { meetings: 20, participations: 330 });
    const preparation = c.record.phases.find((p) => p.phaseId === c.phases.find((x) => x.kind === 'proposals')?.id);
    assert.ok(preparation);
    // Every preparation meeting was broken down by stakeholder group: the groups add up to the 500.
    assert.equal(
      preparation.byGroup.reduce((sum, g) => sum + g.participations, 0),
      500,
    );
    assert.ok(preparation.byRegion.filter((r) => r.meetings > 0).length >= 4, 'spread over regions');
    assert.ok(c.phases.every((p) => p.isDemo));
  });

  test('the working groups and their meetings, from the workgroups module', async () => {
    const c = await coCreation();
    assert.ok(c.record.workingGroups.length > 0, 'the demo has working groups');
    assert.equal(c.record.workingGroups.reduce((sum, g) => sum + g.meetings, 0) >= 20, true, 'the 20 working-group meetings are linked to their groups');
  });

  test('the checklist: the forum met every six months, its rules are published, one phase was announced late, the public had ways in, dialogue went on', async () => {
    const c = await coCreation();
    assert.deepEqual(statuses(c), {
      'forum-meets': 'met',
      'rules-published': 'met',
      'timeline-in-advance': 'not-met',
      'open-opportunities': 'met',
      'ongoing-dialogue': 'met',
    });
    const timeline = c.checklist.find((f) => f.requirement === 'timeline-in-advance');
    assert.equal(timeline?.summary, '1 of 9 phases were published less than two weeks before they began.');
    assert.equal(c.phases.find((p) => p.kind === 'working-groups')?.publishedInAdvance, false);
    const forum = c.checklist.find((f) => f.requirement === 'forum-meets');
    assert.ok(forum?.evidence.every((e) => e.kind === 'meeting' && e.url.startsWith(`/plans/${SLUG}/meetings/`)));
    const zh = await coCreation('zh-TW');
    assert.equal(zh.checklist.find((f) => f.requirement === 'timeline-in-advance')?.summary, '9 個階段中有 1 個於開始前不足兩週才公告。');
  });

  test('moving one plenary so that two are more than six months apart turns “met every six months” to not met, and back (through the API, with versions)', async () => {
    const meetings = (await json<{ items: MeetingJson[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/meetings`))).items;
    const second = meetings.find((m) => m.kind === 'plenary' && m.heldOn === '2020-12-31');
    assert.ok(second, 'the forum’s second meeting');
    const moved = await secretariat.api('PATCH', `/api/v1/meetings/${second.id}`, { version: second.version, heldOn: '2020-10-25' });
    assert.equal(moved.status, 200, await moved.clone().text());
    const after = await coCreation();
    const finding = after.checklist.find((f) => f.requirement === 'forum-meets');
    assert.deepEqual([finding?.status, finding?.reason], ['not-met', 'forum-gap']);
    assert.match(finding?.summary ?? '', /^From 2020-10-25 to 2021-05-30 the forum did not meet for 217 days/);
    const stale = await secretariat.api('PATCH', `/api/v1/meetings/${second.id}`, { version: second.version, heldOn: '2020-12-31' });
    assert.equal(stale.status, 409, 'the version moved on');
    const { version } = await json<MeetingJson>(moved);
    const back = await secretariat.api('PATCH', `/api/v1/meetings/${second.id}`, { version, heldOn: '2020-12-31' });
    assert.equal(back.status, 200);
    assert.equal(statuses(await coCreation())['forum-meets'], 'met');
  });

  test('“not yet” follows the clock: in September 2020 the forum had not met and implementation had not begun', async () => {
    const now = ctx.clock.now;
    ctx.clock.now = new Date('2020-09-15T04:00:00Z');
    try {
      const c = await coCreation();
      assert.equal(c.asOf, '2020-09-15');
      assert.deepEqual(statuses(c)['forum-meets'], 'not-yet');
      assert.deepEqual(statuses(c)['ongoing-dialogue'], 'not-yet');
      assert.equal(phaseFigures(c, 'working-groups').meetings, 0, 'meetings not yet held are not counted');
    } finally {
      ctx.clock.now = now;
    }
  });
});

describe('pages', () => {
  test('the co-creation page in both languages: timeline as SVG with its table, the record’s charts and tables, the checklist', async () => {
    const zh = await ctx.app.request(`/plans/${SLUG}/co-creation`);
    assert.equal(zh.status, 200);
    const html = await zh.text();
    assert.match(html, /<h1>共創歷程<\/h1>/);
    assert.match(html, /<svg class="chart-svg chart-svg-gantt" role="img"/);
    assert.match(html, /<caption>各階段時程的公告日期（共 9 個階段）<\/caption>/);
    assert.match(html, /公告過晚/);
    assert.match(html, /id="phase-\d+"/);
    assert.match(html, /<span class="num">500<\/span><span class="chart-note"> 19 場<\/span>/);
    assert.match(html, /<span class="num">330<\/span><span class="chart-note"> 20 場<\/span>/);
    assert.match(html, /推動小組至少每六個月開會一次/);
    assert.match(html, /未符合/);
    const en = await (await ctx.app.request(`/en/plans/${SLUG}/co-creation`)).text();
    assert.match(en, /<h1>Co-creation<\/h1>/);
    assert.match(en, /The timeline is published at least two weeks before each phase/);
    assert.match(en, /Participations by stakeholder group/);
  });

  test('the plan page shows the development process’s figures next to its text, and links to the record', async () => {
    const html = await (await ctx.app.request(`/en/plans/${SLUG}`)).text();
    assert.match(html, /<h2 id="s-development-figures">The development process in figures<\/h2>/);
    const section = html.slice(html.indexOf('id="s-development-figures"'));
    assert.match(section, /Proposals<\/a><\/th><td class="nowrap">2019-07-01 – 2020-07-31<\/td><td class="num">19<\/td><td class="num">500<\/td>/);
    assert.match(section, /Working groups<\/a><\/th><td class="nowrap">2020-11-01 – 2020-12-20<\/td><td class="num">20<\/td><td class="num">330<\/td>/);
    assert.match(html, new RegExp(`href="/en/plans/${SLUG}/co-creation"`));
  });
});

describe('phases: bad input gets field messages in both languages', () => {
  const body = (extra: Record<string, unknown> = {}) => ({
    kind: 'public-consultation',
    startsOn: '2026-12-01',
    endsOn: '2026-12-31',
    description: { zh: '第二次公眾諮詢。', en: 'A second public consultation.' },
    ...extra,
  });

  test('a phase ending before it starts is refused on endsOn, in English and Chinese; nothing is written', async () => {
    const before = (await coCreation()).phases.length;
    const en = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/phases`, body({ endsOn: '2026-11-30' }));
    assert.equal(en.status, 400);
    assert.equal((await json<ErrorBody>(en)).fields.endsOn, 'The end date is before the start date.');
    const zh = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/phases?lang=zh-TW`, body({ endsOn: '2026-11-30' }));
    assert.equal((await json<ErrorBody>(zh)).fields.endsOn, '結束日期早於開始日期。');
    assert.equal((await coCreation()).phases.length, before);
  });

  test('an unknown kind, a date that is not one, a publication after today: each named', async () => {
    const res = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/phases?lang=zh-TW`, body({ kind: 'party', startsOn: '2026-02-30' }));
    const fields = (await json<ErrorBody>(res)).fields;
    assert.equal(res.status, 400);
    assert.equal(fields.kind, '請從清單中選擇階段。');
    assert.ok(fields.startsOn);
    const future = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/phases`, body({ publishedOn: '2026-11-23' }));
    assert.equal(future.status, 400);
    assert.equal((await json<ErrorBody>(future)).fields.publishedOn, 'The day of publication cannot be after today (2026-11-22).');
  });

  test('published after it starts is allowed, and counts as late', async () => {
    const res = await secretariat.api(
      'POST',
      `/api/v1/plans/${ctx.planId}/phases`,
      body({ startsOn: '2026-11-01', endsOn: '2026-11-30', publishedOn: '2026-11-10' }),
    );
    assert.equal(res.status, 201, await res.clone().text());
    const phase = await json<PhaseJson>(res);
    assert.deepEqual([phase.publishedInAdvance, phase.noticeDays], [false, -9]);
    const finding = (await coCreation()).checklist.find((f) => f.requirement === 'timeline-in-advance');
    assert.equal(finding?.summary, '2 of 10 phases were published less than two weeks before they began.');
    const removed = await secretariat.api('DELETE', `/api/v1/phases/${phase.id}?version=${phase.version}`);
    assert.equal(removed.status, 204);
  });

  test('the form shows the message beside the field, in the page’s language, and keeps what was typed', async () => {
    await secretariat.get(`/plans/${SLUG}/co-creation/phases/new`);
    const res = await secretariat.postForm(`/plans/${SLUG}/co-creation/phases/new`, {
      kind: 'draft',
      startsOn: '2026-12-10',
      endsOn: '2026-12-01',
      publishedOn: '',
      'description.zh': '草案',
      'description.en': '',
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /<p class="field-error" id="err-endsOn">結束日期早於開始日期。<\/p>/);
    assert.match(html, /value="2026-12-10"/);
    assert.match(html, /id="f-publishedOn"[^>]*value=""/, 'an empty day of publication stays empty (it means today)');
    const en = await secretariat.postForm(`/en/plans/${SLUG}/co-creation/phases/new`, { kind: 'draft', startsOn: '2026-12-10', endsOn: '2026-12-01' });
    assert.match(await en.text(), /id="err-endsOn">The end date is before the start date\./);
  });

  test('a stale version is a 409 with the stored values', async () => {
    const created = await json<PhaseJson>(await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/phases`, body()));
    const first = await secretariat.api('PATCH', `/api/v1/phases/${created.id}`, { version: created.version, endsOn: '2027-01-15' });
    assert.equal(first.status, 200);
    const stale = await secretariat.api('PATCH', `/api/v1/phases/${created.id}`, { version: created.version, endsOn: '2027-01-31' });
    assert.equal(stale.status, 409);
    const current = await json<PhaseJson>(first);
    assert.equal((await secretariat.api('DELETE', `/api/v1/phases/${created.id}?version=${current.version}`)).status, 204);
  });
});

describe('authorization: the secretariat, admins and the plan’s co-conveners write the timeline', () => {
  const body = { kind: 'review', startsOn: '2027-01-01', endsOn: '2027-03-31' };

  test('POST /plans/{id}/phases, PATCH and DELETE /phases/{id}: anonymous 401, public, officer and another plan’s co-convener 403', async () => {
    const created = await json<PhaseJson>(await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/phases`, body));
    const refusals: [Client, number][] = [
      [anonymous, 401],
      [publicUser, 403],
      [officer, 403],
      [otherCoConvener, 403],
    ];
    for (const [client, status] of refusals) {
      assert.equal((await client.api('POST', `/api/v1/plans/${ctx.planId}/phases`, body)).status, status);
      assert.equal((await client.api('PATCH', `/api/v1/phases/${created.id}`, { version: created.version, endsOn: '2027-02-28' })).status, status);
      assert.equal((await client.api('DELETE', `/api/v1/phases/${created.id}?version=${created.version}`)).status, status);
    }
    const stored = (await coCreation()).phases.find((p) => p.id === created.id);
    assert.deepEqual([stored?.version, stored?.endsOn], [created.version, '2027-03-31'], 'nothing changed');
    assert.equal((await secretariat.api('DELETE', `/api/v1/phases/${created.id}?version=${created.version}`)).status, 204);
  });

  test('the plan’s co-convener adds, edits and deletes a phase, each recorded in the history', async () => {
    const created = await coConvener.api('POST', `/api/v1/plans/${ctx.planId}/phases`, body);
    assert.equal(created.status, 201, await created.clone().text());
    const phase = await json<PhaseJson>(created);
    const edited = await coConvener.api('PATCH', `/api/v1/phases/${phase.id}`, { version: phase.version, endsOn: '2027-02-28' });
    assert.equal(edited.status, 200);
    const { version } = await json<PhaseJson>(edited);
    assert.equal((await coConvener.api('DELETE', `/api/v1/phases/${phase.id}?version=${version}`)).status, 204);
    const rows = await ctx.database.db
      .selectFrom('history')
      .select(['action', 'actor_name', 'plan_id'])
      .where('entity_type', '=', 'phase')
      .where('entity_id', '=', phase.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.action, r.actor_name, r.plan_id]),
      [
        ['create', 'convener', ctx.planId],
        ['update', 'convener', ctx.planId],
        ['delete', 'convener', ctx.planId],
      ],
    );
  });

  test('form pages: anonymous 401, public 403, the co-convener and the secretariat 200; edit links only for them', async () => {
    const phase = (await coCreation()).phases[0];
    assert.ok(phase);
    for (const path of [`/plans/${SLUG}/co-creation/phases/new`, `/plans/${SLUG}/co-creation/phases/${phase.id}/edit`]) {
      assert.equal((await anonymous.get(path)).status, 401, path);
      assert.equal((await publicUser.get(path)).status, 403, path);
      assert.equal((await otherCoConvener.get(path)).status, 403, path);
      assert.equal((await coConvener.get(path)).status, 200, path);
      assert.equal((await secretariat.get(path)).status, 200, path);
    }
    const edit = `/plans/${SLUG}/co-creation/phases/${phase.id}/edit`;
    assert.doesNotMatch(await (await publicUser.get(`/plans/${SLUG}/co-creation`)).text(), new RegExp(edit));
    assert.match(await (await coConvener.get(`/plans/${SLUG}/co-creation`)).text(), new RegExp(edit));
    const refused = await publicUser.postForm(`/plans/${SLUG}/co-creation/phases/${phase.id}/delete`, { version: String(phase.version) });
    assert.equal(refused.status, 403);
  });
});
