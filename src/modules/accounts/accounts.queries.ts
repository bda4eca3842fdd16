/** All SQL for users, sessions, API tokens and sign-in failure counters. */
import { sql, type ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DbOrTx } from '../../db/connection.js';
import type { DB } from '../../db/schema.js';
import type { Actor, RoleGrant, Role, ScopedRole, ScopeKind } from '../../domain/authorization.js';
import type { Localized } from '../../domain/localized.js';
import { taipeiDay } from '../../domain/monitoring.js';
import type { AccountStanding, PublicPerson, Region } from '../../domain/people.js';

export interface UserRecord extends Actor {
  email: string;
  passwordHash: string;
  isDemo: boolean;
  /** Null until the person follows the link mailed at sign-up (accounts made by the operator are confirmed). */
  emailConfirmedAt: Date | null;
}

async function agenciesOf(db: DbOrTx, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('user_agencies').select('agency_id').where('user_id', '=', userId).orderBy('agency_id').execute();
  return rows.map((r) => r.agency_id);
}

/**
 * The user's agencies and scoped roles on `now`'s date in Taiwan (one grant per role and scope, whatever granted
 * it), as two JSON columns of the query that finds the user (a session's or a token's): one round trip for every
 * signed-in request instead of three.
 */
function actorParts(eb: ExpressionBuilder<DB & { u: DB['users'] }, 'u'>, now: Date) {
  const today = taipeiDay(now);
  return [
    jsonArrayFrom(eb.selectFrom('user_agencies').select('agency_id').whereRef('user_agencies.user_id', '=', 'u.id')).as('agencies'),
    jsonArrayFrom(
      eb
        .selectFrom('role_grants')
        .select(['role', 'scope', 'scope_id'])
        .distinct()
        .whereRef('role_grants.user_id', '=', 'u.id')
        .where((w) => w.or([w('starts_on', 'is', null), w('starts_on', '<=', today)]))
        .where((w) => w.or([w('ends_on', 'is', null), w('ends_on', '>=', today)])),
    ).as('grants'),
  ] as const;
}

