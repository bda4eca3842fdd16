/**
 * Use cases of the forum: meetings, the reports they reviewed, resolutions and the decisions on them.
 * Every write: authorize, validate beyond shape, check the version, change the rows and record history,
 * all in one transaction. Reads assemble what a meeting page shows.
 */
import type { Db, DbOrTx } from '../../db/connection.js';
import type { Actor } from '../../domain/authorization.js';
import {
  carriedOverResolutions,
  checkDecision,
  checkMeeting,
  checkMeetingDateMove,
  checkResolution,
  compareMeetings,
  isOverdue,
  latestDecision,
  newMeetingDefaults,
  nextResolutionNumber,
  resolutionStatusAfter,
  takesUpResolutions,
  withoutEmptyGroups,
  type ForumMeeting,
  type Resolution,
  type ResolutionDecision,
} from '../../domain/forum.js';
import { emptyLocalized, mergeLocalized } from '../../domain/localized.js';
import type { FieldProblem } from '../../domain/plan.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { recordHistory, recorded } from '../history/index.js';
import { listStakeholderGroups } from '../accounts/index.js';
import { planQueries as planQ } from '../plans/index.js';
import { transcriptQueries } from '../transcripts/index.js';
import { listWorkingGroups } from '../workgroups/index.js';
import { assertValid, authorizedWrite, found, foundAtVersion, mergeInput, type HistorySubject } from '../../web/service-helpers.js';
import * as q from './forum.queries.js';
import type { DecisionInput, MeetingInput, MeetingPatch, MeetingReportsInput, ResolutionInput, ResolutionPatch } from './forum.schemas.js';

export interface ForumServiceDeps {
  db: Db;
  /** Marks what it creates as demonstration content: set by the demo seed only. */
  demo?: boolean;
}

const MEETING_TEXT = ['title', 'place', 'agenda', 'minutes'] as const;

/**
 * The input over the stored values: attendance merges sector by sector; the breakdown by group and the documents,
 * when given, replace the stored ones as a whole.
 */
function meetingValues(current: q.MeetingValues, input: Partial<MeetingInput>): q.MeetingValues {
  const { attendance, attendanceByGroup, documents, ...rest } = input;
  const merged = mergeInput<q.MeetingValues>(current, rest, MEETING_TEXT);
  return {
    ...merged,
    planId: current.planId,
    attendance: { ...current.attendance, ...stripUndefined(attendance ?? {}) },
    attendanceByGroup: attendanceByGroup ? withoutEmptyGroups(attendanceByGroup) : current.attendanceByGroup,
    documents: documents ? documents.map((d) => ({ kind: d.kind, title: mergeLocalized(emptyLocalized(), d.title), url: d.url })) : current.documents,
  };
}

const stripUndefined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Checks beyond shape: the domain's rules, then what only the records can tell — the stakeholder groups are the
 * configured ones, the cycle, working group and commitment are the plan's, and the commitment is one the group works on.
 */
async function checkMeetingValues(db: DbOrTx, values: q.MeetingValues, current: ForumMeeting | null): Promise<void> {
  const problems: FieldProblem[] = checkMeeting(values);
  if (values.cycleId !== null) {
    const cycle = await q.findCycleRef(db, values.cycleId);
    if (!cycle || cycle.planId !== values.planId) problems.push({ field: 'cycleId', key: 'error.meetingCycle' });
  }
  const codes = Object.keys(values.attendanceByGroup);
  if (codes.length > 0) {
    const known = new Set((await listStakeholderGroups(db)).map((g) => g.code));
    for (const code of codes) if (!known.has(code)) problems.push({ field: `attendanceByGroup.${code}`, key: 'error.meetingStakeholderGroup' });
  }
  let group: { commitmentIds: number[] } | undefined;
  if (values.workingGroupId !== null) {
    group = (await listWorkingGroups(db, values.planId)).find((g) => g.id === values.workingGroupId);
    if (!group) problems.push({ field: 'workingGroupId', key: 'error.meetingWorkingGroup' });
  }
  if (values.commitmentId !== null) {
    const commitment = await planQ.findCommitmentById(db, values.commitmentId);
    if (!commitment || commitment.planId !== values.planId) problems.push({ field: 'commitmentId', key: 'error.meetingCommitment' });
    else if (group && group.commitmentIds.length > 0 && !group.commitmentIds.includes(commitment.id))
      problems.push({ field: 'commitmentId', key: 'error.meetingCommitmentNotOfGroup' });
  }
  if (current && values.heldOn !== current.heldOn) {
    const related = await q.relatedDecisionMeetings(db, current.id);
    problems.push(...checkMeetingDateMove({ id: current.id, heldOn: values.heldOn }, related.decidedLater, related.madeEarlier));
  }
  assertValid(problems);
}

