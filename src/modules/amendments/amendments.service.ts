/**
 * Adoption and change control (ADR 0031). Recording a plan's adoption freezes its official text as version 1. From
 * then on, change control (provided to plans as `changeControl`) holds back a change of an adopted commitment's or
 * milestone's substance as a proposed amendment; the secretariat puts it on a forum meeting's agenda and records the
 * decision (a resolution of that meeting), which applies it through the plans services or rejects it. The amendments
 * a resolution applies make one new version. Every write: authorize, check, write and history in one transaction.
 */
import type { Db, DbOrTx } from '../../db/connection.js';
import { EDITORS, can, type Actor } from '../../domain/authorization.js';
import { emptyLocalized, mergeLocalized } from '../../domain/localized.js';
import type { Commitment, FieldProblem, Milestone } from '../../domain/plan.js';
import { diffFields } from '../../domain/history.js';
import { accountIdOf } from '../../domain/system-actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { assertValid, authorize, authorizedWrite, found, foundAtVersion } from '../../web/service-helpers.js';
import { forumQueries } from '../forum/index.js';
import { recordHistory } from '../history/index.js';
import { planQueries as planQ, planService, type ChangeControl, type ChangeVerdict, type ReviewedEdit } from '../plans/index.js';
import { diffSnapshots, splitEdit, staleFields, withChanges, type PlanSnapshot, type VersionChange } from './amendments.model.js';
import { amendmentPath } from './amendments.paths.js';
import { maySeeAmendment } from './amendments.policy.js';
import * as q from './amendments.queries.js';
import type { AdoptionInput, DecisionInput, ScheduleInput } from './amendments.schemas.js';

export interface AmendmentServiceDeps {
  db: Db;
  now: () => Date;
  /** Marks what it creates as demonstration content: set by the demo seed only. */
  demo?: boolean;
}

// ---------------------------------------------------------------- snapshots

/** The plan's official text as it stands: zh-TW text, values and dates of the plan, its areas, commitments and milestones. */
export async function snapshotOf(db: DbOrTx, planId: number): Promise<PlanSnapshot> {
  const plan = found(await planQ.findPlanById(db, planId));
  const [areas, { items }, milestones] = await Promise.all([
    planQ.listAreas(db, planId),
    planQ.listCommitments(db, { planId }, { limit: 100_000, offset: 0 }),
    planQ.listMilestonesOfPlan(db, planId),
  ]);
  return {
    title: plan.title.zh,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    areas: areas.map((a) => ({ id: a.id, position: a.position, title: a.title.zh })),
    commitments: items.map((c) => ({
      id: c.id,
      number: c.number,
      areaId: c.areaId,
      title: c.title.zh,
      problem: c.problem.zh,
      objective: c.objective.zh,
      briefDescription: c.briefDescription.zh,
      description: c.description.zh,
      ogpValues: [...c.ogpValues],
      startDate: c.startDate,
      endDate: c.endDate,
      leadAgencyId: c.leadAgencyId,
      coAgencyIds: [...c.coAgencyIds],
      milestones: (milestones.get(c.id) ?? []).map((m) => ({
        id: m.id,
        position: m.position,
        deliverable: m.deliverable.zh,
        startDate: m.startDate,
        endDate: m.endDate,
      })),
    })),
  };
}

// ---------------------------------------------------------------- adoption

