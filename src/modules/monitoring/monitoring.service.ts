/**
 * Monitoring use cases. Writes: authorize (by role and by the commitment's lead or supporting agency), validate,
 * check the version, write and record history, in one transaction. Reads: roll-ups and the secretariat's board.
 */
import { createHash } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/connection.js';
import { can, type Actor } from '../../domain/authorization.js';
import { accountIdOf } from '../../domain/system-actor.js';
import { mergeLocalized, type Localized, type LocalizedPatch } from '../../domain/localized.js';
import {
  activeInCycle,
  averagePercent,
  checkCycleDates,
  checkEvidenceFile,
  checkMilestoneProgress,
  commitmentHealth,
  commitmentPercent,
  countHealth,
  generateCycles as generateCycleDates,
  newMilestoneProgress,
  newReportContent,
  reportTiming,
  taipeiDay,
  type CycleOptions,
  type Health,
  type MilestoneProgress,
  type ProgressReport,
  type ReportTiming,
  type ReviewCycle,
} from '../../domain/monitoring.js';
import type { ActionPlan, Agency, Area, Commitment, FieldProblem, Milestone } from '../../domain/plan.js';
import { AppError, NotFoundError, ValidationError } from '../../errors.js';
import { recordHistory, recorded } from '../history/index.js';
import { planQueries as plans } from '../plans/index.js';
import { assertValid, assertVersion, authorize, authorizedWrite, found, foundAtVersion, requireText, type HistorySubject } from '../../web/service-helpers.js';
import * as q from './monitoring.queries.js';
import type { CycleInput, ReportCreateInput, ReportUpdateInput } from './monitoring.schemas.js';

export interface MonitoringDeps {
  db: Db;
  now: () => Date;
  /** Marks what it creates as demonstration content: set by the demo seed only. */
  demo?: boolean;
}

/** A submitted report is a record: it changes only through a new revision. */
export class ReportLockedError extends AppError {
  constructor() {
    super(409, 'error.reportSubmitted');
  }
}

const ownership = (c: Pick<Commitment, 'leadAgencyId' | 'coAgencyIds'>) => ({ leadAgencyId: c.leadAgencyId, coAgencyIds: c.coAgencyIds });

/** Drafts are visible to whoever may write or contribute to them; everything else is public. */
export function canSeeDrafts(actor: Actor | null, commitment: Pick<Commitment, 'leadAgencyId' | 'coAgencyIds'>): boolean {
  return can(actor, 'report.contribute', ownership(commitment));
}

// Where history files the changes of cycles and of a commitment's reports.
const cycleSubject = (c: ReviewCycle): HistorySubject => ({ entityType: 'cycle', entityId: c.id, planId: c.planId, commitmentId: null });
const reportSubject = (reportId: number, c: Commitment): HistorySubject => ({ entityType: 'report', entityId: reportId, planId: c.planId, commitmentId: c.id });

// ---------------------------------------------------------------- cycles

export async function generateCycles(deps: MonitoringDeps, actor: Actor | null, planId: number, options: CycleOptions): Promise<ReviewCycle[]> {
  return authorizedWrite(deps.db, actor, 'cycle.manage', async (trx) => {
    const plan = found(await plans.lockPlan(trx, planId));
    // Reports hang on cycles; once any exists the cycles are edited one by one, never regenerated.
    if ((await q.countReportsInPlan(trx, planId)) > 0) throw new ValidationError([{ field: 'intervalMonths', key: 'error.cyclesHaveReports' }]);
    const before = await q.listCycles(trx, planId);
    await q.deleteCycles(trx, planId);
    const cycles = await q.insertCycles(trx, planId, generateCycleDates(plan.periodStart, plan.periodEnd, options));
    for (const c of before) await recordHistory(trx, { ...cycleSubject(c), action: 'delete', actor, before: c, after: null });
    for (const c of cycles) await recordHistory(trx, { ...cycleSubject(c), action: 'create', actor, before: null, after: c });
    return cycles;
  });
}

export async function updateCycle(
  deps: MonitoringDeps,
  actor: Actor | null,
  cycleId: number,
  patch: Partial<CycleInput> & { version: number },
): Promise<ReviewCycle> {
  return authorizedWrite(deps.db, actor, 'cycle.manage', async (trx) => {
    const current = foundAtVersion(await q.findCycleById(trx, cycleId, true), patch.version);
    const values: q.CycleValues = {
      startsOn: patch.startsOn ?? current.startsOn,
      endsOn: patch.endsOn ?? current.endsOn,
      reportDue: patch.reportDue ?? current.reportDue,
      reviewOn: patch.reviewOn === undefined ? current.reviewOn : patch.reviewOn,
    };
    assertValid(checkCycleDates(values));
    const updated = await q.updateCycleRow(trx, cycleId, values);
    return recorded(trx, { ...cycleSubject(current), action: 'update', actor, before: current, after: updated });
  });
}

