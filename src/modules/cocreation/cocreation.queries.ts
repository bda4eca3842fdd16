/** All SQL of the co-creation module: a plan's phases. Each function takes the db or a transaction first. */
import type { Selectable } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { firstRow, lockedIf, updateVersioned, writtenRow } from '../../db/row-queries.js';
import type { Phase, PhaseKind } from '../../domain/cocreation.js';
import type { CocreationPhasesTable } from './cocreation.table.js';

export const toPhase = (r: Selectable<CocreationPhasesTable>): Phase => ({
  id: r.id,
  planId: r.plan_id,
  kind: r.kind as PhaseKind,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  publishedOn: r.published_on,
  description: r.description,
  isDemo: r.is_demo,
  version: r.version,
});

export type PhaseValues = Omit<Phase, 'id' | 'version' | 'isDemo'>;

const phaseColumns = (p: PhaseValues) => ({
  plan_id: p.planId,
  kind: p.kind,
  starts_on: p.startsOn,
  ends_on: p.endsOn,
  published_on: p.publishedOn,
  description: jsonb(p.description),
});

/** A plan's phases in timeline order (by first day; the domain's comparePhases settles ties). */
export async function listPhases(db: DbOrTx, planId: number): Promise<Phase[]> {
  const rows = await db.selectFrom('cocreation_phases').selectAll().where('plan_id', '=', planId).orderBy('starts_on').orderBy('id').execute();
  return rows.map(toPhase);
}

export function findPhaseById(db: DbOrTx, id: number, forUpdate = false): Promise<Phase | undefined> {
  return firstRow(lockedIf(db.selectFrom('cocreation_phases').selectAll().where('id', '=', id), forUpdate), toPhase);
}

export function insertPhase(db: DbOrTx, p: PhaseValues, isDemo = false): Promise<Phase> {
  return writtenRow(db.insertInto('cocreation_phases').values({ ...phaseColumns(p), is_demo: isDemo }), toPhase);
}

export function updatePhaseRow(db: DbOrTx, id: number, p: PhaseValues): Promise<Phase> {
  return writtenRow(updateVersioned(db, 'cocreation_phases', id, phaseColumns(p)), toPhase);
}

export async function deletePhaseRow(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('cocreation_phases').where('id', '=', id).execute();
}
