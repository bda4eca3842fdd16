/** HTML pages for plans, commitments, milestones and agencies, in both languages; forms post back here. */
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { can, lockedFieldsFor } from '../../domain/authorization.js';
import { pick } from '../../domain/localized.js';
import { COMMITMENT_STATUSES, OGP_VALUES, type ActionPlan, type Agency, type Commitment, type Milestone } from '../../domain/plan.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { handleForm, overlay, positiveInt, requirePermission, versionFromForm } from '../../web/form-handler.js';
import { pageCache } from '../../web/page-cache.js';
import type { FieldErrors } from '../../web/components.js';
import { href, pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { listValue } from '../../web/forms.js';
import { fieldMessages } from '../../web/validation.js';
import { readCommitmentHistory } from '../history/history.queries.js';
import { HistoryPage } from '../history/history.views.js';
import { agencyByCode, commitmentByNumber, planBySlug } from './plans.lookups.js';
import * as q from './plans.queries.js';
import { areaInput, commitmentInput, milestoneInput, planInput, withVersion } from './plans.schemas.js';
import * as service from './plans.service.js';
import {
  AgenciesPage,
  AgencyPage,
  AreaFormPage,
  CommitmentFormPage,
  CommitmentPage,
  HomePage,
  MilestoneFormPage,
  PlanFormPage,
  PlanPage,
  commitmentPath,
  planPath,
  type CommitmentFormValues,
} from './plans.views.js';

const db = (c: AppContext) => c.get('services').db;



const agencyMap = (agencies: Agency[]) => new Map(agencies.map((a) => [a.id, a]));

/** Form fields as the API's JSON shape: nested localized pairs, lists, links parsed from lines. */
function commitmentFormInput(body: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = { ...body };
  for (const key of ['coAgencyIds', 'ogpValues'] as const) if (key in body) input[key] = listValue(body[key]);
  if (typeof body.sdgTargets === 'string') input.sdgTargets = body.sdgTargets.split(/[,，、\s]+/).filter(Boolean);
  if (typeof body.links === 'string')
    input.links = body.links
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const at = line.lastIndexOf(' ');
        return at === -1 ? { title: '', url: line } : { title: line.slice(0, at).trim(), url: line.slice(at + 1) };
      });
  return input;
}

export interface PlanPagesOptions {
  /** Sections other capabilities add to a commitment's page, and the feeds it offers. */
  commitmentExtra?: (c: AppContext, page: CommitmentPageData) => Promise<{ section: Child; feeds: { title: string; path: string }[] }>;
}

/** What the commitment page has already read, so an extra section need not read it again. */
export interface CommitmentPageData {
  plan: ActionPlan;
  commitment: Commitment;
  milestones: Milestone[];
  agencies: Agency[];
}