// Where history files the changes of each entity.
const meetingSubject = (m: ForumMeeting): HistorySubject => ({ entityType: 'meeting', entityId: m.id, planId: m.planId, commitmentId: null });
const resolutionSubject = (r: Resolution): HistorySubject => ({ entityType: 'resolution', entityId: r.id, planId: r.planId, commitmentId: null });

// ---------------------------------------------------------------- meetings

export async function createMeeting(deps: ForumServiceDeps, actor: Actor | null, planId: number, input: MeetingInput): Promise<ForumMeeting> {
  return authorizedWrite(deps.db, actor, 'meeting.manage', async (trx) => {
    found(await planQ.findPlanById(trx, planId));
    const values = meetingValues({ planId, heldOn: input.heldOn, ...newMeetingDefaults() }, input);
    await checkMeetingValues(trx, values, null);
    const meeting = await q.insertMeeting(trx, values, deps.demo);
    return recorded(trx, { ...meetingSubject(meeting), action: 'create', actor, before: null, after: meeting });
  });
}

export async function updateMeeting(deps: ForumServiceDeps, actor: Actor | null, meetingId: number, patch: MeetingPatch): Promise<ForumMeeting> {
  return authorizedWrite(deps.db, actor, 'meeting.manage', async (trx) => {
    const current = foundAtVersion(await q.findMeetingById(trx, meetingId, true), patch.version);
    const values = meetingValues(current, patch);
    await checkMeetingValues(trx, values, current);
    const updated = await q.updateMeetingRow(trx, meetingId, values);
    return recorded(trx, { ...meetingSubject(current), action: 'update', actor, before: current, after: updated });
  });
}

/** A meeting that made resolutions or decided on any is part of their record and stays. */
export async function deleteMeeting(deps: ForumServiceDeps, actor: Actor | null, meetingId: number, version: number): Promise<void> {
  await authorizedWrite(deps.db, actor, 'meeting.manage', async (trx) => {
    const current = foundAtVersion(await q.findMeetingById(trx, meetingId, true), version);
    if ((await q.countMeetingReferences(trx, meetingId)) > 0) throw new ValidationError([{ field: 'meeting', key: 'error.meetingHasResolutions' }]);
    const reports = await q.listMeetingReports(trx, meetingId);
    await q.deleteMeetingRow(trx, meetingId);
    await recordHistory(trx, { ...meetingSubject(current), action: 'delete', actor, before: { ...current, reports: reports.map(reportEntry) }, after: null });
  });
}

const reportEntry = (r: q.MeetingReportValues) => ({ reportId: r.reportId, showcased: r.showcased, story: r.story });

/**
 * The progress reports a meeting reviewed, replaced as a whole: submitted (or since superseded) reports of the
 * meeting's plan, some showcased with the story of how government and civil society worked together.
 */
export async function setMeetingReports(
  deps: ForumServiceDeps,
  actor: Actor | null,
  meetingId: number,
  input: MeetingReportsInput,
): Promise<{ meeting: ForumMeeting; reports: q.ReviewedReport[] }> {
  return authorizedWrite(deps.db, actor, 'meeting.manage', async (trx) => {
    const current = foundAtVersion(await q.findMeetingById(trx, meetingId, true), input.version);
    const refs = new Map(
      (
        await q.findReportRefs(
          trx,
          input.reports.map((r) => r.reportId),
        )
      ).map((r) => [r.reportId, r]),
    );
    const problems: FieldProblem[] = [];
    const seen = new Set<number>();
    const values: q.MeetingReportValues[] = input.reports.map((entry, i) => {
      const ref = refs.get(entry.reportId);
      const params = { report: ref && ref.planId === current.planId ? ref.commitmentNumber : `#${entry.reportId}` };
      if (seen.has(entry.reportId)) problems.push({ field: `reports.${i}.reportId`, key: 'error.reportListedTwice', params });
      else if (!ref || ref.planId !== current.planId) problems.push({ field: `reports.${i}.reportId`, key: 'error.unknownReport', params });
      else if (ref.state === 'draft') problems.push({ field: `reports.${i}.reportId`, key: 'error.reportNotReviewable', params });
      seen.add(entry.reportId);
      const story = mergeLocalized(emptyLocalized(), entry.story);
      const showcased = entry.showcased ?? false;
      if (showcased && story.zh === '' && story.en === '') problems.push({ field: `reports.${i}.story`, key: 'error.storyRequired', params });
      return { reportId: entry.reportId, showcased, story };
    });
    assertValid(problems);
    const before = await q.listMeetingReports(trx, meetingId);
    await q.replaceMeetingReports(trx, meetingId, values);
    const meeting = await q.touchMeeting(trx, meetingId);
    const reports = await q.listMeetingReports(trx, meetingId);
    await recordHistory(trx, {
      ...meetingSubject(current),
      action: 'update',
      actor,
      before: { reports: before.map(reportEntry) },
      after: { reports: reports.map(reportEntry) },
    });
    return { meeting, reports };
  });
}