export async function adoptPlan(deps: AmendmentServiceDeps, actor: Actor | null, planId: number, input: AdoptionInput): Promise<q.Adoption> {
  return authorizedWrite(deps.db, actor, 'plan.adopt', async (trx) => {
    const plan = found(await planQ.lockPlan(trx, planId));
    const problems: FieldProblem[] = [];
    if (await q.findAdoption(trx, planId)) problems.push({ field: 'adoptedOn', key: 'amendments.error.alreadyAdopted' });
    const authority = mergeLocalized(emptyLocalized(), input.authority);
    if (authority.zh === '' && authority.en === '') problems.push({ field: 'authority', key: 'error.required' });
    const documentUrl = input.documentUrl ?? null;
    const documentReference = input.documentReference ?? '';
    if (documentUrl === null && documentReference === '') problems.push({ field: 'documentReference', key: 'amendments.error.documentRequired' });
    // Adoption follows the consultation on the draft (domain/plan.ts): a plan still being drafted is not adopted.
    if (plan.status === 'drafting') problems.push({ field: 'adoptedOn', key: 'amendments.error.notConsulted' });
    assertValid(problems);
    if (plan.status === 'consultation') {
      const adopted = await planQ.updatePlanRow(trx, planId, { ...plan, status: 'adopted' });
      await recordHistory(trx, { entityType: 'plan', entityId: planId, planId, commitmentId: null, action: 'update', actor, before: plan, after: adopted });
    }
    const adoption = await q.insertAdoption(
      trx,
      { planId, authority, adoptedOn: input.adoptedOn, documentUrl, documentReference, actorId: accountIdOf(actor), actorName: actor?.displayName ?? 'system' },
      deps.demo,
    );
    await q.insertVersion(trx, { planId, number: 1, snapshot: await snapshotOf(trx, planId), resolutionId: null, madeOn: input.adoptedOn });
    await recordHistory(trx, {
      entityType: 'plan',
      entityId: planId,
      planId,
      commitmentId: null,
      action: 'update',
      actor,
      before: { adoptedOn: null },
      after: { adoptedOn: adoption.adoptedOn, adoptedBy: adoption.authority, approvalDocument: documentUrl ?? documentReference },
    });
    return adoption;
  });
}

// ---------------------------------------------------------------- change control

/** The label an applied change carries in the history: which amendment, or that it was an editorial correction. */
const editorialLabel = (note: string): Record<string, unknown> => ({ editorial: note === '' ? true : note });

/**
 * Change control as plans asks for it: before adoption every edit applies; after it, an edit's substance applies
 * directly only as the secretariat's editorial correction (labelled and listed), else it becomes a proposed
 * amendment with its reason (the rest of the edit applies).
 */
export const changeControl: ChangeControl = {
  async review(trx: DbOrTx, edit: ReviewedEdit): Promise<ChangeVerdict> {
    const { actor, commitment, request } = edit;
    const apply = (label: Record<string, unknown> = {}): ChangeVerdict => ({ kind: 'apply', values: edit.after, label });
    if (request.editorial && !can(actor, 'amendment.editorial')) throw new ForbiddenError();
    if (!(await q.findAdoption(trx, commitment.planId))) return apply();
    const { held, proposed } = splitEdit(edit.target, edit.before, edit.after);
    if (proposed.length === 0) {
      if (request.editorial) throw new ValidationError([{ field: 'editorial', key: 'amendments.error.nothingEditorial' }]);
      return apply();
    }
    const reason = request.reason ?? '';
    // A direct change of adopted text is only ever an editorial correction, and says so: the secretariat marks it;
    // anything else, the secretariat's included, goes to the forum as an amendment with its reason.
    if (request.editorial) {
      await q.insertCorrection(trx, {
        planId: commitment.planId,
        commitmentId: commitment.id,
        milestoneId: edit.milestone?.id ?? null,
        changes: proposed,
        note: reason,
        actorId: accountIdOf(actor),
        actorName: actor.displayName,
      });
      return apply(editorialLabel(reason));
    }
    if (reason === '')
      throw new ValidationError([
        { field: 'reason', key: EDITORS.includes(actor.role) ? 'amendments.error.reasonOrEditorial' : 'amendments.error.reasonRequired' },
      ]);
    authorize(actor, 'amendment.propose', { leadAgencyId: commitment.leadAgencyId, coAgencyIds: commitment.coAgencyIds, planId: commitment.planId });
    const amendment = await q.insertAmendment(
      trx,
      {
        planId: commitment.planId,
        commitmentId: commitment.id,
        milestoneId: edit.milestone?.id ?? null,
        changes: proposed,
        reason,
        proposerId: accountIdOf(actor),
        proposerName: actor.displayName,
      },
      commitment.isDemo,
    );
    const plan = found(await planQ.findPlanById(trx, commitment.planId));
    // Whether anything besides the substance is left to write (compared on the edited values' own fields).
    const stored = edit.before as Record<string, unknown>;
    const rest = diffFields(Object.fromEntries(Object.keys(held).map((k) => [k, stored[k]])), held as Record<string, unknown>).length > 0;
    return { kind: 'propose', values: rest ? held : null, proposal: { id: amendment.id, status: amendment.status, url: amendmentPath(plan, amendment) } };
  },
  /**
   * After adoption a milestone is added or removed only by the secretariat, which records the forum's decision (the
   * history keeps who and when); an agency asks the forum for it.
   */
  async mayChangeMilestoneSet(db: DbOrTx, { actor, commitment }): Promise<boolean> {
    return can(actor, 'amendment.editorial') || !(await q.findAdoption(db, commitment.planId));
  },
  async reviewMilestoneSet(trx: DbOrTx, edit): Promise<void> {
    if (!(await changeControl.mayChangeMilestoneSet(trx, edit))) throw new ForbiddenError('amendments.error.milestoneSetAdopted');
  },
};

