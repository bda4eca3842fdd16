/** All SQL for profiles, the one-use links sent by e-mail, the grants the admin gives, and erasing an account. */
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/connection.js';
import type { Role, ScopedRole, ScopeKind } from '../../domain/authorization.js';
import type { Region } from '../../domain/people.js';

export interface Profile {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  organisation: string | null;
  stakeholderGroup: string | null;
  region: Region | null;
  profilePublic: boolean;
  emailConfirmedAt: Date | null;
}

export type ProfileFields = Pick<Profile, 'displayName' | 'organisation' | 'stakeholderGroup' | 'region' | 'profilePublic'>;

const profileColumns = ['id', 'email', 'display_name', 'role', 'organisation', 'stakeholder_group', 'region', 'profile_public', 'email_confirmed_at'] as const;

const toProfile = (r: {
  id: number;
  email: string;
  display_name: string;
  role: string;
  organisation: string | null;
  stakeholder_group: string | null;
  region: string | null;
  profile_public: boolean;
  email_confirmed_at: Date | null;
}): Profile => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  role: r.role as Role,
  organisation: r.organisation,
  stakeholderGroup: r.stakeholder_group,
  region: r.region as Region | null,
  profilePublic: r.profile_public,
  emailConfirmedAt: r.email_confirmed_at,
});

/** A live account's profile (a deleted one has none). */
export async function findProfile(db: DbOrTx, userId: number): Promise<Profile | undefined> {
  const row = await db.selectFrom('users').select(profileColumns).where('id', '=', userId).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? toProfile(row) : undefined;
}

/** A live account by its address, with what sign-up, reset and the admin's search need. */
export async function findProfileByEmail(db: DbOrTx, email: string): Promise<Profile | undefined> {
  const row = await db.selectFrom('users').select(profileColumns).where('email', '=', email.toLowerCase()).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? toProfile(row) : undefined;
}

/** The stored password hash of a live account, for the checks that ask for the password again. */
export async function findPasswordHash(db: DbOrTx, userId: number): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.password_hash;
}

