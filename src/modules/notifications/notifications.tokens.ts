/** One-click unsubscribe tokens: random, mailed once, stored hashed (ADR 0028). */
import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTx } from '../../db/connection.js';
import * as q from './notifications.queries.js';

/**
 * The stored form of a token. A token is 32 random bytes, so a plain SHA-256 cannot be reversed or guessed from the
 * hash; unlike accounts' HMAC (services.sessionSecret) it needs no secret, which a write transaction calling notify()
 * does not have, and links in mail stay valid when SESSION_SECRET is unset and changes with every start.
 */
export const unsubscribeTokenHash = (token: string): string => createHash('sha256').update(`cocreate-unsubscribe:${token}`).digest('hex');

export const looksLikeToken = (token: string): boolean => /^[A-Za-z0-9_-]{20,100}$/.test(token);

/** A new token for one mail; every earlier mail's token stays valid until the account is deleted. */
export async function newUnsubscribeToken(trx: DbOrTx, userId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await q.insertUnsubscribeToken(trx, unsubscribeTokenHash(token), userId, now);
  return token;
}