// ---------------------------------------------------------------- the agenda and the decision

export async function scheduleAmendment(deps: AmendmentServiceDeps, actor: Actor | null, amendmentId: number, input: ScheduleInput): Promise<q.Amendment> {
  return authorizedWrite(deps.db, actor, 'amendment.schedule', async (trx) => {
    const current = foundAtVersion(await q.findAmendmentById(trx, amendmentId, true), input.version);
    if (current.status === 'applied' || current.status === 'rejected') throw new ValidationError([{ field: 'meetingId', key: 'amendments.error.decided' }]);
    const meeting = await forumQueries.findMeetingById(trx, input.meetingId);
    if (!meeting || meeting.planId !== current.planId) throw new ValidationError([{ field: 'meetingId', key: 'error.unknownMeeting' }]);
    return q.scheduleAmendmentRow(trx, amendmentId, meeting.id);
  });
}

/**
 * Records the forum's decision on a scheduled amendment: the resolution is one of the meeting it is on. Applied, its
 * change is written through the plans services (the history names the amendment) unless what it changes moved since
 * it was proposed (409, nothing written); the plan's next version is made, or, when the same resolution made the
 * latest version, that version takes this change too (one decision, one version).
 */
export async function decideAmendment(deps: AmendmentServiceDeps, actor: Actor | null, amendmentId: number, input: DecisionInput): Promise<q.Amendment> {
  return authorizedWrite(deps.db, actor, 'amendment.decide', async (trx) => {
    const current = foundAtVersion(await q.findAmendmentById(trx, amendmentId, true), input.version);
    if (current.status !== 'scheduled')
      throw new ValidationError([{ field: 'resolutionId', key: current.status === 'proposed' ? 'amendments.error.notScheduled' : 'amendments.error.decided' }]);
    const resolution = await forumQueries.findResolutionById(trx, input.resolutionId);
    if (!resolution || resolution.meetingId !== current.meetingId)
      throw new ValidationError([{ field: 'resolutionId', key: 'amendments.error.resolutionOfMeeting' }]);
    const decidedAt = deps.now();
    if (input.outcome === 'rejected')
      return q.decideAmendmentRow(trx, amendmentId, { status: 'rejected', resolutionId: resolution.id, planVersion: null, decidedAt });
    // One writer of the plan's versions at a time.
    await planQ.lockPlan(trx, current.planId);
    const label = { amendment: current.id };
    const stale = (moved: string[], stored: object) => {
      if (moved.length > 0) throw new ConflictError({ stale: moved, stored });
    };
    if (current.milestoneId !== null) {
      const milestone = await planQ.findMilestoneById(trx, current.milestoneId, true);
      if (!milestone) throw new NotFoundError();
      stale(staleFields(milestone, current.changes), milestone);
      await planService.writeDecidedMilestoneChange(trx, signedActor(actor), milestone.id, (m: Milestone) => withChanges(m, current.changes), label);
    } else {
      const commitment = await planQ.findCommitmentById(trx, current.commitmentId, true);
      if (!commitment) throw new NotFoundError();
      stale(staleFields(commitment, current.changes), commitment);
      await planService.writeDecidedCommitmentChange(trx, signedActor(actor), commitment.id, (c: Commitment) => withChanges(c, current.changes), label);
    }
    const meeting = found(await forumQueries.findMeetingById(trx, resolution.meetingId));
    const snapshot = await snapshotOf(trx, current.planId);
    const latest = await q.latestVersion(trx, current.planId);
    let number: number;
    if (latest && latest.resolutionId === resolution.id) {
      await q.updateVersionSnapshot(trx, latest.id, snapshot);
      number = latest.number;
    } else {
      number = (latest?.number ?? 0) + 1;
      await q.insertVersion(trx, { planId: current.planId, number, snapshot, resolutionId: resolution.id, madeOn: meeting.heldOn });
    }
    return q.decideAmendmentRow(trx, amendmentId, { status: 'applied', resolutionId: resolution.id, planVersion: number, decidedAt });
  });
}

