/** All SQL for forum meetings, the reports they reviewed, resolutions and decisions. Each function takes the db or a transaction first. */
import { sql, type Selectable } from 'kysely';
import { monitoringQueries } from '../monitoring/index.js';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { byIds, firstRow, lockedIf, updateVersioned, writtenRow } from '../../db/row-queries.js';
import type { ForumMeetingsTable, ResolutionDecisionsTable, ResolutionsTable } from './forum.table.js';
import {
  withoutEmptyGroups,
  type ForumMeeting,
  type GroupAttendance,
  type MeetingDocument,
  type MeetingKind,
  type MeetingMode,
  type Resolution,
  type ResolutionDecision,
  type ResolutionStatus,
} from '../../domain/forum.js';
import type { Localized } from '../../domain/localized.js';
import type { Region } from '../../domain/people.js';

// ---- row mapping: the one place where columns become domain objects ----

/** A meeting's row with what hangs off it, read in the same statement (its attendance by group, its documents). */
type MeetingRow = Selectable<ForumMeetingsTable> & { attendance_by_group: GroupAttendance; documents: MeetingDocument[] };

export const toMeeting = (r: MeetingRow): ForumMeeting => ({
  id: r.id,
  planId: r.plan_id,
  cycleId: r.cycle_id,
  heldOn: r.held_on,
  kind: r.kind as MeetingKind,
  title: r.title,
  attendance: { government: r.attendance_government, civilSociety: r.attendance_civil_society, other: r.attendance_other },
  attendanceByGroup: r.attendance_by_group,
  place: r.place,
  mode: r.mode as MeetingMode,
  region: r.region as Region | null,
  openToPublic: r.open_to_public,
  workingGroupId: r.working_group_id,
  commitmentId: r.commitment_id,
  agenda: r.agenda,
  minutes: r.minutes,
  documents: r.documents,
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
  place: jsonb(m.place),
  mode: m.mode,
  region: m.region,
  open_to_public: m.openToPublic,
  working_group_id: m.workingGroupId,
  commitment_id: m.commitmentId,
  agenda: jsonb(m.agenda),
  minutes: jsonb(m.minutes),
  links: jsonb(m.links),
});

/**
 * Meetings with their attendance by group and their documents, gathered per row by subqueries: a list of meetings
 * stays one statement however many it holds.
 */
const selectMeetings = (db: DbOrTx) =>
  db
    .selectFrom('forum_meetings')
    .selectAll('forum_meetings')
    .select([
      sql<GroupAttendance>`(select coalesce(jsonb_object_agg(a.stakeholder_group, a.count), '{}'::jsonb) from meeting_attendance a where a.meeting_id = forum_meetings.id)`.as(
        'attendance_by_group',
      ),
      sql<
        MeetingDocument[]
      >`(select coalesce(jsonb_agg(jsonb_build_object('kind', d.kind, 'title', d.title, 'url', d.url) order by d.position), '[]'::jsonb) from meeting_documents d where d.meeting_id = forum_meetings.id)`.as(
        'documents',
      ),
    ]);

/** A plan's meetings, newest first. */
export async function listMeetings(db: DbOrTx, planId: number): Promise<ForumMeeting[]> {
  const rows = await selectMeetings(db).where('plan_id', '=', planId).orderBy('held_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toMeeting);
}

/**
 * A plan's meetings as counts only (when, what kind, how many attended, where, which group), without their texts or
 * breakdown: what the plan page's co-creation figures need, at a fraction of a full meeting's read.
 */
export async function listMeetingTotals(db: DbOrTx, planId: number): Promise<MeetingTotals[]> {
  const rows = await db
    .selectFrom('forum_meetings')
    .select(['id', 'held_on', 'kind', 'attendance_government', 'attendance_civil_society', 'attendance_other', 'region', 'open_to_public', 'working_group_id'])
    .where('plan_id', '=', planId)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    heldOn: r.held_on,
    kind: r.kind as MeetingKind,
    participations: r.attendance_government + r.attendance_civil_society + r.attendance_other,
    region: r.region as Region | null,
    openToPublic: r.open_to_public,
    workingGroupId: r.working_group_id,
  }));
}

