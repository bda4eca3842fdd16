/**
 * Use cases for plan content. Every write: authorize, validate beyond shape, check the version,
 * change the rows and record history, all in one transaction.
 */
import type { Db, DbOrTx } from '../../db/connection.js';
import { can, type Action, type Actor } from '../../domain/authorization.js';
import { lockedFieldsFor } from './plans.policy.js';
import { emptyLocalized, mergeLocalized, type LocalizedPatch } from '../../domain/localized.js';
import {
  canTransitionPlan,
  checkCommitmentContent,
  checkCommitmentDates,
  checkMilestoneDates,
  checkPlanPeriod,
  emptyContact,
  newAreaDefaults,
  newCommitmentDefaults,
  newMilestoneDefaults,
  newPlanDefaults,
  type ActionPlan,
  type Agency,
  type Area,
  type Commitment,
  type FieldProblem,
  type Milestone,
} from '../../domain/plan.js';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../errors.js';
import { provided } from '../../web/module.js';
import { recordHistory, recorded, type EntityType } from '../history/index.js';
import {
  assertValid,
  assertVersion,
  authorize,
  authorizedWrite,
  found,
  foundAtVersion,
  mergeInput,
  requireText,
  type HistorySubject,
  type Patch,
} from '../../web/service-helpers.js';
import * as q from './plans.queries.js';
import type { AgencyInput, AreaInput, CommitmentInput, MilestoneInput, PlanInput } from './plans.schemas.js';

/**
 * What an edit of a commitment or milestone may say about itself besides its values: the reason for a change of
 * adopted substance (which makes it a proposed amendment), or that it is an editorial correction (the secretariat's).
 */
export interface ChangeRequest {
  reason?: string | undefined;
  editorial?: boolean | undefined;
}

/** A change held back for a decision: what plans answers about it (the API's 202). */
export interface ProposedChange {
  id: number;
  status: string;
  url: string;
}

/** What change control says of an edit: write it (with these fields added to its history entry), or hold it back. */
export type ChangeVerdict =
  { kind: 'apply'; values: object; label: Record<string, unknown> } | { kind: 'propose'; values: object | null; proposal: ProposedChange };

/** An edit of a commitment or of one of its milestones, as change control reviews it (inside the edit's transaction). */
export interface ReviewedEdit {
  actor: Actor;
  target: 'commitment' | 'milestone';
  commitment: Commitment;
  milestone: Milestone | null;
  /** The record as stored, and as the edit would leave it (validated). */
  before: object;
  after: object;
  request: ChangeRequest;
}

/**
 * Change control of adopted plans (ADR 0031), provided by another module (amendments) so plans imports none: an
 * edit of adopted substance becomes a proposed amendment, the secretariat's may be an editorial correction. Without
 * a provider every edit applies as it is.
 */
export interface ChangeControl {
  review(trx: DbOrTx, edit: ReviewedEdit): Promise<ChangeVerdict>;
  /** Whether `actor` may add or remove one of the commitment's milestones now (the forms show the links, or not). */
  mayChangeMilestoneSet(db: DbOrTx, edit: { actor: Actor; commitment: Commitment }): Promise<boolean>;
  /** The same, as a refusal that says why. */
  reviewMilestoneSet(trx: DbOrTx, edit: { actor: Actor; commitment: Commitment }): Promise<void>;
}

declare module '../../web/module.js' {
  interface Provisions {
    /** Whether an edit of a commitment or milestone applies now or waits for the forum's decision (the amendments module). */
    changeControl: ChangeControl;
  }
}

/** An edit's outcome: written, or held back as a proposed change (a part that is not substance may be written). */
export type ChangeOutcome<T> = { applied: T } | { proposed: ProposedChange; applied: T | null };

export interface PlanServiceDeps {
  db: Db;
  /** Marks what it creates as demonstration content: set by the demo seed only. */
  demo?: boolean;
}

