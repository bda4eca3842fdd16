/**
 * Accounts anyone can open (ADR 0025): sign-up with a mailed confirmation link, password reset by mail, the
 * profile, deleting one's account, and the roles the admin gives. Mail goes out only after the transaction that
 * made its link has committed.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { DbOrTx } from '../../db/connection.js';
import type { Actor } from '../../domain/authorization.js';
import type { Lang } from '../../domain/localized.js';
import { ACCOUNT_SLOWDOWN, currentFailures, secondsToWait, type BackoffRule } from '../../domain/sign-in-limits.js';
import { AppError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from '../../errors.js';
import { href } from '../../web/context.js';
import type { Mailer } from '../../web/mail.js';
import { erasePersonalDataEverywhere } from '../../web/module.js';
import { authorize, signedIn } from '../../web/service-helpers.js';
import { findPlanById } from '../plans/index.js';
import * as accounts from './accounts.queries.js';
import {
  admitSignInAttempt,
  hashPassword,
  newToken,
  PASSWORD_MIN_LENGTH,
  passwordMatches,
  signInKeys,
  tokenHash,
  type AccountDeps,
} from './accounts.service.js';
import { CONFIRM_LINK_HOURS, limitKey, PEOPLE_LIMITS, RESET_LINK_MINUTES, type PeopleLimit } from './people.limits.js';
import { composeMail, type MailKind } from './people.mail.js';
import { confirmPath, resetPath } from './people.paths.js';
import * as q from './people.queries.js';
import type { GrantInput, ProfilePatch, SignUpInput } from './people.schemas.js';

export interface PeopleDeps extends AccountDeps {
  mailer: Mailer;
}

/** Where a mailed link points: the site's origin (COCREATE_PUBLIC_URL or the request's) and the page's language. */
export interface LinkContext {
  origin: string;
  lang: Lang;
}

// ------------------------------------------------------------------ limits

/**
 * Counts one request against its client's counter, or refuses it (429 with the wait) while the client must wait.
 * One transaction holds the counter's row lock, so parallel requests cannot slip past the count.
 */
export async function admitRequest(deps: Pick<AccountDeps, 'db' | 'now'>, limit: PeopleLimit, client: string): Promise<void> {
  const wait = await countUnlessWaiting(deps, PEOPLE_LIMITS[limit], limitKey(limit, client));
  if (wait > 0) throw new RateLimitedError(wait);
}

/**
 * Counts a request against another module's limit (`rule`, under `key`) in the same counters; refused with the wait.
 * Given a transaction, the count is part of it (its row stays locked until it commits, and a write that fails
 * takes its count back with it).
 */
export async function admitKeyed(deps: { db: DbOrTx; now: () => Date }, rule: BackoffRule, key: string): Promise<void> {
  const wait = await countUnlessWaiting(deps, rule, key);
  if (wait > 0) throw new RateLimitedError(wait);
}

async function countUnlessWaiting(deps: { db: DbOrTx; now: () => Date }, rule: BackoffRule, key: string): Promise<number> {
  const now = deps.now();
  const count = async (trx: DbOrTx) => {
    const current = await accounts.lockFailureCount(trx, key, now);
    const wait = secondsToWait(rule, current, now);
    if (wait === 0) await accounts.setFailureCount(trx, key, currentFailures(rule.forgetAfterSeconds, current, now) + 1, now);
    return wait;
  };
  return deps.db.isTransaction ? count(deps.db) : deps.db.transaction().execute(count);
}

// ------------------------------------------------------------------ mail

interface PendingMail {
  kind: MailKind;
  to: string;
  name: string;
  link: string;
}

/** Sends, unless this address has had its share lately: then nothing goes out, and the asker is told nothing different. */
async function sendUnlessFlooded(deps: PeopleDeps, mail: PendingMail, lang: Lang): Promise<void> {
  if ((await countUnlessWaiting(deps, PEOPLE_LIMITS.recipient, limitKey('recipient', mail.to))) > 0) return;
  await deps.mailer.send({ to: mail.to, ...composeMail(mail.kind, lang, { name: mail.name, link: mail.link }) });
}

