/**
 * Co-creation (issue #11): a plan's phases, published in advance, and the co-creation record computed from the
 * forum's meetings — meetings (場次) and participations (人次) per phase, by stakeholder group and by region — and
 * the checklist of OGP's minimum requirements (DOMAIN.md, Participation & Co-Creation Standards). Pure: every rule
 * takes today's date from its caller (services.now()), so "not yet" turns into "met" or "not met" as time passes.
 * The rules and why: docs/decisions/0027-co-creation-record.md.
 */
import type { Localized } from './localized.js';
import type { Region } from './people.js';
import type { FieldProblem } from './plan.js';

/** The phases of co-creation and after, in their usual order (a plan need not have all, and may overlap them). */
export const PHASE_KINDS = [
  'forum-formed',
  'framework-and-themes',
  'proposals',
  'working-groups',
  'draft',
  'public-consultation',
  'adoption',
  'implementation',
  'review',
] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** Phases that are not co-creation: the record's "during co-creation" ends where implementation starts. */
const AFTER_COCREATION: readonly PhaseKind[] = ['implementation', 'review'];

/** A timeline entry counts as published in advance when it was public at least this many days before the phase began. */
export const ADVANCE_NOTICE_DAYS = 14;
/** The forum meets at least every six months; dialogue during implementation has no longer pause. */
export const MAX_GAP_MONTHS = 6;

export interface Phase {
  id: number;
  planId: number;
  kind: PhaseKind;
  startsOn: string;
  endsOn: string;
  /** The day the timeline entry was made public (on this site or elsewhere); never after the day it is recorded. */
  publishedOn: string;
  description: Localized;
  isDemo: boolean;
  version: number;
}

// ---------------------------------------------------------------- dates

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: string, b: string): number => Math.round(dayNumber(b) - dayNumber(a));

/** The same day `months` calendar months later, or the month's last day when it has no such day (08-31 + 6 → 02-28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

/** Whether `b` comes more than six calendar months after `a`: a pause the minimum requirements do not allow. */
export const tooLongAfter = (a: string, b: string): boolean => b > addMonths(a, MAX_GAP_MONTHS);

// ---------------------------------------------------------------- phases

/** Days of notice the timeline gave: from its publication to the phase's first day (negative: published after it began). */
export const noticeDays = (p: Pick<Phase, 'startsOn' | 'publishedOn'>): number => daysBetween(p.publishedOn, p.startsOn);

/** Published at least two weeks before the phase began. A later publication is allowed, and counts as late. */
export const publishedInAdvance = (p: Pick<Phase, 'startsOn' | 'publishedOn'>): boolean => noticeDays(p) >= ADVANCE_NOTICE_DAYS;

/** A phase ends on or after its first day, and its timeline entry cannot have been published after today. */
export function checkPhase(p: Pick<Phase, 'startsOn' | 'endsOn' | 'publishedOn'>, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (p.endsOn < p.startsOn) problems.push({ field: 'endsOn', key: 'error.endBeforeStart' });
  if (p.publishedOn > today) problems.push({ field: 'publishedOn', key: 'cocreation.error.publishedLater', params: { today } });
  return problems;
}

/** Phases in timeline order: by first day, then by the usual order of kinds, then by id. */
export function comparePhases(a: Pick<Phase, 'id' | 'kind' | 'startsOn'>, b: Pick<Phase, 'id' | 'kind' | 'startsOn'>): number {
  if (a.startsOn !== b.startsOn) return a.startsOn < b.startsOn ? -1 : 1;
  return PHASE_KINDS.indexOf(a.kind) - PHASE_KINDS.indexOf(b.kind) || a.id - b.id;
}

/** Where a phase stands today. */
export function phaseTense(p: Pick<Phase, 'startsOn' | 'endsOn'>, today: string): 'past' | 'current' | 'future' {
  return p.endsOn < today ? 'past' : p.startsOn > today ? 'future' : 'current';
}

// ---------------------------------------------------------------- the record

