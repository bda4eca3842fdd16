/**
 * Working groups through real HTTP against a real database: the groups and who may change what, joining and leaving
 * with one click, the public roster of those who consent (and nobody else), a closed group's published reason, the
 * moderation of listings, the survey of forum members' willingness, the commitment page's section, a deleted
 * account's data, and the demo data.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { addUser, Client, json, PASSWORD, setup, setupForTest, signedIn, type TestContext } from '../../../test/helpers.js';
import { erasePersonalDataEverywhere } from '../../web/module.js';
import { insertGrant } from '../accounts/index.js';
import { listWorkingGroups } from './index.js';
import { Problems } from '../../web/data-files.js';
import { loadDemoPlan } from '../plans/index.js';
import { checkDemoWorkgroups, DEMO_WORKGROUPS_FILE, demoMembers, loadDemoWorkgroups, seedDemoWorkgroups } from './workgroups.seed.js';

const SLUG = 'tw-2021-2024';
type L = { zh: string; en: string; status: string };
type Person = { id: number; displayName: string | null; organisation: string | null; stakeholderGroup: string | null };
type Group = {
  id: number;
  slug: string;
  version: number;
  kind: string;
  name: L;
  purpose: L;
  rules: L;
  open: boolean;
  closedReason: L;
  commitmentIds: number[];
  memberCount: number;
  chair: { name: L; agencyId: number | null; person: Person | null };
  coChair: { name: L; person: Person | null };
  url: string;
};
type Detail = Group & { roster: Person[]; unlistedCount: number };
type MembershipJson = { workingGroupId: number; member: boolean; listed: boolean; listingHidden: boolean; joinedAt: string | null };
type ErrorBody = { error: string; fields?: Record<string, string>; current?: { version: number } };

let ctx: TestContext;
let secretariat: Client;
let publicUser: Client;
let anonymous: Client;
let chair: Client;
let moderator: Client;
let forumMember: Client;
let officer: Client;
const ids = { secretariat: 0, public: 0, chair: 0, chair2: 0, moderator: 0, forumMember: 0, officer: 0 };
let commitments: Map<string, number>;
const REASON = { zh: '分組正在整理草案，暫停受理加入。', en: 'The group is finalising its draft and is not taking new members.' };

before(async () => {
  ctx = await setup();
  const db = ctx.database.db;
  ids.secretariat = await addUser(ctx, 'sec@example.org', 'secretariat');
  ids.public = await addUser(ctx, 'pub@example.org', 'public');
  ids.chair = await addUser(ctx, 'chair@example.org', 'public');
  ids.chair2 = await addUser(ctx, 'chair2@example.org', 'public');
  ids.moderator = await addUser(ctx, 'mod@example.org', 'public');
  ids.forumMember = await addUser(ctx, 'forum@example.org', 'public');
  ids.officer = await addUser(ctx, 'moj@example.org', 'agency-officer', ['MOJ']);
  await insertGrant(db, ids.moderator, { role: 'moderator', scope: 'plan', scopeId: ctx.planId }, 'test');
  await insertGrant(db, ids.forumMember, { role: 'forum-member', scope: 'plan', scopeId: ctx.planId }, 'test');
  const as = (name: string) => signedIn(ctx.app, `${name}@example.org`);
  [secretariat, publicUser, chair, moderator, forumMember, officer] = await Promise.all([as('sec'), as('pub'), as('chair'), as('mod'), as('forum'), as('moj')]);
  anonymous = new Client(ctx.app);
  await anonymous.get('/login'); // a CSRF token, so refusals come from authorization, not CSRF
  const list = await json<{ items: { id: number; number: string }[] }>(await anonymous.request(`/api/v1/plans/${ctx.planId}/commitments?perPage=100`));
  commitments = new Map(list.items.map((c) => [c.number, c.id]));
});
after(() => ctx.close());

const commitmentId = (number: string) => {
  const id = commitments.get(number);
  assert.ok(id, `commitment ${number}`);
  return id;
};

const groupBody = (number: string, extra: Record<string, unknown> = {}) => ({
  slug: `g-${number}`,
  kind: 'commitment',
  name: { zh: `承諾事項 ${number} 工作分組`, en: `Working group ${number}` },
  purpose: { zh: '研商承諾事項表。', en: 'To draft the commitment.' },
  rules: { zh: '一、任何人都可以加入。', en: '1. Anyone may join.' },
  commitmentIds: [commitmentId(number)],
  coChair: { name: { zh: '林雅婷', en: 'Lin Ya-ting' } },
  ...extra,
});

async function createGroup(number: string, extra: Record<string, unknown> = {}): Promise<Group> {
  const res = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/working-groups`, groupBody(number, extra));
  assert.equal(res.status, 201, await res.clone().text());
  return json<Group>(res);
}

const detail = async (id: number) => json<Detail>(await anonymous.request(`/api/v1/working-groups/${id}`));
const groupPage = (group: Pick<Group, 'slug'>, lang: '' | '/en' = '') => `${lang}/plans/${SLUG}/working-groups/${group.slug}`;
const pageText = async (client: Client, path: string) => {
  const res = await client.get(path);
  assert.equal(res.status, 200, path);
  return res.text();
};

describe('groups: who may create, change and delete them', () => {
  test('the secretariat creates a commitment’s group; its chair defaults to the lead agency and their account gets the chair role', async () => {
    const group = await createGroup('1-1', { chair: { name: { zh: '國發會副主任委員', en: 'Deputy Minister, NDC' }, userId: ids.chair } });
    assert.equal(group.chair.agencyId, ctx.agencies.get('NDC'));
    assert.equal(group.chair.person?.id, ids.chair);
    assert.deepEqual(group.commitmentIds, [commitmentId('1-1')]);

    // The chair may change the purpose, the rules and the open flag, and nothing else.
    const ok = await chair.api('PATCH', `/api/v1/working-groups/${group.id}`, { version: group.version, rules: { zh: '二、新規範。', en: '2. New rules.' } });
    assert.equal(ok.status, 200, await ok.clone().text());
    const edited = await json<Group>(ok);
    const renamed = await chair.api('PATCH', `/api/v1/working-groups/${group.id}`, { version: edited.version, name: { en: 'Renamed' } });
    assert.equal(renamed.status, 403);
    // A chair of another group, an agency officer, anyone else: not even the purpose.
    for (const client of [publicUser, officer, moderator, forumMember]) {
      const res = await client.api('PATCH', `/api/v1/working-groups/${group.id}`, { version: edited.version, purpose: { en: 'x' } });
      assert.equal(res.status, 403);
    }
    assert.equal((await anonymous.api('PATCH', `/api/v1/working-groups/${group.id}`, { version: edited.version, purpose: { en: 'x' } })).status, 401);

    // The earlier rules stay readable in the commitment's history.
    const history = await pageText(anonymous, `/en/plans/${SLUG}/commitments/1-1/history`);
    assert.ok(history.includes('1. Anyone may join.') && history.includes('2. New rules.'), 'both texts of the rules in the history');

    // Replacing the chair takes the role from the former one.
    const replaced = await secretariat.api('PATCH', `/api/v1/working-groups/${group.id}`, { version: edited.version, chair: { userId: ids.chair2 } });
    assert.equal(replaced.status, 200, await replaced.clone().text());
    const after = await json<Group>(replaced);
    const chair2 = await signedIn(ctx.app, 'chair2@example.org');
    const formerChair = await signedIn(ctx.app, 'chair@example.org');
    assert.equal((await formerChair.api('PATCH', `/api/v1/working-groups/${group.id}`, { version: after.version, purpose: { en: 'x' } })).status, 403);
    assert.equal((await chair2.api('PATCH', `/api/v1/working-groups/${group.id}`, { version: after.version, purpose: { en: 'New purpose' } })).status, 200);
  });

  test('only the secretariat creates and deletes groups; a stale version is a 409 and deletes nothing', async () => {
    for (const [client, status] of [
      [anonymous, 401],
      [publicUser, 403],
      [officer, 403],
      [chair, 403],
      [moderator, 403],
      [forumMember, 403],
    ] as const) {
      const res = await client.api('POST', `/api/v1/plans/${ctx.planId}/working-groups`, groupBody('1-2'));
      assert.equal(res.status, status);
    }
    const group = await createGroup('1-2');
    for (const client of [publicUser, officer, moderator])
      assert.equal((await client.api('DELETE', `/api/v1/working-groups/${group.id}?version=${group.version}`)).status, 403);
    const stale = await secretariat.api('DELETE', `/api/v1/working-groups/${group.id}?version=${group.version + 1}`);
    assert.equal(stale.status, 409);
    assert.equal((await anonymous.request(`/api/v1/working-groups/${group.id}`)).status, 200);
    assert.equal((await secretariat.api('DELETE', `/api/v1/working-groups/${group.id}?version=${group.version}`)).status, 204);
    assert.equal((await anonymous.request(`/api/v1/working-groups/${group.id}`)).status, 404);
  });

  test('bad input gets field messages in both languages, and writes nothing', async () => {
    const before = (await listWorkingGroups(ctx.database.db, ctx.planId)).length;
    const bad = { ...groupBody('1-3'), slug: 'Not A Slug', commitmentIds: [commitmentId('1-3'), commitmentId('1-5')] };
    for (const [lang, slugMessage] of [
      ['en', 'Use lower-case letters, digits and hyphens.'],
      ['zh-TW', '請使用小寫英文字母、數字與連字號。'],
    ] as const) {
      const res = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/working-groups?lang=${lang}`, bad);
      assert.equal(res.status, 400);
      assert.equal((await json<ErrorBody>(res)).fields?.slug, slugMessage);
    }
    // Past the schema: one commitment for a commitment's group, in both languages.
    const twoCommitments = { ...groupBody('1-3'), commitmentIds: [commitmentId('1-3'), commitmentId('1-5')] };
    const en = await json<ErrorBody>(await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/working-groups?lang=en`, twoCommitments));
    const zh = await json<ErrorBody>(await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/working-groups?lang=zh-TW`, twoCommitments));
    assert.equal(en.fields?.commitmentIds, 'A commitment’s group works on exactly one commitment.');
    assert.equal(zh.fields?.commitmentIds, '承諾事項分組只能對應一項承諾事項。');
    // A thematic group needs two or more; an unknown account cannot chair.
    const thematic = await json<ErrorBody>(
      await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/working-groups?lang=en`, {
        ...groupBody('1-3'),
        kind: 'thematic',
        chair: { userId: 999_999 },
      }),
    );
    assert.equal(thematic.fields?.commitmentIds, 'A thematic group works on two or more commitments.');
    assert.equal(thematic.fields?.['chair.userId'], 'No account has this number.');
    assert.equal((await listWorkingGroups(ctx.database.db, ctx.planId)).length, before);

    // The HTML form shows the messages beside the fields, in the page's language.
    await secretariat.get(`/en/plans/${SLUG}/working-groups/new`);
    const form = await secretariat.postForm(`/en/plans/${SLUG}/working-groups/new`, {
      slug: 'g-form',
      kind: 'commitment',
      'name.zh': '',
      'name.en': '',
      commitmentIds: [''],
      open: 'false',
    });
    assert.equal(form.status, 400);
    const html = await form.text();
    for (const message of [
      'This field is required.',
      'A commitment’s group works on exactly one commitment.',
      'Say why the group is closed: the reason is published.',
    ])
      assert.ok(html.includes(message), message);
    assert.equal((await listWorkingGroups(ctx.database.db, ctx.planId)).length, before);
  });

  test('a thematic group works on several commitments; a commitment has one group of its own', async () => {
    const thematic = await createGroup('1-3', {
      slug: 'open-data',
      kind: 'thematic',
      commitmentIds: [commitmentId('1-3'), commitmentId('1-5')],
      chair: { agencyId: ctx.agencies.get('NDC') },
    });
    assert.deepEqual(thematic.commitmentIds.sort(), [commitmentId('1-3'), commitmentId('1-5')].sort());
    await createGroup('1-5');
    const again = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/working-groups?lang=en`, groupBody('1-5', { slug: 'g-1-5-again' }));
    assert.equal(again.status, 400);
    assert.equal((await json<ErrorBody>(again)).fields?.commitmentIds, 'This commitment already has a group of its own.');
    const summaries = await listWorkingGroups(ctx.database.db, ctx.planId);
    const summary = summaries.find((s) => s.id === thematic.id);
    assert.deepEqual(summary && { kind: summary.kind, memberCount: summary.memberCount, open: summary.open, slug: summary.slug }, {
      kind: 'thematic',
      memberCount: 0,
      open: true,
      slug: 'open-data',
    });
  });
});

describe('the acceptance journey: a visitor joins the group of 1-4 and is listed only after consenting', () => {
  let group: Group;
  let visitor: Client;
  let visitorId: number;
  const NAME = 'visitor-wg';
  before(async () => {
    group = await createGroup('1-4');
    visitorId = await addUser(ctx, `${NAME}@example.org`, 'public');
    visitor = await signedIn(ctx.app, `${NAME}@example.org`);
  });

  test('a visitor sees the join button on the commitment’s page as a sign-in link, a signed-in person as a form', async () => {
    const html = await pageText(anonymous, `/en/plans/${SLUG}/commitments/1-4`);
    assert.ok(html.includes('Working group 1-4'));
    assert.ok(html.includes('Sign in to join this working group'));
    assert.ok(!html.includes('/membership/join'), 'no form for visitors: the page stays cacheable');
    const own = await pageText(visitor, `/en/plans/${SLUG}/commitments/1-4`);
    assert.ok(own.includes(`/en/plans/${SLUG}/working-groups/${group.slug}/membership/join`));
    // The plan page links the list.
    assert.ok((await pageText(anonymous, `/en/plans/${SLUG}`)).includes(`/en/plans/${SLUG}/working-groups`));
  });

  test('joins with one click (no JavaScript), is counted but not listed until consenting, then listed, then leaves', async () => {
    const page = groupPage(group, '/en');
    await visitor.get(page);
    const joined = await visitor.postForm(`${page}/membership/join`, {});
    assert.equal(joined.status, 303);
    assert.equal(joined.headers.get('location'), page);

    const unlisted = await detail(group.id);
    assert.equal(unlisted.memberCount, 1);
    assert.equal(unlisted.unlistedCount, 1);
    assert.deepEqual(unlisted.roster, []);
    const publicPage = await pageText(anonymous, page);
    assert.ok(!publicPage.includes(NAME), 'not on the public page before consenting');
    assert.ok(publicPage.includes('Members: 1. None has agreed to be listed yet.'));
    // The member sees their own state.
    const ownPage = await pageText(visitor, page);
    assert.ok(ownPage.includes('You are a member of this working group.') && ownPage.includes('You are not listed on the public roster.'));
    const mine = await json<MembershipJson>(await visitor.request(`/api/v1/working-groups/${group.id}/membership`));
    assert.deepEqual(mine, { workingGroupId: group.id, member: true, listed: false, listingHidden: false, joinedAt: mine.joinedAt });
    assert.ok(mine.joinedAt);
    // An e-mail is never shown, listed or not.
    assert.ok(!publicPage.includes('@example.org'));

    const consent = await visitor.postForm(`${page}/membership/listing`, { listed: 'true' });
    assert.equal(consent.status, 303);
    const listed = await detail(group.id);
    assert.deepEqual(
      listed.roster.map((p) => p.displayName),
      [NAME],
    );
    assert.equal(listed.unlistedCount, 0);
    assert.ok((await pageText(anonymous, page)).includes(NAME), 'on the public page after consenting');
    assert.ok(!JSON.stringify(listed).includes('@example.org'));

    const left = await visitor.postForm(`${page}/membership/leave`, {});
    assert.equal(left.status, 303);
    const gone = await detail(group.id);
    assert.equal(gone.memberCount, 0);
    assert.ok(!(await pageText(anonymous, page)).includes(NAME));
  });

  test('the API does the same: join with consent, withdraw it, leave; joining twice changes nothing', async () => {
    const join = await visitor.api('POST', `/api/v1/working-groups/${group.id}/membership`, { listed: true });
    assert.equal(join.status, 201, await join.clone().text());
    assert.equal((await json<MembershipJson>(join)).listed, true);
    assert.equal((await visitor.api('POST', `/api/v1/working-groups/${group.id}/membership`, {})).status, 201);
    assert.equal((await detail(group.id)).memberCount, 1);
    const withdraw = await visitor.api('PATCH', `/api/v1/working-groups/${group.id}/membership`, { listed: false });
    assert.equal(withdraw.status, 200);
    assert.deepEqual((await detail(group.id)).roster, []);
    assert.equal((await visitor.api('DELETE', `/api/v1/working-groups/${group.id}/membership`)).status, 204);
    assert.equal((await visitor.api('DELETE', `/api/v1/working-groups/${group.id}/membership`)).status, 404);
    assert.equal((await detail(group.id)).memberCount, 0);
    // A visitor cannot join, consent or leave.
    assert.equal((await anonymous.api('POST', `/api/v1/working-groups/${group.id}/membership`, {})).status, 401);
    assert.equal((await anonymous.api('PATCH', `/api/v1/working-groups/${group.id}/membership`, { listed: true })).status, 401);
    assert.equal((await anonymous.api('DELETE', `/api/v1/working-groups/${group.id}/membership`)).status, 401);
    assert.equal((await anonymous.postForm(`${groupPage(group, '/en')}/membership/join`, {})).status, 401);
    // Bad input: a listing that is not yes or no.
    const bad = await visitor.api('POST', `/api/v1/working-groups/${group.id}/membership?lang=en`, { listed: 'maybe' });
    assert.equal(bad.status, 400);
    assert.ok((await json<ErrorBody>(bad)).fields?.listed);
    assert.equal((await detail(group.id)).memberCount, 0);
  });

  test('a deleted account’s listed membership stays, as a former participant’s, and its name is gone', async () => {
    await addUser(ctx, 'leaving@example.org', 'public');
    const leaving = await signedIn(ctx.app, 'leaving@example.org');
    assert.equal((await leaving.api('POST', `/api/v1/working-groups/${group.id}/membership`, { listed: true })).status, 201);
    assert.deepEqual(
      (await detail(group.id)).roster.map((p) => p.displayName),
      ['leaving'],
    );
    const leavingCount = (await detail(group.id)).memberCount;
    assert.equal((await leaving.api('DELETE', '/api/v1/profile', { password: PASSWORD })).status, 204);
    const after = await detail(group.id);
    assert.deepEqual(
      after.roster.map((p) => p.displayName),
      [null],
    );
    assert.equal(after.memberCount, leavingCount);
    const page = await pageText(anonymous, groupPage(group, '/en'));
    assert.ok(!page.includes('leaving') && page.includes('former participant'));
    void visitorId;
  });
});

describe('a closed group', () => {
  let group: Group;
  before(async () => {
    group = await createGroup('2-1');
  });

  test('closing needs a published reason (field messages in both languages); joining is then refused with it', async () => {
    for (const [lang, message] of [
      ['en', 'Say why the group is closed: the reason is published.'],
      ['zh-TW', '請說明暫停加入的原因：原因會公開。'],
    ] as const) {
      const res = await secretariat.api('PATCH', `/api/v1/working-groups/${group.id}?lang=${lang}`, { version: group.version, open: false });
      assert.equal(res.status, 400);
      assert.equal((await json<ErrorBody>(res)).fields?.closedReason, message);
    }
    const closed = await secretariat.api('PATCH', `/api/v1/working-groups/${group.id}`, { version: group.version, open: false, closedReason: REASON });
    assert.equal(closed.status, 200);
    assert.equal((await json<Group>(closed)).open, false);

    for (const [lang, reason] of [
      ['en', REASON.en],
      ['zh-TW', REASON.zh],
    ] as const) {
      const res = await publicUser.api('POST', `/api/v1/working-groups/${group.id}/membership?lang=${lang}`, {});
      assert.equal(res.status, 400);
      assert.ok((await json<ErrorBody>(res)).fields?.workingGroup?.includes(reason), `${lang}: the reason`);
    }
    // The page says why, and a post of the join form is refused with the reason in the page's language.
    assert.ok((await pageText(publicUser, groupPage(group))).includes(REASON.zh));
    const form = await publicUser.postForm(`${groupPage(group, '/en')}/membership/join`, { listed: 'true' });
    assert.equal(form.status, 400);
    assert.ok((await form.text()).includes(`This working group is closed to new members: ${REASON.en}`));
    assert.equal((await detail(group.id)).memberCount, 0);
  });
});

describe('moderation of listings', () => {
  test('a moderator of the plan (or the secretariat) takes a listing down; the member cannot put it back; others may not', async () => {
    const group = await createGroup('2-2');
    assert.equal((await publicUser.api('POST', `/api/v1/working-groups/${group.id}/membership`, { listed: true })).status, 201);
    const path = `/api/v1/working-groups/${group.id}/memberships/${ids.public}/listing`;
    for (const [client, status] of [
      [anonymous, 401],
      [publicUser, 403],
      [officer, 403],
      [forumMember, 403],
      [chair, 403],
    ] as const)
      assert.equal((await client.api('PUT', path, { hidden: true })).status, status);
    assert.equal((await detail(group.id)).roster.length, 1);

    // Through the page's button, as a moderator would without JavaScript.
    const page = groupPage(group, '/en');
    const moderatorView = await pageText(moderator, page);
    assert.ok(moderatorView.includes(`/memberships/${ids.public}/listing`));
    assert.equal((await moderator.postForm(`${page}/memberships/${ids.public}/listing`, { hidden: 'true' })).status, 303);
    const hidden = await detail(group.id);
    assert.deepEqual(hidden.roster, []);
    assert.equal(hidden.unlistedCount, 1);

    const relist = await publicUser.api('PATCH', `/api/v1/working-groups/${group.id}/membership?lang=en`, { listed: true });
    assert.equal(relist.status, 400);
    assert.equal((await json<ErrorBody>(relist)).fields?.listed, 'A moderator took your listing down; it cannot be put back by you.');
    assert.ok((await pageText(publicUser, page)).includes('A moderator took your listing off the public roster.'));

    assert.equal((await secretariat.api('PUT', path, { hidden: false })).status, 200);
    assert.equal((await detail(group.id)).roster.length, 1);
    // Nobody to moderate: 404.
    assert.equal((await moderator.api('PUT', `/api/v1/working-groups/${group.id}/memberships/${ids.officer}/listing`, { hidden: true })).status, 404);
  });
});

describe('the survey of forum members’ willingness', () => {
  test('forum members answer; only the secretariat reads the answers and adds the willing, unlisted', async () => {
    const a = await createGroup('3-1');
    const b = await createGroup('3-2');
    const answers = {
      answers: [
        { workingGroupId: a.id, answer: 'co-chair' },
        { workingGroupId: b.id, answer: 'not-now' },
      ],
    };
    for (const [client, status] of [
      [anonymous, 401],
      [publicUser, 403],
      [secretariat, 403],
      [moderator, 403],
    ] as const)
      assert.equal((await client.api('PUT', `/api/v1/plans/${ctx.planId}/working-group-survey/mine`, answers)).status, status);
    const saved = await forumMember.api('PUT', `/api/v1/plans/${ctx.planId}/working-group-survey/mine`, answers);
    assert.equal(saved.status, 200, await saved.clone().text());
    assert.equal((await json<{ items: unknown[] }>(saved)).items.length, 2);

    // Bad answers: the field, in both languages; nothing changes.
    const bad = {
      answers: [
        { workingGroupId: a.id, answer: 'join' },
        { workingGroupId: a.id, answer: 'join' },
      ],
    };
    const en = await json<ErrorBody>(await forumMember.api('PUT', `/api/v1/plans/${ctx.planId}/working-group-survey/mine?lang=en`, bad));
    const zh = await json<ErrorBody>(await forumMember.api('PUT', `/api/v1/plans/${ctx.planId}/working-group-survey/mine?lang=zh-TW`, bad));
    assert.equal(en.fields?.['answers.1.workingGroupId'], 'One answer per working group.');
    assert.equal(zh.fields?.['answers.1.workingGroupId'], '每個工作分組只能回覆一次。');
    const mine = await json<{ items: { answer: string }[] }>(await forumMember.request(`/api/v1/plans/${ctx.planId}/working-group-survey/mine`));
    assert.deepEqual(mine.items.map((x) => x.answer).sort(), ['co-chair', 'not-now']);

    // The answers are not public.
    for (const [client, status] of [
      [anonymous, 401],
      [publicUser, 403],
      [forumMember, 403],
      [moderator, 403],
    ] as const) {
      assert.equal((await client.request(`/api/v1/plans/${ctx.planId}/working-group-survey`)).status, status);
      assert.equal((await client.request(`/plans/${SLUG}/working-group-survey/answers`)).status, status);
    }
    const all = await json<{ items: { person: Person; answer: string }[] }>(await secretariat.request(`/api/v1/plans/${ctx.planId}/working-group-survey`));
    assert.deepEqual(all.items.map((x) => [x.person.displayName, x.answer]).sort(), [
      ['forum', 'co-chair'],
      ['forum', 'not-now'],
    ]);
    assert.ok((await pageText(secretariat, `/en/plans/${SLUG}/working-group-survey/answers`)).includes('Willing to co-chair'));

    // The forum member's form shows their answers; saving it through the page works without JavaScript.
    await forumMember.get(`/en/plans/${SLUG}/working-group-survey`);
    const posted = await forumMember.postForm(`/en/plans/${SLUG}/working-group-survey`, { [`answer.${a.id}`]: 'co-chair', [`answer.${b.id}`]: 'join' });
    assert.equal(posted.status, 303);

    for (const client of [anonymous, publicUser, forumMember])
      assert.ok([401, 403].includes((await client.api('POST', `/api/v1/plans/${ctx.planId}/working-group-survey/enrol`, {})).status));
    const enrol = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/working-group-survey/enrol`, {});
    assert.equal(enrol.status, 200);
    assert.equal((await json<{ added: number }>(enrol)).added, 2);
    for (const g of [a, b]) {
      const d = await detail(g.id);
      assert.equal(d.memberCount, 1);
      assert.deepEqual(d.roster, [], 'unlisted until they consent');
    }
    assert.equal((await json<{ added: number }>(await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/working-group-survey/enrol`, {}))).added, 0);

    // A deleted account's answers go with it.
    await ctx.database.db.transaction().execute((trx) => erasePersonalDataEverywhere(trx, ids.forumMember));
    assert.deepEqual((await json<{ items: unknown[] }>(await secretariat.request(`/api/v1/plans/${ctx.planId}/working-group-survey`))).items, []);
  });
});

describe('pages in both languages', () => {
  test('the list shows name, commitments, chair, co-chair, members and open or closed', async () => {
    const zh = await pageText(anonymous, `/plans/${SLUG}/working-groups`);
    const en = await pageText(anonymous, `/en/plans/${SLUG}/working-groups`);
    assert.ok(zh.includes('工作分組') && zh.includes('林雅婷') && zh.includes('開放加入'));
    assert.ok(en.includes('Working groups') && en.includes('Lin Ya-ting') && en.includes('Closed to new members'));
    assert.ok(en.includes(`/en/plans/${SLUG}/commitments/1-4`));
    // The group's page: purpose, rules, chair (the lead agency's deputy head when no name is given).
    const group = (await listWorkingGroups(ctx.database.db, ctx.planId)).find((g) => g.slug === 'g-1-4');
    assert.ok(group);
    const page = await pageText(anonymous, groupPage(group, '/en'));
    for (const text of ['To draft the commitment.', '1. Anyone may join.', 'Deputy head, Ministry of Justice', 'Members listed publicly'])
      assert.ok(page.includes(text), text);
    assert.ok((await pageText(anonymous, groupPage(group))).includes('法務部副首長'));
    // Forms for the secretariat and the chair only.
    assert.equal((await publicUser.request(`/en/plans/${SLUG}/working-groups/new`)).status, 403);
    assert.equal((await publicUser.request(`${groupPage(group, '/en')}/edit`)).status, 403);
    assert.equal((await secretariat.request(`${groupPage(group, '/en')}/edit`)).status, 200);
  });
});

describe('the demo working groups', () => {
  test('the data file passes its checks; a broken copy is refused with every problem, naming the file and the path', async () => {
    const stored = JSON.parse(await readFile(DEMO_WORKGROUPS_FILE.url, 'utf8')) as Record<string, unknown>;
    const broken = { ...stored, name: { zh: '{number} {room}', en: 'x' }, closed: { commitment: '9-9', reason: { zh: '原因', en: 'Why' } }, coChairs: [] };
    const problems = new Problems();
    assert.equal(checkDemoWorkgroups(DEMO_WORKGROUPS_FILE, broken, await loadDemoPlan(), problems), undefined);
    for (const path of ['name', 'coChairs'])
      assert.ok(
        problems.lines.some((line) => line.startsWith(`workgroups/demo/workgroups.json: ${path}: `)),
        `${path} in\n${problems.lines.join('\n')}`,
      );
    const unknown = new Problems();
    checkDemoWorkgroups(DEMO_WORKGROUPS_FILE, { ...stored, closed: { commitment: '9-9', reason: { zh: '原因', en: 'Why' } } }, await loadDemoPlan(), unknown);
    assert.deepEqual(unknown.lines, ['workgroups/demo/workgroups.json: closed.commitment: unknown commitment 9-9']);
  });

  test('one per commitment, 3–15 members, some listed, one closed with its reason; seeding twice adds nothing', async (t) => {
    const own = await setupForTest(t);
    const file = await loadDemoWorkgroups();
    const started = Date.now();
    await seedDemoWorkgroups(own.database.db, { planId: own.planId, agencyIds: own.agencies });
    t.diagnostic(`seeded in ${Date.now() - started} ms`);
    const groups = await listWorkingGroups(own.database.db, own.planId);
    assert.equal(groups.length, 19);
    for (const g of groups) {
      assert.equal(g.kind, 'commitment');
      assert.equal(g.commitmentIds.length, 1);
      assert.ok(g.memberCount >= file.members.least && g.memberCount <= file.members.most, `${g.slug}: ${g.memberCount}`);
    }
    const closed = groups.filter((g) => !g.open);
    assert.deepEqual(
      closed.map((g) => g.slug),
      [file.slug.replace('{number}', file.closed.commitment)],
    );
    const client = new Client(own.app);
    const closedPage = await pageText(client, `/en/plans/${SLUG}/working-groups/${closed[0]?.slug ?? ''}`);
    assert.ok(closedPage.includes(file.closed.reason.en ?? ''));
    const listedSomewhere = demoMembers(0, file.participants.length, file.members).filter((m) => m.listed).length;
    const first = groups[0];
    assert.ok(first);
    const d = await json<Detail>(await client.request(`/api/v1/working-groups/${first.id}`));
    assert.equal(d.roster.length, listedSomewhere);
    assert.ok(d.roster.length > 0 && d.unlistedCount > 0);
    assert.ok(d.coChair.name.zh.includes('（示範）'));
    await seedDemoWorkgroups(own.database.db, { planId: own.planId, agencyIds: own.agencies });
    assert.equal((await listWorkingGroups(own.database.db, own.planId)).length, 19);
  });
});
