/**
 * Independent review as open data (ADR 0030, 0036): engagements (public from the start: who reviews on what terms,
 * who pays), and the reports the public may read — those in their comment period or published, never a draft —
 * with their units and ratings, recommendations and the minimum requirements' assessment, as review.visibility.ts
 * and the report pages show them.
 *
 * - Funding is a column of the engagement (a list of {source, sector, sharePercent}, in the order disclosed).
 * - Reviewers are not exported. A reviewer is an account (their public name, role and declaration are public; their
 *   e-mail address never), and an import does not create accounts, so it could not bring the link back: an exported
 *   reviewer would not survive the round trip. The engagement's page lists them.
 * - The interview log is the reviewers' alone, in every channel: never exported.
 * - A draft report, and its units, recommendations and requirements, are left out; an import accepts only the
 *   public states (comment, published), and its parts must belong to a report of the file or a public stored one.
 * - An import checks each row with the domain's rules (the scales of the report's kind and generation, funding
 *   shares up to the whole, one assessment per requirement…), files each change in the history as the module's use
 *   cases do ('reviewEngagement', 'review', 'reviewUnit', 'recommendation'; a requirement's assessment under its
 *   report), and moves the id sequences past the imported ids.
 */
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { movePastIds, updateVersioned } from '../../db/row-queries.js';
import { TRANSLATION_STATUSES, type Localized } from '../../domain/localized.js';
import { OGP_VALUES, type FieldProblem, type OgpValue } from '../../domain/plan.js';
import {
  assessesRequirements,
  assessmentProblems,
  FUNDING_SECTORS,
  fundingProblems,
  MAX_COMMENT_DAYS,
  MINIMUM_REQUIREMENTS,
  RATING_DIMENSIONS,
  RECOMMENDATION_STATES,
  REQUIREMENT_STATUSES,
  REVIEW_KINDS,
  REVIEW_STATES,
  SCALE_SETS,
  SCALES,
  type FundingSector,
  type Ratings,
  type ReviewKind,
  type ScaleSet,
} from '../../domain/review.js';
import { ValidationError } from '../../errors.js';
import {
  changedRows,
  cell,
  column,
  commentPeriodProblems,
  type OpenDataColumn,
  type OpenDataEntity,
  type OpenDataRow,
  type OpenDataScope,
} from '../../web/open-data.js';
import { text } from '../../web/schemas.js';
import { recordHistory, recordImportedRow } from '../history/index.js';
import { planQueries } from '../plans/index.js';
import * as q from './review.queries.js';

/** The states the public may read a report in (review.visibility.ts). */
export const PUBLIC_REPORT_STATES = REVIEW_STATES.filter((s) => s !== 'draft');

const pair = (l: Localized): Localized => ({ zh: l.zh, en: l.en, status: l.status });
const instant = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const dateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));
/** Problems found across rows, each naming its table, column and row's ID. */
const across = (entity: string, key: string, id: number, problem: string, params?: Record<string, string | number>): FieldProblem => ({
  field: `${entity}.${key} (ID ${id})`,
  key: problem,
  ...(params ? { params } : {}),
});
const refuse = (problems: readonly FieldProblem[]): void => {
  if (problems.length > 0) throw new ValidationError(problems.slice(0, 100));
};
const ids = (rows: readonly { id: number }[]): number[] => rows.map((r) => r.id);

// ---- engagements ----

const fundingSchema = z
  .array(
    z
      .object({
        source: z.object({ zh: text(300), en: text(300), status: z.enum(TRANSLATION_STATUSES) }).strict(),
        sector: z.enum(FUNDING_SECTORS),
        sharePercent: z.number().positive().max(100),
      })
      .strict(),
  )
  .max(50);

type FundingCell = { source: Localized; sector: FundingSector; sharePercent: number };

const engagementColumns: readonly OpenDataColumn[] = [
  column('id', 'Review Engagement ID', 'int', 'The review engagement’s identifier on this site.', '本站的獨立評估案識別碼。'),
  column('title', 'Review Engagement Title', 'localized', 'The engagement’s title.', '評估案名稱。', { max: 300 }),
  column('termsOfReference', 'Terms of Reference', 'localized', 'What the reviewers are asked to assess, and how.', '評估的工作範圍與方法。'),
  column('periodStart', 'Review Period Start', 'date', 'The first day of the engagement (YYYY-MM-DD).', '評估期間起日（YYYY-MM-DD）。'),
  column('periodEnd', 'Review Period End', 'date', 'The last day of the engagement (YYYY-MM-DD).', '評估期間迄日（YYYY-MM-DD）。'),
  column('planIds', 'Action Plan IDs', 'list', 'The plans the engagement reviews.', '評估的行動方案。', { items: 'int', references: 'plans' }),
  column(
    'funding',
    'Funding',
    'json',
    'Who pays for the review, in the order disclosed: [{"source": {zh, en, status}, "sector": ' +
      FUNDING_SECTORS.join(' | ') +
      ', "sharePercent": a share in percent, up to two decimals}]; the shares add up to at most 100.',
    '評估經費來源（依揭露順序）：來源名稱、部門（政府、公民社會、國際、民間企業、學術）與占比（百分比，至多兩位小數）；合計不超過 100。',
    { schema: fundingSchema },
  ),
];