/** What the record needs of a forum meeting. */
export interface MeetingFacts {
  id: number;
  heldOn: string;
  kind: string;
  /** Everyone attending (the sector total): the meeting's participations (人次). */
  participations: number;
  /** The same people by stakeholder group code; empty when not broken down. */
  byGroup: Readonly<Record<string, number>>;
  region: Region | null;
  openToPublic: boolean;
  workingGroupId: number | null;
}

/** Meetings (場次) and participations (人次). */
export interface Tally {
  meetings: number;
  participations: number;
}

export interface GroupTally extends Tally {
  code: string;
}

export interface RegionTally extends Tally {
  /** Null: the region was not recorded. */
  region: Region | null;
}

export interface KindTally extends Tally {
  kind: string;
}

/** The figures of a set of meetings: in all, by stakeholder group, by region and by kind of meeting. */
export interface RecordFigures {
  total: Tally;
  /**
   * By stakeholder group, in the configured order (then any code no longer configured): a meeting counts for a
   * group when someone of the group attended.
   */
  byGroup: GroupTally[];
  /** Meetings whose attendance was not broken down by group, and their participations. */
  notBrokenDown: Tally;
  /** By region, in the order of REGIONS, unrecorded last; regions without meetings left out. */
  byRegion: RegionTally[];
  byKind: KindTally[];
}

export interface PhaseFigures extends RecordFigures {
  phaseId: number;
}

export interface CocreationRecord extends RecordFigures {
  /** Per phase, in timeline order: the meetings held within its dates (a meeting in two overlapping phases counts in both). */
  phases: PhaseFigures[];
  /** Meetings held in no phase. */
  outsidePhases: Tally;
}

const tallyOf = (meetings: readonly MeetingFacts[]): Tally => ({
  meetings: meetings.length,
  participations: meetings.reduce((sum, m) => sum + m.participations, 0),
});

const hasBreakdown = (m: MeetingFacts) => Object.values(m.byGroup).some((n) => n > 0);

/** The figures of some meetings; `groupOrder` and `regionOrder` give the order of the breakdowns. */
export function figuresOf(meetings: readonly MeetingFacts[], groupOrder: readonly string[], regionOrder: readonly Region[]): RecordFigures {
  const codes = [...groupOrder];
  for (const m of meetings) for (const code of Object.keys(m.byGroup)) if (!codes.includes(code)) codes.push(code);
  const byGroup = codes.map((code) => {
    const counted = meetings.filter((m) => (m.byGroup[code] ?? 0) > 0);
    return { code, meetings: counted.length, participations: counted.reduce((sum, m) => sum + (m.byGroup[code] ?? 0), 0) };
  });
  const regions: (Region | null)[] = [...regionOrder, null];
  const byRegion = regions.map((region) => ({ region, ...tallyOf(meetings.filter((m) => m.region === region)) })).filter((r) => r.meetings > 0);
  const kinds = [...new Set(meetings.map((m) => m.kind))];
  return {
    total: tallyOf(meetings),
    byGroup,
    notBrokenDown: tallyOf(meetings.filter((m) => !hasBreakdown(m))),
    byRegion,
    byKind: kinds.map((kind) => ({ kind, ...tallyOf(meetings.filter((m) => m.kind === kind)) })),
  };
}

/** Meetings held by `today` (a meeting dated later is only scheduled). */
const heldBy = (meetings: readonly MeetingFacts[], today: string) => meetings.filter((m) => m.heldOn <= today);

const within = (m: { heldOn: string }, p: Pick<Phase, 'startsOn' | 'endsOn'>) => m.heldOn >= p.startsOn && m.heldOn <= p.endsOn;

/** The co-creation record of a plan: its meetings held by today, in all and per phase (a meeting belongs to each phase whose dates contain its day). */
export function cocreationRecord(
  phases: readonly Phase[],
  meetings: readonly MeetingFacts[],
  today: string,
  order: { groups: readonly string[]; regions: readonly Region[] },
): CocreationRecord {
  const held = heldBy(meetings, today);
  const ordered = [...phases].sort(comparePhases);
  return {
    ...figuresOf(held, order.groups, order.regions),
    phases: ordered.map((p) => ({
      phaseId: p.id,
      ...figuresOf(
        held.filter((m) => within(m, p)),
        order.groups,
        order.regions,
      ),
    })),
    outsidePhases: tallyOf(held.filter((m) => !ordered.some((p) => within(m, p)))),
  };
}

