/** The self-assessment's API: a plan's assessments, one assessment, the secretariat's writes and steps. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { commentsOpen } from '../../domain/review.js';
import { NotFoundError } from '../../errors.js';
import type { AppContext, AppEnv } from '../../web/context.js';
import { errorResponses, itemsOf, jsonContent, routeGroup } from '../../web/openapi.js';
import { planQueries } from '../plans/index.js';
import type { SelfAssessmentEntry, SelfAssessmentWhole } from './selfassessment.model.js';
import { selfAssessmentPath } from './selfassessment.paths.js';
import { entryOutput, entryPatch, selfAssessmentInput, selfAssessmentOutput, selfAssessmentPatch, versionOnly } from './selfassessment.schemas.js';
import * as service from './selfassessment.service.js';

const depsOf = (c: AppContext): service.SelfAssessmentDeps => ({ db: c.get('services').db, now: c.get('services').now });
const errors = errorResponses({
  forbidden: 'The secretariat writes the self-assessment.',
  conflict: 'Stale version, or a step the assessment’s state does not allow (a published assessment never changes).',
});
const group = routeGroup(['self-assessment'], errors);

const presentEntry = ({ assessmentId: _a, ...e }: SelfAssessmentEntry) => e;

export const presentSelfAssessment = ({ assessment: a, entries }: SelfAssessmentWhole, now: Date) => ({
  id: a.id,
  planId: a.planId,
  year: a.year,
  state: a.state,
  title: a.title,
  summary: a.summary,
  commentDays: a.commentDays,
  commentOpensAt: a.commentOpensAt?.toISOString() ?? null,
  commentClosesAt: a.commentClosesAt?.toISOString() ?? null,
  commentsOpen: commentsOpen(a, now),
  publishedAt: a.publishedAt?.toISOString() ?? null,
  entries: entries.map(presentEntry),
  url: selfAssessmentPath(a),
  version: a.version,
});

async function body(c: AppContext, id: number) {
  return presentSelfAssessment(await service.readSelfAssessment(c.get('services').db, c.get('actor'), id), c.get('services').now());
}

export function selfAssessmentApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    group.readById(
      { path: '/plans/{id}/self-assessments', summary: 'A plan’s yearly self-assessments the viewer may see (drafts: the secretariat), latest year first' },
      jsonContent(itemsOf(selfAssessmentOutput), 'The self-assessments'),
    ),
    async (c) => {
      const db = c.get('services').db;
      const planId = c.req.valid('param').id;
      if (!(await planQueries.findPlanById(db, planId))) throw new NotFoundError();
      const visible = await service.visibleSelfAssessments(db, c.get('actor'), planId);
      return c.json({ items: await Promise.all(visible.map((a) => body(c, a.id))) }, 200);
    },
  );
  api.openapi(
    group.addUnder(
      {
        path: '/plans/{id}/self-assessments',
        summary: 'Start the plan’s self-assessment of a year: one entry per commitment, its status prefilled from the monitoring (the secretariat)',
      },
      selfAssessmentInput,
      jsonContent(selfAssessmentOutput, 'Created'),
    ),
    async (c) => {
      const created = await service.createSelfAssessment(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(presentSelfAssessment(created, c.get('services').now()), 201);
    },
  );
  api.openapi(
    group.readById(
      { path: '/self-assessments/{id}', summary: 'A self-assessment with its entries (a draft: the secretariat only)' },
      jsonContent(selfAssessmentOutput, 'The self-assessment'),
    ),
    async (c) => c.json(await body(c, c.req.valid('param').id), 200),
  );
  api.openapi(
    group.update(
      { path: '/self-assessments/{id}', summary: 'Change the title, summary or comment days (the secretariat; not once published)' },
      selfAssessmentPatch,
      selfAssessmentOutput,
    ),
    async (c) => {
      const updated = await service.updateSelfAssessment(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await body(c, updated.id), 200);
    },
  );
  api.openapi(
    group.write(
      { method: 'post', path: '/self-assessments/{id}/comment-period', summary: 'Open the draft’s public comment period now (the secretariat)' },
      versionOnly,
      { 200: jsonContent(selfAssessmentOutput, 'Open for comment') },
    ),
    async (c) => {
      const updated = await service.openCommentPeriod(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json').version);
      return c.json(await body(c, updated.id), 200);
    },
  );
  api.openapi(
    group.write(
      {
        method: 'post',
        path: '/self-assessments/{id}/publication',
        summary: 'Publish once the comment period has closed (the secretariat); it never changes after',
      },
      versionOnly,
      { 200: jsonContent(selfAssessmentOutput, 'Published') },
    ),
    async (c) => {
      const updated = await service.publishSelfAssessment(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json').version);
      return c.json(await body(c, updated.id), 200);
    },
  );
  api.openapi(
    group.update(
      { path: '/self-assessment-entries/{id}', summary: 'A commitment’s entry: its status as the government states it, and the narrative (the secretariat)' },
      entryPatch,
      entryOutput,
    ),
    async (c) => c.json(presentEntry(await service.updateEntry(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'))), 200),
  );
}