// Where history files the changes of each entity.
const planSubject = (planId: number): HistorySubject => ({ entityType: 'plan', entityId: planId, planId, commitmentId: null });
const areaSubject = (area: Area): HistorySubject => ({ entityType: 'area', entityId: area.id, planId: area.planId, commitmentId: null });
const commitmentSubject = (c: Commitment): HistorySubject => ({ entityType: 'commitment', entityId: c.id, planId: c.planId, commitmentId: c.id });
const milestoneSubject = (milestoneId: number, c: Commitment): HistorySubject => ({
  entityType: 'milestone',
  entityId: milestoneId,
  planId: c.planId,
  commitmentId: c.id,
});
const agencySubject = (agencyId: number): HistorySubject => ({ entityType: 'agency', entityId: agencyId, planId: null, commitmentId: null });

// ---------------------------------------------------------------- plans

const PLAN_TEXT = ['title', 'introduction', 'effortsToDate', 'developmentProcess', 'commitmentsIntro'] as const;

async function checkPlan(db: DbOrTx, values: q.PlanValues, current: ActionPlan | null): Promise<void> {
  const problems = [...checkPlanPeriod(values.periodStart, values.periodEnd)];
  requireText('title', values.title, problems);
  if (current && !canTransitionPlan(current.status, values.status))
    problems.push({ field: 'status', key: 'error.transition', params: { from: current.status, to: values.status } });
  if (!current && values.status !== 'drafting' && !canTransitionPlan('drafting', values.status))
    problems.push({ field: 'status', key: 'error.transition', params: { from: 'drafting', to: values.status } });
  const other = await q.findPlanBySlug(db, values.slug);
  if (other && other.id !== current?.id) problems.push({ field: 'slug', key: 'error.taken' });
  const members = await q.listMembers(db);
  if (!members.some((m) => m.id === values.memberId)) problems.push({ field: 'memberId', key: 'error.unknownMember' });
  if (current) {
    // Commitments already placed in the period must still fit in it.
    const { items } = await q.listCommitments(db, { planId: current.id });
    if (items.some((c) => c.startDate < values.periodStart || c.endDate > values.periodEnd))
      problems.push({ field: 'periodStart', key: 'error.commitmentsOutsidePeriod' });
  }
  assertValid(problems);
}

export async function createPlan(deps: PlanServiceDeps, actor: Actor | null, input: PlanInput): Promise<ActionPlan> {
  return authorizedWrite(deps.db, actor, 'plan.create', async (trx) => {
    const base: q.PlanValues = { ...newPlanDefaults(), slug: input.slug, memberId: input.memberId, periodStart: input.periodStart, periodEnd: input.periodEnd };
    const values = mergeInput(base, input, PLAN_TEXT);
    await checkPlan(trx, values, null);
    const plan = await q.insertPlan(trx, values, deps.demo);
    return recorded(trx, { ...planSubject(plan.id), action: 'create', actor, before: null, after: plan });
  });
}

export async function updatePlan(deps: PlanServiceDeps, actor: Actor | null, planId: number, patch: Patch<PlanInput>): Promise<ActionPlan> {
  return authorizedWrite(deps.db, actor, 'plan.update', async (trx) => {
    const current = foundAtVersion(await q.lockPlan(trx, planId), patch.version);
    const values = mergeInput<q.PlanValues>(current, patch, PLAN_TEXT);
    await checkPlan(trx, values, current);
    const updated = await q.updatePlanRow(trx, planId, values);
    return recorded(trx, { ...planSubject(planId), action: 'update', actor, before: current, after: updated });
  });
}

// ---------------------------------------------------------------- areas

function checkArea(values: q.AreaValues): void {
  const problems: FieldProblem[] = [];
  requireText('title', values.title, problems);
  assertValid(problems);
}

export async function createArea(deps: PlanServiceDeps, actor: Actor | null, planId: number, input: AreaInput): Promise<Area> {
  return authorizedWrite(deps.db, actor, 'area.create', async (trx) => {
    found(await q.lockPlan(trx, planId));
    const values = mergeInput<q.AreaValues>({ ...newAreaDefaults(), planId, position: input.position }, input, ['title', 'description']);
    checkArea(values);
    const area = await q.insertArea(trx, values);
    return recorded(trx, { ...areaSubject(area), action: 'create', actor, before: null, after: area });
  });
}

