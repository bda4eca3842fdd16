/** All SQL of the amendments module: adoptions, plan versions, amendments, editorial corrections. Each takes the db or a transaction first. */
import { sql, type Selectable } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { firstRow, lockedIf, updateVersioned, writtenRow } from '../../db/row-queries.js';
import type { FieldChange } from '../../domain/history.js';
import type { Localized } from '../../domain/localized.js';
import type { AmendmentStatus, PlanSnapshot } from './amendments.model.js';
import type { AmendmentsTable, EditorialCorrectionsTable, PlanAdoptionsTable, PlanVersionsTable } from './amendments.table.js';

export interface Adoption {
  planId: number;
  authority: Localized;
  adoptedOn: string;
  documentUrl: string | null;
  documentReference: string;
  actorName: string;
  isDemo: boolean;
}

export interface PlanVersion {
  id: number;
  planId: number;
  number: number;
  snapshot: PlanSnapshot;
  resolutionId: number | null;
  madeOn: string;
}

export interface Amendment {
  id: number;
  planId: number;
  commitmentId: number;
  milestoneId: number | null;
  changes: FieldChange[];
  reason: string;
  status: AmendmentStatus;
  proposerId: number | null;
  proposerName: string;
  meetingId: number | null;
  resolutionId: number | null;
  planVersion: number | null;
  decidedAt: Date | null;
  proposedAt: Date;
  isDemo: boolean;
  version: number;
}

export interface EditorialCorrection {
  id: number;
  planId: number;
  commitmentId: number;
  milestoneId: number | null;
  changes: FieldChange[];
  note: string;
  actorName: string;
  at: Date;
}

const toAdoption = (r: Selectable<PlanAdoptionsTable>): Adoption => ({
  planId: r.plan_id,
  authority: r.authority,
  adoptedOn: r.adopted_on,
  documentUrl: r.document_url,
  documentReference: r.document_reference,
  actorName: r.actor_name,
  isDemo: r.is_demo,
});

const toVersion = (r: Selectable<PlanVersionsTable>): PlanVersion => ({
  id: r.id,
  planId: r.plan_id,
  number: r.number,
  snapshot: r.snapshot,
  resolutionId: r.resolution_id,
  madeOn: r.made_on,
});

const toAmendment = (r: Selectable<AmendmentsTable>): Amendment => ({
  id: r.id,
  planId: r.plan_id,
  commitmentId: r.commitment_id,
  milestoneId: r.milestone_id,
  changes: r.changes,
  reason: r.reason,
  status: r.status as AmendmentStatus,
  proposerId: r.proposer_id,
  proposerName: r.proposer_name,
  meetingId: r.meeting_id,
  resolutionId: r.resolution_id,
  planVersion: r.plan_version,
  decidedAt: r.decided_at,
  proposedAt: r.created_at,
  isDemo: r.is_demo,
  version: r.version,
});

const toCorrection = (r: Selectable<EditorialCorrectionsTable>): EditorialCorrection => ({
  id: r.id,
  planId: r.plan_id,
  commitmentId: r.commitment_id,
  milestoneId: r.milestone_id,
  changes: r.changes,
  note: r.note,
  actorName: r.actor_name,
  at: r.at,
});

// ---------------------------------------------------------------- adoptions

export function findAdoption(db: DbOrTx, planId: number): Promise<Adoption | undefined> {
  return firstRow(db.selectFrom('plan_adoptions').selectAll().where('plan_id', '=', planId), toAdoption);
}

export function insertAdoption(
  db: DbOrTx,
  a: Omit<Adoption, 'isDemo' | 'actorName'> & { actorId: number | null; actorName: string },
  isDemo = false,
): Promise<Adoption> {
  return writtenRow(
    db.insertInto('plan_adoptions').values({
      plan_id: a.planId,
      authority: jsonb(a.authority),
      adopted_on: a.adoptedOn,
      document_url: a.documentUrl,
      document_reference: a.documentReference,
      actor_id: a.actorId,
      actor_name: a.actorName,
      is_demo: isDemo,
    }),
    toAdoption,
  );
}

// ---------------------------------------------------------------- versions

/** A plan's versions, oldest first. */
export async function listVersions(db: DbOrTx, planId: number): Promise<PlanVersion[]> {
  return (await db.selectFrom('plan_versions').selectAll().where('plan_id', '=', planId).orderBy('number').execute()).map(toVersion);
}

export function findVersion(db: DbOrTx, planId: number, number: number): Promise<PlanVersion | undefined> {
  return firstRow(db.selectFrom('plan_versions').selectAll().where('plan_id', '=', planId).where('number', '=', number), toVersion);
}

export function latestVersion(db: DbOrTx, planId: number): Promise<PlanVersion | undefined> {
  return firstRow(db.selectFrom('plan_versions').selectAll().where('plan_id', '=', planId).orderBy('number', 'desc').limit(1), toVersion);
}