// ---------------------------------------------------------------- resolutions

async function checkResolutionValues(db: DbOrTx, values: q.ResolutionValues, meeting: ForumMeeting, currentId: number | null): Promise<void> {
  const problems = checkResolution(values, meeting);
  if (values.ownerAgencyId !== null && !(await planQ.findAgencyById(db, values.ownerAgencyId)))
    problems.push({ field: 'ownerAgencyId', key: 'error.unknownAgency' });
  const taken = (await q.listResolutionNumbers(db, values.planId)).some((r) => r.number === values.number && r.id !== currentId);
  if (taken) problems.push({ field: 'number', key: 'error.taken' });
  assertValid(problems);
}

export async function createResolution(deps: ForumServiceDeps, actor: Actor | null, meetingId: number, input: ResolutionInput): Promise<Resolution> {
  return authorizedWrite(deps.db, actor, 'resolution.manage', async (trx) => {
    const meeting = found(await q.findMeetingById(trx, meetingId));
    // One writer of the plan's numbers at a time, so the next number is free when it is inserted.
    await planQ.lockPlan(trx, meeting.planId);
    const number = input.number ?? nextResolutionNumber(meeting, await q.listResolutionNumbers(trx, meeting.planId));
    const values: q.ResolutionValues = {
      planId: meeting.planId,
      meetingId,
      number,
      body: mergeLocalized(emptyLocalized(), input.body),
      ownerAgencyId: input.ownerAgencyId ?? null,
      dueOn: input.dueOn ?? null,
    };
    await checkResolutionValues(trx, values, meeting, null);
    const created = await q.insertResolution(trx, values, deps.demo);
    return recorded(trx, { ...resolutionSubject(created), action: 'create', actor, before: null, after: created });
  });
}

export async function updateResolution(deps: ForumServiceDeps, actor: Actor | null, resolutionId: number, patch: ResolutionPatch): Promise<Resolution> {
  return authorizedWrite(deps.db, actor, 'resolution.manage', async (trx) => {
    const unlocked = found(await q.findResolutionById(trx, resolutionId));
    await planQ.lockPlan(trx, unlocked.planId);
    const current = foundAtVersion(await q.findResolutionById(trx, resolutionId, true), patch.version);
    const meeting = found(await q.findMeetingById(trx, current.meetingId));
    const { number, ...rest } = patch;
    const merged = mergeInput<Resolution>(current, rest, ['body']);
    const values: q.ResolutionValues = { ...merged, number: number ?? current.number };
    await checkResolutionValues(trx, values, meeting, current.id);
    const updated = await q.updateResolutionRow(trx, resolutionId, values);
    return recorded(trx, { ...resolutionSubject(current), action: 'update', actor, before: current, after: updated });
  });
}

/**
 * The forum decides at a meeting to keep tracking a resolution or to close it. The resolution's status becomes
 * that of its latest decision by meeting date, so recording an older meeting's decision later changes nothing
 * that a newer decision already settled.
 */
export async function decideResolution(
  deps: ForumServiceDeps,
  actor: Actor | null,
  resolutionId: number,
  input: DecisionInput,
): Promise<{ resolution: Resolution; decision: ResolutionDecision }> {
  return authorizedWrite(deps.db, actor, 'resolution.manage', async (trx) => {
    const current = foundAtVersion(await q.findResolutionById(trx, resolutionId, true), input.version);
    const [madeAt, decidedAt] = await Promise.all([q.findMeetingById(trx, current.meetingId), q.findMeetingById(trx, input.meetingId)]);
    if (!madeAt) throw new NotFoundError();
    if (!decidedAt || decidedAt.planId !== current.planId) throw new ValidationError([{ field: 'meetingId', key: 'error.unknownMeeting' }]);
    assertValid(checkDecision(madeAt, decidedAt));
    const earlier = (await q.listDecisionsForResolution(trx, resolutionId)).find((d) => d.meetingId === decidedAt.id);
    const decision = await q.upsertDecision(trx, {
      resolutionId,
      meetingId: decidedAt.id,
      status: input.status,
      note: mergeLocalized(earlier?.note ?? emptyLocalized(), input.note),
    });
    const all = await q.listDecisionsForResolution(trx, resolutionId);
    const meetings = await q.listMeetings(trx, current.planId);
    const resolution = await q.setResolutionStatus(trx, resolutionId, resolutionStatusAfter(all, meetings));
    const entry = (d: ResolutionDecision | undefined) => (d ? { meetingId: d.meetingId, status: d.status, note: d.note } : null);
    await recordHistory(trx, {
      ...resolutionSubject(current),
      action: 'decide',
      actor,
      before: { status: current.status, decision: entry(earlier) },
      after: { status: resolution.status, decision: entry(decision) },
    });
    return { resolution, decision };
  });
}

