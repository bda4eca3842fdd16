/** All SQL for plans, areas, commitments, milestones, agencies and members. Each function takes the db or a transaction first. */
import { sql } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { byIds, firstRow, lockedIf, updateVersioned, writtenRow } from '../../db/row-queries.js';
import type { AgencyRow, AreaRow, CommitmentRow, MilestoneRow, PlanRow } from './plans.table.js';
import type { Localized } from '../../domain/localized.js';
import type { ActionPlan, Agency, Area, Commitment, CommitmentStatus, Member, MemberKind, Milestone, OgpValue, Origin, PlanStatus } from '../../domain/plan.js';

// ---- row mapping: the one place where columns become domain objects ----

export const toPlan = (r: PlanRow): ActionPlan => ({
  id: r.id,
  slug: r.slug,
  memberId: r.member_id,
  title: r.title,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  status: r.status as PlanStatus,
  introduction: r.introduction,
  effortsToDate: r.efforts_to_date,
  developmentProcess: r.development_process,
  commitmentsIntro: r.commitments_intro,
  isDemo: r.is_demo,
  version: r.version,
});

export const toArea = (r: AreaRow): Area => ({
  id: r.id,
  planId: r.plan_id,
  position: r.position,
  title: r.title,
  description: r.description,
  version: r.version,
});

export const toAgency = (r: AgencyRow): Agency => ({
  id: r.id,
  code: r.code,
  name: r.name,
  successorId: r.successor_id,
  version: r.version,
});

export const toCommitment = (r: CommitmentRow, coAgencyIds: number[]): Commitment => ({
  id: r.id,
  planId: r.plan_id,
  areaId: r.area_id,
  number: r.number,
  ogpId: r.ogp_id,
  title: r.title,
  startDate: r.start_date,
  endDate: r.end_date,
  leadAgencyId: r.lead_agency_id,
  coAgencyIds,
  contact: r.contact,
  otherActors: r.other_actors,
  problem: r.problem,
  objective: r.objective,
  briefDescription: r.brief_description,
  description: r.description,
  contribution: r.contribution,
  ogpValues: r.ogp_values,
  sdgTargets: r.sdg_targets,
  budgetAmount: r.budget_amount,
  budgetCurrency: r.budget_currency,
  budgetNote: r.budget_note,
  links: r.links,
  origin: r.origin as Origin,
  status: r.status as CommitmentStatus,
  isDemo: r.is_demo,
  version: r.version,
});

export const toMilestone = (r: MilestoneRow): Milestone => ({
  id: r.id,
  commitmentId: r.commitment_id,
  position: r.position,
  deliverable: r.deliverable,
  indicator: r.indicator,
  target: r.target,
  startDate: r.start_date,
  endDate: r.end_date,
  weight: r.weight,
  version: r.version,
});

// ---- members ----

export async function listMembers(db: DbOrTx): Promise<Member[]> {
  const rows = await db.selectFrom('members').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, code: r.code, kind: r.kind as MemberKind, name: r.name }));
}

