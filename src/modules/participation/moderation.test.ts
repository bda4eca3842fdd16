/**
 * Moderation against a real database: reports (once per person), hiding with a public reason (replies stay, the
 * words leave the public channels), the one appeal and its decision, who may moderate (not the secretariat, not an
 * agency officer, not another plan's moderator), suspensions (reporting and posting refused until they end), the
 * posting limits (429 with Retry-After), the log (moderators and the admin only) and a deleted account's data.
 * Through the services, and through HTTP (pages and API) once the module's manifest mounts them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext as NodeTestContext } from 'node:test';
import { addUser, Client, json, setup, signedIn, type TestContext } from '../../../test/helpers.js';
import { registerPolicy, type Actor, type Role, type RoleGrant } from '../../domain/authorization.js';
import { AppError, RateLimitedError, ValidationError } from '../../errors.js';
import { insertGrant } from '../accounts/index.js';
import { readPlanHistory } from '../history/index.js';
import { findPlanById } from '../plans/index.js';
import * as mq from './moderation.queries.js';
import * as service from './moderation.service.js';
import { moderationMessages } from './moderation.messages.js';
import type { Input } from './participation.model.js';
import { participationPolicy } from './participation.policy.js';
import * as q from './participation.queries.js';
import { postInput } from './participation.service.js';

let ctx: TestContext;
let otherPlanId: number;
const ids = { admin: 0, secretariat: 0, officer: 0, author: 0, reporter: 0, reporter2: 0, moderator: 0, otherModerator: 0, siteModerator: 0 };
const actors = {} as Record<keyof typeof ids, Actor>;
let deps: service.ModerationDeps;
let slug = '';

const actor = (id: number, role: Role, grants: RoleGrant[] = [], agencyIds: number[] = []): Actor => ({
  id,
  displayName: `user${id}`,
  role,
  agencyIds,
  grants,
});

/** Refused with this status (and, for a field problem, naming this field). */
const refused = (status: number, field?: string) => (error: unknown) => {
  assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
  assert.equal(error.status, status);
  if (field !== undefined) {
    assert.ok(error instanceof ValidationError);
    assert.ok(error.problems.some((p) => p.field === field) || field in error.messages, `expected a problem naming ${field}`);
  }
  return true;
};

async function addInput(authorId: number | null, body: string, extra: { parentId?: number; planId?: number } = {}): Promise<Input> {
  const planId = extra.planId ?? ctx.planId;
  const at = ctx.clock.now;
  return q.insertInput(ctx.database.db, {
    plan_id: planId,
    kind: extra.parentId ? 'reply' : 'comment',
    target_type: 'plan',
    target_id: planId,
    parent_id: extra.parentId ?? null,
    author_id: authorId,
    body,
    submitted_at: at,
    created_at: at,
    updated_at: at,
  });
}

before(async () => {
  ctx = await setup();
  // The module's rules, as its manifest registers them (harmless again once it does).
  registerPolicy(participationPolicy);
  const db = ctx.database.db;
  deps = { db, now: () => ctx.clock.now };
  ids.admin = await addUser(ctx, 'admin@example.org', 'admin');
  ids.secretariat = await addUser(ctx, 'sec@example.org', 'secretariat');
  ids.officer = await addUser(ctx, 'moi@example.org', 'agency-officer', ['MOI']);
  ids.author = await addUser(ctx, 'author@example.org', 'public');
  ids.reporter = await addUser(ctx, 'reporter@example.org', 'public');
  ids.reporter2 = await addUser(ctx, 'reporter2@example.org', 'public');
  ids.moderator = await addUser(ctx, 'mod@example.org', 'public');
  ids.otherModerator = await addUser(ctx, 'othermod@example.org', 'public');
  ids.siteModerator = await addUser(ctx, 'sitemod@example.org', 'public');
  otherPlanId = ctx.planId + 1000;
  const planGrant: RoleGrant = { role: 'moderator', scope: 'plan', scopeId: ctx.planId };
  const otherGrant: RoleGrant = { role: 'moderator', scope: 'plan', scopeId: otherPlanId };
  const siteGrant: RoleGrant = { role: 'moderator', scope: 'site', scopeId: null };
  await insertGrant(db, ids.moderator, planGrant, 'test');
  await insertGrant(db, ids.otherModerator, otherGrant, 'test');
  await insertGrant(db, ids.siteModerator, siteGrant, 'test');
  actors.admin = actor(ids.admin, 'admin');
  actors.secretariat = actor(ids.secretariat, 'secretariat');
  actors.officer = actor(ids.officer, 'agency-officer', [], [ctx.agencies.get('MOI')!]);
  actors.author = actor(ids.author, 'public');
  actors.reporter = actor(ids.reporter, 'public');
  actors.reporter2 = actor(ids.reporter2, 'public');
  actors.moderator = actor(ids.moderator, 'public', [planGrant]);
  actors.otherModerator = actor(ids.otherModerator, 'public', [otherGrant]);
  actors.siteModerator = actor(ids.siteModerator, 'public', [siteGrant]);
  slug = (await findPlanById(db, ctx.planId))!.slug;
});
after(() => ctx.close());

