/**
 * Monitoring as open data (ADR 0030): review cycles and progress reports, as the public progress pages show them
 * (monitoring.visibility.ts). Review cycles are public. A progress report is exported once submitted, and stays
 * so when superseded by a later revision (state 'submitted' or 'superseded'); drafts are never exported. A report's
 * milestone entries (status, percent, reason) have no id of their own (milestone_progress is keyed by report and
 * milestone), so they are a column of the report, "Milestone Progress", rather than an entity. Not exported: the
 * author's account (the name stored with the report and the submitter's name are), the evidence (links and files)
 * and the supporting agencies' contributions.
 */
import { z } from '@hono/zod-openapi';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { updateVersioned, movePastIds, countPlanRows } from '../../db/row-queries.js';
import { TRANSLATION_STATUSES, type Localized } from '../../domain/localized.js';
import { MILESTONE_PROGRESS_STATUSES, PUBLIC_REPORT_STATES, STATUSES_NEEDING_REASON } from '../../domain/monitoring.js';
import type { FieldProblem } from '../../domain/plan.js';
import { ValidationError } from '../../errors.js';
import { text } from '../../web/schemas.js';
import { changedRows, cell, type OpenDataColumn, type OpenDataEntity, type OpenDataRow, column } from '../../web/open-data.js';
import { recordImportedRows } from '../history/index.js';
import { planQueries } from '../plans/index.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// ---- review cycles ----

const cycleColumns: readonly OpenDataColumn[] = [
  column('id', 'Review Cycle ID', 'int', 'The review cycle’s identifier on this site.', '本站的檢討週期識別碼。'),
  column('planId', 'Action Plan ID', 'int', 'The plan the cycle belongs to.', '所屬行動方案。', { references: 'plans' }),
  column('number', 'Review Cycle Number', 'int', 'The cycle’s number in its plan (1, 2, …).', '週期在方案中的序號。'),
  column('startDate', 'Review Cycle Start', 'date', 'First day of the period reported on (YYYY-MM-DD).', '報告期間起日（YYYY-MM-DD）。'),
  column('endDate', 'Review Cycle End', 'date', 'Last day of the period reported on (YYYY-MM-DD).', '報告期間迄日（YYYY-MM-DD）。'),
  column('reportDue', 'Report Due', 'date', 'When the progress reports are due (YYYY-MM-DD).', '進度報告繳交期限（YYYY-MM-DD）。'),
  column('reviewDate', 'Review Date', 'date', 'When the forum plans to review the reports, if set.', '推動小組預定檢視報告的日期（若有）。', {
    nullable: true,
  }),
];

type CycleRead = { id: number; plan_id: number; number: number; starts_on: string; ends_on: string; report_due: string; review_on: string | null };
const cycleRow = (r: CycleRead): OpenDataRow => ({
  id: r.id,
  planId: r.plan_id,
  number: r.number,
  startDate: r.starts_on,
  endDate: r.ends_on,
  reportDue: r.report_due,
  reviewDate: r.review_on,
});
const selectCycles = (db: DbOrTx) => db.selectFrom('review_cycles').select(['id', 'plan_id', 'number', 'starts_on', 'ends_on', 'report_due', 'review_on']);