type EngagementRead = { id: number; title: Localized; terms_of_reference: Localized; period_start: string; period_end: string };

const selectEngagements = (db: DbOrTx) =>
  db.selectFrom('review_engagements as e').select(['e.id', 'e.title', 'e.terms_of_reference', 'e.period_start', 'e.period_end']);

async function engagementRows(db: DbOrTx, reads: readonly EngagementRead[]): Promise<OpenDataRow[]> {
  if (reads.length === 0) return [];
  const wanted = ids(reads);
  const [plans, funding] = await Promise.all([
    db.selectFrom('review_engagement_plans').select(['engagement_id', 'plan_id']).where('engagement_id', 'in', wanted).orderBy('plan_id').execute(),
    db
      .selectFrom('review_funding')
      .select(['engagement_id', 'source', 'sector', 'share_percent'])
      .where('engagement_id', 'in', wanted)
      .orderBy('engagement_id')
      .orderBy('position')
      .orderBy('id')
      .execute(),
  ]);
  return reads.map((r) => ({
    id: r.id,
    title: r.title,
    termsOfReference: r.terms_of_reference,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    planIds: plans.filter((p) => p.engagement_id === r.id).map((p) => p.plan_id),
    funding: funding.filter((f) => f.engagement_id === r.id).map((f) => ({ source: pair(f.source), sector: f.sector, sharePercent: Number(f.share_percent) })),
  }));
}

/** The engagements of a plan's scope: those that review it. */
const coveringPlan = (db: DbOrTx, planId: number) => db.selectFrom('review_engagement_plans as p').select('p.engagement_id').where('p.plan_id', '=', planId);

export const reviewEngagementsEntity: OpenDataEntity = {
  name: 'reviewEngagements',
  title: { en: 'Review engagements', zh: '獨立評估案' },
  description: {
    en: 'Independent reviews commissioned on one or more plans: terms of reference, period and disclosed funding. Reviewers are listed on the engagement’s page, not here (they are accounts, which an import cannot recreate); the interview log is never public.',
    zh: '針對一或多期行動方案委託的獨立評估：工作範圍、期間與經費來源揭露。評估者列於評估案頁面，不在此列（評估者為帳號，匯入無法重建）；訪談紀錄不公開。',
  },
  order: 400,
  columns: engagementColumns,
  async count(db, scope) {
    let query = db.selectFrom('review_engagements as e').select((eb) => eb.fn.countAll<string>().as('n'));
    if (scope.planId !== null) query = query.where('e.id', 'in', coveringPlan(db, scope.planId));
    return Number((await query.executeTakeFirstOrThrow()).n);
  },
  async read(db, scope, afterId, limit) {
    let query = selectEngagements(db).where('e.id', '>', afterId);
    if (scope.planId !== null) query = query.where('e.id', 'in', coveringPlan(db, scope.planId));
    return engagementRows(db, await query.orderBy('e.id').limit(limit).execute());
  },
  async byIds(db, wanted) {
    if (wanted.length === 0) return new Map();
    const rows = await engagementRows(db, await selectEngagements(db).where('e.id', 'in', wanted).orderBy('e.id').execute());
    return new Map(rows.map((r) => [r.id as number, r]));
  },
  check: (row) => {
    const problems: FieldProblem[] = [];
    const title = row.title as Localized;
    if (title.zh.trim() === '' && title.en.trim() === '') problems.push({ field: 'title', key: 'error.required' });
    if ((row.periodEnd as string) < (row.periodStart as string)) problems.push({ field: 'periodEnd', key: 'error.endBeforeStart' });
    if ((row.planIds as number[]).length === 0) problems.push({ field: 'planIds', key: 'review.error.noPlan' });
    const funding = row.funding as FundingCell[];
    if (funding.some((f) => Math.round(f.sharePercent * 100) !== f.sharePercent * 100)) problems.push({ field: 'funding', key: 'review.error.share' });
    problems.push(...fundingProblems(funding));
    return problems;
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(engagementColumns, rows, before);
    for (const { row, before: stored } of changes) {
      const id = cell.int(row, 'id');
      const values = {
        title: jsonb(cell.localized(row, 'title')),
        terms_of_reference: jsonb(cell.localized(row, 'termsOfReference')),
        period_start: cell.text(row, 'periodStart'),
        period_end: cell.text(row, 'periodEnd'),
      };
      if (stored) await updateVersioned(trx, 'review_engagements', id, values).execute();
      else
        await trx
          .insertInto('review_engagements')
          .values({ id, ...values })
          .execute();
      await q.replaceEngagementPlans(trx, id, [...new Set(cell.ints(row, 'planIds'))]);
      await q.replaceFunding(trx, id, row.funding as FundingCell[]);
      await recordImportedRow(trx, { entityType: 'reviewEngagement', entityId: id, planId: null, commitmentId: null, actor, before: stored, after: row });
    }
    await movePastIds(trx, 'review_engagements');
    await movePastIds(trx, 'review_funding');
  },
};

// ---- reports ----

