/** All SQL for forum meetings, the reports they reviewed, resolutions and decisions. Each function takes the db or a transaction first. */
import { sql, type Selectable } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import type { ForumMeetingsTable, ResolutionDecisionsTable, ResolutionsTable } from '../../db/schema.js';
import type { ForumMeeting, MeetingKind, Resolution, ResolutionDecision, ResolutionStatus } from '../../domain/forum.js';
import type { Localized } from '../../domain/localized.js';

// ---- row mapping: the one place where columns become domain objects ----

export const toMeeting = (r: Selectable<ForumMeetingsTable>): ForumMeeting => ({
  id: r.id,
  planId: r.plan_id,
  cycleId: r.cycle_id,
  heldOn: r.held_on,
  kind: r.kind as MeetingKind,
  title: r.title,
  attendance: { government: r.attendance_government, civilSociety: r.attendance_civil_society, other: r.attendance_other },
  agenda: r.agenda,
  minutes: r.minutes,
  links: r.links,
  isDemo: r.is_demo,
  version: r.version,
});

export const toResolution = (r: Selectable<ResolutionsTable>): Resolution => ({
  id: r.id,
  planId: r.plan_id,
  meetingId: r.meeting_id,
  number: r.number,
  body: r.body,
  ownerAgencyId: r.owner_agency_id,
  dueOn: r.due_on,
  status: r.status as ResolutionStatus,
  isDemo: r.is_demo,
  version: r.version,
});

export const toDecision = (r: Pick<Selectable<ResolutionDecisionsTable>, 'id' | 'resolution_id' | 'meeting_id' | 'status' | 'note'>): ResolutionDecision => ({
  id: r.id,
  resolutionId: r.resolution_id,
  meetingId: r.meeting_id,
  status: r.status as ResolutionStatus,
  note: r.note,
});

// ---- meetings ----

export type MeetingValues = Omit<ForumMeeting, 'id' | 'version' | 'isDemo'>;

const meetingColumns = (m: MeetingValues) => ({
  plan_id: m.planId,
  cycle_id: m.cycleId,
  held_on: m.heldOn,
  kind: m.kind,
  title: jsonb(m.title),
  attendance_government: m.attendance.government,
  attendance_civil_society: m.attendance.civilSociety,
  attendance_other: m.attendance.other,
  agenda: jsonb(m.agenda),
  minutes: jsonb(m.minutes),
  links: jsonb(m.links),
});

