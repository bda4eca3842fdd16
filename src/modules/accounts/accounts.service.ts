/** Sign-in, sessions, API tokens, users and rate limits. */
import { createHmac, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../db/connection.js';
import { can, ROLES, type Actor, type Role } from '../../domain/authorization.js';
import { ForbiddenError, RateLimitedError, ValidationError } from '../../errors.js';
import * as q from './accounts.queries.js';

export const SESSION_TTL_MS = 1000 * 60 * 60 * 24 * 14;
export const LOGIN_LIMIT = { hits: 5, windowSeconds: 15 * 60 } as const;

export interface AccountDeps {
  db: Db;
  sessionSecret: string;
  now: () => Date;
}

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2_OPTIONS);

/** Verifying against this when the e-mail is unknown keeps both answers equally slow. */
let decoyHash: Promise<string> | undefined;

export const newToken = () => randomBytes(32).toString('base64url');

export function tokenHash(deps: Pick<AccountDeps, 'sessionSecret'>, token: string): string {
  return createHmac('sha256', deps.sessionSecret).update(token).digest('hex');
}

/** Fixed-window limit; throws 429 with the seconds to wait once the window is spent. */
export async function enforceRateLimit(
  deps: Pick<AccountDeps, 'db' | 'now'>,
  key: string,
  limit: { hits: number; windowSeconds: number },
): Promise<void> {
  const nowMs = deps.now().getTime();
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs);
  const hits = await q.countRateLimitHit(deps.db, key, windowStart);
  if (hits > limit.hits) throw new RateLimitedError(Math.ceil((windowStart.getTime() + windowMs - nowMs) / 1000));
}

export interface SignedIn {
  sessionToken: string;
  csrfToken: string;
  actor: Actor;
  expiresAt: Date;
}

export async function signIn(deps: AccountDeps, email: string, password: string, clientKey: string): Promise<SignedIn> {
  const normalized = email.trim().toLowerCase();
  // Both the address and the client are limited, so neither guessing one account nor spraying many gets far.
  await enforceRateLimit(deps, `login:email:${normalized}`, LOGIN_LIMIT);
  await enforceRateLimit(deps, `login:client:${clientKey}`, { hits: LOGIN_LIMIT.hits * 4, windowSeconds: LOGIN_LIMIT.windowSeconds });
  const user = await q.findUserByEmail(deps.db, normalized);
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const ok = await verify(user?.passwordHash ?? (await decoyHash), password).catch(() => false);
  if (!user || !ok) throw new ValidationError([{ field: 'password', key: 'error.badCredentials' }]);
  const sessionToken = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(deps.now().getTime() + SESSION_TTL_MS);
  await q.insertSession(deps.db, { tokenHash: tokenHash(deps, sessionToken), userId: user.id, csrfToken, expiresAt });
  const { passwordHash: _omit, email: _email, isDemo: _demo, ...actor } = user;
  return { sessionToken, csrfToken, actor, expiresAt };
}

export async function signOut(deps: AccountDeps, sessionToken: string): Promise<void> {
  await q.deleteSession(deps.db, tokenHash(deps, sessionToken));
}

export async function actorForSession(deps: AccountDeps, sessionToken: string) {
  return q.findSessionActor(deps.db, tokenHash(deps, sessionToken), deps.now());
}

export async function actorForApiToken(deps: AccountDeps, token: string) {
  return q.findApiTokenActor(deps.db, tokenHash(deps, token));
}

/** A bearer token for scripts; shown once, stored only as a hash. */
export async function createApiToken(deps: AccountDeps, actor: Actor, name: string): Promise<{ id: number; token: string }> {
  const token = `cct_${newToken()}`;
  const id = await q.insertApiToken(deps.db, { userId: actor.id, tokenHash: tokenHash(deps, token), name });
  return { id, token };
}

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  agencyIds: number[];
  isDemo?: boolean;
}

export const PASSWORD_MIN_LENGTH = 12;

/** `actor` null means the operator at the command line, who may create any account. */
export async function createUser(deps: Pick<AccountDeps, 'db'>, actor: Actor | null | 'cli', user: NewUser): Promise<number> {
  if (actor !== 'cli' && !can(actor, 'user.create')) throw new ForbiddenError();
  const problems = [];
  if (!/^[^@\s]+@[^@\s]+$/.test(user.email)) problems.push({ field: 'email', key: 'error.email' });
  if (user.password.length < PASSWORD_MIN_LENGTH) problems.push({ field: 'password', key: 'error.passwordShort', params: { min: PASSWORD_MIN_LENGTH } });
  if (!ROLES.includes(user.role)) problems.push({ field: 'role', key: 'error.invalid' });
  if (user.role === 'agency-officer' && user.agencyIds.length === 0) problems.push({ field: 'agencyIds', key: 'error.officerNeedsAgency' });
  if (await q.findUserByEmail(deps.db, user.email)) problems.push({ field: 'email', key: 'error.taken' });
  if (problems.length > 0) throw new ValidationError(problems);
  return q.insertUser(deps.db, {
    email: user.email,
    displayName: user.displayName,
    passwordHash: await hashPassword(user.password),
    role: user.role,
    agencyIds: user.agencyIds,
    isDemo: user.isDemo ?? false,
  });
}

/** Drops expired sessions and finished rate-limit windows; run at start-up and hourly. */
export async function purgeExpired(deps: Pick<AccountDeps, 'db' | 'now'>): Promise<void> {
  const now = deps.now();
  await q.deleteExpiredSessions(deps.db, now);
  await q.deleteOldRateLimits(deps.db, new Date(now.getTime() - 24 * 3600 * 1000));
}