export async function updateArea(deps: PlanServiceDeps, actor: Actor | null, areaId: number, patch: Patch<AreaInput>): Promise<Area> {
  return authorizedWrite(deps.db, actor, 'area.update', async (trx) => {
    const current = foundAtVersion(await q.lockArea(trx, areaId), patch.version);
    const values = mergeInput<Area>(current, patch, ['title', 'description']);
    checkArea(values);
    const updated = await q.updateAreaRow(trx, areaId, values);
    return recorded(trx, { ...areaSubject(current), action: 'update', actor, before: current, after: updated });
  });
}

export async function deleteArea(deps: PlanServiceDeps, actor: Actor | null, areaId: number, version: number): Promise<void> {
  await authorizedWrite(deps.db, actor, 'area.delete', async (trx) => {
    const current = foundAtVersion(await q.lockArea(trx, areaId), version);
    if ((await q.countCommitmentsInArea(trx, areaId)) > 0) throw new ValidationError([{ field: 'areaId', key: 'error.areaNotEmpty' }]);
    await q.deleteAreaRow(trx, areaId);
    await recordHistory(trx, { ...areaSubject(current), action: 'delete', actor, before: current, after: null });
  });
}

// ---------------------------------------------------------------- commitments

const COMMITMENT_TEXT = ['title', 'otherActors', 'problem', 'objective', 'briefDescription', 'description', 'contribution', 'budgetNote'] as const;

/** A partial contact fills the rest of the contact with empty fields. */
function withWholeContact<T extends Partial<CommitmentInput>>(input: T): T {
  return input.contact ? { ...input, contact: { ...emptyContact(), ...input.contact } } : input;
}

async function checkCommitment(db: DbOrTx, plan: ActionPlan, values: q.CommitmentValues, current: Commitment | null): Promise<void> {
  const problems: FieldProblem[] = [...checkCommitmentDates(values, plan), ...checkCommitmentContent(values)];
  requireText('title', values.title, problems);
  const area = await q.findAreaById(db, values.areaId);
  if (!area || area.planId !== plan.id) problems.push({ field: 'areaId', key: 'error.unknownArea' });
  const agencies = await q.listAgencies(db);
  const known = new Set(agencies.map((a) => a.id));
  if (!known.has(values.leadAgencyId)) problems.push({ field: 'leadAgencyId', key: 'error.unknownAgency' });
  if (values.coAgencyIds.some((id) => !known.has(id))) problems.push({ field: 'coAgencyIds', key: 'error.unknownAgency' });
  if (values.coAgencyIds.includes(values.leadAgencyId)) problems.push({ field: 'coAgencyIds', key: 'error.leadIsCoAgency' });
  if (new Set(values.coAgencyIds).size !== values.coAgencyIds.length) problems.push({ field: 'coAgencyIds', key: 'error.duplicate' });
  const sameNumber = await q.findCommitmentByNumber(db, plan.id, values.number);
  if (sameNumber && sameNumber.id !== current?.id) problems.push({ field: 'number', key: 'error.taken' });
  if (current && (values.startDate !== current.startDate || values.endDate !== current.endDate)) {
    if ((await q.countMilestonesOutside(db, current.id, values.startDate, values.endDate)) > 0)
      problems.push({ field: 'startDate', key: 'error.milestonesOutside' });
  }
  assertValid(problems);
}

export async function createCommitment(deps: PlanServiceDeps, actor: Actor | null, planId: number, input: CommitmentInput): Promise<Commitment> {
  return authorizedWrite(deps.db, actor, 'commitment.create', async (trx) => {
    const plan = found(await q.lockPlan(trx, planId));
    const { areaId, number, startDate, endDate, leadAgencyId, origin } = input;
    const base: q.CommitmentValues = { ...newCommitmentDefaults(), planId, areaId, number, startDate, endDate, leadAgencyId, origin };
    const values = mergeInput(base, withWholeContact(input), COMMITMENT_TEXT);
    await checkCommitment(trx, plan, values, null);
    const created = await q.insertCommitment(trx, values, deps.demo);
    return recorded(trx, { ...commitmentSubject(created), action: 'create', actor, before: null, after: created });
  });
}