// ---------------------------------------------------------------- reports

/** Every milestone of the commitment gets an entry: given ones as sent, the rest kept or "not started". */
function mergeMilestoneEntries(
  milestones: readonly Milestone[],
  stored: readonly MilestoneProgress[],
  given: ReportCreateInput['milestones'],
): MilestoneProgress[] {
  return milestones.map((m) => {
    const old = stored.find((s) => s.milestoneId === m.id) ?? newMilestoneProgress(m.id);
    const input = given?.find((g) => g.milestoneId === m.id);
    return input ? { milestoneId: m.id, status: input.status, percent: input.percent, reason: mergeLocalized(old.reason, input.reason) } : old;
  });
}

function unknownMilestones(milestones: readonly Milestone[], given: ReportCreateInput['milestones']): FieldProblem[] {
  const problems: FieldProblem[] = [];
  (given ?? []).forEach((g, i) => {
    if (!milestones.some((m) => m.id === g.milestoneId)) problems.push({ field: `milestones.${i}.milestoneId`, key: 'error.unknownMilestone' });
  });
  return problems;
}

type Content = q.ReportContent;

function mergeContent(current: Content, input: Omit<ReportUpdateInput, 'version'>, milestones: readonly Milestone[]): Content {
  return {
    achievements: mergeLocalized(current.achievements, input.achievements),
    participation: mergeLocalized(current.participation, input.participation),
    civilSocietyParticipants: input.civilSocietyParticipants === undefined ? current.civilSocietyParticipants : input.civilSocietyParticipants,
    governmentParticipants: input.governmentParticipants === undefined ? current.governmentParticipants : input.governmentParticipants,
    problems: mergeLocalized(current.problems, input.problems),
    nextSteps: mergeLocalized(current.nextSteps, input.nextSteps),
    budgetSpent: input.budgetSpent === undefined ? current.budgetSpent : input.budgetSpent,
    budgetCurrency: input.budgetCurrency === undefined ? current.budgetCurrency : input.budgetCurrency,
    budgetNote: mergeLocalized(current.budgetNote, input.budgetNote),
    milestones: mergeMilestoneEntries(milestones, current.milestones, input.milestones),
  };
}

/** Problems a draft may not have even while saved; submitting adds "say what was achieved". */
function checkContent(content: Content, milestones: readonly Milestone[], given: ReportCreateInput['milestones']): FieldProblem[] {
  // Entries are checked in the order the client sent them, so messages land on the fields it shows.
  const order = (given ?? []).map((g) => g.milestoneId);
  const sorted = [...content.milestones].sort((a, b) => {
    const ia = order.indexOf(a.milestoneId);
    const ib = order.indexOf(b.milestoneId);
    return (ia === -1 ? 1e6 : ia) - (ib === -1 ? 1e6 : ib);
  });
  const problems = [
    ...unknownMilestones(milestones, given),
    ...checkMilestoneProgress(
      sorted,
      milestones.map((m) => m.id),
    ),
  ];
  if (content.budgetSpent !== null && content.budgetCurrency === null) problems.push({ field: 'budgetCurrency', key: 'error.currencyRequired' });
  return problems;
}

async function commitmentOf(db: DbOrTx, commitmentId: number): Promise<Commitment> {
  return found(await plans.findCommitmentById(db, commitmentId));
}

export async function createReport(deps: MonitoringDeps, actor: Actor | null, commitmentId: number, input: ReportCreateInput): Promise<ProgressReport> {
  return deps.db.transaction().execute(async (trx) => {
    const commitment = found(await plans.findCommitmentById(trx, commitmentId, true));
    authorize(actor, 'report.write', ownership(commitment));
    const cycle = await q.findCycleById(trx, input.cycleId);
    if (!cycle || cycle.planId !== commitment.planId) throw new ValidationError([{ field: 'cycleId', key: 'error.unknownCycle' }]);
    const existing = await q.lockReportsFor(trx, commitmentId, cycle.id);
    if (existing.some((r) => r.state === 'draft')) throw new ValidationError([{ field: 'cycleId', key: 'error.reportDraftExists' }]);
    if (existing.some((r) => r.state === 'submitted')) throw new ValidationError([{ field: 'cycleId', key: 'error.reportUseRevision' }]);
    const milestones = await plans.listMilestones(trx, commitmentId);
    const content = mergeContent(newReportContent(), input, milestones);
    assertValid(checkContent(content, milestones, input.milestones));
    const report = await q.insertReport(trx, {
      ...content,
      commitmentId,
      cycleId: cycle.id,
      revision: (existing[0]?.revision ?? 0) + 1,
      agencyId: commitment.leadAgencyId,
      authorId: accountIdOf(actor),
      authorName: actor?.displayName ?? 'system',
      isDemo: deps.demo,
    });
    await recordHistory(trx, { ...reportSubject(report.id, commitment), action: 'create', actor, before: null, after: historyView(report) });
    return report;
  });
}