/** Whether the app mounts moderation's pages and API (the participation module's manifest); else HTTP tests wait. */
async function mounted(t: NodeTestContext): Promise<boolean> {
  const admin = await signedIn(ctx.app, 'admin@example.org');
  const response = await admin.get('/moderation');
  if (response.status === 404) {
    t.skip('the participation module does not mount moderation yet');
    return false;
  }
  return true;
}

describe('reports', () => {
  test('a participant reports an input once; a second report answers the first', async () => {
    const input = await addInput(ids.author, 'Buy cheap watches at example.com');
    const first = await service.reportInput(deps, actors.reporter, input.id, { reason: 'spam', note: 'an advert' });
    assert.equal(first.created, true);
    assert.equal(first.report.reason, 'spam');
    const again = await service.reportInput(deps, actors.reporter, input.id, { reason: 'abuse' });
    assert.equal(again.created, false);
    assert.equal(again.report.id, first.report.id);
    assert.equal(again.report.reason, 'spam');
    const open = await mq.listOpenReports(ctx.database.db, [ctx.planId]);
    assert.equal(open.find((r) => r.input.id === input.id)?.reports.length, 1);
  });

  test('visitors may not report; an unknown input is 404', async () => {
    const input = await addInput(ids.author, 'A fair comment');
    await assert.rejects(service.reportInput(deps, null, input.id, { reason: 'spam' }), refused(401));
    await assert.rejects(service.reportInput(deps, actors.reporter, 99_999_999, { reason: 'spam' }), refused(404));
  });
});

describe('hiding, replies and who may moderate', () => {
  test('the secretariat, an agency officer and another plan’s moderator may not hide; the plan’s moderator does', async () => {
    const input = await addInput(ids.author, 'You are all idiots — SECRET-WORDS-1');
    const reply = await addInput(ids.reporter, 'Please keep it civil', { parentId: input.id });
    await service.reportInput(deps, actors.reporter, input.id, { reason: 'abuse' });
    for (const who of [actors.secretariat, actors.officer, actors.otherModerator, actors.author])
      await assert.rejects(service.hideInput(deps, who, input.id, { reason: 'Abusive', version: input.version }), refused(403));
    await assert.rejects(service.hideInput(deps, null, input.id, { reason: 'Abusive', version: input.version }), refused(401));
    // A stale version is a conflict.
    await assert.rejects(service.hideInput(deps, actors.moderator, input.id, { reason: 'Abusive', version: input.version + 5 }), refused(409));

    const hidden = await service.hideInput(deps, actors.moderator, input.id, { reason: 'Insults other participants', version: input.version });
    assert.equal(hidden.state, 'hidden');
    assert.equal(hidden.moderation.hiddenReason, 'Insults other participants');
    assert.equal(hidden.moderation.hiddenAt?.getTime(), ctx.clock.now.getTime());
    // The replies stay; the reports are resolved.
    assert.equal((await q.findInputById(ctx.database.db, reply.id))?.state, 'published');
    const open = await mq.listOpenReports(ctx.database.db, 'all');
    assert.equal(
      open.find((r) => r.input.id === input.id),
      undefined,
    );
    // Logged, and in the input's history.
    const log = await service.moderationLog(ctx.database.db, actors.admin);
    assert.ok(log.items.some((e) => e.act === 'hide' && e.inputId === input.id && e.moderatorName === actors.moderator.displayName));
    const history = await readPlanHistory(ctx.database.db, actors.admin, ctx.planId, ['input']);
    assert.ok(history.some((h) => h.entityId === input.id && h.action === 'update'));
    // Hiding it again is refused naming the field; a site-wide moderator restores it.
    await assert.rejects(service.hideInput(deps, actors.moderator, input.id, { reason: 'again', version: hidden.version }), refused(400, 'reason'));
    await assert.rejects(service.reportInput(deps, actors.reporter2, input.id, { reason: 'spam' }), refused(400, 'reason'));
    const restored = await service.restoreInput(deps, actors.siteModerator, input.id, { version: hidden.version });
    assert.equal(restored.state, 'published');
    assert.equal(restored.moderation.hiddenAt, null);
    const after = await service.moderationLog(ctx.database.db, actors.admin);
    assert.ok(after.items.some((e) => e.act === 'restore' && e.inputId === input.id));
  });

  test('dismissing reports resolves them and is logged; the input stands', async () => {
    const input = await addInput(ids.author, 'I disagree with the ministry');
    await service.reportInput(deps, actors.reporter2, input.id, { reason: 'off-topic' });
    await assert.rejects(service.dismissReports(deps, actors.secretariat, input.id), refused(403));
    assert.equal(await service.dismissReports(deps, actors.moderator, input.id), 1);
    assert.equal(await service.dismissReports(deps, actors.moderator, input.id), 0);
    assert.equal((await q.findInputById(ctx.database.db, input.id))?.state, 'published');
    const log = await service.moderationLog(ctx.database.db, actors.moderator);
    assert.equal(log.items.filter((e) => e.act === 'dismiss-reports' && e.inputId === input.id).length, 1);
  });
});

