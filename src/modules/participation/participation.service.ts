/**
 * Use cases of public input: consultations (the secretariat opens a dated window on a part of the plan), inputs
 * (comments, replies one level deep, proposals of new commitments; the author edits for 15 minutes and may withdraw),
 * and the reasoned response the agency that owes it gives. Every write authorizes, validates beyond shape, checks
 * the version, writes, records history and tells followers (through the notifications outbox), in one transaction.
 */
import type { Db, DbOrTx } from '../../db/connection.js';
import { can, type Actor, type ResourceOwnership } from '../../domain/authorization.js';
import { emptyLocalized, mergeLocalized, type Localized } from '../../domain/localized.js';
import {
  authorMayEdit,
  checkResponse,
  isPeriodTarget,
  windowState,
  type ConsultationTarget,
  type InputState,
  type InputTarget,
} from '../../domain/participation.js';
import { admitReviewComment, assertMayRespondToReviewComment } from './review-targets.js';
import { PUBLIC_REPORT_STATES } from '../../domain/monitoring.js';
import type { FieldProblem } from '../../domain/plan.js';
import { accountIdOf } from '../../domain/system-actor.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { assertValid, authorize, found, foundAtVersion, type HistorySubject, signedIn } from '../../web/service-helpers.js';
import { findMeetingById } from '../forum/index.js';
import { readHistoryEntry, recordHistory } from '../history/index.js';
import { monitoringQueries } from '../monitoring/index.js';
import { follow, notify, type FollowTarget } from '../notifications/index.js';
import { planQueries as planQ } from '../plans/index.js';
import { admitInput, formatInstant } from './moderation.service.js';
import { isReadable, type Consultation, type Input } from './participation.model.js';
import { consultationPath, inputPath } from './participation.paths.js';
import * as q from './participation.queries.js';
import type { ConsultationInput, ConsultationPatch, EditInput, PostInput, ReplyInput, RespondInput, WithdrawInput } from './participation.schemas.js';

export interface ParticipationDeps {
  db: Db;
  now: () => Date;
  /** Marks what it creates as demonstration content: set by the demo seed only. */
  demo?: boolean;
  /** The client's address, counted against the input limits (absent: the seed and the CLI, which are not limited). */
  client?: string;
}

// ---------------------------------------------------------------- history

export const consultationSubject = (c: Consultation): HistorySubject => ({
  entityType: 'consultation',
  entityId: c.id,
  planId: c.planId,
  commitmentId: null,
});
export const inputSubject = (i: Input): HistorySubject => ({ entityType: 'input', entityId: i.id, planId: i.planId, commitmentId: i.commitmentId });
export const responseSubject = (i: Input): HistorySubject => ({ ...inputSubject(i), entityType: 'input-response' });

const consultationRecord = (c: Consultation) => {
  const { isDemo: _demo, version: _version, ...record } = c;
  return record;
};
/** What history keeps of an input: its words and state (each edit's words stay readable); its response apart. */
export const inputRecord = (i: Input) => ({
  kind: i.kind,
  targetType: i.targetType,
  targetId: i.targetId,
  consultationId: i.consultationId,
  parentId: i.parentId,
  state: i.state,
  body: i.body,
  ...(i.kind === 'proposal' ? { proposal: i.proposal } : {}),
  source: i.source,
  sourceUrl: i.sourceUrl,
  hiddenReason: i.moderation.hiddenReason,
});
export const responseRecord = (i: Input) => ({
  state: i.response.state,
  reason: i.response.reason,
  referredTo: i.response.referredTo,
  changeHistoryId: i.response.changeHistoryId,
});

// ---------------------------------------------------------------- consultations

interface ResolvedTarget {
  commitmentId: number | null;
  /** The agency that owes the answer to input on it; null: the secretariat. */
  agencyId: number | null;
  forumMatter: boolean;
}