// ---------------------------------------------------------------- the minimum requirements

export const REQUIREMENTS = ['forum-meets', 'rules-published', 'timeline-in-advance', 'open-opportunities', 'ongoing-dialogue'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export const CHECK_STATUSES = ['met', 'not-met', 'not-yet'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** What a finding rests on: a meeting, a phase, the forum's rules, or the plan's working groups. */
export type Evidence =
  | { kind: 'meeting'; id: number; date: string }
  | { kind: 'phase'; id: number; date: string }
  | { kind: 'rules'; version: number; date: string }
  | { kind: 'working-groups'; count: number };

/** The reasons a finding can give; each is a message (`cocreation.reason.<reason>`) that takes the finding's params. */
export const REASONS = [
  'forum-met-every-six-months',
  'forum-gap',
  'forum-overdue',
  'forum-not-yet-met',
  'forum-met-once',
  'forum-never-met',
  'rules-published',
  'rules-missing',
  'rules-before-forum',
  'timeline-in-advance',
  'timeline-late',
  'timeline-missing',
  'timeline-not-yet',
  'open-met',
  'open-missing',
  'open-not-yet',
  'dialogue-met',
  'dialogue-gap',
  'dialogue-not-yet',
] as const;
export type Reason = (typeof REASONS)[number];

export interface Finding {
  requirement: Requirement;
  status: CheckStatus;
  reason: Reason;
  params: Record<string, string | number>;
  evidence: Evidence[];
}

export interface ChecklistInput {
  /** Today in Taipei. */
  today: string;
  plan: { periodStart: string; periodEnd: string };
  phases: readonly Pick<Phase, 'id' | 'kind' | 'startsOn' | 'endsOn' | 'publishedOn'>[];
  meetings: readonly MeetingFacts[];
  /** The forum's rules as last published, with the day they were published; undefined when none is (yet). */
  rules: { version: number; effectiveOn: string; publishedOn: string } | undefined;
  workingGroups: readonly { id: number; open: boolean }[];
}

interface Gap {
  from: string;
  to: string;
  days: number;
}

/** The longest stretch between consecutive days (sorted), from `start` and up to `end` when given. */
function gapsBetween(days: readonly string[], start?: string, end?: string): Gap[] {
  const points = [...(start === undefined ? [] : [start]), ...days, ...(end === undefined ? [] : [end])];
  const gaps: Gap[] = [];
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1] as string;
    const to = points[i] as string;
    gaps.push({ from, to, days: daysBetween(from, to) });
  }
  return gaps;
}

const longest = (gaps: readonly Gap[]): Gap | undefined => gaps.reduce<Gap | undefined>((best, g) => (!best || g.days > best.days ? g : best), undefined);

/** The earliest first day and the latest last day of some phases. */
function spanOf(phases: readonly Pick<Phase, 'startsOn' | 'endsOn'>[]): { from: string; to: string } | undefined {
  if (phases.length === 0) return undefined;
  return {
    from: phases.reduce((min, p) => (p.startsOn < min ? p.startsOn : min), phases[0]?.startsOn ?? ''),
    to: phases.reduce((max, p) => (p.endsOn > max ? p.endsOn : max), phases[0]?.endsOn ?? ''),
  };
}

const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

/**
 * (a) The forum met at least every six months: its plenaries held by today, none more than six months after the
 * previous one, and — while the plan runs (to the end of its period or of its last phase) — the latest no more than
 * six months ago. "Not yet" until the forum has met twice, or until six months have passed since it first met (or,
 * before it met, since it was formed: the forum-formed phase, else the first phase, else the plan's start).
 */