/**
 * An edit of a commitment. Once its plan is adopted, change control (when a module provides it) decides: the edit
 * applies, or its substance is held back as a proposed amendment and the rest applies.
 */
export async function changeCommitment(
  deps: PlanServiceDeps,
  actor: Actor | null,
  commitmentId: number,
  patch: Patch<CommitmentInput> & ChangeRequest,
): Promise<ChangeOutcome<Commitment>> {
  if (!actor) throw new UnauthenticatedError();
  const { reason, editorial, ...edit } = patch;
  return deps.db.transaction().execute(async (trx) => {
    const current = found(await q.findCommitmentById(trx, commitmentId, true));
    authorize(actor, 'commitment.update', { leadAgencyId: current.leadAgencyId });
    assertVersion(current, edit.version);
    const values = mergeInput<q.CommitmentValues>(current, withWholeContact(edit), COMMITMENT_TEXT);
    const locked = lockedFieldsFor(actor).filter(
      (field) => JSON.stringify(values[field as keyof q.CommitmentValues]) !== JSON.stringify(current[field as keyof Commitment]),
    );
    if (locked.length > 0) throw new ForbiddenError('error.fieldsLocked', { fields: locked.join(', ') });
    const plan = found(await q.findPlanById(trx, current.planId));
    await checkCommitment(trx, plan, values, current);
    const control = provided('changeControl');
    const verdict: ChangeVerdict = control
      ? await control.review(trx, {
          actor,
          target: 'commitment',
          commitment: current,
          milestone: null,
          before: current,
          after: values,
          request: { reason, editorial },
        })
      : { kind: 'apply', values, label: {} };
    const write = async (next: q.CommitmentValues, label: Record<string, unknown>) => {
      const updated = await q.updateCommitmentRow(trx, commitmentId, next);
      await recordHistory(trx, { ...commitmentSubject(current), action: 'update', actor, before: current, after: { ...updated, ...label } });
      return updated;
    };
    if (verdict.kind === 'apply') return { applied: await write(verdict.values as q.CommitmentValues, verdict.label) };
    const rest = verdict.values as q.CommitmentValues | null;
    return { proposed: verdict.proposal, applied: rest ? await write(rest, {}) : null };
  });
}

/** An edit that must apply (the translation board's English text, the seeds'): one that change control would hold back is refused. */
export async function updateCommitment(deps: PlanServiceDeps, actor: Actor | null, commitmentId: number, patch: Patch<CommitmentInput>): Promise<Commitment> {
  const outcome = await changeCommitment(deps, actor, commitmentId, patch);
  return appliedOrRefused(outcome);
}

/** Without a reason no amendment is proposed (change control asks for one), so an outcome here is always applied. */
function appliedOrRefused<T>(outcome: ChangeOutcome<T>): T {
  if ('proposed' in outcome || outcome.applied === null) throw new ValidationError([{ field: 'reason', key: 'error.required' }]);
  return outcome.applied;
}

/**
 * Writes a change the forum decided (an applied amendment) or that change control otherwise let through, in the
 * caller's transaction: checked as any edit, filed in the history with `label` (which amendment). The caller has
 * authorized the decision and checked that the change still applies.
 */
export async function writeDecidedCommitmentChange(
  trx: DbOrTx,
  actor: Actor,
  commitmentId: number,
  change: (current: Commitment) => q.CommitmentValues,
  label: Record<string, unknown>,
): Promise<Commitment> {
  const current = found(await q.findCommitmentById(trx, commitmentId, true));
  const values = change(current);
  await checkCommitment(trx, found(await q.findPlanById(trx, current.planId)), values, current);
  const updated = await q.updateCommitmentRow(trx, commitmentId, values);
  await recordHistory(trx, { ...commitmentSubject(current), action: 'update', actor, before: current, after: { ...updated, ...label } });
  return updated;
}

