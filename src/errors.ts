/** Errors the services raise; the HTTP layer turns each into one status and a localized message. */
import type { FieldProblem } from './domain/plan.js';
import type { MessageKey } from './web/i18n.js';

/** The statuses we answer on purpose; 415 and 431 come from the framework and the HTTP parser. */
export type AppErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 431;

export class AppError extends Error {
  constructor(
    readonly status: AppErrorStatus,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

export class ValidationError extends AppError {
  /** `messages` are already localized (zod issues); `problems` carry catalog keys (domain rules). 409: a value already taken. */
  constructor(
    readonly problems: FieldProblem[],
    readonly messages: Record<string, string> = {},
    status: 400 | 409 = 400,
  ) {
    super(status, 'error.invalid');
  }
}

export class ForbiddenError extends AppError {
  constructor(key: MessageKey = 'error.forbidden', params: Record<string, string | number> = {}) {
    super(403, key, params);
  }
}

export class NotFoundError extends AppError {
  constructor(key: MessageKey = 'error.notFound') {
    super(404, key);
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super(401, 'error.signInRequired');
  }
}

/** A stale version: carries what is stored now so the client can show or merge it. */
export class ConflictError extends AppError {
  constructor(readonly current: unknown) {
    super(409, 'error.conflict');
  }
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'error.rateLimited', { seconds: retryAfterSeconds });
  }
}