/** A plan's meetings, newest first. */
export async function listMeetings(db: DbOrTx, planId: number): Promise<ForumMeeting[]> {
  const rows = await db.selectFrom('forum_meetings').selectAll().where('plan_id', '=', planId).orderBy('held_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toMeeting);
}

/** The meetings that reviewed a review cycle's reports, in the order they were held. */
export async function listMeetingsForCycle(db: DbOrTx, cycleId: number): Promise<ForumMeeting[]> {
  const rows = await db.selectFrom('forum_meetings').selectAll().where('cycle_id', '=', cycleId).orderBy('held_on').orderBy('id').execute();
  return rows.map(toMeeting);
}

export async function findMeetingById(db: DbOrTx, id: number, forUpdate = false): Promise<ForumMeeting | undefined> {
  let q = db.selectFrom('forum_meetings').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toMeeting(row);
}

export async function insertMeeting(db: DbOrTx, m: MeetingValues, isDemo = false): Promise<ForumMeeting> {
  const row = await db.insertInto('forum_meetings').values({ ...meetingColumns(m), is_demo: isDemo }).returningAll().executeTakeFirstOrThrow();
  return toMeeting(row);
}

export async function updateMeetingRow(db: DbOrTx, id: number, m: MeetingValues): Promise<ForumMeeting> {
  const row = await db
    .updateTable('forum_meetings')
    .set({ ...meetingColumns(m), version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMeeting(row);
}

/** A change to what hangs off a meeting (its reviewed reports) is a new version of it. */
export async function touchMeeting(db: DbOrTx, id: number): Promise<ForumMeeting> {
  const row = await db
    .updateTable('forum_meetings')
    .set({ version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMeeting(row);
}

export async function deleteMeetingRow(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('forum_meetings').where('id', '=', id).execute();
}

/** Resolutions made at the meeting plus decisions taken at it: either keeps it from being deleted. */
export async function countMeetingReferences(db: DbOrTx, meetingId: number): Promise<number> {
  const row = await db
    .selectNoFrom([
      sql<number>`(select count(*)::int from resolutions where meeting_id = ${meetingId})`.as('made'),
      sql<number>`(select count(*)::int from resolution_decisions where meeting_id = ${meetingId})`.as('decided'),
    ])
    .executeTakeFirstOrThrow();
  return row.made + row.decided;
}

/** Meetings whose decisions concern resolutions made at this meeting, and meetings that made resolutions it decided on. */
export async function relatedDecisionMeetings(
  db: DbOrTx,
  meetingId: number,
): Promise<{ decidedLater: Pick<ForumMeeting, 'id' | 'heldOn'>[]; madeEarlier: Pick<ForumMeeting, 'id' | 'heldOn'>[] }> {
  const [decidedLater, madeEarlier] = await Promise.all([
    db
      .selectFrom('resolution_decisions as d')
      .innerJoin('resolutions as r', 'r.id', 'd.resolution_id')
      .innerJoin('forum_meetings as m', 'm.id', 'd.meeting_id')
      .select(['m.id', 'm.held_on'])
      .where('r.meeting_id', '=', meetingId)
      .execute(),
    db
      .selectFrom('resolution_decisions as d')
      .innerJoin('resolutions as r', 'r.id', 'd.resolution_id')
      .innerJoin('forum_meetings as m', 'm.id', 'r.meeting_id')
      .select(['m.id', 'm.held_on'])
      .where('d.meeting_id', '=', meetingId)
      .execute(),
  ]);
  const map = (rows: { id: number; held_on: string }[]) => rows.map((r) => ({ id: r.id, heldOn: r.held_on }));
  return { decidedLater: map(decidedLater), madeEarlier: map(madeEarlier) };
}

/** How many resolutions each meeting of a plan made. */
export async function countResolutionsByMeeting(db: DbOrTx, planId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('resolutions')
    .select(['meeting_id', sql<number>`count(*)::int`.as('n')])
    .where('plan_id', '=', planId)
    .groupBy('meeting_id')
    .execute();
  return new Map(rows.map((r) => [r.meeting_id, r.n]));
}

// ---- review cycles (owned by monitoring; read here) ----

export interface CycleRef {
  id: number;
  planId: number;
  number: number;
  startsOn: string;
  endsOn: string;
  reviewOn: string | null;
}

export async function listCycleRefs(db: DbOrTx, planId: number): Promise<CycleRef[]> {
  const rows = await db
    .selectFrom('review_cycles')
    .select(['id', 'plan_id', 'number', 'starts_on', 'ends_on', 'review_on'])
    .where('plan_id', '=', planId)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({ id: r.id, planId: r.plan_id, number: r.number, startsOn: r.starts_on, endsOn: r.ends_on, reviewOn: r.review_on }));
}

export async function findCycleRef(db: DbOrTx, id: number): Promise<CycleRef | undefined> {
  const r = await db.selectFrom('review_cycles').select(['id', 'plan_id', 'number', 'starts_on', 'ends_on', 'review_on']).where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, planId: r.plan_id, number: r.number, startsOn: r.starts_on, endsOn: r.ends_on, reviewOn: r.review_on };
}

// ---- reports reviewed at meetings ----

/** A progress report as a meeting shows it: which commitment, which agency, which cycle. */
export interface ReportRef {
  reportId: number;
  planId: number;
  commitmentId: number;
  commitmentNumber: string;
  commitmentTitle: Localized;
  agencyId: number;
  agencyName: Localized;
  cycleId: number;
  cycleNumber: number;
  revision: number;
  state: 'draft' | 'submitted' | 'superseded';
  submittedAt: Date | null;
}

export interface ReviewedReport extends ReportRef {
  showcased: boolean;
  story: Localized;
}

/** Natural order of commitment numbers like 1-2 < 1-10 < 2-1. */
const byCommitmentNumber = sql`string_to_array(c.number, '-')::int[]`;

function reportRefs(db: DbOrTx) {
  return db
    .selectFrom('progress_reports as p')
    .innerJoin('commitments as c', 'c.id', 'p.commitment_id')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .innerJoin('review_cycles as y', 'y.id', 'p.cycle_id')
    .select([
      'p.id as report_id',
      'c.plan_id',
      'c.id as commitment_id',
      'c.number as commitment_number',
      'c.title as commitment_title',
      'a.id as agency_id',
      'a.name as agency_name',
      'p.cycle_id',
      'y.number as cycle_number',
      'p.revision',
      'p.state',
      'p.submitted_at',
    ]);
}

type ReportRefRow = {
  report_id: number;
  plan_id: number;
  commitment_id: number;
  commitment_number: string;
  commitment_title: Localized;
  agency_id: number;
  agency_name: Localized;
  cycle_id: number;
  cycle_number: number;
  revision: number;
  state: string;
  submitted_at: Date | null;
};

const toReportRef = (r: ReportRefRow): ReportRef => ({
  reportId: r.report_id,
  planId: r.plan_id,
  commitmentId: r.commitment_id,
  commitmentNumber: r.commitment_number,
  commitmentTitle: r.commitment_title,
  agencyId: r.agency_id,
  agencyName: r.agency_name,
  cycleId: r.cycle_id,
  cycleNumber: r.cycle_number,
  revision: r.revision,
  state: r.state as ReportRef['state'],
  submittedAt: r.submitted_at,
});

export async function findReportRefs(db: DbOrTx, reportIds: readonly number[]): Promise<ReportRef[]> {
  if (reportIds.length === 0) return [];
  const rows = await reportRefs(db).where('p.id', 'in', [...reportIds]).execute();
  return rows.map(toReportRef);
}

/** Reports the forum can review: submitted ones of the plan (optionally of one cycle), in commitment order. */
export async function listReviewableReports(db: DbOrTx, planId: number, cycleId: number | null): Promise<ReportRef[]> {
  let q = reportRefs(db).where('c.plan_id', '=', planId).where('p.state', '=', 'submitted');
  if (cycleId !== null) q = q.where('p.cycle_id', '=', cycleId);
  const rows = await q.orderBy('y.number').orderBy(byCommitmentNumber).orderBy('p.id').execute();
  return rows.map(toReportRef);
}

/** The reports a meeting reviewed: showcased ones first, then in commitment order. */
export async function listMeetingReports(db: DbOrTx, meetingId: number): Promise<ReviewedReport[]> {
  const rows = await reportRefs(db)
    .innerJoin('meeting_reports as mr', 'mr.report_id', 'p.id')
    .select(['mr.showcased', 'mr.story'])
    .where('mr.meeting_id', '=', meetingId)
    .orderBy('mr.showcased', 'desc')
    .orderBy(byCommitmentNumber)
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ ...toReportRef(r), showcased: r.showcased, story: r.story }));
}

