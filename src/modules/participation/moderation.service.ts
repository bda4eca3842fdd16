/**
 * Moderation of public input: anyone signed in reports an input; a moderator (of its plan or of the whole site) or
 * the admin hides it with a public reason, restores it, or dismisses its reports; the author appeals a hiding once
 * and a moderator decides; accounts are suspended from posting for a period. Every act goes into the moderation log
 * (moderators and the admin only); a hiding and a restoring also into the input's history. The secretariat does not
 * moderate: the government does not take down what people say about it.
 *
 * Posting limits (inputs and reports) are counted per account, from the account's own inputs and reports, and per
 * client address.
 */
import type { Db, DbOrTx } from '../../db/connection.js';
import { can, type Actor } from '../../domain/authorization.js';
import { secondsToWait, type BackoffRule } from '../../domain/sign-in-limits.js';
import { accountIdOf } from '../../domain/system-actor.js';
import { ForbiddenError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from '../../errors.js';
import { accountOf, authorize, found, foundAtVersion, signedIn } from '../../web/service-helpers.js';
import { admitKeyed, userExists } from '../accounts/index.js';
import { recordHistory } from '../history/index.js';
import { notify } from '../notifications/index.js';
import { planQueries as planQ } from '../plans/index.js';
import { clientLimitKey, LOG_PAGE_SIZE, MODERATION_LIMITS, type ModerationLimit } from './moderation.limits.js';
import * as mq from './moderation.queries.js';
import type { AppealDecisionInput, AppealInput, DismissInput, HideInput, ReportInput, RestoreInput, SuspensionInput } from './moderation.schemas.js';
import { isReadable, type Input } from './participation.model.js';
import { inputPath } from './participation.paths.js';
import * as q from './participation.queries.js';
import { canSeeInput, inputRecord, inputSubject } from './participation.service.js';

export interface ModerationDeps {
  db: Db;
  now: () => Date;
  /** The client's address, counted against the report limits (absent: the seed and the CLI, which are not limited). */
  client?: string;
}

/** What a moderator's grant is matched against: the input's plan. */
const moderationResource = (input: Pick<Input, 'planId'>) => ({ planId: input.planId });

/** An instant as people in Taiwan read it (UTC+8), to the minute. */
export const formatInstant = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
const wordsOf = (input: Input) => excerpt(input.kind === 'proposal' ? input.proposal.title : input.body);

// ---------------------------------------------------------------- suspensions (read by postInput too)

/** The suspension in force for the account at `now`: until when, and why. */
export async function activeSuspension(db: DbOrTx, userId: number, now: Date): Promise<{ endsAt: Date; reason: string } | undefined> {
  const s = await mq.findActiveSuspension(db, userId, now);
  return s ? { endsAt: s.endsAt, reason: s.reason } : undefined;
}

async function refuseSuspended(db: DbOrTx, userId: number, now: Date): Promise<void> {
  const s = await activeSuspension(db, userId, now);
  if (s) throw new ForbiddenError('participation.moderation.error.suspended', { date: formatInstant(s.endsAt) });
}

// ---------------------------------------------------------------- posting limits

/** The wait the account's own recent posts impose (counted from its rows, so nothing else needs keeping). */
function accountWait(rule: BackoffRule, recent: mq.RecentCount, now: Date): number {
  return recent.last === null ? 0 : secondsToWait(rule, { failures: recent.count, lastFailureAt: recent.last }, now);
}

/** The wait the client address's share imposes, counted in the sign-in limits' counters (every process shares them). */
async function admitClient(deps: { db: DbOrTx; now: () => Date }, limit: ModerationLimit, client: string): Promise<void> {
  await admitKeyed(deps, MODERATION_LIMITS[limit], clientLimitKey(limit, client));
}

/**
 * An input about to be posted, as the first statements of the transaction that writes it (`deps.db`): refused (403)
 * while the account is suspended, and with the wait (429) past the account's or the address's share. Nothing is
 * counted for an input that is then refused.
 */
export async function admitInput(deps: { db: DbOrTx; now: () => Date }, actorId: number, client: string | undefined): Promise<void> {
  const now = deps.now();
  const rule = MODERATION_LIMITS.inputAccount;
  const standing = await mq.postingStanding(deps.db, actorId, new Date(now.getTime() - rule.forgetAfterSeconds * 1000), now);
  if (standing.suspendedUntil) throw new ForbiddenError('participation.error.suspended', { date: formatInstant(standing.suspendedUntil) });
  // The seed and the CLI name no client: they are not limited.
  if (client === undefined) return;
  const byAccount = accountWait(rule, standing, now);
  if (byAccount > 0) throw new RateLimitedError(byAccount);
  await admitClient(deps, 'inputClient', client);
}

/** A report about to be made: refused with the wait (429) past the account's or the address's share. */
export async function admitReport(deps: { db: Db; now: () => Date }, actorId: number, client: string): Promise<void> {
  const now = deps.now();
  const rule = MODERATION_LIMITS.reportAccount;
  const byAccount = accountWait(rule, await mq.recentReportsBy(deps.db, actorId, new Date(now.getTime() - rule.forgetAfterSeconds * 1000)), now);
  if (byAccount > 0) throw new RateLimitedError(byAccount);
  await admitClient(deps, 'reportClient', client);
}

// ---------------------------------------------------------------- reports

/**
 * Anyone signed in reports an input they can read, once: reporting it again answers the first report unchanged
 * (`created: false`). A suspended account may not report.
 */
export async function reportInput(
  deps: ModerationDeps,
  actor: Actor | null,
  inputId: number,
  input: ReportInput,
): Promise<{ report: mq.InputReport; created: boolean }> {
  const who = signedIn(actor);
  const reporterId = accountOf(who);
  const now = deps.now();
  const target = await q.findInputById(deps.db, inputId);
  if (!target || !canSeeInput(who, target)) throw new NotFoundError();
  authorize(who, 'input.report', { planId: target.planId });
  await refuseSuspended(deps.db, reporterId, now);
  if (!isReadable(target)) throw new ValidationError([{ field: 'reason', key: 'participation.moderation.error.notReportable' }]);
  const existing = await mq.findReport(deps.db, inputId, reporterId);
  if (existing) return { report: existing, created: false };
  if (deps.client !== undefined) await admitReport(deps, reporterId, deps.client);
  return deps.db.transaction().execute(async (trx) => {
    const report = await mq.insertReport(trx, { inputId, reporterId, reason: input.reason, note: input.note ?? '', at: now });
    if (report) return { report, created: true };
    return { report: found(await mq.findReport(trx, inputId, reporterId)), created: false };
  });
}

// ---------------------------------------------------------------- hiding, restoring, dismissing

/** The input locked at the version the moderator saw, after checking they moderate its plan. */
async function moderatedInput(trx: DbOrTx, actor: Actor | null, inputId: number, version: number): Promise<Input> {
  const who = signedIn(actor);
  const unlocked = found(await q.findInputById(trx, inputId));
  authorize(who, 'input.moderate', moderationResource(unlocked));
  return foundAtVersion(await q.findInputById(trx, inputId, true), version);
}

const logBy = (actor: Actor, at: Date) => ({ at, moderatorId: accountIdOf(actor), moderatorName: actor.displayName });

async function tellAuthor(
  trx: DbOrTx,
  actor: Actor,
  input: Input,
  kind: 'input.hidden' | 'input.restored' | 'appeal.decided',
  at: Date,
  title: { zh: string; en: string },
) {
  if (input.authorId === null) return;
  const plan = found(await planQ.findPlanById(trx, input.planId));
  await notify(
    trx,
    { kind, actorId: accountIdOf(actor), planId: input.planId, targets: [], recipients: [input.authorId], path: inputPath(plan, input), title },
    at,
  );
}

/** Where a restored input goes back to: published, or internal when it was given in an internal round. */
async function standingState(trx: DbOrTx, input: Input): Promise<'published' | 'internal'> {
  if (input.consultationId === null) return 'published';
  const consultation = await q.findConsultationById(trx, input.consultationId);
  return consultation?.audience === 'internal' ? 'internal' : 'published';
}

/**
 * Hides an input with a public reason: its place then says so and when; its replies stay. Open reports are
 * resolved, the author is told, and the act goes into the log and the input's history.
 */
export async function hideInput(deps: ModerationDeps, actor: Actor | null, inputId: number, input: HideInput): Promise<Input> {
  return deps.db.transaction().execute(async (trx) => {
    const current = await moderatedInput(trx, actor, inputId, input.version);
    const who = signedIn(actor);
    if (!isReadable(current)) throw new ValidationError([{ field: 'reason', key: 'participation.moderation.error.notHideable' }]);
    const now = deps.now();
    const hidden = await mq.markHidden(trx, inputId, now, input.reason);
    await mq.resolveReports(trx, inputId, now);
    await mq.insertLogEntry(trx, { ...logBy(who, now), act: 'hide', inputId, userId: current.authorId, reason: input.reason });
    await recordHistory(trx, { ...inputSubject(current), action: 'update', actor, before: inputRecord(current), after: inputRecord(hidden) });
    const words = wordsOf(current);
    await tellAuthor(trx, who, hidden, 'input.hidden', now, {
      zh: `你的意見已被版主隱藏：${words}（理由：${input.reason}）`,
      en: `The moderators hid your input: ${words} (reason: ${input.reason})`,
    });
    return hidden;
  });
}

/** Puts a hidden input back where it stood; the log keeps the hiding and the restoring. */
export async function restoreInput(deps: ModerationDeps, actor: Actor | null, inputId: number, input: RestoreInput): Promise<Input> {
  return deps.db.transaction().execute(async (trx) => {
    const current = await moderatedInput(trx, actor, inputId, input.version);
    const who = signedIn(actor);
    if (current.state !== 'hidden') throw new ValidationError([{ field: 'reason', key: 'participation.moderation.error.notHidden' }]);
    const now = deps.now();
    const restored = await mq.markRestored(trx, inputId, await standingState(trx, current));
    await mq.insertLogEntry(trx, { ...logBy(who, now), act: 'restore', inputId, userId: current.authorId, reason: input.reason ?? '' });
    await recordHistory(trx, { ...inputSubject(current), action: 'update', actor, before: inputRecord(current), after: inputRecord(restored) });
    const words = wordsOf(current);
    await tellAuthor(trx, who, restored, 'input.restored', now, { zh: `你的意見已恢復顯示：${words}`, en: `Your input is shown again: ${words}` });
    return restored;
  });
}

/** The input's open reports set aside without acting on it; answers how many. Nothing open: nothing logged. */
export async function dismissReports(deps: ModerationDeps, actor: Actor | null, inputId: number, input: DismissInput = {}): Promise<number> {
  const who = signedIn(actor);
  return deps.db.transaction().execute(async (trx) => {
    const current = found(await q.findInputById(trx, inputId));
    authorize(who, 'input.moderate', moderationResource(current));
    const now = deps.now();
    const count = await mq.resolveReports(trx, inputId, now);
    if (count > 0) await mq.insertLogEntry(trx, { ...logBy(who, now), act: 'dismiss-reports', inputId, userId: current.authorId, reason: input.reason ?? '' });
    return count;
  });
}

// ---------------------------------------------------------------- appeals

/** The author of a hidden input appeals, once; a second appeal is refused (409 naming `appeal`). */
export async function fileAppeal(deps: ModerationDeps, actor: Actor | null, inputId: number, input: AppealInput): Promise<Input> {
  const who = signedIn(actor);
  return deps.db.transaction().execute(async (trx) => {
    const current = found(await q.findInputById(trx, inputId, true));
    authorize(who, 'input.appeal', { authorId: current.authorId ?? undefined, planId: current.planId });
    if (current.moderation.appealedAt !== null) throw new ValidationError([{ field: 'appeal', key: 'participation.moderation.error.appealedOnce' }], {}, 409);
    if (current.state !== 'hidden') throw new ValidationError([{ field: 'appeal', key: 'participation.moderation.error.notHidden' }]);
    return mq.setAppeal(trx, inputId, input.appeal, deps.now());
  });
}

/** A moderator decides an appeal: upheld (it stays hidden) or reinstated (restored). The author is told. */
export async function decideAppeal(deps: ModerationDeps, actor: Actor | null, inputId: number, input: AppealDecisionInput): Promise<Input> {
  return deps.db.transaction().execute(async (trx) => {
    const current = await moderatedInput(trx, actor, inputId, input.version);
    const who = signedIn(actor);
    if (current.moderation.appealDecision !== null)
      throw new ValidationError([{ field: 'decision', key: 'participation.moderation.error.appealDecided' }], {}, 409);
    if (current.moderation.appealedAt === null || current.state !== 'hidden')
      throw new ValidationError([{ field: 'decision', key: 'participation.moderation.error.noAppeal' }]);
    const now = deps.now();
    let decided: Input;
    if (input.decision === 'reinstated') {
      await mq.markRestored(trx, inputId, await standingState(trx, current));
      decided = await mq.setAppealDecision(trx, inputId, 'reinstated');
      await recordHistory(trx, { ...inputSubject(current), action: 'update', actor, before: inputRecord(current), after: inputRecord(decided) });
    } else {
      decided = await mq.setAppealDecision(trx, inputId, 'upheld');
    }
    const reason = input.reason ?? '';
    await mq.insertLogEntry(trx, { ...logBy(who, now), act: `appeal-${input.decision}`, inputId, userId: current.authorId, reason });
    const words = wordsOf(current);
    const because = reason === '' ? { zh: '', en: '' } : { zh: `（${reason}）`, en: ` (${reason})` };
    await tellAuthor(
      trx,
      who,
      decided,
      'appeal.decided',
      now,
      input.decision === 'reinstated'
        ? { zh: `申訴成立，你的意見已恢復顯示：${words}${because.zh}`, en: `Your appeal was granted; your input is shown again: ${words}${because.en}` }
        : { zh: `申訴未成立，你的意見維持隱藏：${words}${because.zh}`, en: `Your appeal was not granted; your input stays hidden: ${words}${because.en}` },
    );
    return decided;
  });
}

// ---------------------------------------------------------------- suspensions

/**
 * Suspends an account from posting inputs and reports for `days` from now (the admin or a site-wide moderator: a
 * suspension reaches every plan). One's own account cannot be suspended.
 */
export async function suspendAccount(deps: ModerationDeps, actor: Actor | null, userId: number, input: SuspensionInput): Promise<mq.Suspension> {
  authorize(actor, 'account.suspend');
  const who = signedIn(actor);
  return deps.db.transaction().execute(async (trx) => {
    if (!(await userExists(trx, userId))) throw new ValidationError([{ field: 'userId', key: 'participation.moderation.error.unknownAccount' }]);
    if (accountIdOf(who) === userId) throw new ValidationError([{ field: 'userId', key: 'participation.moderation.error.selfSuspension' }]);
    const now = deps.now();
    const suspension = await mq.insertSuspension(trx, {
      userId,
      startsAt: now,
      endsAt: new Date(now.getTime() + input.days * 86_400_000),
      reason: input.reason,
      moderatorId: accountIdOf(who),
    });
    await mq.insertLogEntry(trx, { ...logBy(who, now), act: 'suspend', userId, reason: input.reason });
    return suspension;
  });
}

/** Ends a suspension now; one already lifted or over is answered as it stands, and nothing is logged. */
export async function liftSuspension(deps: ModerationDeps, actor: Actor | null, suspensionId: number): Promise<mq.Suspension> {
  authorize(actor, 'account.suspend');
  const who = signedIn(actor);
  return deps.db.transaction().execute(async (trx) => {
    const current = found(await mq.findSuspensionById(trx, suspensionId, true));
    const now = deps.now();
    if (current.liftedAt !== null || current.endsAt <= now) return current;
    const lifted = await mq.markLifted(trx, suspensionId, now);
    await mq.insertLogEntry(trx, { ...logBy(who, now), act: 'lift-suspension', userId: current.userId, reason: current.reason });
    return lifted;
  });
}

// ---------------------------------------------------------------- reading

/** Which plans this reader moderates: all of them (the admin, a site-wide moderator), some (a plan's moderator), or none (undefined). */
export function moderationScope(actor: Actor | null): mq.ModerationScope | undefined {
  if (!actor) return undefined;
  if (can(actor, 'input.moderate')) return 'all';
  const plans = (actor.grants ?? []).filter((g) => g.role === 'moderator' && g.scope === 'plan' && g.scopeId !== null).map((g) => g.scopeId as number);
  const moderated = plans.filter((planId) => can(actor, 'input.moderate', { planId }));
  return moderated.length > 0 ? moderated : undefined;
}

/** The reader's scope, or the refusal: 401 for a visitor, 403 for anyone who moderates nothing. */
export function requireModerationScope(actor: Actor | null): mq.ModerationScope {
  if (!actor) throw new UnauthenticatedError();
  const scope = moderationScope(actor);
  if (scope === undefined) throw new ForbiddenError();
  return scope;
}

export interface ModerationOverview {
  scope: mq.ModerationScope;
  reports: mq.ReportedInput[];
  appeals: Input[];
  log: { items: mq.ModerationLogEntry[]; total: number; page: number; pages: number };
  /** Suspensions in force: only for those who may suspend (the admin, site-wide moderators). */
  suspensions: mq.Suspension[] | undefined;
}

/** A page of the log (50 a page, newest first) within the reader's scope. */
export async function moderationLog(db: DbOrTx, actor: Actor | null, page = 1): Promise<ModerationOverview['log']> {
  const scope = requireModerationScope(actor);
  const { items, total } = await mq.listLog(db, scope, { limit: LOG_PAGE_SIZE, offset: (page - 1) * LOG_PAGE_SIZE });
  return { items, total, page, pages: Math.max(1, Math.ceil(total / LOG_PAGE_SIZE)) };
}

/** The open reports, grouped by input, within the reader's scope. */
export async function openReports(db: DbOrTx, actor: Actor | null): Promise<mq.ReportedInput[]> {
  return mq.listOpenReports(db, requireModerationScope(actor));
}

/** Everything the moderation page shows. */
export async function moderationOverview(db: DbOrTx, actor: Actor | null, now: Date, page = 1): Promise<ModerationOverview> {
  const scope = requireModerationScope(actor);
  const [reports, appeals, log] = await Promise.all([mq.listOpenReports(db, scope), mq.listWaitingAppeals(db, scope), moderationLog(db, actor, page)]);
  const suspensions = can(actor, 'account.suspend') ? await mq.listActiveSuspensions(db, now) : undefined;
  return { scope, reports, appeals, log, suspensions };
}

// ---------------------------------------------------------------- personal data

/** A deleted account's reports go; the log keeps its acts as a moderator, with the name '' (a former participant). */
export async function erasePersonalDataModeration(trx: DbOrTx, userId: number): Promise<void> {
  await mq.eraseModerationData(trx, userId);
}
