/**
 * Use cases of the government's yearly self-assessment (issue #13, item 10, ADR 0036): each authorized, validated,
 * version-checked (409) and recorded in the history in one transaction. The secretariat starts it (one entry per
 * commitment, its status prefilled from the monitoring), writes it, opens its public comment period and publishes it
 * once the period has closed; published, it never changes.
 */
import type { Transaction } from 'kysely';
import type { Db, DbOrTx } from '../../db/connection.js';
import type { DB } from '../../db/schema.js';
import { can, type Actor } from '../../domain/authorization.js';
import { emptyLocalized, mergeLocalized } from '../../domain/localized.js';
import type { FieldProblem } from '../../domain/plan.js';
import { commentsOpen, DEFAULT_COMMENT_DAYS } from '../../domain/review.js';
import { AppError, NotFoundError } from '../../errors.js';
import { assertValid, authorize, found, foundAtVersion, requireText, type HistorySubject } from '../../web/service-helpers.js';
import { recordHistory, recorded } from '../history/index.js';
import { planQueries, publicStatuses } from '../plans/index.js';
import type { SelfAssessment, SelfAssessmentEntry, SelfAssessmentWhole } from './selfassessment.model.js';
import * as q from './selfassessment.queries.js';
import type { EntryPatch, SelfAssessmentInput, SelfAssessmentPatch } from './selfassessment.schemas.js';

export interface SelfAssessmentDeps {
  db: Db;
  now: () => Date;
  /** Marks what it creates as demonstration content: set by the demo seed only. */
  demo?: boolean;
}

const DAY = 24 * 3600 * 1000;

/** Drafts are the secretariat's: who may write them sees them. */
export const maySeeDraft = (actor: Actor | null): boolean => can(actor, 'selfAssessment.write');

const subject = (a: Pick<SelfAssessment, 'id' | 'planId'>): HistorySubject => ({
  entityType: 'selfAssessment',
  entityId: a.id,
  planId: a.planId,
  commitmentId: null,
});
const entrySubject = (e: SelfAssessmentEntry, a: SelfAssessment): HistorySubject => ({
  entityType: 'selfAssessmentEntry',
  entityId: e.id,
  planId: a.planId,
  commitmentId: e.commitmentId,
});

function assertEditable(a: SelfAssessment): void {
  if (a.state === 'published') throw new AppError(409, 'selfAssessment.error.published');
}

/** Starts the plan's self-assessment of a year: one entry per commitment, its status as the monitoring shows it now. */
export async function createSelfAssessment(
  deps: SelfAssessmentDeps,
  actor: Actor | null,
  planId: number,
  input: SelfAssessmentInput,
): Promise<SelfAssessmentWhole> {
  authorize(actor, 'selfAssessment.write');
  return deps.db.transaction().execute(async (trx) => {
    if (!(await planQueries.findPlanById(trx, planId))) throw new NotFoundError();
    const problems: FieldProblem[] = [];
    const title = mergeLocalized(emptyLocalized(), input.title);
    requireText('title', title, problems);
    if (await q.yearTaken(trx, planId, input.year)) problems.push({ field: 'year', key: 'selfAssessment.error.yearTaken', params: { year: input.year } });
    assertValid(problems);
    const assessment = await q.insertAssessment(trx, {
      planId,
      year: input.year,
      title,
      summary: mergeLocalized(emptyLocalized(), input.summary),
      commentDays: input.commentDays ?? DEFAULT_COMMENT_DAYS,
      isDemo: deps.demo === true,
      at: deps.now(),
    });
    const commitments = await planQueries.listCommitmentSummaries(trx, { planId });
    const statuses = await publicStatuses(trx, commitments);
    await q.insertEntries(
      trx,
      assessment.id,
      commitments.map((c) => ({ commitmentId: c.id, status: statuses.get(c.id) ?? c.status, narrative: emptyLocalized() })),
    );
    const entries = await q.listEntries(trx, assessment.id);
    await recorded(trx, { ...subject(assessment), action: 'create', actor, before: null, after: { ...assessment, entries: entries.map((e) => e.id) } });
    return { assessment, entries };
  });
}

/** The assessment named, locked, for the secretariat (404 for one that does not exist). */
function writeAssessment<T>(
  deps: SelfAssessmentDeps,
  actor: Actor | null,
  id: number,
  work: (trx: Transaction<DB>, a: SelfAssessment) => Promise<T>,
): Promise<T> {
  authorize(actor, 'selfAssessment.write');
  return deps.db.transaction().execute(async (trx) => work(trx, found(await q.findAssessment(trx, id, true))));
}