/** The same for a milestone. */
export async function writeDecidedMilestoneChange(
  trx: DbOrTx,
  actor: Actor,
  milestoneId: number,
  change: (current: Milestone) => q.MilestoneValues,
  label: Record<string, unknown>,
): Promise<Milestone> {
  const current = found(await q.findMilestoneById(trx, milestoneId, true));
  const commitment = found(await q.findCommitmentById(trx, current.commitmentId, true));
  const values = change(current);
  checkMilestone(values, commitment);
  const updated = await q.updateMilestoneRow(trx, milestoneId, values);
  await recordHistory(trx, { ...milestoneSubject(milestoneId, commitment), action: 'update', actor, before: current, after: { ...updated, ...label } });
  return updated;
}

export async function deleteCommitment(deps: PlanServiceDeps, actor: Actor | null, commitmentId: number, version: number): Promise<void> {
  await authorizedWrite(deps.db, actor, 'commitment.delete', async (trx) => {
    const current = foundAtVersion(await q.findCommitmentById(trx, commitmentId, true), version);
    await q.deleteCommitmentRow(trx, commitmentId);
    await recordHistory(trx, { ...commitmentSubject(current), action: 'delete', actor, before: current, after: null });
  });
}

// ---------------------------------------------------------------- milestones

const MILESTONE_TEXT = ['deliverable', 'indicator', 'target'] as const;

async function commitmentForMilestoneWrite(trx: DbOrTx, actor: Actor | null, commitmentId: number, action: Action): Promise<Commitment> {
  const commitment = found(await q.findCommitmentById(trx, commitmentId, true));
  authorize(actor, action, { leadAgencyId: commitment.leadAgencyId });
  return commitment;
}

/** Adding or removing a milestone changes an adopted plan as much as rewording one: change control says who may. */
async function reviewMilestoneSet(trx: DbOrTx, actor: Actor, commitment: Commitment): Promise<void> {
  await provided('changeControl')?.reviewMilestoneSet(trx, { actor, commitment });
}

/** Whether the pages offer `actor` to add and delete the commitment's milestones. */
export async function mayChangeMilestoneSet(db: DbOrTx, actor: Actor | null, commitment: Commitment): Promise<boolean> {
  if (!actor || !can(actor, 'milestone.create', { leadAgencyId: commitment.leadAgencyId })) return false;
  return (await provided('changeControl')?.mayChangeMilestoneSet(db, { actor, commitment })) ?? true;
}

function checkMilestone(values: q.MilestoneValues, commitment: Commitment): void {
  const problems = checkMilestoneDates(values, commitment);
  requireText('deliverable', values.deliverable, problems);
  assertValid(problems);
}

export async function createMilestone(deps: PlanServiceDeps, actor: Actor | null, commitmentId: number, input: MilestoneInput): Promise<Milestone> {
  if (!actor) throw new UnauthenticatedError();
  return deps.db.transaction().execute(async (trx) => {
    const commitment = await commitmentForMilestoneWrite(trx, actor, commitmentId, 'milestone.create');
    await reviewMilestoneSet(trx, actor, commitment);
    const base: q.MilestoneValues = {
      ...newMilestoneDefaults(),
      commitmentId,
      position: input.position ?? (await q.nextMilestonePosition(trx, commitmentId)),
      startDate: input.startDate,
      endDate: input.endDate,
    };
    const values = mergeInput(base, input, MILESTONE_TEXT);
    checkMilestone(values, commitment);
    const created = await q.insertMilestone(trx, values);
    return recorded(trx, { ...milestoneSubject(created.id, commitment), action: 'create', actor, before: null, after: created });
  });
}