const linkTo = (context: LinkContext, path: string) => `${context.origin}${href(context.lang, path)}`;

/** A one-use link for `purpose`, stored only as its HMAC; the token itself goes into the mail. */
async function issueLink(deps: PeopleDeps, trx: DbOrTx, userId: number, purpose: q.EmailTokenPurpose, context: LinkContext): Promise<string> {
  const token = newToken();
  const createdAt = deps.now();
  const lifetimeMs = purpose === 'confirm' ? CONFIRM_LINK_HOURS * 3600_000 : RESET_LINK_MINUTES * 60_000;
  await q.insertEmailToken(trx, { tokenHash: tokenHash(deps, token), userId, purpose, createdAt, expiresAt: new Date(createdAt.getTime() + lifetimeMs) });
  return linkTo(context, purpose === 'confirm' ? confirmPath(token) : resetPath(token));
}

// ------------------------------------------------------------------ sign-up

async function checkProfileFields(deps: Pick<AccountDeps, 'db'>, fields: { stakeholderGroup?: string | undefined }): Promise<void> {
  if (fields.stakeholderGroup === undefined) return;
  const groups = await accounts.listStakeholderGroups(deps.db);
  if (!groups.some((g) => g.code === fields.stakeholderGroup))
    throw new ValidationError([{ field: 'stakeholderGroup', key: 'accounts.error.stakeholderGroup' }]);
}

function checkPasswordLength(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH)
    throw new ValidationError([{ field: 'password', key: 'error.passwordShort', params: { min: PASSWORD_MIN_LENGTH } }]);
}

/**
 * Opens an unconfirmed participant's account and mails the confirmation link. An address already registered gets
 * the same answer and the same work (the password is hashed all the same); its owner is told by mail that someone
 * tried, with a link to reset the password. The caller has counted the request against the client's limit.
 */
export async function signUp(deps: PeopleDeps, input: SignUpInput, context: LinkContext): Promise<void> {
  checkPasswordLength(input.password);
  await checkProfileFields(deps, input);
  const passwordHash = await hashPassword(input.password);
  const mail = await deps.db.transaction().execute(async (trx): Promise<PendingMail | undefined> => {
    const id = await q.insertSignedUpUser(trx, { ...input, passwordHash, createdAt: deps.now() });
    if (id !== undefined) return { kind: 'confirm', to: input.email, name: input.displayName, link: await issueLink(deps, trx, id, 'confirm', context) };
    const owner = await q.findProfileByEmail(trx, input.email);
    // Taken by a deleted account's placeholder address: nobody to tell.
    if (!owner) return undefined;
    return { kind: 'taken', to: owner.email, name: owner.displayName, link: await issueLink(deps, trx, owner.id, 'reset', context) };
  });
  if (mail) await sendUnlessFlooded(deps, mail, context.lang);
}

/** A new confirmation link for an address not confirmed yet; the same answer whatever the address. */
export async function resendConfirmation(deps: PeopleDeps, email: string, client: string, context: LinkContext): Promise<void> {
  await admitRequest(deps, 'resendConfirmation', client);
  const mail = await deps.db.transaction().execute(async (trx): Promise<PendingMail | undefined> => {
    const person = await q.findProfileByEmail(trx, email);
    if (!person || person.emailConfirmedAt !== null) return undefined;
    return { kind: 'confirm', to: person.email, name: person.displayName, link: await issueLink(deps, trx, person.id, 'confirm', context) };
  });
  if (mail) await sendUnlessFlooded(deps, mail, context.lang);
}

/** Why a mailed link does not work (any more). */
export type LinkProblem = 'unknown' | 'used' | 'expired';

export class LinkError extends AppError {
  constructor(readonly problem: LinkProblem) {
    super(problem === 'unknown' ? 404 : 400, `accounts.link.${problem}`);
  }
}

