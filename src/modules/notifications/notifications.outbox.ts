/**
 * The outbox's dispatcher (ADR 0028). Mail rows are written in the caller's transaction, so they exist iff its write
 * committed. The dispatcher claims due rows in a statement of its own (committed before any send, so another process
 * skips them), sends each through the mailer, and marks it sent in another statement; a failure is kept with a
 * backoff, and after MAX_ATTEMPTS the row is given up. A claim whose process died mid-send expires and is taken again,
 * so a mail is sent at least once; its stable Message-ID lets the receiver drop the copy sent twice in the moment
 * between the mail server's 250 and our mark. The daily digest is enqueued here too, keyed once per person and day.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../../db/connection.js';
import type { Mailer } from '../../web/mail.js';
import type { WorkerContext } from '../../web/module.js';
import { accountStandings, findUserEmail } from '../accounts/index.js';
import { composeDigestMail, outgoingMessage } from './notifications.mail.js';
import { langOfMail } from './notifications.model.js';
import * as q from './notifications.queries.js';
import { newUnsubscribeToken } from './notifications.tokens.js';

/** How long a claim holds a row before another dispatcher may take it: longer than one send may take (web/mail.ts bounds it). */
export const CLAIM_MS = 60_000;
export const MAX_ATTEMPTS = 8;
/** Mails one tick sends at most. */
export const BATCH = 20;
/** How often the worker looks for due mail (other processes' writes, retries, the digest). */
export const POLL_MS = 5_000;
/** After this process wrote outbox rows: a look this much later, once the writing transaction has committed. */
export const KICK_DELAY_MS = 200;
/** Sent rows are kept this long, then dropped with their addresses. */
const KEEP_SENT_MS = 30 * 24 * 60 * 60 * 1000;
/** The digest goes out after 08:00 in Taiwan (UTC+8, no daylight saving). */
const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DIGEST_HOUR = 8;
const DIGEST_ITEMS = 30;

/** The wait before the n-th retry: 1, 2, 4 … 64 minutes. */
export const backoffMs = (attempts: number): number => 60_000 * 2 ** Math.max(0, attempts - 1);

// ---- the in-process wake-up ----

const wakers = new Set<() => void>();

/** notify() wrote outbox rows in this process: the worker (if any runs here) looks soon. */
export function outboxWritten(): void {
  for (const wake of wakers) wake();
}

export interface DispatchDeps {
  db: Db;
  mailer: Mailer;
  now: () => Date;
  /** The site's address, put into the stored mail's links and Message-ID. */
  origin: string;
  logger?: Logger;
}

export interface DispatchResult {
  claimed: number;
  sent: number;
  failed: number;
}

/** Sends up to `limit` due mails. Never throws for a mail server's failure (the row keeps the error and its next try). */
export async function dispatchOutbox(deps: DispatchDeps, limit = BATCH): Promise<DispatchResult> {
  const token = randomUUID();
  const claimedAt = deps.now();
  const rows = await q.claimDue(deps.db, claimedAt, new Date(claimedAt.getTime() + CLAIM_MS), token, limit);
  const result: DispatchResult = { claimed: rows.length, sent: 0, failed: 0 };
  for (const row of rows) {
    // Still ours, for another full claim: an earlier send in this batch may have taken long.
    if (!(await q.renewClaim(deps.db, row.id, token, new Date(deps.now().getTime() + CLAIM_MS)))) continue;
    try {
      await deps.mailer.deliver(outgoingMessage(row.id, row.payload, deps.origin));
    } catch (error) {
      result.failed++;
      const attempts = row.attempts + 1;
      const at = deps.now();
      const gaveUp = attempts >= MAX_ATTEMPTS;
      const message = error instanceof Error ? error.message : String(error);
      deps.logger?.warn({ outboxId: row.id, attempts, gaveUp, err: message }, 'notification mail not sent');
      await q.markFailed(deps.db, row.id, token, {
        attempts,
        nextAttemptAt: new Date(at.getTime() + backoffMs(attempts)),
        gaveUpAt: gaveUp ? at : null,
        error: message.slice(0, 1000),
      });
      continue;
    }
    await q.markSent(deps.db, row.id, token, deps.now());
    result.sent++;
  }
  return result;
}

/** The day in Taiwan (yyyy-mm-dd) and whether it is past 08:00 there. */
export function taipeiDay(now: Date): { day: string; afterEight: boolean } {
  const local = new Date(now.getTime() + TAIPEI_OFFSET_MS);
  return { day: local.toISOString().slice(0, 10), afterEight: local.getUTCHours() >= DIGEST_HOUR };
}

/**
 * After 08:00 Taiwan time, one digest per person whose mail is daily and who has unread notifications since their
 * last digest, at most once a day (the dedupe key `digest:<userId>:<day>`). Returns how many were enqueued.
 */
