/** JSON API for working groups, memberships and the survey of willingness under /api/v1, with OpenAPI entries. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { PublicPerson } from '../../domain/people.js';
import type { ActionPlan } from '../../domain/plan.js';
import { NotFoundError, UnauthenticatedError } from '../../errors.js';
import type { AppEnv } from '../../web/context.js';
import { errorResponses, idParam, itemsOf, jsonBody, jsonContent, routeGroup, writeSecurity } from '../../web/openapi.js';
import { workingGroupPath } from '../../web/paths.js';
import { recordId } from '../../web/schemas.js';
import { planQueries as planQ } from '../plans/index.js';
import type { Membership, SurveyResponse, WorkingGroup } from './workgroups.model.js';
import * as q from './workgroups.queries.js';
import {
  enrolInput,
  enrolOutput,
  joinInput,
  listingInput,
  membershipOutput,
  moderationInput,
  surveyAnswerOutput,
  surveyInput,
  surveyResponseOutput,
  workingGroupDetailOutput,
  workingGroupInput,
  workingGroupOutput,
  workingGroupPatch,
} from './workgroups.schemas.js';
import * as service from './workgroups.service.js';

type Db = AppEnv['Variables']['services']['db'];

// ---- presenters: the JSON the API promises, built explicitly ----

/** What anyone may see of a person: never an e-mail; the profile only when its owner made it public. */
export const presentPerson = (id: number, p: PublicPerson | undefined) => ({
  id,
  displayName: p?.displayName ?? null,
  organisation: p?.organisation ?? null,
  stakeholderGroup: p?.stakeholderGroup ?? null,
});

const personOrNull = (id: number | null, people: Map<number, PublicPerson>) => (id === null ? null : presentPerson(id, people.get(id)));

export const presentWorkingGroup = (g: WorkingGroup, plan: Pick<ActionPlan, 'slug'>, people: Map<number, PublicPerson>) => ({
  id: g.id,
  planId: g.planId,
  slug: g.slug,
  kind: g.kind,
  name: g.name,
  purpose: g.purpose,
  rules: g.rules,
  commitmentIds: g.commitmentIds,
  chair: { name: g.chair.name, agencyId: g.chair.agencyId, person: personOrNull(g.chair.userId, people) },
  coChair: { name: g.coChair.name, person: personOrNull(g.coChair.userId, people) },
  open: g.open,
  closedReason: g.closedReason,
  memberCount: g.memberCount,
  isDemo: g.isDemo,
  version: g.version,
  url: workingGroupPath(plan, g),
});

export const presentMembership = (workingGroupId: number, m: Membership | undefined) => ({
  workingGroupId,
  member: m !== undefined,
  listed: m?.listed ?? false,
  listingHidden: m?.listingHidden ?? false,
  joinedAt: m ? m.joinedAt.toISOString() : null,
});

const presentAnswer = (a: SurveyResponse) => ({ workingGroupId: a.workingGroupId, answer: a.answer, answeredAt: a.answeredAt.toISOString() });

// ---- route helpers ----

const errors = errorResponses({
  forbidden:
    'The secretariat manages groups; a group’s chair edits its purpose, rules and open flag; anyone signed in joins; moderators take listings down; forum members answer the survey.',
  conflict: 'Stale version (`current` holds the stored values), or the group is closed.',
});
const groups = routeGroup(['working groups'], errors);
const survey = routeGroup(['working-group survey'], errors);

async function planOrThrow(db: Db, id: number): Promise<ActionPlan> {
  const plan = await planQ.findPlanById(db, id);
  if (!plan) throw new NotFoundError();
  return plan;
}

async function presentOne(db: Db, group: WorkingGroup) {
  const [plan, view] = await Promise.all([planOrThrow(db, group.planId), service.workingGroupView(db, group)]);
  const people = new Map<number, PublicPerson>();
  if (group.chair.userId !== null && view.people.chair) people.set(group.chair.userId, view.people.chair);
  if (group.coChair.userId !== null && view.people.coChair) people.set(group.coChair.userId, view.people.coChair);
  return { plan, view, body: presentWorkingGroup(group, plan, people) };
}

const memberParams = z.object({
  id: recordId().openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
  userId: recordId().openapi({ param: { name: 'userId', in: 'path' }, example: 1 }),
});

