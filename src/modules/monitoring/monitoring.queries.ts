/** All SQL for review cycles, progress reports, their milestone entries, evidence and contributions. */
import { sql, type Selectable } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { byIds, firstRow, lockedIf, updateVersioned, writtenRow } from '../../db/row-queries.js';
import type { ProgressReportsTable, ReportEvidenceTable, ReviewCyclesTable } from './monitoring.table.js';
import { planQueries } from '../plans/index.js';
import type { Localized } from '../../domain/localized.js';
import {
  PUBLIC_REPORT_STATES,
  type CycleDates,
  type MilestoneProgress,
  type MilestoneProgressStatus,
  type ProgressReport,
  type ReportContent,
  type ReportState,
  type ReviewCycle,
} from '../../domain/monitoring.js';

// ---- row mapping ----

export const toCycle = (r: Selectable<ReviewCyclesTable>): ReviewCycle => ({
  id: r.id,
  planId: r.plan_id,
  number: r.number,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  reportDue: r.report_due,
  reviewOn: r.review_on,
  version: r.version,
});

const toReport = (r: Selectable<ProgressReportsTable>, milestones: MilestoneProgress[]): ProgressReport => ({
  id: r.id,
  commitmentId: r.commitment_id,
  cycleId: r.cycle_id,
  revision: r.revision,
  agencyId: r.agency_id,
  state: r.state as ReportState,
  achievements: r.achievements,
  participation: r.participation,
  civilSocietyParticipants: r.civil_society_participants,
  governmentParticipants: r.government_participants,
  problems: r.problems,
  nextSteps: r.next_steps,
  budgetSpent: r.budget_spent,
  budgetCurrency: r.budget_currency,
  budgetNote: r.budget_note,
  authorName: r.author_name,
  submittedAt: r.submitted_at,
  submittedByName: r.submitted_by_name,
  milestones,
  isDemo: r.is_demo,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

// ---- cycles ----

export async function listCycles(db: DbOrTx, planId: number): Promise<ReviewCycle[]> {
  const rows = await db.selectFrom('review_cycles').selectAll().where('plan_id', '=', planId).orderBy('number').execute();
  return rows.map(toCycle);
}

export function findCycleById(db: DbOrTx, id: number, forUpdate = false): Promise<ReviewCycle | undefined> {
  return firstRow(lockedIf(db.selectFrom('review_cycles').selectAll().where('id', '=', id), forUpdate), toCycle);
}

export async function insertCycles(db: DbOrTx, planId: number, cycles: readonly CycleDates[]): Promise<ReviewCycle[]> {
  if (cycles.length === 0) return [];
  const rows = await db
    .insertInto('review_cycles')
    .values(
      cycles.map((c) => ({ plan_id: planId, number: c.number, starts_on: c.startsOn, ends_on: c.endsOn, report_due: c.reportDue, review_on: c.reviewOn })),
    )
    .returningAll()
    .execute();
  return rows.map(toCycle).sort((a, b) => a.number - b.number);
}

export async function deleteCycles(db: DbOrTx, planId: number): Promise<void> {
  await db.deleteFrom('review_cycles').where('plan_id', '=', planId).execute();
}

export type CycleValues = Pick<ReviewCycle, 'startsOn' | 'endsOn' | 'reportDue' | 'reviewOn'>;

export function updateCycleRow(db: DbOrTx, id: number, c: CycleValues): Promise<ReviewCycle> {
  return writtenRow(
    updateVersioned(db, 'review_cycles', id, { starts_on: c.startsOn, ends_on: c.endsOn, report_due: c.reportDue, review_on: c.reviewOn }),
    toCycle,
  );
}

export async function countReportsInPlan(db: DbOrTx, planId: number): Promise<number> {
  const row = await db
    .selectFrom('progress_reports as r')
    .innerJoin('review_cycles as c', 'c.id', 'r.cycle_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('c.plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return row.n;
}

// ---- reports ----

async function milestonesOf(db: DbOrTx, reportIds: readonly number[]): Promise<Map<number, MilestoneProgress[]>> {
  const byReport = new Map<number, MilestoneProgress[]>();
  if (reportIds.length === 0) return byReport;
  const rows = await db
    .selectFrom('milestone_progress')
    .select(['report_id', 'milestone_id', 'status', 'percent', 'reason'])
    .where('report_id', 'in', reportIds)
    .execute();
  // Entries in the milestones' order within their commitment, which plans knows.
  const order = await planQueries.milestoneOrder(
    db,
    rows.map((r) => r.milestone_id),
  );
  const position = (id: number) => order.get(id)?.position ?? Number.MAX_SAFE_INTEGER;
  rows.sort((a, b) => a.report_id - b.report_id || position(a.milestone_id) - position(b.milestone_id) || a.milestone_id - b.milestone_id);
  for (const r of rows) {
    const list = byReport.get(r.report_id) ?? [];
    list.push({ milestoneId: r.milestone_id, status: r.status as MilestoneProgressStatus, percent: r.percent, reason: r.reason });
    byReport.set(r.report_id, list);
  }
  return byReport;
}

async function withMilestones(db: DbOrTx, rows: Selectable<ProgressReportsTable>[]): Promise<ProgressReport[]> {
  const milestones = await milestonesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toReport(r, milestones.get(r.id) ?? []));
}

export async function findReportById(db: DbOrTx, id: number, forUpdate = false): Promise<ProgressReport | undefined> {
  const row = await lockedIf(db.selectFrom('progress_reports').selectAll().where('id', '=', id), forUpdate).executeTakeFirst();
  return row ? (await withMilestones(db, [row]))[0] : undefined;
}

/** Reports by id, with their milestone entries, in two queries however many (a history page names many). */
export function findReportsByIds(db: DbOrTx, ids: readonly number[]): Promise<Map<number, ProgressReport>> {
  return byIds(
    ids,
    async (unique) => withMilestones(db, await db.selectFrom('progress_reports').selectAll().where('id', 'in', unique).execute()),
    (report) => report,
  );
}

/** Every revision for a commitment, by cycle then revision; drafts only when asked. */
export async function listReportsForCommitment(db: DbOrTx, commitmentId: number, options: { includeDrafts: boolean }): Promise<ProgressReport[]> {
  let q = db
    .selectFrom('progress_reports as r')
    .innerJoin('review_cycles as c', 'c.id', 'r.cycle_id')
    .selectAll('r')
    .where('r.commitment_id', '=', commitmentId)
    .orderBy('c.number')
    .orderBy('r.revision');
  if (!options.includeDrafts) q = q.where('r.state', 'in', PUBLIC_REPORT_STATES);
  return withMilestones(db, await q.execute());
}

export async function listReportsForCycle(db: DbOrTx, cycleId: number): Promise<ProgressReport[]> {
  const rows = await db.selectFrom('progress_reports').selectAll().where('cycle_id', '=', cycleId).where('state', '<>', 'superseded').execute();
  return withMilestones(db, rows);
}

/** The revisions of one commitment's report for one cycle, newest first, with row locks. */
export async function lockReportsFor(db: DbOrTx, commitmentId: number, cycleId: number): Promise<Selectable<ProgressReportsTable>[]> {
  return db
    .selectFrom('progress_reports')
    .selectAll()
    .where('commitment_id', '=', commitmentId)
    .where('cycle_id', '=', cycleId)
    .orderBy('revision', 'desc')
    .forUpdate()
    .execute();
}

export type { ReportContent };

const contentColumns = (r: ReportContent) => ({
  achievements: jsonb(r.achievements),
  participation: jsonb(r.participation),
  civil_society_participants: r.civilSocietyParticipants,
  government_participants: r.governmentParticipants,
  problems: jsonb(r.problems),
  next_steps: jsonb(r.nextSteps),
  budget_spent: r.budgetSpent,
  budget_currency: r.budgetCurrency,
  budget_note: jsonb(r.budgetNote),
});

async function replaceMilestoneProgress(db: DbOrTx, reportId: number, entries: readonly MilestoneProgress[]): Promise<void> {
  await db.deleteFrom('milestone_progress').where('report_id', '=', reportId).execute();
  if (entries.length === 0) return;
  await db
    .insertInto('milestone_progress')
    .values(entries.map((e) => ({ report_id: reportId, milestone_id: e.milestoneId, status: e.status, percent: e.percent, reason: jsonb(e.reason) })))
    .execute();
}

export async function insertReport(
  db: DbOrTx,
  r: ReportContent & {
    commitmentId: number;
    cycleId: number;
    revision: number;
    agencyId: number;
    authorId: number | null;
    authorName: string;
    isDemo?: boolean;
  },
): Promise<ProgressReport> {
  const row = await db
    .insertInto('progress_reports')
    .values({
      commitment_id: r.commitmentId,
      cycle_id: r.cycleId,
      revision: r.revision,
      agency_id: r.agencyId,
      author_id: r.authorId,
      author_name: r.authorName,
      is_demo: r.isDemo ?? false,
      ...contentColumns(r),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceMilestoneProgress(db, row.id, r.milestones);
  return (await findReportById(db, row.id)) as ProgressReport;
}

export async function updateReportContent(db: DbOrTx, id: number, r: ReportContent): Promise<ProgressReport> {
  await updateVersioned(db, 'progress_reports', id, contentColumns(r)).execute();
  await replaceMilestoneProgress(db, id, r.milestones);
  return (await findReportById(db, id)) as ProgressReport;
}

export async function setReportState(db: DbOrTx, id: number, state: ReportState, submitted?: { at: Date; byName: string }): Promise<void> {
  await updateVersioned(db, 'progress_reports', id, {
    state,
    ...(submitted ? { submitted_at: submitted.at, submitted_by_name: submitted.byName } : {}),
  }).execute();
}

/** Bumps the version of a report whose parts (evidence, contributions) changed, so other editors see it changed. */
export async function touchReport(db: DbOrTx, id: number): Promise<void> {
  await updateVersioned(db, 'progress_reports', id, {}).execute();
}

export async function deleteReportRow(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('progress_reports').where('id', '=', id).execute();
}

// ---- evidence ----

export interface Evidence {
  id: number;
  reportId: number;
  title: string;
  url: string | null;
  fileName: string | null;
  mediaType: string | null;
  byteSize: number | null;
  sha256: string | null;
}

const evidenceColumns = ['id', 'report_id', 'title', 'url', 'file_name', 'media_type', 'byte_size', 'sha256'] as const;

const toEvidence = (r: Pick<Selectable<ReportEvidenceTable>, (typeof evidenceColumns)[number]>): Evidence => ({
  id: r.id,
  reportId: r.report_id,
  title: r.title,
  url: r.url,
  fileName: r.file_name,
  mediaType: r.media_type,
  byteSize: r.byte_size,
  sha256: r.sha256,
});

export async function listEvidence(db: DbOrTx, reportIds: readonly number[]): Promise<Evidence[]> {
  if (reportIds.length === 0) return [];
  const rows = await db.selectFrom('report_evidence').select(evidenceColumns).where('report_id', 'in', reportIds).orderBy('id').execute();
  return rows.map(toEvidence);
}

export async function findEvidenceFile(db: DbOrTx, id: number): Promise<(Evidence & { content: Uint8Array }) | undefined> {
  const r = await db.selectFrom('report_evidence').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r?.content) return undefined;
  return { ...toEvidence(r), content: r.content };
}

export async function insertEvidence(
  db: DbOrTx,
  e: { reportId: number; title: string } & ({ url: string } | { fileName: string; mediaType: string; sha256: string; content: Uint8Array }),
): Promise<number> {
  const row = await db
    .insertInto('report_evidence')
    .values(
      'url' in e
        ? { report_id: e.reportId, title: e.title, url: e.url }
        : {
            report_id: e.reportId,
            title: e.title,
            file_name: e.fileName,
            media_type: e.mediaType,
            byte_size: e.content.byteLength,
            sha256: e.sha256,
            content: e.content,
          },
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteEvidenceRow(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('report_evidence').where('id', '=', id).execute();
}

// ---- contributions from supporting agencies ----

export interface Contribution {
  id: number;
  reportId: number;
  agencyId: number;
  body: Localized;
  authorName: string;
  createdAt: Date;
}

export async function listContributions(db: DbOrTx, reportIds: readonly number[]): Promise<Contribution[]> {
  if (reportIds.length === 0) return [];
  const rows = await db.selectFrom('report_contributions').selectAll().where('report_id', 'in', reportIds).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, reportId: r.report_id, agencyId: r.agency_id, body: r.body, authorName: r.author_name, createdAt: r.created_at }));
}

export async function insertContribution(db: DbOrTx, c: { reportId: number; agencyId: number; body: Localized; authorName: string }): Promise<number> {
  const row = await db
    .insertInto('report_contributions')
    .values({ report_id: c.reportId, agency_id: c.agencyId, body: jsonb(c.body), author_name: c.authorName })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A new revision starts with the evidence and contributions of the one it revises. */
export async function copyReportParts(db: DbOrTx, fromReportId: number, toReportId: number): Promise<void> {
  await sql`INSERT INTO report_evidence (report_id, title, url, file_name, media_type, byte_size, sha256, content, created_at)
            SELECT ${toReportId}, title, url, file_name, media_type, byte_size, sha256, content, created_at
            FROM report_evidence WHERE report_id = ${fromReportId} ORDER BY id`.execute(db);
  await sql`INSERT INTO report_contributions (report_id, agency_id, body, author_name, created_at)
            SELECT ${toReportId}, agency_id, body, author_name, created_at
            FROM report_contributions WHERE report_id = ${fromReportId} ORDER BY id`.execute(db);
}

// ---- roll-ups ----

export interface LatestProgress {
  commitmentId: number;
  reportId: number;
  cycleNumber: number;
  milestones: { milestoneId: number; status: MilestoneProgressStatus; percent: number; weight: number | null }[];
}

/** A submitted report and one of its milestone entries (none: null), as the roll-up queries read them. */
interface ReportEntryRow {
  report_id: number;
  commitment_id: number;
  cycle_number: number;
  milestone_id: number | null;
  status: string | null;
  percent: number | null;
}

/** The entries of each commitment's latest submitted report in a plan (by cycle); a report without entries, one row. */
async function latestReportEntries(db: DbOrTx, planId: number, commitmentIds?: readonly number[]): Promise<ReportEntryRow[]> {
  if (commitmentIds?.length === 0) return [];
  // Only the commitments asked for, when the caller names them (a commitment's page shows one status, not the plan's).
  const only = commitmentIds ? sql`AND r.commitment_id IN (${sql.join([...commitmentIds])})` : sql``;
  // The reports and their entries in one statement: every plan and commitment page shows statuses made from them.
  const rows = await sql<ReportEntryRow>`
    WITH latest AS (
      SELECT DISTINCT ON (r.commitment_id) r.id, r.commitment_id, c.number
      FROM progress_reports r JOIN review_cycles c ON c.id = r.cycle_id
      WHERE c.plan_id = ${planId} AND r.state = 'submitted' ${only}
      ORDER BY r.commitment_id, c.number DESC)
    SELECT l.id AS report_id, l.commitment_id, l.number AS cycle_number, e.milestone_id, e.status, e.percent
    FROM latest l LEFT JOIN milestone_progress e ON e.report_id = l.id
    ORDER BY l.commitment_id`.execute(db);
  return rows.rows;
}

/** Each commitment's latest submitted report in a plan (by cycle), with its milestone entries and weights. */
export async function listLatestProgress(db: DbOrTx, planId: number, commitmentIds?: readonly number[]): Promise<Map<number, LatestProgress>> {
  const progress = await progressOf(db, await latestReportEntries(db, planId, commitmentIds));
  return new Map([...progress.values()].map((p) => [p.commitmentId, p]));
}

/**
 * What a public status needs of each commitment's latest submitted report (domain/public-status.ts): its entries'
 * statuses, without the milestones' order and weights (plans' rows, one more read).
 */
export async function listLatestReportedStatuses(
  db: DbOrTx,
  planId: number,
  commitmentIds: readonly number[],
): Promise<Map<number, { milestones: { status: MilestoneProgressStatus }[] }>> {
  const latest = new Map<number, { milestones: { status: MilestoneProgressStatus }[] }>();
  for (const row of await latestReportEntries(db, planId, commitmentIds)) {
    const report = latest.get(row.commitment_id) ?? { milestones: [] };
    if (row.status !== null) report.milestones.push({ status: row.status as MilestoneProgressStatus });
    latest.set(row.commitment_id, report);
  }
  return latest;
}

/** A commitment's submitted report per cycle: its progress over time. */
export async function listProgressOverCycles(db: DbOrTx, commitmentId: number): Promise<LatestProgress[]> {
  const rows = await db
    .selectFrom('progress_reports as r')
    .innerJoin('review_cycles as c', 'c.id', 'r.cycle_id')
    .leftJoin('milestone_progress as e', 'e.report_id', 'r.id')
    .select(['r.id as report_id', 'r.commitment_id', 'c.number as cycle_number', 'e.milestone_id', 'e.status', 'e.percent'])
    .where('r.commitment_id', '=', commitmentId)
    .where('r.state', '=', 'submitted')
    .orderBy('c.number')
    .execute();
  const progress = await progressOf(db, rows);
  return [...progress.values()].sort((a, b) => a.cycleNumber - b.cycleNumber);
}

/** Reports from their entry rows, keyed by report id: entries in the plan's milestone order, with the weights. */
async function progressOf(db: DbOrTx, rows: readonly ReportEntryRow[]): Promise<Map<number, LatestProgress>> {
  const out = new Map<number, LatestProgress>();
  for (const r of rows) {
    if (!out.has(r.report_id)) out.set(r.report_id, { reportId: r.report_id, commitmentId: r.commitment_id, cycleNumber: r.cycle_number, milestones: [] });
  }
  const entries = rows.flatMap((r) =>
    r.milestone_id === null || r.status === null || r.percent === null
      ? []
      : [{ reportId: r.report_id, milestoneId: r.milestone_id, status: r.status, percent: r.percent }],
  );
  if (entries.length === 0) return out;
  const order = await planQueries.milestoneOrder(
    db,
    entries.map((e) => e.milestoneId),
  );
  const position = (id: number) => order.get(id)?.position ?? Number.MAX_SAFE_INTEGER;
  entries.sort((a, b) => position(a.milestoneId) - position(b.milestoneId) || a.milestoneId - b.milestoneId);
  for (const e of entries) {
    out.get(e.reportId)?.milestones.push({
      milestoneId: e.milestoneId,
      status: e.status as MilestoneProgressStatus,
      percent: e.percent,
      weight: order.get(e.milestoneId)?.weight ?? null,
    });
  }
  return out;
}

// ---- the board ----

export interface CycleReportState {
  commitmentId: number;
  submittedAt: Date | null;
  hasDraft: boolean;
  reportId: number | null;
}

/** Per commitment: its submitted report for the cycle (if any) and whether a draft is in progress. */
export async function listCycleReportStates(db: DbOrTx, cycleId: number): Promise<Map<number, CycleReportState>> {
  const rows = await db
    .selectFrom('progress_reports')
    .select(['id', 'commitment_id', 'state', 'submitted_at', 'revision'])
    .where('cycle_id', '=', cycleId)
    .orderBy('revision')
    .execute();
  const out = new Map<number, CycleReportState>();
  for (const r of rows) {
    const s = out.get(r.commitment_id) ?? { commitmentId: r.commitment_id, submittedAt: null, hasDraft: false, reportId: null };
    if (r.state === 'draft') s.hasDraft = true;
    // The first submission counts for timeliness; later revisions correct it but do not make it late.
    if (r.state !== 'draft' && (s.submittedAt === null || (r.submitted_at && r.submitted_at < s.submittedAt))) s.submittedAt = r.submitted_at;
    if (r.state === 'submitted') s.reportId = r.id;
    out.set(r.commitment_id, s);
  }
  return out;
}

// ---- feeds ----

export interface ReportFeedItem {
  reportId: number;
  revision: number;
  submittedAt: Date;
  updatedAt: Date;
  commitmentNumber: string;
  commitmentTitle: Localized;
  planSlug: string;
  planTitle: Localized;
  cycleNumber: number;
  agencyName: Localized;
  achievements: Localized;
}

/** Submitted reports (and revisions), newest first, for a plan, a commitment or an agency. */
export async function listReportFeed(db: DbOrTx, f: { planId?: number; commitmentId?: number; agencyId?: number }, limit = 50): Promise<ReportFeedItem[]> {
  let q = db
    .selectFrom('progress_reports as r')
    .innerJoin('review_cycles as c', 'c.id', 'r.cycle_id')
    .select(['r.id', 'r.revision', 'r.submitted_at', 'r.updated_at', 'r.commitment_id', 'r.agency_id', 'c.number as cycle_number', 'r.achievements'])
    .where('r.state', 'in', PUBLIC_REPORT_STATES)
    .orderBy('r.submitted_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit);
  // A report's cycle is its commitment's plan's.
  if (f.planId !== undefined) q = q.where('c.plan_id', '=', f.planId);
  if (f.commitmentId !== undefined) q = q.where('r.commitment_id', '=', f.commitmentId);
  if (f.agencyId !== undefined) q = q.where('r.agency_id', '=', f.agencyId);
  const labelled = await withCommitmentAndAgency(db, await q.execute());
  return labelled.map(({ row: r, commitment, agencyName }) => ({
    reportId: r.id,
    revision: r.revision,
    submittedAt: r.submitted_at as Date,
    updatedAt: r.updated_at,
    commitmentNumber: commitment.number,
    commitmentTitle: commitment.title,
    planSlug: commitment.planSlug,
    planTitle: commitment.planTitle,
    cycleNumber: r.cycle_number,
    agencyName,
    achievements: r.achievements,
  }));
}

/** Each report row with its commitment's label and its agency's name (plans' data); rows missing either are left out. */
async function withCommitmentAndAgency<R extends { commitment_id: number; agency_id: number }>(
  db: DbOrTx,
  rows: readonly R[],
): Promise<{ row: R; commitment: planQueries.CommitmentLabel; agencyName: Localized }[]> {
  const [commitments, agencies] = await Promise.all([
    planQueries.commitmentLabels(
      db,
      rows.map((r) => r.commitment_id),
    ),
    planQueries.agencyNames(
      db,
      rows.map((r) => r.agency_id),
    ),
  ]);
  return rows.flatMap((row) => {
    const commitment = commitments.get(row.commitment_id);
    const agencyName = agencies.get(row.agency_id);
    return commitment && agencyName ? [{ row, commitment, agencyName }] : [];
  });
}

// ---- references to cycles and reports, as the forum shows them ----

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
  const r = await db
    .selectFrom('review_cycles')
    .select(['id', 'plan_id', 'number', 'starts_on', 'ends_on', 'review_on'])
    .where('id', '=', id)
    .executeTakeFirst();
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

/** Report rows with their cycle; commitments and agencies are named by plans' queries. */
function reportRows(db: DbOrTx) {
  return db
    .selectFrom('progress_reports as p')
    .innerJoin('review_cycles as y', 'y.id', 'p.cycle_id')
    .select(['p.id', 'p.commitment_id', 'p.agency_id', 'p.cycle_id', 'y.plan_id', 'y.number as cycle_number', 'p.revision', 'p.state', 'p.submitted_at']);
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof reportRows>['execute']>>[number];

/** The rows as references, in cycle order when asked, then commitment number (1-2 < 1-10 < 2-1), then report id. */
async function toReportRefs(db: DbOrTx, rows: ReportRow[], byCycle: boolean): Promise<ReportRef[]> {
  const refs = (await withCommitmentAndAgency(db, rows)).map(({ row: r, commitment, agencyName }): ReportRef => ({
    reportId: r.id,
    planId: commitment.planId,
    commitmentId: r.commitment_id,
    commitmentNumber: commitment.number,
    commitmentTitle: commitment.title,
    agencyId: r.agency_id,
    agencyName,
    cycleId: r.cycle_id,
    cycleNumber: r.cycle_number,
    revision: r.revision,
    state: r.state as ReportRef['state'],
    submittedAt: r.submitted_at,
  }));
  return refs.sort(
    (a, b) =>
      (byCycle ? a.cycleNumber - b.cycleNumber : 0) || planQueries.compareCommitmentNumbers(a.commitmentNumber, b.commitmentNumber) || a.reportId - b.reportId,
  );
}

export async function findReportRefs(db: DbOrTx, reportIds: readonly number[]): Promise<ReportRef[]> {
  if (reportIds.length === 0) return [];
  return toReportRefs(
    db,
    await reportRows(db)
      .where('p.id', 'in', [...reportIds])
      .execute(),
    false,
  );
}

/** Reports the forum can review: submitted ones of the plan (optionally of one cycle), in commitment order. */
export async function listReviewableReports(db: DbOrTx, planId: number, cycleId: number | null): Promise<ReportRef[]> {
  let q = reportRows(db).where('y.plan_id', '=', planId).where('p.state', '=', 'submitted');
  if (cycleId !== null) q = q.where('p.cycle_id', '=', cycleId);
  return toReportRefs(db, await q.execute(), true);
}

/** A deleted account's name leaves the reports it wrote; the reports stay, by a former participant (empty name). */
export async function eraseAuthorName(db: DbOrTx, userId: number): Promise<void> {
  await db.updateTable('progress_reports').set({ author_name: '' }).where('author_id', '=', userId).execute();
}
