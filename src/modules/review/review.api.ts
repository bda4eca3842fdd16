/** JSON API of independent review under /api/v1: engagements, reviewers, reports and their steps, units, recommendations, interviews, the scales. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { commentsOpen, SCALES, DIMENSIONS_OF, REVIEW_KINDS, SCALE_SETS } from '../../domain/review.js';
import { NotFoundError } from '../../errors.js';
import type { AppContext, AppEnv } from '../../web/context.js';
import { errorResponses, idParam, itemsOf, jsonBody, jsonContent, routeGroup, writeSecurity } from '../../web/openapi.js';
import { recordId } from '../../web/schemas.js';
import { maySeeInterviews } from './review.access.js';
import { publicRatingRows } from './review.ratings.js';
import { presentEngagement, presentReport, presentUnit, readinessOf } from './review.present.js';
import * as q from './review.queries.js';
import {
  clusterInput,
  correctionInput,
  declarationInput,
  engagementInput,
  engagementOutput,
  engagementPatch,
  interviewInput,
  interviewOutput,
  recommendationInput,
  recommendationOutput,
  recommendationPatch,
  recommendationResponse,
  reportInput,
  reportOutput,
  reportPatch,
  reviewerInput,
  splitInput,
  requirementOutput,
  requirementPatch,
  unitOutput,
  unitPatch,
  versionOnly,
} from './review.schemas.js';
import * as service from './review.service.js';

const depsOf = (c: AppContext): service.ReviewDeps => ({ db: c.get('services').db, now: c.get('services').now });
const errors = errorResponses({
  forbidden: 'Engagements: the secretariat. Reports, units, recommendations, interviews: the engagement’s reviewers only. Responses: the secretariat.',
  conflict: 'Stale version, or a step the report’s state does not allow (a published report never changes).',
});
const group = routeGroup(['independent review'], errors);

async function engagementBody(c: AppContext, id: number) {
  const db = c.get('services').db;
  const engagement = await q.findEngagement(db, id);
  if (!engagement) throw new NotFoundError();
  const [readiness, reports] = await Promise.all([readinessOf(db, engagement.planIds), service.visibleReports(db, c.get('actor'), { engagementId: id })]);
  return presentEngagement(engagement, readiness, reports);
}

async function reportBody(c: AppContext, id: number) {
  const db = c.get('services').db;
  const whole = await service.readReport(db, c.get('actor'), id);
  return presentReport(db, whole, commentsOpen(whole.report, c.get('services').now()));
}

const reviewerParams = z.object({
  id: recordId().openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
  userId: recordId().openapi({ param: { name: 'userId', in: 'path' }, example: 1 }),
});

const scalesOutput = z
  .object({
    scales: z.array(z.object({ dimension: z.string(), values: z.array(z.string()) })),
    dimensions: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
  })
  .openapi('ReviewScales');

export function reviewApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    group.list(
      { path: '/review-scales', summary: 'The rating scales (current and earlier IRM), and which dimensions each kind of report rates in each generation' },
      jsonContent(scalesOutput, 'The scales'),
    ),
    (c) =>
      c.json(
        {
          scales: Object.values(SCALES).map((s) => ({ dimension: s.dimension, values: [...s.values] })),
          dimensions: Object.fromEntries(REVIEW_KINDS.map((k) => [k, Object.fromEntries(SCALE_SETS.map((s) => [s, [...DIMENSIONS_OF[k][s]]]))])),
        },
        200,
      ),
  );
  api.openapi(
    group.list(
      {
        path: '/review-ratings',
        summary: 'Every unit rating of every report the public may see, one object a unit, keyed by OGP’s column names where the IRM has them (English labels)',
      },
      jsonContent(itemsOf(z.record(z.string(), z.union([z.string(), z.number()]))).openapi('ReviewRatings'), 'The ratings'),
    ),
    async (c) => c.json({ items: await publicRatingRows(c.get('services').db, 'en') }, 200),
  );
  api.openapi(
    group.list({ path: '/review-engagements', summary: 'Every review engagement, newest first' }, jsonContent(itemsOf(engagementOutput), 'The engagements')),
    async (c) => {
      const ids = await q.listEngagementIds(c.get('services').db);
      return c.json({ items: await Promise.all(ids.map((id) => engagementBody(c, id))) }, 200);
    },
  );
  api.openapi(
    group.readById(
      {
        path: '/review-engagements/{id}',
        summary: 'An engagement: plans, reviewers and their declarations, funding, the English-edition readiness gate, the reports the viewer may see',
      },
      jsonContent(engagementOutput, 'The engagement'),
    ),
    async (c) => c.json(await engagementBody(c, c.req.valid('param').id), 200),
  );
  api.openapi(
    group.add(
      { path: '/review-engagements', summary: 'Commission a review of one or more plans, with its period, terms of reference and funding (the secretariat)' },
      engagementInput,
      jsonContent(engagementOutput, 'Created'),
    ),
    async (c) => {
      const created = await service.createEngagement(depsOf(c), c.get('actor'), c.req.valid('json'));
      return c.json(await engagementBody(c, created.id), 201);
    },
  );
  api.openapi(
    group.update({ path: '/review-engagements/{id}', summary: 'Change an engagement (the secretariat)' }, engagementPatch, engagementOutput),
    async (c) => {
      const updated = await service.updateEngagement(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await engagementBody(c, updated.id), 200);
    },
  );
  api.openapi(
    group.write(
      {
        method: 'post',
        path: '/review-engagements/{id}/reviewers',
        summary: 'Add a reviewer, or change their role and declaration (the secretariat); accounts of the government are refused',
      },
      reviewerInput,
      { 200: jsonContent(engagementOutput, 'The engagement') },
    ),
    async (c) => {
      const updated = await service.putReviewer(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await engagementBody(c, updated.id), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'delete',
      path: '/review-engagements/{id}/reviewers/{userId}',
      tags: ['independent review'],
      summary: 'Remove a reviewer from the engagement (the secretariat); their role in it ends',
      security: writeSecurity,
      request: { params: reviewerParams },
      responses: { 200: jsonContent(engagementOutput, 'The engagement'), ...errors },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      const updated = await service.removeReviewer(depsOf(c), c.get('actor'), id, userId);
      return c.json(await engagementBody(c, updated.id), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'patch',
      path: '/review-engagements/{id}/reviewers/{userId}/declaration',
      tags: ['independent review'],
      summary: 'A reviewer changes their own public declaration: affiliations and declared interests (that reviewer only)',
      security: writeSecurity,
      request: { params: reviewerParams, ...jsonBody(declarationInput) },
      responses: { 200: jsonContent(engagementOutput, 'The engagement'), ...errors },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      const updated = await service.updateOwnDeclaration(depsOf(c), c.get('actor'), id, c.req.valid('json'), userId);
      return c.json(await engagementBody(c, updated.id), 200);
    },
  );
  api.openapi(
    group.addUnder(
      { path: '/review-engagements/{id}/reports', summary: 'Start a report on one of the engagement’s plans, with a unit per commitment (its reviewers)' },
      reportInput,
      jsonContent(reportOutput, 'Created, as a draft'),
    ),
    async (c) => {
      const whole = await service.createReport(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await reportBody(c, whole.report.id), 201);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/review-engagements/{id}/interviews',
      tags: ['independent review'],
      summary: 'The interview log (the engagement’s reviewers only)',
      security: writeSecurity,
      request: { params: idParam },
      responses: { 200: jsonContent(itemsOf(interviewOutput), 'The interviews'), 404: errors[404] },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      if (!maySeeInterviews(c.get('actor'), id)) throw new NotFoundError();
      return c.json({ items: await q.listInterviews(c.get('services').db, id) }, 200);
    },
  );
  api.openapi(
    group.addUnder(
      { path: '/review-engagements/{id}/interviews', summary: 'Log an interview (the engagement’s reviewers)' },
      interviewInput,
      jsonContent(interviewOutput, 'Logged'),
    ),
    async (c) => c.json(await service.addInterview(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  api.openapi(
    group.readById(
      {
        path: '/reviews/{id}',
        summary: 'A report with its units, ratings, figures and recommendations (a draft is 404 but to its reviewers and the secretariat)',
      },
      jsonContent(reportOutput, 'The report'),
    ),
    async (c) => c.json(await reportBody(c, c.req.valid('param').id), 200),
  );
  api.openapi(
    group.update(
      { path: '/reviews/{id}', summary: 'Change a report’s title, overview, comment days or change note (its reviewers; never once published)' },
      reportPatch,
      reportOutput,
    ),
    async (c) => {
      const updated = await service.updateReport(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await reportBody(c, updated.id), 200);
    },
  );
  const step = (path: string, summary: string, run: (deps: service.ReviewDeps, c: AppContext, id: number, version: number) => Promise<{ id: number }>) =>
    api.openapi(group.write({ method: 'post', path, summary }, versionOnly, { 200: jsonContent(reportOutput, 'The report') }), async (c) => {
      const done = await run(depsOf(c), c, c.req.valid('param').id, c.req.valid('json').version);
      return c.json(await reportBody(c, done.id), 200);
    });
  step('/reviews/{id}/comment-period', 'Open a draft’s public comment period now, for its number of days (its reviewers)', (deps, c, id, version) =>
    service.openCommentPeriod(deps, c.get('actor'), id, version),
  );
  step(
    '/reviews/{id}/publication',
    'Publish: a first edition after its comment period, a correction with its change note (its reviewers)',
    (deps, c, id, version) => service.publishReport(deps, c.get('actor'), id, version),
  );
  api.openapi(
    group.addUnder(
      { path: '/reviews/{id}/corrections', summary: 'Correct a published report: a new draft edition with a change note (its reviewers)' },
      correctionInput,
      jsonContent(reportOutput, 'The new edition'),
    ),
    async (c) => {
      const whole = await service.correctReport(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await reportBody(c, whole.report.id), 201);
    },
  );
  api.openapi(
    group.addUnder(
      { path: '/reviews/{id}/recommendations', summary: 'Add a numbered recommendation (its reviewers)' },
      recommendationInput,
      jsonContent(recommendationOutput, 'Added'),
    ),
    async (c) => c.json(await service.addRecommendation(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  api.openapi(
    group.addUnder(
      {
        path: '/reviews/{id}/clusters',
        summary: 'Cluster related units into one: the first keeps its ratings, the others’ commitments join it (its reviewers)',
      },
      clusterInput,
      jsonContent(unitOutput, 'The clustered unit'),
    ),
    async (c) => c.json(presentUnit(await service.clusterUnits(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), null), 201),
  );
  api.openapi(
    group.addUnder(
      { path: '/review-units/{id}/split', summary: 'Split a unit: a new unit after it, covering the same commitments, rated on its own (its reviewers)' },
      splitInput,
      jsonContent(unitOutput, 'The new unit'),
    ),
    async (c) => c.json(presentUnit(await service.splitUnit(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), null), 201),
  );
  api.openapi(
    group.update(
      { path: '/review-units/{id}', summary: 'Rate a unit on its report’s scales (its reviewers only; a unit rated Not verifiable takes no other rating)' },
      unitPatch,
      unitOutput,
    ),
    async (c) => c.json(presentUnit(await service.updateUnit(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), null), 200),
  );
  api.openapi(
    group.update(
      {
        path: '/review-requirements/{id}',
        summary: 'Assess a co-creation minimum requirement of an action plan review (its reviewers only; what the records said stays beside it)',
      },
      requirementPatch,
      requirementOutput,
    ),
    async (c) => {
      const { reportId: _report, ...requirement } = await service.updateRequirement(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(requirement, 200);
    },
  );
  api.openapi(
    group.update(
      { path: '/recommendations/{id}', summary: 'Change a recommendation’s words (its reviewers, before publication)' },
      recommendationPatch,
      recommendationOutput,
    ),
    async (c) => c.json(await service.updateRecommendation(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  api.openapi(
    group.write(
      {
        method: 'patch',
        path: '/recommendations/{id}/response',
        summary: 'The government’s response to a published recommendation: tracking, answer, the commitment where it landed (the secretariat)',
      },
      recommendationResponse,
      { 200: jsonContent(recommendationOutput, 'Updated') },
    ),
    async (c) => c.json(await service.respondToRecommendation(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