export interface MeetingReportValues {
  reportId: number;
  showcased: boolean;
  story: Localized;
}

export async function replaceMeetingReports(db: DbOrTx, meetingId: number, reports: readonly MeetingReportValues[]): Promise<void> {
  await db.deleteFrom('meeting_reports').where('meeting_id', '=', meetingId).execute();
  if (reports.length > 0)
    await db
      .insertInto('meeting_reports')
      .values(reports.map((r) => ({ meeting_id: meetingId, report_id: r.reportId, showcased: r.showcased, story: jsonb(r.story) })))
      .execute();
}

// ---- resolutions ----

export interface ResolutionFilter {
  status?: ResolutionStatus | undefined;
  agencyId?: number | undefined;
  meetingId?: number | undefined;
}

/** A plan's resolutions, in the order their meetings were held, then by id. */
export async function listResolutions(db: DbOrTx, planId: number, f: ResolutionFilter = {}): Promise<Resolution[]> {
  let q = db.selectFrom('resolutions as r').innerJoin('forum_meetings as m', 'm.id', 'r.meeting_id').selectAll('r').where('r.plan_id', '=', planId);
  if (f.status !== undefined) q = q.where('r.status', '=', f.status);
  if (f.agencyId !== undefined) q = q.where('r.owner_agency_id', '=', f.agencyId);
  if (f.meetingId !== undefined) q = q.where('r.meeting_id', '=', f.meetingId);
  const rows = await q.orderBy('m.held_on').orderBy('m.id').orderBy('r.id').execute();
  return rows.map(toResolution);
}

