/**
 * Monitoring rules, pure: review cycles from a plan period, the checks on a progress report, roll-ups of
 * progress from milestones to commitments, areas, agencies and plans, report timeliness, and which uploaded
 * files count as evidence.
 */
import { emptyLocalized, type Localized } from './localized.js';
import type { FieldProblem } from './plan.js';

export const MILESTONE_PROGRESS_STATUSES = ['not-started', 'in-progress', 'completed', 'delayed', 'withdrawn'] as const;
export type MilestoneProgressStatus = (typeof MILESTONE_PROGRESS_STATUSES)[number];

/** Statuses that must say why. */
export const STATUSES_NEEDING_REASON: readonly MilestoneProgressStatus[] = ['delayed', 'withdrawn'];

export const REPORT_STATES = ['draft', 'submitted', 'superseded'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
/** A report is public once submitted, and stays so when a later revision supersedes it; a draft is not (ADR 0013). */
export const PUBLIC_REPORT_STATES: readonly ReportState[] = ['submitted', 'superseded'];

export interface ReviewCycle {
  id: number;
  planId: number;
  number: number;
  startsOn: string;
  endsOn: string;
  reportDue: string;
  reviewOn: string | null;
  version: number;
}

export interface MilestoneProgress {
  milestoneId: number;
  status: MilestoneProgressStatus;
  percent: number;
  reason: Localized;
}

/** A milestone's entry before a report says anything about it. */
export const newMilestoneProgress = (milestoneId: number): MilestoneProgress => ({ milestoneId, status: 'not-started', percent: 0, reason: emptyLocalized() });

export interface ProgressReport {
  id: number;
  commitmentId: number;
  cycleId: number;
  revision: number;
  agencyId: number;
  state: ReportState;
  achievements: Localized;
  participation: Localized;
  civilSocietyParticipants: number | null;
  governmentParticipants: number | null;
  problems: Localized;
  nextSteps: Localized;
  budgetSpent: string | null;
  budgetCurrency: string | null;
  budgetNote: Localized;
  authorName: string;
  submittedAt: Date | null;
  submittedByName: string | null;
  milestones: MilestoneProgress[];
  isDemo: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a report says, apart from its cycle, revision and bookkeeping. */
export type ReportContent = Pick<
  ProgressReport,
  | 'achievements'
  | 'participation'
  | 'civilSocietyParticipants'
  | 'governmentParticipants'
  | 'problems'
  | 'nextSteps'
  | 'budgetSpent'
  | 'budgetCurrency'
  | 'budgetNote'
  | 'milestones'
>;

/** A new report's content before anything is written into it: no text, no counts, no budget, no milestone entries. */
export const newReportContent = (): ReportContent => ({
  achievements: emptyLocalized(),
  participation: emptyLocalized(),
  civilSocietyParticipants: null,
  governmentParticipants: null,
  problems: emptyLocalized(),
  nextSteps: emptyLocalized(),
  budgetSpent: null,
  budgetCurrency: null,
  budgetNote: emptyLocalized(),
  milestones: [],
});

// ---------------------------------------------------------------- dates

const parseDay = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const formatDay = (d: Date): string => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const d = parseDay(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return formatDay(d);
}

/** The first day of the month `months` after the month of `iso`. */
function monthStartAfter(iso: string, months: number): string {
  const d = parseDay(iso);
  return formatDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)));
}

/** The calendar day in Taipei, where the deadlines are set. */
export function taipeiDay(at: Date): string {
  return formatDay(new Date(at.getTime() + 8 * 3600_000));
}

export interface CycleDates {
  number: number;
  startsOn: string;
  endsOn: string;
  reportDue: string;
  reviewOn: string;
}

export interface CycleOptions {
  intervalMonths: number;
  /** Reports are due this many days after the cycle ends. */
  dueAfterDays: number;
  /** The forum reviews them this many days after the cycle ends. */
  reviewAfterDays: number;
}

export const DEFAULT_CYCLE_OPTIONS: CycleOptions = { intervalMonths: 4, dueAfterDays: 14, reviewAfterDays: 30 };

/**
 * Cycles of `intervalMonths` calendar months from the plan's start. A remainder shorter than half an interval
 * joins the last cycle rather than making a stub (2021-01..2024-05 in fours: ten cycles, the last of five months).
 */
