/** JSON API for consultations, inputs and responses under /api/v1, with OpenAPI entries. Public reads show what anyone may; writes need a token or a session. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { windowState } from '../../domain/participation.js';
import type { ActionPlan } from '../../domain/plan.js';
import type { PublicPerson } from '../../domain/people.js';
import { NotFoundError } from '../../errors.js';
import { clientAddress } from '../../web/client-address.js';
import type { AppContext, AppEnv } from '../../web/context.js';
import { errorResponses, idParam, itemsOf, jsonContent, routeGroup } from '../../web/openapi.js';
import { decodeCursor, encodeCursor, linkNext, nextField } from '../../web/cursor.js';
import { pageOf } from '../../web/schemas.js';
import { planQueries as planQ } from '../plans/index.js';
import type { Consultation, Input } from './participation.model.js';
import { consultationPath, inputPath } from './participation.paths.js';
import * as q from './participation.queries.js';
import { readInputs, threadsOf } from './participation.reads.js';
import {
  consultationInput,
  consultationOutput,
  consultationPatch,
  editInput,
  inputCursorKey,
  inputListQuery,
  inputOutput,
  postInput,
  replyInput,
  respondInput,
  withdrawInput,
} from './participation.schemas.js';
import * as service from './participation.service.js';
import { publicPeople } from '../accounts/index.js';

type Db = AppEnv['Variables']['services']['db'];

const PER_PAGE = 50;

// ---- presenters ----

export const presentConsultation = (x: Consultation, plan: Pick<ActionPlan, 'slug'>, now: Date) => ({
  id: x.id,
  planId: x.planId,
  targetType: x.targetType,
  targetId: x.targetId,
  section: x.section,
  title: x.title,
  question: x.question,
  audience: x.audience,
  opensAt: x.opensAt.toISOString(),
  closesAt: x.closesAt.toISOString(),
  window: windowState(x, now),
  phaseId: x.phaseId,
  isDemo: x.isDemo,
  version: x.version,
  url: consultationPath(plan, x),
});

/** An input as anyone may read it: a tombstone (hidden, withdrawn) has no words, only its reason and date. */
export function presentInput(i: Input, plan: Pick<ActionPlan, 'slug'>, people: Map<number, PublicPerson>) {
  const standing = i.state === 'published' || i.state === 'internal';
  return {
    id: i.id,
    planId: i.planId,
    kind: i.kind,
    targetType: i.targetType,
    targetId: i.targetId,
    commitmentId: i.commitmentId,
    consultationId: i.consultationId,
    parentId: i.parentId,
    state: i.state,
    author: i.authorId === null ? null : { id: i.authorId, displayName: people.get(i.authorId)?.displayName ?? null },
    authorName: i.authorName,
    source: i.source,
    sourceUrl: i.sourceUrl,
    lang: i.lang,
    body: standing ? i.body : null,
    proposal: i.kind === 'proposal' && standing ? i.proposal : null,
    hidden: i.state === 'hidden' ? { at: (i.moderation.hiddenAt ?? i.submittedAt).toISOString(), reason: i.moderation.hiddenReason } : null,
    withdrawnAt: i.withdrawnAt ? i.withdrawnAt.toISOString() : null,
    agencyId: i.agencyId,
    response: {
      state: i.response.state,
      reason: i.response.reason,
      referredTo: i.response.referredTo,
      changeHistoryId: i.response.changeHistoryId,
      respondedBy: i.response.respondedAt ? i.response.respondedByName || null : null,
      respondedAt: i.response.respondedAt ? i.response.respondedAt.toISOString() : null,
    },
    submittedAt: i.submittedAt.toISOString(),
    editedAt: i.editedAt ? i.editedAt.toISOString() : null,
    isDemo: i.isDemo,
    version: i.version,
    url: inputPath(plan, { id: i.parentId ?? i.id }),
  };
}

const inputWithReplies = inputOutput.extend({ replies: z.array(inputOutput) }).openapi('InputWithReplies');

// ---- route helpers ----