export async function findResolutionById(db: DbOrTx, id: number, forUpdate = false): Promise<Resolution | undefined> {
  let q = db.selectFrom('resolutions').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toResolution(row);
}

export async function listResolutionNumbers(db: DbOrTx, planId: number): Promise<{ id: number; number: string }[]> {
  return db.selectFrom('resolutions').select(['id', 'number']).where('plan_id', '=', planId).execute();
}

export type ResolutionValues = Pick<Resolution, 'planId' | 'meetingId' | 'number' | 'body' | 'ownerAgencyId' | 'dueOn'>;

export async function insertResolution(db: DbOrTx, r: ResolutionValues, isDemo = false): Promise<Resolution> {
  const row = await db
    .insertInto('resolutions')
    .values({
      plan_id: r.planId,
      meeting_id: r.meetingId,
      number: r.number,
      body: jsonb(r.body),
      owner_agency_id: r.ownerAgencyId,
      due_on: r.dueOn,
      is_demo: isDemo,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toResolution(row);
}

export async function updateResolutionRow(db: DbOrTx, id: number, r: Pick<Resolution, 'number' | 'body' | 'ownerAgencyId' | 'dueOn'>): Promise<Resolution> {
  const row = await db
    .updateTable('resolutions')
    .set({ number: r.number, body: jsonb(r.body), owner_agency_id: r.ownerAgencyId, due_on: r.dueOn, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toResolution(row);
}

export async function setResolutionStatus(db: DbOrTx, id: number, status: ResolutionStatus): Promise<Resolution> {
  const row = await db
    .updateTable('resolutions')
    .set({ status, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toResolution(row);
}

// ---- decisions ----

const decisionColumns = ['d.id', 'd.resolution_id', 'd.meeting_id', 'd.status', 'd.note'] as const;

/** Every decision on a plan's resolutions. */
export async function listDecisionsForPlan(db: DbOrTx, planId: number): Promise<ResolutionDecision[]> {
  const rows = await db
    .selectFrom('resolution_decisions as d')
    .innerJoin('resolutions as r', 'r.id', 'd.resolution_id')
    .select(decisionColumns)
    .where('r.plan_id', '=', planId)
    .orderBy('d.id')
    .execute();
  return rows.map(toDecision);
}

export async function listDecisionsForResolution(db: DbOrTx, resolutionId: number): Promise<ResolutionDecision[]> {
  const rows = await db.selectFrom('resolution_decisions as d').select(decisionColumns).where('d.resolution_id', '=', resolutionId).orderBy('d.id').execute();
  return rows.map(toDecision);
}

/** One decision per resolution and meeting: deciding again at the same meeting corrects the earlier entry. */
export async function upsertDecision(db: DbOrTx, d: Omit<ResolutionDecision, 'id'>): Promise<ResolutionDecision> {
  const row = await db
    .insertInto('resolution_decisions')
    .values({ resolution_id: d.resolutionId, meeting_id: d.meetingId, status: d.status, note: jsonb(d.note) })
    .onConflict((oc) => oc.columns(['resolution_id', 'meeting_id']).doUpdateSet({ status: d.status, note: jsonb(d.note) }))
    .returning(['id', 'resolution_id', 'meeting_id', 'status', 'note'])
    .executeTakeFirstOrThrow();
  return toDecision(row);
}