const reportColumns: readonly OpenDataColumn[] = [
  column('id', 'Review Report ID', 'int', 'The report’s identifier on this site.', '本站的評估報告識別碼。'),
  column('engagementId', 'Review Engagement ID', 'int', 'The engagement the report is of.', '所屬獨立評估案。', { references: 'reviewEngagements' }),
  column('planId', 'Action Plan ID', 'int', 'The plan the report reviews.', '評估的行動方案。', { references: 'plans' }),
  column(
    'kind',
    'Review Report Type',
    'enum',
    'cocreation-brief, action-plan-review (the design), results-report (the results) or end-of-commitment (OGP Local: one commitment, by the Local Monitoring Body).',
    '報告類型：共創簡報、行動方案評估（設計）、成果報告（成果）或承諾事項結束評估（OGP Local：單一承諾事項，由在地監督機制評估）。',
    { values: REVIEW_KINDS },
  ),
  column(
    'commitmentId',
    'Commitment ID',
    'int',
    'The one commitment an end-of-commitment assessment is of (empty for the other kinds).',
    '承諾事項結束評估所評估的承諾事項（其他類型為空白）。',
    { nullable: true, references: 'commitments' },
  ),
  column(
    'scaleSet',
    'Rating Scale Set',
    'enum',
    'The generation of OGP’s scales the report rates with: current (2021 on) or legacy.',
    '評等所用的 OGP 量表世代：現行（2021 年起，current）或舊制（legacy）。',
    { values: SCALE_SETS },
  ),
  column(
    'state',
    'Review Report State',
    'enum',
    'comment (public, taking comments until its comment period closes) or published (never changed; a correction is a new edition). Drafts are not public.',
    '狀態：意見徵詢中（comment）或已發布（published，不再修改；更正為新版次）。草稿不公開。',
    { values: PUBLIC_REPORT_STATES },
  ),
  column('edition', 'Edition', 'int', 'The edition: 1, then one more for each correction.', '版次：第 1 版，每次更正加一。'),
  column('previousId', 'Previous Edition ID', 'int', 'The edition this one corrects (empty for the first).', '本版更正的前一版（第 1 版為空白）。', {
    nullable: true,
    references: 'reviewReports',
  }),
  column('changeNote', 'Change Note', 'localized', 'What a correction changes (empty for the first edition).', '更正說明（第 1 版為空白）。', { max: 5000 }),
  column('title', 'Review Report Title', 'localized', 'The report’s title.', '報告標題。', { max: 300 }),
  column('overview', 'Overview', 'localized', 'The report’s summary.', '報告摘要。'),
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

const selectReports = (db: DbOrTx) =>
  db
    .selectFrom('review_reports as r')
    .select([
      'r.id',
      'r.engagement_id',
      'r.plan_id',
      'r.kind',
      'r.commitment_id',
      'r.scale_set',
      'r.state',
      'r.edition',
      'r.previous_id',
      'r.change_note',
      'r.title',
      'r.overview',
      'r.comment_days',
      'r.comment_opens_at',
      'r.comment_closes_at',
      'r.published_at',
    ])
    .where('r.state', 'in', PUBLIC_REPORT_STATES);

type ReportRead = Awaited<ReturnType<ReturnType<typeof selectReports>['execute']>>[number];

const reportRow = (r: ReportRead): OpenDataRow => ({
  id: r.id,
  engagementId: r.engagement_id,
  planId: r.plan_id,
  kind: r.kind,
  commitmentId: r.commitment_id,
  scaleSet: r.scale_set,
  state: r.state,
  edition: r.edition,
  previousId: r.previous_id,
  changeNote: r.change_note,
  title: r.title,
  overview: r.overview,
  commentDays: r.comment_days,
  commentOpensAt: instant(r.comment_opens_at),
  commentClosesAt: instant(r.comment_closes_at),
  publishedAt: instant(r.published_at),
});

/** The checks of reports against the engagements and commitments they name (written before them). */
async function checkReports(trx: DbOrTx, rows: readonly OpenDataRow[]): Promise<void> {
  const problems: FieldProblem[] = [];
  const engagements = [...new Set(rows.map((r) => r.engagementId as number))];
  const covered = new Set(
    engagements.length === 0
      ? []
      : (await trx.selectFrom('review_engagement_plans').select(['engagement_id', 'plan_id']).where('engagement_id', 'in', engagements).execute()).map(
          (p) => `${p.engagement_id}/${p.plan_id}`,
        ),
  );
  const commitments = await planQueries.commitmentLabels(
    trx,
    rows.map((r) => r.commitmentId).filter((id): id is number => typeof id === 'number'),
  );
  for (const row of rows) {
    const id = row.id as number;
    if (!covered.has(`${row.engagementId as number}/${row.planId as number}`))
      problems.push(across('reviewReports', 'planId', id, 'review.error.planNotInEngagement'));
    if (row.commitmentId !== null && commitments.get(row.commitmentId as number)?.planId !== row.planId)
      problems.push(across('reviewReports', 'commitmentId', id, 'review.error.unknownCommitment'));
  }
  refuse(problems);
}

export const reviewReportsEntity: OpenDataEntity = {
  name: 'reviewReports',
  title: { en: 'Review reports', zh: '獨立評估報告' },
  description: {
    en: 'The reports of the engagements the public may read (in their comment period or published; drafts are not public): co-creation briefs, action plan reviews, results reports, end-of-commitment assessments, with their editions.',
    zh: '公眾可閱覽的評估報告（意見徵詢中或已發布；草稿不公開）：共創簡報、行動方案評估、成果報告、承諾事項結束評估，及其版次。',
  },
  order: 410,
  columns: reportColumns,
  async count(db, scope) {
    let query = db
      .selectFrom('review_reports as r')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('r.state', 'in', PUBLIC_REPORT_STATES);
    if (scope.planId !== null) query = query.where('r.plan_id', '=', scope.planId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  },
  async read(db, scope, afterId, limit) {
    let query = selectReports(db).where('r.id', '>', afterId);
    if (scope.planId !== null) query = query.where('r.plan_id', '=', scope.planId);
    return (await query.orderBy('r.id').limit(limit).execute()).map(reportRow);
  },
  async byIds(db, wanted) {
    if (wanted.length === 0) return new Map();
    return new Map((await selectReports(db).where('r.id', 'in', wanted).execute()).map((r) => [r.id, reportRow(r)]));
  },
  check: (row) => {
    const problems = commentPeriodProblems(row);
    if ((row.edition as number) < 1) problems.push({ field: 'edition', key: 'error.invalid' });
    if ((row.edition === 1) !== (row.previousId === null)) problems.push({ field: 'previousId', key: 'error.invalid' });
    if (row.previousId !== null && row.previousId === row.id) problems.push({ field: 'previousId', key: 'error.invalid' });
    if ((row.kind === 'end-of-commitment') !== (row.commitmentId !== null))
      problems.push({ field: 'commitmentId', key: 'review.error.commitmentOnlyEndOfCommitment' });
    if (row.kind === 'end-of-commitment' && row.scaleSet === 'legacy') problems.push({ field: 'scaleSet', key: 'review.error.endOfCommitmentLegacy' });
    const days = row.commentDays as number;
    if (days < 1 || days > MAX_COMMENT_DAYS) problems.push({ field: 'commentDays', key: 'review.error.commentDays' });
    return problems;
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(reportColumns, rows, before);
    if (changes.length === 0) return;
    await checkReports(
      trx,
      changes.map((c) => c.row),
    );
    // An edition is written after the one it corrects.
    const ordered = [...changes].sort((a, b) => (a.row.edition as number) - (b.row.edition as number) || (a.row.id as number) - (b.row.id as number));
    for (const { row, before: stored } of ordered) {
      const id = cell.int(row, 'id');
      const values = {
        engagement_id: cell.int(row, 'engagementId'),
        plan_id: cell.int(row, 'planId'),
        kind: cell.text(row, 'kind'),
        commitment_id: cell.intOrNull(row, 'commitmentId'),
        scale_set: cell.text(row, 'scaleSet'),
        state: cell.text(row, 'state'),
        edition: cell.int(row, 'edition'),
        previous_id: cell.intOrNull(row, 'previousId'),
        change_note: jsonb(cell.localized(row, 'changeNote')),
        title: jsonb(cell.localized(row, 'title')),
        overview: jsonb(cell.localized(row, 'overview')),
        comment_days: cell.int(row, 'commentDays'),
        comment_opens_at: dateOrNull(cell.textOrNull(row, 'commentOpensAt')),
        comment_closes_at: dateOrNull(cell.textOrNull(row, 'commentClosesAt')),
        published_at: dateOrNull(cell.textOrNull(row, 'publishedAt')),
      };
      if (stored) await updateVersioned(trx, 'review_reports', id, values).execute();
      else
        await trx
          .insertInto('review_reports')
          .values({ id, ...values })
          .execute();
      await recordImportedRow(trx, {
        entityType: 'review',
        entityId: id,
        planId: cell.int(row, 'planId'),
        commitmentId: null,
        actor,
        before: stored,
        after: row,
      });
    }
    await movePastIds(trx, 'review_reports');
  },
};

/** The reports (public or not) the rows belong to, as written in the import's transaction. */
async function reportsOf(trx: DbOrTx, rows: readonly OpenDataRow[]): Promise<Map<number, { planId: number; kind: ReviewKind; scaleSet: ScaleSet }>> {
  const wanted = [...new Set(rows.map((r) => r.reportId as number))];
  if (wanted.length === 0) return new Map();
  const found = await trx.selectFrom('review_reports').select(['id', 'plan_id', 'kind', 'scale_set']).where('id', 'in', wanted).execute();
  return new Map(found.map((r) => [r.id, { planId: r.plan_id, kind: r.kind as ReviewKind, scaleSet: r.scale_set as ScaleSet }]));
}

// ---- units ----

const ratingsSchema = z.object(Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, z.enum(SCALES[d].values as [string, ...string[]]).optional()]))).strict();

