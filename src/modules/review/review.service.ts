/**
 * Use cases of independent review (issue #13, ADR 0036): each authorized, validated, version-checked (409) and
 * recorded in the history in one transaction. Independence is enforced here: only the engagement's reviewers write
 * its reports (the `review.write` rule holds nobody by role, administrators included), an account of the government
 * (secretariat, agency officer, administrator) cannot be made a reviewer, and a published report never changes: a
 * correction is a new edition.
 */
import type { Transaction } from 'kysely';
import type { Db, DbOrTx } from '../../db/connection.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../domain/authorization.js';
import { emptyLocalized, mergeLocalized, type Localized } from '../../domain/localized.js';
import type { FieldProblem } from '../../domain/plan.js';
import {
  assessesRequirements,
  assessmentProblems,
  commentsOpen,
  DEFAULT_COMMENT_DAYS,
  fundingProblems,
  type Ratings,
  type RatingDimension,
  type ReviewKind,
} from '../../domain/review.js';
import { AppError, ForbiddenError, NotFoundError } from '../../errors.js';
import { assertValid, authorize, found, foundAtVersion, requireText, type HistorySubject } from '../../web/service-helpers.js';
import { accountRoleOf, deleteGrantsFrom, insertGrant } from '../accounts/index.js';
import { recordHistory, recorded } from '../history/index.js';
import { planQueries } from '../plans/index.js';
import { maySeeDrafts } from './review.access.js';
import type { Engagement, Funding, Recommendation, RequirementAssessment, ReviewReport, ReviewReportWhole, ReviewUnit } from './review.model.js';
import { recordFindings } from './review.requirements.js';
import * as q from './review.queries.js';
import type {
  ClusterInput,
  CorrectionInput,
  DeclarationInput,
  EngagementInput,
  EngagementPatch,
  InterviewInput,
  RecommendationInput,
  RecommendationPatch,
  RecommendationResponse,
  ReportInput,
  ReportPatch,
  RequirementPatch,
  ReviewerInput,
  SplitInput,
  UnitPatch,
} from './review.schemas.js';

export interface ReviewDeps {
  db: Db;
  now: () => Date;
  /** Marks what it creates as demonstration content: set by the demo seed only. */
  demo?: boolean;
}

const DAY = 24 * 3600 * 1000;
const reviewerSource = (engagementId: number, userId: number) => `engagement:${engagementId}:reviewer:${userId}`;

/** Authorized on the engagement, then one transaction. */
function onEngagement<T>(
  deps: ReviewDeps,
  actor: Actor | null,
  action: 'review.write' | 'reviewEngagement.manage',
  engagementId: number,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  authorize(actor, action, { engagementId });
  return deps.db.transaction().execute(work);
}

// Engagements

const engagementSubject = (id: number): HistorySubject => ({ entityType: 'reviewEngagement', entityId: id, planId: null, commitmentId: null });

async function checkPlans(db: DbOrTx, planIds: readonly number[], problems: FieldProblem[]): Promise<void> {
  for (const id of planIds) if (!(await planQueries.findPlanById(db, id))) problems.push({ field: 'planIds', key: 'review.error.unknownPlan' });
}

const fundingOf = (input: EngagementInput['funding']): Funding[] =>
  (input ?? []).map((f) => ({ source: mergeLocalized(emptyLocalized(), f.source), sector: f.sector, sharePercent: f.sharePercent }));

export async function createEngagement(deps: ReviewDeps, actor: Actor | null, input: EngagementInput): Promise<Engagement> {
  authorize(actor, 'reviewEngagement.manage');
  return deps.db.transaction().execute(async (trx) => {
    const problems: FieldProblem[] = [];
    const values: q.EngagementValues = {
      title: mergeLocalized(emptyLocalized(), input.title),
      termsOfReference: mergeLocalized(emptyLocalized(), input.termsOfReference),
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
    };
    requireText('title', values.title, problems);
    if (values.periodEnd < values.periodStart) problems.push({ field: 'periodEnd', key: 'error.endBeforeStart' });
    const funding = fundingOf(input.funding);
    problems.push(...fundingProblems(funding));
    const planIds = [...new Set(input.planIds)];
    await checkPlans(trx, planIds, problems);
    assertValid(problems);
    const id = await q.insertEngagement(trx, values, deps.demo === true);
    await q.replaceEngagementPlans(trx, id, planIds);
    await q.replaceFunding(trx, id, funding);
    const created = found(await q.findEngagement(trx, id));
    return recorded(trx, { ...engagementSubject(id), action: 'create', actor, before: null, after: created });
  });
}

