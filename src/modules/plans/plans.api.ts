/** JSON API for plans, areas, commitments, milestones and agencies under /api/v1, with OpenAPI entries. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { errorResponses, idParam, itemsOf, jsonContent, routeGroup, type RouteGroup } from '../../web/openapi.js';
import { recordId, wholeNumber } from '../../web/schemas.js';
import { cursorQueryFields, decodeCursor, encodeCursor, linkNext, nextField } from '../../web/cursor.js';
import type { ActionPlan, Agency, Commitment, Member } from '../../domain/plan.js';
import { COMMITMENT_NUMBER_PATTERN, COMMITMENT_STATUSES, OGP_VALUES } from '../../domain/plan.js';
import { NotFoundError } from '../../errors.js';
import type { Context } from 'hono';
import type { Actor } from '../../domain/authorization.js';
import type { Lang } from '../../domain/localized.js';
import type { AppEnv } from '../../web/context.js';
import { actorLabel, readCommitmentHistory, type HistoryEntry } from '../history/index.js';
import * as q from './plans.queries.js';
import {
  agencyInput,
  agencyOutput,
  areaInput,
  areaOutput,
  commitmentInput,
  commitmentOutput,
  commitmentPatch,
  historyOutput,
  milestoneInput,
  milestoneOutput,
  milestonePatch,
  pageOf,
  planInput,
  planOutput,
  proposedChangeOutput,
  withVersion,
} from './plans.schemas.js';
import * as service from './plans.service.js';
import { agencyPath, commitmentPath, planPath } from '../../web/paths.js';

// ---- presenters: the JSON the API promises, built explicitly ----

export const presentPlan = (plan: ActionPlan, member: Member | undefined) => ({
  ...plan,
  member: member ? { id: member.id, code: member.code, kind: member.kind, name: member.name } : null,
  url: planPath(plan),
});

export const presentCommitment = (c: Commitment, plan: Pick<ActionPlan, 'slug'>) => ({ ...c, url: commitmentPath(plan, c) });

export const presentAgency = (a: Agency) => ({ ...a, url: agencyPath(a) });

export const presentHistory = (h: HistoryEntry, lang: Lang) => ({
  id: h.id,
  entityType: h.entityType,
  entityId: h.entityId,
  action: h.action,
  actorName: actorLabel(h, lang),
  at: h.at.toISOString(),
  changes: h.changes,
});

// ---- route helpers ----

const errors = errorResponses();
const planRoutes = routeGroup(['plans'], errors);
const areaRoutes = routeGroup(['areas'], errors);
const commitmentRoutes = routeGroup(['commitments'], errors);
const milestoneRoutes = routeGroup(['milestones'], errors);
const agencyRoutes = routeGroup(['agencies'], errors);

const commitmentQuery = z.object({
  area: recordId().optional().openapi({ description: 'Area id' }),
  agency: recordId().optional().openapi({ description: 'Lead or supporting agency id' }),
  value: z.enum(OGP_VALUES).optional(),
  status: z.enum(COMMITMENT_STATUSES).optional(),
  page: wholeNumber(z.number().int().min(1).max(1_000_000)).default(1),
  perPage: wholeNumber(z.number().int().min(1).max(200)).default(50),
  ...cursorQueryFields(50),
});

/** A cursor walk of a plan's commitments stands at the number and id of the last one sent. */
const commitmentCursorKey = z.tuple([z.string().regex(COMMITMENT_NUMBER_PATTERN), z.number().int().positive().max(2_147_483_647)]);

async function planOrThrow(db: AppEnvDb, id: number): Promise<ActionPlan> {
  const plan = await q.findPlanById(db, id);
  if (!plan) throw new NotFoundError();
  return plan;
}
type AppEnvDb = AppEnv['Variables']['services']['db'];

async function memberOf(db: AppEnvDb, plan: ActionPlan) {
  return (await q.listMembers(db)).find((m) => m.id === plan.memberId);
}

/**
 * What a record that lives under a parent and is answered as stored (an area, a milestone) does through its service.
 * Method syntax, so each service function's own input type is accepted.
 */