/** What the history keeps of a report: its content, not its bookkeeping. */
export const historyView = (r: ProgressReport) => ({
  cycleId: r.cycleId,
  revision: r.revision,
  state: r.state,
  achievements: r.achievements,
  participation: r.participation,
  civilSocietyParticipants: r.civilSocietyParticipants,
  governmentParticipants: r.governmentParticipants,
  problems: r.problems,
  nextSteps: r.nextSteps,
  budgetSpent: r.budgetSpent,
  budgetCurrency: r.budgetCurrency,
  budgetNote: r.budgetNote,
  milestones: r.milestones,
});

/** Locks a draft the actor may write, or says why not. */
async function lockDraftForWrite(trx: DbOrTx, actor: Actor | null, reportId: number, action: 'report.write' | 'report.contribute' = 'report.write') {
  const report = found(await q.findReportById(trx, reportId, true));
  const commitment = await commitmentOf(trx, report.commitmentId);
  authorize(actor, action, ownership(commitment));
  if (report.state !== 'draft') throw new ReportLockedError();
  return { report, commitment };
}

export async function updateReport(deps: MonitoringDeps, actor: Actor | null, reportId: number, patch: ReportUpdateInput): Promise<ProgressReport> {
  return deps.db.transaction().execute(async (trx) => {
    const { report, commitment } = await lockDraftForWrite(trx, actor, reportId);
    assertVersion(report, patch.version);
    const milestones = await plans.listMilestones(trx, commitment.id);
    const content = mergeContent(report, patch, milestones);
    assertValid(checkContent(content, milestones, patch.milestones));
    const updated = await q.updateReportContent(trx, reportId, content);
    await recordHistory(trx, { ...reportSubject(reportId, commitment), action: 'update', actor, before: historyView(report), after: historyView(updated) });
    return updated;
  });
}

export async function submitReport(deps: MonitoringDeps, actor: Actor | null, reportId: number, version: number): Promise<ProgressReport> {
  return deps.db.transaction().execute(async (trx) => {
    const { report, commitment } = await lockDraftForWrite(trx, actor, reportId);
    assertVersion(report, version);
    const milestones = await plans.listMilestones(trx, commitment.id);
    const problems = checkContent(report, milestones, report.milestones);
    requireText('achievements', report.achievements, problems);
    assertValid(problems);
    const siblings = await q.lockReportsFor(trx, commitment.id, report.cycleId);
    for (const old of siblings.filter((s) => s.state === 'submitted')) {
      await q.setReportState(trx, old.id, 'superseded');
      await recordHistory(trx, {
        ...reportSubject(old.id, commitment),
        action: 'update',
        actor,
        before: { state: 'submitted' },
        after: { state: 'superseded', supersededBy: report.revision },
      });
    }
    await q.setReportState(trx, reportId, 'submitted', { at: deps.now(), byName: actor?.displayName ?? 'system' });
    const submitted = (await q.findReportById(trx, reportId)) as ProgressReport;
    await recordHistory(trx, {
      ...reportSubject(reportId, commitment),
      action: 'submit',
      actor,
      before: { state: 'draft' },
      after: { state: 'submitted', revision: submitted.revision },
    });
    return submitted;
  });
}

/** Starts a new revision of a submitted report, carrying its content, evidence and contributions. */
export async function reviseReport(deps: MonitoringDeps, actor: Actor | null, reportId: number): Promise<ProgressReport> {
  return deps.db.transaction().execute(async (trx) => {
    const report = found(await q.findReportById(trx, reportId, true));
    const commitment = await commitmentOf(trx, report.commitmentId);
    authorize(actor, 'report.write', ownership(commitment));
    if (report.state !== 'submitted') throw new ValidationError([{ field: 'revision', key: 'error.reviseOnlySubmitted' }]);
    const siblings = await q.lockReportsFor(trx, commitment.id, report.cycleId);
    if (siblings.some((s) => s.state === 'draft')) throw new ValidationError([{ field: 'revision', key: 'error.reportDraftExists' }]);
    const draft = await q.insertReport(trx, {
      ...report,
      revision: (siblings[0]?.revision ?? report.revision) + 1,
      agencyId: commitment.leadAgencyId,
      authorId: accountIdOf(actor),
      authorName: actor?.displayName ?? 'system',
    });
    await q.copyReportParts(trx, report.id, draft.id);
    await recordHistory(trx, {
      ...reportSubject(draft.id, commitment),
      action: 'revise',
      actor,
      before: null,
      after: { revises: report.revision, revision: draft.revision },
    });
    return draft;
  });
}