export async function updateEngagement(deps: ReviewDeps, actor: Actor | null, id: number, patch: EngagementPatch): Promise<Engagement> {
  authorize(actor, 'reviewEngagement.manage');
  return deps.db.transaction().execute(async (trx) => {
    const current = foundAtVersion(await q.findEngagement(trx, id, true), patch.version);
    const problems: FieldProblem[] = [];
    const values: q.EngagementValues = {
      title: mergeLocalized(current.title, patch.title),
      termsOfReference: mergeLocalized(current.termsOfReference, patch.termsOfReference),
      periodStart: patch.periodStart ?? current.periodStart,
      periodEnd: patch.periodEnd ?? current.periodEnd,
    };
    requireText('title', values.title, problems);
    if (values.periodEnd < values.periodStart) problems.push({ field: 'periodEnd', key: 'error.endBeforeStart' });
    const funding = patch.funding === undefined ? current.funding : fundingOf(patch.funding);
    problems.push(...fundingProblems(funding));
    const planIds = patch.planIds === undefined ? current.planIds : [...new Set(patch.planIds)];
    await checkPlans(trx, planIds, problems);
    // A plan with reports of this engagement stays covered by it.
    const reported = new Set((await q.listReports(trx, { engagementId: id })).map((r) => r.planId));
    if ([...reported].some((p) => !planIds.includes(p))) problems.push({ field: 'planIds', key: 'review.error.planHasReports' });
    assertValid(problems);
    await q.updateEngagementRow(trx, id, values);
    await q.replaceEngagementPlans(trx, id, planIds);
    await q.replaceFunding(trx, id, funding);
    const updated = found(await q.findEngagement(trx, id));
    await recordHistory(trx, { ...engagementSubject(id), action: 'update', actor, before: current, after: updated });
    return updated;
  });
}

/**
 * Adds a reviewer to the engagement (or changes their role and declaration) and grants the reviewer role within it.
 * Independence: an account of the government (or an administrator) is refused.
 */
export async function putReviewer(deps: ReviewDeps, actor: Actor | null, engagementId: number, input: ReviewerInput): Promise<Engagement> {
  authorize(actor, 'reviewEngagement.manage');
  return deps.db.transaction().execute(async (trx) => {
    const current = found(await q.findEngagement(trx, engagementId, true));
    const role = await accountRoleOf(trx, input.userId);
    if (role === undefined) assertValid([{ field: 'userId', key: 'review.error.unknownUser' }]);
    if (role !== 'public') assertValid([{ field: 'userId', key: 'review.error.notIndependent' }]);
    const existing = current.reviewers.find((r) => r.userId === input.userId);
    await q.upsertReviewer(trx, engagementId, {
      userId: input.userId,
      role: input.role,
      affiliations: mergeLocalized(existing?.affiliations ?? emptyLocalized(), input.affiliations),
      interests: mergeLocalized(existing?.interests ?? emptyLocalized(), input.interests),
    });
    await insertGrant(trx, input.userId, { role: 'reviewer', scope: 'engagement', scopeId: engagementId }, reviewerSource(engagementId, input.userId));
    await q.touchEngagement(trx, engagementId);
    const updated = found(await q.findEngagement(trx, engagementId));
    await recordHistory(trx, { ...engagementSubject(engagementId), action: 'update', actor, before: current, after: updated });
    return updated;
  });
}