export const reviewCyclesEntity: OpenDataEntity = {
  name: 'review-cycles',
  title: { en: 'Review cycles', zh: '檢討週期' },
  description: {
    en: 'The periods progress is reported on, with the reports’ due date and the forum’s review.',
    zh: '進度報告的期間、繳交期限與推動小組檢視日期。',
  },
  order: 80,
  columns: cycleColumns,
  async count(db, scope) {
    return countPlanRows(db, 'review_cycles', scope.planId);
  },
  async read(db, scope, afterId, limit) {
    let q = selectCycles(db).where('id', '>', afterId);
    if (scope.planId !== null) q = q.where('plan_id', '=', scope.planId);
    return (await q.orderBy('id').limit(limit).execute()).map(cycleRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    return new Map((await selectCycles(db).where('id', 'in', ids).execute()).map((r) => [r.id, cycleRow(r)]));
  },
  check: (row) => {
    const problems: FieldProblem[] = [];
    if ((row.number as number) < 1) problems.push({ field: 'number', key: 'error.wholeNumber' });
    if ((row.startDate as string) > (row.endDate as string)) problems.push({ field: 'endDate', key: 'error.endBeforeStart' });
    if ((row.reportDue as string) < (row.startDate as string)) problems.push({ field: 'reportDue', key: 'error.endBeforeStart' });
    if (row.reviewDate !== null && (row.reviewDate as string) < (row.startDate as string)) problems.push({ field: 'reviewDate', key: 'error.endBeforeStart' });
    return problems;
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(cycleColumns, rows, before);
    for (const { row, before: stored } of changes) {
      const values = {
        plan_id: cell.int(row, 'planId'),
        number: cell.int(row, 'number'),
        starts_on: cell.text(row, 'startDate'),
        ends_on: cell.text(row, 'endDate'),
        report_due: cell.text(row, 'reportDue'),
        review_on: cell.textOrNull(row, 'reviewDate'),
      };
      if (stored) await updateVersioned(trx, 'review_cycles', cell.int(row, 'id'), values).execute();
      else
        await trx
          .insertInto('review_cycles')
          .values({ id: cell.int(row, 'id'), ...values })
          .execute();
    }
    await recordImportedRows(trx, 'cycle', changes, actor, (row) => ({ planId: row.planId as number, commitmentId: null }));
    await movePastIds(trx, 'review_cycles');
  },
};

// ---- progress reports ----

const localizedSchema = z.object({ zh: text(5000), en: text(5000), status: z.enum(TRANSLATION_STATUSES) }).strict();
const milestoneEntrySchema = z
  .object({
    milestoneId: z.number().int().min(1).max(2_147_483_647),
    status: z.enum(MILESTONE_PROGRESS_STATUSES),
    percent: z.number().int().min(0).max(100),
    reason: localizedSchema,
  })
  .strict();
type MilestoneEntry = z.infer<typeof milestoneEntrySchema>;

const reportColumns: readonly OpenDataColumn[] = [
  column('id', 'Progress Report ID', 'int', 'The report revision’s identifier on this site.', '本站的進度報告（版次）識別碼。'),
  column('commitmentId', 'Commitment ID', 'int', 'The commitment reported on.', '所報告的承諾事項。', { references: 'commitments' }),
  column('cycleId', 'Review Cycle ID', 'int', 'The review cycle it reports for.', '所屬檢討週期。', { references: 'review-cycles' }),
  column('revision', 'Revision', 'int', 'The revision (1, 2, …): a later submitted revision supersedes the earlier.', '版次：之後提交的版次取代先前版次。'),
  column('agencyId', 'Lead Institution ID', 'int', 'The lead agency when the report was written.', '撰寫時的主辦機關。', { references: 'agencies' }),
  column('state', 'Report State', 'enum', 'submitted, or superseded by a later revision.', '已提交，或已被後續版次取代。', { values: PUBLIC_REPORT_STATES }),
  column('achievements', 'Achievements', 'localized', 'What was achieved in the period.', '本期執行成果。'),
  column('participation', 'Participation', 'localized', 'How civil society took part.', '公民參與情形。'),
  column('civilSocietyParticipants', 'Civil Society Participants', 'int', 'How many civil-society participants, if counted.', '公民社會參與人數（若有）。', {
    nullable: true,
  }),
  column('governmentParticipants', 'Government Participants', 'int', 'How many government participants, if counted.', '政府參與人數（若有）。', {
    nullable: true,
  }),
  column('problems', 'Problems Encountered', 'localized', 'Problems met and how they were handled.', '遭遇困難與因應。'),
  column('nextSteps', 'Next Steps', 'localized', 'What comes next.', '下一步。'),
  column('budgetSpent', 'Budget Spent', 'decimal', 'The budget spent so far, if stated (two decimals).', '已執行預算（若有，兩位小數）。', { nullable: true }),
  column('budgetCurrency', 'Budget Currency', 'text', 'ISO 4217 code of its currency (e.g. TWD).', '幣別（ISO 4217，例如 TWD）。', { nullable: true, max: 3 }),
  column('budgetNote', 'Budget Note', 'localized', 'More about the budget.', '預算說明。'),
  column(
    'authorName',
    'Report Author',
    'text',
    'Who wrote the report, as the report shows the name (no account or e-mail address).',
    '報告撰寫者（依報告顯示之名稱；不含帳號或電子郵件）。',
    {
      max: 200,
    },
  ),
  column('submittedAt', 'Submitted At', 'text', 'When it was submitted (ISO 8601, UTC).', '提交時間（ISO 8601，UTC）。', { max: 30 }),
  column('submittedBy', 'Submitted By', 'text', 'Who submitted it, as the report shows the name.', '提交者（依報告顯示之名稱）。', {
    nullable: true,
    max: 200,
  }),
  column(
    'milestones',
    'Milestone Progress',
    'json',
    'Each milestone’s progress in the report: [{milestoneId, status (' +
      MILESTONE_PROGRESS_STATUSES.join(', ') +
      '), percent (0–100), reason {zh, en, status}}].',
    '各衡量指標的進度：[{milestoneId（衡量指標識別碼）, status（狀態）, percent（完成百分比 0–100）, reason（理由）}]。',
    { schema: z.array(milestoneEntrySchema).max(1000) },
  ),
];

type ReportRead = {
  id: number;
  commitment_id: number;
  cycle_id: number;
  revision: number;
  agency_id: number;
  state: string;
  achievements: Localized;
  participation: Localized;
  civil_society_participants: number | null;
  government_participants: number | null;
  problems: Localized;
  next_steps: Localized;
  budget_spent: string | null;
  budget_currency: string | null;
  budget_note: Localized;
  author_name: string;
  submitted_at: Date | null;
  submitted_by_name: string | null;
};

const selectReports = (db: DbOrTx) =>
  db
    .selectFrom('progress_reports')
    .select([
      'id',
      'commitment_id',
      'cycle_id',
      'revision',
      'agency_id',
      'state',
      'achievements',
      'participation',
      'civil_society_participants',
      'government_participants',
      'problems',
      'next_steps',
      'budget_spent',
      'budget_currency',
      'budget_note',
      'author_name',
      'submitted_at',
      'submitted_by_name',
    ])
    .where('state', 'in', [...PUBLIC_REPORT_STATES]);

async function reportRows(db: DbOrTx, rows: readonly ReportRead[]): Promise<OpenDataRow[]> {
  const entries = new Map<number, MilestoneEntry[]>();
  if (rows.length > 0)
    for (const e of await db
      .selectFrom('milestone_progress')
      .select(['report_id', 'milestone_id', 'status', 'percent', 'reason'])
      .where(
        'report_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('report_id')
      .orderBy('milestone_id')
      .execute()) {
      const reason = e.reason;
      entries.set(e.report_id, [
        ...(entries.get(e.report_id) ?? []),
        {
          milestoneId: e.milestone_id,
          status: e.status as MilestoneEntry['status'],
          percent: e.percent,
          reason: { zh: reason.zh, en: reason.en, status: reason.status },
        },
      ]);
    }
  return rows.map((r) => ({
    id: r.id,
    commitmentId: r.commitment_id,
    cycleId: r.cycle_id,
    revision: r.revision,
    agencyId: r.agency_id,
    state: r.state,
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
    submittedAt: (r.submitted_at as Date).toISOString(),
    submittedBy: r.submitted_by_name,
    milestones: entries.get(r.id) ?? [],
  }));
}

export const progressReportsEntity: OpenDataEntity = {
  name: 'progress-reports',
  title: { en: 'Progress reports', zh: '進度報告' },
  description: {
    en: 'The lead agencies’ submitted progress reports on commitments, each revision with its milestones’ progress; drafts are not included.',
    zh: '主辦機關已提交的承諾事項進度報告（各版次及其衡量指標進度）；草稿不列入。',
  },
  order: 90,
  columns: reportColumns,
  async count(db, scope) {
    let q = db
      .selectFrom('progress_reports')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('state', 'in', [...PUBLIC_REPORT_STATES]);
    if (scope.planId !== null) {
      const planId = scope.planId;
      q = q.where('cycle_id', 'in', (eb) => eb.selectFrom('review_cycles').select('id').where('plan_id', '=', planId));
    }
    return Number((await q.executeTakeFirstOrThrow()).n);
  },
  async read(db, scope, afterId, limit) {
    let q = selectReports(db).where('id', '>', afterId);
    if (scope.planId !== null) {
      const planId = scope.planId;
      q = q.where('cycle_id', 'in', (eb) => eb.selectFrom('review_cycles').select('id').where('plan_id', '=', planId));
    }
    return reportRows(db, await q.orderBy('id').limit(limit).execute());
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    const rows = await reportRows(db, await selectReports(db).where('id', 'in', ids).execute());
    return new Map(rows.map((r) => [r.id as number, r]));
  },
  check: (row) => {
    const problems: FieldProblem[] = [];
    if ((row.revision as number) < 1) problems.push({ field: 'revision', key: 'error.wholeNumber' });
    for (const key of ['civilSocietyParticipants', 'governmentParticipants'])
      if (row[key] !== null && (row[key] as number) < 0) problems.push({ field: key, key: 'error.wholeNumber' });
    const at = row.submittedAt as string;
    if (!INSTANT.test(at) || Number.isNaN(Date.parse(at))) problems.push({ field: 'submittedAt', key: 'participation.error.dateTime' });
    if (row.budgetCurrency !== null && !/^[A-Z]{3}$/.test(row.budgetCurrency as string)) problems.push({ field: 'budgetCurrency', key: 'error.currency' });
    const entries = row.milestones as MilestoneEntry[];
    const seen = new Set<number>();
    for (const e of entries) {
      if (seen.has(e.milestoneId)) problems.push({ field: 'milestones', key: 'error.duplicate' });
      seen.add(e.milestoneId);
      if (STATUSES_NEEDING_REASON.includes(e.status) && e.reason.zh.trim() === '' && e.reason.en.trim() === '')
        problems.push({ field: 'milestones', key: 'error.required' });
    }
    return problems;
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(reportColumns, rows, before);
    // The milestones an entry names must exist and belong to the report's commitment (read through plans' queries,
    // where the plans' entities of this import are already written).
    const commitments = await planQueries.commitmentLabels(
      trx,
      changes.map((c) => c.row.commitmentId as number),
    );
    const ownMilestones = new Map<number, Set<number>>();
    for (const planId of new Set([...commitments.values()].map((c) => c.planId)))
      for (const [commitmentId, list] of await planQueries.listMilestonesOfPlan(trx, planId)) ownMilestones.set(commitmentId, new Set(list.map((m) => m.id)));
    const problems: FieldProblem[] = [];
    for (const { row } of changes)
      for (const e of row.milestones as MilestoneEntry[])
        if (!ownMilestones.get(row.commitmentId as number)?.has(e.milestoneId))
          problems.push({ field: 'progress-reports.milestones', key: 'opendata.import.missingReference', params: { table: 'milestones', id: e.milestoneId } });
    if (problems.length > 0) throw new ValidationError(problems.slice(0, 100));
    const ids = changes.filter((c) => c.before).map((c) => c.row.id as number);
    const stored = new Map<number, number | null>();
    if (ids.length > 0)
      for (const r of await trx.selectFrom('progress_reports').select(['id', 'author_id']).where('id', 'in', ids).execute()) stored.set(r.id, r.author_id);
    // A revision is superseded before the one that supersedes it is submitted: the one-submitted index holds throughout.
    const ordered = [...changes].sort(
      (x, y) => Number(x.row.state === 'submitted') - Number(y.row.state === 'submitted') || (x.row.id as number) - (y.row.id as number),
    );
    for (const { row, before: previous } of ordered) {
      const id = cell.int(row, 'id');
      const values = {
        commitment_id: cell.int(row, 'commitmentId'),
        cycle_id: cell.int(row, 'cycleId'),
        revision: cell.int(row, 'revision'),
        agency_id: cell.int(row, 'agencyId'),
        state: cell.text(row, 'state'),
        achievements: jsonb(cell.localized(row, 'achievements')),
        participation: jsonb(cell.localized(row, 'participation')),
        civil_society_participants: cell.intOrNull(row, 'civilSocietyParticipants'),
        government_participants: cell.intOrNull(row, 'governmentParticipants'),
        problems: jsonb(cell.localized(row, 'problems')),
        next_steps: jsonb(cell.localized(row, 'nextSteps')),
        budget_spent: cell.textOrNull(row, 'budgetSpent'),
        budget_currency: cell.textOrNull(row, 'budgetCurrency'),
        budget_note: jsonb(cell.localized(row, 'budgetNote')),
        // The name as shown; a stored report keeps its author's account.
        author_name: cell.text(row, 'authorName'),
        submitted_at: new Date(cell.text(row, 'submittedAt')),
        submitted_by_name: cell.textOrNull(row, 'submittedBy'),
      };
      if (previous) await updateVersioned(trx, 'progress_reports', id, { ...values, author_id: stored.get(id) ?? null }).execute();
      else
        await trx
          .insertInto('progress_reports')
          .values({ id, ...values })
          .execute();
      await trx.deleteFrom('milestone_progress').where('report_id', '=', id).execute();
      const entries = row.milestones as MilestoneEntry[];
      if (entries.length > 0)
        await trx
          .insertInto('milestone_progress')
          .values(entries.map((e) => ({ report_id: id, milestone_id: e.milestoneId, status: e.status, percent: e.percent, reason: jsonb(e.reason) })))
          .execute();
    }
    await recordImportedRows(trx, 'report', changes, actor, (row) => ({
      planId: commitments.get(row.commitmentId as number)?.planId ?? null,
      commitmentId: row.commitmentId as number,
    }));
    await movePastIds(trx, 'progress_reports');
  },
};

export const monitoringOpenData: readonly OpenDataEntity[] = [reviewCyclesEntity, progressReportsEntity];
