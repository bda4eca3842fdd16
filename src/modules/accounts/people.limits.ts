/**
 * Limits on the requests that open accounts or send mail (ADR 0025), as rules of the same shape as the sign-in
 * limits (domain/sign-in-limits.ts, ADR 0018) and counted in the same keyed counters. Pure.
 *
 * Each client address may make a few requests freely, then waits a growing delay: a bot filling in forms is
 * slowed to a trickle, and an office or a workshop that shares one address is not shut out. Nothing is counted
 * per e-mail address where a refusal could show whether it is registered or keep its owner from it: mail to one
 * address is only held back quietly once it has had several messages in a short time.
 */
import type { BackoffRule } from '../../domain/sign-in-limits.js';

export const PEOPLE_LIMITS = {
  /** Sign-ups from one client: ten, then 60 s, doubling, at most an hour apart. */
  signUp: { freeFailures: 10, firstDelaySeconds: 60, maxDelaySeconds: 3600, forgetAfterSeconds: 6 * 3600 },
  /** Password-reset requests from one client: five, then 60 s, doubling, at most an hour apart. */
  resetRequest: { freeFailures: 5, firstDelaySeconds: 60, maxDelaySeconds: 3600, forgetAfterSeconds: 6 * 3600 },
  /** A new confirmation link asked for from one client: as the reset requests. */
  resendConfirmation: { freeFailures: 5, firstDelaySeconds: 60, maxDelaySeconds: 3600, forgetAfterSeconds: 6 * 3600 },
  /**
   * Mail to one address, whoever asks: three messages, then at most one every 15 minutes, doubling up to a day. Past
   * it the message is not sent and the asker is told nothing different, so nobody can fill a stranger's mailbox.
   */
  recipient: { freeFailures: 3, firstDelaySeconds: 15 * 60, maxDelaySeconds: 24 * 3600, forgetAfterSeconds: 24 * 3600 },
} as const satisfies Record<string, BackoffRule>;

export type PeopleLimit = keyof typeof PEOPLE_LIMITS;

/** The counter's key: the kind, then the client's address or the recipient (a key never holds a space). */
export const limitKey = (limit: PeopleLimit, who: string) => `${limit}:${who.replace(/\s/g, '')}`;

/** How long the longest of these rules remembers a quiet counter (housekeeping drops older ones). */
export const PEOPLE_LIMITS_MEMORY_SECONDS = Math.max(...Object.values(PEOPLE_LIMITS).map((rule) => rule.forgetAfterSeconds));

/** How long a mailed link works: a confirmation link two days (mail may wait over a weekend), a reset link an hour. */
export const CONFIRM_LINK_HOURS = 48;
export const RESET_LINK_MINUTES = 60;