/** The link's user while it works; otherwise a LinkError saying why. */
async function usableLink(deps: AccountDeps, trx: DbOrTx, token: string, purpose: q.EmailTokenPurpose, lock: boolean): Promise<number> {
  const row = await q.findEmailToken(trx, tokenHash(deps, token), { lock });
  if (!row || row.purpose !== purpose) throw new LinkError('unknown');
  if (row.usedAt !== null) throw new LinkError('used');
  if (row.expiresAt.getTime() <= deps.now().getTime()) throw new LinkError('expired');
  return row.userId;
}

/** Whether a link still works, without using it (the page it opens asks for a button press or a new password). */
export async function checkLink(deps: AccountDeps, token: string, purpose: q.EmailTokenPurpose): Promise<void> {
  await usableLink(deps, deps.db, token, purpose, false);
}

/** Confirms the address the link was sent to; the link is used up. */
export async function confirmEmail(deps: AccountDeps, token: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const userId = await usableLink(deps, trx, token, 'confirm', true);
    const now = deps.now();
    await q.useEmailTokens(trx, userId, 'confirm', now);
    await q.markEmailConfirmed(trx, userId, now);
  });
}

// ------------------------------------------------------------------ password reset

/** Mails a reset link if the address has an account; the same answer either way. */
export async function requestPasswordReset(deps: PeopleDeps, email: string, client: string, context: LinkContext): Promise<void> {
  await admitRequest(deps, 'resetRequest', client);
  const mail = await deps.db.transaction().execute(async (trx): Promise<PendingMail | undefined> => {
    const person = await q.findProfileByEmail(trx, email);
    if (!person) return undefined;
    return { kind: 'reset', to: person.email, name: person.displayName, link: await issueLink(deps, trx, person.id, 'reset', context) };
  });
  if (mail) await sendUnlessFlooded(deps, mail, context.lang);
}

/**
 * Sets a new password through a reset link: the link and any other open reset link are used up, every session
 * ends (whoever held one must sign in with the new password), and the address counts as confirmed, since the
 * link reached it.
 */
export async function resetPassword(deps: AccountDeps, token: string, password: string): Promise<void> {
  checkPasswordLength(password);
  await checkLink(deps, token, 'reset');
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    const userId = await usableLink(deps, trx, token, 'reset', true);
    const now = deps.now();
    await q.setPasswordHash(trx, userId, passwordHash);
    await q.useEmailTokens(trx, userId, 'reset', now);
    await q.markEmailConfirmed(trx, userId, now);
    // Everything the old password could have opened ends: sessions, and the API tokens made in them.
    await q.deleteSessionsOf(trx, userId);
    await q.revokeTokensOf(trx, userId, now);
  });
}

// ------------------------------------------------------------------ the profile

export async function getOwnProfile(deps: Pick<AccountDeps, 'db'>, actor: Actor | null): Promise<q.Profile> {
  const profile = await q.findProfile(deps.db, signedIn(actor).id);
  if (!profile) throw new UnauthenticatedError();
  return profile;
}

/** The owner changes their profile; no one else may (there is no route for it). */
export async function updateOwnProfile(deps: Pick<AccountDeps, 'db'>, actor: Actor | null, patch: ProfilePatch): Promise<q.Profile> {
  const me = signedIn(actor);
  await checkProfileFields(deps, patch);
  await q.updateProfile(deps.db, me.id, patch);
  return getOwnProfile(deps, me);
}

// ------------------------------------------------------------------ deleting one's account

/**
 * Deletes the actor's account once they give their password (checked behind the sign-in limits, so a borrowed
 * session cannot guess it): in one transaction every module erases what it holds of the person (what they
 * contributed in public stays, as a former participant's), then the account keeps only its id. The last admin may
 * not leave the site without one.
 */