export function generateCycles(periodStart: string, periodEnd: string, options: CycleOptions = DEFAULT_CYCLE_OPTIONS): CycleDates[] {
  const { intervalMonths, dueAfterDays, reviewAfterDays } = options;
  if (!(intervalMonths >= 1) || periodEnd < periodStart) return [];
  const spans: { startsOn: string; endsOn: string }[] = [];
  let start = periodStart;
  while (start <= periodEnd) {
    const next = monthStartAfter(start, intervalMonths);
    const end = addDays(next, -1) < periodEnd ? addDays(next, -1) : periodEnd;
    spans.push({ startsOn: start, endsOn: end });
    start = next;
  }
  const last = spans[spans.length - 1];
  const previous = spans[spans.length - 2];
  if (last && previous && monthStartAfter(last.startsOn, Math.ceil(intervalMonths / 2)) > addDays(last.endsOn, 1)) {
    previous.endsOn = last.endsOn;
    spans.pop();
  }
  return spans.map((s, i) => ({
    number: i + 1,
    ...s,
    reportDue: addDays(s.endsOn, dueAfterDays),
    reviewOn: addDays(s.endsOn, reviewAfterDays),
  }));
}

export function checkCycleDates(c: { startsOn: string; endsOn: string; reportDue: string; reviewOn: string | null }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (c.endsOn < c.startsOn) problems.push({ field: 'endsOn', key: 'error.endBeforeStart' });
  if (c.reportDue < c.startsOn) problems.push({ field: 'reportDue', key: 'error.dueBeforeStart' });
  if (c.reviewOn !== null && c.reviewOn < c.startsOn) problems.push({ field: 'reviewOn', key: 'error.reviewBeforeStart' });
  return problems;
}

/** The cycle being reported on: the one whose deadline is the next to come, or the last when all have passed. */
export function currentCycle<T extends Pick<ReviewCycle, 'startsOn' | 'reportDue'>>(cycles: readonly T[], today: string): T | undefined {
  const sorted = [...cycles].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const open = sorted.find((c) => c.startsOn <= today && today <= c.reportDue);
  return open ?? [...sorted].reverse().find((c) => c.startsOn <= today) ?? sorted[0];
}

// ---------------------------------------------------------------- report checks

/**
 * Problems with a report's per-milestone entries, named by form field (`milestones.<i>.reason`):
 * delayed and withdrawn need a reason; completed means 100 %, not started means 0 %.
 */
