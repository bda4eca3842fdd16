/** JSON API of co-creation under /api/v1: a plan's phases, record and checklist; writes of its phases. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { noticeDays, publishedInAdvance, type Evidence, type Finding, type Phase } from '../../domain/cocreation.js';
import type { Lang } from '../../domain/localized.js';
import type { ActionPlan } from '../../domain/plan.js';
import { NotFoundError } from '../../errors.js';
import type { AppEnv } from '../../web/context.js';
import { t } from '../../web/i18n.js';
import { errorResponses, jsonContent, routeGroup } from '../../web/openapi.js';
import { coCreationPath, forumRulesPath, meetingPath, phasePath, workingGroupsPath } from '../../web/paths.js';
import { planQueries as planQ } from '../plans/index.js';
import { findingParams } from './cocreation.format.js';
import { coCreationOutput, phaseInput, phaseOutput, phasePatch } from './cocreation.schemas.js';
import * as service from './cocreation.service.js';

type Db = AppEnv['Variables']['services']['db'];

// ---- presenters: the JSON the API promises, built explicitly ----

export const presentPhase = (p: Phase, plan: Pick<ActionPlan, 'slug'>) => ({
  id: p.id,
  planId: p.planId,
  kind: p.kind,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  publishedOn: p.publishedOn,
  noticeDays: noticeDays(p),
  publishedInAdvance: publishedInAdvance(p),
  description: p.description,
  isDemo: p.isDemo,
  version: p.version,
  url: phasePath(plan, p),
});

/** Where a piece of evidence is shown: a meeting's page, a phase's row, the forum's rules, the working groups. */
export function evidenceUrl(e: Evidence, plan: Pick<ActionPlan, 'slug'>): string {
  switch (e.kind) {
    case 'meeting':
      return meetingPath(plan, e);
    case 'phase':
      return phasePath(plan, e);
    case 'rules':
      return forumRulesPath(plan);
    case 'working-groups':
      return workingGroupsPath(plan);
  }
}

const presentFinding = (f: Finding, plan: Pick<ActionPlan, 'slug'>, lang: Lang) => ({
  requirement: f.requirement,
  status: f.status,
  reason: f.reason,
  summary: t(lang, `cocreation.reason.${f.reason}`, findingParams(f, lang)),
  params: f.params,
  evidence: f.evidence.map((e) => ({
    kind: e.kind,
    id: e.kind === 'meeting' || e.kind === 'phase' ? e.id : null,
    date: e.kind === 'working-groups' ? null : e.date,
    count: e.kind === 'working-groups' ? e.count : null,
    url: evidenceUrl(e, plan),
  })),
});

// ---- routes ----

const errors = errorResponses({ forbidden: 'Only the secretariat, administrators and the co-conveners of the plan’s forum keep its co-creation timeline.' });
const phaseRoutes = routeGroup(['co-creation'], errors);

async function planOrThrow(db: Db, id: number): Promise<ActionPlan> {
  const plan = await planQ.findPlanById(db, id);
  if (!plan) throw new NotFoundError();
  return plan;
}

export function cocreationApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    phaseRoutes.readById(
      {
        path: '/plans/{id}/co-creation',
        summary:
          'A plan’s co-creation: its phases (timeline), the record computed from its meetings (場次, 人次 by phase, stakeholder group and region; working groups) and the minimum-requirements checklist, as of today',
      },
      jsonContent(coCreationOutput, 'The co-creation record'),
    ),
    async (c) => {
      const { db, now } = c.get('services');
      const plan = await planOrThrow(db, c.req.valid('param').id);
      const overview = await service.coCreationOverview(db, plan, now());
      const lang = c.get('lang');
      return c.json(
        {
          planId: plan.id,
          asOf: overview.today,
          phases: overview.phases.map((p) => presentPhase(p, plan)),
          record: { ...overview.record, workingGroups: overview.workingGroups },
          checklist: overview.checklist.map((f) => presentFinding(f, plan, lang)),
          url: coCreationPath(plan),
        },
        200,
      );
    },
  );
  api.openapi(
    phaseRoutes.addUnder(
      { path: '/plans/{id}/phases', summary: 'Add a phase to a plan’s co-creation timeline' },
      phaseInput,
      jsonContent(phaseOutput, 'Created'),
    ),
    async (c) => {
      const { db, now } = c.get('services');
      const phase = await service.createPhase({ db, now }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(presentPhase(phase, await planOrThrow(db, phase.planId)), 201);
    },
  );
  api.openapi(phaseRoutes.update({ path: '/phases/{id}', summary: 'Update a phase (send the version you edited)' }, phasePatch, phaseOutput), async (c) => {
    const { db, now } = c.get('services');
    const phase = await service.updatePhase({ db, now }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(presentPhase(phase, await planOrThrow(db, phase.planId)), 200);
  });
  api.openapi(phaseRoutes.delete({ path: '/phases/{id}', summary: 'Delete a phase from the timeline' }), async (c) => {
    const { db, now } = c.get('services');
    await service.deletePhase({ db, now }, c.get('actor'), c.req.valid('param').id, c.req.valid('query').version);
    return c.body(null, 204);
  });
}