export async function deleteDraft(deps: MonitoringDeps, actor: Actor | null, reportId: number, version: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { report, commitment } = await lockDraftForWrite(trx, actor, reportId);
    assertVersion(report, version);
    await q.deleteReportRow(trx, reportId);
    await recordHistory(trx, { ...reportSubject(reportId, commitment), action: 'delete', actor, before: historyView(report), after: null });
  });
}

// ---------------------------------------------------------------- evidence and contributions

async function recordEvidenceChange(trx: DbOrTx, actor: Actor | null, report: ProgressReport, commitment: Commitment, before: string[]): Promise<void> {
  const after = (await q.listEvidence(trx, [report.id])).map((e) => e.title);
  await q.touchReport(trx, report.id);
  await recordHistory(trx, { ...reportSubject(report.id, commitment), action: 'update', actor, before: { evidence: before }, after: { evidence: after } });
}

export async function addEvidenceLink(deps: MonitoringDeps, actor: Actor | null, reportId: number, input: { title: string; url: string }): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const { report, commitment } = await lockDraftForWrite(trx, actor, reportId);
    const before = (await q.listEvidence(trx, [reportId])).map((e) => e.title);
    const id = await q.insertEvidence(trx, { reportId, title: input.title, url: input.url });
    await recordEvidenceChange(trx, actor, report, commitment, before);
    return id;
  });
}

/** Checks size and content type before anything is written; a refused file leaves no trace. */
export async function addEvidenceFile(
  deps: MonitoringDeps,
  actor: Actor | null,
  reportId: number,
  input: { title: string; fileName: string; bytes: Uint8Array },
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const { report, commitment } = await lockDraftForWrite(trx, actor, reportId);
    const { mediaType, problems } = checkEvidenceFile(input.fileName, input.bytes);
    assertValid(problems);
    const fileName = input.fileName.replace(/[\\/\r\n"]/g, '_').slice(-200);
    const before = (await q.listEvidence(trx, [reportId])).map((e) => e.title);
    const id = await q.insertEvidence(trx, {
      reportId,
      title: input.title.trim() || fileName,
      fileName,
      mediaType: mediaType as string,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      content: input.bytes,
    });
    await recordEvidenceChange(trx, actor, report, commitment, before);
    return id;
  });
}

export async function removeEvidence(deps: MonitoringDeps, actor: Actor | null, reportId: number, evidenceId: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { report, commitment } = await lockDraftForWrite(trx, actor, reportId);
    const list = await q.listEvidence(trx, [reportId]);
    if (!list.some((e) => e.id === evidenceId)) throw new NotFoundError();
    await q.deleteEvidenceRow(trx, evidenceId);
    await recordEvidenceChange(
      trx,
      actor,
      report,
      commitment,
      list.map((e) => e.title),
    );
  });
}

/** A supporting agency's officer adds their part; the agency recorded is theirs (the lead's for editors). */
/** An unsaid translation status is a draft: the agency wrote it, nobody reviewed it yet. */
export async function addContribution(deps: MonitoringDeps, actor: Actor | null, reportId: number, text: LocalizedPatch): Promise<number> {
  const body: Localized = { zh: text.zh ?? '', en: text.en ?? '', status: text.status ?? 'draft' };
  return deps.db.transaction().execute(async (trx) => {
    const { commitment } = await lockDraftForWrite(trx, actor, reportId, 'report.contribute');
    const problems: FieldProblem[] = [];
    requireText('body', body, problems);
    assertValid(problems);
    const agencyId =
      actor?.role === 'agency-officer'
        ? (actor.agencyIds.find((id) => id === commitment.leadAgencyId || commitment.coAgencyIds.includes(id)) ?? commitment.leadAgencyId)
        : commitment.leadAgencyId;
    const id = await q.insertContribution(trx, { reportId, agencyId, body, authorName: actor?.displayName ?? 'system' });
    await q.touchReport(trx, reportId);
    await recordHistory(trx, {
      ...reportSubject(reportId, commitment),
      action: 'update',
      actor,
      before: { contribution: null },
      after: { contribution: body, agencyId },
    });
    return id;
  });
}

