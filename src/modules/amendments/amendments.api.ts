/** JSON API of adoption and change control under /api/v1: adoption, amendments (agenda, decision), changes, versions, comparison. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Actor } from '../../domain/authorization.js';
import type { ActionPlan, Commitment } from '../../domain/plan.js';
import { NotFoundError } from '../../errors.js';
import type { AppEnv } from '../../web/context.js';
import { errorResponses, idParam, itemsOf, jsonContent, routeGroup } from '../../web/openapi.js';
import { meetingPath, resolutionPath } from '../../web/paths.js';
import { RESTRICTED_CACHE_CONTROL } from '../../web/visibility.js';
import { forumQueries } from '../forum/index.js';
import { planQueries as planQ } from '../plans/index.js';
import { amendmentPath, comparePath, planChangesPath, versionsPath } from './amendments.paths.js';
import * as q from './amendments.queries.js';
import {
  adoptionInput,
  adoptionOutput,
  amendmentOutput,
  changesOutput,
  compareQuery,
  comparisonOutput,
  decisionInput,
  planAdoptionOutput,
  scheduleInput,
  versionOutput,
} from './amendments.schemas.js';
import * as service from './amendments.service.js';

type Db = AppEnv['Variables']['services']['db'];

// ---- presenters: the JSON the API promises, built explicitly ----

export const presentAdoption = (a: q.Adoption) => ({
  planId: a.planId,
  authority: a.authority,
  adoptedOn: a.adoptedOn,
  documentUrl: a.documentUrl,
  documentReference: a.documentReference,
  isDemo: a.isDemo,
});

/** Amendments with their meeting and resolution, read in one query each. */
export async function presentAmendments(db: Db, plan: ActionPlan, amendments: readonly q.Amendment[], commitments: ReadonlyMap<number, Commitment>) {
  const meetingIds = [...new Set(amendments.flatMap((a) => (a.meetingId === null ? [] : [a.meetingId])))];
  const meetings = await forumQueries.findMeetingsByIds(db, meetingIds);
  const resolutions = new Map((await forumQueries.listResolutions(db, plan.id)).map((r) => [r.id, r]));
  return amendments.map((a) => {
    const meeting = a.meetingId === null ? undefined : meetings.get(a.meetingId);
    const resolution = a.resolutionId === null ? undefined : resolutions.get(a.resolutionId);
    return {
      id: a.id,
      planId: a.planId,
      commitmentId: a.commitmentId,
      commitmentNumber: commitments.get(a.commitmentId)?.number ?? '',
      milestoneId: a.milestoneId,
      status: a.status,
      reason: a.reason,
      proposedBy: a.proposerName,
      proposedAt: a.proposedAt.toISOString(),
      changes: a.changes,
      meeting: meeting ? { id: meeting.id, heldOn: meeting.heldOn, title: meeting.title, url: meetingPath(plan, meeting) } : null,
      resolution: resolution ? { id: resolution.id, number: resolution.number, url: resolutionPath(plan, resolution) } : null,
      planVersion: a.planVersion,
      decidedAt: a.decidedAt ? a.decidedAt.toISOString() : null,
      version: a.version,
      url: amendmentPath(plan, a),
    };
  });
}

export const presentCorrection = (c: q.EditorialCorrection, commitments: ReadonlyMap<number, Commitment>) => ({
  id: c.id,
  commitmentId: c.commitmentId,
  commitmentNumber: commitments.get(c.commitmentId)?.number ?? '',
  milestoneId: c.milestoneId,
  note: c.note,
  correctedBy: c.actorName,
  at: c.at.toISOString(),
  changes: c.changes,
});

export type PresentedAmendment = Awaited<ReturnType<typeof presentAmendments>>[number];
export type PresentedCorrection = ReturnType<typeof presentCorrection>;

// ---- routes ----

const errors = errorResponses({
  forbidden: 'Adoption, the agenda, decisions and editorial corrections: the secretariat and administrators.',
  conflict: 'Stale version, or the amendment no longer applies cleanly: what it changes moved since it was proposed (`current` holds the stored values).',
});
const routes = routeGroup(['amendments'], errors);

async function planOrThrow(db: Db, id: number): Promise<ActionPlan> {
  const plan = await planQ.findPlanById(db, id);
  if (!plan) throw new NotFoundError();
  return plan;
}

async function commitmentsOf(db: Db, planId: number): Promise<Map<number, Commitment>> {
  const { items } = await planQ.listCommitments(db, { planId }, { limit: 100_000, offset: 0 });
  return new Map(items.map((c) => [c.id, c]));
}

async function presentOne(db: Db, viewer: Actor | null, amendmentId: number) {
  const { amendment } = await service.readAmendment(db, viewer, amendmentId);
  const plan = await planOrThrow(db, amendment.planId);
  const [presented] = await presentAmendments(db, plan, [amendment], await commitmentsOf(db, plan.id));
  if (!presented) throw new NotFoundError();
  return { presented, restricted: amendment.status === 'proposed' };
}