const signedActor = (actor: Actor | null): Actor => {
  if (!actor) throw new ForbiddenError();
  return actor;
};

// ---------------------------------------------------------------- reading

export interface ChangesRead {
  adoption: q.Adoption | undefined;
  amendments: q.Amendment[];
  corrections: q.EditorialCorrection[];
  commitments: Map<number, Commitment>;
}

/** Amendments and editorial corrections of a plan (or one commitment) as this viewer may see them. */
export async function changesSinceAdoption(db: DbOrTx, viewer: Actor | null, planId: number, commitmentId?: number): Promise<ChangesRead> {
  const [adoption, amendments, corrections, { items }] = await Promise.all([
    q.findAdoption(db, planId),
    q.listAmendments(db, { planId, commitmentId }),
    q.listCorrections(db, { planId, commitmentId }),
    planQ.listCommitments(db, { planId }, { limit: 100_000, offset: 0 }),
  ]);
  const commitments = new Map(items.map((c) => [c.id, c]));
  const visible = amendments.filter((a) => {
    const c = commitments.get(a.commitmentId);
    return c !== undefined && maySeeAmendment(viewer, a, c);
  });
  return { adoption, amendments: visible, corrections, commitments };
}

/** One amendment as this viewer may see it (not found otherwise, so a hidden proposal is not even confirmed). */
export async function readAmendment(db: DbOrTx, viewer: Actor | null, amendmentId: number): Promise<{ amendment: q.Amendment; commitment: Commitment }> {
  const amendment = await q.findAmendmentById(db, amendmentId);
  if (!amendment) throw new NotFoundError();
  const commitment = await planQ.findCommitmentById(db, amendment.commitmentId);
  if (!commitment || !maySeeAmendment(viewer, amendment, commitment)) throw new NotFoundError();
  return { amendment, commitment };
}

/** Whether any of these amendments is still waiting for a decision (pages that show them are then not cached). */
export const hasUndecided = (amendments: readonly q.Amendment[]): boolean => amendments.some((a) => a.status === 'proposed');

export async function compareVersions(db: DbOrTx, planId: number, from: number, to: number): Promise<VersionChange[]> {
  const [a, b] = await Promise.all([q.findVersion(db, planId, from), q.findVersion(db, planId, to)]);
  if (!a) throw new ValidationError([{ field: 'from', key: 'amendments.error.noVersion' }]);
  if (!b) throw new ValidationError([{ field: 'to', key: 'amendments.error.noVersion' }]);
  return diffSnapshots(a.snapshot, b.snapshot);
}
