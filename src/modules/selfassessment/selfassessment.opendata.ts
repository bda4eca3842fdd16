/**
 * The government's self-assessments as open data (ADR 0030, 0036): those the public may read — in their comment
 * period or published; a draft is the secretariat's alone (selfassessment.visibility.ts) and never exported — and
 * their entries, one per commitment: the status the government states and its narrative.
 *
 * - An import accepts only the public states (comment, published); an entry must belong to an assessment of the file
 *   or a public stored one, and name a commitment of the assessment's plan, once.
 * - It files each change in the history as the module's use cases do ('selfAssessment' under its plan,
 *   'selfAssessmentEntry' under its commitment), and moves the id sequences past the imported ids.
 */
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { movePastIds, updateVersioned } from '../../db/row-queries.js';
import type { Localized } from '../../domain/localized.js';
import { COMMITMENT_STATUSES, type FieldProblem } from '../../domain/plan.js';
import { MAX_COMMENT_DAYS, REVIEW_STATES } from '../../domain/review.js';
import { ValidationError } from '../../errors.js';
import { changedRows, cell, column, commentPeriodProblems, type OpenDataColumn, type OpenDataEntity, type OpenDataRow } from '../../web/open-data.js';
import { recordImportedRow } from '../history/index.js';
import { planQueries } from '../plans/index.js';

/** The states the public may read a self-assessment in. */
const PUBLIC_STATES = REVIEW_STATES.filter((s) => s !== 'draft');

const instant = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const dateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));
const across = (entity: string, key: string, id: number, problem: string): FieldProblem => ({ field: `${entity}.${key} (ID ${id})`, key: problem });
const refuse = (problems: readonly FieldProblem[]): void => {
  if (problems.length > 0) throw new ValidationError(problems.slice(0, 100));
};

// ---- self-assessments ----

const assessmentColumns: readonly OpenDataColumn[] = [
  column('id', 'Self-Assessment ID', 'int', 'The self-assessment’s identifier on this site.', '本站的自評報告識別碼。'),
  column('planId', 'Action Plan ID', 'int', 'The plan it assesses.', '自評的行動方案。', { references: 'plans' }),
  column('year', 'Self-Assessment Year', 'int', 'The year it covers (one per plan and year).', '自評年度（每一方案每年一份）。'),
  column(
    'state',
    'Self-Assessment State',
    'enum',
    'comment (public, taking comments until its comment period closes) or published (never changed). Drafts are not public.',
    '狀態：意見徵詢中（comment）或已發布（published，不再修改）。草稿不公開。',
    { values: PUBLIC_STATES },
  ),
  column('title', 'Self-Assessment Title', 'localized', 'The self-assessment’s title.', '自評報告標題。', { max: 300 }),
  column('summary', 'Summary', 'localized', 'The government’s summary.', '政府的自評摘要。'),
  column('commentDays', 'Comment Period Days', 'int', 'How many days the comment period lasts (1 to 90).', '意見徵詢天數（1 至 90）。'),
  column('commentOpensAt', 'Comment Period Opens At', 'text', 'When its comment period opened (ISO 8601, UTC).', '意見徵詢開始時間（ISO 8601，UTC）。', {
    nullable: true,
    max: 30,
  }),
  column('commentClosesAt', 'Comment Period Closes At', 'text', 'When its comment period closes (ISO 8601, UTC).', '意見徵詢截止時間（ISO 8601，UTC）。', {
    nullable: true,
    max: 30,
  }),
  column('publishedAt', 'Published At', 'text', 'When it was published (ISO 8601, UTC; empty while in comment).', '發布時間（ISO 8601，UTC；徵詢中為空白）。', {
    nullable: true,
    max: 30,
  }),
];

const selectAssessments = (db: DbOrTx) =>
  db
    .selectFrom('self_assessments')
    .select(['id', 'plan_id', 'year', 'state', 'title', 'summary', 'comment_days', 'comment_opens_at', 'comment_closes_at', 'published_at'])
    .where('state', 'in', PUBLIC_STATES);

type AssessmentRead = Awaited<ReturnType<ReturnType<typeof selectAssessments>['execute']>>[number];

const assessmentRow = (r: AssessmentRead): OpenDataRow => ({
  id: r.id,
  planId: r.plan_id,
  year: r.year,
  state: r.state,
  title: r.title,
  summary: r.summary,
  commentDays: r.comment_days,
  commentOpensAt: instant(r.comment_opens_at),
  commentClosesAt: instant(r.comment_closes_at),
  publishedAt: instant(r.published_at),
});