describe('appeals', () => {
  test('the author appeals once; a second appeal is 409 naming the field; the moderator reinstates', async () => {
    const input = await addInput(ids.author, 'A sharp but fair criticism');
    const hidden = await service.hideInput(deps, actors.moderator, input.id, { reason: 'Looked like abuse', version: input.version });
    await assert.rejects(service.fileAppeal(deps, actors.reporter, input.id, { appeal: 'Not mine' }), refused(403));
    const appealed = await service.fileAppeal(deps, actors.author, input.id, { appeal: 'It criticises a policy, not a person.' });
    assert.ok(appealed.moderation.appealedAt);
    await assert.rejects(service.fileAppeal(deps, actors.author, input.id, { appeal: 'Again' }), refused(409, 'appeal'));
    assert.ok((await mq.listWaitingAppeals(ctx.database.db, [ctx.planId])).some((i) => i.id === input.id));
    await assert.rejects(service.decideAppeal(deps, actors.secretariat, input.id, { decision: 'reinstated', version: appealed.version }), refused(403));
    const decided = await service.decideAppeal(deps, actors.moderator, input.id, { decision: 'reinstated', reason: 'Fair point', version: appealed.version });
    assert.equal(decided.state, 'published');
    assert.equal(decided.moderation.appealDecision, 'reinstated');
    assert.ok(hidden.version < decided.version);
    await assert.rejects(service.decideAppeal(deps, actors.moderator, input.id, { decision: 'upheld', version: decided.version }), refused(409, 'decision'));
    const log = await service.moderationLog(ctx.database.db, actors.admin);
    assert.ok(log.items.some((e) => e.act === 'appeal-reinstated' && e.inputId === input.id && e.reason === 'Fair point'));
  });

  test('an upheld appeal keeps the input hidden', async () => {
    const input = await addInput(ids.author, 'Call 0912-345-678 to reach her at home');
    const hidden = await service.hideInput(deps, actors.moderator, input.id, { reason: 'Someone’s personal data', version: input.version });
    const appealed = await service.fileAppeal(deps, actors.author, input.id, { appeal: 'It is public.' });
    const decided = await service.decideAppeal(deps, actors.moderator, input.id, { decision: 'upheld', version: appealed.version });
    assert.equal(decided.state, 'hidden');
    assert.equal(decided.moderation.appealDecision, 'upheld');
    assert.equal(decided.moderation.hiddenReason, hidden.moderation.hiddenReason);
  });
});