export async function removeReviewer(deps: ReviewDeps, actor: Actor | null, engagementId: number, userId: number): Promise<Engagement> {
  authorize(actor, 'reviewEngagement.manage');
  return deps.db.transaction().execute(async (trx) => {
    const current = found(await q.findEngagement(trx, engagementId, true));
    if (!(await q.deleteReviewer(trx, engagementId, userId))) throw new NotFoundError();
    await deleteGrantsFrom(trx, reviewerSource(engagementId, userId));
    await q.touchEngagement(trx, engagementId);
    const updated = found(await q.findEngagement(trx, engagementId));
    await recordHistory(trx, { ...engagementSubject(engagementId), action: 'update', actor, before: current, after: updated });
    return updated;
  });
}

/**
 * A reviewer changes their own public declaration (affiliations, declared interests): the reviewer themself only,
 * not another reviewer of the engagement, nor the secretariat (which uses putReviewer). `reviewerUserId` is the
 * reviewer the request names (the API's path); another than the actor is refused.
 */
export async function updateOwnDeclaration(
  deps: ReviewDeps,
  actor: Actor | null,
  engagementId: number,
  input: DeclarationInput,
  reviewerUserId?: number,
): Promise<Engagement> {
  authorize(actor, 'review.write', { engagementId });
  const userId = actor?.id ?? 0;
  if (reviewerUserId !== undefined && reviewerUserId !== userId) throw new ForbiddenError('review.error.ownDeclarationOnly');
  return deps.db.transaction().execute(async (trx) => {
    const current = found(await q.findEngagement(trx, engagementId, true));
    const own = current.reviewers.find((r) => r.userId === userId);
    if (!own) throw new ForbiddenError('review.error.ownDeclarationOnly');
    await q.upsertReviewer(trx, engagementId, {
      userId,
      role: own.role,
      affiliations: mergeLocalized(own.affiliations, input.affiliations),
      interests: mergeLocalized(own.interests, input.interests),
    });
    await q.touchEngagement(trx, engagementId);
    const updated = found(await q.findEngagement(trx, engagementId));
    await recordHistory(trx, { ...engagementSubject(engagementId), action: 'update', actor, before: current, after: updated });
    return updated;
  });
}

// Reports

const reportSubject = (r: Pick<ReviewReport, 'id' | 'planId'>): HistorySubject => ({
  entityType: 'review',
  entityId: r.id,
  planId: r.planId,
  commitmentId: null,
});
const unitSubject = (u: ReviewUnit, r: ReviewReport): HistorySubject => ({
  entityType: 'reviewUnit',
  entityId: u.id,
  planId: r.planId,
  commitmentId: u.commitmentIds.length === 1 ? (u.commitmentIds[0] ?? null) : null,
});
const recommendationSubject = (rec: Recommendation, r: ReviewReport): HistorySubject => ({
  entityType: 'recommendation',
  entityId: rec.id,
  planId: r.planId,
  commitmentId: null,
});

/** A published report is the record: it is never changed in place (409 saying so); a correction is a new edition. */
function assertEditable(report: ReviewReport): void {
  if (report.state === 'published') throw new AppError(409, 'review.error.published');
}

/**
 * Whether the report may be of this kind on this plan and commitment: an end-of-commitment assessment is OGP Local's,
 * of one commitment of a local plan; the other kinds are of a whole plan.
 */
async function scopeProblems(db: DbOrTx, input: ReportInput): Promise<FieldProblem[]> {
  if (input.kind !== 'end-of-commitment')
    return input.commitmentId === undefined ? [] : [{ field: 'commitmentId', key: 'review.error.commitmentOnlyEndOfCommitment' }];
  if (input.scaleSet === 'legacy') return [{ field: 'scaleSet', key: 'review.error.endOfCommitmentLegacy' }];
  const plan = await planQueries.findPlanById(db, input.planId);
  const members = await planQueries.listMembers(db);
  if (members.find((m) => m.id === plan?.memberId)?.kind !== 'local') return [{ field: 'kind', key: 'review.error.localOnly' }];
  const commitment = input.commitmentId === undefined ? undefined : await planQueries.findCommitmentById(db, input.commitmentId);
  return commitment?.planId === input.planId ? [] : [{ field: 'commitmentId', key: 'review.error.unknownCommitment' }];
}

