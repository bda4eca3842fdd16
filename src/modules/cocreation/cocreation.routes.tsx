/** HTML pages of co-creation, in both languages: the plan's co-creation page, the phase forms, and the plan page's section. */
import { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import { PHASE_KINDS, type Phase } from '../../domain/cocreation.js';
import { taipeiDay } from '../../domain/monitoring.js';
import type { ActionPlan } from '../../domain/plan.js';
import { NotFoundError } from '../../errors.js';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { t } from '../../web/i18n.js';
import { freshForm, handleDelete, handleEditForm, handleForm, positiveInt, requirePermission, type EditFormPage } from '../../web/form-handler.js';
import { pageCache } from '../../web/page-cache.js';
import { renderSections } from '../../web/sections.js';
import { coCreationPath, coCreationSectionPath, phasePath } from '../../web/paths.js';
import { PlanHistoryPage, readPlanHistory, type EntityType } from '../history/index.js';
import { planBySlug, planQueries as planQ, type PlanPageData } from '../plans/index.js';
import { phaseLabel } from './cocreation.format.js';
import { phaseForm, type PhaseFormValues } from './cocreation.forms.js';
import * as q from './cocreation.queries.js';
import { phaseInput, phasePatch } from './cocreation.schemas.js';
import * as service from './cocreation.service.js';
import { CoCreationPage } from './views/co-creation.js';
import { PhaseFormPage } from './views/phase-form.js';
import { DevelopmentFiguresSection } from './views/plan-section.js';

const db = (c: AppContext) => c.get('services').db;
const deps = (c: AppContext) => ({ db: db(c), now: c.get('services').now });
const today = (c: AppContext) => taipeiDay(c.get('services').now());

/** What the co-creation page has read, for the sections other modules add to its record (participation's response figures). */
export interface CoCreationPageData {
  plan: ActionPlan;
}

declare module '../../web/sections.js' {
  interface PageSlots {
    /** Sections after the co-creation record (before the working groups and the checklist). */
    cocreation: CoCreationPageData;
  }
}

/** The plan of the path and its phase `:id` (404 when the phase is another plan's). */
async function phaseOf(c: AppContext): Promise<{ plan: ActionPlan; phase: Phase }> {
  const plan = await planBySlug(c);
  const phase = await q.findPhaseById(db(c), positiveInt(c.req.param('id')) ?? 0);
  if (!phase || phase.planId !== plan.id) throw new NotFoundError();
  return { plan, phase };
}

/** The plan page's section beside the development-process text. */
export async function developmentFiguresSection(c: AppContext, { plan }: PlanPageData) {
  const figures = await service.developmentFigures(db(c), plan.id, c.get('services').now());
  return { section: <DevelopmentFiguresSection plan={plan} phases={figures.phases} record={figures.record} lang={c.get('lang')} /> };
}

/** What the co-creation history page lists: the phases, and the forum's meetings (entity type 'meeting'). */
const COCREATION_HISTORY_TYPES: readonly EntityType[] = ['phase', 'meeting'];

export function cocreationPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  app.get('/plans/:slug/co-creation', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const [overview, extra] = await Promise.all([service.coCreationOverview(db(c), plan, c.get('services').now()), renderSections(c, 'cocreation', { plan })]);
    const commitmentIds = overview.workingGroups.flatMap((g) => g.commitmentIds);
    const labels = await planQ.commitmentLabels(db(c), commitmentIds);
    return c.html(
      <CoCreationPage
        ctx={pageContext(c)}
        plan={plan}
        overview={overview}
        commitmentNumbers={new Map([...labels].map(([id, label]) => [id, label.number]))}
        canManage={can(c.get('actor'), 'phase.manage', { planId: plan.id })}
        sections={extra.sections}
      />,
    );
  });

  // ---- the history of the plan's phases and of the forum's meetings that make its record ----
  app.get('/plans/:slug/co-creation/history', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const lang = c.get('lang');
    const entries = await readPlanHistory(db(c), c.get('actor'), plan.id, COCREATION_HISTORY_TYPES);
    const names = new Map<string, string>(PHASE_KINDS.map((kind) => [`kind:${kind}`, phaseLabel(kind, lang)]));
    const title = t(lang, 'cocreation.title');
    return c.html(<PlanHistoryPage ctx={pageContext(c)} plan={plan} of={{ title, path: coCreationPath(plan) }} entries={entries} names={names} />);
  });

  const renderPhaseForm = async (c: AppContext, plan: ActionPlan, phase: Phase | null, values: PhaseFormValues, state = freshForm) =>
    c.html(<PhaseFormPage ctx={pageContext(c)} plan={plan} phase={phase} values={values} errors={state.errors} conflict={state.conflict} />, state.status);
  const phaseEditPage = (c: AppContext, plan: ActionPlan, phase: Phase): EditFormPage<Phase, PhaseFormValues> => ({
    form: phaseForm,
    reload: async () => (await q.findPhaseById(db(c), phase.id)) ?? phase,
    render: (current, values, state) => renderPhaseForm(c, plan, current, values, state),
  });

  app.get('/plans/:slug/co-creation/phases/new', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'phase.manage', { planId: plan.id });
    return renderPhaseForm(c, plan, null, phaseForm.empty(today(c)));
  });
  app.post('/plans/:slug/co-creation/phases/new', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: phaseInput,
      toInput: phaseForm.input,
      run: (input) => service.createPhase(deps(c), c.get('actor'), plan.id, input),
      redirectTo: (phase) => phasePath(plan, phase),
      render: (state) => renderPhaseForm(c, plan, null, phaseForm.posted(state.body, phaseForm.empty(today(c))), state),
    });
  });

  app.get('/plans/:slug/co-creation/phases/:id/edit', async (c) => {
    const { plan, phase } = await phaseOf(c);
    requirePermission(c, 'phase.manage', { planId: plan.id });
    return renderPhaseForm(c, plan, phase, phaseForm.values(phase));
  });
  app.post('/plans/:slug/co-creation/phases/:id/edit', async (c) => {
    const { plan, phase } = await phaseOf(c);
    return handleEditForm(c, {
      ...phaseEditPage(c, plan, phase),
      schema: phasePatch,
      run: (input) => service.updatePhase(deps(c), c.get('actor'), phase.id, input),
      redirectTo: (updated) => phasePath(plan, updated),
    });
  });
  app.post('/plans/:slug/co-creation/phases/:id/delete', async (c) => {
    const { plan, phase } = await phaseOf(c);
    return handleDelete(c, {
      ...phaseEditPage(c, plan, phase),
      run: (version) => service.deletePhase(deps(c), c.get('actor'), phase.id, version),
      redirectTo: coCreationSectionPath(plan, 'timeline'),
    });
  });

  return app;
}