export async function updateSelfAssessment(deps: SelfAssessmentDeps, actor: Actor | null, id: number, patch: SelfAssessmentPatch): Promise<SelfAssessment> {
  return writeAssessment(deps, actor, id, async (trx, current) => {
    assertEditable(current);
    foundAtVersion(current, patch.version);
    const problems: FieldProblem[] = [];
    const title = mergeLocalized(current.title, patch.title);
    requireText('title', title, problems);
    if (patch.commentDays !== undefined && current.state !== 'draft') problems.push({ field: 'commentDays', key: 'review.error.periodAlreadyOpen' });
    assertValid(problems);
    const updated = await q.updateAssessmentRow(trx, id, {
      title,
      summary: mergeLocalized(current.summary, patch.summary),
      ...(patch.commentDays !== undefined ? { commentDays: patch.commentDays } : {}),
    });
    await recordHistory(trx, { ...subject(updated), action: 'update', actor, before: current, after: updated });
    return updated;
  });
}

/** A commitment's entry: its status as the government states it, and the narrative. */
export async function updateEntry(deps: SelfAssessmentDeps, actor: Actor | null, id: number, patch: EntryPatch): Promise<SelfAssessmentEntry> {
  authorize(actor, 'selfAssessment.write');
  return deps.db.transaction().execute(async (trx) => {
    const current = found(await q.findEntry(trx, id, true));
    const assessment = found(await q.findAssessment(trx, current.assessmentId, true));
    assertEditable(assessment);
    foundAtVersion(current, patch.version);
    const updated = await q.updateEntryRow(trx, id, { status: patch.status ?? current.status, narrative: mergeLocalized(current.narrative, patch.narrative) });
    await recordHistory(trx, { ...entrySubject(updated, assessment), action: 'update', actor, before: current, after: updated });
    return updated;
  });
}

/** Opens the draft's comment period now, for its number of days: it becomes public and takes comments. */
export async function openCommentPeriod(deps: SelfAssessmentDeps, actor: Actor | null, id: number, version: number): Promise<SelfAssessment> {
  return writeAssessment(deps, actor, id, async (trx, current) => {
    foundAtVersion(current, version);
    if (current.state !== 'draft') throw new AppError(409, 'review.error.notDraft');
    const opens = deps.now();
    const updated = await q.updateAssessmentRow(trx, id, {
      state: 'comment',
      commentOpensAt: opens,
      commentClosesAt: new Date(opens.getTime() + current.commentDays * DAY),
    });
    await recordHistory(trx, { ...subject(updated), action: 'update', actor, before: current, after: updated });
    return updated;
  });
}

/** Publishes once the comment period has closed (the secretariat has answered the comments). Published, it never changes. */
export async function publishSelfAssessment(deps: SelfAssessmentDeps, actor: Actor | null, id: number, version: number): Promise<SelfAssessment> {
  return writeAssessment(deps, actor, id, async (trx, current) => {
    foundAtVersion(current, version);
    assertEditable(current);
    const now = deps.now();
    if (current.state !== 'comment') throw new AppError(409, 'review.error.commentFirst');
    if (commentsOpen(current, now))
      throw new AppError(409, 'review.error.commentPeriodRunning', { closes: current.commentClosesAt?.toISOString().slice(0, 10) ?? '' });
    const updated = await q.updateAssessmentRow(trx, id, { state: 'published', publishedAt: now });
    await recordHistory(trx, { ...subject(updated), action: 'update', actor, before: current, after: updated });
    return updated;
  });
}

// Reads

/** An assessment with its entries as this viewer may see it: a draft is 404 to all but the secretariat. */
export async function readSelfAssessment(db: DbOrTx, viewer: Actor | null, id: number): Promise<SelfAssessmentWhole> {
  const assessment = await q.findAssessment(db, id);
  if (!assessment || (assessment.state === 'draft' && !maySeeDraft(viewer))) throw new NotFoundError();
  return { assessment, entries: await q.listEntries(db, id) };
}

/** A plan's self-assessments the viewer may see, latest year first. */
export async function visibleSelfAssessments(db: DbOrTx, viewer: Actor | null, planId: number): Promise<SelfAssessment[]> {
  return (await q.listAssessments(db, planId)).filter((a) => a.state !== 'draft' || maySeeDraft(viewer));
}