/** A self-registered account: a participant, unconfirmed. Undefined when the address is taken (a race with another sign-up). */
export async function insertSignedUpUser(db: DbOrTx, u: ProfileFields & { email: string; passwordHash: string; createdAt: Date }): Promise<number | undefined> {
  const row = await db
    .insertInto('users')
    .values({
      email: u.email.toLowerCase(),
      display_name: u.displayName,
      password_hash: u.passwordHash,
      role: 'public',
      created_at: u.createdAt,
      organisation: u.organisation,
      stakeholder_group: u.stakeholderGroup,
      region: u.region,
      profile_public: u.profilePublic,
      email_confirmed_at: null,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function updateProfile(db: DbOrTx, userId: number, fields: Partial<ProfileFields>): Promise<void> {
  const set = {
    ...(fields.displayName !== undefined ? { display_name: fields.displayName } : {}),
    ...(fields.organisation !== undefined ? { organisation: fields.organisation } : {}),
    ...(fields.stakeholderGroup !== undefined ? { stakeholder_group: fields.stakeholderGroup } : {}),
    ...(fields.region !== undefined ? { region: fields.region } : {}),
    ...(fields.profilePublic !== undefined ? { profile_public: fields.profilePublic } : {}),
  };
  if (Object.keys(set).length === 0) return;
  await db.updateTable('users').set(set).where('id', '=', userId).where('deleted_at', 'is', null).execute();
}

export async function setPasswordHash(db: DbOrTx, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** The address is confirmed from now on (a later confirmation keeps the first time). */
export async function markEmailConfirmed(db: DbOrTx, userId: number, at: Date): Promise<void> {
  await db.updateTable('users').set({ email_confirmed_at: at }).where('id', '=', userId).where('email_confirmed_at', 'is', null).execute();
}

export async function deleteSessionsOf(db: DbOrTx, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Revokes every live API token of the user (a password reset: whoever knew the old password may have made one). */
export async function revokeTokensOf(db: DbOrTx, userId: number, at: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at, revoked_by: userId }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

/** How many live admins there are (the last one may not delete their account). */
export async function countAdmins(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('role', '=', 'admin')
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ------------------------------------------------------------------ one-use links sent by e-mail

export type EmailTokenPurpose = 'confirm' | 'reset';

export interface EmailTokenRow {
  userId: number;
  purpose: EmailTokenPurpose;
  expiresAt: Date;
  usedAt: Date | null;
}

export async function insertEmailToken(
  db: DbOrTx,
  t: { tokenHash: string; userId: number; purpose: EmailTokenPurpose; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('email_tokens')
    .values({ token_hash: t.tokenHash, user_id: t.userId, purpose: t.purpose, created_at: t.createdAt, expires_at: t.expiresAt })
    .execute();
}

/** The link's row, locked until the transaction ends when `lock` (so two uses of one link take turns and one fails). */
export async function findEmailToken(db: DbOrTx, tokenHash: string, options: { lock?: boolean } = {}): Promise<EmailTokenRow | undefined> {
  let query = db.selectFrom('email_tokens').select(['user_id', 'purpose', 'expires_at', 'used_at']).where('token_hash', '=', tokenHash);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { userId: row.user_id, purpose: row.purpose, expiresAt: row.expires_at, usedAt: row.used_at } : undefined;
}

/** Uses up every open link of this purpose the user has (the one followed, and any older ones). */
export async function useEmailTokens(db: DbOrTx, userId: number, purpose: EmailTokenPurpose, at: Date): Promise<void> {
  await db.updateTable('email_tokens').set({ used_at: at }).where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}

/** Links long past their end are of no use to anyone; housekeeping drops them. */
export async function deleteOldEmailTokens(db: DbOrTx, before: Date): Promise<void> {
  await db.deleteFrom('email_tokens').where('expires_at', '<', before).execute();
}

// ------------------------------------------------------------------ scoped roles as the admin gives them

export interface GrantRecord {
  id: number;
  userId: number;
  role: ScopedRole;
  scope: ScopeKind;
  scopeId: number | null;
  source: string;
  startsOn: string | null;
  endsOn: string | null;
  grantedAt: Date;
}

const grantColumns = ['id', 'user_id', 'role', 'scope', 'scope_id', 'source', 'starts_on', 'ends_on', 'granted_at'] as const;

const toGrant = (r: {
  id: number;
  user_id: number;
  role: string;
  scope: string;
  scope_id: number | null;
  source: string;
  starts_on: string | null;
  ends_on: string | null;
  granted_at: Date;
}): GrantRecord => ({
  id: r.id,
  userId: r.user_id,
  role: r.role as ScopedRole,
  scope: r.scope as ScopeKind,
  scopeId: r.scope_id,
  source: r.source,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  grantedAt: r.granted_at,
});

/** Every grant a user has, whatever gave it and whether or not its term holds today. */
export async function listGrantRecords(db: DbOrTx, userId: number): Promise<GrantRecord[]> {
  const rows = await db.selectFrom('role_grants').select(grantColumns).where('user_id', '=', userId).orderBy('id').execute();
  return rows.map(toGrant);
}

export async function findGrantRecord(db: DbOrTx, id: number): Promise<GrantRecord | undefined> {
  const row = await db.selectFrom('role_grants').select(grantColumns).where('id', '=', id).executeTakeFirst();
  return row ? toGrant(row) : undefined;
}

/** The grant this source gave this user for this role and scope, if any. */
export async function findGrantFrom(db: DbOrTx, userId: number, grant: { role: ScopedRole; scope: ScopeKind; scopeId: number | null }, source: string) {
  const row = await db
    .selectFrom('role_grants')
    .select(grantColumns)
    .where('user_id', '=', userId)
    .where('role', '=', grant.role)
    .where('scope', '=', grant.scope)
    .where((eb) => (grant.scopeId === null ? eb('scope_id', 'is', null) : eb('scope_id', '=', grant.scopeId)))
    .where('source', '=', source)
    .executeTakeFirst();
  return row ? toGrant(row) : undefined;
}

export async function deleteGrantRecord(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('role_grants').where('id', '=', id).execute();
}

// ------------------------------------------------------------------ deleting an account

/**
 * What is left of a deleted account: a row, so what it contributed keeps an author ("former participant"), with no
 * personal data. The address becomes one that can receive no mail and that nobody can sign up with (`.invalid`,
 * RFC 2606), the password hash one that no password matches; everything that let the person act is removed.
 */
export async function anonymizeUser(db: DbOrTx, userId: number, at: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({
      email: `deleted-${userId}@deleted.invalid`,
      display_name: '',
      password_hash: '!deleted',
      organisation: null,
      stakeholder_group: null,
      region: null,
      profile_public: false,
      deleted_at: at,
    })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await db.deleteFrom('api_tokens').where('user_id', '=', userId).execute();
  await db.deleteFrom('email_tokens').where('user_id', '=', userId).execute();
  await db.deleteFrom('role_grants').where('user_id', '=', userId).execute();
  await db.deleteFrom('user_agencies').where('user_id', '=', userId).execute();
}

/** Drops the counters keyed by an address (sign-in limits, mail to it), so a deleted account's address is nowhere. */
export async function deleteCountersOf(db: DbOrTx, email: string, keys: readonly string[]): Promise<void> {
  const suffix = ` ${email}`;
  await db
    .deleteFrom('sign_in_failures')
    .where((eb) => eb.or([eb('key', 'in', [...keys]), eb.and([eb('key', 'like', 'pair:%'), eb(sql<string>`right(key, ${suffix.length})`, '=', suffix)])]))
    .execute();
}