export async function deleteOwnAccount(deps: AccountDeps, actor: Actor | null, password: string, client: string): Promise<void> {
  const profile = await getOwnProfile(deps, actor);
  const keys = signInKeys(profile.email, client);
  const { slowed } = await admitSignInAttempt(deps, keys);
  if (slowed) await sleep(ACCOUNT_SLOWDOWN.delayMs);
  if (!(await passwordMatches(await q.findPasswordHash(deps.db, profile.id), password)))
    throw new ValidationError([{ field: 'password', key: 'accounts.error.wrongPassword' }]);
  await accounts.settleSuccessfulSignIn(deps.db, keys.pair, [keys.client, keys.account]);
  if (profile.role === 'admin' && (await q.countAdmins(deps.db)) <= 1) throw new ValidationError([{ field: 'password', key: 'accounts.error.lastAdmin' }]);
  await deps.db.transaction().execute(async (trx) => {
    await erasePersonalDataEverywhere(trx, profile.id);
    await q.anonymizeUser(trx, profile.id, deps.now());
    await q.deleteCountersOf(trx, profile.email, [keys.account, limitKey('recipient', profile.email)]);
  });
}

// ------------------------------------------------------------------ the roles the admin gives

/** The account the admin acts on: a live one, else 404. */
async function liveAccount(deps: Pick<AccountDeps, 'db'>, userId: number): Promise<q.Profile> {
  const profile = await q.findProfile(deps.db, userId);
  if (!profile) throw new NotFoundError();
  return profile;
}

/** The admin finds an account by its address. */
export async function findAccount(deps: Pick<AccountDeps, 'db'>, actor: Actor | null, email: string): Promise<q.Profile | undefined> {
  authorize(actor, 'user.grantRole');
  return q.findProfileByEmail(deps.db, email.trim());
}

/** The account whose roles the admin manages, by id. */
export async function accountForGrants(deps: Pick<AccountDeps, 'db'>, actor: Actor | null, userId: number): Promise<q.Profile> {
  authorize(actor, 'user.grantRole');
  return liveAccount(deps, userId);
}

export async function listGrants(deps: Pick<AccountDeps, 'db'>, actor: Actor | null, userId: number): Promise<q.GrantRecord[]> {
  authorize(actor, 'user.grantRole');
  await liveAccount(deps, userId);
  return q.listGrantRecords(deps.db, userId);
}

/** What the admin gave is marked so; seats and working groups give grants under their own names. */
export const ADMIN_GRANT_SOURCE = 'admin';

/** Gives a moderator's role for the site or one plan; giving the same twice is one grant. */
export async function grantRole(deps: Pick<AccountDeps, 'db'>, actor: Actor | null, userId: number, input: GrantInput): Promise<q.GrantRecord> {
  authorize(actor, 'user.grantRole');
  await liveAccount(deps, userId);
  const scopeId = input.scopeId ?? null;
  if (input.scope === 'site' && scopeId !== null) throw new ValidationError([{ field: 'scopeId', key: 'accounts.error.siteHasNoScope' }]);
  if (input.scope === 'plan' && (scopeId === null || !(await findPlanById(deps.db, scopeId))))
    throw new ValidationError([{ field: 'scopeId', key: 'accounts.error.unknownPlan' }]);
  const grant = { role: input.role, scope: input.scope, scopeId };
  return deps.db.transaction().execute(async (trx) => {
    await accounts.insertGrant(trx, userId, grant, ADMIN_GRANT_SOURCE);
    const stored = await q.findGrantFrom(trx, userId, grant, ADMIN_GRANT_SOURCE);
    if (!stored) throw new Error(`grant to user ${userId} vanished`);
    return stored;
  });
}

/** Takes back a grant the admin gave; one a seat or a group gave ends there (400 here), and others' ids are 404. */
export async function revokeGrant(deps: Pick<AccountDeps, 'db'>, actor: Actor | null, userId: number, grantId: number): Promise<void> {
  authorize(actor, 'user.grantRole');
  const grant = await q.findGrantRecord(deps.db, grantId);
  if (!grant || grant.userId !== userId) throw new NotFoundError();
  if (grant.source !== ADMIN_GRANT_SOURCE) throw new ValidationError([{ field: 'grantId', key: 'accounts.error.grantFromElsewhere' }]);
  await q.deleteGrantRecord(deps.db, grantId);
}
