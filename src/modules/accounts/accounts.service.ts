/** Sign-in and its limits, sessions, API tokens and users. */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../db/connection.js';
import { can, ROLES, type Actor, type Role } from '../../domain/authorization.js';
import type { Region } from '../../domain/people.js';
import { ACCOUNT_SLOWDOWN, accountIsSlowed, currentFailures, secondsToWait, SIGN_IN_RULES } from '../../domain/sign-in-limits.js';
import { AppError, ForbiddenError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from '../../errors.js';
import * as q from './accounts.queries.js';
import { PEOPLE_LIMITS_MEMORY_SECONDS } from './people.limits.js';
import { deleteOldEmailTokens } from './people.queries.js';

export const SESSION_TTL_MS = 1000 * 60 * 60 * 24 * 14;
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;
/** What a token may do (ADR 0034): 'read' only GET and HEAD, 'write' whatever its user may. */
export const TOKEN_SCOPES = ['read', 'write'] as const satisfies readonly q.TokenScope[];
/** A new token reads only unless asked otherwise: a leaked read token can change nothing. */
export const TOKEN_DEFAULT_SCOPE: q.TokenScope = 'read';
/** A token's last use is written at most this often, so a busy script does not cost a write per request. */
export const TOKEN_USE_RESOLUTION_MS = 60 * 1000;

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

/** The counters one attempt touches; an e-mail too long to be real is keyed by its hash. */
export function signInKeys(email: string, client: string) {
  const account = email.length <= 320 ? email : `sha256:${createHash('sha256').update(email).digest('hex')}`;
  // A client key never holds a space, so "client account" cannot be read two ways.
  return { pair: `pair:${client} ${account}`, client: `client:${client}`, account: `account:${account}` };
}

/**
 * Before the password is checked: refuses (429) while this client must wait, else counts the attempt as a failure
 * in advance — one transaction holding the counters' row locks, so parallel guesses cannot slip past the count.
 * Says whether the account is under attack from many clients (then the attempt is slowed, never refused).
 */
export async function admitSignInAttempt(deps: Pick<AccountDeps, 'db' | 'now'>, keys: ReturnType<typeof signInKeys>): Promise<{ slowed: boolean }> {
  const now = deps.now();
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const counts = new Map<string, q.FailureCountRow>();
    for (const key of [keys.pair, keys.client, keys.account].sort()) counts.set(key, await q.lockFailureCount(trx, key, now));
    const pair = counts.get(keys.pair);
    const client = counts.get(keys.client);
    const account = counts.get(keys.account);
    const wait = Math.max(secondsToWait(SIGN_IN_RULES.pair, pair, now), secondsToWait(SIGN_IN_RULES.client, client, now));
    if (wait > 0) return { wait, slowed: false };
    await q.setFailureCount(trx, keys.pair, currentFailures(SIGN_IN_RULES.pair.forgetAfterSeconds, pair, now) + 1, now);
    await q.setFailureCount(trx, keys.client, currentFailures(SIGN_IN_RULES.client.forgetAfterSeconds, client, now) + 1, now);
    await q.setFailureCount(trx, keys.account, currentFailures(ACCOUNT_SLOWDOWN.forgetAfterSeconds, account, now) + 1, now);
    return { wait: 0, slowed: accountIsSlowed(account, now) };
  });
  if (outcome.wait > 0) throw new RateLimitedError(outcome.wait);
  return { slowed: outcome.slowed };
}

export interface SignedIn {
  sessionToken: string;
  csrfToken: string;
  actor: Actor;
  expiresAt: Date;
}

/**
 * The right password for an address nobody has confirmed yet: said only after the password was right, so it tells
 * nothing about an address to someone who does not know its password.
 */
export class EmailUnconfirmedError extends AppError {
  constructor(readonly email: string) {
    super(403, 'accounts.signIn.unconfirmed');
  }
}

/** The password is checked as sign-in checks it (argon2id), the same slow way for an unknown address. */
export async function passwordMatches(passwordHash: string | undefined, password: string): Promise<boolean> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const ok = await verify(passwordHash ?? (await decoyHash), password).catch(() => false);
  return ok && passwordHash !== undefined;
}

export async function signIn(deps: AccountDeps, email: string, password: string, clientKey: string): Promise<SignedIn> {
  const normalized = email.trim().toLowerCase();
  // Unknown addresses are counted like real ones, so the limits say nothing about which accounts exist.
  const keys = signInKeys(normalized, clientKey);
  const { slowed } = await admitSignInAttempt(deps, keys);
  if (slowed) await sleep(ACCOUNT_SLOWDOWN.delayMs);
  const user = await q.findUserByEmail(deps.db, normalized);
  const ok = await passwordMatches(user?.passwordHash, password);
  if (!user || !ok) throw new ValidationError([{ field: 'password', key: 'error.badCredentials' }]);
  await q.settleSuccessfulSignIn(deps.db, keys.pair, [keys.client, keys.account]);
  if (user.emailConfirmedAt === null) throw new EmailUnconfirmedError(user.email);
  const sessionToken = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(deps.now().getTime() + SESSION_TTL_MS);
  await q.insertSession(deps.db, { tokenHash: tokenHash(deps, sessionToken), userId: user.id, csrfToken, expiresAt });
  const { passwordHash: _omit, email: _email, isDemo: _demo, emailConfirmedAt: _confirmed, ...actor } = user;
  return { sessionToken, csrfToken, actor, expiresAt };
}

