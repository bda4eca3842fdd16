/** All SQL of independent review; rows become the model's objects here. */
import { sql } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { firstRow, lockedIf, updateVersioned } from '../../db/row-queries.js';
import type { Localized } from '../../domain/localized.js';
import type { OgpValue } from '../../domain/plan.js';
import type {
  FundingSector,
  MinimumRequirement,
  Ratings,
  RecommendationState,
  RecordFinding,
  RequirementStatus,
  ReviewerRole,
  ReviewKind,
  ReviewState,
  ScaleSet,
} from '../../domain/review.js';
import { publicPeople } from '../accounts/index.js';
import type { Engagement, Funding, Interview, Recommendation, RequirementAssessment, Reviewer, ReviewReport, ReviewUnit } from './review.model.js';

// Engagements

export interface EngagementValues {
  title: Localized;
  termsOfReference: Localized;
  periodStart: string;
  periodEnd: string;
}

const engagementColumns = (v: EngagementValues) => ({
  title: jsonb(v.title),
  terms_of_reference: jsonb(v.termsOfReference),
  period_start: v.periodStart,
  period_end: v.periodEnd,
});

export async function insertEngagement(db: DbOrTx, v: EngagementValues, isDemo: boolean): Promise<number> {
  const row = await db
    .insertInto('review_engagements')
    .values({ ...engagementColumns(v), is_demo: isDemo })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEngagementRow(db: DbOrTx, id: number, v: EngagementValues): Promise<void> {
  await updateVersioned(db, 'review_engagements', id, engagementColumns(v)).execute();
}

export async function replaceEngagementPlans(db: DbOrTx, id: number, planIds: readonly number[]): Promise<void> {
  await db.deleteFrom('review_engagement_plans').where('engagement_id', '=', id).execute();
  if (planIds.length > 0)
    await db
      .insertInto('review_engagement_plans')
      .values(planIds.map((planId) => ({ engagement_id: id, plan_id: planId })))
      .execute();
}

export async function replaceFunding(db: DbOrTx, id: number, funding: readonly Funding[]): Promise<void> {
  await db.deleteFrom('review_funding').where('engagement_id', '=', id).execute();
  if (funding.length > 0)
    await db
      .insertInto('review_funding')
      .values(
        funding.map((f, i) => ({ engagement_id: id, position: i + 1, source: jsonb(f.source), sector: f.sector, share_percent: f.sharePercent.toFixed(2) })),
      )
      .execute();
}

export async function upsertReviewer(db: DbOrTx, engagementId: number, r: Omit<Reviewer, 'name'>): Promise<void> {
  await db
    .insertInto('review_reviewers')
    .values({ engagement_id: engagementId, user_id: r.userId, role: r.role, affiliations: jsonb(r.affiliations), interests: jsonb(r.interests) })
    .onConflict((oc) =>
      oc.columns(['engagement_id', 'user_id']).doUpdateSet({ role: r.role, affiliations: jsonb(r.affiliations), interests: jsonb(r.interests) }),
    )
    .execute();
}

export async function deleteReviewer(db: DbOrTx, engagementId: number, userId: number): Promise<boolean> {
  const result = await db.deleteFrom('review_reviewers').where('engagement_id', '=', engagementId).where('user_id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Marks the engagement changed (its reviewers or funding), as a new version. */
export async function touchEngagement(db: DbOrTx, id: number): Promise<void> {
  await updateVersioned(db, 'review_engagements', id, {}).execute();
}

export async function findEngagement(db: DbOrTx, id: number, forUpdate = false): Promise<Engagement | undefined> {
  const row = await lockedIf(db.selectFrom('review_engagements').selectAll().where('id', '=', id), forUpdate).executeTakeFirst();
  if (!row) return undefined;
  const [plans, reviewers, funding] = await Promise.all([
    db.selectFrom('review_engagement_plans').select('plan_id').where('engagement_id', '=', id).orderBy('plan_id').execute(),
    db
      .selectFrom('review_reviewers')
      .select(['user_id', 'role', 'affiliations', 'interests'])
      .where('engagement_id', '=', id)
      .orderBy('added_at')
      .orderBy('user_id')
      .execute(),
    db.selectFrom('review_funding').select(['source', 'sector', 'share_percent']).where('engagement_id', '=', id).orderBy('position').execute(),
  ]);
  // Their public names, as the accounts module shows people (a deleted account has none).
  const people = await publicPeople(
    db,
    reviewers.map((r) => r.user_id),
  );
  return {
    id: row.id,
    title: row.title,
    termsOfReference: row.terms_of_reference,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    planIds: plans.map((p) => p.plan_id),
    reviewers: reviewers.map((r) => ({
      userId: r.user_id,
      name: people.get(r.user_id)?.displayName ?? '',
      role: r.role as ReviewerRole,
      affiliations: r.affiliations,
      interests: r.interests,
    })),
    funding: funding.map((f) => ({ source: f.source, sector: f.sector as FundingSector, sharePercent: Number(f.share_percent) })),
    isDemo: row.is_demo,
    version: row.version,
  };
}

export async function listEngagementIds(db: DbOrTx, planId?: number): Promise<number[]> {
  let q = db.selectFrom('review_engagements as e').select('e.id').orderBy('e.period_start', 'desc').orderBy('e.id', 'desc');
  if (planId !== undefined)
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('review_engagement_plans as p').select('p.plan_id').whereRef('p.engagement_id', '=', 'e.id').where('p.plan_id', '=', planId)),
    );
  return (await q.execute()).map((r) => r.id);
}

/** Whether the person is one of the engagement's reviewers. */
export async function isReviewerOf(db: DbOrTx, engagementId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('review_reviewers')
    .select('user_id')
    .where('engagement_id', '=', engagementId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

// Reports

type ReportRow = {
  id: number;
  engagement_id: number;
  plan_id: number;
  kind: string;
  commitment_id: number | null;
  scale_set: string;
  state: string;
  edition: number;
  previous_id: number | null;
  change_note: Localized;
  title: Localized;
  overview: Localized;
  comment_days: number;
  comment_opens_at: Date | null;
  comment_closes_at: Date | null;
  published_at: Date | null;
  is_demo: boolean;
  version: number;
  updated_at: Date;
};

const toReport = (r: ReportRow): ReviewReport => ({
  id: r.id,
  engagementId: r.engagement_id,
  planId: r.plan_id,
  kind: r.kind as ReviewKind,
  commitmentId: r.commitment_id,
  scaleSet: r.scale_set as ScaleSet,
  state: r.state as ReviewState,
  edition: r.edition,
  previousId: r.previous_id,
  changeNote: r.change_note,
  title: r.title,
  overview: r.overview,
  commentDays: r.comment_days,
  commentOpensAt: r.comment_opens_at,
  commentClosesAt: r.comment_closes_at,
  publishedAt: r.published_at,
  isDemo: r.is_demo,
  version: r.version,
  updatedAt: r.updated_at,
});

const REPORT_COLUMNS = [
  'id',
  'engagement_id',
  'plan_id',
  'kind',
  'commitment_id',
  'scale_set',
  'state',
  'edition',
  'previous_id',
  'change_note',
  'title',
  'overview',
  'comment_days',
  'comment_opens_at',
  'comment_closes_at',
  'published_at',
  'is_demo',
  'version',
  'updated_at',
] as const;

export function findReport(db: DbOrTx, id: number, forUpdate = false): Promise<ReviewReport | undefined> {
  return firstRow(lockedIf(db.selectFrom('review_reports').select(REPORT_COLUMNS).where('id', '=', id), forUpdate), toReport);
}

/** An engagement's reports, or a plan's, in plan, kind and edition order. */
export async function listReports(db: DbOrTx, by: { engagementId?: number; planId?: number }): Promise<ReviewReport[]> {
  let q = db.selectFrom('review_reports').select(REPORT_COLUMNS);
  if (by.engagementId !== undefined) q = q.where('engagement_id', '=', by.engagementId);
  if (by.planId !== undefined) q = q.where('plan_id', '=', by.planId);
  const rows = await q.orderBy('plan_id').orderBy('kind').orderBy('edition').execute();
  return rows.map(toReport);
}

export interface NewReport {
  engagementId: number;
  planId: number;
  kind: ReviewKind;
  commitmentId: number | null;
  scaleSet: ScaleSet;
  title: Localized;
  overview: Localized;
  commentDays: number;
  edition: number;
  previousId: number | null;
  changeNote: Localized | null;
  isDemo: boolean;
  at: Date;
}

export async function insertReport(db: DbOrTx, r: NewReport): Promise<ReviewReport> {
  const row = await db
    .insertInto('review_reports')
    .values({
      engagement_id: r.engagementId,
      plan_id: r.planId,
      kind: r.kind,
      commitment_id: r.commitmentId,
      scale_set: r.scaleSet,
      title: jsonb(r.title),
      overview: jsonb(r.overview),
      comment_days: r.commentDays,
      edition: r.edition,
      previous_id: r.previousId,
      change_note: r.changeNote ? jsonb(r.changeNote) : undefined,
      is_demo: r.isDemo,
      created_at: r.at,
      updated_at: r.at,
    })
    .returning(REPORT_COLUMNS)
    .executeTakeFirstOrThrow();
  return toReport(row);
}

export interface ReportChange {
  title?: Localized;
  overview?: Localized;
  changeNote?: Localized;
  commentDays?: number;
  state?: ReviewState;
  commentOpensAt?: Date;
  commentClosesAt?: Date;
  publishedAt?: Date;
}

export async function updateReportRow(db: DbOrTx, id: number, c: ReportChange): Promise<ReviewReport> {
  const row = await updateVersioned(db, 'review_reports', id, {
    ...(c.title ? { title: jsonb(c.title) } : {}),
    ...(c.overview ? { overview: jsonb(c.overview) } : {}),
    ...(c.changeNote ? { change_note: jsonb(c.changeNote) } : {}),
    ...(c.commentDays !== undefined ? { comment_days: c.commentDays } : {}),
    ...(c.state ? { state: c.state } : {}),
    ...(c.commentOpensAt ? { comment_opens_at: c.commentOpensAt } : {}),
    ...(c.commentClosesAt ? { comment_closes_at: c.commentClosesAt } : {}),
    ...(c.publishedAt ? { published_at: c.publishedAt } : {}),
  })
    .returning(REPORT_COLUMNS)
    .executeTakeFirstOrThrow();
  return toReport(row);
}

/** The newest edition of a report's line (the report and its corrections), or undefined for none after it. */
export async function findLaterEdition(db: DbOrTx, id: number): Promise<{ id: number; state: string } | undefined> {
  return db.selectFrom('review_reports').select(['id', 'state']).where('previous_id', '=', id).executeTakeFirst();
}

// Units

type UnitRow = {
  id: number;
  report_id: number;
  position: number;
  title: Localized;
  ratings: Record<string, string>;
  og_values: string[];
  rationale: Localized;
  evidence: Localized;
  version: number;
};

const UNIT_COLUMNS = ['id', 'report_id', 'position', 'title', 'ratings', 'og_values', 'rationale', 'evidence', 'version'] as const;

const toUnit = (r: UnitRow, commitmentIds: number[]): ReviewUnit => ({
  id: r.id,
  reportId: r.report_id,
  position: r.position,
  title: r.title,
  commitmentIds,
  ratings: r.ratings,
  ogValues: r.og_values as OgpValue[],
  rationale: r.rationale,
  evidence: r.evidence,
  version: r.version,
});

async function commitmentsOfUnits(db: DbOrTx, unitIds: readonly number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (unitIds.length === 0) return map;
  const rows = await db
    .selectFrom('review_unit_commitments')
    .select(['unit_id', 'commitment_id'])
    .where('unit_id', 'in', [...unitIds])
    .orderBy('unit_id')
    .orderBy('commitment_id')
    .execute();
  for (const r of rows) map.set(r.unit_id, [...(map.get(r.unit_id) ?? []), r.commitment_id]);
  return map;
}

export async function listUnits(db: DbOrTx, reportId: number): Promise<ReviewUnit[]> {
  const rows = await db.selectFrom('review_units').select(UNIT_COLUMNS).where('report_id', '=', reportId).orderBy('position').orderBy('id').execute();
  const commitments = await commitmentsOfUnits(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toUnit(r, commitments.get(r.id) ?? []));
}

export async function findUnit(db: DbOrTx, id: number, forUpdate = false): Promise<ReviewUnit | undefined> {
  const row = await lockedIf(db.selectFrom('review_units').select(UNIT_COLUMNS).where('id', '=', id), forUpdate).executeTakeFirst();
  if (!row) return undefined;
  return toUnit(row, (await commitmentsOfUnits(db, [id])).get(id) ?? []);
}

export interface UnitValues {
  title: Localized;
  ratings: Ratings;
  ogValues: readonly OgpValue[];
  rationale: Localized;
  evidence: Localized;
}

const unitColumns = (v: UnitValues) => ({
  title: jsonb(v.title),
  ratings: jsonb(v.ratings),
  og_values: jsonb(v.ogValues),
  rationale: jsonb(v.rationale),
  evidence: jsonb(v.evidence),
});

export async function insertUnit(db: DbOrTx, reportId: number, position: number, v: UnitValues, commitmentIds: readonly number[]): Promise<ReviewUnit> {
  const row = await db
    .insertInto('review_units')
    .values({ report_id: reportId, position, ...unitColumns(v) })
    .returning(UNIT_COLUMNS)
    .executeTakeFirstOrThrow();
  if (commitmentIds.length > 0)
    await db
      .insertInto('review_unit_commitments')
      .values(commitmentIds.map((commitmentId) => ({ unit_id: row.id, commitment_id: commitmentId })))
      .execute();
  return toUnit(
    row,
    [...commitmentIds].sort((a, b) => a - b),
  );
}

export async function updateUnitRow(db: DbOrTx, id: number, v: UnitValues): Promise<ReviewUnit> {
  const row = await updateVersioned(db, 'review_units', id, unitColumns(v)).returning(UNIT_COLUMNS).executeTakeFirstOrThrow();
  return toUnit(row, (await commitmentsOfUnits(db, [id])).get(id) ?? []);
}

/**
 * What a commitment's page names of reviews, in one statement: the units covering it in reports the public may see,
 * and the published recommendations that landed in it.
 */
export async function reviewMentionsOf(db: DbOrTx, commitmentId: number): Promise<{ unitIds: number[]; recommendationIds: number[] }> {
  const { rows } = await sql<{ kind: 'unit' | 'recommendation'; id: number }>`
    SELECT 'unit' AS kind, u.id FROM review_unit_commitments uc
      JOIN review_units u ON u.id = uc.unit_id JOIN review_reports r ON r.id = u.report_id
      WHERE uc.commitment_id = ${commitmentId} AND r.state <> 'draft'
    UNION ALL
    SELECT 'recommendation', rec.id FROM review_recommendations rec JOIN review_reports r ON r.id = rec.report_id
      WHERE rec.landed_commitment_id = ${commitmentId} AND r.state = 'published'`.execute(db);
  return {
    unitIds: rows.filter((r) => r.kind === 'unit').map((r) => r.id),
    recommendationIds: rows.filter((r) => r.kind === 'recommendation').map((r) => r.id),
  };
}

/** Every unit's ratings of the latest published or commented report on a commitment: what its page shows. */
export async function unitsOfCommitment(db: DbOrTx, commitmentId: number): Promise<{ unit: ReviewUnit; report: ReviewReport }[]> {
  const rows = await db
    .selectFrom('review_unit_commitments as uc')
    .innerJoin('review_units as u', 'u.id', 'uc.unit_id')
    .innerJoin('review_reports as r', 'r.id', 'u.report_id')
    .select(['u.id as unit_id', 'r.id as report_id'])
    .where('uc.commitment_id', '=', commitmentId)
    .where('r.state', '<>', 'draft')
    .orderBy('r.id')
    .execute();
  const out: { unit: ReviewUnit; report: ReviewReport }[] = [];
  for (const r of rows) {
    const [unit, report] = await Promise.all([findUnit(db, r.unit_id), findReport(db, r.report_id)]);
    if (unit && report) out.push({ unit, report });
  }
  return out;
}

/** Moves the commitments of `from` units onto `into` (a cluster), then deletes them; recommendations on them move too. */
export async function mergeUnits(db: DbOrTx, into: number, from: readonly number[]): Promise<void> {
  if (from.length === 0) return;
  await sql`INSERT INTO review_unit_commitments (unit_id, commitment_id)
    SELECT ${into}, commitment_id FROM review_unit_commitments WHERE unit_id IN (${sql.join([...from])})
    ON CONFLICT DO NOTHING`.execute(db);
  await db
    .updateTable('review_recommendations')
    .set({ unit_id: into })
    .where('unit_id', 'in', [...from])
    .execute();
  await db
    .deleteFrom('review_units')
    .where('id', 'in', [...from])
    .execute();
  await updateVersioned(db, 'review_units', into, {}).execute();
}

/** Makes room after `position` in a report's units (a split's new unit goes right after the one split). */
export async function shiftUnitsAfter(db: DbOrTx, reportId: number, position: number): Promise<void> {
  await db
    .updateTable('review_units')
    .set({ position: sql`position + 1` })
    .where('report_id', '=', reportId)
    .where('position', '>', position)
    .execute();
}

// Recommendations

type RecommendationRow = {
  id: number;
  report_id: number;
  unit_id: number | null;
  number: number;
  body: Localized;
  state: string;
  government_response: Localized;
  landed_commitment_id: number | null;
  version: number;
};

const RECOMMENDATION_COLUMNS = ['id', 'report_id', 'unit_id', 'number', 'body', 'state', 'government_response', 'landed_commitment_id', 'version'] as const;

const toRecommendation = (r: RecommendationRow): Recommendation => ({
  id: r.id,
  reportId: r.report_id,
  unitId: r.unit_id,
  number: r.number,
  body: r.body,
  state: r.state as RecommendationState,
  governmentResponse: r.government_response,
  landedCommitmentId: r.landed_commitment_id,
  version: r.version,
});

export async function listRecommendations(db: DbOrTx, reportId: number): Promise<Recommendation[]> {
  const rows = await db.selectFrom('review_recommendations').select(RECOMMENDATION_COLUMNS).where('report_id', '=', reportId).orderBy('number').execute();
  return rows.map(toRecommendation);
}

export function findRecommendation(db: DbOrTx, id: number, forUpdate = false): Promise<Recommendation | undefined> {
  return firstRow(lockedIf(db.selectFrom('review_recommendations').select(RECOMMENDATION_COLUMNS).where('id', '=', id), forUpdate), toRecommendation);
}

export async function insertRecommendation(
  db: DbOrTx,
  reportId: number,
  v: { unitId: number | null; body: Localized; state?: RecommendationState; governmentResponse?: Localized; landedCommitmentId?: number | null },
): Promise<Recommendation> {
  const next = await db
    .selectFrom('review_recommendations')
    .select(sql<number>`coalesce(max(number), 0) + 1`.as('n'))
    .where('report_id', '=', reportId)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('review_recommendations')
    .values({
      report_id: reportId,
      unit_id: v.unitId,
      number: next.n,
      body: jsonb(v.body),
      state: v.state ?? 'tracking',
      government_response: v.governmentResponse ? jsonb(v.governmentResponse) : undefined,
      landed_commitment_id: v.landedCommitmentId ?? null,
    })
    .returning(RECOMMENDATION_COLUMNS)
    .executeTakeFirstOrThrow();
  return toRecommendation(row);
}

export async function updateRecommendationRow(
  db: DbOrTx,
  id: number,
  v: { unitId: number | null; body: Localized; state: RecommendationState; governmentResponse: Localized; landedCommitmentId: number | null },
): Promise<Recommendation> {
  const row = await updateVersioned(db, 'review_recommendations', id, {
    unit_id: v.unitId,
    body: jsonb(v.body),
    state: v.state,
    government_response: jsonb(v.governmentResponse),
    landed_commitment_id: v.landedCommitmentId,
  })
    .returning(RECOMMENDATION_COLUMNS)
    .executeTakeFirstOrThrow();
  return toRecommendation(row);
}

/** The published recommendations that landed in a commitment (shown on its page: "did they listen?"). */
export async function recommendationsLandedIn(db: DbOrTx, commitmentId: number): Promise<Recommendation[]> {
  const rows = await db
    .selectFrom('review_recommendations as rec')
    .innerJoin('review_reports as r', 'r.id', 'rec.report_id')
    .select(RECOMMENDATION_COLUMNS.map((c) => `rec.${c}` as const))
    .where('rec.landed_commitment_id', '=', commitmentId)
    .where('r.state', '=', 'published')
    .orderBy('rec.id')
    .execute();
  return rows.map(toRecommendation);
}

// Interviews

const INTERVIEW_COLUMNS = ['id', 'engagement_id', 'held_on', 'stakeholder_group', 'consent_to_be_named', 'interviewee', 'notes'] as const;

const toInterview = (row: {
  id: number;
  engagement_id: number;
  held_on: string;
  stakeholder_group: string;
  consent_to_be_named: boolean;
  interviewee: string;
  notes: string;
}): Interview => ({
  id: row.id,
  engagementId: row.engagement_id,
  heldOn: row.held_on,
  stakeholderGroup: row.stakeholder_group,
  consentToBeNamed: row.consent_to_be_named,
  interviewee: row.interviewee,
  notes: row.notes,
});

export async function insertInterview(
  db: DbOrTx,
  engagementId: number,
  v: Omit<Interview, 'id' | 'engagementId'>,
  recordedBy: number | null,
): Promise<Interview> {
  const row = await db
    .insertInto('review_interviews')
    .values({
      engagement_id: engagementId,
      held_on: v.heldOn,
      stakeholder_group: v.stakeholderGroup,
      consent_to_be_named: v.consentToBeNamed,
      interviewee: v.interviewee,
      notes: v.notes,
      recorded_by: recordedBy,
    })
    .returning(INTERVIEW_COLUMNS)
    .executeTakeFirstOrThrow();
  return toInterview(row);
}

export async function listInterviews(db: DbOrTx, engagementId: number): Promise<Interview[]> {
  const rows = await db
    .selectFrom('review_interviews')
    .select(INTERVIEW_COLUMNS)
    .where('engagement_id', '=', engagementId)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
  return rows.map(toInterview);
}

export async function engagementOfInterview(db: DbOrTx, id: number): Promise<number | undefined> {
  const row = await db.selectFrom('review_interviews').select('engagement_id').where('id', '=', id).executeTakeFirst();
  return row?.engagement_id;
}

/** Whether the engagement already has a first edition of this kind of report on this plan (and commitment). */
export async function reportExists(db: DbOrTx, engagementId: number, planId: number, kind: ReviewKind, commitmentId: number | null): Promise<boolean> {
  const row = await db
    .selectFrom('review_reports')
    .select('id')
    .where('engagement_id', '=', engagementId)
    .where('plan_id', '=', planId)
    .where('kind', '=', kind)
    .where('edition', '=', 1)
    .where((eb) => (commitmentId === null ? eb('commitment_id', 'is', null) : eb('commitment_id', '=', commitmentId)))
    .executeTakeFirst();
  return row !== undefined;
}

// The co-creation minimum requirements of an action plan review

const REQUIREMENT_COLUMNS = ['id', 'report_id', 'requirement', 'found', 'status', 'explanation', 'version'] as const;

const toRequirement = (r: {
  id: number;
  report_id: number;
  requirement: string;
  found: RecordFinding | null;
  status: string | null;
  explanation: Localized;
  version: number;
}): RequirementAssessment => ({
  id: r.id,
  reportId: r.report_id,
  requirement: r.requirement as MinimumRequirement,
  found: r.found,
  status: r.status as RequirementStatus | null,
  explanation: r.explanation,
  version: r.version,
});

export interface RequirementValues {
  requirement: MinimumRequirement;
  found: RecordFinding | null;
  status: RequirementStatus | null;
  explanation: Localized;
}

export async function insertRequirements(db: DbOrTx, reportId: number, rows: readonly RequirementValues[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('review_requirements')
    .values(
      rows.map((r, i) => ({
        report_id: reportId,
        requirement: r.requirement,
        position: i + 1,
        found: r.found === null ? null : jsonb(r.found),
        status: r.status,
        explanation: jsonb(r.explanation),
      })),
    )
    .execute();
}

export async function listRequirements(db: DbOrTx, reportId: number): Promise<RequirementAssessment[]> {
  const rows = await db.selectFrom('review_requirements').select(REQUIREMENT_COLUMNS).where('report_id', '=', reportId).orderBy('position').execute();
  return rows.map(toRequirement);
}

export async function findRequirement(db: DbOrTx, id: number, forUpdate = false): Promise<RequirementAssessment | undefined> {
  const row = await lockedIf(db.selectFrom('review_requirements').select(REQUIREMENT_COLUMNS).where('id', '=', id), forUpdate).executeTakeFirst();
  return row && toRequirement(row);
}

export async function updateRequirementRow(db: DbOrTx, id: number, v: Pick<RequirementValues, 'status' | 'explanation'>): Promise<RequirementAssessment> {
  const row = await updateVersioned(db, 'review_requirements', id, { status: v.status, explanation: jsonb(v.explanation) })
    .returning(REQUIREMENT_COLUMNS)
    .executeTakeFirstOrThrow();
  return toRequirement(row);
}

/** A deleted account's declarations (affiliations, interests): personal data, erased; who reviewed stays, unnamed. */
export async function eraseDeclarationsOf(db: DbOrTx, userId: number): Promise<void> {
  const empty = jsonb({ zh: '', en: '', status: 'missing' });
  await db.updateTable('review_reviewers').set({ affiliations: empty, interests: empty }).where('user_id', '=', userId).execute();
}