/** The target in the plan (404-free: a field problem naming `targetId` when it is not there or not public). */
async function resolveTarget(
  db: DbOrTx,
  planId: number,
  type: InputTarget,
  id: number,
  section: string | null | undefined,
  now: Date,
): Promise<ResolvedTarget> {
  const missing = () => new ValidationError([{ field: 'targetId', key: 'participation.error.unknownTarget' }]);
  switch (type) {
    case 'plan':
    case 'section':
      if (id !== planId) throw missing();
      if (type === 'section' && !section) throw new ValidationError([{ field: 'section', key: 'error.required' }]);
      return { commitmentId: null, agencyId: null, forumMatter: false };
    case 'area': {
      const area = await planQ.findAreaById(db, id);
      if (area?.planId !== planId) throw missing();
      return { commitmentId: null, agencyId: null, forumMatter: false };
    }
    case 'commitment': {
      const commitment = await planQ.findCommitmentById(db, id);
      if (commitment?.planId !== planId) throw missing();
      return { commitmentId: commitment.id, agencyId: commitment.leadAgencyId, forumMatter: false };
    }
    case 'milestone': {
      const milestone = await planQ.findMilestoneById(db, id);
      const commitment = milestone && (await planQ.findCommitmentById(db, milestone.commitmentId));
      if (!commitment || commitment.planId !== planId) throw missing();
      return { commitmentId: commitment.id, agencyId: commitment.leadAgencyId, forumMatter: false };
    }
    case 'report': {
      const report = await monitoringQueries.findReportById(db, id);
      const commitment = report && (await planQ.findCommitmentById(db, report.commitmentId));
      // Only a report the public can read can be commented on.
      if (!report || !commitment || commitment.planId !== planId || !PUBLIC_REPORT_STATES.includes(report.state)) throw missing();
      return { commitmentId: commitment.id, agencyId: commitment.leadAgencyId, forumMatter: false };
    }
    case 'meeting': {
      const meeting = await findMeetingById(db, id);
      if (meeting?.planId !== planId) throw missing();
      return { commitmentId: null, agencyId: null, forumMatter: true };
    }
    case 'review':
    case 'review-unit':
    case 'self-assessment':
    case 'self-assessment-entry': {
      // The review's reviewers answer, or the secretariat a self-assessment's: no agency owes it (respondToInput asks
      // the owning module who may).
      const facts = await admitReviewComment(db, planId, type, id, now);
      return { commitmentId: facts.commitmentId, agencyId: null, forumMatter: false };
    }
  }
}

function consultationValues(planId: number, current: q.ConsultationValues | null, input: Partial<ConsultationInput>): q.ConsultationValues {
  const text = (now: Localized | undefined, patch: Partial<Localized> | undefined) => mergeLocalized(now ?? emptyLocalized(), patch);
  const targetType = input.targetType ?? current?.targetType ?? 'plan';
  return {
    planId,
    targetType,
    targetId: input.targetId ?? current?.targetId ?? planId,
    section: targetType === 'section' ? (input.section === undefined ? (current?.section ?? null) : input.section) : null,
    title: text(current?.title, input.title),
    question: text(current?.question, input.question),
    audience: input.audience ?? current?.audience ?? 'public',
    opensAt: input.opensAt ?? current?.opensAt ?? new Date(0),
    closesAt: input.closesAt ?? current?.closesAt ?? new Date(0),
    phaseId: input.phaseId === undefined ? (current?.phaseId ?? null) : input.phaseId,
  };
}

async function checkConsultation(db: DbOrTx, v: q.ConsultationValues): Promise<void> {
  const problems: FieldProblem[] = [];
  if (v.title.zh.trim() === '' && v.title.en.trim() === '') problems.push({ field: 'title', key: 'error.required' });
  if (v.question.zh.trim() === '' && v.question.en.trim() === '') problems.push({ field: 'question', key: 'error.required' });
  if (v.closesAt <= v.opensAt) problems.push({ field: 'closesAt', key: 'error.endBeforeStart' });
  assertValid(problems);
  await resolveTarget(db, v.planId, v.targetType, v.targetId, v.section, new Date(0));
}