export function checkMilestoneProgress(entries: readonly MilestoneProgress[], milestoneIds: readonly number[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<number>();
  entries.forEach((e, i) => {
    const at = `milestones.${i}`;
    if (!milestoneIds.includes(e.milestoneId) || seen.has(e.milestoneId)) problems.push({ field: `${at}.milestoneId`, key: 'error.unknownMilestone' });
    seen.add(e.milestoneId);
    if (!Number.isInteger(e.percent) || e.percent < 0 || e.percent > 100) problems.push({ field: `${at}.percent`, key: 'error.percent' });
    if (STATUSES_NEEDING_REASON.includes(e.status) && e.reason.zh.trim() === '' && e.reason.en.trim() === '')
      problems.push({ field: `${at}.reason`, key: 'error.reasonRequired' });
    if (e.status === 'completed' && e.percent !== 100) problems.push({ field: `${at}.percent`, key: 'error.completedPercent' });
    if (e.status === 'not-started' && e.percent !== 0) problems.push({ field: `${at}.percent`, key: 'error.notStartedPercent' });
  });
  return problems;
}

// ---------------------------------------------------------------- roll-ups

export interface WeightedProgress {
  status: MilestoneProgressStatus;
  percent: number;
  weight: number | null;
}

/**
 * A commitment's percent complete from its milestones: withdrawn ones do not count; weighted when every
 * counted milestone has a weight, else the plain average. Null when nothing counts.
 */
export function commitmentPercent(items: readonly WeightedProgress[]): number | null {
  const counted = items.filter((i) => i.status !== 'withdrawn');
  if (counted.length === 0) return null;
  const weighted = counted.every((i) => i.weight !== null && i.weight > 0);
  const total = counted.reduce((sum, i) => sum + (weighted ? (i.weight as number) : 1), 0);
  const sum = counted.reduce((acc, i) => acc + i.percent * (weighted ? (i.weight as number) : 1), 0);
  return Math.round((sum / total) * 10) / 10;
}

/** The percent a report gives its commitment: its milestone entries weighted by the milestones' weights. */
export function reportPercent(entries: readonly MilestoneProgress[], milestones: readonly { id: number; weight: number | null }[]): number | null {
  const weights = new Map(milestones.map((m) => [m.id, m.weight]));
  return commitmentPercent(entries.map((e) => ({ status: e.status, percent: e.percent, weight: weights.get(e.milestoneId) ?? null })));
}

export const HEALTH = ['completed', 'on-track', 'delayed', 'not-started', 'no-report'] as const;
export type Health = (typeof HEALTH)[number];

/** The board's status of a commitment, from its latest submitted report (none: "no report"). */
export function commitmentHealth(items: readonly Pick<WeightedProgress, 'status'>[] | null): Health {
  if (items === null) return 'no-report';
  const counted = items.filter((i) => i.status !== 'withdrawn');
  if (counted.length > 0 && counted.every((i) => i.status === 'completed')) return 'completed';
  if (counted.some((i) => i.status === 'delayed')) return 'delayed';
  if (counted.some((i) => i.status === 'in-progress' || i.status === 'completed')) return 'on-track';
  return 'not-started';
}

/** The mean of commitment percents; commitments without a report count as 0 so silence never looks like progress. */
export function averagePercent(percents: readonly (number | null)[]): number | null {
  if (percents.length === 0) return null;
  return Math.round((percents.reduce<number>((sum, p) => sum + (p ?? 0), 0) / percents.length) * 10) / 10;
}

export function countHealth(healths: readonly Health[]): Record<Health, number> {
  const counts = Object.fromEntries(HEALTH.map((h) => [h, 0])) as Record<Health, number>;
  for (const h of healths) counts[h] += 1;
  return counts;
}

// ---------------------------------------------------------------- timeliness

export const REPORT_TIMINGS = ['on-time', 'late', 'draft', 'missing', 'not-due'] as const;
export type ReportTiming = (typeof REPORT_TIMINGS)[number];

/**
 * Where a commitment's report for a cycle stands on `today` (Taipei calendar days): submitted on or before the
 * due date is on time, after it late; otherwise a draft, missing once the deadline passed, or not yet due.
 */
export function reportTiming(
  cycle: Pick<ReviewCycle, 'reportDue'>,
  report: { submittedAt: Date | null; hasDraft: boolean } | null,
  today: string,
): ReportTiming {
  if (report?.submittedAt) return taipeiDay(report.submittedAt) <= cycle.reportDue ? 'on-time' : 'late';
  if (report?.hasDraft) return 'draft';
  return today > cycle.reportDue ? 'missing' : 'not-due';
}

/** A commitment is reported on in a cycle when their periods overlap. */
export function activeInCycle(commitment: { startDate: string; endDate: string }, cycle: Pick<ReviewCycle, 'startsOn' | 'endsOn'>): boolean {
  return commitment.startDate <= cycle.endsOn && commitment.endDate >= cycle.startsOn;
}

// ---------------------------------------------------------------- evidence files

export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** What we accept as evidence, by what the bytes are (never by the name or the browser's say-so alone). */
export const EVIDENCE_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  csv: 'text/csv',
  txt: 'text/plain',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odt: 'application/vnd.oasis.opendocument.text',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The media type of an evidence file when its extension is allowed and its content matches it; null otherwise.
 * Office formats are ZIP containers, so only the ZIP signature is checked for them.
 */
export function evidenceMediaType(fileName: string, bytes: Uint8Array): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (!(ext in EVIDENCE_TYPES)) return null;
  const type = EVIDENCE_TYPES[ext as keyof typeof EVIDENCE_TYPES];
  const matches =
    ext === 'pdf'
      ? startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])
      : ext === 'png'
        ? startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        : ext === 'jpg' || ext === 'jpeg'
          ? startsWith(bytes, [0xff, 0xd8, 0xff])
          : ext === 'csv' || ext === 'txt'
            ? isUtf8Text(bytes)
            : startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  return matches ? type : null;
}

export function checkEvidenceFile(fileName: string, bytes: Uint8Array): { mediaType: string | null; problems: FieldProblem[] } {
  if (bytes.byteLength === 0) return { mediaType: null, problems: [{ field: 'file', key: 'error.fileEmpty' }] };
  if (bytes.byteLength > EVIDENCE_MAX_BYTES)
    return { mediaType: null, problems: [{ field: 'file', key: 'error.fileTooLarge', params: { max: `${EVIDENCE_MAX_BYTES / 1024 / 1024} MB` } }] };
  const mediaType = evidenceMediaType(fileName, bytes);
  if (!mediaType) return { mediaType: null, problems: [{ field: 'file', key: 'error.fileType', params: { types: Object.keys(EVIDENCE_TYPES).join(', ') } }] };
  return { mediaType, problems: [] };
}