export function forumMeetsEverySixMonths(input: ChecklistInput): Finding {
  const { today } = input;
  const plenaries = heldBy(input.meetings, today)
    .filter((m) => m.kind === 'plenary')
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.id - b.id));
  const days = plenaries.map((m) => m.heldOn);
  const evidence: Evidence[] = plenaries.map((m) => ({ kind: 'meeting', id: m.id, date: m.heldOn }));
  const runsUntil = maxDay(input.plan.periodEnd, spanOf(input.phases)?.to ?? input.plan.periodEnd);
  const until = minDay(today, runsUntil);
  const base = { requirement: 'forum-meets' as const, evidence };
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) {
    const formed = input.phases.find((p) => p.kind === 'forum-formed')?.startsOn ?? spanOf(input.phases)?.from ?? input.plan.periodStart;
    return tooLongAfter(formed, today)
      ? { ...base, status: 'not-met', reason: 'forum-never-met', params: { since: formed } }
      : { ...base, status: 'not-yet', reason: 'forum-not-yet-met', params: { since: formed } };
  }
  const between = gapsBetween(days);
  const worst = longest(between.filter((g) => tooLongAfter(g.from, g.to)));
  if (worst) return { ...base, status: 'not-met', reason: 'forum-gap', params: { from: worst.from, to: worst.to, days: worst.days } };
  if (tooLongAfter(last, until)) return { ...base, status: 'not-met', reason: 'forum-overdue', params: { since: last } };
  if (days.length < 2) return { ...base, status: 'not-yet', reason: 'forum-met-once', params: { date: first } };
  const widest = longest(between);
  return {
    ...base,
    status: 'met',
    reason: 'forum-met-every-six-months',
    params: { count: days.length, from: first, to: last, longest: widest?.days ?? 0 },
  };
}

/**
 * (b) The forum's rules are published: met once a version is public (its date given); "not met" when the forum has
 * held a plenary without public rules, "not yet" before it has met.
 */
export function rulesPublished(input: ChecklistInput): Finding {
  const base = { requirement: 'rules-published' as const };
  if (input.rules && input.rules.publishedOn <= input.today)
    return {
      ...base,
      status: 'met',
      reason: 'rules-published',
      params: { version: input.rules.version, effectiveOn: input.rules.effectiveOn, publishedOn: input.rules.publishedOn },
      evidence: [{ kind: 'rules', version: input.rules.version, date: input.rules.publishedOn }],
    };
  const firstPlenary = heldBy(input.meetings, input.today)
    .filter((m) => m.kind === 'plenary')
    .map((m) => m.heldOn)
    .sort()[0];
  return firstPlenary === undefined
    ? { ...base, status: 'not-yet', reason: 'rules-before-forum', params: {}, evidence: [] }
    : { ...base, status: 'not-met', reason: 'rules-missing', params: { since: firstPlenary }, evidence: [] };
}

/**
 * (c) The timeline was published at least two weeks before each phase: met when every phase was, "not met" when
 * any phase's entry came later (that cannot change) or the plan has begun with no timeline at all, "not yet" before
 * the plan begins with none.
 */
export function timelineInAdvance(input: ChecklistInput): Finding {
  const phases = [...input.phases].sort(comparePhases);
  const evidence: Evidence[] = phases.map((p) => ({ kind: 'phase', id: p.id, date: p.publishedOn }));
  const base = { requirement: 'timeline-in-advance' as const, evidence };
  if (phases.length === 0)
    return input.today < input.plan.periodStart
      ? { ...base, status: 'not-yet', reason: 'timeline-not-yet', params: { start: input.plan.periodStart } }
      : { ...base, status: 'not-met', reason: 'timeline-missing', params: {} };
  const late = phases.filter((p) => !publishedInAdvance(p));
  return late.length > 0
    ? { ...base, status: 'not-met', reason: 'timeline-late', params: { late: late.length, count: phases.length } }
    : { ...base, status: 'met', reason: 'timeline-in-advance', params: { count: phases.length } };
}