const unitColumns: readonly OpenDataColumn[] = [
  column('id', 'Review Unit ID', 'int', 'The unit’s identifier on this site.', '本站的評估單元識別碼。'),
  column('reportId', 'Review Report ID', 'int', 'The report the unit is of.', '所屬評估報告。', { references: 'reviewReports' }),
  column('position', 'Position', 'int', 'The unit’s place in its report.', '單元在報告中的順序。'),
  column('title', 'Review Unit Title', 'localized', 'The unit’s title.', '評估單元名稱。', { max: 300 }),
  column(
    'commitmentIds',
    'Commitment IDs',
    'list',
    'The commitments the unit rates: one, or several for a cluster.',
    '單元評估的承諾事項：一項，或叢集的多項。',
    { items: 'int', references: 'commitments' },
  ),
  column(
    'ratings',
    'Ratings',
    'json',
    'The ratings by dimension, each a value of OGP’s scale: {"verifiability": "verifiable", "potential": "modest", …}; a dimension not yet rated is absent. Which dimensions a report rates depends on its type and scale set.',
    '各面向的評等，取 OGP 量表的值（例如 {"verifiability": "verifiable", "potential": "modest"}）；尚未評等的面向不列。評等的面向依報告類型與量表世代而定。',
    { schema: ratingsSchema },
  ),
  column('ogValues', 'OGP Values', 'list', 'The open-government values the unit serves: ' + OGP_VALUES.join(', ') + '.', '單元相關的開放政府價值。', {
    items: 'enum',
    values: OGP_VALUES,
  }),
  column('rationale', 'Rationale', 'localized', 'Why the reviewers rated it so.', '評等理由。'),
  column('evidence', 'Evidence', 'localized', 'What the reviewers’ assessment rests on.', '評估依據。'),
];