export function workgroupsApi(api: OpenAPIHono<AppEnv>): void {
  // ---- groups ----
  api.openapi(
    groups.readById(
      { path: '/plans/{id}/working-groups', summary: 'A plan’s working groups, with their chairs and member counts' },
      jsonContent(itemsOf(workingGroupOutput), 'Working groups'),
    ),
    async (c) => {
      const { db } = c.get('services');
      const plan = await planOrThrow(db, c.req.valid('param').id);
      const list = await q.listWorkingGroupRows(db, plan.id);
      const people = await service.peopleOfGroups(db, list);
      return c.json({ items: list.map((g) => presentWorkingGroup(g, plan, people)) }, 200);
    },
  );
  api.openapi(
    groups.readById(
      { path: '/working-groups/{id}', summary: 'One working group with its public roster: only members who agreed to be listed; the others are counted' },
      jsonContent(workingGroupDetailOutput, 'The working group'),
    ),
    async (c) => {
      const { db } = c.get('services');
      const { view, body } = await presentOne(db, await service.workingGroupById(db, c.req.valid('param').id));
      return c.json({ ...body, roster: view.roster.map((r) => presentPerson(r.membership.userId, r.person)), unlistedCount: view.unlistedCount }, 200);
    },
  );
  api.openapi(
    groups.addUnder(
      { path: '/plans/{id}/working-groups', summary: 'Create a working group (the secretariat)' },
      workingGroupInput,
      jsonContent(workingGroupOutput, 'Created'),
    ),
    async (c) => {
      const { db } = c.get('services');
      const group = await service.createWorkingGroup({ db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json((await presentOne(db, group)).body, 201);
    },
  );
  api.openapi(
    groups.update(
      {
        path: '/working-groups/{id}',
        summary: 'Update a working group (send the version you edited): its chair may change its purpose, rules and open flag, the secretariat anything',
      },
      workingGroupPatch,
      workingGroupOutput,
    ),
    async (c) => {
      const { db } = c.get('services');
      const group = await service.updateWorkingGroup({ db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json((await presentOne(db, group)).body, 200);
    },
  );
  api.openapi(groups.delete({ path: '/working-groups/{id}', summary: 'Delete a working group with its memberships (the secretariat)' }), async (c) => {
    await service.deleteWorkingGroup({ db: c.get('services').db }, c.get('actor'), c.req.valid('param').id, c.req.valid('query').version);
    return c.body(null, 204);
  });

  // ---- the signed-in person's membership ----
  api.openapi(
    createRoute({
      method: 'get',
      path: '/working-groups/{id}/membership',
      tags: ['working groups'],
      summary: 'Your own membership of a working group, and whether the public roster lists you',
      security: writeSecurity,
      request: { params: idParam },
      responses: { 200: jsonContent(membershipOutput, 'Your membership'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const { db } = c.get('services');
      const actor = c.get('actor');
      if (!actor) throw new UnauthenticatedError();
      const group = await service.workingGroupById(db, c.req.valid('param').id);
      const own = await service.ownMemberships(db, actor, [group.id]);
      return c.json(presentMembership(group.id, own.get(group.id)), 200);
    },
  );
  api.openapi(
    groups.write(
      {
        method: 'post',
        path: '/working-groups/{id}/membership',
        summary: 'Join a working group (anyone signed in); listed on the public roster only with `listed: true`. A closed group is refused with its reason',
      },
      joinInput,
      { 201: jsonContent(membershipOutput, 'Your membership') },
    ),
    async (c) => {
      const { db } = c.get('services');
      const id = c.req.valid('param').id;
      const membership = await service.inLanguage(c.get('lang'), () => service.joinWorkingGroup({ db }, c.get('actor'), id, c.req.valid('json')));
      return c.json(presentMembership(id, membership), 201);
    },
  );
  api.openapi(
    groups.write({ method: 'patch', path: '/working-groups/{id}/membership', summary: 'Say whether the public roster lists you (a member)' }, listingInput, {
      200: jsonContent(membershipOutput, 'Your membership'),
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const membership = await service.setListing({ db: c.get('services').db }, c.get('actor'), id, c.req.valid('json'));
      return c.json(presentMembership(id, membership), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'delete',
      path: '/working-groups/{id}/membership',
      tags: ['working groups'],
      summary: 'Leave a working group',
      security: writeSecurity,
      request: { params: idParam },
      responses: { 204: { description: 'Left' }, 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      await service.leaveWorkingGroup({ db: c.get('services').db }, c.get('actor'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  api.openapi(
    createRoute({
      method: 'put',
      path: '/working-groups/{id}/memberships/{userId}/listing',
      tags: ['working groups'],
      summary: 'Take a member’s public listing down, or put it back (moderators of the plan, the secretariat)',
      security: writeSecurity,
      request: { params: memberParams, ...jsonBody(moderationInput) },
      responses: { 200: jsonContent(membershipOutput, 'The membership'), ...errors },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      const membership = await service.moderateListing({ db: c.get('services').db }, c.get('actor'), id, userId, c.req.valid('json'));
      return c.json(presentMembership(id, membership), 200);
    },
  );

  // ---- the survey of forum members' willingness ----
  api.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/working-group-survey',
      tags: ['working-group survey'],
      summary: 'Every forum member’s answers, group by group (the secretariat; not public)',
      security: writeSecurity,
      request: { params: idParam },
      responses: { 200: jsonContent(itemsOf(surveyResponseOutput), 'Answers'), 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const responses = await service.surveyResponses(c.get('services').db, c.get('actor'), c.req.valid('param').id);
      return c.json({ items: responses.map((r) => ({ ...presentAnswer(r), person: presentPerson(r.userId, r.person), member: r.member })) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/working-group-survey/mine',
      tags: ['working-group survey'],
      summary: 'Your own answers (forum members of the plan)',
      security: writeSecurity,
      request: { params: idParam },
      responses: { 200: jsonContent(itemsOf(surveyAnswerOutput), 'Your answers'), 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const answers = await service.ownSurveyAnswers(c.get('services').db, c.get('actor'), c.req.valid('param').id);
      return c.json({ items: answers.map(presentAnswer) }, 200);
    },
  );
  api.openapi(
    survey.write(
      {
        method: 'put',
        path: '/plans/{id}/working-group-survey/mine',
        summary: 'Answer the survey for the plan’s groups: willing to join, willing to co-chair, or not now (forum members; replaces your earlier answers)',
      },
      surveyInput,
      { 200: jsonContent(itemsOf(surveyAnswerOutput), 'Your answers') },
    ),
    async (c) => {
      const answers = await service.answerSurvey({ db: c.get('services').db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ items: answers.map(presentAnswer) }, 200);
    },
  );
  api.openapi(
    survey.write(
      {
        method: 'post',
        path: '/plans/{id}/working-group-survey/enrol',
        summary: 'Add everyone who said they are willing to their groups, unlisted until each consents (the secretariat)',
      },
      enrolInput,
      { 200: jsonContent(enrolOutput, 'Memberships added') },
    ),
    async (c) => {
      const { added } = await service.enrolWilling({ db: c.get('services').db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ added: added.length }, 200);
    },
  );
}