export function amendmentsApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    routes.readById(
      { path: '/plans/{id}/adoption', summary: 'A plan’s adoption: the authority that approved it, the day, the approval document (null before adoption)' },
      jsonContent(planAdoptionOutput, 'The adoption'),
    ),
    async (c) => {
      const { db } = c.get('services');
      const plan = await planOrThrow(db, c.req.valid('param').id);
      const adoption = await q.findAdoption(db, plan.id);
      return c.json({ adoption: adoption ? presentAdoption(adoption) : null }, 200);
    },
  );
  api.openapi(
    routes.write(
      { method: 'post', path: '/plans/{id}/adoption', summary: 'Record a plan’s adoption: freezes its official text as version 1 (secretariat)' },
      adoptionInput,
      { 201: jsonContent(adoptionOutput, 'Recorded') },
    ),
    async (c) => {
      const { db, now } = c.get('services');
      const adoption = await service.adoptPlan({ db, now }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(presentAdoption(adoption), 201);
    },
  );
  const changes = async (db: Db, viewer: Actor | null, plan: ActionPlan, commitmentId?: number) => {
    const read = await service.changesSinceAdoption(db, viewer, plan.id, commitmentId);
    return {
      restricted: service.hasUndecided(read.amendments),
      body: {
        adoption: read.adoption ? presentAdoption(read.adoption) : null,
        amendments: await presentAmendments(db, plan, read.amendments, read.commitments),
        editorialCorrections: read.corrections.map((x) => presentCorrection(x, read.commitments)),
        url: planChangesPath(plan),
      },
    };
  };
  api.openapi(
    routes.readById(
      {
        path: '/plans/{id}/changes',
        summary:
          'Changes since adoption: amendments with their meeting, resolution and before/after, and editorial corrections (proposals not yet on an agenda only for those who may see them)',
      },
      jsonContent(changesOutput, 'Changes since adoption'),
    ),
    async (c) => {
      const { db } = c.get('services');
      const plan = await planOrThrow(db, c.req.valid('param').id);
      const { restricted, body } = await changes(db, c.get('actor'), plan);
      if (restricted) c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
      return c.json(body, 200);
    },
  );
  api.openapi(
    routes.readById(
      { path: '/commitments/{id}/changes', summary: 'A commitment’s changes since adoption (as for a plan)' },
      jsonContent(changesOutput, 'Changes since adoption'),
    ),
    async (c) => {
      const { db } = c.get('services');
      const commitment = await planQ.findCommitmentById(db, c.req.valid('param').id);
      if (!commitment) throw new NotFoundError();
      const { restricted, body } = await changes(db, c.get('actor'), await planOrThrow(db, commitment.planId), commitment.id);
      if (restricted) c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
      return c.json(body, 200);
    },
  );
  api.openapi(routes.readById({ path: '/amendments/{id}', summary: 'One amendment' }, jsonContent(amendmentOutput, 'The amendment')), async (c) => {
    const { presented, restricted } = await presentOne(c.get('services').db, c.get('actor'), c.req.valid('param').id);
    if (restricted) c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
    return c.json(presented, 200);
  });
  api.openapi(
    routes.write(
      { method: 'post', path: '/amendments/{id}/schedule', summary: 'Put an amendment on a forum meeting’s agenda (secretariat); it is public from then on' },
      scheduleInput,
      { 200: jsonContent(amendmentOutput, 'Scheduled') },
    ),
    async (c) => {
      const { db, now } = c.get('services');
      const scheduled = await service.scheduleAmendment({ db, now }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json((await presentOne(db, c.get('actor'), scheduled.id)).presented, 200);
    },
  );
  api.openapi(
    routes.write(
      {
        method: 'post',
        path: '/amendments/{id}/decision',
        summary:
          'Record the forum’s decision on a scheduled amendment, citing the resolution of its meeting: applied (the change is written and the plan’s next version made; 409 when what it changes moved since) or rejected',
      },
      decisionInput,
      { 200: jsonContent(amendmentOutput, 'Decided') },
    ),
    async (c) => {
      const { db, now } = c.get('services');
      const decided = await service.decideAmendment({ db, now }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json((await presentOne(db, c.get('actor'), decided.id)).presented, 200);
    },
  );
  api.openapi(
    routes.readById(
      { path: '/plans/{id}/versions', summary: 'A plan’s versions: 1 is the adopted text; each later one a decision’s applied amendments' },
      jsonContent(itemsOf(versionOutput), 'Versions, oldest first'),
    ),
    async (c) => {
      const { db } = c.get('services');
      const plan = await planOrThrow(db, c.req.valid('param').id);
      const [versions, amendments] = await Promise.all([q.listVersions(db, plan.id), q.listAmendments(db, { planId: plan.id })]);
      return c.json(
        {
          items: versions.map((v) => ({
            number: v.number,
            madeOn: v.madeOn,
            resolutionId: v.resolutionId,
            amendmentIds: amendments.filter((a) => a.planVersion === v.number).map((a) => a.id),
            url: v.number === 1 ? versionsPath(plan) : comparePath(plan, v.number - 1, v.number),
          })),
        },
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/versions/compare',
      tags: ['amendments'],
      summary: 'Field-level differences between two versions of a plan’s official text (from → to)',
      request: { params: idParam, query: compareQuery },
      responses: { 200: jsonContent(comparisonOutput, 'The differences'), 400: errors[400], 404: errors[404] },
    }),
    async (c) => {
      const { db } = c.get('services');
      const plan = await planOrThrow(db, c.req.valid('param').id);
      const { from, to } = c.req.valid('query');
      const changes = await service.compareVersions(db, plan.id, from, to);
      return c.json({ from, to, changes, url: comparePath(plan, from, to) }, 200);
    },
  );
}