export interface MeetingTotals {
  id: number;
  heldOn: string;
  kind: MeetingKind;
  participations: number;
  region: Region | null;
  openToPublic: boolean;
  workingGroupId: number | null;
}

/** The meetings that reviewed a review cycle's reports, in the order they were held. */
export async function listMeetingsForCycle(db: DbOrTx, cycleId: number): Promise<ForumMeeting[]> {
  const rows = await selectMeetings(db).where('cycle_id', '=', cycleId).orderBy('held_on').orderBy('id').execute();
  return rows.map(toMeeting);
}

export function findMeetingById(db: DbOrTx, id: number, forUpdate = false): Promise<ForumMeeting | undefined> {
  // The lock is taken on the meeting's row only (its attendance and documents change under that lock).
  const query = selectMeetings(db).where('id', '=', id);
  return firstRow(forUpdate ? query.forUpdate('forum_meetings') : query, toMeeting);
}

/** Meetings by id in one query: a list linking many items to their meetings reads them together. */
export function findMeetingsByIds(db: DbOrTx, ids: readonly number[]): Promise<Map<number, ForumMeeting>> {
  return byIds(ids, (unique) => selectMeetings(db).where('id', 'in', unique).execute(), toMeeting);
}

/** Replaces what hangs off a meeting: its attendance by group (groups with nobody left out) and its documents, in order. */
async function replaceMeetingParts(db: DbOrTx, meetingId: number, m: Pick<MeetingValues, 'attendanceByGroup' | 'documents'>): Promise<void> {
  await db.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).execute();
  const groups = Object.entries(m.attendanceByGroup).filter(([, count]) => count > 0);
  if (groups.length > 0)
    await db
      .insertInto('meeting_attendance')
      .values(groups.map(([code, count]) => ({ meeting_id: meetingId, stakeholder_group: code, count })))
      .execute();
  await db.deleteFrom('meeting_documents').where('meeting_id', '=', meetingId).execute();
  if (m.documents.length > 0)
    await db
      .insertInto('meeting_documents')
      .values(m.documents.map((d, position) => ({ meeting_id: meetingId, position, kind: d.kind, title: jsonb(d.title), url: d.url })))
      .execute();
}

const withParts = (row: Selectable<ForumMeetingsTable>, m: MeetingValues): ForumMeeting =>
  toMeeting({ ...row, attendance_by_group: withoutEmptyGroups(m.attendanceByGroup), documents: m.documents });

export async function insertMeeting(db: DbOrTx, m: MeetingValues, isDemo = false): Promise<ForumMeeting> {
  const row = await db
    .insertInto('forum_meetings')
    .values({ ...meetingColumns(m), is_demo: isDemo })
    .returningAll()
    .executeTakeFirstOrThrow();
  await replaceMeetingParts(db, row.id, m);
  return withParts(row, m);
}

export async function updateMeetingRow(db: DbOrTx, id: number, m: MeetingValues): Promise<ForumMeeting> {
  const row = await updateVersioned(db, 'forum_meetings', id, meetingColumns(m)).returningAll().executeTakeFirstOrThrow();
  await replaceMeetingParts(db, id, m);
  return withParts(row, m);
}

/** A change to what hangs off a meeting (its reviewed reports) is a new version of it. */
export async function touchMeeting(db: DbOrTx, id: number): Promise<ForumMeeting> {
  await updateVersioned(db, 'forum_meetings', id, {}).execute();
  const meeting = await findMeetingById(db, id);
  if (!meeting) throw new Error(`touchMeeting: no meeting ${id}`);
  return meeting;
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
  return firstRow(selectMeetings(db).where('plan_id', '=', planId).where('held_on', '=', heldOn).orderBy('id'), toMeeting);
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