export const selfAssessmentsEntity: OpenDataEntity = {
  name: 'selfAssessments',
  title: { en: 'Self-assessments', zh: '政府自評報告' },
  description: {
    en: 'The government’s yearly self-assessments of a plan that the public may read (in their comment period or published; drafts are not public).',
    zh: '政府對行動方案的年度自評中公眾可閱覽者（意見徵詢中或已發布；草稿不公開）。',
  },
  order: 350,
  columns: assessmentColumns,
  async count(db, scope) {
    let query = db
      .selectFrom('self_assessments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('state', 'in', PUBLIC_STATES);
    if (scope.planId !== null) query = query.where('plan_id', '=', scope.planId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  },
  async read(db, scope, afterId, limit) {
    let query = selectAssessments(db).where('id', '>', afterId);
    if (scope.planId !== null) query = query.where('plan_id', '=', scope.planId);
    return (await query.orderBy('id').limit(limit).execute()).map(assessmentRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    return new Map((await selectAssessments(db).where('id', 'in', ids).execute()).map((r) => [r.id, assessmentRow(r)]));
  },
  check: (row) => {
    const problems = commentPeriodProblems(row);
    const year = row.year as number;
    if (year < 2000 || year > 2100) problems.push({ field: 'year', key: 'selfAssessment.error.year' });
    const days = row.commentDays as number;
    if (days < 1 || days > MAX_COMMENT_DAYS) problems.push({ field: 'commentDays', key: 'selfAssessment.error.commentDays' });
    return problems;
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(assessmentColumns, rows, before);
    if (changes.length === 0) return;
    // One self-assessment per plan and year, among the file's rows and the stored ones it does not rewrite.
    const problems: FieldProblem[] = [];
    const years = new Map<string, number>();
    for (const row of rows) {
      const key = `${row.planId as number}/${row.year as number}`;
      if (years.has(key)) problems.push(across('selfAssessments', 'year', row.id as number, 'error.taken'));
      years.set(key, row.id as number);
    }
    const stored = await trx
      .selectFrom('self_assessments')
      .select(['plan_id', 'year'])
      .where(
        'id',
        'not in',
        rows.map((r) => r.id as number),
      )
      .where('plan_id', 'in', [...new Set(rows.map((r) => r.planId as number))])
      .execute();
    for (const s of stored) {
      const clash = years.get(`${s.plan_id}/${s.year}`);
      if (clash !== undefined) problems.push(across('selfAssessments', 'year', clash, 'error.taken'));
    }
    refuse(problems);
    for (const { row, before: previous } of changes) {
      const id = cell.int(row, 'id');
      const values = {
        plan_id: cell.int(row, 'planId'),
        year: cell.int(row, 'year'),
        state: cell.text(row, 'state'),
        title: jsonb(cell.localized(row, 'title')),
        summary: jsonb(cell.localized(row, 'summary')),
        comment_days: cell.int(row, 'commentDays'),
        comment_opens_at: dateOrNull(cell.textOrNull(row, 'commentOpensAt')),
        comment_closes_at: dateOrNull(cell.textOrNull(row, 'commentClosesAt')),
        published_at: dateOrNull(cell.textOrNull(row, 'publishedAt')),
      };
      if (previous) await updateVersioned(trx, 'self_assessments', id, values).execute();
      else
        await trx
          .insertInto('self_assessments')
          .values({ id, ...values })
          .execute();
      await recordImportedRow(trx, {
        entityType: 'selfAssessment',
        entityId: id,
        planId: cell.int(row, 'planId'),
        commitmentId: null,
        actor,
        before: previous,
        after: row,
      });
    }
    await movePastIds(trx, 'self_assessments');
  },
};

// ---- entries ----

const entryColumns: readonly OpenDataColumn[] = [
  column('id', 'Self-Assessment Entry ID', 'int', 'The entry’s identifier on this site.', '本站的自評項目識別碼。'),
  column('assessmentId', 'Self-Assessment ID', 'int', 'The self-assessment the entry is of.', '所屬自評報告。', { references: 'selfAssessments' }),
  column('commitmentId', 'Commitment ID', 'int', 'The commitment it assesses (one entry per commitment).', '自評的承諾事項（每項承諾事項一筆）。', {
    references: 'commitments',
  }),
  column('position', 'Position', 'int', 'Its place in the self-assessment.', '在自評報告中的順序。'),
  column(
    'status',
    'Commitment Status',
    'enum',
    'The commitment’s status as the government states it: ' + COMMITMENT_STATUSES.join(', ') + '.',
    '政府所述的承諾事項狀態：尚未開始、進行中、已完成、已撤回。',
    { values: COMMITMENT_STATUSES },
  ),
  column('narrative', 'Narrative', 'localized', 'The government’s account of the commitment’s progress.', '政府對承諾事項進展的說明。'),
];

const selectEntries = (db: DbOrTx) =>
  db
    .selectFrom('self_assessment_entries as x')
    .innerJoin('self_assessments as a', 'a.id', 'x.assessment_id')
    .select(['x.id', 'x.assessment_id', 'x.commitment_id', 'x.position', 'x.status', 'x.narrative'])
    .where('a.state', 'in', PUBLIC_STATES);

type EntryRead = { id: number; assessment_id: number; commitment_id: number; position: number; status: string; narrative: Localized };

const entryRow = (r: EntryRead): OpenDataRow => ({
  id: r.id,
  assessmentId: r.assessment_id,
  commitmentId: r.commitment_id,
  position: r.position,
  status: r.status,
  narrative: r.narrative,
});

export const selfAssessmentEntriesEntity: OpenDataEntity = {
  name: 'selfAssessmentEntries',
  title: { en: 'Self-assessment entries', zh: '自評項目' },
  description: {
    en: 'The entries of the public self-assessments, one per commitment: its status as the government states it and the government’s narrative.',
    zh: '公開自評報告的各項目（每項承諾事項一筆）：政府所述的狀態與說明。',
  },
  order: 360,
  columns: entryColumns,
  async count(db, scope) {
    let query = db
      .selectFrom('self_assessment_entries as x')
      .innerJoin('self_assessments as a', 'a.id', 'x.assessment_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('a.state', 'in', PUBLIC_STATES);
    if (scope.planId !== null) query = query.where('a.plan_id', '=', scope.planId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  },
  async read(db, scope, afterId, limit) {
    let query = selectEntries(db).where('x.id', '>', afterId);
    if (scope.planId !== null) query = query.where('a.plan_id', '=', scope.planId);
    return (await query.orderBy('x.id').limit(limit).execute()).map(entryRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    return new Map((await selectEntries(db).where('x.id', 'in', ids).execute()).map((r) => [r.id, entryRow(r)]));
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(entryColumns, rows, before);
    if (changes.length === 0) return;
    // The assessments (written first), the commitments of their plans, one entry per commitment in an assessment.
    const assessmentIds = [...new Set(rows.map((r) => r.assessmentId as number))];
    const plans = new Map(
      (await trx.selectFrom('self_assessments').select(['id', 'plan_id']).where('id', 'in', assessmentIds).execute()).map((a) => [a.id, a.plan_id]),
    );
    const commitments = await planQueries.commitmentLabels(trx, [...new Set(changes.map((c) => c.row.commitmentId as number))]);
    const problems: FieldProblem[] = [];
    const taken = new Map<string, number>();
    for (const row of rows) {
      const key = `${row.assessmentId as number}/${row.commitmentId as number}`;
      if (taken.has(key)) problems.push(across('selfAssessmentEntries', 'commitmentId', row.id as number, 'error.taken'));
      taken.set(key, row.id as number);
    }
    const stored = await trx
      .selectFrom('self_assessment_entries')
      .select(['assessment_id', 'commitment_id'])
      .where(
        'id',
        'not in',
        rows.map((r) => r.id as number),
      )
      .where('assessment_id', 'in', assessmentIds)
      .execute();
    for (const s of stored) {
      const clash = taken.get(`${s.assessment_id}/${s.commitment_id}`);
      if (clash !== undefined) problems.push(across('selfAssessmentEntries', 'commitmentId', clash, 'error.taken'));
    }
    for (const { row } of changes) {
      const planId = plans.get(row.assessmentId as number);
      if (planId === undefined || commitments.get(row.commitmentId as number)?.planId !== planId)
        problems.push(across('selfAssessmentEntries', 'commitmentId', row.id as number, 'error.invalid'));
    }
    refuse(problems);
    for (const { row, before: previous } of changes) {
      const id = cell.int(row, 'id');
      const values = {
        assessment_id: cell.int(row, 'assessmentId'),
        commitment_id: cell.int(row, 'commitmentId'),
        position: cell.int(row, 'position'),
        status: cell.text(row, 'status'),
        narrative: jsonb(cell.localized(row, 'narrative')),
      };
      if (previous) await updateVersioned(trx, 'self_assessment_entries', id, values).execute();
      else
        await trx
          .insertInto('self_assessment_entries')
          .values({ id, ...values })
          .execute();
      await recordImportedRow(trx, {
        entityType: 'selfAssessmentEntry',
        entityId: id,
        planId: plans.get(cell.int(row, 'assessmentId')) ?? null,
        commitmentId: cell.int(row, 'commitmentId'),
        actor,
        before: previous,
        after: row,
      });
    }
    await movePastIds(trx, 'self_assessment_entries');
  },
};

export const selfAssessmentOpenData: readonly OpenDataEntity[] = [selfAssessmentsEntity, selfAssessmentEntriesEntity];