// ---------------------------------------------------------------- reads: roll-ups and board

export interface CommitmentProgress {
  commitment: plans.CommitmentSummary & { startDate: string; endDate: string };
  percent: number | null;
  health: Health;
  latestCycle: number | null;
}

export interface PlanProgress {
  percent: number | null;
  health: Record<Health, number>;
  commitments: CommitmentProgress[];
  areas: { area: Area; percent: number | null; health: Record<Health, number> }[];
  agencies: { agency: Agency; percent: number | null; health: Record<Health, number> }[];
  /** Each commitment's latest submitted report's milestone entries, by commitment id. */
  latest: Map<number, q.LatestProgress>;
}

const rollUp = (items: readonly CommitmentProgress[]) => ({
  percent: averagePercent(items.map((i) => i.percent)),
  health: countHealth(items.map((i) => i.health)),
});

/** Progress of every commitment from its latest submitted report, and the roll-ups by area, lead agency and plan. */
export async function planProgress(db: DbOrTx, plan: ActionPlan): Promise<PlanProgress> {
  const [commitments, areas, agencies, latest] = await Promise.all([
    plans.listCommitments(db, { planId: plan.id }),
    plans.listAreas(db, plan.id),
    plans.listAgencies(db),
    q.listLatestProgress(db, plan.id),
  ]);
  const items: CommitmentProgress[] = commitments.items.map((c) => {
    const p = latest.get(c.id);
    return {
      commitment: c,
      percent: p ? commitmentPercent(p.milestones) : null,
      health: commitmentHealth(p ? p.milestones : null),
      latestCycle: p?.cycleNumber ?? null,
    };
  });
  const leadIds = new Set(items.map((i) => i.commitment.leadAgencyId));
  return {
    ...rollUp(items),
    commitments: items,
    latest,
    areas: areas.map((area) => ({ area, ...rollUp(items.filter((i) => i.commitment.areaId === area.id)) })),
    agencies: agencies.filter((a) => leadIds.has(a.id)).map((agency) => ({ agency, ...rollUp(items.filter((i) => i.commitment.leadAgencyId === agency.id)) })),
  };
}

export interface BoardRow {
  commitment: Commitment;
  agency: Agency | undefined;
  timing: ReportTiming;
  submittedAt: Date | null;
  reportId: number | null;
}

export interface Board {
  cycle: ReviewCycle;
  today: string;
  rows: BoardRow[];
  counts: Record<ReportTiming, number>;
  /** Per lead agency: the reports still owed (missing or in draft), for reminders. */
  reminders: { agency: Agency; owed: BoardRow[] }[];
}

/** Which commitments active in the cycle have a report on time, late, in draft, missing or not yet due. */
export async function cycleBoard(db: DbOrTx, plan: ActionPlan, cycle: ReviewCycle, now: Date): Promise<Board> {
  const today = taipeiDay(now);
  const [commitments, agencies, states] = await Promise.all([
    plans.listCommitments(db, { planId: plan.id }),
    plans.listAgencies(db),
    q.listCycleReportStates(db, cycle.id),
  ]);
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const rows: BoardRow[] = commitments.items
    .filter((c) => activeInCycle(c, cycle) || states.has(c.id))
    .map((c) => {
      const s = states.get(c.id);
      return {
        commitment: c,
        agency: byId.get(c.leadAgencyId),
        timing: reportTiming(cycle, s ? { submittedAt: s.submittedAt, hasDraft: s.hasDraft } : null, today),
        submittedAt: s?.submittedAt ?? null,
        reportId: s?.reportId ?? null,
      };
    });
  const counts = { 'on-time': 0, late: 0, draft: 0, missing: 0, 'not-due': 0 } as Record<ReportTiming, number>;
  for (const r of rows) counts[r.timing] += 1;
  const owedByAgency = new Map<number, BoardRow[]>();
  for (const r of rows) {
    if (r.timing !== 'missing' && r.timing !== 'draft' && r.timing !== 'not-due') continue;
    owedByAgency.set(r.commitment.leadAgencyId, [...(owedByAgency.get(r.commitment.leadAgencyId) ?? []), r]);
  }
  const reminders = [...owedByAgency].flatMap(([id, owed]) => {
    const agency = byId.get(id);
    return agency ? [{ agency, owed }] : [];
  });
  reminders.sort((a, b) => a.agency.code.localeCompare(b.agency.code));
  return { cycle, today, rows, counts, reminders };
}
