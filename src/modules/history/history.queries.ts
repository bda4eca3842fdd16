/**
 * The change log of plan content: written in the caller's transaction, read per commitment or per plan (some entity
 * types) through the visibility policies (web/visibility.ts), so a draft's drafting steps reach only those who may
 * see the draft.
 */
import type { Selectable } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import type { HistoryTable } from './history.table.js';
import type { Actor } from '../../domain/authorization.js';
import { accountIdOf } from '../../domain/system-actor.js';
import { diffFields, type EntityType, type FieldChange, type HistoryAction, type HistoryEntry } from '../../domain/history.js';
import { visibleHistory } from '../../web/visibility.js';

export type { EntityType, HistoryAction, HistoryEntry };

export interface HistoryRecord {
  entityType: EntityType;
  entityId: number;
  planId: number | null;
  commitmentId: number | null;
  action: HistoryAction;
  actor: Actor | null;
  before: object | null;
  after: object | null;
}

/** Records who changed which fields from what to what. An update that changes nothing records nothing. */
export async function recordHistory(db: DbOrTx, r: HistoryRecord): Promise<FieldChange[]> {
  const changes = diffFields(r.before as Record<string, unknown> | null, r.after as Record<string, unknown> | null);
  if (r.action === 'update' && changes.length === 0) return changes;
  await db
    .insertInto('history')
    .values({
      entity_type: r.entityType,
      entity_id: r.entityId,
      plan_id: r.planId,
      commitment_id: r.commitmentId,
      action: r.action,
      actor_id: accountIdOf(r.actor),
      actor_name: r.actor?.displayName ?? 'system',
      changes: jsonb(changes),
    })
    .execute();
  return changes;
}

/** The entry of a row an open-data import wrote: created when nothing was stored, else updated (ADR 0030). */
export async function recordImportedRow(
  db: DbOrTx,
  r: Omit<HistoryRecord, 'action' | 'before' | 'after'> & { before: object | undefined; after: object },
): Promise<FieldChange[]> {
  return recordHistory(db, { ...r, action: r.before ? 'update' : 'create', before: r.before ?? null });
}

/** The entries of the rows an import wrote, each with the plan and commitment `subject` finds in it. */
export async function recordImportedRows<R extends Record<string, unknown>>(
  db: DbOrTx,
  entityType: EntityType,
  changes: readonly { row: R; before: object | undefined }[],
  actor: Actor,
  subject: (row: R) => { planId: number | null; commitmentId: number | null },
): Promise<void> {
  for (const { row, before } of changes) await recordImportedRow(db, { entityType, entityId: row.id as number, ...subject(row), actor, before, after: row });
}

/** Records a change, then answers what it left (`after`): a write use case ends on `return recorded(…)`. */
export async function recorded<T extends object>(db: DbOrTx, r: HistoryRecord & { after: T }): Promise<T> {
  await recordHistory(db, r);
  return r.after;
}

/**
 * A deleted account's name leaves the history: what changed and when stay, and readers show "former participant"
 * where the name was (an empty actor_name, which no account's display name can be).
 */
export async function eraseActorName(db: DbOrTx, userId: number): Promise<void> {
  await db.updateTable('history').set({ actor_name: '' }).where('actor_id', '=', userId).execute();
}

const toEntry = (r: Omit<Selectable<HistoryTable>, 'summary'>): HistoryEntry => ({
  id: r.id,
  entityType: r.entity_type as EntityType,
  entityId: r.entity_id,
  planId: r.plan_id,
  commitmentId: r.commitment_id,
  action: r.action as HistoryAction,
  actorId: r.actor_id,
  actorName: r.actor_name,
  changes: r.changes,
  at: r.at,
});

const columns = ['id', 'entity_type', 'entity_id', 'plan_id', 'commitment_id', 'action', 'actor_id', 'actor_name', 'changes', 'at'] as const;

/**
 * A commitment's own changes and those of its milestones and reports, newest first, as this viewer may read them
 * (every reader goes through the entities' visibility policies).
 */
export async function readCommitmentHistory(db: DbOrTx, viewer: Actor | null, commitmentId: number): Promise<HistoryEntry[]> {
  const rows = await db.selectFrom('history').select(columns).where('commitment_id', '=', commitmentId).orderBy('id', 'desc').execute();
  return visibleHistory(db, viewer, rows.map(toEntry));
}

/** One history entry as this viewer may read it (an input's response links the change it caused); undefined if hidden from them. */
export async function readHistoryEntry(db: DbOrTx, viewer: Actor | null, id: number): Promise<HistoryEntry | undefined> {
  return (await readHistoryEntries(db, viewer, [id])).get(id);
}

/** These history entries, by id, as this viewer may read them (the others are left out). */
export async function readHistoryEntries(db: DbOrTx, viewer: Actor | null, ids: readonly number[]): Promise<Map<number, HistoryEntry>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('history')
    .select(columns)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map((await visibleHistory(db, viewer, rows.map(toEntry))).map((e) => [e.id, e]));
}

/** How many rows a plan's history reads at most (readPlanHistory): its pages say so. */
export const PLAN_HISTORY_LIMIT = 500;

/**
 * A plan's changes to these entity types, newest first, as this viewer may read them: the newest `limit` rows
 * recorded, then the visibility policies (so a viewer may see fewer). Rows filed under a commitment are included
 * (a commitment's working group is filed under it), as are those filed under none.
 */
export async function readPlanHistory(
  db: DbOrTx,
  viewer: Actor | null,
  planId: number,
  entityTypes: readonly EntityType[],
  limit = PLAN_HISTORY_LIMIT,
): Promise<HistoryEntry[]> {
  if (entityTypes.length === 0) return [];
  const rows = await db
    .selectFrom('history')
    .select(columns)
    .where('plan_id', '=', planId)
    .where('entity_type', 'in', [...entityTypes])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return visibleHistory(db, viewer, rows.map(toEntry));
}