/**
 * Starts a report of the engagement on one of its plans, with one unit per commitment of the plan (a co-creation
 * brief has none: it recommends; an end-of-commitment assessment has the one of its commitment). The engagement's
 * reviewers only.
 */
export async function createReport(deps: ReviewDeps, actor: Actor | null, engagementId: number, input: ReportInput): Promise<ReviewReportWhole> {
  return onEngagement(deps, actor, 'review.write', engagementId, async (trx) => {
    const engagement = found(await q.findEngagement(trx, engagementId));
    const problems: FieldProblem[] = [];
    const commitmentId = input.kind === 'end-of-commitment' ? (input.commitmentId ?? null) : null;
    if (!engagement.planIds.includes(input.planId)) problems.push({ field: 'planId', key: 'review.error.planNotInEngagement' });
    else problems.push(...(await scopeProblems(trx, input)));
    if (problems.length === 0 && (await q.reportExists(trx, engagementId, input.planId, input.kind, commitmentId)))
      problems.push({ field: 'kind', key: 'review.error.reportExists' });
    const title = mergeLocalized(emptyLocalized(), input.title);
    requireText('title', title, problems);
    assertValid(problems);
    const report = await q.insertReport(trx, {
      engagementId,
      planId: input.planId,
      kind: input.kind,
      commitmentId,
      scaleSet: input.scaleSet ?? 'current',
      title,
      overview: mergeLocalized(emptyLocalized(), input.overview),
      commentDays: input.commentDays ?? DEFAULT_COMMENT_DAYS,
      edition: 1,
      previousId: null,
      changeNote: null,
      isDemo: deps.demo === true,
      at: deps.now(),
    });
    const units: ReviewUnit[] = [];
    if (input.kind !== 'cocreation-brief') {
      const commitments = (await planQueries.listCommitmentSummaries(trx, { planId: input.planId })).filter(
        (c) => commitmentId === null || c.id === commitmentId,
      );
      for (const [i, c] of commitments.entries()) {
        const unitTitle: Localized = { zh: `${c.number} ${c.title.zh}`.trim(), en: `${c.number} ${c.title.en}`.trim(), status: c.title.status };
        units.push(
          await q.insertUnit(trx, report.id, i + 1, { title: unitTitle, ratings: {}, ogValues: [], rationale: emptyLocalized(), evidence: emptyLocalized() }, [
            c.id,
          ]),
        );
      }
    }
    // An action plan review starts from what the co-creation record says of each minimum requirement.
    if (assessesRequirements(input.kind)) {
      const plan = found(await planQueries.findPlanById(trx, input.planId));
      await q.insertRequirements(trx, report.id, await recordFindings(trx, plan, deps.now()));
    }
    const requirements = await q.listRequirements(trx, report.id);
    await recordHistory(trx, {
      ...reportSubject(report),
      action: 'create',
      actor,
      before: null,
      after: { ...report, units: units.map((u) => u.id), requirements },
    });
    return { report, units, recommendations: [], requirements };
  });
}

async function reportForWrite(trx: DbOrTx, actor: Actor | null, id: number): Promise<ReviewReport> {
  const report = await q.findReport(trx, id, true);
  // A draft stays hidden from those who may not see it, even when they may not write it (404, not 403).
  if (!report || (report.state === 'draft' && !maySeeDrafts(actor, report.engagementId))) throw new NotFoundError();
  authorize(actor, 'review.write', { engagementId: report.engagementId });
  return report;
}

export async function updateReport(deps: ReviewDeps, actor: Actor | null, id: number, patch: ReportPatch): Promise<ReviewReport> {
  return writeReport(deps, actor, id, async (trx, report) => {
    assertVersionOf(report, patch.version);
    assertEditable(report);
    const problems: FieldProblem[] = [];
    const title = mergeLocalized(report.title, patch.title);
    requireText('title', title, problems);
    if (patch.commentDays !== undefined && report.state !== 'draft') problems.push({ field: 'commentDays', key: 'review.error.periodAlreadyOpen' });
    if (patch.changeNote !== undefined && report.edition === 1) problems.push({ field: 'changeNote', key: 'review.error.changeNoteFirstEdition' });
    assertValid(problems);
    const updated = await q.updateReportRow(trx, id, {
      title,
      overview: mergeLocalized(report.overview, patch.overview),
      ...(patch.changeNote ? { changeNote: mergeLocalized(report.changeNote, patch.changeNote) } : {}),
      ...(patch.commentDays !== undefined ? { commentDays: patch.commentDays } : {}),
    });
    await recordHistory(trx, { ...reportSubject(updated), action: 'update', actor, before: report, after: updated });
    return updated;
  });
}

