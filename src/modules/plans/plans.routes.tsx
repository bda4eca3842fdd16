/** HTML pages for plans, commitments, milestones and agencies, in both languages; forms post back here. */
import { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import { lockedFieldsFor } from './plans.policy.js';
import { pick } from '../../domain/localized.js';
import { COMMITMENT_STATUSES, OGP_VALUES, type ActionPlan, type Agency, type Area, type Commitment, type Milestone } from '../../domain/plan.js';
import { NotFoundError } from '../../errors.js';
import { freshForm, handleDelete, handleEditForm, handleForm, positiveInt, requirePermission, type EditFormPage } from '../../web/form-handler.js';
import { pageCache } from '../../web/page-cache.js';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { commitmentPath, milestoneAnchor, planPath } from '../../web/paths.js';
import { renderSections } from '../../web/sections.js';
import { HistoryPage, readCommitmentHistory } from '../history/index.js';
import { agencyByCode, commitmentByNumber, planBySlug } from './plans.lookups.js';
import {
  areaForm,
  commitmentForm,
  milestoneForm,
  planForm,
  type AreaFormValues,
  type CommitmentFormValues,
  type MilestoneFormValues,
  type PlanFormValues,
} from './plans.forms.js';
import * as q from './plans.queries.js';
import { areaInput, commitmentInput, commitmentPatch, milestoneInput, milestonePatch, planInput, withVersion } from './plans.schemas.js';
import * as service from './plans.service.js';
import { publicStatuses } from './plans.status.js';
import { AgenciesPage } from './views/agencies.js';
import { AgencyPage } from './views/agency.js';
import { AreaFormPage } from './views/area-form.js';
import { CommitmentFormPage } from './views/commitment-form.js';
import { CommitmentPage } from './views/commitment.js';
import { HomePage } from './views/home.js';
import { MilestoneFormPage } from './views/milestone-form.js';
import { PlanFormPage } from './views/plan-form.js';
import { PlanPage } from './views/plan.js';

const db = (c: AppContext) => c.get('services').db;

const agencyMap = (agencies: Agency[]) => new Map(agencies.map((a) => [a.id, a]));

/** What the commitment page has already read, so a section another module adds need not read it again. */
export interface CommitmentPageData {
  plan: ActionPlan;
  commitment: Commitment;
  milestones: Milestone[];
  agencies: Agency[];
}

/** What the plan page has read, for the links and sections other modules add to it. */
export interface PlanPageData {
  plan: ActionPlan;
}

/** What the agency page has read, for the sections other modules add to it. */
export interface AgencyPageData {
  agency: Agency;
}

declare module '../../web/sections.js' {
  interface PageSlots {
    /** Sections after a commitment's own content (its progress, its forum decisions, …). */
    commitment: CommitmentPageData;
    /** Links beside a commitment's history link (its changes since adoption): each section is one or more list items. */
    commitmentLinks: CommitmentPageData;
    /** Links under the plan page's "Following the plan": each section is one or more list items. */
    planFollow: PlanPageData;
    /** Sections after a plan's own content. */
    plan: PlanPageData;
    /** Sections after an agency's own content. */
    agency: AgencyPageData;
  }
}

export function planPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  app.get('/', async (c) => {
    const [plans, members] = await Promise.all([q.listPlans(db(c)), q.listMembers(db(c))]);
    const summaries = await q.summarizePlanCommitments(
      db(c),
      plans.map((p) => p.id),
    );
    return c.html(
      <HomePage
        ctx={pageContext(c)}
        members={members}
        plans={plans.map((plan) => ({ plan, commitmentCount: summaries.get(plan.id)?.total ?? 0 }))}
        canCreate={can(c.get('actor'), 'plan.create')}
      />,
    );
  });

  // ---- plan ----
  const renderPlanForm = async (c: AppContext, plan: ActionPlan | null, values: PlanFormValues, state = freshForm) =>
    c.html(
      <PlanFormPage ctx={pageContext(c)} plan={plan} members={await q.listMembers(db(c))} values={values} errors={state.errors} conflict={state.conflict} />,
      state.status,
    );

  app.get('/plans/new', async (c) => {
    requirePermission(c, 'plan.create');
    return renderPlanForm(c, null, planForm.empty());
  });
  app.post('/plans/new', (c) =>
    handleForm(c, {
      schema: planInput,
      run: (input) => service.createPlan({ db: db(c) }, c.get('actor'), input),
      redirectTo: (plan) => planPath(plan),
      render: (state) => renderPlanForm(c, null, planForm.posted(state.body, planForm.empty()), state),
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
    // Unfiltered, the list is the whole plan and gives its total and lead agencies itself.
    const narrowed = filters.area !== undefined || filters.agency !== undefined || filters.value !== undefined;
    const [members, areas, agencies, listed, summaries] = await Promise.all([
      q.listMembers(db(c)),
      q.listAreas(db(c), plan.id),
      q.listAgencies(db(c)),
      q.listCommitmentSummaries(db(c), { planId: plan.id, areaId: filters.area, agencyId: filters.agency, ogpValue: filters.value }),
      narrowed ? q.summarizePlanCommitments(db(c), [plan.id]) : undefined,
    ]);
    const summary = summaries?.get(plan.id) ?? { total: listed.length, leadAgencyIds: listed.map((x) => x.leadAgencyId) };
    // The status filter matches the status the page shows, which follows the reports, not the stored one.
    const [statuses, follow, after] = await Promise.all([
      publicStatuses(db(c), listed),
      renderSections(c, 'planFollow', { plan }),
      renderSections(c, 'plan', { plan }),
    ]);
    const shown = filters.status ? listed.filter((x) => statuses.get(x.id) === filters.status) : listed;
    const leadIds = new Set(summary.leadAgencyIds);
    return c.html(
      <PlanPage
        ctx={pageContext(c)}
        plan={plan}
        member={members.find((m) => m.id === plan.memberId)}
        areas={areas}
        commitments={shown}
        statuses={statuses}
        total={summary.total}
        agencies={agencyMap(agencies)}
        leadAgencies={agencies.filter((a) => leadIds.has(a.id))}
        filters={filters}
        canEditPlan={can(c.get('actor'), 'plan.update')}
        follow={follow.sections}
        sections={after.sections}
        feeds={[...follow.feeds, ...after.feeds]}
      />,
    );
  });

  app.get('/plans/:slug/edit', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'plan.update');
    return renderPlanForm(c, plan, planForm.values(plan));
  });
  app.post('/plans/:slug/edit', async (c) => {
    const plan = await planBySlug(c);
    return handleEditForm(c, {
      schema: withVersion(planInput),
      run: (input) => service.updatePlan({ db: db(c) }, c.get('actor'), plan.id, input),
      redirectTo: (updated) => planPath(updated),
      form: planForm,
      reload: async () => (await q.findPlanById(db(c), plan.id)) ?? plan,
      render: (current, values, state) => renderPlanForm(c, current, values, state),
    });
  });

  // ---- areas ----
  const renderAreaForm = async (c: AppContext, plan: ActionPlan, area: Area | null, values: AreaFormValues, state = freshForm) =>
    c.html(<AreaFormPage ctx={pageContext(c)} plan={plan} area={area} values={values} errors={state.errors} conflict={state.conflict} />, state.status);

  app.get('/plans/:slug/areas/new', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'area.create');
    const position = (await q.listAreas(db(c), plan.id)).length + 1;
    return renderAreaForm(c, plan, null, areaForm.empty(position));
  });
  app.post('/plans/:slug/areas/new', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: areaInput,
      run: (input) => service.createArea({ db: db(c) }, c.get('actor'), plan.id, input),
      redirectTo: () => `${planPath(plan)}#commitments`,
      render: (state) => renderAreaForm(c, plan, null, areaForm.posted(state.body, areaForm.empty(0)), state),
    });
  });
  const areaOf = async (c: AppContext, plan: ActionPlan) => {
    const area = await q.findAreaById(db(c), positiveInt(c.req.param('areaId')) ?? 0);
    if (!area || area.planId !== plan.id) throw new NotFoundError();
    return area;
  };
  /** An area's edit form, which its save and its delete show again when refused. */
  const areaEditPage = (c: AppContext, plan: ActionPlan, area: Area): EditFormPage<Area, AreaFormValues> => ({
    form: areaForm,
    reload: async () => (await q.findAreaById(db(c), area.id)) ?? area,
    render: (current, values, state) => renderAreaForm(c, plan, current, values, state),
  });
  app.get('/plans/:slug/areas/:areaId/edit', async (c) => {
    const plan = await planBySlug(c);
    const area = await areaOf(c, plan);
    requirePermission(c, 'area.update');
    return renderAreaForm(c, plan, area, areaForm.values(area));
  });
  app.post('/plans/:slug/areas/:areaId/edit', async (c) => {
    const plan = await planBySlug(c);
    const area = await areaOf(c, plan);
    return handleEditForm(c, {
      ...areaEditPage(c, plan, area),
      schema: withVersion(areaInput),
      run: (input) => service.updateArea({ db: db(c) }, c.get('actor'), area.id, input),
      redirectTo: () => `${planPath(plan)}#area-${area.id}`,
    });
  });
  app.post('/plans/:slug/areas/:areaId/delete', async (c) => {
    const plan = await planBySlug(c);
    const area = await areaOf(c, plan);
    return handleDelete(c, {
      ...areaEditPage(c, plan, area),
      run: (version) => service.deleteArea({ db: db(c) }, c.get('actor'), area.id, version),
      redirectTo: planPath(plan),
      // An area with commitments stays; why is said beside its title, the form's first field.
      reasonField: 'title',
    });
  });

  // ---- commitments ----
  const renderCommitmentForm = async (c: AppContext, plan: ActionPlan, commitment: Commitment | null, values: CommitmentFormValues, state = freshForm) => {
    const [areas, agencies] = await Promise.all([q.listAreas(db(c), plan.id), q.listAgencies(db(c))]);
    const lockedFields = commitment ? lockedFieldsFor(c.get('actor')) : [];
    const page = { plan, commitment, areas, agencies, lockedFields, values, errors: state.errors, conflict: state.conflict };
    return c.html(<CommitmentFormPage ctx={pageContext(c)} {...page} />, state.status);
  };
  /** A commitment's edit form, which its save and its delete show again when refused. */
  const commitmentEditPage = (c: AppContext, plan: ActionPlan, commitment: Commitment): EditFormPage<Commitment, CommitmentFormValues> => ({
    form: commitmentForm,
    reload: async () => (await q.findCommitmentById(db(c), commitment.id)) ?? commitment,
    render: (current, values, state) => renderCommitmentForm(c, plan, current, values, state),
  });

  app.get('/plans/:slug/commitments/new', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'commitment.create');
    return renderCommitmentForm(c, plan, null, commitmentForm.empty(plan));
  });
  app.post('/plans/:slug/commitments/new', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: commitmentInput,
      toInput: commitmentForm.input,
      run: (input) => service.createCommitment({ db: db(c) }, c.get('actor'), plan.id, input),
      redirectTo: (created) => commitmentPath(plan, created),
      render: (state) => renderCommitmentForm(c, plan, null, commitmentForm.posted(state.body, commitmentForm.empty(plan)), state),
    });
  });

  app.get('/plans/:slug/commitments/:number', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    const [areas, agencies, milestones, transfers, statuses] = await Promise.all([
      q.listAreas(db(c), plan.id),
      q.listAgencies(db(c)),
      q.listMilestones(db(c), commitment.id),
      q.listTransfers(db(c), commitment.id),
      publicStatuses(db(c), [commitment]),
    ]);
    const data = { plan, commitment, milestones, agencies };
    const [extra, links] = await Promise.all([renderSections(c, 'commitment', data), renderSections(c, 'commitmentLinks', data)]);
    const actor = c.get('actor');
    return c.html(
      <CommitmentPage
        ctx={pageContext(c)}
        plan={plan}
        area={areas.find((a) => a.id === commitment.areaId)}
        commitment={commitment}
        status={statuses.get(commitment.id)}
        milestones={milestones}
        agencies={agencyMap(agencies)}
        canEdit={can(actor, 'commitment.update', { leadAgencyId: commitment.leadAgencyId })}
        canEditMilestones={can(actor, 'milestone.update', { leadAgencyId: commitment.leadAgencyId })}
        canAddMilestones={await service.mayChangeMilestoneSet(db(c), actor, commitment)}
        canTransfer={can(actor, 'commitment.transfer')}
        transfers={transfers}
        extra={<>{extra.sections}</>}
        links={links.sections}
        feeds={extra.feeds}
      />,
    );
  });

  app.get('/plans/:slug/commitments/:number/history', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    const lang = c.get('lang');
    const [entries, agencies, areas] = await Promise.all([
      readCommitmentHistory(db(c), c.get('actor'), commitment.id),
      q.listAgencies(db(c)),
      q.listAreas(db(c), plan.id),
    ]);
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
        crumbs={[
          { label: pick(plan.title, lang), path: planPath(plan) },
          { label: title, path: commitmentPath(plan, commitment) },
        ]}
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
    return renderCommitmentForm(c, plan, commitment, commitmentForm.values(commitment));
  });
  app.post('/plans/:slug/commitments/:number/edit', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    return handleEditForm(c, {
      ...commitmentEditPage(c, plan, commitment),
      schema: commitmentPatch,
      run: (input) => service.changeCommitment({ db: db(c) }, c.get('actor'), commitment.id, input),
      // A change held back for the forum's decision goes to its amendment's page.
      redirectTo: (outcome) => ('proposed' in outcome ? outcome.proposed.url : commitmentPath(plan, outcome.applied)),
    });
  });
  app.post('/plans/:slug/commitments/:number/delete', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    return handleDelete(c, {
      ...commitmentEditPage(c, plan, commitment),
      run: (version) => service.deleteCommitment({ db: db(c) }, c.get('actor'), commitment.id, version),
      redirectTo: planPath(plan),
    });
  });

  // ---- milestones ----
  const milestoneOf = async (c: AppContext, commitment: Commitment) => {
    const milestone = await q.findMilestoneById(db(c), positiveInt(c.req.param('milestoneId')) ?? 0);
    if (!milestone || milestone.commitmentId !== commitment.id) throw new NotFoundError();
    return milestone;
  };
  const milestoneRow = (plan: ActionPlan, commitment: Commitment, m: Milestone) => `${commitmentPath(plan, commitment)}#${milestoneAnchor(m)}`;
  const renderMilestoneForm = async (
    c: AppContext,
    plan: ActionPlan,
    commitment: Commitment,
    milestone: Milestone | null,
    values: MilestoneFormValues,
    state = freshForm,
  ) => {
    const canDelete = milestone !== null && (await service.mayChangeMilestoneSet(db(c), c.get('actor'), commitment));
    const page = { plan, commitment, milestone, values, errors: state.errors, conflict: state.conflict, canDelete };
    return c.html(<MilestoneFormPage ctx={pageContext(c)} {...page} />, state.status);
  };
  /** A milestone's edit form, which its save and its delete show again when refused. */
  const milestoneEditPage = (c: AppContext, plan: ActionPlan, commitment: Commitment, milestone: Milestone): EditFormPage<Milestone, MilestoneFormValues> => ({
    form: milestoneForm,
    reload: async () => (await q.findMilestoneById(db(c), milestone.id)) ?? milestone,
    render: (current, values, state) => renderMilestoneForm(c, plan, commitment, current, values, state),
  });

  app.get('/plans/:slug/commitments/:number/milestones/new', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    requirePermission(c, 'milestone.update', { leadAgencyId: commitment.leadAgencyId });
    const position = await q.nextMilestonePosition(db(c), commitment.id);
    return renderMilestoneForm(c, plan, commitment, null, milestoneForm.empty(commitment, position));
  });
  app.post('/plans/:slug/commitments/:number/milestones/new', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    return handleForm(c, {
      schema: milestoneInput,
      toInput: milestoneForm.input,
      run: (input) => service.createMilestone({ db: db(c) }, c.get('actor'), commitment.id, input),
      redirectTo: (m) => milestoneRow(plan, commitment, m),
      render: (state) => renderMilestoneForm(c, plan, commitment, null, milestoneForm.posted(state.body, milestoneForm.empty(commitment, 0)), state),
    });
  });
  app.get('/plans/:slug/commitments/:number/milestones/:milestoneId/edit', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    const milestone = await milestoneOf(c, commitment);
    requirePermission(c, 'milestone.update', { leadAgencyId: commitment.leadAgencyId });
    return renderMilestoneForm(c, plan, commitment, milestone, milestoneForm.values(milestone));
  });
  app.post('/plans/:slug/commitments/:number/milestones/:milestoneId/edit', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    const milestone = await milestoneOf(c, commitment);
    return handleEditForm(c, {
      ...milestoneEditPage(c, plan, commitment, milestone),
      schema: milestonePatch,
      run: (input) => service.changeMilestone({ db: db(c) }, c.get('actor'), milestone.id, input),
      redirectTo: (outcome) => ('proposed' in outcome ? outcome.proposed.url : milestoneRow(plan, commitment, outcome.applied)),
    });
  });
  app.post('/plans/:slug/commitments/:number/milestones/:milestoneId/delete', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    const milestone = await milestoneOf(c, commitment);
    return handleDelete(c, {
      ...milestoneEditPage(c, plan, commitment, milestone),
      run: (version) => service.deleteMilestone({ db: db(c) }, c.get('actor'), milestone.id, version),
      redirectTo: commitmentPath(plan, commitment),
    });
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
    const [statuses, after] = await Promise.all([publicStatuses(db(c), items), renderSections(c, 'agency', { agency })]);
    const page = {
      agency,
      sections: after.sections,
      feeds: after.feeds,
      successor,
      commitments: items,
      statuses,
      plans: new Map(plans.map((p) => [p.id, p])),
      canTransfer: can(c.get('actor'), 'commitment.transfer'),
    };
    return c.html(<AgencyPage ctx={pageContext(c)} {...page} />);
  });

  return app;
}