export function planPages(options: PlanPagesOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  app.get('/', async (c) => {
    const [plans, members] = await Promise.all([q.listPlans(db(c)), q.listMembers(db(c))]);
    const counts = await Promise.all(plans.map((p) => q.summarizePlanCommitments(db(c), p.id)));
    return c.html(
      <HomePage
        ctx={pageContext(c)}
        members={members}
        plans={plans.map((plan, i) => ({ plan, commitmentCount: counts[i]?.total ?? 0 }))}
        canCreate={can(c.get('actor'), 'plan.create')}
      />,
    );
  });

  // ---- plan ----
  const renderPlanForm = async (c: AppContext, plan: ActionPlan | null, values: Parameters<typeof PlanFormPage>[0]['values'], errors: FieldErrors, conflict: boolean, status: 200 | 400 | 409) =>
    c.html(<PlanFormPage ctx={pageContext(c)} plan={plan} members={await q.listMembers(db(c))} values={values} errors={errors} conflict={conflict} />, status);

  const emptyPlanValues = () => {
    const empty = { zh: '', en: '', status: 'missing' as const };
    return { slug: '', memberId: 0, title: empty, periodStart: '', periodEnd: '', status: 'drafting' as const, introduction: empty, effortsToDate: empty, developmentProcess: empty, commitmentsIntro: empty };
  };

  app.get('/plans/new', async (c) => {
    requirePermission(c, 'plan.create');
    return renderPlanForm(c, null, emptyPlanValues(), {}, false, 200);
  });
  app.post('/plans/new', (c) =>
    handleForm(c, {
      schema: planInput,
      run: (input) => service.createPlan({ db: db(c) }, c.get('actor'), input),
      redirectTo: (plan) => planPath(plan),
      render: ({ submitted, errors, status }) => renderPlanForm(c, null, overlay(emptyPlanValues(), submitted), errors, false, status === 409 ? 400 : status),
    }),
  );

  app.get('/plans/:slug', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const filters = {
      area: positiveInt(c.req.query('area')),
      agency: positiveInt(c.req.query('agency')),
      value: OGP_VALUES.find((v) => v === c.req.query('value')),
      status: COMMITMENT_STATUSES.find((s) => s === c.req.query('status')),
    };
    const [members, areas, agencies, summary, shown] = await Promise.all([
      q.listMembers(db(c)),
      q.listAreas(db(c), plan.id),
      q.listAgencies(db(c)),
      q.summarizePlanCommitments(db(c), plan.id),
      q.listCommitmentSummaries(db(c), { planId: plan.id, areaId: filters.area, agencyId: filters.agency, ogpValue: filters.value, status: filters.status }),
    ]);
    const leadIds = new Set(summary.leadAgencyIds);
    return c.html(
      <PlanPage
        ctx={pageContext(c)}
        plan={plan}
        member={members.find((m) => m.id === plan.memberId)}
        areas={areas}
        commitments={shown}
        total={summary.total}
        agencies={agencyMap(agencies)}
        leadAgencies={agencies.filter((a) => leadIds.has(a.id))}
        filters={filters}
        canEditPlan={can(c.get('actor'), 'plan.update')}
      />,
    );
  });

  app.get('/plans/:slug/edit', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'plan.update');
    return renderPlanForm(c, plan, plan, {}, false, 200);
  });
  app.post('/plans/:slug/edit', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: withVersion(planInput),
      run: (input) => service.updatePlan({ db: db(c) }, c.get('actor'), plan.id, input),
      redirectTo: (updated) => planPath(updated),
      render: async ({ submitted, errors, conflict, status }) => {
        const current = (await q.findPlanById(db(c), plan.id)) ?? plan;
        return renderPlanForm(c, current, conflict ? current : { ...overlay(current, submitted), version: current.version }, errors, conflict, status);
      },
    });
  });

  // ---- areas ----
  const emptyArea = () => ({ position: 0, title: { zh: '', en: '', status: 'missing' as const }, description: { zh: '', en: '', status: 'missing' as const } });

  app.get('/plans/:slug/areas/new', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'area.create');
    const position = (await q.listAreas(db(c), plan.id)).length + 1;
    return c.html(<AreaFormPage ctx={pageContext(c)} plan={plan} area={null} values={{ ...emptyArea(), position }} errors={{}} />);
  });
  app.post('/plans/:slug/areas/new', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: areaInput,
      run: (input) => service.createArea({ db: db(c) }, c.get('actor'), plan.id, input),
      redirectTo: () => `${planPath(plan)}#commitments`,
      render: async ({ submitted, errors }) =>
        c.html(<AreaFormPage ctx={pageContext(c)} plan={plan} area={null} values={overlay(emptyArea(), submitted)} errors={errors} />, 400),
    });
  });
  const areaOf = async (c: AppContext, plan: ActionPlan) => {
    const area = await q.findAreaById(db(c), positiveInt(c.req.param('areaId')) ?? 0);
    if (!area || area.planId !== plan.id) throw new NotFoundError();
    return area;
  };
  app.get('/plans/:slug/areas/:areaId/edit', async (c) => {
    const plan = await planBySlug(c);
    const area = await areaOf(c, plan);
    requirePermission(c, 'area.update');
    return c.html(<AreaFormPage ctx={pageContext(c)} plan={plan} area={area} values={area} errors={{}} />);
  });
  app.post('/plans/:slug/areas/:areaId/edit', async (c) => {
    const plan = await planBySlug(c);
    const area = await areaOf(c, plan);
    return handleForm(c, {
      schema: withVersion(areaInput),
      run: (input) => service.updateArea({ db: db(c) }, c.get('actor'), area.id, input),
      redirectTo: () => `${planPath(plan)}#area-${area.id}`,
      render: async ({ submitted, errors, conflict, status }) => {
        const current = (await q.findAreaById(db(c), area.id)) ?? area;
        const values = conflict ? current : { ...overlay(current, submitted), version: current.version };
        return c.html(<AreaFormPage ctx={pageContext(c)} plan={plan} area={current} values={values} errors={errors} conflict={conflict} />, status);
      },
    });
  });
  app.post('/plans/:slug/areas/:areaId/delete', async (c) => {
    const plan = await planBySlug(c);
    const area = await areaOf(c, plan);
    const version = await versionFromForm(c);
    try {
      await service.deleteArea({ db: db(c) }, c.get('actor'), area.id, version);
    } catch (error) {
      if (error instanceof ValidationError || error instanceof ConflictError) {
        const errors: FieldErrors = error instanceof ValidationError ? { title: Object.values(fieldMessages(error, c.get('lang')))[0] ?? '' } : {};
        return c.html(<AreaFormPage ctx={pageContext(c)} plan={plan} area={area} values={area} errors={errors} conflict={error instanceof ConflictError} />, error.status === 409 ? 409 : 400);
      }
      throw error;
    }
    return c.redirect(href(c.get('lang'), planPath(plan)), 303);
  });

  // ---- commitments ----
  const renderCommitmentForm = async (
    c: AppContext,
    plan: ActionPlan,
    commitment: Commitment | null,
    values: CommitmentFormValues,
    errors: FieldErrors,
    conflict: boolean,
    status: 200 | 400 | 409,
  ) => {
    const [areas, agencies] = await Promise.all([q.listAreas(db(c), plan.id), q.listAgencies(db(c))]);
    return c.html(
      <CommitmentFormPage
        ctx={pageContext(c)}
        plan={plan}
        commitment={commitment}
        areas={areas}
        agencies={agencies}
        actor={c.get('actor')}
        lockedFields={commitment ? lockedFieldsFor(c.get('actor')) : []}
        values={values}
        errors={errors}
        conflict={conflict}
      />,
      status,
    );
  };
  const emptyCommitmentValues = (): CommitmentFormValues => {
    const empty = { zh: '', en: '', status: 'missing' as const };
    return {
      areaId: 0, number: '', ogpId: null, title: empty, startDate: '', endDate: '', leadAgencyId: 0, coAgencyIds: [],
      contact: { name: '', title: '', email: '', phone: '' }, otherActors: empty, problem: empty, objective: empty, briefDescription: empty,
      description: empty, contribution: empty, ogpValues: [], sdgTargets: [], budgetAmount: null, budgetCurrency: null, budgetNote: empty,
      links: [], origin: 'government', status: 'not-started',
    };
  };

  app.get('/plans/:slug/commitments/new', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'commitment.create');
    return renderCommitmentForm(c, plan, null, { ...emptyCommitmentValues(), startDate: plan.periodStart, endDate: plan.periodEnd }, {}, false, 200);
  });
  app.post('/plans/:slug/commitments/new', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: commitmentInput,
      toInput: commitmentFormInput,
      run: (input) => service.createCommitment({ db: db(c) }, c.get('actor'), plan.id, input),
      redirectTo: (created) => commitmentPath(plan, created),
      render: ({ submitted, errors }) => renderCommitmentForm(c, plan, null, overlay(emptyCommitmentValues(), submitted), errors, false, 400),
    });
  });

  app.get('/plans/:slug/commitments/:number', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    const [areas, agencies, milestones, transfers] = await Promise.all([
      q.listAreas(db(c), plan.id),
      q.listAgencies(db(c)),
      q.listMilestones(db(c), commitment.id),
      q.listTransfers(db(c), commitment.id),
    ]);
    const extra = await options.commitmentExtra?.(c, { plan, commitment, milestones, agencies });
    const actor = c.get('actor');
    return c.html(
      <CommitmentPage
        ctx={pageContext(c)}
        plan={plan}
        area={areas.find((a) => a.id === commitment.areaId)}
        commitment={commitment}
        milestones={milestones}
        agencies={agencyMap(agencies)}
        canEdit={can(actor, 'commitment.update', { leadAgencyId: commitment.leadAgencyId })}
        canEditMilestones={can(actor, 'milestone.update', { leadAgencyId: commitment.leadAgencyId })}
        canTransfer={can(actor, 'commitment.transfer')}
        transfers={transfers}
        extra={extra?.section}
        feeds={extra?.feeds}
      />,
    );
  });

  app.get('/plans/:slug/commitments/:number/history', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    const lang = c.get('lang');
    const [entries, agencies, areas] = await Promise.all([readCommitmentHistory(db(c), c.get('actor'), commitment.id), q.listAgencies(db(c)), q.listAreas(db(c), plan.id)]);
    const names = new Map<string, string>();
    for (const a of agencies) {
      names.set(`leadAgencyId:${a.id}`, pick(a.name, lang));
      names.set(`coAgencyIds:${a.id}`, pick(a.name, lang));
    }
    for (const a of areas) names.set(`areaId:${a.id}`, pick(a.title, lang));
    const title = `${commitment.number} ${pick(commitment.title, lang)}`;
    return c.html(
      <HistoryPage
        ctx={pageContext(c)}
        title={title}
        crumbs={[{ label: pick(plan.title, lang), path: planPath(plan) }, { label: title, path: commitmentPath(plan, commitment) }]}
        backPath={commitmentPath(plan, commitment)}
        entries={entries}
        names={names}
      />,
    );
  });

  app.get('/plans/:slug/commitments/:number/edit', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    requirePermission(c, 'commitment.update', { leadAgencyId: commitment.leadAgencyId });
    return renderCommitmentForm(c, plan, commitment, commitment, {}, false, 200);
  });
  app.post('/plans/:slug/commitments/:number/edit', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    return handleForm(c, {
      schema: withVersion(commitmentInput),
      toInput: commitmentFormInput,
      run: (input) => service.updateCommitment({ db: db(c) }, c.get('actor'), commitment.id, input),
      redirectTo: (updated) => commitmentPath(plan, updated),
      render: async ({ submitted, errors, conflict, status }) => {
        const current = (await q.findCommitmentById(db(c), commitment.id)) ?? commitment;
        const values = conflict ? current : { ...overlay(current, submitted), version: current.version };
        return renderCommitmentForm(c, plan, current, values, errors, conflict, status);
      },
    });
  });
  app.post('/plans/:slug/commitments/:number/delete', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    const version = await versionFromForm(c);
    try {
      await service.deleteCommitment({ db: db(c) }, c.get('actor'), commitment.id, version);
    } catch (error) {
      if (error instanceof ConflictError) {
        const current = (await q.findCommitmentById(db(c), commitment.id)) ?? commitment;
        return renderCommitmentForm(c, plan, current, current, {}, true, 409);
      }
      throw error;
    }
    return c.redirect(href(c.get('lang'), planPath(plan)), 303);
  });

  // ---- milestones ----
  const milestoneOf = async (c: AppContext, commitment: Commitment) => {
    const milestone = await q.findMilestoneById(db(c), positiveInt(c.req.param('milestoneId')) ?? 0);
    if (!milestone || milestone.commitmentId !== commitment.id) throw new NotFoundError();
    return milestone;
  };
  const emptyMilestone = (commitment: Commitment) => {
    const empty = { zh: '', en: '', status: 'missing' as const };
    return { position: 0, deliverable: empty, indicator: empty, target: empty, startDate: commitment.startDate, endDate: commitment.endDate, weight: null };
  };

  app.get('/plans/:slug/commitments/:number/milestones/new', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    requirePermission(c, 'milestone.update', { leadAgencyId: commitment.leadAgencyId });
    const position = (await q.nextMilestonePosition(db(c), commitment.id));
    return c.html(<MilestoneFormPage ctx={pageContext(c)} plan={plan} commitment={commitment} milestone={null} values={{ ...emptyMilestone(commitment), position }} errors={{}} />);
  });
  app.post('/plans/:slug/commitments/:number/milestones/new', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    return handleForm(c, {
      schema: milestoneInput,
      toInput: (b) => ({ ...b, position: b.position === '' ? undefined : b.position }),
      run: (input) => service.createMilestone({ db: db(c) }, c.get('actor'), commitment.id, input),
      redirectTo: (m) => `${commitmentPath(plan, commitment)}#m${m.id}`,
      render: async ({ submitted, errors }) =>
        c.html(<MilestoneFormPage ctx={pageContext(c)} plan={plan} commitment={commitment} milestone={null} values={overlay(emptyMilestone(commitment), submitted)} errors={errors} />, 400),
    });
  });
  app.get('/plans/:slug/commitments/:number/milestones/:milestoneId/edit', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    const milestone = await milestoneOf(c, commitment);
    requirePermission(c, 'milestone.update', { leadAgencyId: commitment.leadAgencyId });
    return c.html(<MilestoneFormPage ctx={pageContext(c)} plan={plan} commitment={commitment} milestone={milestone} values={milestone} errors={{}} />);
  });
  app.post('/plans/:slug/commitments/:number/milestones/:milestoneId/edit', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    const milestone = await milestoneOf(c, commitment);
    return handleForm(c, {
      schema: withVersion(milestoneInput),
      run: (input) => service.updateMilestone({ db: db(c) }, c.get('actor'), milestone.id, input),
      redirectTo: (m) => `${commitmentPath(plan, commitment)}#m${m.id}`,
      render: async ({ submitted, errors, conflict, status }) => {
        const current = (await q.findMilestoneById(db(c), milestone.id)) ?? milestone;
        const values = conflict ? current : { ...overlay(current, submitted), version: current.version };
        return c.html(<MilestoneFormPage ctx={pageContext(c)} plan={plan} commitment={commitment} milestone={current} values={values} errors={errors} conflict={conflict} />, status);
      },
    });
  });
  app.post('/plans/:slug/commitments/:number/milestones/:milestoneId/delete', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    const milestone = await milestoneOf(c, commitment);
    const version = await versionFromForm(c);
    try {
      await service.deleteMilestone({ db: db(c) }, c.get('actor'), milestone.id, version);
    } catch (error) {
      if (error instanceof ConflictError) {
        const current = (await q.findMilestoneById(db(c), milestone.id)) ?? milestone;
        return c.html(<MilestoneFormPage ctx={pageContext(c)} plan={plan} commitment={commitment} milestone={current} values={current} errors={{}} conflict />, 409);
      }
      throw error;
    }
    return c.redirect(href(c.get('lang'), commitmentPath(plan, commitment)), 303);
  });

  // ---- agencies ----
  app.get('/agencies', async (c) => {
    const [agencies, all] = await Promise.all([q.listAgencies(db(c)), q.listCommitmentSummaries(db(c), {})]);
    const counts = new Map<number, number>();
    for (const x of all) for (const id of [x.leadAgencyId, ...x.coAgencyIds]) counts.set(id, (counts.get(id) ?? 0) + 1);
    return c.html(<AgenciesPage ctx={pageContext(c)} agencies={agencies} counts={counts} />);
  });
  app.get('/agencies/:code', async (c) => {
    const agency = await agencyByCode(c);
    const [items, plans, successor] = await Promise.all([
      q.listCommitmentSummaries(db(c), { agencyId: agency.id }),
      q.listPlans(db(c)),
      agency.successorId ? q.findAgencyById(db(c), agency.successorId) : Promise.resolve(undefined),
    ]);
    return c.html(
      <AgencyPage ctx={pageContext(c)} agency={agency} successor={successor} commitments={items} plans={new Map(plans.map((p) => [p.id, p]))} canTransfer={can(c.get('actor'), 'commitment.transfer')} />,
    );
  });

  return app;
}