/** The report named, locked, for one of its engagement's reviewers (404 for a draft others may not see, 403 for others). */
function writeReport<T>(deps: ReviewDeps, actor: Actor | null, id: number, work: (trx: Transaction<DB>, report: ReviewReport) => Promise<T>): Promise<T> {
  if (!actor) authorize(actor, 'review.write');
  return deps.db.transaction().execute(async (trx) => work(trx, await reportForWrite(trx, actor, id)));
}

function assertVersionOf(report: ReviewReport, version: number): void {
  foundAtVersion(report, version);
}

/** Opens the draft's comment period now, for its number of days: the report becomes public and takes comments. */
export async function openCommentPeriod(deps: ReviewDeps, actor: Actor | null, id: number, version: number): Promise<ReviewReport> {
  return writeReport(deps, actor, id, async (trx, report) => {
    assertVersionOf(report, version);
    if (report.state !== 'draft') throw new AppError(409, 'review.error.notDraft');
    if (report.edition > 1) throw new AppError(409, 'review.error.correctionNoComment');
    const opens = deps.now();
    const updated = await q.updateReportRow(trx, id, {
      state: 'comment',
      commentOpensAt: opens,
      commentClosesAt: new Date(opens.getTime() + report.commentDays * DAY),
    });
    await recordHistory(trx, { ...reportSubject(updated), action: 'update', actor, before: report, after: updated });
    return updated;
  });
}

/**
 * Publishes the report: a first edition once its comment period has closed (the reviewers have answered the
 * comments), a correction from its draft with its change note. Published, it never changes.
 */
export async function publishReport(deps: ReviewDeps, actor: Actor | null, id: number, version: number): Promise<ReviewReport> {
  return writeReport(deps, actor, id, async (trx, report) => {
    assertVersionOf(report, version);
    assertEditable(report);
    const now = deps.now();
    if (report.edition === 1) {
      if (report.state !== 'comment') throw new AppError(409, 'review.error.commentFirst');
      if (commentsOpen(report, now))
        throw new AppError(409, 'review.error.commentPeriodRunning', { closes: report.commentClosesAt?.toISOString().slice(0, 10) ?? '' });
    } else if (report.changeNote.zh === '' && report.changeNote.en === '') {
      assertValid([{ field: 'changeNote', key: 'review.error.changeNoteRequired' }]);
    }
    const updated = await q.updateReportRow(trx, id, { state: 'published', publishedAt: now });
    await recordHistory(trx, { ...reportSubject(updated), action: 'update', actor, before: report, after: updated });
    return updated;
  });
}

