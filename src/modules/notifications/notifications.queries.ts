/** All SQL of the notifications module: follows, notifications, mail settings, unsubscribe tokens and the outbox. */
import { sql } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import {
  DEFAULT_SETTINGS,
  type Follow,
  type FollowTarget,
  type FollowTargetRef,
  type MailLang,
  type MailSetting,
  type Notification,
  type NotificationSettings,
} from './notifications.model.js';
import type { OutboxPayload } from './notifications.table.js';

// ---- follows ----

export async function insertFollow(db: DbOrTx, userId: number, target: FollowTargetRef, now: Date): Promise<void> {
  await db
    .insertInto('follows')
    .values({ user_id: userId, target_type: target.type, target_id: target.id, created_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'target_type', 'target_id']).doNothing())
    .execute();
}

export async function deleteFollow(db: DbOrTx, userId: number, target: FollowTargetRef): Promise<void> {
  await db.deleteFrom('follows').where('user_id', '=', userId).where('target_type', '=', target.type).where('target_id', '=', target.id).execute();
}

export async function listFollows(db: DbOrTx, userId: number): Promise<Follow[]> {
  const rows = await db
    .selectFrom('follows')
    .select(['target_type', 'target_id', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('target_type')
    .orderBy('target_id')
    .execute();
  return rows.map((r) => ({ targetType: r.target_type as FollowTarget, targetId: r.target_id, createdAt: r.created_at }));
}

export async function isFollowing(db: DbOrTx, userId: number, target: FollowTargetRef): Promise<boolean> {
  const row = await db
    .selectFrom('follows')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('target_type', '=', target.type)
    .where('target_id', '=', target.id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Everyone who follows any of the targets, each once. */
export async function followersOf(db: DbOrTx, targets: readonly FollowTargetRef[]): Promise<number[]> {
  if (targets.length === 0) return [];
  const rows = await db
    .selectFrom('follows')
    .select('user_id')
    .distinct()
    .where((eb) => eb.or(targets.map((t) => eb.and([eb('target_type', '=', t.type), eb('target_id', '=', t.id)]))))
    .execute();
  return rows.map((r) => r.user_id);
}

// ---- notifications ----

const toNotification = (r: {
  id: number;
  user_id: number;
  kind: string;
  plan_id: number | null;
  title: { zh: string; en: string };
  path: string;
  created_at: Date;
  read_at: Date | null;
}): Notification => ({
  id: r.id,
  userId: r.user_id,
  kind: r.kind,
  planId: r.plan_id,
  title: r.title,
  path: r.path,
  createdAt: r.created_at,
  readAt: r.read_at,
});

export async function insertNotifications(
  db: DbOrTx,
  rows: readonly { userId: number; kind: string; planId: number; title: { zh: string; en: string }; path: string; createdAt: Date }[],
): Promise<{ id: number; userId: number }[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('notifications')
    .values(rows.map((r) => ({ user_id: r.userId, kind: r.kind, plan_id: r.planId, title: jsonb(r.title), path: r.path, created_at: r.createdAt })))
    .returning(['id', 'user_id'])
    .execute();
  return inserted.map((r) => ({ id: r.id, userId: r.user_id }));
}

/** Unread notifications of a person, counted up to `cap` (the header shows "99+" beyond): one index-only range scan. */
export async function countUnread(db: DbOrTx, userId: number, cap: number): Promise<number> {
  const row = await db
    .selectFrom((eb) => eb.selectFrom('notifications').select('id').where('user_id', '=', userId).where('read_at', 'is', null).limit(cap).as('u'))
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function countNotifications(db: DbOrTx, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function listNotifications(db: DbOrTx, userId: number, page: { limit: number; offset: number }): Promise<Notification[]> {
  const rows = await db
    .selectFrom('notifications')
    .select(['id', 'user_id', 'kind', 'plan_id', 'title', 'path', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map(toNotification);
}

/** Unread notifications created after `since` (all unread when null), oldest first, at most `limit`. */
export async function listUnreadSince(db: DbOrTx, userId: number, since: Date | null, limit: number): Promise<Notification[]> {
  let query = db
    .selectFrom('notifications')
    .select(['id', 'user_id', 'kind', 'plan_id', 'title', 'path', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (since) query = query.where('created_at', '>', since);
  const rows = await query.orderBy('created_at').orderBy('id').limit(limit).execute();
  return rows.map(toNotification);
}

/** Marks one notification (when `id` is given) or all of a person's as read; returns how many changed. */
export async function markRead(db: DbOrTx, userId: number, id: number | undefined, now: Date): Promise<number> {
  let query = db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id !== undefined) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * People without the digest of `day` (yyyy-mm-dd), with unread notifications newer than their last digest and than
 * `notBefore` (a digest tells of the last days, not of years), whose mail setting is daily (no row: the default,
 * daily), at most `limit`, the lowest ids first after `afterUserId`.
 */
export async function digestCandidates(
  db: DbOrTx,
  day: string,
  afterUserId: number,
  limit: number,
  notBefore: Date,
): Promise<{ userId: number; lastDigestAt: Date | null; lang: MailLang }[]> {
  const rows = await db
    .selectFrom('notifications as n')
    .leftJoin('notification_settings as s', 's.user_id', 'n.user_id')
    .select(['n.user_id', 's.last_digest_at', 's.lang'])
    .distinct()
    .where('n.read_at', 'is', null)
    .where('n.created_at', '>', notBefore)
    .where('n.user_id', '>', afterUserId)
    .where((eb) => eb.or([eb('s.email', 'is', null), eb('s.email', '=', 'daily')]))
    .where((eb) => eb.or([eb('s.last_digest_at', 'is', null), eb('n.created_at', '>', eb.ref('s.last_digest_at'))]))
    // Not those who had the day's digest already: what came after it waits for tomorrow's.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('outbox as o')
            .select('o.id')
            .where('o.dedupe_key', '=', sql<string>`'digest:' || n.user_id || ':' || ${day}::text`),
        ),
      ),
    )
    .orderBy('n.user_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ userId: r.user_id, lastDigestAt: r.last_digest_at, lang: (r.lang ?? DEFAULT_SETTINGS.lang) as MailLang }));
}

export async function outboxKeyExists(db: DbOrTx, dedupeKey: string): Promise<boolean> {
  return (await db.selectFrom('outbox').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst()) !== undefined;
}

// ---- settings and unsubscribe tokens ----

export async function settingsOf(db: DbOrTx, userIds: readonly number[]): Promise<Map<number, NotificationSettings>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('notification_settings')
    .select(['user_id', 'email', 'lang', 'last_digest_at'])
    .where('user_id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((r) => [r.user_id, { email: r.email as MailSetting, lang: r.lang as MailLang, lastDigestAt: r.last_digest_at }]));
}

export async function upsertSettings(
  db: DbOrTx,
  userId: number,
  values: { email?: MailSetting; lang?: MailLang; lastDigestAt?: Date },
  now: Date,
): Promise<void> {
  const changes = {
    ...(values.email !== undefined ? { email: values.email } : {}),
    ...(values.lang !== undefined ? { lang: values.lang } : {}),
    ...(values.lastDigestAt !== undefined ? { last_digest_at: values.lastDigestAt } : {}),
    updated_at: now,
  };
  await db
    .insertInto('notification_settings')
    .values({ user_id: userId, ...changes })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(changes))
    .execute();
}

export async function insertUnsubscribeToken(db: DbOrTx, tokenHash: string, userId: number, now: Date): Promise<void> {
  await db.insertInto('unsubscribe_tokens').values({ token_hash: tokenHash, user_id: userId, created_at: now }).execute();
  await db
    .insertInto('notification_settings')
    .values({ user_id: userId, unsubscribe_token_hash: tokenHash, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ unsubscribe_token_hash: tokenHash }))
    .execute();
}

export async function findUnsubscribeToken(db: DbOrTx, tokenHash: string): Promise<number | undefined> {
  const row = await db.selectFrom('unsubscribe_tokens').select('user_id').where('token_hash', '=', tokenHash).executeTakeFirst();
  return row?.user_id;
}

// ---- the outbox ----

export interface OutboxRow {
  id: number;
  kind: string;
  recipientUserId: number | null;
  payload: OutboxPayload;
  attempts: number;
}

/** Adds a mail unless one with the same dedupe key exists; the new row's id, or undefined when it did. */
export async function insertOutbox(
  db: DbOrTx,
  row: { dedupeKey: string; kind: string; recipientUserId: number; payload: OutboxPayload; createdAt: Date },
): Promise<number | undefined> {
  const inserted = await db
    .insertInto('outbox')
    .values({
      dedupe_key: row.dedupeKey,
      kind: row.kind,
      recipient_user_id: row.recipientUserId,
      payload: jsonb(row.payload),
      created_at: row.createdAt,
      next_attempt_at: row.createdAt,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

/**
 * Claims up to `limit` due rows for `token` until `until`, in one statement (its own commit): rows another process
 * holds locked are skipped, and a claim that expired (its process died mid-send) is due again.
 */
export async function claimDue(db: DbOrTx, now: Date, until: Date, token: string, limit: number): Promise<OutboxRow[]> {
  const rows = await db
    .updateTable('outbox')
    .set({ claimed_until: until, claim_token: token })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox')
        .select('id')
        .where('sent_at', 'is', null)
        .where('gave_up_at', 'is', null)
        .where('next_attempt_at', '<=', now)
        .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<=', now)]))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'kind', 'recipient_user_id', 'payload', 'attempts'])
    .execute();
  return rows
    .map((r) => ({ id: r.id, kind: r.kind, recipientUserId: r.recipient_user_id, payload: r.payload, attempts: r.attempts }))
    .sort((a, b) => a.id - b.id);
}

/** Extends our claim on one row just before sending it; false when it is no longer ours (or already sent). */
export async function renewClaim(db: DbOrTx, id: number, token: string, until: Date): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ claimed_until: until })
    .where('id', '=', id)
    .where('claim_token', '=', token)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markSent(db: DbOrTx, id: number, token: string, now: Date): Promise<void> {
  await db.updateTable('outbox').set({ sent_at: now, claimed_until: null, last_error: null }).where('id', '=', id).where('claim_token', '=', token).execute();
}

export async function markFailed(
  db: DbOrTx,
  id: number,
  token: string,
  failure: { attempts: number; nextAttemptAt: Date; gaveUpAt: Date | null; error: string },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ attempts: failure.attempts, next_attempt_at: failure.nextAttemptAt, gave_up_at: failure.gaveUpAt, last_error: failure.error, claimed_until: null })
    .where('id', '=', id)
    .where('claim_token', '=', token)
    .where('sent_at', 'is', null)
    .execute();
}

/** Drops every claim on unsent rows: only when this process alone uses the database, so every claim is a dead one's. */
export async function releaseClaims(db: DbOrTx): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ claimed_until: null })
    .where('sent_at', 'is', null)
    .where('claimed_until', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Sent mail kept a while (what went out, for the operator), then dropped with its address. */
export async function deleteSentBefore(db: DbOrTx, before: Date): Promise<void> {
  await db.deleteFrom('outbox').where('sent_at', '<', before).execute();
}

export interface OutboxState {
  id: number;
  dedupeKey: string | null;
  kind: string;
  recipientUserId: number | null;
  attempts: number;
  nextAttemptAt: Date;
  claimedUntil: Date | null;
  sentAt: Date | null;
  gaveUpAt: Date | null;
  lastError: string | null;
  payload: OutboxPayload;
}

/** The outbox's rows for a person (tests, the operator). */
export async function listOutbox(db: DbOrTx, recipientUserId?: number): Promise<OutboxState[]> {
  let query = db.selectFrom('outbox').selectAll();
  if (recipientUserId !== undefined) query = query.where('recipient_user_id', '=', recipientUserId);
  const rows = await query.orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    dedupeKey: r.dedupe_key,
    kind: r.kind,
    recipientUserId: r.recipient_user_id,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    claimedUntil: r.claimed_until,
    sentAt: r.sent_at,
    gaveUpAt: r.gave_up_at,
    lastError: r.last_error,
    payload: r.payload,
  }));
}

// ---- personal data ----

export async function eraseUser(db: DbOrTx, userId: number): Promise<void> {
  await db.deleteFrom('follows').where('user_id', '=', userId).execute();
  await db.deleteFrom('notifications').where('user_id', '=', userId).execute();
  await db.deleteFrom('unsubscribe_tokens').where('user_id', '=', userId).execute();
  await db.deleteFrom('notification_settings').where('user_id', '=', userId).execute();
  // Sent mail too: its rows hold the address.
  await db.deleteFrom('outbox').where('recipient_user_id', '=', userId).execute();
}