// ---------------------------------------------------------------- reading

export interface CarriedResolution {
  resolution: Resolution;
  madeAt: ForumMeeting;
  /** The latest decision before this meeting (keep tracking), if the forum has decided on it before. */
  previousDecision: ResolutionDecision | undefined;
  /** What this meeting decided on it, if recorded. */
  decisionHere: ResolutionDecision | undefined;
  /** Past its due date on the day of the meeting. */
  overdue: boolean;
}

export interface MeetingDetail {
  meeting: ForumMeeting;
  cycle: q.CycleRef | undefined;
  /** Meetings of the plan, oldest first. */
  meetings: ForumMeeting[];
  /** Open resolutions of earlier meetings this one takes up (plenaries only). */
  carriedOver: CarriedResolution[];
  resolutions: Resolution[];
  decisions: (ResolutionDecision & { resolution: Resolution })[];
  reports: q.ReviewedReport[];
  /** The meeting's verbatim transcripts that are published (one per language at most, usually). */
  transcripts: MeetingTranscript[];
}

export interface MeetingTranscript {
  slug: string;
  title: string;
  language: 'zh-TW' | 'en';
}

/**
 * The published transcripts of a meeting. The transcripts module links a transcript to its meeting
 * (transcripts.meeting_id); only published ones are read, so an embargoed transcript is not revealed here.
 */
export async function meetingTranscripts(db: DbOrTx, meetingId: number): Promise<MeetingTranscript[]> {
  const published = await transcriptQueries.listVisibleTranscripts(db, { allDrafts: false, draftsOfUser: null });
  return published.filter((tr) => tr.meetingId === meetingId).map((tr) => ({ slug: tr.slug, title: tr.title, language: tr.language }));
}

/** Everything a meeting's page shows, with the open resolutions it takes up again worked out from the record. */
export async function meetingDetail(db: DbOrTx, meeting: ForumMeeting): Promise<MeetingDetail> {
  const [meetingsNewestFirst, resolutions, decisions, reports, cycle, transcripts] = await Promise.all([
    q.listMeetings(db, meeting.planId),
    q.listResolutions(db, meeting.planId),
    q.listDecisionsForPlan(db, meeting.planId),
    q.listMeetingReports(db, meeting.id),
    meeting.cycleId === null ? Promise.resolve(undefined) : q.findCycleRef(db, meeting.cycleId),
    meetingTranscripts(db, meeting.id),
  ]);
  const meetings = [...meetingsNewestFirst].sort(compareMeetings);
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const resolutionById = new Map(resolutions.map((r) => [r.id, r]));
  const carriedOver: CarriedResolution[] = [];
  const carried = takesUpResolutions(meeting) ? carriedOverResolutions(resolutions, decisions, meetings, meeting) : [];
  for (const resolution of carried) {
    const madeAt = meetingById.get(resolution.meetingId);
    if (!madeAt) continue;
    const own = decisions.filter((d) => d.resolutionId === resolution.id);
    carriedOver.push({
      resolution,
      madeAt,
      previousDecision: latestDecision(own, meetings, meeting),
      decisionHere: own.find((d) => d.meetingId === meeting.id),
      overdue: isOverdue(resolution, true, meeting.heldOn),
    });
  }
  const decisionsHere = decisions
    .filter((d) => d.meetingId === meeting.id)
    .flatMap((d) => {
      const resolution = resolutionById.get(d.resolutionId);
      return resolution ? [{ ...d, resolution }] : [];
    });
  return {
    meeting,
    cycle,
    meetings,
    carriedOver,
    resolutions: resolutions.filter((r) => r.meetingId === meeting.id),
    decisions: decisionsHere,
    reports,
    transcripts,
  };
}
