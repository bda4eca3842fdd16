/**
 * Public input through real HTTP against a real database: comments on a milestone and the lead agency's reasoned
 * response linking the change it made (with its diff), the refusals (a response without its reason, words over the
 * limit, a closed consultation, a reply to a reply), inert script payloads, the author's 15 minutes and withdrawal,
 * the internal round's audience on every channel, who may answer, the honeypot, proposals, and the API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { addUser, Client, json, setup, signedIn, type TestContext } from '../../../test/helpers.js';
import { insertGrant } from '../accounts/index.js';
import { planQueries } from '../plans/index.js';

const PLAN = '/plans/tw-2021-2024';
type ErrorBody = { error: string; fields?: Record<string, string> };
type InputJson = {
  id: number;
  version: number;
  state: string;
  body: string | null;
  response: { state: string; reason: { zh: string; en: string }; changeHistoryId: number | null };
  replies?: InputJson[];
};

let ctx: TestContext;
let participant: Client;
let other: Client;
let officer: Client;
let otherOfficer: Client;
let secretariat: Client;
let forumMember: Client;
let anonymous: Client;
let commitment14: number;
let milestones14: { id: number; version: number; position: number }[];

const minutes = (n: number) => n * 60_000;

before(async () => {
  ctx = await setup();
  const db = ctx.database.db;
  await addUser(ctx, 'participant@example.org', 'public');
  await addUser(ctx, 'other@example.org', 'public');
  await addUser(ctx, 'moj@example.org', 'agency-officer', ['MOJ']);
  await addUser(ctx, 'moi@example.org', 'agency-officer', ['MOI']);
  await addUser(ctx, 'sec@example.org', 'secretariat');
  const memberId = await addUser(ctx, 'member@example.org', 'public');
  await insertGrant(db, memberId, { role: 'forum-member', scope: 'plan', scopeId: ctx.planId }, 'test');
  const as = (name: string) => signedIn(ctx.app, `${name}@example.org`);
  [participant, other, officer, otherOfficer, secretariat, forumMember] = await Promise.all([
    as('participant'),
    as('other'),
    as('moj'),
    as('moi'),
    as('sec'),
    as('member'),
  ]);
  anonymous = new Client(ctx.app);
  const commitment = await planQueries.findCommitmentByNumber(db, ctx.planId, '1-4');
  commitment14 = commitment!.id;
  milestones14 = (await planQueries.listMilestones(db, commitment14)).map((m) => ({ id: m.id, version: m.version, position: m.position }));
});
after(() => ctx.close());

async function postComment(client: Client, fields: Record<string, string>): Promise<Response> {
  await client.get(`${PLAN}/inputs/new?target=commitment:${commitment14}`);
  return client.postForm(`${PLAN}/inputs/new`, { kind: 'comment', lang: 'zh', website: '', ...fields });
}

const inputIdFrom = (response: Response) => Number(/\/inputs\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1]);

describe('a comment on a milestone and its reasoned response', () => {
  let inputId: number;

  test('a participant comments on a milestone of 1-4 through the form', async () => {
    const milestone = milestones14[0]!;
    const response = await postComment(participant, { target: `milestone:${milestone.id}`, body: '請把**公開時程**寫進指標。' });
    assert.equal(response.status, 303);
    inputId = inputIdFrom(response);
    assert.ok(inputId > 0);
    const page = await (await anonymous.get(`${PLAN}/inputs/${inputId}`)).text();
    assert.match(page, /<strong>公開時程<\/strong>/);
    assert.match(page, /待回應|Waiting for a response/);
    // The answer is owed by the lead agency (the Ministry of Justice leads 1-4).
    assert.match(page, /由法務部回應/);
    const commitmentPage = await (await anonymous.get(`${PLAN}/commitments/1-4`)).text();
    assert.match(commitmentPage, new RegExp(`/inputs/${inputId}`));
  });

  test('a partly adopted answer without a reason is refused, naming the field, in both languages', async () => {
    await officer.get(`${PLAN}/inputs/${inputId}`);
    const zh = await officer.postForm(`${PLAN}/inputs/${inputId}/respond`, { state: 'partly-adopted', 'reason.zh': '', 'reason.en': '', version: '1' });
    assert.equal(zh.status, 400);
    assert.match(await zh.text(), /請說明理由/);
    const en = await officer.api('PUT', `/api/v1/inputs/${inputId}/response?lang=en`, { state: 'not-adopted', version: 1 });
    assert.equal(en.status, 400);
    assert.match((await json<ErrorBody>(en)).fields?.reason ?? '', /Give the reason/);
    const stored = await json<InputJson>(await anonymous.request(`/api/v1/inputs/${inputId}`));
    assert.equal(stored.response.state, 'pending');
  });

  test('an officer of another agency may not answer it', async () => {
    const response = await otherOfficer.api('PUT', `/api/v1/inputs/${inputId}/response`, { state: 'adopted', version: 1 });
    assert.equal(response.status, 403);
  });

  test('the lead agency’s officer edits the milestone, answers "partly adopted" with a reason and links the edit; the participant sees the answer, the diff and a notification', async () => {
    const milestone = milestones14[0]!;
    const edit = await officer.api('PATCH', `/api/v1/milestones/${milestone.id}`, {
      target: { zh: '2021 年底前公布公開時程', en: 'Publish the timetable by the end of 2021' },
      version: milestone.version,
    });
    assert.equal(edit.status, 200, await edit.clone().text());
    const historyRows = await sql<{
      id: number;
    }>`select id from history where entity_type = 'milestone' and entity_id = ${milestone.id} order by id desc limit 1`.execute(ctx.database.db);
    const changeId = historyRows.rows[0]!.id;
    await officer.get(`${PLAN}/inputs/${inputId}`);
    const respond = await officer.postForm(`${PLAN}/inputs/${inputId}/respond`, {
      state: 'partly-adopted',
      'reason.zh': '已將公開時程納入指標；個別案件的期限仍依法辦理。',
      'reason.en': 'The timetable is now in the milestone; case deadlines stay as the law sets them.',
      referredTo: '',
      changeHistoryId: String(changeId),
      version: '1',
    });
    assert.equal(respond.status, 303, await respond.clone().text());
    const page = await (await participant.get(`${PLAN}/inputs/${inputId}`)).text();
    assert.match(page, /部分採納/);
    assert.match(page, /已將公開時程納入指標/);
    // The diff of the change it led to: before and after.
    assert.match(page, /class="diff-after"[^>]*>2021 年底前公布公開時程/);
    const notifications = await (await participant.get('/notifications')).text();
    assert.match(notifications, /你的意見已獲回應/);
    const stored = await json<InputJson>(await anonymous.request(`/api/v1/inputs/${inputId}`));
    assert.equal(stored.response.state, 'partly-adopted');
    assert.equal(stored.response.changeHistoryId, changeId);
  });

  test('a change of another commitment cannot be linked', async () => {
    const foreign = await sql<{ id: number }>`select id from history where commitment_id <> ${commitment14} and entity_type = 'commitment' limit 1`.execute(
      ctx.database.db,
    );
    const current = await json<InputJson>(await anonymous.request(`/api/v1/inputs/${inputId}`));
    const response = await secretariat.api('PUT', `/api/v1/inputs/${inputId}/response`, {
      state: 'adopted',
      changeHistoryId: foreign.rows[0]!.id,
      version: current.version,
    });
    assert.equal(response.status, 400);
    assert.ok((await json<ErrorBody>(response)).fields?.changeHistoryId);
  });
});

describe('refusals and inert payloads', () => {
  test('words over the limit are refused with the field named', async () => {
    const response = await postComment(participant, { target: `commitment:${commitment14}`, body: '字'.repeat(5001) });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /5000/);
  });

  test('a script payload is stored as text and rendered inert, on the page, in the API and in the feed', async () => {
    const payload = '<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)> [ok](https://example.org/a)';
    const response = await postComment(participant, { target: `commitment:${commitment14}`, body: payload });
    assert.equal(response.status, 303);
    const id = inputIdFrom(response);
    const page = await (await anonymous.get(`${PLAN}/inputs/${id}`)).text();
    assert.doesNotMatch(page, /<script>alert/);
    assert.doesNotMatch(page, /<img src=x/);
    assert.doesNotMatch(page, /href="javascript:/i);
    assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(page, /<a href="https:\/\/example.org\/a" rel="nofollow ugc noopener">ok<\/a>/);
    const feed = await (await anonymous.request(`${PLAN}/inputs.atom`)).text();
    assert.doesNotMatch(feed, /<script>/);
    assert.match(feed, /&lt;script&gt;/);
  });

  test('a comment after the consultation closed is refused, saying when it closed', async () => {
    const create = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/consultations`, {
      targetType: 'commitment',
      targetId: commitment14,
      title: { zh: '1-4 草案意見徵集', en: 'Consultation on the 1-4 draft' },
      question: { zh: '指標是否具體？', en: 'Are the milestones specific?' },
      audience: 'public',
      opensAt: '2026-10-01T09:00:00+08:00',
      closesAt: '2026-11-01T00:00:00+08:00',
    });
    assert.equal(create.status, 201, await create.clone().text());
    const consultation = await json<{ id: number }>(create);
    await participant.get(`${PLAN}/inputs/new?target=commitment:${commitment14}&consultation=${consultation.id}`);
    const response = await participant.postForm(`${PLAN}/inputs/new`, {
      kind: 'comment',
      target: `commitment:${commitment14}`,
      consultationId: String(consultation.id),
      body: '太晚了嗎？',
      lang: 'zh',
      website: '',
    });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /本意見徵集已於 2026-11-01 00:00（臺北時間）截止/);
    const api = await participant.api('POST', `/api/v1/plans/${ctx.planId}/inputs?lang=en`, {
      targetType: 'commitment',
      targetId: commitment14,
      consultationId: consultation.id,
      body: 'Too late?',
    });
    assert.equal(api.status, 400);
    assert.match((await json<ErrorBody>(api)).fields?.consultationId ?? '', /closed on 2026-11-01 00:00/);
  });

  test('a filled honeypot gets the usual answer and writes nothing', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from inputs`.execute(ctx.database.db);
    const response = await postComment(participant, { target: `commitment:${commitment14}`, body: 'buy now', website: 'http://spam.example' });
    assert.equal(response.status, 303);
    const afterCount = await sql<{ n: number }>`select count(*)::int as n from inputs`.execute(ctx.database.db);
    assert.equal(afterCount.rows[0]!.n, before.rows[0]!.n);
  });
});

describe('the author’s 15 minutes, replies and withdrawal', () => {
  test('the author edits within 15 minutes (each edit in the history), not after', async () => {
    const response = await postComment(participant, { target: `commitment:${commitment14}`, body: '第一版' });
    const id = inputIdFrom(response);
    await participant.get(`${PLAN}/inputs/${id}`);
    const edit = await participant.postForm(`${PLAN}/inputs/${id}/edit`, { body: '第二版', version: '1' });
    assert.equal(edit.status, 303);
    const notMine = await other.api('PATCH', `/api/v1/inputs/${id}`, { body: '別人的', version: 2 });
    assert.equal(notMine.status, 403);
    const history = await sql<{ changes: unknown }>`select changes from history where entity_type = 'input' and entity_id = ${id} order by id`.execute(
      ctx.database.db,
    );
    assert.equal(history.rows.length, 2);
    assert.deepEqual(history.rows[1]!.changes, [{ field: 'body', before: '第一版', after: '第二版' }]);
    const saved = ctx.clock.now;
    ctx.clock.now = new Date(saved.getTime() + minutes(16));
    try {
      const late = await participant.api('PATCH', `/api/v1/inputs/${id}?lang=en`, { body: '第三版', version: 2 });
      assert.equal(late.status, 400);
      assert.match((await json<ErrorBody>(late)).fields?.body ?? '', /15 minutes/);
    } finally {
      ctx.clock.now = saved;
    }
  });

  test('one level of replies; a withdrawn input leaves a tombstone with its replies, and its words leave every channel', async () => {
    const words = '撤回前的獨特字句 Q7XZ';
    const id = inputIdFrom(await postComment(participant, { target: `commitment:${commitment14}`, body: words }));
    const reply = await other.api('POST', `/api/v1/inputs/${id}/replies`, { body: '我同意' });
    assert.equal(reply.status, 201);
    const replyId = (await json<InputJson>(reply)).id;
    const nested = await participant.api('POST', `/api/v1/inputs/${replyId}/replies`, { body: '回覆的回覆' });
    assert.equal(nested.status, 400);
    await participant.get(`${PLAN}/inputs/${id}`);
    const withdraw = await participant.postForm(`${PLAN}/inputs/${id}/withdraw`, { version: '1' });
    assert.equal(withdraw.status, 303);
    const page = await (await anonymous.get(`${PLAN}/inputs/${id}`)).text();
    assert.match(page, /提出者已於 .* 撤回/);
    assert.match(page, /我同意/);
    for (const path of [
      `${PLAN}/inputs/${id}`,
      `${PLAN}/inputs`,
      `${PLAN}/inputs.atom`,
      `${PLAN}/commitments/1-4`,
      `${PLAN}/commitments/1-4/history`,
      `/api/v1/inputs/${id}`,
    ]) {
      const text = await (await anonymous.request(path)).text();
      assert.doesNotMatch(text, /Q7XZ/, path);
    }
  });

  test('a proposal needs its parts', async () => {
    const refused = await participant.api('POST', `/api/v1/plans/${ctx.planId}/inputs?lang=en`, {
      kind: 'proposal',
      targetType: 'plan',
      targetId: ctx.planId,
      body: 'More',
      proposal: { title: '', problem: '', suggestedAction: '' },
    });
    assert.equal(refused.status, 400);
    const fields = (await json<ErrorBody>(refused)).fields ?? {};
    assert.ok(fields['proposal.title'] && fields['proposal.problem'] && fields['proposal.suggestedAction']);
    const ok = await participant.api('POST', `/api/v1/plans/${ctx.planId}/inputs`, {
      kind: 'proposal',
      targetType: 'plan',
      targetId: ctx.planId,
      body: '另附資料',
      proposal: { title: '公開採購決標理由', problem: '決標理由不公開', suggestedAction: '公布理由', proposedAgencyId: ctx.agencies.get('MOJ') },
    });
    assert.equal(ok.status, 201, await ok.clone().text());
  });
});

describe('an internal round', () => {
  let consultationId: number;
  let inputId: number;
  const words = '內部意見 W9QK';

  before(async () => {
    const create = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/consultations`, {
      targetType: 'commitment',
      targetId: commitment14,
      title: { zh: '內部意見徵詢', en: 'Internal round' },
      question: { zh: '請各機關表示意見', en: 'Agencies, your views please' },
      audience: 'internal',
      opensAt: '2026-11-01T00:00:00+08:00',
      closesAt: '2026-12-31T00:00:00+08:00',
    });
    consultationId = (await json<{ id: number }>(create)).id;
  });

  test('the public may not take part; an agency officer and a forum member may', async () => {
    const body = { targetType: 'commitment', targetId: commitment14, consultationId, body: words };
    assert.equal((await participant.api('POST', `/api/v1/plans/${ctx.planId}/inputs`, body)).status, 403);
    const posted = await otherOfficer.api('POST', `/api/v1/plans/${ctx.planId}/inputs`, body);
    assert.equal(posted.status, 201);
    const input = await json<InputJson>(posted);
    inputId = input.id;
    assert.equal(input.state, 'internal');
    assert.equal((await forumMember.api('POST', `/api/v1/plans/${ctx.planId}/inputs`, { ...body, body: '委員意見' })).status, 201);
  });

  test('its words reach the round’s audience only, on every channel', async () => {
    for (const client of [anonymous, participant]) {
      assert.equal((await client.request(`${PLAN}/inputs/${inputId}`)).status, 404);
      assert.equal((await client.request(`/api/v1/inputs/${inputId}`)).status, 404);
      for (const path of [
        `${PLAN}/inputs`,
        `${PLAN}/consultations/${consultationId}`,
        `${PLAN}/commitments/1-4`,
        `${PLAN}/inputs.atom`,
        `/api/v1/plans/${ctx.planId}/inputs`,
        `${PLAN}/commitments/1-4/history`,
      ]) {
        const text = await (await client.request(path)).text();
        assert.doesNotMatch(text, /W9QK/, path);
      }
    }
    for (const client of [forumMember, secretariat, officer]) {
      const text = await (await client.request(`${PLAN}/inputs/${inputId}`)).text();
      assert.match(text, /W9QK/);
    }
  });
});

describe('consultations', () => {
  test('only the secretariat opens one; a window that ends before it starts is refused', async () => {
    const body = {
      targetType: 'plan',
      targetId: ctx.planId,
      title: { zh: '草案', en: 'Draft' },
      question: { zh: '意見？', en: 'Views?' },
      audience: 'public',
      opensAt: '2026-12-10T00:00',
      closesAt: '2026-12-01T00:00',
    };
    assert.equal((await participant.api('POST', `/api/v1/plans/${ctx.planId}/consultations`, body)).status, 403);
    const refused = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/consultations?lang=en`, body);
    assert.equal(refused.status, 400);
    assert.ok((await json<ErrorBody>(refused)).fields?.closesAt);
    const page = await secretariat.get(`${PLAN}/consultations/new`);
    assert.equal(page.status, 200);
    const list = await anonymous.get(`${PLAN}/consultations`);
    assert.equal(list.status, 200);
    // One on a milestone is listed by its commitment and position.
    const onMilestone = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/consultations`, {
      ...body,
      targetType: 'milestone',
      targetId: milestones14[1]!.id,
      closesAt: '2026-12-20T00:00',
    });
    assert.equal(onMilestone.status, 201, await onMilestone.clone().text());
    assert.match(await (await anonymous.request(`${PLAN}/consultations`)).text(), /1-4 的第 2 項衡量指標/);
    assert.match(await (await anonymous.request(`/en${PLAN}/consultations`)).text(), /Milestone 2 of 1-4/);
  });
});

describe('following', () => {
  test('the plan, commitment and consultation pages carry a follow button; following one is told of its new inputs', async () => {
    const followingTypes = async (path: string) => {
      const html = await (await participant.get(path)).text();
      return [...html.matchAll(/name="target_type" value="([a-z-]+)"/g)].map((m) => m[1]);
    };
    assert.deepEqual(await followingTypes(PLAN), ['plan']);
    assert.ok((await followingTypes(`${PLAN}/commitments/1-4`)).includes('commitment'));
    const consultations = await json<{ items: { id: number }[] }>(await anonymous.request(`/api/v1/plans/${ctx.planId}/consultations`));
    const consultation = consultations.items[0];
    assert.ok(consultation);
    assert.deepEqual(await followingTypes(`${PLAN}/consultations/${consultation.id}`), ['consultation']);
    // A visitor gets a sign-in link instead.
    assert.doesNotMatch(await (await anonymous.request(`${PLAN}/commitments/1-4`)).text(), /name="target_type"/);

    await participant.get(`${PLAN}/commitments/1-4`);
    const followed = await participant.postForm('/follow', {
      target_type: 'commitment',
      target_id: String(commitment14),
      return_to: `${PLAN}/commitments/1-4`,
    });
    assert.equal(followed.status, 303);
    const id = inputIdFrom(await postComment(other, { target: `commitment:${commitment14}`, body: '追蹤者應該會收到通知 F0LL0W' }));
    assert.ok(id > 0);
    assert.match(await (await participant.get('/notifications')).text(), /F0LL0W/);
  });
});
