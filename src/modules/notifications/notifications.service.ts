/**
 * Use cases of notifications: follow and unfollow (a person's own, private state: no history is recorded), notify()
 * for other modules' write transactions, the list and its read marks, mail settings and one-click unsubscribe.
 */
import type { Db, DbOrTx } from '../../db/connection.js';
import { can, type Actor } from '../../domain/authorization.js';
import { ForbiddenError, UnauthenticatedError } from '../../errors.js';
import { accountStandings, findUserEmail } from '../accounts/index.js';
import { composeNotificationMail, oneLine } from './notifications.mail.js';
import {
  DEFAULT_SETTINGS,
  langOfMail,
  type Follow,
  type FollowTargetRef,
  type MailLang,
  type MailSetting,
  type Notification,
  type NotificationEvent,
  type NotificationSettings,
} from './notifications.model.js';
import { outboxWritten } from './notifications.outbox.js';
import * as q from './notifications.queries.js';
import { looksLikeToken, newUnsubscribeToken, unsubscribeTokenHash } from './notifications.tokens.js';

export interface NotificationDeps {
  db: Db;
  now: () => Date;
}

/** 50 notifications a page. */
export const PAGE_SIZE = 50;

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, 'notification.follow')) throw new ForbiddenError();
  return actor;
}

// ---- what other modules call, inside their own transaction ----

/** `userId` follows the target (idempotent): the participation module calls it for an input's author. */
export async function follow(trx: DbOrTx, userId: number, target: FollowTargetRef, now: Date = new Date()): Promise<void> {
  await q.insertFollow(trx, userId, target, now);
}

/**
 * Tells the followers of the event's targets and its named recipients, each once, never the actor: a notification
 * row each, and an outbox row for each whose mail is immediate and whose address is confirmed. Deleted accounts get
 * nothing. Call it inside the write's transaction: the rows exist iff the write commits (ADR 0028).
 */
export async function notify(trx: DbOrTx, event: NotificationEvent, now: Date): Promise<void> {
  const candidates = new Set([...(await q.followersOf(trx, event.targets)), ...(event.recipients ?? [])]);
  if (event.actorId !== null) candidates.delete(event.actorId);
  if (candidates.size === 0) return;
  const standings = await accountStandings(trx, [...candidates]);
  const recipients = [...candidates].filter((id) => {
    const standing = standings.get(id);
    return standing !== undefined && !standing.deleted;
  });
  if (recipients.length === 0) return;
  const title = { zh: oneLine(event.title.zh), en: oneLine(event.title.en) };
  const inserted = await q.insertNotifications(
    trx,
    recipients.map((userId) => ({ userId, kind: event.kind, planId: event.planId, title, path: event.path, createdAt: now })),
  );
  const settings = await q.settingsOf(trx, recipients);
  let queued = 0;
  for (const { id, userId } of inserted) {
    const own = settings.get(userId) ?? DEFAULT_SETTINGS;
    if (own.email !== 'immediate' || standings.get(userId)?.emailConfirmed !== true) continue;
    const to = await findUserEmail(trx, userId);
    if (!to) continue;
    const unsubscribeToken = await newUnsubscribeToken(trx, userId, now);
    const payload = composeNotificationMail({ to, lang: langOfMail(own.lang), title, path: event.path, unsubscribeToken });
    if ((await q.insertOutbox(trx, { dedupeKey: `notification:${id}`, kind: event.kind, recipientUserId: userId, payload, createdAt: now })) !== undefined)
      queued++;
  }
  // A wake-up for this process's dispatcher; it looks a moment later, once the caller has committed (ADR 0028).
  if (queued > 0) outboxWritten();
}

// ---- one-click unsubscribe ----

/** Whether the token is one we mailed (to an account that still exists). */
export async function unsubscribeTokenValid(db: DbOrTx, token: string): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  return (await q.findUnsubscribeToken(db, unsubscribeTokenHash(token))) !== undefined;
}

/** One-click unsubscribe: mail off for the token's account. False for a token we never mailed. */
export async function unsubscribe(deps: NotificationDeps, token: string): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  return deps.db.transaction().execute(async (trx) => {
    const userId = await q.findUnsubscribeToken(trx, unsubscribeTokenHash(token));
    if (userId === undefined) return false;
    await q.upsertSettings(trx, userId, { email: 'off' }, deps.now());
    return true;
  });
}

// ---- the signed-in person's own ----

export async function followTarget(deps: NotificationDeps, actor: Actor | null, target: FollowTargetRef): Promise<void> {
  const me = signedIn(actor);
  await deps.db.transaction().execute((trx) => q.insertFollow(trx, me.id, target, deps.now()));
}

export async function unfollowTarget(deps: NotificationDeps, actor: Actor | null, target: FollowTargetRef): Promise<void> {
  const me = signedIn(actor);
  await deps.db.transaction().execute((trx) => q.deleteFollow(trx, me.id, target));
}

export async function ownFollows(db: Db, actor: Actor | null): Promise<Follow[]> {
  return q.listFollows(db, signedIn(actor).id);
}

/** Whether the actor follows the target (false for visitors): for the follow button. */
export async function isFollowing(db: DbOrTx, actor: Actor | null, target: FollowTargetRef): Promise<boolean> {
  return actor ? q.isFollowing(db, actor.id, target) : false;
}

export async function ownNotifications(
  db: Db,
  actor: Actor | null,
  page: number,
): Promise<{ items: Notification[]; page: number; pages: number; total: number }> {
  const me = signedIn(actor);
  const total = await q.countNotifications(db, me.id);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const items = await q.listNotifications(db, me.id, { limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE });
  return { items, page: current, pages, total };
}

/** Marks one of the actor's notifications read, or all of them. */
export async function markRead(deps: NotificationDeps, actor: Actor | null, id: number | undefined): Promise<number> {
  const me = signedIn(actor);
  return deps.db.transaction().execute((trx) => q.markRead(trx, me.id, id, deps.now()));
}

/** The header's count: at most this many are counted ("99+"). */
export const UNREAD_CAP = 100;

export async function unreadCount(db: DbOrTx, userId: number): Promise<number> {
  return q.countUnread(db, userId, UNREAD_CAP);
}

export async function ownSettings(db: Db, actor: Actor | null): Promise<NotificationSettings> {
  const me = signedIn(actor);
  return (await q.settingsOf(db, [me.id])).get(me.id) ?? DEFAULT_SETTINGS;
}

export async function updateSettings(deps: NotificationDeps, actor: Actor | null, input: { email: MailSetting; lang: MailLang }): Promise<void> {
  const me = signedIn(actor);
  await deps.db.transaction().execute((trx) => q.upsertSettings(trx, me.id, input, deps.now()));
}

/** A deleted account's follows, notifications, settings, tokens and mail (sent or not: the rows hold the address). */
export async function erasePersonalData(trx: DbOrTx, userId: number): Promise<void> {
  await q.eraseUser(trx, userId);
}