/** An edit of a milestone, under change control as a commitment's (changeCommitment). */
export async function changeMilestone(
  deps: PlanServiceDeps,
  actor: Actor | null,
  milestoneId: number,
  patch: Patch<MilestoneInput> & ChangeRequest,
): Promise<ChangeOutcome<Milestone>> {
  if (!actor) throw new UnauthenticatedError();
  const { reason, editorial, ...edit } = patch;
  return deps.db.transaction().execute(async (trx) => {
    const current = found(await q.findMilestoneById(trx, milestoneId, true));
    const commitment = await commitmentForMilestoneWrite(trx, actor, current.commitmentId, 'milestone.update');
    assertVersion(current, edit.version);
    const values = mergeInput<q.MilestoneValues>(current, edit, MILESTONE_TEXT);
    checkMilestone(values, commitment);
    const control = provided('changeControl');
    const verdict: ChangeVerdict = control
      ? await control.review(trx, {
          actor,
          target: 'milestone',
          commitment,
          milestone: current,
          before: current,
          after: values,
          request: { reason, editorial },
        })
      : { kind: 'apply', values, label: {} };
    const write = async (next: q.MilestoneValues, label: Record<string, unknown>) => {
      const updated = await q.updateMilestoneRow(trx, milestoneId, next);
      await recordHistory(trx, { ...milestoneSubject(milestoneId, commitment), action: 'update', actor, before: current, after: { ...updated, ...label } });
      return updated;
    };
    if (verdict.kind === 'apply') return { applied: await write(verdict.values as q.MilestoneValues, verdict.label) };
    const rest = verdict.values as q.MilestoneValues | null;
    return { proposed: verdict.proposal, applied: rest ? await write(rest, {}) : null };
  });
}

export async function updateMilestone(deps: PlanServiceDeps, actor: Actor | null, milestoneId: number, patch: Patch<MilestoneInput>): Promise<Milestone> {
  return appliedOrRefused(await changeMilestone(deps, actor, milestoneId, patch));
}

export async function deleteMilestone(deps: PlanServiceDeps, actor: Actor | null, milestoneId: number, version: number): Promise<void> {
  if (!actor) throw new UnauthenticatedError();
  await deps.db.transaction().execute(async (trx) => {
    const current = found(await q.findMilestoneById(trx, milestoneId, true));
    const commitment = await commitmentForMilestoneWrite(trx, actor, current.commitmentId, 'milestone.delete');
    await reviewMilestoneSet(trx, actor, commitment);
    assertVersion(current, version);
    // Submitted progress reports refer to it; they are a record and must stay whole.
    if (!(await q.deleteMilestoneRow(trx, milestoneId))) throw new ValidationError([{ field: 'milestone', key: 'error.milestoneReported' }]);
    await recordHistory(trx, { ...milestoneSubject(milestoneId, commitment), action: 'delete', actor, before: current, after: null });
  });
}

// ---------------------------------------------------------------- agencies

async function checkAgency(db: DbOrTx, values: Omit<Agency, 'id' | 'version'>, currentId: number | null): Promise<void> {
  const problems: FieldProblem[] = [];
  requireText('name', values.name, problems);
  const other = await q.findAgencyByCode(db, values.code);
  if (other && other.id !== currentId) problems.push({ field: 'code', key: 'error.taken' });
  if (values.successorId !== null) {
    if (values.successorId === currentId) problems.push({ field: 'successorId', key: 'error.successorSelf' });
    else if (!(await q.findAgencyById(db, values.successorId))) problems.push({ field: 'successorId', key: 'error.unknownAgency' });
  }
  assertValid(problems);
}

export async function createAgency(deps: PlanServiceDeps, actor: Actor | null, input: AgencyInput): Promise<Agency> {
  return authorizedWrite(deps.db, actor, 'agency.create', async (trx) => {
    const values = mergeInput({ code: '', name: emptyLocalized(), successorId: null as number | null }, input, ['name']);
    await checkAgency(trx, values, null);
    const agency = await q.insertAgency(trx, { ...values, isDemo: deps.demo });
    return recorded(trx, { ...agencySubject(agency.id), action: 'create', actor, before: null, after: agency });
  });
}