export async function createConsultation(deps: ParticipationDeps, actor: Actor | null, planId: number, input: ConsultationInput): Promise<Consultation> {
  authorize(actor, 'consultation.manage');
  return deps.db.transaction().execute(async (trx) => {
    found(await planQ.findPlanById(trx, planId));
    const values = consultationValues(planId, null, input);
    await checkConsultation(trx, values);
    const consultation = await q.insertConsultation(trx, values, deps.demo);
    await recordHistory(trx, { ...consultationSubject(consultation), action: 'create', actor, before: null, after: consultationRecord(consultation) });
    const plan = found(await planQ.findPlanById(trx, planId));
    await notify(
      trx,
      {
        kind: 'consultation.opened',
        actorId: accountIdOf(actor),
        planId,
        targets: consultation.audience === 'public' ? [{ type: 'plan', id: planId }] : [],
        path: consultationPath(plan, consultation),
        title: {
          zh: `新的意見徵集：${consultation.title.zh || consultation.title.en}`,
          en: `New consultation: ${consultation.title.en || consultation.title.zh}`,
        },
      },
      deps.now(),
    );
    return consultation;
  });
}

export async function updateConsultation(deps: ParticipationDeps, actor: Actor | null, id: number, patch: ConsultationPatch): Promise<Consultation> {
  authorize(actor, 'consultation.manage');
  return deps.db.transaction().execute(async (trx) => {
    const current = foundAtVersion(await q.findConsultationById(trx, id, true), patch.version);
    const values = consultationValues(current.planId, current, patch);
    await checkConsultation(trx, values);
    const updated = await q.updateConsultation(trx, id, values);
    await recordHistory(trx, {
      ...consultationSubject(updated),
      action: 'update',
      actor,
      before: consultationRecord(current),
      after: consultationRecord(updated),
    });
    return updated;
  });
}

/** A consultation's inputs stay (as inputs on its target); only the window goes. */
export async function deleteConsultation(deps: ParticipationDeps, actor: Actor | null, id: number, version: number): Promise<void> {
  authorize(actor, 'consultation.manage');
  await deps.db.transaction().execute(async (trx) => {
    const current = foundAtVersion(await q.findConsultationById(trx, id, true), version);
    await q.deleteConsultation(trx, id);
    await recordHistory(trx, { ...consultationSubject(current), action: 'delete', actor, before: consultationRecord(current), after: null });
  });
}

// ---------------------------------------------------------------- inputs

/** Whether this reader may read inputs of an internal round of the plan. */
export const readsInternal = (actor: Actor | null, planId: number) => can(actor, 'consultation.internal', { planId });

/** The states whose words this reader sees in lists of the plan's inputs. */
export const readableStates = (actor: Actor | null, planId: number): readonly InputState[] =>
  readsInternal(actor, planId) ? ['published', 'internal'] : ['published'];

/** Whether this reader may see the input at all (its page; a tombstone counts as seeing). */
export function canSeeInput(actor: Actor | null, input: Input): boolean {
  if (input.state === 'internal') return readsInternal(actor, input.planId) || (actor !== null && actor.id === input.authorId);
  return true;
}

/** The consultation's window and audience, at `now`: the refusal says when it closed or opens. */
function admitToConsultation(actor: Actor, consultation: Consultation, now: Date): void {
  const state = windowState(consultation, now);
  if (state === 'closed')
    throw new ValidationError([
      { field: 'consultationId', key: 'participation.error.consultationClosed', params: { date: formatInstant(consultation.closesAt) } },
    ]);
  if (state === 'scheduled')
    throw new ValidationError([
      { field: 'consultationId', key: 'participation.error.consultationNotOpen', params: { date: formatInstant(consultation.opensAt) } },
    ]);
  if (consultation.audience === 'internal' && !readsInternal(actor, consultation.planId)) throw new ForbiddenError();
}

/**
 * Posting needs an account in good standing, within the limits (429 with the wait otherwise): checked as the first
 * statements of the transaction that writes the input.
 */
async function admitAuthor(deps: ParticipationDeps, trx: DbOrTx, actor: Actor): Promise<number | null> {
  const accountId = accountIdOf(actor);
  if (accountId !== null) await admitInput({ db: trx, now: deps.now }, accountId, deps.client);
  return accountId;
}

const proposalColumns = (input: Pick<PostInput, 'proposal'>) => ({
  title: input.proposal?.title ?? '',
  problem: input.proposal?.problem ?? '',
  suggested_action: input.proposal?.suggestedAction ?? '',
  proposed_agency_id: input.proposal?.proposedAgencyId ?? null,
});

