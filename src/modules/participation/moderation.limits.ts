/**
 * Limits on posting inputs and reports, as rules of the same shape as the sign-in limits (domain/sign-in-limits.ts,
 * ADR 0018) and the sign-up limits (accounts/people.limits.ts). Generous for people: an account posts ten inputs
 * (reports: twenty) freely, then waits a delay that doubles with each more; a client address sixty, since a workshop
 * or an office posts from one address. Pure.
 */
import type { BackoffRule } from '../../domain/sign-in-limits.js';

export const MODERATION_LIMITS = {
  /** Inputs from one account: ten in an hour, then 30 s, 1 min, 2 min … at most 15 min apart. */
  inputAccount: { freeFailures: 10, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 3600 },
  /** Inputs from one client address (a workshop shares one): sixty, then 30 s, doubling, at most 15 min apart. */
  inputClient: { freeFailures: 60, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 3600 },
  /** Reports from one account: twenty in an hour, then 60 s, doubling, at most an hour apart. */
  reportAccount: { freeFailures: 20, firstDelaySeconds: 60, maxDelaySeconds: 3600, forgetAfterSeconds: 3600 },
  /** Reports from one client address: sixty, then 60 s, doubling, at most an hour apart. */
  reportClient: { freeFailures: 60, firstDelaySeconds: 60, maxDelaySeconds: 3600, forgetAfterSeconds: 3600 },
} as const satisfies Record<string, BackoffRule>;

export type ModerationLimit = keyof typeof MODERATION_LIMITS;

/** A client address's counter key: the kind, then the address (a key never holds a space). */
export const clientLimitKey = (limit: ModerationLimit, client: string) => `participation.${limit}:${client.replace(/\s/g, '')}`;

/** The longest texts: a report's note, a hiding's public reason, an appeal, a suspension's reason. */
export const MAX_REPORT_NOTE = 1000;
export const MAX_HIDDEN_REASON = 500;
export const MAX_APPEAL = 2000;
export const MAX_SUSPENSION_REASON = 500;
export const MAX_SUSPENSION_DAYS = 365;
/** The moderation log's page size. */
export const LOG_PAGE_SIZE = 50;