export async function insertMember(db: DbOrTx, m: { code: string; kind: MemberKind; name: Localized }): Promise<number> {
  const row = await db
    .insertInto('members')
    .values({ code: m.code, kind: m.kind, name: jsonb(m.name) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// ---- agencies ----

export async function listAgencies(db: DbOrTx): Promise<Agency[]> {
  const rows = await db.selectFrom('agencies').selectAll().orderBy('code').execute();
  return rows.map(toAgency);
}

export function findAgencyById(db: DbOrTx, id: number, forUpdate = false): Promise<Agency | undefined> {
  return firstRow(lockedIf(db.selectFrom('agencies').selectAll().where('id', '=', id), forUpdate), toAgency);
}

export function findAgencyByCode(db: DbOrTx, code: string): Promise<Agency | undefined> {
  return firstRow(db.selectFrom('agencies').selectAll().where('code', '=', code), toAgency);
}

export function lockAgency(db: DbOrTx, id: number): Promise<Agency | undefined> {
  return findAgencyById(db, id, true);
}

export function insertAgency(db: DbOrTx, a: { code: string; name: Localized; successorId: number | null; isDemo?: boolean }): Promise<Agency> {
  return writtenRow(db.insertInto('agencies').values({ code: a.code, name: jsonb(a.name), successor_id: a.successorId, is_demo: a.isDemo ?? false }), toAgency);
}

export function updateAgencyRow(db: DbOrTx, id: number, a: { code: string; name: Localized; successorId: number | null }): Promise<Agency> {
  return writtenRow(updateVersioned(db, 'agencies', id, { code: a.code, name: jsonb(a.name), successor_id: a.successorId }), toAgency);
}

// ---- plans ----

export async function listPlans(db: DbOrTx): Promise<ActionPlan[]> {
  const rows = await db.selectFrom('action_plans').selectAll().orderBy('period_start', 'desc').orderBy('id').execute();
  return rows.map(toPlan);
}

export function findPlanById(db: DbOrTx, id: number, forUpdate = false): Promise<ActionPlan | undefined> {
  return firstRow(lockedIf(db.selectFrom('action_plans').selectAll().where('id', '=', id), forUpdate), toPlan);
}

/** Plans by id in one query, for pages that link items of several plans. */
export function findPlansByIds(db: DbOrTx, ids: readonly number[]): Promise<Map<number, ActionPlan>> {
  return byIds(ids, (unique) => db.selectFrom('action_plans').selectAll().where('id', 'in', unique).execute(), toPlan);
}

export function findPlanBySlug(db: DbOrTx, slug: string): Promise<ActionPlan | undefined> {
  return firstRow(db.selectFrom('action_plans').selectAll().where('slug', '=', slug), toPlan);
}

export function lockPlan(db: DbOrTx, id: number): Promise<ActionPlan | undefined> {
  return findPlanById(db, id, true);
}

export type PlanValues = Omit<ActionPlan, 'id' | 'version' | 'isDemo'>;

const planColumns = (p: PlanValues) => ({
  slug: p.slug,
  member_id: p.memberId,
  title: jsonb(p.title),
  period_start: p.periodStart,
  period_end: p.periodEnd,
  status: p.status,
  introduction: jsonb(p.introduction),
  efforts_to_date: jsonb(p.effortsToDate),
  development_process: jsonb(p.developmentProcess),
  commitments_intro: jsonb(p.commitmentsIntro),
});

export function insertPlan(db: DbOrTx, p: PlanValues, isDemo = false): Promise<ActionPlan> {
  return writtenRow(db.insertInto('action_plans').values({ ...planColumns(p), is_demo: isDemo }), toPlan);
}

export function updatePlanRow(db: DbOrTx, id: number, p: PlanValues): Promise<ActionPlan> {
  return writtenRow(updateVersioned(db, 'action_plans', id, planColumns(p)), toPlan);
}

// ---- areas ----

export async function listAreas(db: DbOrTx, planId: number): Promise<Area[]> {
  const rows = await db.selectFrom('areas').selectAll().where('plan_id', '=', planId).orderBy('position').orderBy('id').execute();
  return rows.map(toArea);
}

export function findAreaById(db: DbOrTx, id: number, forUpdate = false): Promise<Area | undefined> {
  return firstRow(lockedIf(db.selectFrom('areas').selectAll().where('id', '=', id), forUpdate), toArea);
}

export function lockArea(db: DbOrTx, id: number): Promise<Area | undefined> {
  return findAreaById(db, id, true);
}

export type AreaValues = Pick<Area, 'planId' | 'position' | 'title' | 'description'>;

export function insertArea(db: DbOrTx, a: AreaValues): Promise<Area> {
  return writtenRow(
    db.insertInto('areas').values({ plan_id: a.planId, position: a.position, title: jsonb(a.title), description: jsonb(a.description) }),
    toArea,
  );
}

export function updateAreaRow(db: DbOrTx, id: number, a: AreaValues): Promise<Area> {
  return writtenRow(updateVersioned(db, 'areas', id, { position: a.position, title: jsonb(a.title), description: jsonb(a.description) }), toArea);
}

export async function deleteAreaRow(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('areas').where('id', '=', id).execute();
}

export async function countCommitmentsInArea(db: DbOrTx, areaId: number): Promise<number> {
  const row = await db
    .selectFrom('commitments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('area_id', '=', areaId)
    .executeTakeFirstOrThrow();
  return row.n;
}

// ---- commitments ----

export interface CommitmentFilter {
  planId?: number;
  areaId?: number;
  agencyId?: number; // lead or co-agency
  ogpValue?: OgpValue;
  status?: CommitmentStatus;
}

async function coAgenciesOf(db: DbOrTx, commitmentIds: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (commitmentIds.length === 0) return map;
  const rows = await db
    .selectFrom('commitment_co_agencies')
    .select(['commitment_id', 'agency_id'])
    .where('commitment_id', 'in', commitmentIds)
    .orderBy('commitment_id')
    .orderBy('position')
    .execute();
  for (const r of rows) map.set(r.commitment_id, [...(map.get(r.commitment_id) ?? []), r.agency_id]);
  return map;
}

function filteredCommitments(db: DbOrTx, f: CommitmentFilter) {
  let q = db.selectFrom('commitments');
  if (f.planId !== undefined) q = q.where('plan_id', '=', f.planId);
  if (f.areaId !== undefined) q = q.where('area_id', '=', f.areaId);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.ogpValue !== undefined) q = q.where(sql<boolean>`ogp_values @> ${jsonb([f.ogpValue])}::jsonb`);
  if (f.agencyId !== undefined) {
    const agencyId = f.agencyId;
    q = q.where((eb) =>
      eb.or([
        eb('lead_agency_id', '=', agencyId),
        eb.exists(
          eb
            .selectFrom('commitment_co_agencies as ca')
            .select('ca.agency_id')
            .whereRef('ca.commitment_id', '=', 'commitments.id')
            .where('ca.agency_id', '=', agencyId),
        ),
      ]),
    );
  }
  return q;
}

/** Natural order of numbers like 1-2 < 1-10 < 2-1. */
const byNumber = sql`string_to_array(number, '-')::int[]`;

export async function listCommitments(
  db: DbOrTx,
  f: CommitmentFilter,
  page: { limit: number; offset: number } = { limit: 1000, offset: 0 },
): Promise<{ items: Commitment[]; total: number }> {
  const [rows, count] = await Promise.all([
    filteredCommitments(db, f).selectAll().orderBy('plan_id').orderBy(byNumber).orderBy('id').limit(page.limit).offset(page.offset).execute(),
    filteredCommitments(db, f)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const co = await coAgenciesOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toCommitment(r, co.get(r.id) ?? [])), total: count.n };
}

/** Where a cursor walk of a plan's commitments stands: the number and id of the last one sent. */
export type CommitmentCursorKey = readonly [number: string, id: number];

/**
 * A plan's commitments in number order, walked by key (web/cursor.ts): the page after `after`, and the key of its last
 * row when more follow.
 */
export async function walkCommitments(
  db: DbOrTx,
  f: CommitmentFilter & { planId: number },
  page: { limit: number; after: CommitmentCursorKey | null },
): Promise<{ items: Commitment[]; total: number; next: CommitmentCursorKey | null }> {
  let rowsQuery = filteredCommitments(db, f).selectAll();
  if (page.after) {
    const [number, id] = page.after;
    rowsQuery = rowsQuery.where(sql<boolean>`(plan_id, ${byNumber}, id) > (${f.planId}, string_to_array(${number}, '-')::int[], ${id})`);
  }
  const [rows, count] = await Promise.all([
    rowsQuery
      .orderBy('plan_id')
      .orderBy(byNumber)
      .orderBy('id')
      .limit(page.limit + 1)
      .execute(),
    filteredCommitments(db, f)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  const co = await coAgenciesOf(
    db,
    shown.map((r) => r.id),
  );
  return {
    items: shown.map((r) => toCommitment(r, co.get(r.id) ?? [])),
    total: count.n,
    next: rows.length > page.limit && last ? [last.number, last.id] : null,
  };
}

export interface PlanCommitmentSummary {
  total: number;
  leadAgencyIds: number[];
}

/** How many commitments each plan has and which agencies lead them, without loading their texts: one query for all. */
export async function summarizePlanCommitments(db: DbOrTx, planIds: readonly number[]): Promise<Map<number, PlanCommitmentSummary>> {
  const summaries = new Map(planIds.map((id): [number, PlanCommitmentSummary] => [id, { total: 0, leadAgencyIds: [] }]));
  if (planIds.length === 0) return summaries;
  const rows = await db
    .selectFrom('commitments')
    .select(['plan_id', 'lead_agency_id', sql<number>`count(*)::int`.as('n')])
    .where('plan_id', 'in', planIds)
    .groupBy(['plan_id', 'lead_agency_id'])
    .execute();
  for (const row of rows) {
    const summary = summaries.get(row.plan_id);
    if (!summary) continue;
    summary.total += row.n;
    summary.leadAgencyIds.push(row.lead_agency_id);
  }
  return summaries;
}

export type CommitmentSummary = Pick<
  Commitment,
  'id' | 'planId' | 'areaId' | 'number' | 'title' | 'leadAgencyId' | 'coAgencyIds' | 'ogpValues' | 'status' | 'endDate'
>;

/** What lists show, without the long texts: the plan and agency pages stay fast. */
export async function listCommitmentSummaries(db: DbOrTx, f: CommitmentFilter): Promise<CommitmentSummary[]> {
  const rows = await filteredCommitments(db, f)
    .select(['id', 'plan_id', 'area_id', 'number', 'title', 'lead_agency_id', 'ogp_values', 'status', 'end_date'])
    .orderBy('plan_id')
    .orderBy(byNumber)
    .orderBy('id')
    .execute();
  const co = await coAgenciesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    areaId: r.area_id,
    number: r.number,
    title: r.title,
    leadAgencyId: r.lead_agency_id,
    coAgencyIds: co.get(r.id) ?? [],
    ogpValues: r.ogp_values,
    status: r.status as CommitmentStatus,
    endDate: r.end_date,
  }));
}

export async function findCommitmentById(db: DbOrTx, id: number, forUpdate = false): Promise<Commitment | undefined> {
  const row = await lockedIf(db.selectFrom('commitments').selectAll().where('id', '=', id), forUpdate).executeTakeFirst();
  if (!row) return undefined;
  const co = await coAgenciesOf(db, [row.id]);
  return toCommitment(row, co.get(row.id) ?? []);
}

export async function findCommitmentByNumber(db: DbOrTx, planId: number, number: string): Promise<Commitment | undefined> {
  const row = await db.selectFrom('commitments').selectAll().where('plan_id', '=', planId).where('number', '=', number).executeTakeFirst();
  if (!row) return undefined;
  const co = await coAgenciesOf(db, [row.id]);
  return toCommitment(row, co.get(row.id) ?? []);
}

export type CommitmentValues = Omit<Commitment, 'id' | 'version' | 'isDemo'>;

const commitmentColumns = (c: CommitmentValues) => ({
  plan_id: c.planId,
  area_id: c.areaId,
  number: c.number,
  ogp_id: c.ogpId,
  title: jsonb(c.title),
  start_date: c.startDate,
  end_date: c.endDate,
  lead_agency_id: c.leadAgencyId,
  contact: jsonb(c.contact),
  other_actors: jsonb(c.otherActors),
  problem: jsonb(c.problem),
  objective: jsonb(c.objective),
  brief_description: jsonb(c.briefDescription),
  description: jsonb(c.description),
  contribution: jsonb(c.contribution),
  ogp_values: jsonb(c.ogpValues),
  sdg_targets: jsonb(c.sdgTargets),
  budget_amount: c.budgetAmount,
  budget_currency: c.budgetCurrency,
  budget_note: jsonb(c.budgetNote),
  links: jsonb(c.links),
  origin: c.origin,
  status: c.status,
});

async function replaceCoAgencies(db: DbOrTx, commitmentId: number, agencyIds: number[]): Promise<void> {
  await db.deleteFrom('commitment_co_agencies').where('commitment_id', '=', commitmentId).execute();
  if (agencyIds.length > 0)
    await db
      .insertInto('commitment_co_agencies')
      .values(agencyIds.map((agencyId, position) => ({ commitment_id: commitmentId, agency_id: agencyId, position })))
      .execute();
}

export async function insertCommitment(db: DbOrTx, c: CommitmentValues, isDemo = false): Promise<Commitment> {
  const row = await db
    .insertInto('commitments')
    .values({ ...commitmentColumns(c), is_demo: isDemo })
    .returningAll()
    .executeTakeFirstOrThrow();
  await replaceCoAgencies(db, row.id, c.coAgencyIds);
  return toCommitment(row, c.coAgencyIds);
}

export async function updateCommitmentRow(db: DbOrTx, id: number, c: CommitmentValues): Promise<Commitment> {
  const row = await updateVersioned(db, 'commitments', id, commitmentColumns(c)).returningAll().executeTakeFirstOrThrow();
  await replaceCoAgencies(db, id, c.coAgencyIds);
  return toCommitment(row, c.coAgencyIds);
}

export async function deleteCommitmentRow(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('commitments').where('id', '=', id).execute();
}

// ---- milestones ----

export async function listMilestones(db: DbOrTx, commitmentId: number): Promise<Milestone[]> {
  const rows = await db.selectFrom('milestones').selectAll().where('commitment_id', '=', commitmentId).orderBy('position').orderBy('id').execute();
  return rows.map(toMilestone);
}

/** Every milestone of a plan's commitments in one query, by commitment id. */
export async function listMilestonesOfPlan(db: DbOrTx, planId: number): Promise<Map<number, Milestone[]>> {
  const rows = await db
    .selectFrom('milestones as m')
    .innerJoin('commitments as c', 'c.id', 'm.commitment_id')
    .selectAll('m')
    .where('c.plan_id', '=', planId)
    .orderBy('m.commitment_id')
    .orderBy('m.position')
    .orderBy('m.id')
    .execute();
  const byCommitment = new Map<number, Milestone[]>();
  for (const r of rows) byCommitment.set(r.commitment_id, [...(byCommitment.get(r.commitment_id) ?? []), toMilestone(r)]);
  return byCommitment;
}

export function findMilestoneById(db: DbOrTx, id: number, forUpdate = false): Promise<Milestone | undefined> {
  return firstRow(lockedIf(db.selectFrom('milestones').selectAll().where('id', '=', id), forUpdate), toMilestone);
}

export type MilestoneValues = Omit<Milestone, 'id' | 'version'>;

const milestoneColumns = (m: MilestoneValues) => ({
  commitment_id: m.commitmentId,
  position: m.position,
  deliverable: jsonb(m.deliverable),
  indicator: jsonb(m.indicator),
  target: jsonb(m.target),
  start_date: m.startDate,
  end_date: m.endDate,
  weight: m.weight,
});

export function insertMilestone(db: DbOrTx, m: MilestoneValues): Promise<Milestone> {
  return writtenRow(db.insertInto('milestones').values(milestoneColumns(m)), toMilestone);
}

export function updateMilestoneRow(db: DbOrTx, id: number, m: MilestoneValues): Promise<Milestone> {
  return writtenRow(updateVersioned(db, 'milestones', id, milestoneColumns(m)), toMilestone);
}

/** How other modules name commitments they list: number, title and plan, by commitment id. */
export interface CommitmentLabel {
  id: number;
  number: string;
  title: Localized;
  planId: number;
  planSlug: string;
  planTitle: Localized;
}

export function commitmentLabels(db: DbOrTx, ids: readonly number[]): Promise<Map<number, CommitmentLabel>> {
  return byIds(
    ids,
    (unique) =>
      db
        .selectFrom('commitments as c')
        .innerJoin('action_plans as p', 'p.id', 'c.plan_id')
        .select(['c.id', 'c.number', 'c.title', 'c.plan_id', 'p.slug', 'p.title as plan_title'])
        .where('c.id', 'in', unique)
        .execute(),
    (r) => ({ id: r.id, number: r.number, title: r.title, planId: r.plan_id, planSlug: r.slug, planTitle: r.plan_title }),
  );
}

/** Agencies' names by id. */
export function agencyNames(db: DbOrTx, ids: readonly number[]): Promise<Map<number, Localized>> {
  return byIds(
    ids,
    (unique) => db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', unique).execute(),
    (r) => r.name,
  );
}

/** Natural order of commitment numbers like 1-2 < 1-10 < 2-1. */
export function compareCommitmentNumbers(a: string, b: string): number {
  const x = a.split('-').map(Number);
  const y = b.split('-').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Where each milestone sits in its commitment and what it weighs, for modules that order or weigh entries on them. */
export function milestoneOrder(db: DbOrTx, ids: readonly number[]): Promise<Map<number, { position: number; weight: number | null }>> {
  return byIds(
    ids,
    (unique) => db.selectFrom('milestones').select(['id', 'position', 'weight']).where('id', 'in', unique).execute(),
    (r) => ({ position: r.position, weight: r.weight }),
  );
}

/**
 * Deletes a milestone unless a record of another module still refers to it (a report's entry on it: the foreign key
 * has no cascade), in which case nothing changes and it answers false. Plans need not know which tables refer to a
 * milestone. Call it inside a transaction: the refused delete is rolled back to a savepoint, not the whole write.
 */
export async function deleteMilestoneRow(trx: DbOrTx, id: number): Promise<boolean> {
  await sql`SAVEPOINT delete_milestone`.execute(trx);
  try {
    await trx.deleteFrom('milestones').where('id', '=', id).execute();
  } catch (error) {
    if ((error as { code?: unknown }).code !== '23503') throw error;
    await sql`ROLLBACK TO SAVEPOINT delete_milestone`.execute(trx);
    return false;
  }
  await sql`RELEASE SAVEPOINT delete_milestone`.execute(trx);
  return true;
}

export async function nextMilestonePosition(db: DbOrTx, commitmentId: number): Promise<number> {
  const row = await db
    .selectFrom('milestones')
    .select(sql<number>`coalesce(max(position), 0)::int + 1`.as('next'))
    .where('commitment_id', '=', commitmentId)
    .executeTakeFirstOrThrow();
  return row.next;
}

export async function countMilestonesOutside(db: DbOrTx, commitmentId: number, startDate: string, endDate: string): Promise<number> {
  const row = await db
    .selectFrom('milestones')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('commitment_id', '=', commitmentId)
    .where((eb) => eb.or([eb('start_date', '<', startDate), eb('end_date', '>', endDate)]))
    .executeTakeFirstOrThrow();
  return row.n;
}

// ---- transfers between agencies ----

export interface Transfer {
  id: number;
  commitmentId: number;
  fromAgencyId: number;
  toAgencyId: number;
  effectiveOn: string;
  note: Localized;
  actorName: string;
}

export async function insertTransfer(db: DbOrTx, t: Omit<Transfer, 'id'>): Promise<void> {
  await db
    .insertInto('commitment_transfers')
    .values({
      commitment_id: t.commitmentId,
      from_agency_id: t.fromAgencyId,
      to_agency_id: t.toAgencyId,
      effective_on: t.effectiveOn,
      note: jsonb(t.note),
      actor_name: t.actorName,
    })
    .execute();
}

/** A commitment's earlier leads, oldest first. */
export async function listTransfers(db: DbOrTx, commitmentId: number): Promise<Transfer[]> {
  const rows = await db
    .selectFrom('commitment_transfers')
    .selectAll()
    .where('commitment_id', '=', commitmentId)
    .orderBy('effective_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    commitmentId: r.commitment_id,
    fromAgencyId: r.from_agency_id,
    toAgencyId: r.to_agency_id,
    effectiveOn: r.effective_on,
    note: r.note,
    actorName: r.actor_name,
  }));
}

/** Every plan's commitments by plan slug and number, for the sitemap (plans are public in every state, ADR 0013). */
export async function listCommitmentAddresses(db: DbOrTx): Promise<{ slug: string; number: string }[]> {
  return db
    .selectFrom('commitments as c')
    .innerJoin('action_plans as p', 'p.id', 'c.plan_id')
    .select(['p.slug', 'c.number'])
    .orderBy('p.id')
    .orderBy('c.id')
    .execute();
}