/** A correction of a published report: a new draft edition, copied from it, published later with its change note. */
export async function correctReport(deps: ReviewDeps, actor: Actor | null, id: number, input: CorrectionInput): Promise<ReviewReportWhole> {
  return writeReport(deps, actor, id, async (trx, report) => {
    if (report.state !== 'published') throw new AppError(409, 'review.error.correctOnlyPublished');
    if (await q.findLaterEdition(trx, id)) throw new AppError(409, 'review.error.laterEdition');
    const changeNote = mergeLocalized(emptyLocalized(), input.changeNote);
    const problems: FieldProblem[] = [];
    requireText('changeNote', changeNote, problems);
    assertValid(problems);
    const edition = await q.insertReport(trx, {
      engagementId: report.engagementId,
      planId: report.planId,
      kind: report.kind,
      commitmentId: report.commitmentId,
      scaleSet: report.scaleSet,
      title: report.title,
      overview: report.overview,
      commentDays: report.commentDays,
      edition: report.edition + 1,
      previousId: report.id,
      changeNote,
      isDemo: deps.demo === true,
      at: deps.now(),
    });
    const unitIds = new Map<number, number>();
    const units: ReviewUnit[] = [];
    for (const u of await q.listUnits(trx, report.id)) {
      const copy = await q.insertUnit(trx, edition.id, u.position, u, u.commitmentIds);
      unitIds.set(u.id, copy.id);
      units.push(copy);
    }
    const recommendations: Recommendation[] = [];
    for (const r of await q.listRecommendations(trx, report.id))
      recommendations.push(
        await q.insertRecommendation(trx, edition.id, {
          unitId: r.unitId === null ? null : (unitIds.get(r.unitId) ?? null),
          body: r.body,
          state: r.state,
          governmentResponse: r.governmentResponse,
          landedCommitmentId: r.landedCommitmentId,
        }),
      );
    await q.insertRequirements(trx, edition.id, await q.listRequirements(trx, report.id));
    const requirements = await q.listRequirements(trx, edition.id);
    await recordHistory(trx, { ...reportSubject(edition), action: 'create', actor, before: null, after: edition });
    return { report: edition, units, recommendations, requirements };
  });
}

// The co-creation minimum requirements

/**
 * The reviewers assess a minimum requirement (status and explanation). What the records said stays as it was: the
 * reader sees both. Recorded in the report's history, like the rest of the report.
 */
export async function updateRequirement(deps: ReviewDeps, actor: Actor | null, id: number, patch: RequirementPatch): Promise<RequirementAssessment> {
  if (!actor) authorize(actor, 'review.write');
  return deps.db.transaction().execute(async (trx) => {
    const current = await q.findRequirement(trx, id, true);
    if (!current) throw new NotFoundError();
    const report = await reportForWrite(trx, actor, current.reportId);
    assertEditable(report);
    foundAtVersion(current, patch.version);
    const updated = await q.updateRequirementRow(trx, id, {
      status: patch.status === undefined ? current.status : patch.status,
      explanation: mergeLocalized(current.explanation, patch.explanation),
    });
    await recordHistory(trx, { ...reportSubject(report), action: 'update', actor, before: { requirement: current }, after: { requirement: updated } });
    return updated;
  });
}

// Units

const withoutCleared = (current: Ratings, patch: UnitPatch['ratings']): Ratings => {
  const merged: Record<string, string> = { ...current };
  for (const [dimension, value] of Object.entries(patch ?? {})) {
    if (value === undefined) continue;
    if (value === null) delete merged[dimension];
    else merged[dimension] = value;
  }
  return merged;
};

/** A reviewer rates a unit: ratings on the report's scales, OG values, rationale, evidence (ADR 0036). */
export async function updateUnit(deps: ReviewDeps, actor: Actor | null, id: number, patch: UnitPatch): Promise<ReviewUnit> {
  if (!actor) authorize(actor, 'review.write');
  return deps.db.transaction().execute(async (trx) => {
    const current = await q.findUnit(trx, id, true);
    if (!current) throw new NotFoundError();
    const report = await reportForWrite(trx, actor, current.reportId);
    // A published report says so, whatever version the client had.
    assertEditable(report);
    foundAtVersion(current, patch.version);
    const values: q.UnitValues = {
      title: mergeLocalized(current.title, patch.title),
      ratings: withoutCleared(current.ratings, patch.ratings),
      ogValues: patch.ogValues === undefined ? current.ogValues : [...new Set(patch.ogValues)],
      rationale: mergeLocalized(current.rationale, patch.rationale),
      evidence: mergeLocalized(current.evidence, patch.evidence),
    };
    const problems = assessmentProblems(report.kind, report.scaleSet, values);
    requireText('title', values.title, problems);
    assertValid(problems);
    const updated = await q.updateUnitRow(trx, id, values);
    await recordHistory(trx, { ...unitSubject(updated, report), action: 'update', actor, before: current, after: updated });
    return updated;
  });
}

