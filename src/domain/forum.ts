/**
 * The multi-stakeholder forum (推動小組): its meetings, the resolutions it makes, and the decisions that keep
 * a resolution open (持續列管, keep tracking) or close it (解除列管). Pure rules, no I/O.
 */
import { emptyLocalized, type Localized } from './localized.js';
import type { Region } from './people.js';
import type { FieldProblem, Link } from './plan.js';

/**
 * 全體委員會議 plenary, 工作分組會議 working group, 工作坊 workshop and 諮詢會議 consultation (the formats of the
 * 2019–2020 co-creation), anything else.
 */
export const MEETING_KINDS = ['plenary', 'working-group', 'workshop', 'consultation', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** How people met: in one room, online, or both. */
export const MEETING_MODES = ['in-person', 'online', 'hybrid'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

/** What a document attached to a meeting is: its agenda, the slides shown, its minutes, or something else. */
export const MEETING_DOCUMENT_KINDS = ['agenda', 'slides', 'minutes', 'other'] as const;
export type MeetingDocumentKind = (typeof MEETING_DOCUMENT_KINDS)[number];

export interface MeetingDocument {
  kind: MeetingDocumentKind;
  title: Localized;
  url: string;
}

/**
 * Head count by stakeholder group (the configurable list: government, civil-society organisations, …), keyed by the
 * group's code. Only groups with someone attending are kept; an empty record means attendance was not broken down.
 */
export type GroupAttendance = Record<string, number>;

/** 持續列管 keep tracking / 解除列管 closed. */
export const RESOLUTION_STATUSES = ['keep-tracking', 'closed'] as const;
export type ResolutionStatus = (typeof RESOLUTION_STATUSES)[number];

export const ATTENDANCE_SECTORS = ['government', 'civilSociety', 'other'] as const;
export type AttendanceSector = (typeof ATTENDANCE_SECTORS)[number];

export type Attendance = Record<AttendanceSector, number>;

export interface ForumMeeting {
  id: number;
  planId: number;
  /** The review cycle whose progress reports the meeting reviewed, if any. */
  cycleId: number | null;
  heldOn: string;
  kind: MeetingKind;
  title: Localized;
  attendance: Attendance;
  /** The same people counted by stakeholder group; when given, it adds up to the sector total. */
  attendanceByGroup: GroupAttendance;
  place: Localized;
  mode: MeetingMode;
  region: Region | null;
  /** Anyone could attend (or register to): an open opportunity for the public. */
  openToPublic: boolean;
  /** The working group that met, and the commitment it worked on, if any. */
  workingGroupId: number | null;
  commitmentId: number | null;
  agenda: Localized;
  minutes: Localized;
  /** Agenda, slides and minutes as documents published elsewhere, in the order given. */
  documents: MeetingDocument[];
  links: Link[];
  isDemo: boolean;
  version: number;
}

export interface Resolution {
  id: number;
  planId: number;
  /** The meeting that made the resolution. */
  meetingId: number;
  number: string;
  body: Localized;
  ownerAgencyId: number | null;
  dueOn: string | null;
  /** The status of the latest decision (by meeting date); keep tracking until one closes it. */
  status: ResolutionStatus;
  isDemo: boolean;
  version: number;
}

export interface ResolutionDecision {
  id: number;
  resolutionId: number;
  /** The meeting at which the forum decided. */
  meetingId: number;
  status: ResolutionStatus;
  note: Localized;
}

/** What a new meeting holds where its input says nothing (its date has no default): a plenary, nobody counted, no text. */
export const newMeetingDefaults = (): Omit<ForumMeeting, 'id' | 'planId' | 'heldOn' | 'isDemo' | 'version'> => ({
  cycleId: null,
  kind: 'plenary',
  title: emptyLocalized(),
  attendance: { government: 0, civilSociety: 0, other: 0 },
  attendanceByGroup: {},
  place: emptyLocalized(),
  mode: 'in-person',
  region: null,
  openToPublic: false,
  workingGroupId: null,
  commitmentId: null,
  agenda: emptyLocalized(),
  minutes: emptyLocalized(),
  documents: [],
  links: [],
});

type MeetingKey = Pick<ForumMeeting, 'id' | 'heldOn'>;

/** Meetings in the order they were held: by date, then by id for two meetings on one day. */
export function compareMeetings(a: MeetingKey, b: MeetingKey): number {
  if (a.heldOn !== b.heldOn) return a.heldOn < b.heldOn ? -1 : 1;
  return a.id - b.id;
}

export const isEarlierMeeting = (a: MeetingKey, b: MeetingKey): boolean => compareMeetings(a, b) < 0;

/**
 * The decision that counts for a resolution: the one taken at the latest meeting (optionally only among
 * meetings earlier than `before`). Undefined when the forum has not decided on it (yet).
 */
export function latestDecision<D extends Pick<ResolutionDecision, 'meetingId'>>(
  decisions: readonly D[],
  meetings: readonly MeetingKey[],
  before?: MeetingKey,
): D | undefined {
  const byId = new Map(meetings.map((m) => [m.id, m]));
  let best: { decision: D; meeting: MeetingKey } | undefined;
  for (const decision of decisions) {
    const meeting = byId.get(decision.meetingId);
    if (!meeting) continue;
    if (before && !isEarlierMeeting(meeting, before)) continue;
    if (!best || compareMeetings(meeting, best.meeting) > 0) best = { decision, meeting };
  }
  return best?.decision;
}

/** The status a resolution has after its decisions: that of the latest one, or keep tracking. */
export function resolutionStatusAfter(
  decisions: readonly Pick<ResolutionDecision, 'meetingId' | 'status'>[],
  meetings: readonly MeetingKey[],
): ResolutionStatus {
  return latestDecision(decisions, meetings)?.status ?? 'keep-tracking';
}

/**
 * The resolutions a meeting takes up again automatically: made at an earlier meeting and still open when it
 * starts, i.e. not closed by the latest decision taken at a meeting before this one. A resolution the meeting
 * itself closes is still on its agenda; it no longer appears at the next one. Ordered by the meeting that
 * made them, then by id.
 */
export function carriedOverResolutions<R extends Pick<Resolution, 'id' | 'meetingId'>>(
  resolutions: readonly R[],
  decisions: readonly Pick<ResolutionDecision, 'resolutionId' | 'meetingId' | 'status'>[],
  meetings: readonly MeetingKey[],
  meeting: MeetingKey,
): R[] {
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const carried: { resolution: R; madeAt: MeetingKey }[] = [];
  for (const resolution of resolutions) {
    const madeAt = byId.get(resolution.meetingId);
    if (!madeAt || !isEarlierMeeting(madeAt, meeting)) continue;
    const own = decisions.filter((d) => d.resolutionId === resolution.id);
    if (latestDecision(own, meetings, meeting)?.status === 'closed') continue;
    carried.push({ resolution, madeAt });
  }
  carried.sort((a, b) => compareMeetings(a.madeAt, b.madeAt) || a.resolution.id - b.resolution.id);
  return carried.map((c) => c.resolution);
}

/**
 * Only plenaries (全體委員會議) take up the forum's open resolutions: a working group works on one commitment and
 * does not review the forum's follow-up list. Decisions recorded at any meeting still count.
 */
export const takesUpResolutions = (meeting: Pick<ForumMeeting, 'kind'>): boolean => meeting.kind === 'plenary';

/** An open resolution whose due date has passed by `onDay` (a meeting's date, or today). */
export function isOverdue(resolution: Pick<Resolution, 'dueOn'>, openOn: boolean, onDay: string): boolean {
  return openOn && resolution.dueOn !== null && resolution.dueOn < onDay;
}

export const attendanceTotal = (a: Attendance): number => a.government + a.civilSociety + a.other;

/** The people counted by stakeholder group; 0 when attendance was not broken down by group. */
export const groupAttendanceTotal = (byGroup: GroupAttendance): number => Object.values(byGroup).reduce((sum, n) => sum + n, 0);

/** The breakdown as stored: groups with nobody attending are left out, the rest in the order given. */
export const withoutEmptyGroups = (byGroup: GroupAttendance): GroupAttendance => Object.fromEntries(Object.entries(byGroup).filter(([, n]) => n > 0));

/** Civil society's share of those attending, 0–1; null when no attendance was recorded. */
export function civilSocietyShare(a: Attendance): number | null {
  const total = attendanceTotal(a);
  return total === 0 ? null : a.civilSociety / total;
}

/**
 * Resolution numbers are meeting-based and stable: the meeting's date as YYYYMMDD, a hyphen, and the item's
 * order among the plan's resolutions with that prefix — `20210512-1`, `20210512-2`. Adding an earlier meeting
 * later renumbers nothing, and two meetings on one day continue one sequence.
 */
export function nextResolutionNumber(meeting: Pick<ForumMeeting, 'heldOn'>, existing: readonly Pick<Resolution, 'number'>[]): string {
  const prefix = meeting.heldOn.replaceAll('-', '');
  let max = 0;
  for (const { number } of existing) {
    const match = /^(\d{8})-(\d+)$/.exec(number);
    if (match && match[1] === prefix) max = Math.max(max, Number(match[2]));
  }
  return `${prefix}-${max + 1}`;
}

export const RESOLUTION_NUMBER_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.-]{0,29}$/;
export const ATTENDANCE_MAX = 10_000;

// ---------------------------------------------------------------- checks

const hasText = (value: Localized) => value.zh.trim() !== '' || value.en.trim() !== '';

const isHeadCount = (n: number) => Number.isInteger(n) && n >= 0 && n <= ATTENDANCE_MAX;

/**
 * A meeting needs a title, a real kind and a head count per sector that is a whole number ≥ 0. Attendance by
 * stakeholder group is optional, but when given it counts the same people: it must add up to the sector total
 * (a hard check, so the co-creation record's figures by group and by sector never disagree).
 */
export function checkMeeting(m: Pick<ForumMeeting, 'title' | 'kind' | 'attendance'> & Partial<Pick<ForumMeeting, 'attendanceByGroup'>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!hasText(m.title)) problems.push({ field: 'title', key: 'error.required' });
  if (!(MEETING_KINDS as readonly string[]).includes(m.kind)) problems.push({ field: 'kind', key: 'error.invalid' });
  for (const sector of ATTENDANCE_SECTORS) {
    if (!isHeadCount(m.attendance[sector])) problems.push({ field: `attendance.${sector}`, key: 'error.attendance' });
  }
  const groups = m.attendanceByGroup ?? {};
  for (const [code, n] of Object.entries(groups)) if (!isHeadCount(n)) problems.push({ field: `attendanceByGroup.${code}`, key: 'error.attendance' });
  const byGroup = groupAttendanceTotal(groups);
  const total = attendanceTotal(m.attendance);
  if (problems.length === 0 && byGroup > 0 && byGroup !== total)
    problems.push({ field: 'attendanceByGroup', key: 'error.meetingGroupSum', params: { groups: byGroup, total } });
  return problems;
}