/** Co-creation runs from the first co-creation phase to the start of implementation (the plan's start without phases). */
export function cocreationPeriod(input: Pick<ChecklistInput, 'phases' | 'plan'>): { from: string | null; until: string } {
  const implementation = spanOf(input.phases.filter((p) => p.kind === 'implementation'));
  const before = spanOf(input.phases.filter((p) => !AFTER_COCREATION.includes(p.kind)));
  return { from: before?.from ?? null, until: implementation?.from ?? input.plan.periodStart };
}

/**
 * (d) Open opportunities for the public during co-creation: at least one working group open to anyone, and at
 * least one way in for the public while co-creation ran — a meeting open to the public, or a public-consultation
 * phase. "Not yet" while co-creation has not ended; "not met" once it has without both.
 */
export function openOpportunities(input: ChecklistInput): Finding {
  const period = cocreationPeriod(input);
  const during = (day: string) => day < period.until && (period.from === null || day >= period.from);
  const openMeetings = heldBy(input.meetings, input.today).filter((m) => m.openToPublic && during(m.heldOn));
  const consultations = input.phases.filter((p) => p.kind === 'public-consultation' && p.startsOn < period.until && p.startsOn <= input.today);
  const openGroups = input.workingGroups.filter((g) => g.open).length;
  const evidence: Evidence[] = [
    { kind: 'working-groups', count: openGroups },
    ...consultations.map((p): Evidence => ({ kind: 'phase', id: p.id, date: p.startsOn })),
    ...openMeetings.map((m): Evidence => ({ kind: 'meeting', id: m.id, date: m.heldOn })),
  ];
  const params = { groups: openGroups, meetings: openMeetings.length, consultations: consultations.length, until: period.until };
  const base = { requirement: 'open-opportunities' as const, evidence, params };
  if (openGroups > 0 && openMeetings.length + consultations.length > 0) return { ...base, status: 'met', reason: 'open-met' };
  return input.today < period.until ? { ...base, status: 'not-yet', reason: 'open-not-yet' } : { ...base, status: 'not-met', reason: 'open-missing' };
}

/**
 * (e) Ongoing dialogue during implementation: forum meetings of any kind (plenaries, working groups, workshops)
 * during the implementation phase (the plan's period without one), with no pause of more than six months from its
 * start to today or its end. "Not yet" before implementation starts, and while its first six months run without a
 * meeting.
 */
export function ongoingDialogue(input: ChecklistInput): Finding {
  const span = spanOf(input.phases.filter((p) => p.kind === 'implementation')) ?? { from: input.plan.periodStart, to: input.plan.periodEnd };
  const until = minDay(input.today, span.to);
  const meetings = heldBy(input.meetings, input.today)
    .filter((m) => m.heldOn >= span.from && m.heldOn <= span.to)
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.id - b.id));
  const evidence: Evidence[] = meetings.map((m) => ({ kind: 'meeting', id: m.id, date: m.heldOn }));
  const base = { requirement: 'ongoing-dialogue' as const, evidence };
  if (input.today < span.from) return { ...base, status: 'not-yet', reason: 'dialogue-not-yet', params: { from: span.from, to: span.to } };
  const gaps = gapsBetween(
    meetings.map((m) => m.heldOn),
    span.from,
    until,
  );
  const worst = longest(gaps.filter((g) => tooLongAfter(g.from, g.to)));
  if (worst) return { ...base, status: 'not-met', reason: 'dialogue-gap', params: { from: worst.from, to: worst.to, days: worst.days } };
  if (meetings.length === 0) return { ...base, status: 'not-yet', reason: 'dialogue-not-yet', params: { from: span.from, to: span.to } };
  return {
    ...base,
    status: 'met',
    reason: 'dialogue-met',
    params: { meetings: meetings.length, from: span.from, to: span.to, longest: longest(gaps)?.days ?? 0 },
  };
}

/** The minimum requirements, in their order, each met, not met or not yet, with what it rests on. */
export function minimumRequirements(input: ChecklistInput): Finding[] {
  return [forumMeetsEverySixMonths(input), rulesPublished(input), timelineInAdvance(input), openOpportunities(input), ongoingDialogue(input)];
}
