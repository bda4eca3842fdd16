/**
 * Sign-in limits that slow guessing down without letting anyone lock an account (ADR 0018). Failures are counted
 * per (client, account) and per client; past a few free failures each further attempt from that key must wait a
 * delay that doubles with every failure, up to a cap. The account itself is never refused: when it is being
 * guessed at from everywhere, every attempt on it only takes a fixed moment longer.
 */

export interface BackoffRule {
  /** Failures allowed with no wait. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; it doubles with each failure after that. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** A key with no failure for this long starts again from zero (longer than the cap, so waiting it out is not enough). */
  forgetAfterSeconds: number;
}

export const SIGN_IN_RULES = {
  /** One person mistyping their own password: five tries, then 30 s, 1 min, 2 min … 15 min apart. */
  pair: { freeFailures: 5, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 },
  /** One client trying many accounts (spraying); generous, since an office may share one address. */
  client: { freeFailures: 20, firstDelaySeconds: 60, maxDelaySeconds: 3600, forgetAfterSeconds: 6 * 3600 },
} as const satisfies Record<string, BackoffRule>;

/** Many clients guessing at one account: each attempt on it waits this long first, and is never refused. */
export const ACCOUNT_SLOWDOWN = { afterFailures: 50, delayMs: 1000, forgetAfterSeconds: 3600 } as const;

export interface FailureCount {
  failures: number;
  lastFailureAt: Date;
}

/** The failures that still count at `now` (none once the key has been quiet for the rule's memory). */
export function currentFailures(forgetAfterSeconds: number, count: FailureCount | undefined, now: Date): number {
  if (!count) return 0;
  return now.getTime() - count.lastFailureAt.getTime() >= forgetAfterSeconds * 1000 ? 0 : count.failures;
}

/** Whole seconds this key must still wait before its next attempt; 0 when it may try now. */
export function secondsToWait(rule: BackoffRule, count: FailureCount | undefined, now: Date): number {
  const failures = currentFailures(rule.forgetAfterSeconds, count, now);
  if (!count || failures < rule.freeFailures) return 0;
  const delaySeconds = Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** (failures - rule.freeFailures));
  const remainingMs = count.lastFailureAt.getTime() + delaySeconds * 1000 - now.getTime();
  return remainingMs > 0 ? Math.ceil(remainingMs / 1000) : 0;
}

/** Whether an account has been guessed at often enough lately that every attempt on it is slowed. */
export function accountIsSlowed(count: FailureCount | undefined, now: Date): boolean {
  return currentFailures(ACCOUNT_SLOWDOWN.forgetAfterSeconds, count, now) >= ACCOUNT_SLOWDOWN.afterFailures;
}