const selectUnits = (db: DbOrTx) =>
  db
    .selectFrom('review_units as x')
    .innerJoin('review_reports as r', 'r.id', 'x.report_id')
    .where('r.state', 'in', PUBLIC_REPORT_STATES)
    .select([
      'x.id',
      'x.report_id',
      'x.position',
      'x.title',
      'x.ratings',
      'x.og_values',
      'x.rationale',
      'x.evidence',
      (eb) =>
        eb
          .selectFrom('review_unit_commitments as uc')
          .select((e) => e.fn.coalesce(e.fn.jsonAgg('uc.commitment_id').orderBy('uc.commitment_id'), e.val('[]')).as('ids'))
          .whereRef('uc.unit_id', '=', 'x.id')
          .as('commitment_ids'),
    ]);

type UnitRead = {
  id: number;
  report_id: number;
  position: number;
  title: Localized;
  ratings: Record<string, string>;
  og_values: string[];
  rationale: Localized;
  evidence: Localized;
  commitment_ids: number[] | null;
};

const unitRow = (r: UnitRead): OpenDataRow => ({
  id: r.id,
  reportId: r.report_id,
  position: r.position,
  title: r.title,
  commitmentIds: r.commitment_ids ?? [],
  ratings: r.ratings,
  ogValues: r.og_values,
  rationale: r.rationale,
  evidence: r.evidence,
});