/** An actor as the rules see it: the account's role, its agencies and its scoped roles, in a stable order. */
function actorOf(row: {
  id: number;
  display_name: string;
  role: string;
  agencies: { agency_id: number }[];
  grants: { role: string; scope: string; scope_id: number | null }[];
}): Actor {
  const grants: RoleGrant[] = row.grants.map((g) => ({ role: g.role as ScopedRole, scope: g.scope as ScopeKind, scopeId: g.scope_id }));
  grants.sort((a, b) => cmp(a.role, b.role) || cmp(a.scope, b.scope) || byScopeId(a.scopeId, b.scopeId));
  return {
    id: row.id,
    displayName: row.display_name,
    role: row.role as Role,
    agencyIds: row.agencies.map((a) => a.agency_id).sort((a, b) => a - b),
    grants,
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** As PostgreSQL orders them: a site-wide grant (no scope id) after the scoped ones. */
const byScopeId = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b);

/**
 * Gives a scoped role, for a term when `term` says (dates as YYYY-MM-DD, either end open); `source` names what gave
 * it (a seat, a group's chair), and the same grant from the same source twice is one.
 */
export async function insertGrant(
  db: DbOrTx,
  userId: number,
  grant: RoleGrant,
  source: string,
  term: { startsOn?: string | null; endsOn?: string | null } = {},
): Promise<void> {
  const exists = await db
    .selectFrom('role_grants')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', grant.role)
    .where('scope', '=', grant.scope)
    .where((eb) => (grant.scopeId === null ? eb('scope_id', 'is', null) : eb('scope_id', '=', grant.scopeId)))
    .where('source', '=', source)
    .executeTakeFirst();
  if (exists) return;
  await db
    .insertInto('role_grants')
    .values({
      user_id: userId,
      role: grant.role,
      scope: grant.scope,
      scope_id: grant.scopeId,
      source,
      starts_on: term.startsOn ?? null,
      ends_on: term.endsOn ?? null,
    })
    .execute();
}

/** Takes back what one source gave (a seat ended, a chair replaced). */
export async function deleteGrantsFrom(db: DbOrTx, source: string): Promise<void> {
  await db.deleteFrom('role_grants').where('source', '=', source).execute();
}

export interface StakeholderGroup {
  code: string;
  name: Localized;
}

export async function listStakeholderGroups(db: DbOrTx): Promise<StakeholderGroup[]> {
  const rows = await db.selectFrom('stakeholder_groups').select(['code', 'name']).orderBy('position').execute();
  return rows.map((r) => ({ code: r.code, name: r.name }));
}

/** What others may see of these people, by id (a deleted account: no name; a private profile: the name only). */
export async function publicPeople(db: DbOrTx, ids: readonly number[]): Promise<Map<number, PublicPerson>> {
  const people = new Map<number, PublicPerson>();
  if (ids.length === 0) return people;
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'organisation', 'stakeholder_group', 'region', 'profile_public', 'deleted_at'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  for (const r of rows) {
    const deleted = r.deleted_at !== null;
    const shown = r.profile_public && !deleted;
    people.set(r.id, {
      id: r.id,
      displayName: deleted ? null : r.display_name,
      organisation: shown ? r.organisation : null,
      stakeholderGroup: shown ? r.stakeholder_group : null,
      region: shown ? (r.region as Region | null) : null,
      profilePublic: shown,
      deleted,
    });
  }
  return people;
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRecord | undefined> {
  // A deleted account keeps a placeholder address that finds nothing.
  const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    displayName: row.display_name,
    role: row.role as Role,
    agencyIds: await agenciesOf(db, row.id),
    email: row.email,
    passwordHash: row.password_hash,
    isDemo: row.is_demo,
    emailConfirmedAt: row.email_confirmed_at,
  };
}

/** The e-mail of a user, by id; undefined when there is no such user. */
/** The role of an account, by id; undefined when there is no such account (or it was deleted). */
export async function accountRoleOf(db: DbOrTx, id: number): Promise<Role | undefined> {
  const row = await db.selectFrom('users').select('role').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.role as Role | undefined;
}

/** Whether an account with this id exists (other modules link records to accounts). */
export async function userExists(db: DbOrTx, id: number): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function findUserEmail(db: DbOrTx, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('email').where('id', '=', id).executeTakeFirst();
  return row?.email;
}

export async function insertUser(
  db: DbOrTx,
  u: {
    email: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    agencyIds: number[];
    isDemo: boolean;
    profile?: { organisation?: string; stakeholderGroup?: string; region?: Region; public?: boolean };
  },
): Promise<number> {
  const row = await db
    .insertInto('users')
    // The operator vouches for the address of an account they make.
    .values({
      email: u.email.toLowerCase(),
      display_name: u.displayName,
      password_hash: u.passwordHash,
      role: u.role,
      is_demo: u.isDemo,
      email_confirmed_at: sql<Date>`now()`,
      organisation: u.profile?.organisation ?? null,
      stakeholder_group: u.profile?.stakeholderGroup ?? null,
      region: u.profile?.region ?? null,
      profile_public: u.profile?.public ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (u.agencyIds.length > 0)
    await db
      .insertInto('user_agencies')
      .values(u.agencyIds.map((agency_id) => ({ user_id: row.id, agency_id })))
      .execute();
  return row.id;
}

export async function insertSession(db: DbOrTx, s: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date }): Promise<void> {
  await db.insertInto('sessions').values({ token_hash: s.tokenHash, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt }).execute();
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
    .select((eb) => actorParts(eb, now))
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    actor: actorOf(row),
    csrfToken: row.csrf_token,
  };
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export interface ApiTokenRecord {
  id: number;
  userId: number;
  userName: string;
  name: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** 'read': GET and HEAD only; 'write': whatever its user may (ADR 0034). */
  scope: TokenScope;
}

export type TokenScope = 'read' | 'write';

export async function insertApiToken(
  db: DbOrTx,
  t: { userId: number; tokenHash: string; name: string; createdAt: Date; expiresAt: Date; scope: TokenScope },
): Promise<number> {
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: t.userId, token_hash: t.tokenHash, name: t.name, created_at: t.createdAt, expires_at: t.expiresAt, scope: t.scope })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const tokenColumns = ['t.id', 't.user_id', 'u.display_name', 't.name', 't.created_at', 't.expires_at', 't.last_used_at', 't.revoked_at', 't.scope'] as const;

type TokenRow = {
  id: number;
  user_id: number;
  display_name: string;
  name: string;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  scope: TokenScope;
};

const toApiToken = (row: TokenRow): ApiTokenRecord => ({
  id: row.id,
  userId: row.user_id,
  userName: row.display_name,
  name: row.name,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
  scope: row.scope,
});

/** The token with this hash and its user, whatever its state (the caller decides about expiry and revocation). */
export async function findApiTokenByHash(db: DbOrTx, tokenHash: string, now: Date): Promise<{ token: ApiTokenRecord; actor: Actor } | undefined> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([...tokenColumns, 'u.role'])
    .select((eb) => actorParts(eb, now))
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    token: toApiToken(row),
    actor: actorOf({ ...row, id: row.user_id }),
  };
}

