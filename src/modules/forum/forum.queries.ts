/** All SQL for forum meetings, the reports they reviewed, resolutions and decisions. Each function takes the db or a transaction first. */
import { sql, type Selectable } from 'kysely';
import { monitoringQueries } from '../monitoring/index.js';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { byIds, firstRow, lockedIf, updateVersioned, writtenRow } from '../../db/row-queries.js';
import type { ForumMeetingsTable, ResolutionDecisionsTable, ResolutionsTable } from './forum.table.js';
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

export function findMeetingById(db: DbOrTx, id: number, forUpdate = false): Promise<ForumMeeting | undefined> {
  return firstRow(lockedIf(db.selectFrom('forum_meetings').selectAll().where('id', '=', id), forUpdate), toMeeting);
}

/** Meetings by id in one query: a list linking many items to their meetings reads them together. */
export function findMeetingsByIds(db: DbOrTx, ids: readonly number[]): Promise<Map<number, ForumMeeting>> {
  return byIds(ids, (unique) => db.selectFrom('forum_meetings').selectAll().where('id', 'in', unique).execute(), toMeeting);
}

export function insertMeeting(db: DbOrTx, m: MeetingValues, isDemo = false): Promise<ForumMeeting> {
  return writtenRow(db.insertInto('forum_meetings').values({ ...meetingColumns(m), is_demo: isDemo }), toMeeting);
}

export function updateMeetingRow(db: DbOrTx, id: number, m: MeetingValues): Promise<ForumMeeting> {
  return writtenRow(updateVersioned(db, 'forum_meetings', id, meetingColumns(m)), toMeeting);
}

/** A change to what hangs off a meeting (its reviewed reports) is a new version of it. */
export function touchMeeting(db: DbOrTx, id: number): Promise<ForumMeeting> {
  return writtenRow(updateVersioned(db, 'forum_meetings', id, {}), toMeeting);
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
  // A decision links two meetings: the one that made the resolution and the one that decided on it.
  type Side = 'r.meeting_id' | 'd.meeting_id';
  const linkedMeetings = (thisSide: Side, otherSide: Side) =>
    db
      .selectFrom('resolution_decisions as d')
      .innerJoin('resolutions as r', 'r.id', 'd.resolution_id')
      .innerJoin('forum_meetings as m', 'm.id', otherSide)
      .select(['m.id', 'm.held_on'])
      .where(thisSide, '=', meetingId)
      .execute();
  const [decidedLater, madeEarlier] = await Promise.all([linkedMeetings('r.meeting_id', 'd.meeting_id'), linkedMeetings('d.meeting_id', 'r.meeting_id')]);
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

// Review cycles and report references are monitoring's: asked through its index.
import type { ReportRef } from '../monitoring/index.js';
export type { CycleRef, ReportRef } from '../monitoring/index.js';

export interface ReviewedReport extends ReportRef {
  showcased: boolean;
  story: Localized;
}

/** The reports a meeting reviewed: showcased ones first, then in commitment order (monitoring's order of refs). */
export async function listMeetingReports(db: DbOrTx, meetingId: number): Promise<ReviewedReport[]> {
  const rows = await db.selectFrom('meeting_reports').select(['report_id', 'showcased', 'story']).where('meeting_id', '=', meetingId).execute();
  const byReport = new Map(rows.map((r) => [r.report_id, r]));
  const refs = await monitoringQueries.findReportRefs(db, [...byReport.keys()]);
  const reviewed = refs.flatMap((ref) => {
    const row = byReport.get(ref.reportId);
    return row ? [{ ...ref, showcased: row.showcased, story: row.story }] : [];
  });
  // A stable sort keeps the commitment order within each group.
  return reviewed.sort((x, y) => Number(y.showcased) - Number(x.showcased));
}

/** The plenary held on a day, if any (the demo transcript links to it). */
export function findMeetingOn(db: DbOrTx, planId: number, heldOn: string): Promise<ForumMeeting | undefined> {
  return firstRow(db.selectFrom('forum_meetings').selectAll().where('plan_id', '=', planId).where('held_on', '=', heldOn).orderBy('id'), toMeeting);
}

// Called, not destructured at load: monitoring's index may still be loading when this file is (it shows meetings).
export const listCycleRefs = (db: DbOrTx, planId: number) => monitoringQueries.listCycleRefs(db, planId);
export const findCycleRef = (db: DbOrTx, id: number) => monitoringQueries.findCycleRef(db, id);
export const findReportRefs = (db: DbOrTx, reportIds: readonly number[]) => monitoringQueries.findReportRefs(db, reportIds);
export const listReviewableReports = (db: DbOrTx, planId: number, cycleId: number | null) => monitoringQueries.listReviewableReports(db, planId, cycleId);

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

export function findResolutionById(db: DbOrTx, id: number, forUpdate = false): Promise<Resolution | undefined> {
  return firstRow(lockedIf(db.selectFrom('resolutions').selectAll().where('id', '=', id), forUpdate), toResolution);
}

export async function listResolutionNumbers(db: DbOrTx, planId: number): Promise<{ id: number; number: string }[]> {
  return db.selectFrom('resolutions').select(['id', 'number']).where('plan_id', '=', planId).execute();
}

export type ResolutionValues = Pick<Resolution, 'planId' | 'meetingId' | 'number' | 'body' | 'ownerAgencyId' | 'dueOn'>;

export function insertResolution(db: DbOrTx, r: ResolutionValues, isDemo = false): Promise<Resolution> {
  return writtenRow(
    db.insertInto('resolutions').values({
      plan_id: r.planId,
      meeting_id: r.meetingId,
      number: r.number,
      body: jsonb(r.body),
      owner_agency_id: r.ownerAgencyId,
      due_on: r.dueOn,
      is_demo: isDemo,
    }),
    toResolution,
  );
}

export function updateResolutionRow(db: DbOrTx, id: number, r: Pick<Resolution, 'number' | 'body' | 'ownerAgencyId' | 'dueOn'>): Promise<Resolution> {
  return writtenRow(
    updateVersioned(db, 'resolutions', id, { number: r.number, body: jsonb(r.body), owner_agency_id: r.ownerAgencyId, due_on: r.dueOn }),
    toResolution,
  );
}

export function setResolutionStatus(db: DbOrTx, id: number, status: ResolutionStatus): Promise<Resolution> {
  return writtenRow(updateVersioned(db, 'resolutions', id, { status }), toResolution);
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