describe('suspensions', () => {
  test('a suspension blocks reporting and posting until it ends; only site-wide moderators and the admin suspend', async () => {
    const target = await addUser(ctx, 'troll@example.org', 'public');
    const troll = actor(target, 'public');
    const input = await addInput(ids.author, 'An ordinary comment');
    await assert.rejects(service.suspendAccount(deps, actors.moderator, target, { days: 3, reason: 'Repeated abuse' }), refused(403));
    await assert.rejects(service.suspendAccount(deps, actors.secretariat, target, { days: 3, reason: 'Repeated abuse' }), refused(403));
    await assert.rejects(service.suspendAccount(deps, actors.siteModerator, 99_999_999, { days: 3, reason: 'x' }), refused(400, 'userId'));
    await assert.rejects(service.suspendAccount(deps, actors.siteModerator, ids.siteModerator, { days: 3, reason: 'x' }), refused(400, 'userId'));
    const suspension = await service.suspendAccount(deps, actors.siteModerator, target, { days: 3, reason: 'Repeated abuse' });
    assert.equal(suspension.endsAt.getTime() - suspension.startsAt.getTime(), 3 * 86_400_000);

    const active = await service.activeSuspension(ctx.database.db, target, ctx.clock.now);
    assert.equal(active?.reason, 'Repeated abuse');
    await assert.rejects(service.reportInput(deps, troll, input.id, { reason: 'spam' }), (error: unknown) => {
      assert.ok(error instanceof AppError && error.status === 403);
      assert.equal(error.key, 'participation.moderation.error.suspended');
      return true;
    });
    // Posting (the lead's postInput reads activeSuspension).
    await assert.rejects(
      postInput({ db: ctx.database.db, now: () => ctx.clock.now }, troll, ctx.planId, {
        kind: 'comment',
        targetType: 'plan',
        targetId: ctx.planId,
        body: 'Still here',
      }),
      refused(403),
    );

    const saved = ctx.clock.now;
    try {
      ctx.clock.now = new Date(saved.getTime() + 3 * 86_400_000 + 1000);
      assert.equal(await service.activeSuspension(ctx.database.db, target, ctx.clock.now), undefined);
      const report = await service.reportInput(deps, troll, input.id, { reason: 'spam' });
      assert.equal(report.created, true);
    } finally {
      ctx.clock.now = saved;
    }

    // Lifted early.
    const second = await service.suspendAccount(deps, actors.admin, target, { days: 30, reason: 'Again' });
    const lifted = await service.liftSuspension(deps, actors.siteModerator, second.id);
    assert.ok(lifted.liftedAt);
    // The first (three days) still runs now; lifted too, nothing is left.
    assert.equal((await service.activeSuspension(ctx.database.db, target, ctx.clock.now))?.reason, 'Repeated abuse');
    await service.liftSuspension(deps, actors.admin, suspension.id);
    assert.equal(await service.activeSuspension(ctx.database.db, target, ctx.clock.now), undefined);
    // Lifting again changes nothing and logs nothing.
    await service.liftSuspension(deps, actors.admin, suspension.id);
    const log = await service.moderationLog(ctx.database.db, actors.admin);
    assert.ok(log.items.some((e) => e.act === 'suspend' && e.userId === target));
    assert.equal(log.items.filter((e) => e.act === 'lift-suspension' && e.userId === target).length, 2);
  });
});