export async function findApiToken(db: DbOrTx, id: number): Promise<ApiTokenRecord | undefined> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(tokenColumns)
    .where('t.id', '=', id)
    .executeTakeFirst();
  return row ? toApiToken(row) : undefined;
}

/** Newest first; one user's tokens, or everyone's. */
export async function listApiTokens(db: DbOrTx, filter: { userId?: number }): Promise<ApiTokenRecord[]> {
  let query = db.selectFrom('api_tokens as t').innerJoin('users as u', 'u.id', 't.user_id').select(tokenColumns).orderBy('t.id', 'desc');
  if (filter.userId !== undefined) query = query.where('t.user_id', '=', filter.userId);
  return (await query.execute()).map(toApiToken);
}

/** Records a use unless one was recorded since `notSince`, so a busy script does not write on every request. */
export async function touchApiToken(db: DbOrTx, id: number, now: Date, notSince: Date): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', notSince)]))
    .execute();
}

/** Revokes once: a second revocation keeps the first time and who did it. */
export async function revokeApiToken(db: DbOrTx, id: number, by: number, now: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: now, revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export interface FailureCountRow {
  key: string;
  failures: number;
  lastFailureAt: Date;
}

/**
 * Reads a sign-in failure counter and holds its row lock until the transaction ends, creating it (at zero) if
 * missing, so concurrent attempts on the same key take turns. Callers lock keys in sorted order (no deadlock).
 */
export async function lockFailureCount(trx: DbOrTx, key: string, now: Date): Promise<FailureCountRow> {
  const row = await trx
    .insertInto('sign_in_failures')
    .values({ key, failures: 0, last_failure_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ failures: sql<number>`sign_in_failures.failures` }))
    .returning(['key', 'failures', 'last_failure_at'])
    .executeTakeFirstOrThrow();
  return { key: row.key, failures: row.failures, lastFailureAt: row.last_failure_at };
}

export async function setFailureCount(db: DbOrTx, key: string, failures: number, at: Date): Promise<void> {
  await db.updateTable('sign_in_failures').set({ failures, last_failure_at: at }).where('key', '=', key).execute();
}

/** A success: the pair starts again; the wider counters give back the failure reserved for this attempt. */
export async function settleSuccessfulSignIn(db: DbOrTx, pairKey: string, refundKeys: string[]): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', pairKey).execute();
  if (refundKeys.length > 0)
    await db
      .updateTable('sign_in_failures')
      .set({ failures: sql<number>`greatest(failures - 1, 0)` })
      .where('key', 'in', refundKeys)
      .execute();
  // A counter back at zero holds nothing worth keeping.
  if (refundKeys.length > 0) await db.deleteFrom('sign_in_failures').where('key', 'in', refundKeys).where('failures', '=', 0).execute();
}

export async function deleteQuietFailureCounts(db: DbOrTx, before: Date): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('last_failure_at', '<', before).execute();
}

/** The standing of these accounts, by id (a missing id is no account). */
export async function accountStandings(db: DbOrTx, ids: readonly number[]): Promise<Map<number, AccountStanding>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'role', 'email_confirmed_at', 'deleted_at', 'stakeholder_group', 'created_at'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        role: r.role,
        emailConfirmed: r.email_confirmed_at !== null,
        deleted: r.deleted_at !== null,
        stakeholderGroup: r.stakeholder_group,
        registeredAt: r.created_at,
      },
    ]),
  );
}

/**
 * How many accounts the rule admits now: participants with a confirmed address, not deleted, not in the government
 * group. Counted when the result is published, just after voting closed, and kept with the result (ADR 0026).
 */
export async function countCivilSocietyParticipants(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('role', '=', 'public')
    .where('email_confirmed_at', 'is not', null)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('stakeholder_group', 'is', null), eb('stakeholder_group', '<>', 'government')]))
    .executeTakeFirstOrThrow();
  return row.n;
}