interface ChildRecordService<Input, Patch, Output> {
  create(deps: service.PlanServiceDeps, actor: Actor | null, parentId: number, input: Input): Promise<Output>;
  update(deps: service.PlanServiceDeps, actor: Actor | null, id: number, patch: Patch): Promise<Output>;
  remove(deps: service.PlanServiceDeps, actor: Actor | null, id: number, version: number): Promise<void>;
}

/** Adding such a record under its parent, and updating and deleting it by id, as routes of its tag's group. */
function childRecordApi<Shape extends z.ZodRawShape, Output extends z.ZodTypeAny>(
  api: OpenAPIHono<AppEnv>,
  routes: RouteGroup,
  record: {
    parentPath: string;
    path: string;
    summaries: { add: string; update: string; remove: string };
    input: z.ZodObject<Shape>;
    output: Output;
    // The stored record as the output schema describes it, so the answers stay checked against the document.
    service: ChildRecordService<z.infer<z.ZodObject<Shape>>, z.infer<ReturnType<typeof withVersion<Shape>>>, z.input<Output>>;
  },
): void {
  const { summaries, output } = record;
  const deps = (c: Context<AppEnv>) => ({ db: c.get('services').db });
  api.openapi(routes.addUnder({ path: record.parentPath, summary: summaries.add }, record.input, jsonContent(output, 'Created')), async (c) =>
    c.json(await record.service.create(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  api.openapi(routes.update({ path: record.path, summary: summaries.update }, withVersion(record.input), output), async (c) =>
    c.json(await record.service.update(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  api.openapi(routes.delete({ path: record.path, summary: summaries.remove }), async (c) => {
    await record.service.remove(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('query').version);
    return c.body(null, 204);
  });
}

export function planApi(api: OpenAPIHono<AppEnv>): void {
  // ---- plans ----
  api.openapi(
    planRoutes.list({ path: '/plans', summary: 'List action plans' }, jsonContent(itemsOf(planOutput), 'All plans, newest period first')),
    async (c) => {
      const db = c.get('services').db;
      const [plans, members] = await Promise.all([q.listPlans(db), q.listMembers(db)]);
      return c.json(
        {
          items: plans.map((p) =>
            presentPlan(
              p,
              members.find((m) => m.id === p.memberId),
            ),
          ),
        },
        200,
      );
    },
  );
  api.openapi(planRoutes.readById({ path: '/plans/{id}', summary: 'One plan with its sections' }, jsonContent(planOutput, 'The plan')), async (c) => {
    const db = c.get('services').db;
    const plan = await planOrThrow(db, c.req.valid('param').id);
    return c.json(presentPlan(plan, await memberOf(db, plan)), 200);
  });
  api.openapi(planRoutes.add({ path: '/plans', summary: 'Create a plan' }, planInput, jsonContent(planOutput, 'Created')), async (c) => {
    const { db } = c.get('services');
    const plan = await service.createPlan({ db }, c.get('actor'), c.req.valid('json'));
    return c.json(presentPlan(plan, await memberOf(db, plan)), 201);
  });
  api.openapi(
    planRoutes.update({ path: '/plans/{id}', summary: 'Update a plan (send the version you edited)' }, withVersion(planInput), planOutput),
    async (c) => {
      const { db } = c.get('services');
      const plan = await service.updatePlan({ db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(presentPlan(plan, await memberOf(db, plan)), 200);
    },
  );

  // ---- areas ----
  api.openapi(areaRoutes.readById({ path: '/plans/{id}/areas', summary: "A plan's areas in order" }, jsonContent(itemsOf(areaOutput), 'Areas')), async (c) => {
    const { db } = c.get('services');
    const plan = await planOrThrow(db, c.req.valid('param').id);
    return c.json({ items: await q.listAreas(db, plan.id) }, 200);
  });
  childRecordApi(api, areaRoutes, {
    parentPath: '/plans/{id}/areas',
    path: '/areas/{id}',
    summaries: { add: 'Add an area', update: 'Update an area', remove: 'Delete an empty area' },
    input: areaInput,
    output: areaOutput,
    service: { create: service.createArea, update: service.updateArea, remove: service.deleteArea },
  });

  // ---- commitments ----
  api.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/commitments',
      tags: ['commitments'],
      summary: "A plan's commitments, filtered; by page (`page`, `perPage`), or walked by `limit` and `cursor` (follow `next` or the Link header)",
      request: { params: idParam, query: commitmentQuery },
      responses: {
        200: jsonContent(
          pageOf(commitmentOutput, 'CommitmentPage').extend({ page: z.number().int().optional(), next: nextField.optional() }),
          'Commitments in number order',
        ),
        400: errors[400],
        404: errors[404],
      },
    }),
    async (c) => {
      const { db } = c.get('services');
      const plan = await planOrThrow(db, c.req.valid('param').id);
      const f = c.req.valid('query');
      const filter = { planId: plan.id, areaId: f.area, agencyId: f.agency, ogpValue: f.value, status: f.status };
      // With limit or cursor the list is walked by key (web/cursor.ts); else by page number, as it always was.
      if (f.limit !== undefined || f.cursor !== undefined) {
        const limit = f.limit ?? 50;
        const after = f.cursor === undefined ? null : decodeCursor('commitments', f.cursor, commitmentCursorKey);
        const { items, total, next } = await q.walkCommitments(db, filter, { limit, after });
        const nextCursor = next ? encodeCursor('commitments', next) : null;
        linkNext(c, nextCursor);
        return c.json({ items: items.map((x) => presentCommitment(x, plan)), total, perPage: limit, next: nextCursor }, 200);
      }
      const { items, total } = await q.listCommitments(db, filter, { limit: f.perPage, offset: (f.page - 1) * f.perPage });
      return c.json({ items: items.map((x) => presentCommitment(x, plan)), total, page: f.page, perPage: f.perPage }, 200);
    },
  );
  api.openapi(
    commitmentRoutes.readById({ path: '/commitments/{id}', summary: 'One commitment' }, jsonContent(commitmentOutput, 'The commitment')),
    async (c) => {
      const { db } = c.get('services');
      const commitment = await q.findCommitmentById(db, c.req.valid('param').id);
      if (!commitment) throw new NotFoundError();
      return c.json(presentCommitment(commitment, await planOrThrow(db, commitment.planId)), 200);
    },
  );
  api.openapi(
    commitmentRoutes.addUnder({ path: '/plans/{id}/commitments', summary: 'Add a commitment' }, commitmentInput, jsonContent(commitmentOutput, 'Created')),
    async (c) => {
      const { db } = c.get('services');
      const created = await service.createCommitment({ db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(presentCommitment(created, await planOrThrow(db, created.planId)), 201);
    },
  );
  api.openapi(
    commitmentRoutes.write(
      {
        method: 'patch',
        path: '/commitments/{id}',
        summary:
          'Update a commitment (agency officers: their own agency’s). Once its plan is adopted, a change of its official text, OGP values or dates needs a `reason` and is answered 202 with the proposed amendment (other changes in the same edit apply); the secretariat may mark a correction `editorial`',
      },
      commitmentPatch,
      { 200: jsonContent(commitmentOutput, 'Updated'), 202: jsonContent(proposedChangeOutput, 'Held back as a proposed amendment for the forum’s decision') },
    ),
    async (c) => {
      const { db } = c.get('services');
      const outcome = await service.changeCommitment({ db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      if ('proposed' in outcome) return c.json({ proposed: outcome.proposed }, 202);
      return c.json(presentCommitment(outcome.applied, await planOrThrow(db, outcome.applied.planId)), 200);
    },
  );
  api.openapi(commitmentRoutes.delete({ path: '/commitments/{id}', summary: 'Delete a commitment' }), async (c) => {
    await service.deleteCommitment({ db: c.get('services').db }, c.get('actor'), c.req.valid('param').id, c.req.valid('query').version);
    return c.body(null, 204);
  });
  api.openapi(
    commitmentRoutes.readById(
      {
        path: '/commitments/{id}/history',
        summary: 'Changes to a commitment, its milestones and its reports, newest first (steps of a draft report only for those who may see the draft)',
      },
      jsonContent(itemsOf(historyOutput), 'History'),
    ),
    async (c) => {
      const { db } = c.get('services');
      const id = c.req.valid('param').id;
      if (!(await q.findCommitmentById(db, id))) throw new NotFoundError();
      return c.json({ items: (await readCommitmentHistory(db, c.get('actor'), id)).map((h) => presentHistory(h, c.get('lang'))) }, 200);
    },
  );

  // ---- milestones ----
  api.openapi(
    milestoneRoutes.readById(
      { path: '/commitments/{id}/milestones', summary: "A commitment's milestones" },
      jsonContent(itemsOf(milestoneOutput), 'Milestones in order'),
    ),
    async (c) => {
      const { db } = c.get('services');
      const id = c.req.valid('param').id;
      if (!(await q.findCommitmentById(db, id))) throw new NotFoundError();
      return c.json({ items: await q.listMilestones(db, id) }, 200);
    },
  );
  api.openapi(milestoneRoutes.readById({ path: '/milestones/{id}', summary: 'One milestone' }, jsonContent(milestoneOutput, 'The milestone')), async (c) => {
    const milestone = await q.findMilestoneById(c.get('services').db, c.req.valid('param').id);
    if (!milestone) throw new NotFoundError();
    return c.json(milestone, 200);
  });
  api.openapi(
    milestoneRoutes.addUnder(
      {
        path: '/commitments/{id}/milestones',
        summary: 'Add a milestone (dates inside the commitment’s). Once its plan is adopted, only the secretariat may, recording the forum’s decision (403)',
      },
      milestoneInput,
      jsonContent(milestoneOutput, 'Created'),
    ),
    async (c) => c.json(await service.createMilestone({ db: c.get('services').db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  api.openapi(
    milestoneRoutes.write(
      {
        method: 'patch',
        path: '/milestones/{id}',
        summary:
          'Update a milestone. Once its plan is adopted, a change of its official deliverable or its dates needs a `reason` and is answered 202 with the proposed amendment',
      },
      milestonePatch,
      { 200: jsonContent(milestoneOutput, 'Updated'), 202: jsonContent(proposedChangeOutput, 'Held back as a proposed amendment for the forum’s decision') },
    ),
    async (c) => {
      const outcome = await service.changeMilestone({ db: c.get('services').db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      if ('proposed' in outcome) return c.json({ proposed: outcome.proposed }, 202);
      return c.json(outcome.applied, 200);
    },
  );
  api.openapi(
    milestoneRoutes.delete({ path: '/milestones/{id}', summary: 'Delete a milestone. Once its plan is adopted, only the secretariat may (403)' }),
    async (c) => {
      await service.deleteMilestone({ db: c.get('services').db }, c.get('actor'), c.req.valid('param').id, c.req.valid('query').version);
      return c.body(null, 204);
    },
  );

  // ---- agencies ----
  api.openapi(agencyRoutes.list({ path: '/agencies', summary: 'All agencies' }, jsonContent(itemsOf(agencyOutput), 'Agencies by code')), async (c) =>
    c.json({ items: (await q.listAgencies(c.get('services').db)).map(presentAgency) }, 200),
  );
  api.openapi(agencyRoutes.readById({ path: '/agencies/{id}', summary: 'One agency' }, jsonContent(agencyOutput, 'The agency')), async (c) => {
    const agency = await q.findAgencyById(c.get('services').db, c.req.valid('param').id);
    if (!agency) throw new NotFoundError();
    return c.json(presentAgency(agency), 200);
  });
  api.openapi(agencyRoutes.add({ path: '/agencies', summary: 'Add an agency' }, agencyInput, jsonContent(agencyOutput, 'Created')), async (c) =>
    c.json(presentAgency(await service.createAgency({ db: c.get('services').db }, c.get('actor'), c.req.valid('json'))), 201),
  );
  api.openapi(
    agencyRoutes.update({ path: '/agencies/{id}', summary: 'Update an agency (name, successor)' }, withVersion(agencyInput), agencyOutput),
    async (c) =>
      c.json(presentAgency(await service.updateAgency({ db: c.get('services').db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'))), 200),
  );
}