async function checkProposal(db: DbOrTx, input: Pick<PostInput, 'kind' | 'proposal'>): Promise<void> {
  if (input.kind !== 'proposal') return;
  const problems: FieldProblem[] = [];
  const p = input.proposal;
  if (!p?.title) problems.push({ field: 'proposal.title', key: 'error.required' });
  if (!p?.problem) problems.push({ field: 'proposal.problem', key: 'error.required' });
  if (!p?.suggestedAction) problems.push({ field: 'proposal.suggestedAction', key: 'error.required' });
  if (p?.proposedAgencyId && !(await planQ.findAgencyById(db, p.proposedAgencyId)))
    problems.push({ field: 'proposal.proposedAgencyId', key: 'error.unknownAgency' });
  assertValid(problems);
}

/** Who hears of a new input: followers of its plan, commitment, consultation (and, for a reply, of the input it answers). */
function followedTargets(input: Input): { type: FollowTarget; id: number }[] {
  if (input.state !== 'published') return [];
  const targets: { type: FollowTarget; id: number }[] = [{ type: 'plan', id: input.planId }];
  if (input.commitmentId !== null) targets.push({ type: 'commitment', id: input.commitmentId });
  if (input.consultationId !== null) targets.push({ type: 'consultation', id: input.consultationId });
  if (input.parentId !== null) targets.push({ type: 'input', id: input.parentId });
  return targets;
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

async function afterPosting(trx: DbOrTx, deps: ParticipationDeps, actor: Actor, input: Input, plan: { slug: string }): Promise<void> {
  await recordHistory(trx, { ...inputSubject(input), action: 'create', actor, before: null, after: inputRecord(input) });
  if (input.authorId !== null) await follow(trx, input.authorId, { type: 'input', id: input.id });
  const words = excerpt(input.kind === 'proposal' ? input.proposal.title : input.body);
  await notify(
    trx,
    {
      kind: input.kind === 'reply' ? 'input.replied' : 'input.created',
      actorId: input.authorId,
      planId: input.planId,
      targets: followedTargets(input),
      path: inputPath(plan, { id: input.parentId ?? input.id }),
      title: input.kind === 'reply' ? { zh: `新回覆：${words}`, en: `New reply: ${words}` } : { zh: `新意見：${words}`, en: `New input: ${words}` },
    },
    deps.now(),
  );
}

/** A comment on something of the plan, or a proposal of a new commitment (about the plan). */
export async function postInput(deps: ParticipationDeps, actor: Actor | null, planId: number, input: PostInput): Promise<Input> {
  const who = signedIn(actor);
  authorize(who, 'input.post', { planId });
  if (input.website) throw new ValidationError([{ field: 'website', key: 'participation.error.honeypot' }]);
  if (input.kind === 'proposal' && input.targetType !== 'plan') throw new ValidationError([{ field: 'targetType', key: 'participation.error.proposalTarget' }]);
  return deps.db.transaction().execute(async (trx) => {
    const authorId = await admitAuthor(deps, trx, who);
    const plan = found(await planQ.findPlanById(trx, planId));
    const target = await resolveTarget(trx, planId, input.targetType, input.targetId, input.section, deps.now());
    await checkProposal(trx, input);
    let state: InputState = 'published';
    const consultationId = input.consultationId ?? null;
    if (consultationId !== null) {
      const consultation = await q.findConsultationById(trx, consultationId);
      if (consultation?.planId !== planId) throw new ValidationError([{ field: 'consultationId', key: 'participation.error.unknownConsultation' }]);
      admitToConsultation(who, consultation, deps.now());
      if (consultation.audience === 'internal') state = 'internal';
    }
    const now = deps.now();
    const created = await q.insertInput(trx, {
      plan_id: planId,
      kind: input.kind,
      target_type: input.targetType,
      target_id: input.targetId,
      section: input.targetType === 'section' ? (input.section ?? null) : null,
      commitment_id: target.commitmentId,
      consultation_id: consultationId,
      parent_id: null,
      author_id: authorId,
      author_name: authorId === null ? who.displayName : '',
      lang: input.lang ?? 'zh',
      body: input.body,
      ...proposalColumns(input),
      state,
      agency_id: input.kind === 'proposal' ? (input.proposal?.proposedAgencyId ?? null) : target.agencyId,
      forum_matter: target.forumMatter,
      submitted_at: now,
      created_at: now,
      updated_at: now,
      is_demo: deps.demo ?? false,
    });
    await afterPosting(trx, deps, who, created, plan);
    return created;
  });
}

/** A reply, one level deep: to a top-level input that stands (not to a reply, a withdrawn or a hidden one). */
export async function replyToInput(deps: ParticipationDeps, actor: Actor | null, parentId: number, input: ReplyInput): Promise<Input> {
  const who = signedIn(actor);
  if (input.website) throw new ValidationError([{ field: 'website', key: 'participation.error.honeypot' }]);
  const parent = found(await q.findInputById(deps.db, parentId));
  if (!canSeeInput(who, parent)) throw new NotFoundError();
  authorize(who, 'input.post', { planId: parent.planId });
  if (parent.kind === 'reply') throw new ValidationError([{ field: 'parentId', key: 'participation.error.replyDepth' }]);
  if (!isReadable(parent)) throw new ValidationError([{ field: 'parentId', key: 'participation.error.replyToTombstone' }]);
  return deps.db.transaction().execute(async (trx) => {
    const authorId = await admitAuthor(deps, trx, who);
    if (parent.consultationId !== null) {
      const consultation = await q.findConsultationById(trx, parent.consultationId);
      if (consultation) admitToConsultation(who, consultation, deps.now());
    }
    const now = deps.now();
    const created = await q.insertInput(trx, {
      plan_id: parent.planId,
      kind: 'reply',
      target_type: parent.targetType,
      target_id: parent.targetId,
      section: parent.section,
      commitment_id: parent.commitmentId,
      consultation_id: parent.consultationId,
      parent_id: parent.id,
      author_id: authorId,
      author_name: authorId === null ? who.displayName : '',
      lang: input.lang ?? 'zh',
      body: input.body,
      state: parent.state,
      agency_id: parent.agencyId,
      forum_matter: parent.forumMatter,
      // A reply is part of the conversation, not an input owed its own answer.
      response_state: 'noted',
      submitted_at: now,
      created_at: now,
      updated_at: now,
      is_demo: deps.demo ?? false,
    });
    await afterPosting(trx, deps, who, created, found(await planQ.findPlanById(trx, parent.planId)));
    return created;
  });
}

/** The author changes their words within the window; each edit stays in the history. */
export async function editInput(deps: ParticipationDeps, actor: Actor | null, inputId: number, patch: EditInput): Promise<Input> {
  const who = signedIn(actor);
  return deps.db.transaction().execute(async (trx) => {
    const current = foundAtVersion(await q.findInputById(trx, inputId, true), patch.version);
    authorize(who, 'input.edit', { authorId: current.authorId ?? undefined });
    if (!authorMayEdit(current, deps.now())) throw new ValidationError([{ field: 'body', key: 'participation.error.editWindow' }]);
    if (current.kind === 'proposal') await checkProposal(trx, { kind: 'proposal', proposal: patch.proposal ?? { ...current.proposal } });
    const p = current.kind === 'proposal' ? (patch.proposal ?? current.proposal) : null;
    const updated = await q.updateInputWords(
      trx,
      inputId,
      {
        body: patch.body,
        title: p?.title ?? '',
        problem: p?.problem ?? '',
        suggestedAction: p?.suggestedAction ?? '',
        proposedAgencyId: p?.proposedAgencyId ?? null,
      },
      deps.now(),
    );
    await recordHistory(trx, { ...inputSubject(updated), action: 'update', actor: who, before: inputRecord(current), after: inputRecord(updated) });
    return updated;
  });
}

/** The author withdraws: a tombstone keeps the replies in place; the words leave every public channel. */
export async function withdrawInput(deps: ParticipationDeps, actor: Actor | null, inputId: number, input: WithdrawInput): Promise<Input> {
  const who = signedIn(actor);
  return deps.db.transaction().execute(async (trx) => {
    const current = foundAtVersion(await q.findInputById(trx, inputId, true), input.version);
    authorize(who, 'input.edit', { authorId: current.authorId ?? undefined });
    if (!isReadable(current)) throw new ValidationError([{ field: 'state', key: 'participation.error.notStanding' }]);
    const updated = await q.markWithdrawn(trx, inputId, deps.now());
    await recordHistory(trx, { ...inputSubject(updated), action: 'update', actor: who, before: { state: current.state }, after: { state: updated.state } });
    return updated;
  });
}

// ---------------------------------------------------------------- responses

/**
 * Who may answer: the agency that owes the answer (its officers), the secretariat, and for forum matters (a meeting)
 * a co-convener of the plan's forum.
 */
export const respondResource = (i: Input): ResourceOwnership => ({
  ...(i.agencyId !== null ? { leadAgencyId: i.agencyId } : {}),
  ...(i.forumMatter ? { planId: i.planId } : {}),
});

/** The change must be of the input's own commitment (or one of its milestones); a plan-level input may name any of the plan's. */
async function checkChangeLink(db: DbOrTx, actor: Actor, input: Input, historyId: number | null): Promise<void> {
  if (historyId === null) return;
  const entry = await readHistoryEntry(db, actor, historyId);
  const fits =
    entry !== undefined &&
    entry.planId === input.planId &&
    ['commitment', 'milestone', 'plan', 'area'].includes(entry.entityType) &&
    (input.commitmentId === null || entry.commitmentId === input.commitmentId);
  if (!fits) throw new ValidationError([{ field: 'changeHistoryId', key: 'participation.error.changeLink' }]);
}

export async function respondToInput(deps: ParticipationDeps, actor: Actor | null, inputId: number, input: RespondInput): Promise<Input> {
  const who = signedIn(actor);
  return deps.db.transaction().execute(async (trx) => {
    const unlocked = found(await q.findInputById(trx, inputId));
    if (!canSeeInput(who, unlocked)) throw new NotFoundError();
    if (isPeriodTarget(unlocked.targetType)) await assertMayRespondToReviewComment(trx, who, unlocked.targetType, unlocked.targetId);
    else authorize(who, 'input.respond', respondResource(unlocked));
    const current = foundAtVersion(await q.findInputById(trx, inputId, true), input.version);
    if (current.kind === 'reply') throw new ValidationError([{ field: 'state', key: 'participation.error.replyNoResponse' }]);
    // A withdrawn input is owed no answer (its author took it back); a hidden one keeps the answer it may get.
    if (current.state === 'withdrawn') throw new ValidationError([{ field: 'state', key: 'participation.error.notStanding' }]);
    const reason = mergeLocalized(current.response.reason, input.reason);
    const referredTo = input.state === 'referred' ? (input.referredTo ?? current.response.referredTo) : '';
    assertValid(checkResponse({ state: input.state, reason, referredTo }));
    const changeHistoryId = input.changeHistoryId === undefined ? current.response.changeHistoryId : input.changeHistoryId;
    await checkChangeLink(trx, who, current, changeHistoryId);
    const now = deps.now();
    const pending = input.state === 'pending';
    const updated = await q.updateResponse(trx, inputId, {
      state: input.state,
      reason: pending ? emptyLocalized() : reason,
      referredTo,
      changeHistoryId: pending ? null : changeHistoryId,
      respondedBy: pending ? null : accountIdOf(who),
      respondedByName: pending ? '' : who.displayName,
      // The first answer's day counts for the time to an answer; an amended answer keeps it (history has each change).
      respondedAt: pending ? null : (current.response.respondedAt ?? now),
    });
    await recordHistory(trx, { ...responseSubject(updated), action: 'update', actor: who, before: responseRecord(current), after: responseRecord(updated) });
    const plan = found(await planQ.findPlanById(trx, updated.planId));
    const words = excerpt(updated.kind === 'proposal' ? updated.proposal.title : updated.body);
    await notify(
      trx,
      {
        kind: 'input.responded',
        actorId: accountIdOf(who),
        planId: updated.planId,
        targets: updated.state === 'published' ? [{ type: 'input', id: updated.id }] : [],
        recipients: updated.authorId !== null ? [updated.authorId] : [],
        path: inputPath(plan, updated),
        title: { zh: `你的意見已獲回應：${words}`, en: `Your input has a response: ${words}` },
      },
      now,
    );
    return updated;
  });
}

/** A deleted account's inputs and answers stay, as a former participant's (their follows go with notifications). */
export async function erasePersonalData(trx: DbOrTx, userId: number): Promise<void> {
  await q.unlinkAuthor(trx, userId);
}

export type { ConsultationTarget };