describe('posting limits', () => {
  test('per account: twenty reports an hour, then a doubling wait', async () => {
    const busy = await addUser(ctx, 'busy@example.org', 'public');
    const who = actor(busy, 'public');
    for (let i = 0; i < 20; i++) {
      const input = await addInput(ids.author, `comment ${i}`);
      await service.reportInput({ ...deps, client: '198.51.100.1' }, who, input.id, { reason: 'spam' });
    }
    const one = await addInput(ids.author, 'one more');
    await assert.rejects(service.reportInput({ ...deps, client: '198.51.100.1' }, who, one.id, { reason: 'spam' }), (error: unknown) => {
      assert.ok(error instanceof RateLimitedError);
      assert.equal(error.retryAfterSeconds, 60);
      return true;
    });
  });

  test('per address: sixty inputs from one address (a workshop), then a wait', async () => {
    for (let i = 0; i < 60; i++) await service.admitInput(deps, 5_000_000 + i, '203.0.113.7');
    await assert.rejects(
      service.admitInput(deps, 6_000_000, '203.0.113.7'),
      (error: unknown) => error instanceof RateLimitedError && error.retryAfterSeconds === 30,
    );
    // Another address is not held back.
    await service.admitInput(deps, 6_000_000, '203.0.113.8');
  });

  test('an input refused after the limits were counted counts for nothing: they are part of its transaction', async () => {
    const eager = await addUser(ctx, 'eager@example.org', 'public');
    const who = actor(eager, 'public');
    const post = (targetId: number) =>
      postInput({ ...deps, client: '203.0.113.9' }, who, ctx.planId, { kind: 'comment', targetType: 'commitment', targetId, body: 'On an unknown commitment' });
    // Sixty-one posts on a commitment that does not exist: each refused after its count, each count rolled back.
    for (let i = 0; i < 61; i++) await assert.rejects(post(999_999), (error: unknown) => error instanceof AppError && error.status < 500);
    const counted = await ctx.database.db.selectFrom('sign_in_failures').select('failures').where('key', 'like', '%203.0.113.9').executeTakeFirst();
    assert.equal(counted, undefined);
    // The address may still post.
    await service.admitInput(deps, eager, '203.0.113.9');
  });

  test('the 429 message says when to try again, in both languages', async () => {
    const { en, zhTW } = await import('../../web/i18n.js').then((m) => ({
      en: m.t('en', 'error.rateLimited', { seconds: 30 }),
      zhTW: m.t('zh-TW', 'error.rateLimited', { seconds: 30 }),
    }));
    assert.match(en, /30 seconds/);
    assert.match(zhTW, /30 秒/);
  });
});

describe('the log and personal data', () => {
  test('the log is for moderators and the admin only; a plan’s moderator reads its plan’s acts, not suspensions', async () => {
    await assert.rejects(service.moderationLog(ctx.database.db, null), refused(401));
    for (const who of [actors.secretariat, actors.officer, actors.author]) await assert.rejects(service.moderationLog(ctx.database.db, who), refused(403));
    const planLog = await service.moderationLog(ctx.database.db, actors.moderator);
    assert.ok(planLog.items.length > 0);
    assert.ok(planLog.items.every((e) => e.inputId !== null));
    const otherLog = await service.moderationLog(ctx.database.db, actors.otherModerator);
    assert.equal(otherLog.total, 0);
    const all = await service.moderationLog(ctx.database.db, actors.admin);
    assert.ok(all.items.some((e) => e.act === 'suspend'));
  });

  test('a deleted account’s reports go; the log keeps its acts with no name', async () => {
    const gone = await addUser(ctx, 'gone@example.org', 'public');
    const goneModerator = actor(gone, 'public', [{ role: 'moderator', scope: 'plan', scopeId: ctx.planId }]);
    const input = await addInput(ids.author, 'Reported by someone who leaves');
    await service.reportInput(deps, actor(gone, 'public'), input.id, { reason: 'spam' });
    const other = await addInput(ids.author, 'Hidden by someone who leaves');
    await service.hideInput(deps, goneModerator, other.id, { reason: 'Spam', version: other.version });
    await ctx.database.db.transaction().execute((trx) => service.erasePersonalDataModeration(trx, gone));
    assert.equal(await mq.findReport(ctx.database.db, input.id, gone), undefined);
    const log = await service.moderationLog(ctx.database.db, actors.admin);
    const entry = log.items.find((e) => e.act === 'hide' && e.inputId === other.id);
    assert.equal(entry?.moderatorName, '');
    assert.equal(entry?.moderatorId, null);
  });

  test('every message key has both languages', () => {
    assert.deepEqual(Object.keys(moderationMessages.zhTW).sort(), Object.keys(moderationMessages.en).sort());
    for (const [key, value] of Object.entries(moderationMessages.zhTW)) assert.ok(value.trim() !== '', key);
  });
});

