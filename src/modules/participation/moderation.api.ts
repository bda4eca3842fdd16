/** JSON API of moderation under /api/v1, with OpenAPI entries: reports, hiding, appeals, the log, suspensions. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { NotFoundError } from '../../errors.js';
import { clientAddress } from '../../web/client-address.js';
import type { AppContext, AppEnv } from '../../web/context.js';
import { errorResponses, idParam, itemsOf, jsonBody, jsonContent, routeGroup, writeSecurity } from '../../web/openapi.js';
import { errorOutput } from '../../web/schemas.js';
import { findPlanById } from '../plans/index.js';
import type { InputReport, ModerationLogEntry, ReportedInput, Suspension } from './moderation.queries.js';
import {
  appealDecisionInput,
  appealInput,
  hideInput,
  logPageOutput,
  logQuery,
  moderationStateOutput,
  reportedInputOutput,
  reportInput,
  reportOutput,
  restoreInput,
  suspensionInput,
  suspensionOutput,
} from './moderation.schemas.js';
import * as service from './moderation.service.js';
import type { Input } from './participation.model.js';
import { inputPath } from './participation.paths.js';

type Db = AppEnv['Variables']['services']['db'];

// ---- presenters ----

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export const presentReport = (r: InputReport) => ({ id: r.id, inputId: r.inputId, reason: r.reason, note: r.note, createdAt: r.createdAt.toISOString() });

async function presentModeration(db: Db, input: Input) {
  const plan = await findPlanById(db, input.planId);
  if (!plan) throw new NotFoundError();
  return {
    id: input.id,
    state: input.state,
    hiddenAt: iso(input.moderation.hiddenAt),
    hiddenReason: input.moderation.hiddenReason,
    appealedAt: iso(input.moderation.appealedAt),
    appealDecision: input.moderation.appealDecision,
    version: input.version,
    url: inputPath(plan, input),
  };
}

const presentLogEntry = (e: ModerationLogEntry) => ({
  id: e.id,
  at: e.at.toISOString(),
  moderator: { id: e.moderatorId, name: e.moderatorName },
  act: e.act,
  inputId: e.inputId,
  userId: e.userId,
  reason: e.reason,
});

const presentSuspension = (s: Suspension) => ({
  id: s.id,
  userId: s.userId,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  reason: s.reason,
  liftedAt: iso(s.liftedAt),
});

async function presentReported(db: Db, items: ReportedInput[]) {
  const slugs = new Map<number, string>();
  for (const planId of new Set(items.map((r) => r.input.planId))) {
    const plan = await findPlanById(db, planId);
    if (plan) slugs.set(planId, plan.slug);
  }
  return items.map(({ input, reports }) => ({
    input: {
      id: input.id,
      planId: input.planId,
      state: input.state,
      body: input.body,
      title: input.proposal.title,
      version: input.version,
      url: inputPath({ slug: slugs.get(input.planId) ?? '' }, input),
    },
    reports: reports.map((r) => ({ id: r.id, reason: r.reason, note: r.note, createdAt: r.createdAt.toISOString() })),
  }));
}

// ---- routes ----

const errors = errorResponses({
  forbidden:
    'Anyone signed in reports (not while suspended); the author of a hidden input appeals; moderators of the input’s plan (or the whole site) and the administrator hide, restore and decide appeals; site-wide moderators and the administrator suspend accounts.',
  conflict: 'Stale version (`current` holds the stored values), or the input was already appealed or its appeal already decided (`fields` names which).',
});
const moderation = routeGroup(['moderation'], errors);
const tooMany = jsonContent(errorOutput, 'Too many reports from this account or address: Retry-After says when to try again.');

const deps = (c: AppContext): service.ModerationDeps => ({ db: c.get('services').db, now: () => c.get('services').now(), client: clientAddress(c) });

export function moderationApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/inputs/{id}/reports',
      tags: ['moderation'],
      summary: 'Report an input to the moderators (anyone signed in, once per input: a second report answers the first, 200)',
      security: writeSecurity,
      request: { params: idParam, ...jsonBody(reportInput) },
      responses: {
        201: jsonContent(reportOutput, 'Reported'),
        200: jsonContent(reportOutput, 'Reported before: the first report'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        429: tooMany,
      },
    }),
    async (c) => {
      const { report, created } = await service.reportInput(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return created ? c.json(presentReport(report), 201) : c.json(presentReport(report), 200);
    },
  );
  api.openapi(
    moderation.write(
      { method: 'post', path: '/inputs/{id}/hide', summary: 'Hide an input with a public reason (its place shows the reason and the date; replies stay)' },
      hideInput,
      { 200: jsonContent(moderationStateOutput, 'Hidden') },
    ),
    async (c) => {
      const input = await service.hideInput(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await presentModeration(c.get('services').db, input), 200);
    },
  );
  api.openapi(
    moderation.write(
      { method: 'post', path: '/inputs/{id}/restore', summary: 'Restore a hidden input (published, or internal in an internal round)' },
      restoreInput,
      {
        200: jsonContent(moderationStateOutput, 'Restored'),
      },
    ),
    async (c) => {
      const input = await service.restoreInput(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await presentModeration(c.get('services').db, input), 200);
    },
  );
  api.openapi(
    moderation.write({ method: 'post', path: '/inputs/{id}/appeal', summary: 'Appeal the hiding of one’s own input (once; a second is 409)' }, appealInput, {
      200: jsonContent(moderationStateOutput, 'Appealed'),
    }),
    async (c) => {
      const input = await service.fileAppeal(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await presentModeration(c.get('services').db, input), 200);
    },
  );
  api.openapi(
    moderation.write(
      { method: 'post', path: '/inputs/{id}/appeal/decision', summary: 'Decide an appeal: `upheld` (stays hidden) or `reinstated` (restored)' },
      appealDecisionInput,
      { 200: jsonContent(moderationStateOutput, 'Decided') },
    ),
    async (c) => {
      const input = await service.decideAppeal(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await presentModeration(c.get('services').db, input), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/moderation/reports',
      tags: ['moderation'],
      summary: 'Open reports grouped by input, with the input’s words (moderators and the administrator)',
      security: writeSecurity,
      responses: { 200: jsonContent(itemsOf(reportedInputOutput), 'Reports waiting'), 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      const { db } = c.get('services');
      return c.json({ items: await presentReported(db, await service.openReports(db, c.get('actor'))) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/moderation/log',
      tags: ['moderation'],
      summary: 'The moderation log, newest first, 50 a page (moderators and the administrator)',
      security: writeSecurity,
      request: { query: logQuery },
      responses: { 200: jsonContent(logPageOutput, 'A page of the log'), 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      const log = await service.moderationLog(c.get('services').db, c.get('actor'), c.req.valid('query').page ?? 1);
      return c.json({ items: log.items.map(presentLogEntry), total: log.total, page: log.page, pages: log.pages }, 200);
    },
  );
  api.openapi(
    moderation.addUnder(
      {
        path: '/users/{id}/suspensions',
        summary: 'Suspend an account from posting inputs and reports for some days (site-wide moderators, the administrator)',
      },
      suspensionInput,
      jsonContent(suspensionOutput, 'Suspended'),
    ),
    async (c) => {
      const suspension = await service.suspendAccount(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(presentSuspension(suspension), 201);
    },
  );
  api.openapi(
    createRoute({
      method: 'delete',
      path: '/suspensions/{id}',
      tags: ['moderation'],
      summary: 'Lift a suspension now (one already lifted or over is answered as it stands)',
      security: writeSecurity,
      request: { params: idParam },
      responses: { 200: jsonContent(suspensionOutput, 'Lifted'), 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const suspension = await service.liftSuspension(deps(c), c.get('actor'), c.req.valid('param').id);
      return c.json(presentSuspension(suspension), 200);
    },
  );
}