export async function signOut(deps: AccountDeps, sessionToken: string): Promise<void> {
  await q.deleteSession(deps.db, tokenHash(deps, sessionToken));
}

export async function actorForSession(deps: AccountDeps, sessionToken: string) {
  return q.findSessionActor(deps.db, tokenHash(deps, sessionToken), deps.now());
}

export type TokenStatus = 'active' | 'expired' | 'revoked';

export const tokenStatus = (token: q.ApiTokenRecord, now: Date): TokenStatus =>
  token.revokedAt ? 'revoked' : token.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';

/** The token's user while it is active; its last use is recorded at most once a minute. */
export async function actorForApiToken(deps: AccountDeps, token: string): Promise<{ actor: Actor; scope: q.TokenScope } | undefined> {
  const now = deps.now();
  const found = await q.findApiTokenByHash(deps.db, tokenHash(deps, token), now);
  if (!found || tokenStatus(found.token, now) !== 'active') return undefined;
  const notSince = new Date(now.getTime() - TOKEN_USE_RESOLUTION_MS);
  if (!found.token.lastUsedAt || found.token.lastUsedAt < notSince) await q.touchApiToken(deps.db, found.token.id, now, notSince);
  return { actor: found.actor, scope: found.token.scope };
}

export interface CreatedToken {
  token: string;
  record: q.ApiTokenRecord;
}

/** A named bearer token for scripts, valid for `expiresInDays`; shown once, stored only as a hash. */
export async function createApiToken(
  deps: AccountDeps,
  actor: Actor,
  input: { name: string; expiresInDays?: number; scope?: q.TokenScope },
): Promise<CreatedToken> {
  const days = input.expiresInDays ?? TOKEN_DEFAULT_DAYS;
  // The schema checks the shape; the lifetime's bounds are a rule of their own, for every caller.
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_MAX_DAYS) throw new ValidationError([{ field: 'expiresInDays', key: 'tokens.error.days' }]);
  const scope = input.scope ?? TOKEN_DEFAULT_SCOPE;
  if (!TOKEN_SCOPES.includes(scope)) throw new ValidationError([{ field: 'scope', key: 'tokens.error.scope' }]);
  const token = `cct_${newToken()}`;
  const createdAt = deps.now();
  const expiresAt = new Date(createdAt.getTime() + days * 24 * 3600 * 1000);
  const id = await q.insertApiToken(deps.db, { userId: actor.id, tokenHash: tokenHash(deps, token), name: input.name.trim(), createdAt, expiresAt, scope });
  const record = await q.findApiToken(deps.db, id);
  if (!record) throw new Error(`token ${id} vanished`);
  return { token, record };
}

/** The actor's own tokens; an admin may ask for one user's (`userId`) or everyone's (`'all'`). */
export async function listApiTokens(deps: AccountDeps, actor: Actor | null, userId: number | 'all' | undefined): Promise<q.ApiTokenRecord[]> {
  if (!actor) throw new UnauthenticatedError();
  const target = userId ?? actor.id;
  if (target !== actor.id && !can(actor, 'token.manageAny')) throw new ForbiddenError();
  return q.listApiTokens(deps.db, target === 'all' ? {} : { userId: target });
}

/** The owner or an admin revokes a token; to anyone else it does not exist (404), so ids reveal nothing. */
export async function revokeApiToken(deps: AccountDeps, actor: Actor | null, id: number): Promise<void> {
  if (!actor) throw new UnauthenticatedError();
  const token = await q.findApiToken(deps.db, id);
  if (!token || (token.userId !== actor.id && !can(actor, 'token.manageAny'))) throw new NotFoundError();
  await q.revokeApiToken(deps.db, id, actor.id, deps.now());
}

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  agencyIds: number[];
  isDemo?: boolean;
  /** The profile an operator or a demo seed fills in (sign-up asks the person instead). */
  profile?: UserProfile;
}

export interface UserProfile {
  organisation?: string;
  stakeholderGroup?: string;
  region?: Region;
  /** Whether others may see the organisation, group and region (the name is always shown). */
  public?: boolean;
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
    profile: user.profile ?? {},
  });
}

/** A mailed link's row outlives its end by this long, so following it late still says "expired", not "unknown". */
const EMAIL_TOKEN_KEPT_MS = 30 * 24 * 3600 * 1000;

/** Drops expired sessions, counters no rule remembers any more and long-expired mailed links; run at start-up and hourly. */
export async function purgeExpired(deps: Pick<AccountDeps, 'db' | 'now'>): Promise<void> {
  const now = deps.now();
  await q.deleteExpiredSessions(deps.db, now);
  const longestMemory = Math.max(
    SIGN_IN_RULES.pair.forgetAfterSeconds,
    SIGN_IN_RULES.client.forgetAfterSeconds,
    ACCOUNT_SLOWDOWN.forgetAfterSeconds,
    PEOPLE_LIMITS_MEMORY_SECONDS,
  );
  await q.deleteQuietFailureCounts(deps.db, new Date(now.getTime() - longestMemory * 1000));
  await deleteOldEmailTokens(deps.db, new Date(now.getTime() - EMAIL_TOKEN_KEPT_MS));
}