const errors = errorResponses({
  forbidden:
    'Anyone signed in posts; an internal round takes agencies and forum members only; the author edits (15 minutes) and withdraws; the agency that owes the answer, the secretariat or (forum matters) a co-convener responds; the secretariat manages consultations.',
  conflict: 'Stale version (`current` holds the stored values).',
});
const inputs = routeGroup(['inputs'], errors);
const consultations = routeGroup(['consultations'], errors);

async function planOrThrow(db: Db, id: number): Promise<ActionPlan> {
  const plan = await planQ.findPlanById(db, id);
  if (!plan) throw new NotFoundError();
  return plan;
}

const deps = (c: AppContext): service.ParticipationDeps => ({ db: c.get('services').db, now: c.get('services').now, client: clientAddress(c) });

async function presentOne(db: Db, input: Input) {
  const plan = await planOrThrow(db, input.planId);
  const people = await publicPeople(db, input.authorId === null ? [] : [input.authorId]);
  return presentInput(input, plan, people);
}

export function participationApi(api: OpenAPIHono<AppEnv>): void {
  // ---- inputs ----
  api.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/inputs',
      tags: ['inputs'],
      summary:
        'A plan’s inputs with their responses and replies, newest first (filters: target "type:id", consultation, kind, response); 50 a page (`page`), or walked by `limit` and `cursor` (follow `next` or the Link header)',
      request: { params: idParam, query: inputListQuery },
      responses: {
        200: jsonContent(pageOf(inputWithReplies, 'InputPage').extend({ page: z.number().int().optional(), next: nextField.optional() }), 'Inputs'),
        400: errors[400],
        404: errors[404],
      },
    }),
    async (c) => {
      const { db } = c.get('services');
      const plan = await planOrThrow(db, c.req.valid('param').id);
      const query = c.req.valid('query');
      const target = query.target?.split(':');
      const page = query.page ?? 1;
      // With limit or cursor the list is walked by key (web/cursor.ts); else by page number, as it always was.
      const byCursor = query.limit !== undefined || query.cursor !== undefined;
      const limit = query.limit ?? PER_PAGE;
      const after = query.cursor === undefined ? null : decodeCursor('inputs', query.cursor, inputCursorKey);
      const { threads, total, next } = await readInputs(
        db,
        c.get('actor'),
        {
          planId: plan.id,
          ...(query.commitment !== undefined ? { commitmentId: query.commitment } : {}),
          ...(target ? { target: { type: target[0] as Input['targetType'], id: Number(target[1]) } } : {}),
          ...(query.consultation !== undefined ? { consultationId: query.consultation } : {}),
          ...(query.kind ? { kind: query.kind } : {}),
          ...(query.response ? { responseState: query.response } : {}),
        },
        byCursor ? { limit, after } : { limit: PER_PAGE, offset: (page - 1) * PER_PAGE },
      );
      const nextCursor = next ? encodeCursor('inputs', next) : null;
      linkNext(c, nextCursor);
      const people = await publicPeople(
        db,
        threads.flatMap((th) => [th.input, ...th.replies].flatMap((i) => (i.authorId === null ? [] : [i.authorId]))),
      );
      return c.json(
        {
          items: threads.map((th) => ({ ...presentInput(th.input, plan, people), replies: th.replies.map((r) => presentInput(r, plan, people)) })),
          total,
          ...(byCursor ? {} : { page }),
          perPage: byCursor ? limit : PER_PAGE,
          ...(byCursor ? { next: nextCursor } : {}),
        },
        200,
      );
    },
  );
  api.openapi(
    inputs.readById({ path: '/inputs/{id}', summary: 'One input with its response and replies' }, jsonContent(inputWithReplies, 'The input')),
    async (c) => {
      const { db } = c.get('services');
      const input = await q.findInputById(db, c.req.valid('param').id);
      if (!input || !service.canSeeInput(c.get('actor'), input)) throw new NotFoundError();
      const [thread] = await threadsOf(db, c.get('actor'), [input]);
      const plan = await planOrThrow(db, input.planId);
      const all = [input, ...(thread?.replies ?? [])];
      const people = await publicPeople(
        db,
        all.flatMap((i) => (i.authorId === null ? [] : [i.authorId])),
      );
      return c.json({ ...presentInput(input, plan, people), replies: (thread?.replies ?? []).map((r) => presentInput(r, plan, people)) }, 200);
    },
  );
  api.openapi(
    inputs.addUnder(
      {
        path: '/plans/{id}/inputs',
        summary: 'Comment on something of the plan, or propose a new commitment (anyone signed in; within a consultation’s window and audience)',
      },
      postInput,
      jsonContent(inputOutput, 'Posted'),
    ),
    async (c) => {
      const input = await service.postInput(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await presentOne(c.get('services').db, input), 201);
    },
  );
  api.openapi(
    inputs.addUnder({ path: '/inputs/{id}/replies', summary: 'Reply to an input (one level deep)' }, replyInput, jsonContent(inputOutput, 'Posted')),
    async (c) => {
      const input = await service.replyToInput(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await presentOne(c.get('services').db, input), 201);
    },
  );
  api.openapi(
    inputs.update(
      { path: '/inputs/{id}', summary: 'Change your own input’s words (within 15 minutes of posting; each edit stays in the history)' },
      editInput,
      inputOutput,
    ),
    async (c) => {
      const input = await service.editInput(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await presentOne(c.get('services').db, input), 200);
    },
  );
  api.openapi(
    inputs.write({ method: 'post', path: '/inputs/{id}/withdraw', summary: 'Withdraw your own input: a tombstone keeps its replies in place' }, withdrawInput, {
      200: jsonContent(inputOutput, 'Withdrawn'),
    }),
    async (c) => {
      const input = await service.withdrawInput(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await presentOne(c.get('services').db, input), 200);
    },
  );
  api.openapi(
    inputs.write(
      {
        method: 'put',
        path: '/inputs/{id}/response',
        summary:
          'Give an input its reasoned response (the agency that owes it, the secretariat, or a co-convener for forum matters); a reason is required for partly adopted, not adopted and referred',
      },
      respondInput,
      { 200: jsonContent(inputOutput, 'The input with its response') },
    ),
    async (c) => {
      const input = await service.respondToInput(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await presentOne(c.get('services').db, input), 200);
    },
  );

  // ---- consultations ----
  api.openapi(
    consultations.readById(
      { path: '/plans/{id}/consultations', summary: 'A plan’s consultations, the latest window first' },
      jsonContent(itemsOf(consultationOutput), 'Consultations'),
    ),
    async (c) => {
      const { db, now } = c.get('services');
      const plan = await planOrThrow(db, c.req.valid('param').id);
      const list = await q.listConsultations(db, plan.id);
      return c.json({ items: list.map((x) => presentConsultation(x, plan, now())) }, 200);
    },
  );
  api.openapi(
    consultations.readById({ path: '/consultations/{id}', summary: 'One consultation' }, jsonContent(consultationOutput, 'The consultation')),
    async (c) => {
      const { db, now } = c.get('services');
      const x = await q.findConsultationById(db, c.req.valid('param').id);
      if (!x) throw new NotFoundError();
      return c.json(presentConsultation(x, await planOrThrow(db, x.planId), now()), 200);
    },
  );
  api.openapi(
    consultations.addUnder(
      { path: '/plans/{id}/consultations', summary: 'Open a consultation: a dated window for input on a part of the plan (the secretariat)' },
      consultationInput,
      jsonContent(consultationOutput, 'Created'),
    ),
    async (c) => {
      const { db, now } = c.get('services');
      const x = await service.createConsultation(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(presentConsultation(x, await planOrThrow(db, x.planId), now()), 201);
    },
  );
  api.openapi(
    consultations.update(
      { path: '/consultations/{id}', summary: 'Change a consultation (the secretariat; send the version)' },
      consultationPatch,
      consultationOutput,
    ),
    async (c) => {
      const { db, now } = c.get('services');
      const x = await service.updateConsultation(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(presentConsultation(x, await planOrThrow(db, x.planId), now()), 200);
    },
  );
  api.openapi(
    consultations.delete({ path: '/consultations/{id}', summary: 'Delete a consultation; its inputs stay on their targets (the secretariat)' }),
    async (c) => {
      await service.deleteConsultation(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('query').version);
      return c.body(null, 204);
    },
  );
}