/**
 * Clusters related units of a report into one (the first named keeps its ratings and texts, the others' commitments
 * join it, their recommendations point to it): the mapping to commitments stays visible on the unit.
 */
export async function clusterUnits(deps: ReviewDeps, actor: Actor | null, reportId: number, input: ClusterInput): Promise<ReviewUnit> {
  return writeReport(deps, actor, reportId, async (trx, report) => {
    assertEditable(report);
    const ids = [...new Set(input.unitIds)];
    const units = await q.listUnits(trx, reportId);
    const chosen = ids.map((id) => units.find((u) => u.id === id));
    if (ids.length < 2) assertValid([{ field: 'unitIds', key: 'review.error.clusterTwo' }]);
    if (chosen.some((u) => u === undefined)) assertValid([{ field: 'unitIds', key: 'review.error.unknownUnit' }]);
    const [into, ...rest] = chosen as ReviewUnit[];
    if (!into) throw new NotFoundError();
    await q.mergeUnits(
      trx,
      into.id,
      rest.map((u) => u.id),
    );
    const merged = found(await q.findUnit(trx, into.id));
    const titled = input.title ? await q.updateUnitRow(trx, into.id, { ...merged, title: mergeLocalized(merged.title, input.title) }) : merged;
    for (const u of rest) await recordHistory(trx, { ...unitSubject(u, report), action: 'delete', actor, before: u, after: null });
    await recordHistory(trx, { ...unitSubject(titled, report), action: 'update', actor, before: into, after: titled });
    return titled;
  });
}

/** Splits a unit: a new unit right after it, covering the same commitments, to be rated on its own. */
export async function splitUnit(deps: ReviewDeps, actor: Actor | null, unitId: number, input: SplitInput): Promise<ReviewUnit> {
  if (!actor) authorize(actor, 'review.write');
  return deps.db.transaction().execute(async (trx) => {
    const unit = await q.findUnit(trx, unitId, true);
    if (!unit) throw new NotFoundError();
    const report = await reportForWrite(trx, actor, unit.reportId);
    assertEditable(report);
    const title = mergeLocalized(emptyLocalized(), input.title);
    const problems: FieldProblem[] = [];
    requireText('title', title, problems);
    assertValid(problems);
    await q.shiftUnitsAfter(trx, report.id, unit.position);
    const created = await q.insertUnit(
      trx,
      report.id,
      unit.position + 1,
      { title, ratings: {}, ogValues: [], rationale: emptyLocalized(), evidence: emptyLocalized() },
      unit.commitmentIds,
    );
    return recorded(trx, { ...unitSubject(created, report), action: 'create', actor, before: null, after: created });
  });
}

// Recommendations

async function checkUnitOf(trx: DbOrTx, reportId: number, unitId: number | null, problems: FieldProblem[]): Promise<void> {
  if (unitId === null) return;
  const unit = await q.findUnit(trx, unitId);
  if (!unit || unit.reportId !== reportId) problems.push({ field: 'unitId', key: 'review.error.unknownUnit' });
}

export async function addRecommendation(deps: ReviewDeps, actor: Actor | null, reportId: number, input: RecommendationInput): Promise<Recommendation> {
  return writeReport(deps, actor, reportId, async (trx, report) => {
    assertEditable(report);
    const problems: FieldProblem[] = [];
    const body = mergeLocalized(emptyLocalized(), input.body);
    requireText('body', body, problems);
    await checkUnitOf(trx, reportId, input.unitId ?? null, problems);
    assertValid(problems);
    const created = await q.insertRecommendation(trx, reportId, { unitId: input.unitId ?? null, body });
    return recorded(trx, { ...recommendationSubject(created, report), action: 'create', actor, before: null, after: created });
  });
}

