/** All SQL for users, sessions, API tokens and rate-limit counters. */
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/connection.js';
import type { Actor, Role } from '../../domain/authorization.js';

export interface UserRecord extends Actor {
  email: string;
  passwordHash: string;
  isDemo: boolean;
}

async function agenciesOf(db: DbOrTx, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('user_agencies').select('agency_id').where('user_id', '=', userId).orderBy('agency_id').execute();
  return rows.map((r) => r.agency_id);
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    passwordHash: row.password_hash,
    isDemo: row.is_demo,
    agencyIds: await agenciesOf(db, row.id),
  };
}

export async function insertUser(
  db: DbOrTx,
  u: { email: string; displayName: string; passwordHash: string; role: Role; agencyIds: number[]; isDemo: boolean },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ email: u.email.toLowerCase(), display_name: u.displayName, password_hash: u.passwordHash, role: u.role, is_demo: u.isDemo })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (u.agencyIds.length > 0)
    await db.insertInto('user_agencies').values(u.agencyIds.map((agency_id) => ({ user_id: row.id, agency_id }))).execute();
  return row.id;
}


export async function insertSession(db: DbOrTx, s: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ token_hash: s.tokenHash, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt })
    .execute();
}

export interface SessionActor {
  actor: Actor;
  csrfToken: string;
}

/** The live session's user, or nothing for an unknown or expired token. */
export async function findSessionActor(db: DbOrTx, tokenHash: string, now: Date): Promise<SessionActor | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.display_name', 'u.role', 's.csrf_token'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    actor: { id: row.id, displayName: row.display_name, role: row.role as Role, agencyIds: await agenciesOf(db, row.id) },
    csrfToken: row.csrf_token,
  };
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function insertApiToken(db: DbOrTx, t: { userId: number; tokenHash: string; name: string }): Promise<number> {
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: t.userId, token_hash: t.tokenHash, name: t.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findApiTokenActor(db: DbOrTx, tokenHash: string): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.display_name', 'u.role'])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, displayName: row.display_name, role: row.role as Role, agencyIds: await agenciesOf(db, row.id) };
}

/**
 * Counts a hit in the current fixed window and returns the count so far. Stored in the database so that
 * every process serving the same database shares one limit.
 */
export async function countRateLimitHit(db: DbOrTx, key: string, windowStart: Date): Promise<number> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limits.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return row.hits;
}

export async function deleteOldRateLimits(db: DbOrTx, before: Date): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', before).execute();
}