/** A resolution says something, and is not due before the meeting that made it. */
export function checkResolution(r: Pick<Resolution, 'body' | 'dueOn' | 'number'>, meeting: Pick<ForumMeeting, 'heldOn'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!hasText(r.body)) problems.push({ field: 'body', key: 'error.required' });
  if (!RESOLUTION_NUMBER_PATTERN.test(r.number)) problems.push({ field: 'number', key: 'error.resolutionNumber' });
  if (r.dueOn !== null && r.dueOn < meeting.heldOn) problems.push({ field: 'dueOn', key: 'error.dueBeforeMeeting', params: { date: meeting.heldOn } });
  return problems;
}

/** The forum decides on a resolution at the meeting that made it or a later one, never an earlier one. */
export function checkDecision(madeAt: MeetingKey, decidedAt: MeetingKey): FieldProblem[] {
  return isEarlierMeeting(decidedAt, madeAt) ? [{ field: 'meetingId', key: 'error.decisionBeforeResolution' }] : [];
}

/** Moving a meeting must not put it after a meeting that decided on its resolutions, or before one whose it decided. */
export function checkMeetingDateMove(
  moved: MeetingKey,
  decisionsOnItsResolutions: readonly MeetingKey[],
  meetingsOfResolutionsItDecided: readonly MeetingKey[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (decisionsOnItsResolutions.some((m) => m.id !== moved.id && isEarlierMeeting(m, moved)))
    problems.push({ field: 'heldOn', key: 'error.meetingDateConflict' });
  else if (meetingsOfResolutionsItDecided.some((m) => m.id !== moved.id && isEarlierMeeting(moved, m)))
    problems.push({ field: 'heldOn', key: 'error.meetingDateConflict' });
  return problems;
}
