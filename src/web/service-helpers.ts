/** Steps every write use case takes: authorize, find the row at its version, validate, merge a patch onto stored values, file the change in history. */
import type { Transaction } from 'kysely';
import type { Db } from '../db/connection.js';
import type { DB } from '../db/schema.js';
import { can, type Action, type Actor, type ResourceOwnership } from '../domain/authorization.js';
import { mergeLocalized, type Localized, type LocalizedPatch } from '../domain/localized.js';
import type { EntityType } from '../domain/history.js';
import type { FieldProblem } from '../domain/plan.js';
import { accountIdOf } from '../domain/system-actor.js';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors.js';

export type Patch<T> = Partial<T> & { version: number };

/** The actor of a write that needs someone signed in (401 otherwise), for checks that must first read the resource. */
export function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

/** The account a write is filed under; a writer that is no account (the demo seed's system actors) may not (403). */
export function accountOf(actor: Actor): number {
  const id = accountIdOf(actor);
  if (id === null) throw new ForbiddenError();
  return id;
}

export function authorize(actor: Actor | null, action: Action, ownership: ResourceOwnership = {}): void {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, action, ownership)) throw new ForbiddenError();
}

/** The frame of a write use case: refused before anything is read unless the actor may take the action, then one transaction. */
export function authorizedWrite<T>(db: Db, actor: Actor | null, action: Action, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  authorize(actor, action);
  return db.transaction().execute(work);
}

export function assertValid(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new ValidationError(problems);
}

export function requireText(field: string, value: Localized, problems: FieldProblem[]): void {
  if (value.zh === '' && value.en === '') problems.push({ field, key: 'error.required' });
}

export function assertVersion<T extends { version: number }>(current: T, expected: number): void {
  if (current.version !== expected) throw new ConflictError(current);
}

/** The row a write works on; a missing one is "not found". */
export function found<T>(row: T | undefined): T {
  if (!row) throw new NotFoundError();
  return row;
}

/** The row a write works on, as it must be: there (else "not found") and at the version the client last saw. */
export function foundAtVersion<T extends { version: number }>(row: T | undefined, expected: number): T {
  const current = found(row);
  assertVersion(current, expected);
  return current;
}

/** What history files a change under: the entity, and the plan and commitment it belongs to (null for none). */
export interface HistorySubject {
  entityType: EntityType;
  entityId: number;
  planId: number | null;
  commitmentId: number | null;
}

/** Localized fields of an input merged onto the stored values; other fields replace them when given. */
export function mergeInput<T extends object>(current: T, input: object, localizedKeys: readonly (keyof T & string)[]): T {
  const merged: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || key === 'version') continue;
    merged[key] = (localizedKeys as readonly string[]).includes(key) ? mergeLocalized(current[key as keyof T] as Localized, value as LocalizedPatch) : value;
  }
  return merged as T;
}