/** How far back a daily digest looks. */
export const DIGEST_WINDOW_DAYS = 7;

export async function enqueueDigests(deps: { db: Db; now: () => Date }, limit = 200): Promise<number> {
  const now = deps.now();
  const { day, afterEight } = taipeiDay(now);
  if (!afterEight) return 0;
  let enqueued = 0;
  let after = 0;
  // A digest tells of the last week: older unread notifications (imported or seeded history) stay on the list page.
  const notBefore = new Date(now.getTime() - DIGEST_WINDOW_DAYS * 86_400_000);
  for (;;) {
    const candidates = await q.digestCandidates(deps.db, day, after, limit, notBefore);
    if (candidates.length === 0) break;
    after = candidates[candidates.length - 1]?.userId ?? after;
    const standings = await accountStandings(
      deps.db,
      candidates.map((c) => c.userId),
    );
    for (const candidate of candidates) {
      const standing = standings.get(candidate.userId);
      const key = `digest:${candidate.userId}:${day}`;
      const added = await deps.db.transaction().execute(async (trx) => {
        // Another process may have written it since the candidates were read: then nothing changes here.
        if (await q.outboxKeyExists(trx, key)) return false;
        // A person we do not mail (unconfirmed, deleted) is not looked at again until something new comes.
        if (!standing || standing.deleted || !standing.emailConfirmed) {
          await q.upsertSettings(trx, candidate.userId, { lastDigestAt: now }, now);
          return false;
        }
        const to = await findUserEmail(trx, candidate.userId);
        const since = candidate.lastDigestAt && candidate.lastDigestAt > notBefore ? candidate.lastDigestAt : notBefore;
        const items = await q.listUnreadSince(trx, candidate.userId, since, DIGEST_ITEMS + 1000);
        // Up to the newest one it tells of: anything written after this read goes into the next digest.
        await q.upsertSettings(trx, candidate.userId, { lastDigestAt: items.at(-1)?.createdAt ?? now }, now);
        if (!to || items.length === 0) return false;
        const unsubscribeToken = await newUnsubscribeToken(trx, candidate.userId, now);
        const shown = items.slice(-DIGEST_ITEMS).reverse();
        const payload = composeDigestMail({ to, lang: langOfMail(candidate.lang), items: shown, more: items.length - shown.length, unsubscribeToken });
        const id = await q.insertOutbox(trx, {
          dedupeKey: key,
          kind: 'digest',
          recipientUserId: candidate.userId,
          payload,
          createdAt: now,
        });
        return id !== undefined;
      });
      if (added) enqueued++;
    }
    if (candidates.length < limit) break;
  }
  return enqueued;
}

/**
 * The background worker the server starts (not the tests' app): a tick every POLL_MS, and one KICK_DELAY_MS after
 * this process wrote outbox rows. A tick enqueues the day's digests, then sends due mail in batches of BATCH until
 * none is due. One tick at a time; stop() waits for the running one.
 */
export function startOutboxWorker(context: WorkerContext): { stop(): Promise<void> } {
  const { services, logger } = context;
  const deps: DispatchDeps = { db: services.db, mailer: context.mailer, now: services.now, origin: context.origin, logger };
  let stopped = false;
  let again = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let lastPurge = 0;

  const tick = async () => {
    if (context.exclusive) {
      // Only this process uses the database: a claim found now was left by a process that died.
      const released = await q.releaseClaims(services.db);
      if (released > 0) logger.info({ count: released }, 'outbox claims of a stopped process released');
      context = { ...context, exclusive: false };
    }
    const digests = await enqueueDigests(deps);
    if (digests > 0) logger.info({ count: digests }, 'notification digests queued');
    for (let round = 0; round < 10 && !stopped; round++) {
      const result = await dispatchOutbox(deps, BATCH);
      if (result.sent > 0) logger.info({ sent: result.sent, failed: result.failed }, 'notification mail sent');
      if (result.claimed < BATCH) break;
    }
    const now = services.now().getTime();
    if (now - lastPurge > 60 * 60 * 1000) {
      lastPurge = now;
      await q.deleteSentBefore(services.db, new Date(now - KEEP_SENT_MS));
    }
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, ms);
    timer.unref();
  };
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = tick()
      .catch((err: unknown) => logger.warn({ err }, 'outbox dispatch failed'))
      .finally(() => {
        running = undefined;
        const soon = again;
        again = false;
        schedule(soon ? 0 : POLL_MS);
      });
  };
  const wake = () => schedule(KICK_DELAY_MS);
  wakers.add(wake);
  run();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      wakers.delete(wake);
      await running;
    },
  };
}