/** How many parts (units, recommendations, requirements) the public reports of the scope have. */
async function countParts(db: DbOrTx, table: 'review_units' | 'review_recommendations' | 'review_requirements', scope: OpenDataScope): Promise<number> {
  const plan = scope.planId === null ? sql`` : sql` AND r.plan_id = ${scope.planId}`;
  const { rows } = await sql<{ n: string | number }>`SELECT count(*) AS n FROM ${sql.table(table)} x JOIN review_reports r ON r.id = x.report_id
    WHERE r.state IN (${sql.join(PUBLIC_REPORT_STATES)})${plan}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export const reviewUnitsEntity: OpenDataEntity = {
  name: 'reviewUnits',
  title: { en: 'Review units and ratings', zh: '評估單元與評等' },
  description: {
    en: 'What the public reports rate: one unit per commitment by default, or a cluster of several; the ratings on OGP’s scales, the open-government values, the rationale and the evidence.',
    zh: '公開評估報告所評估的單元（預設每項承諾事項一個，或數項的叢集）：依 OGP 量表的評等、開放政府價值、理由與依據。',
  },
  order: 420,
  columns: unitColumns,
  count: (db, scope) => countParts(db, 'review_units', scope),
  async read(db, scope, afterId, limit) {
    let query = selectUnits(db).where('x.id', '>', afterId);
    if (scope.planId !== null) query = query.where('r.plan_id', '=', scope.planId);
    return ((await query.orderBy('x.id').limit(limit).execute()) as unknown as UnitRead[]).map(unitRow);
  },
  async byIds(db, wanted) {
    if (wanted.length === 0) return new Map();
    return new Map(((await selectUnits(db).where('x.id', 'in', wanted).execute()) as unknown as UnitRead[]).map((r) => [r.id, unitRow(r)]));
  },
  check: (row) => {
    const problems: FieldProblem[] = [];
    if ((row.commitmentIds as number[]).length === 0) problems.push({ field: 'commitmentIds', key: 'error.required' });
    if (new Set(row.commitmentIds as number[]).size !== (row.commitmentIds as number[]).length) problems.push({ field: 'commitmentIds', key: 'error.invalid' });
    return problems;
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(unitColumns, rows, before);
    if (changes.length === 0) return;
    // The ratings by the report's kind and generation, the commitments of the report's plan (reports are written first).
    const reports = await reportsOf(
      trx,
      changes.map((c) => c.row),
    );
    const commitments = await planQueries.commitmentLabels(trx, [...new Set(changes.flatMap((c) => c.row.commitmentIds as number[]))]);
    const problems: FieldProblem[] = [];
    for (const { row } of changes) {
      const id = row.id as number;
      const report = reports.get(row.reportId as number);
      if (!report) {
        problems.push(across('reviewUnits', 'reportId', id, 'opendata.import.missingReference', { table: 'reviewReports', id: row.reportId as number }));
        continue;
      }
      for (const p of assessmentProblems(report.kind, report.scaleSet, { ratings: row.ratings as Ratings, ogValues: row.ogValues as OgpValue[] }))
        problems.push(across('reviewUnits', p.field, id, p.key, p.params));
      for (const commitmentId of row.commitmentIds as number[])
        if (commitments.get(commitmentId)?.planId !== report.planId)
          problems.push(across('reviewUnits', 'commitmentIds', id, 'review.error.unknownCommitment'));
    }
    refuse(problems);
    for (const { row, before: stored } of changes) {
      const id = cell.int(row, 'id');
      const values = {
        report_id: cell.int(row, 'reportId'),
        position: cell.int(row, 'position'),
        title: jsonb(cell.localized(row, 'title')),
        ratings: jsonb(row.ratings),
        og_values: jsonb(cell.texts(row, 'ogValues')),
        rationale: jsonb(cell.localized(row, 'rationale')),
        evidence: jsonb(cell.localized(row, 'evidence')),
      };
      if (stored) await updateVersioned(trx, 'review_units', id, values).execute();
      else
        await trx
          .insertInto('review_units')
          .values({ id, ...values })
          .execute();
      const commitmentIds = cell.ints(row, 'commitmentIds');
      await trx.deleteFrom('review_unit_commitments').where('unit_id', '=', id).execute();
      await trx
        .insertInto('review_unit_commitments')
        .values(commitmentIds.map((commitment_id) => ({ unit_id: id, commitment_id })))
        .execute();
      // As the module's use cases file a unit: under its commitment when it has one.
      await recordImportedRow(trx, {
        entityType: 'reviewUnit',
        entityId: id,
        planId: reports.get(cell.int(row, 'reportId'))?.planId ?? null,
        commitmentId: commitmentIds.length === 1 ? (commitmentIds[0] ?? null) : null,
        actor,
        before: stored,
        after: row,
      });
    }
    await movePastIds(trx, 'review_units');
  },
};

// ---- recommendations ----

const recommendationColumns: readonly OpenDataColumn[] = [
  column('id', 'Recommendation ID', 'int', 'The recommendation’s identifier on this site.', '本站的建議識別碼。'),
  column('reportId', 'Review Report ID', 'int', 'The report that makes it.', '提出建議的評估報告。', { references: 'reviewReports' }),
  column('unitId', 'Review Unit ID', 'int', 'The unit it is about, if any.', '相關評估單元（若有）。', { nullable: true, references: 'reviewUnits' }),
  column('number', 'Recommendation Number', 'int', 'Its number in the report (1, 2, …), unique in the report.', '建議在報告中的編號（1、2…，報告內不重複）。'),
  column('body', 'Recommendation', 'localized', 'What the reviewers recommend.', '建議內容。', { max: 5000 }),
  column(
    'state',
    'Recommendation State',
    'enum',
    'tracking (持續列管) or closed (解除列管), as the forum tracks its resolutions.',
    '列管狀態：持續列管（tracking）或解除列管（closed）。',
    { values: RECOMMENDATION_STATES },
  ),
  column('governmentResponse', 'Government Response', 'localized', 'The government’s response to it.', '政府回應。', { max: 5000 }),
  column(
    'landedCommitmentId',
    'Landed In Commitment ID',
    'int',
    'The commitment of a later plan where it was taken up, if any.',
    '後續行動方案中採納本建議的承諾事項（若有）。',
    { nullable: true, references: 'commitments' },
  ),
];

const selectRecommendations = (db: DbOrTx) =>
  db
    .selectFrom('review_recommendations as x')
    .innerJoin('review_reports as r', 'r.id', 'x.report_id')
    .where('r.state', 'in', PUBLIC_REPORT_STATES)
    .select(['x.id', 'x.report_id', 'x.unit_id', 'x.number', 'x.body', 'x.state', 'x.government_response', 'x.landed_commitment_id']);

type RecommendationRead = {
  id: number;
  report_id: number;
  unit_id: number | null;
  number: number;
  body: Localized;
  state: string;
  government_response: Localized;
  landed_commitment_id: number | null;
};

const recommendationRow = (r: RecommendationRead): OpenDataRow => ({
  id: r.id,
  reportId: r.report_id,
  unitId: r.unit_id,
  number: r.number,
  body: r.body,
  state: r.state,
  governmentResponse: r.government_response,
  landedCommitmentId: r.landed_commitment_id,
});

export const reviewRecommendationsEntity: OpenDataEntity = {
  name: 'reviewRecommendations',
  title: { en: 'Review recommendations', zh: '評估建議' },
  description: {
    en: 'The numbered recommendations of the public reports, tracked as the forum tracks its resolutions: the government’s response and the commitment of a later plan where each landed.',
    zh: '公開評估報告的編號建議，比照推動小組決議列管：政府回應，及後續行動方案中採納的承諾事項。',
  },
  order: 430,
  columns: recommendationColumns,
  count: (db, scope) => countParts(db, 'review_recommendations', scope),
  async read(db, scope, afterId, limit) {
    let query = selectRecommendations(db).where('x.id', '>', afterId);
    if (scope.planId !== null) query = query.where('r.plan_id', '=', scope.planId);
    return ((await query.orderBy('x.id').limit(limit).execute()) as RecommendationRead[]).map(recommendationRow);
  },
  async byIds(db, wanted) {
    if (wanted.length === 0) return new Map();
    return new Map(((await selectRecommendations(db).where('x.id', 'in', wanted).execute()) as RecommendationRead[]).map((r) => [r.id, recommendationRow(r)]));
  },
  check: (row) => ((row.number as number) < 1 ? [{ field: 'number', key: 'error.invalid' }] : []),
  async write(trx, rows, before, actor) {
    const changes = changedRows(recommendationColumns, rows, before);
    if (changes.length === 0) return;
    const reports = await reportsOf(
      trx,
      changes.map((c) => c.row),
    );
    const problems: FieldProblem[] = [];
    // A unit of the same report; a number once in its report (among the file's rows and the stored ones it keeps).
    const unitIds = [...new Set(changes.map((c) => c.row.unitId).filter((id): id is number => typeof id === 'number'))];
    const unitReport = new Map(
      unitIds.length === 0
        ? []
        : (await trx.selectFrom('review_units').select(['id', 'report_id']).where('id', 'in', unitIds).execute()).map((u) => [u.id, u.report_id]),
    );
    const numbers = new Map<string, number>();
    for (const row of rows) {
      const key = `${row.reportId as number}/${row.number as number}`;
      if (numbers.has(key)) problems.push(across('reviewRecommendations', 'number', row.id as number, 'error.taken'));
      numbers.set(key, row.id as number);
    }
    const stored = await trx
      .selectFrom('review_recommendations')
      .select(['id', 'report_id', 'number'])
      .where('id', 'not in', ids(rows as { id: number }[]))
      .where('report_id', 'in', [...reports.keys(), 0])
      .execute();
    for (const s of stored) {
      const clash = numbers.get(`${s.report_id}/${s.number}`);
      if (clash !== undefined) problems.push(across('reviewRecommendations', 'number', clash, 'error.taken'));
    }
    for (const { row } of changes) {
      if (!reports.has(row.reportId as number))
        problems.push(
          across('reviewRecommendations', 'reportId', row.id as number, 'opendata.import.missingReference', {
            table: 'reviewReports',
            id: row.reportId as number,
          }),
        );
      if (row.unitId !== null && unitReport.get(row.unitId as number) !== row.reportId)
        problems.push(across('reviewRecommendations', 'unitId', row.id as number, 'review.error.unknownUnit'));
    }
    refuse(problems);
    for (const { row, before: previous } of changes) {
      const id = cell.int(row, 'id');
      const values = {
        report_id: cell.int(row, 'reportId'),
        unit_id: cell.intOrNull(row, 'unitId'),
        number: cell.int(row, 'number'),
        body: jsonb(cell.localized(row, 'body')),
        state: cell.text(row, 'state'),
        government_response: jsonb(cell.localized(row, 'governmentResponse')),
        landed_commitment_id: cell.intOrNull(row, 'landedCommitmentId'),
      };
      if (previous) await updateVersioned(trx, 'review_recommendations', id, values).execute();
      else
        await trx
          .insertInto('review_recommendations')
          .values({ id, ...values })
          .execute();
      await recordImportedRow(trx, {
        entityType: 'recommendation',
        entityId: id,
        planId: reports.get(cell.int(row, 'reportId'))?.planId ?? null,
        commitmentId: null,
        actor,
        before: previous,
        after: row,
      });
    }
    await movePastIds(trx, 'review_recommendations');
  },
};

// ---- the minimum requirements' assessment ----

const foundSchema = z
  .object({
    status: z.enum(REQUIREMENT_STATUSES),
    key: text(200),
    params: z.record(z.string().max(100), z.union([text(2000), z.number()])),
  })
  .strict();

const requirementColumns: readonly OpenDataColumn[] = [
  column('id', 'Requirement Assessment ID', 'int', 'The assessment’s identifier on this site.', '本站的最低要求評估識別碼。'),
  column('reportId', 'Review Report ID', 'int', 'The action plan review that assesses it.', '評估此要求的行動方案評估報告。', { references: 'reviewReports' }),
  column(
    'requirement',
    'Minimum Requirement',
    'enum',
    'The co-creation minimum requirement: ' + MINIMUM_REQUIREMENTS.join(', ') + '.',
    '共創最低要求：推動小組、網站、文件庫、事前公告時程、公開參與機會、附理由回應、持續對話。',
    { values: MINIMUM_REQUIREMENTS },
  ),
  column('position', 'Position', 'int', 'Its place in the report.', '在報告中的順序。'),
  column(
    'found',
    'Found In Records',
    'json',
    'What the platform’s records said when the report was started, kept as it was: {"status": ' +
      REQUIREMENT_STATUSES.join(' | ') +
      ', "key": a message key, "params": {…}}; empty where they said nothing.',
    '報告起草時平臺紀錄所示（保留原樣）：狀態、訊息代碼與參數；紀錄無從判斷時為空白。',
    { schema: foundSchema, nullable: true },
  ),
  column(
    'status',
    'Requirement Status',
    'enum',
    'The reviewers’ assessment: met, in-progress or not-met (empty: not yet assessed).',
    '評估者的判定：已達成（met）、進行中（in-progress）或未達成（not-met）（空白為尚未判定）。',
    { values: REQUIREMENT_STATUSES, nullable: true },
  ),
  column('explanation', 'Explanation', 'localized', 'The reviewers’ explanation.', '評估者的說明。'),
];

const selectRequirements = (db: DbOrTx) =>
  db
    .selectFrom('review_requirements as x')
    .innerJoin('review_reports as r', 'r.id', 'x.report_id')
    .where('r.state', 'in', PUBLIC_REPORT_STATES)
    .select(['x.id', 'x.report_id', 'x.requirement', 'x.position', 'x.found', 'x.status', 'x.explanation']);

type RequirementRead = {
  id: number;
  report_id: number;
  requirement: string;
  position: number;
  found: Record<string, unknown> | null;
  status: string | null;
  explanation: Localized;
};

const requirementRow = (r: RequirementRead): OpenDataRow => ({
  id: r.id,
  reportId: r.report_id,
  requirement: r.requirement,
  position: r.position,
  found: r.found,
  status: r.status,
  explanation: r.explanation,
});

export const reviewRequirementsEntity: OpenDataEntity = {
  name: 'reviewRequirements',
  title: { en: 'Co-creation minimum requirements', zh: '共創最低要求評估' },
  description: {
    en: 'How the public action plan reviews assess each co-creation minimum requirement: what the platform’s records said, and the reviewers’ status and explanation.',
    zh: '公開的行動方案評估對各項共創最低要求的評估：平臺紀錄所示，及評估者的判定與說明。',
  },
  order: 440,
  columns: requirementColumns,
  count: (db, scope) => countParts(db, 'review_requirements', scope),
  async read(db, scope, afterId, limit) {
    let query = selectRequirements(db).where('x.id', '>', afterId);
    if (scope.planId !== null) query = query.where('r.plan_id', '=', scope.planId);
    return ((await query.orderBy('x.id').limit(limit).execute()) as RequirementRead[]).map(requirementRow);
  },
  async byIds(db, wanted) {
    if (wanted.length === 0) return new Map();
    return new Map(((await selectRequirements(db).where('x.id', 'in', wanted).execute()) as RequirementRead[]).map((r) => [r.id, requirementRow(r)]));
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(requirementColumns, rows, before);
    if (changes.length === 0) return;
    const reports = await reportsOf(
      trx,
      changes.map((c) => c.row),
    );
    const problems: FieldProblem[] = [];
    // One assessment of a requirement per report, in an action plan review.
    const taken = new Map<string, number>();
    for (const row of rows) {
      const key = `${row.reportId as number}/${row.requirement as string}`;
      if (taken.has(key)) problems.push(across('reviewRequirements', 'requirement', row.id as number, 'error.taken'));
      taken.set(key, row.id as number);
    }
    const stored = await trx
      .selectFrom('review_requirements')
      .select(['id', 'report_id', 'requirement'])
      .where('id', 'not in', ids(rows as { id: number }[]))
      .where('report_id', 'in', [...reports.keys(), 0])
      .execute();
    for (const s of stored) {
      const clash = taken.get(`${s.report_id}/${s.requirement}`);
      if (clash !== undefined) problems.push(across('reviewRequirements', 'requirement', clash, 'error.taken'));
    }
    for (const { row } of changes) {
      const report = reports.get(row.reportId as number);
      if (!report)
        problems.push(
          across('reviewRequirements', 'reportId', row.id as number, 'opendata.import.missingReference', {
            table: 'reviewReports',
            id: row.reportId as number,
          }),
        );
      else if (!assessesRequirements(report.kind)) problems.push(across('reviewRequirements', 'reportId', row.id as number, 'review.error.kind'));
    }
    refuse(problems);
    for (const { row, before: previous } of changes) {
      const id = cell.int(row, 'id');
      const values = {
        report_id: cell.int(row, 'reportId'),
        requirement: cell.text(row, 'requirement'),
        position: cell.int(row, 'position'),
        found: row.found === null ? null : JSON.stringify(row.found),
        status: cell.textOrNull(row, 'status'),
        explanation: jsonb(cell.localized(row, 'explanation')),
      };
      if (previous) await updateVersioned(trx, 'review_requirements', id, values).execute();
      else
        await trx
          .insertInto('review_requirements')
          .values({ id, ...values })
          .execute();
      // As the module's use case files an assessment: in its report's history.
      await recordHistory(trx, {
        entityType: 'review',
        entityId: cell.int(row, 'reportId'),
        planId: reports.get(cell.int(row, 'reportId'))?.planId ?? null,
        commitmentId: null,
        action: 'update',
        actor,
        before: { requirement: previous ?? null },
        after: { requirement: row },
      });
    }
    await movePastIds(trx, 'review_requirements');
  },
};

export const reviewOpenData: readonly OpenDataEntity[] = [
  reviewEngagementsEntity,
  reviewReportsEntity,
  reviewUnitsEntity,
  reviewRecommendationsEntity,
  reviewRequirementsEntity,
];