export async function updateAgency(deps: PlanServiceDeps, actor: Actor | null, agencyId: number, patch: Patch<AgencyInput>): Promise<Agency> {
  return authorizedWrite(deps.db, actor, 'agency.update', async (trx) => {
    const current = foundAtVersion(await q.lockAgency(trx, agencyId), patch.version);
    const values = mergeInput<Agency>(current, patch, ['name']);
    await checkAgency(trx, values, agencyId);
    const updated = await q.updateAgencyRow(trx, agencyId, values);
    return recorded(trx, { ...agencySubject(agencyId), action: 'update', actor, before: current, after: updated });
  });
}

// ---------------------------------------------------------------- reorganization

export interface TransferRequest {
  toAgencyId: number;
  effectiveOn: string;
  note?: LocalizedPatch | undefined;
}

/** Moves one commitment to another lead agency; its reports, milestones and history stay with it. */
async function transferOne(trx: DbOrTx, actor: Actor | null, current: Commitment, request: TransferRequest): Promise<Commitment> {
  if (current.leadAgencyId === request.toAgencyId) throw new ValidationError([{ field: 'toAgencyId', key: 'error.sameAgency' }]);
  const values: q.CommitmentValues = {
    ...current,
    leadAgencyId: request.toAgencyId,
    // The new lead no longer supports itself.
    coAgencyIds: current.coAgencyIds.filter((id) => id !== request.toAgencyId),
  };
  const updated = await q.updateCommitmentRow(trx, current.id, values);
  await q.insertTransfer(trx, {
    commitmentId: current.id,
    fromAgencyId: current.leadAgencyId,
    toAgencyId: request.toAgencyId,
    effectiveOn: request.effectiveOn,
    note: mergeLocalized(emptyLocalized(), request.note),
    actorName: actor?.displayName ?? 'system',
  });
  await recordHistory(trx, {
    ...commitmentSubject(current),
    action: 'transfer',
    actor,
    before: { leadAgencyId: current.leadAgencyId, coAgencyIds: current.coAgencyIds },
    after: { leadAgencyId: updated.leadAgencyId, coAgencyIds: updated.coAgencyIds, effectiveOn: request.effectiveOn },
  });
  return updated;
}

async function requireAgency(db: DbOrTx, id: number): Promise<Agency> {
  const agency = await q.findAgencyById(db, id);
  if (!agency) throw new ValidationError([{ field: 'toAgencyId', key: 'error.unknownAgency' }]);
  return agency;
}

export async function transferCommitment(
  deps: PlanServiceDeps,
  actor: Actor | null,
  commitmentId: number,
  request: TransferRequest & { version: number },
): Promise<Commitment> {
  return authorizedWrite(deps.db, actor, 'commitment.transfer', async (trx) => {
    const current = foundAtVersion(await q.findCommitmentById(trx, commitmentId, true), request.version);
    await requireAgency(trx, request.toAgencyId);
    return transferOne(trx, actor, current, request);
  });
}

/** An agency reorganized away: all it leads goes to its successor, which the agency now names. */
export async function transferAgency(deps: PlanServiceDeps, actor: Actor | null, fromAgencyId: number, request: TransferRequest): Promise<Commitment[]> {
  return authorizedWrite(deps.db, actor, 'commitment.transfer', async (trx) => {
    const from = found(await q.lockAgency(trx, fromAgencyId));
    if (fromAgencyId === request.toAgencyId) throw new ValidationError([{ field: 'toAgencyId', key: 'error.sameAgency' }]);
    await requireAgency(trx, request.toAgencyId);
    const led = (await q.listCommitmentSummaries(trx, { agencyId: fromAgencyId })).filter((c) => c.leadAgencyId === fromAgencyId);
    const moved: Commitment[] = [];
    for (const summary of led) {
      const current = await q.findCommitmentById(trx, summary.id, true);
      if (current) moved.push(await transferOne(trx, actor, current, request));
    }
    const updated = await q.updateAgencyRow(trx, fromAgencyId, { ...from, successorId: request.toAgencyId });
    await recordHistory(trx, { ...agencySubject(fromAgencyId), action: 'update', actor, before: from, after: updated });
    return moved;
  });
}

export type { EntityType };