export async function updateRecommendation(deps: ReviewDeps, actor: Actor | null, id: number, patch: RecommendationPatch): Promise<Recommendation> {
  if (!actor) authorize(actor, 'review.write');
  return deps.db.transaction().execute(async (trx) => {
    const current = await q.findRecommendation(trx, id, true);
    if (!current) throw new NotFoundError();
    const report = await reportForWrite(trx, actor, current.reportId);
    // A published report says so, whatever version the client had.
    assertEditable(report);
    foundAtVersion(current, patch.version);
    const problems: FieldProblem[] = [];
    const body = mergeLocalized(current.body, patch.body);
    requireText('body', body, problems);
    const unitId = patch.unitId === undefined ? current.unitId : patch.unitId;
    await checkUnitOf(trx, current.reportId, unitId, problems);
    assertValid(problems);
    const updated = await q.updateRecommendationRow(trx, id, { ...current, body, unitId });
    await recordHistory(trx, { ...recommendationSubject(updated, report), action: 'update', actor, before: current, after: updated });
    return updated;
  });
}

/**
 * The government's response to a recommendation of a published report: its tracking (持續列管 / 解除列管), its
 * answer, and the commitment where it landed. The secretariat records it; the reviewers' words stay as published.
 */
export async function respondToRecommendation(deps: ReviewDeps, actor: Actor | null, id: number, patch: RecommendationResponse): Promise<Recommendation> {
  authorize(actor, 'recommendation.respond');
  return deps.db.transaction().execute(async (trx) => {
    const current = foundAtVersion(await q.findRecommendation(trx, id, true), patch.version);
    const report = found(await q.findReport(trx, current.reportId));
    if (report.state !== 'published') throw new AppError(409, 'review.error.respondAfterPublication');
    const problems: FieldProblem[] = [];
    const landed = patch.landedCommitmentId === undefined ? current.landedCommitmentId : patch.landedCommitmentId;
    if (landed !== null && !(await planQueries.findCommitmentById(trx, landed)))
      problems.push({ field: 'landedCommitmentId', key: 'review.error.unknownCommitment' });
    assertValid(problems);
    const updated = await q.updateRecommendationRow(trx, id, {
      ...current,
      state: patch.state ?? current.state,
      governmentResponse: mergeLocalized(current.governmentResponse, patch.governmentResponse),
      landedCommitmentId: landed,
    });
    await recordHistory(trx, { ...recommendationSubject(updated, report), action: 'update', actor, before: current, after: updated });
    return updated;
  });
}

// Interviews

export async function addInterview(deps: ReviewDeps, actor: Actor | null, engagementId: number, input: InterviewInput) {
  return onEngagement(deps, actor, 'review.write', engagementId, async (trx) => {
    found(await q.findEngagement(trx, engagementId));
    const problems: FieldProblem[] = [];
    const interviewee = (input.interviewee ?? '').trim();
    if (!input.consentToBeNamed && interviewee !== '') problems.push({ field: 'interviewee', key: 'review.error.namedWithoutConsent' });
    if (input.notes.trim() === '') problems.push({ field: 'notes', key: 'error.required' });
    assertValid(problems);
    const created = await q.insertInterview(trx, engagementId, { ...input, interviewee }, actor?.id ?? null);
    return recorded(trx, {
      entityType: 'reviewInterview',
      entityId: created.id,
      planId: null,
      commitmentId: null,
      action: 'create',
      actor,
      before: null,
      after: created,
    });
  });
}

// Reads

/** A report with its units and recommendations, as this viewer may see it: a draft is 404 to all but its reviewers and the secretariat. */
export async function readReport(db: DbOrTx, viewer: Actor | null, id: number): Promise<ReviewReportWhole> {
  const report = await q.findReport(db, id);
  if (!report || (report.state === 'draft' && !maySeeDrafts(viewer, report.engagementId))) throw new NotFoundError();
  const [units, recommendations, requirements] = await Promise.all([q.listUnits(db, id), q.listRecommendations(db, id), q.listRequirements(db, id)]);
  return { report, units, recommendations, requirements };
}

/** The reports of an engagement (or a plan) the viewer may see. */
export async function visibleReports(db: DbOrTx, viewer: Actor | null, by: { engagementId?: number; planId?: number }): Promise<ReviewReport[]> {
  const reports = await q.listReports(db, by);
  return reports.filter((r) => r.state !== 'draft' || maySeeDrafts(viewer, r.engagementId));
}

export type { RatingDimension, ReviewKind };