export function insertVersion(db: DbOrTx, v: Omit<PlanVersion, 'id'>): Promise<PlanVersion> {
  return writtenRow(
    db.insertInto('plan_versions').values({
      plan_id: v.planId,
      number: v.number,
      snapshot: jsonb(v.snapshot),
      resolution_id: v.resolutionId,
      made_on: v.madeOn,
    }),
    toVersion,
  );
}

export function updateVersionSnapshot(db: DbOrTx, id: number, snapshot: PlanSnapshot): Promise<PlanVersion> {
  return writtenRow(
    db
      .updateTable('plan_versions')
      .set({ snapshot: jsonb(snapshot) })
      .where('id', '=', id),
    toVersion,
  );
}

// ---------------------------------------------------------------- amendments

export type AmendmentValues = Pick<Amendment, 'planId' | 'commitmentId' | 'milestoneId' | 'changes' | 'reason' | 'proposerId' | 'proposerName'>;

export function insertAmendment(db: DbOrTx, a: AmendmentValues, isDemo = false): Promise<Amendment> {
  return writtenRow(
    db.insertInto('amendments').values({
      plan_id: a.planId,
      commitment_id: a.commitmentId,
      milestone_id: a.milestoneId,
      changes: jsonb(a.changes),
      reason: a.reason,
      proposer_id: a.proposerId,
      proposer_name: a.proposerName,
      is_demo: isDemo,
    }),
    toAmendment,
  );
}

/** The demo's proposal is dated on its story's day: plans writes with the database's clock, the seed tells a past. */
export async function dateDemoProposal(db: DbOrTx, id: number, at: Date): Promise<void> {
  await db.updateTable('amendments').set({ created_at: at }).where('id', '=', id).where('is_demo', '=', true).execute();
}

export function findAmendmentById(db: DbOrTx, id: number, forUpdate = false): Promise<Amendment | undefined> {
  return firstRow(lockedIf(db.selectFrom('amendments').selectAll().where('id', '=', id), forUpdate), toAmendment);
}

/** A plan's amendments (or one commitment's), oldest first. */
export async function listAmendments(db: DbOrTx, f: { planId: number; commitmentId?: number | undefined }): Promise<Amendment[]> {
  let q = db.selectFrom('amendments').selectAll().where('plan_id', '=', f.planId);
  if (f.commitmentId !== undefined) q = q.where('commitment_id', '=', f.commitmentId);
  return (await q.orderBy('id').execute()).map(toAmendment);
}

export function scheduleAmendmentRow(db: DbOrTx, id: number, meetingId: number): Promise<Amendment> {
  return writtenRow(updateVersioned(db, 'amendments', id, { status: 'scheduled', meeting_id: meetingId }), toAmendment);
}

export function decideAmendmentRow(
  db: DbOrTx,
  id: number,
  d: { status: 'applied' | 'rejected'; resolutionId: number; planVersion: number | null; decidedAt: Date },
): Promise<Amendment> {
  return writtenRow(
    updateVersioned(db, 'amendments', id, { status: d.status, resolution_id: d.resolutionId, plan_version: d.planVersion, decided_at: d.decidedAt }),
    toAmendment,
  );
}

/** A deleted account's name leaves what it proposed and corrected (the record stays, as a former participant's). */
export async function eraseNames(db: DbOrTx, userId: number): Promise<void> {
  await db.updateTable('amendments').set({ proposer_name: '', proposer_id: null }).where('proposer_id', '=', userId).execute();
  await db.updateTable('editorial_corrections').set({ actor_name: '', actor_id: null }).where('actor_id', '=', userId).execute();
  await db.updateTable('plan_adoptions').set({ actor_name: '', actor_id: null }).where('actor_id', '=', userId).execute();
}

// ---------------------------------------------------------------- editorial corrections

export function insertCorrection(
  db: DbOrTx,
  c: Omit<EditorialCorrection, 'id' | 'at' | 'actorName'> & { actorId: number | null; actorName: string },
): Promise<EditorialCorrection> {
  return writtenRow(
    db.insertInto('editorial_corrections').values({
      plan_id: c.planId,
      commitment_id: c.commitmentId,
      milestone_id: c.milestoneId,
      changes: jsonb(c.changes),
      note: c.note,
      actor_id: c.actorId,
      actor_name: c.actorName,
    }),
    toCorrection,
  );
}

export async function listCorrections(db: DbOrTx, f: { planId: number; commitmentId?: number | undefined }): Promise<EditorialCorrection[]> {
  let q = db.selectFrom('editorial_corrections').selectAll().where('plan_id', '=', f.planId);
  if (f.commitmentId !== undefined) q = q.where('commitment_id', '=', f.commitmentId);
  return (await q.orderBy('id').execute()).map(toCorrection);
}

/** Whether the plan has amendments waiting for a decision (a figure for the changes page). */
export async function countUndecided(db: DbOrTx, planId: number): Promise<number> {
  const row = await db
    .selectFrom('amendments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('plan_id', '=', planId)
    .where('status', 'in', ['proposed', 'scheduled'])
    .executeTakeFirstOrThrow();
  return row.n;
}