describe('over HTTP', () => {
  let admin: Client;
  let moderator: Client;
  let author: Client;
  let reporter: Client;

  before(async () => {
    admin = await signedIn(ctx.app, 'admin@example.org');
    moderator = await signedIn(ctx.app, 'mod@example.org');
    author = await signedIn(ctx.app, 'author@example.org');
    reporter = await signedIn(ctx.app, 'reporter@example.org');
  });

  test('a moderator hides through the form; the input page shows the reason and the date, the replies stay, and the words leave public channels', async (t) => {
    if (!(await mounted(t))) return;
    const input = await addInput(ids.author, 'Offensive words SECRET-WORDS-2');
    const reply = await addInput(ids.reporter, 'A reply that stays REPLY-WORDS-2', { parentId: input.id });
    const page = `/plans/${slug}/inputs/${input.id}`;
    // A visitor read it before (the page cache keeps it): hiding must drop it.
    const visitor = new Client(ctx.app);
    assert.match(await (await visitor.get(page)).text(), /SECRET-WORDS-2/);
    // A participant reports it through the form on its page.
    await reporter.get(page);
    const reported = await reporter.postForm(`${page}/report`, { [`report-${input.id}.reason`]: 'abuse', [`report-${input.id}.note`]: 'insults' });
    assert.equal(reported.status, 303);
    assert.ok(await mq.findReport(ctx.database.db, input.id, ids.reporter));
    const shownToModerator = await (await moderator.get('/moderation')).text();
    assert.match(shownToModerator, /SECRET-WORDS-2/);
    await moderator.get(`${page}/hide`);
    // A post without a reason is shown again with the field's message.
    const missing = await moderator.postForm(`${page}/hide`, { [`hide-${input.id}.reason`]: '', [`hide-${input.id}.version`]: String(input.version) });
    assert.equal(missing.status, 400);
    assert.match(await missing.text(), /field-error/);
    const done = await moderator.postForm(`${page}/hide`, {
      [`hide-${input.id}.reason`]: 'Insults other participants',
      [`hide-${input.id}.version`]: String(input.version),
    });
    assert.equal(done.status, 303);
    const shown = await (await visitor.get(page)).text();
    assert.match(shown, /Insults other participants|版主已於/);
    assert.doesNotMatch(shown, /SECRET-WORDS-2/);
    assert.match(shown, /REPLY-WORDS-2/);
    assert.equal((await q.findInputById(ctx.database.db, reply.id))?.state, 'published');
    const list = await (await visitor.get(`/plans/${slug}/inputs`)).text();
    assert.doesNotMatch(list, /SECRET-WORDS-2/);
    for (const path of [`/api/v1/plans/${ctx.planId}/inputs`, `/api/v1/inputs/${input.id}`, `/plans/${slug}/inputs.atom`]) {
      const response = await visitor.request(path);
      assert.equal(response.status, 200, path);
      assert.doesNotMatch(await response.text(), /SECRET-WORDS-2/, path);
    }
    // The moderators still read the words on their page (the report was resolved: it is in the log now).
    assert.match(await (await moderator.get('/moderation')).text(), /Insults other participants/);
  });

  test('the moderation page and log API: moderators and the admin only, never cached', async (t) => {
    if (!(await mounted(t))) return;
    for (const client of [admin, moderator]) {
      const response = await client.get('/moderation');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'private, no-store');
      const log = await client.request('/api/v1/moderation/log');
      assert.equal(log.status, 200);
    }
    for (const client of [author, await signedIn(ctx.app, 'sec@example.org'), await signedIn(ctx.app, 'moi@example.org')]) {
      assert.equal((await client.get('/moderation')).status, 403);
      assert.equal((await client.request('/api/v1/moderation/log')).status, 403);
      assert.equal((await client.request('/api/v1/moderation/reports')).status, 403);
    }
    assert.equal((await new Client(ctx.app).request('/api/v1/moderation/log')).status, 401);
    // Many forms on one page keep distinct ids (labels find their fields).
    const html = await (await admin.get('/moderation')).text();
    const idsOnPage = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(idsOnPage, [...new Set(idsOnPage)]);
    assert.doesNotMatch(html, /open="false"/);
  });

  test('the suspension form shows field messages on a 400, then suspends; the lift button ends it', async (t) => {
    if (!(await mounted(t))) return;
    const target = await addUser(ctx, 'formtarget@example.org', 'public');
    const site = await signedIn(ctx.app, 'sitemod@example.org');
    assert.equal((await moderator.get('/moderation/suspensions/new')).status, 403);
    assert.equal((await site.get(`/moderation/suspensions/new?userId=${target}`)).status, 200);
    const bad = await site.postForm('/moderation/suspensions/new', { userId: String(target), days: '0', reason: '' });
    assert.equal(bad.status, 400);
    const text = await bad.text();
    assert.match(text, /err-days/);
    assert.match(text, /err-reason/);
    const good = await site.postForm('/moderation/suspensions/new', { userId: String(target), days: '7', reason: 'Flooding' });
    assert.equal(good.status, 303);
    const active = await mq.findActiveSuspension(ctx.database.db, target, ctx.clock.now);
    assert.ok(active);
    assert.match(await (await site.get('/moderation')).text(), /Flooding/);
    assert.equal((await site.postForm(`/moderation/suspensions/${active.id}/lift`, {})).status, 303);
    assert.equal(await mq.findActiveSuspension(ctx.database.db, target, ctx.clock.now), undefined);
  });

  test('reports, appeals and decisions through the API', async (t) => {
    if (!(await mounted(t))) return;
    const input = await addInput(ids.author, 'Words to be reported SECRET-WORDS-3');
    const first = await reporter.api('POST', `/api/v1/inputs/${input.id}/reports`, { reason: 'abuse' });
    assert.equal(first.status, 201);
    assert.equal((await reporter.api('POST', `/api/v1/inputs/${input.id}/reports`, { reason: 'abuse' })).status, 200);
    assert.equal((await reporter.api('POST', `/api/v1/inputs/${input.id}/reports`, { reason: 'nonsense' })).status, 400);
    const reports = await json<{ items: { input: { id: number; body: string } }[] }>(await moderator.request('/api/v1/moderation/reports'));
    assert.ok(reports.items.some((r) => r.input.id === input.id && r.input.body.includes('SECRET-WORDS-3')));
    assert.equal(
      (await (await signedIn(ctx.app, 'sec@example.org')).api('POST', `/api/v1/inputs/${input.id}/hide`, { reason: 'x', version: input.version })).status,
      403,
    );
    const hidden = await moderator.api('POST', `/api/v1/inputs/${input.id}/hide`, { reason: 'Abusive', version: input.version });
    assert.equal(hidden.status, 200);
    const appeal = await author.api('POST', `/api/v1/inputs/${input.id}/appeal`, { appeal: 'Please reconsider' });
    assert.equal(appeal.status, 200);
    const second = await author.api('POST', `/api/v1/inputs/${input.id}/appeal`, { appeal: 'Again' });
    assert.equal(second.status, 409);
    assert.ok((await json<{ fields?: Record<string, string> }>(second)).fields?.appeal);
    const { version } = await json<{ version: number }>(appeal);
    const decided = await moderator.api('POST', `/api/v1/inputs/${input.id}/appeal/decision`, { decision: 'reinstated', version });
    assert.equal(decided.status, 200);
    assert.equal((await json<{ state: string }>(decided)).state, 'published');
  });

  test('a report past the limit is 429 with Retry-After', async (t) => {
    if (!(await mounted(t))) return;
    const limited = await addUser(ctx, 'limited@example.org', 'public');
    const client = await signedIn(ctx.app, 'limited@example.org');
    for (let i = 0; i < 20; i++) {
      const input = await addInput(ids.author, `limit ${i}`);
      await mq.insertReport(ctx.database.db, { inputId: input.id, reporterId: limited, reason: 'spam', note: '', at: ctx.clock.now });
    }
    const input = await addInput(ids.author, 'the twenty-first');
    const response = await client.api('POST', `/api/v1/inputs/${input.id}/reports`, { reason: 'spam' });
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '60');
    assert.match((await json<{ error: string }>(response)).error, /60/);
  });

  test('suspension over HTTP: a site-wide moderator suspends through the API; the person’s report is 403 saying until when', async (t) => {
    if (!(await mounted(t))) return;
    const target = await addUser(ctx, 'suspended@example.org', 'public');
    const site = await signedIn(ctx.app, 'sitemod@example.org');
    const created = await site.api('POST', `/api/v1/users/${target}/suspensions`, { days: 2, reason: 'Spamming' });
    assert.equal(created.status, 201);
    const suspended = await signedIn(ctx.app, 'suspended@example.org');
    const input = await addInput(ids.author, 'anything');
    const refusedReport = await suspended.api('POST', `/api/v1/inputs/${input.id}/reports`, { reason: 'spam' });
    assert.equal(refusedReport.status, 403);
    assert.match((await json<{ error: string }>(refusedReport)).error, /\d{4}-\d{2}-\d{2}/);
    const { id } = await json<{ id: number }>(created);
    assert.equal((await moderator.api('DELETE', `/api/v1/suspensions/${id}`)).status, 403);
    assert.equal((await site.api('DELETE', `/api/v1/suspensions/${id}`)).status, 200);
  });
});
