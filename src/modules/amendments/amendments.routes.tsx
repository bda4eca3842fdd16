/** HTML pages of adoption and change control, in both languages: changes since adoption, an amendment, versions, comparison, adoption. */
import { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import { pick } from '../../domain/localized.js';
import type { ActionPlan, Commitment } from '../../domain/plan.js';
import { NotFoundError } from '../../errors.js';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { freshForm, handleForm, positiveInt, requirePermission, type FormState } from '../../web/form-handler.js';
import { pageCache } from '../../web/page-cache.js';
import { RESTRICTED_CACHE_CONTROL } from '../../web/visibility.js';
import { forumQueries } from '../forum/index.js';
import { commitmentByNumber, planBySlug, planQueries as planQ } from '../plans/index.js';
import { presentAmendments, presentCorrection } from './amendments.api.js';
import { adoptionForm } from './amendments.forms.js';
import { amendmentPath, planChangesPath } from './amendments.paths.js';
import * as q from './amendments.queries.js';
import { adoptionInput, compareQuery, decisionInput, scheduleInput } from './amendments.schemas.js';
import * as service from './amendments.service.js';
import { AdoptionFormPage, type AdoptionFormValues } from './views/adoption-form.js';
import { AmendmentPage } from './views/amendment.js';
import { ChangesPage } from './views/changes.js';
import { ComparePage } from './views/compare.js';
import { VersionsPage } from './views/versions.js';

const db = (c: AppContext) => c.get('services').db;
const deps = (c: AppContext) => ({ db: db(c), now: c.get('services').now });

async function commitmentsOf(c: AppContext, planId: number): Promise<Map<number, Commitment>> {
  const { items } = await planQ.listCommitments(db(c), { planId }, { limit: 100_000, offset: 0 });
  return new Map(items.map((x) => [x.id, x]));
}

export function amendmentsPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  const changesPage = async (c: AppContext, plan: ActionPlan, commitment: Commitment | null) => {
    const read = await service.changesSinceAdoption(db(c), c.get('actor'), plan.id, commitment?.id);
    if (service.hasUndecided(read.amendments)) c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
    const page = {
      plan,
      commitment,
      adoption: read.adoption,
      amendments: await presentAmendments(db(c), plan, read.amendments, read.commitments),
      corrections: read.corrections.map((x) => presentCorrection(x, read.commitments)),
      canAdopt: can(c.get('actor'), 'plan.adopt'),
    };
    return c.html(<ChangesPage ctx={pageContext(c)} {...page} />);
  };
  app.get('/plans/:slug/changes', pageCache(), async (c) => changesPage(c, await planBySlug(c), null));
  app.get('/plans/:slug/commitments/:number/changes', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    return changesPage(c, plan, await commitmentByNumber(c, plan));
  });

  // ---- one amendment, its agenda and its decision ----
  const amendmentOf = async (c: AppContext) => {
    const plan = await planBySlug(c);
    const { amendment, commitment } = await service.readAmendment(db(c), c.get('actor'), positiveInt(c.req.param('id')) ?? 0);
    if (amendment.planId !== plan.id) throw new NotFoundError();
    return { plan, amendment, commitment };
  };
  const renderAmendment = async (c: AppContext, id: number, state: FormState = freshForm) => {
    const plan = await planBySlug(c);
    const { amendment, commitment } = await service.readAmendment(db(c), c.get('actor'), id);
    const [presented] = await presentAmendments(db(c), plan, [amendment], await commitmentsOf(c, plan.id));
    if (!presented) throw new NotFoundError();
    const manages = can(c.get('actor'), 'amendment.decide');
    const manage = manages
      ? {
          meetings: await forumQueries.listMeetings(db(c), plan.id),
          resolutions:
            amendment.meetingId === null ? [] : (await forumQueries.listResolutions(db(c), plan.id)).filter((r) => r.meetingId === amendment.meetingId),
        }
      : null;
    if (amendment.status === 'proposed' || c.get('actor')) c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
    const page = { plan, commitment, amendment: presented, manage, errors: state.errors, conflict: state.conflict };
    return c.html(<AmendmentPage ctx={pageContext(c)} {...page} />, state.status);
  };
  app.get('/plans/:slug/amendments/:id', async (c) => {
    const { amendment } = await amendmentOf(c);
    return renderAmendment(c, amendment.id);
  });
  app.post('/plans/:slug/amendments/:id/schedule', async (c) => {
    const { plan, amendment } = await amendmentOf(c);
    return handleForm(c, {
      schema: scheduleInput,
      run: (input) => service.scheduleAmendment(deps(c), c.get('actor'), amendment.id, input),
      redirectTo: (a) => amendmentPath(plan, a),
      render: (state) => renderAmendment(c, amendment.id, state),
    });
  });
  app.post('/plans/:slug/amendments/:id/decide', async (c) => {
    const { plan, amendment } = await amendmentOf(c);
    return handleForm(c, {
      schema: decisionInput,
      run: (input) => service.decideAmendment(deps(c), c.get('actor'), amendment.id, input),
      redirectTo: (a) => amendmentPath(plan, a),
      render: (state) => renderAmendment(c, amendment.id, state),
    });
  });

  // ---- versions ----
  app.get('/plans/:slug/versions', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const [versions, amendments, resolutions] = await Promise.all([
      q.listVersions(db(c), plan.id),
      q.listAmendments(db(c), { planId: plan.id }),
      forumQueries.listResolutions(db(c), plan.id),
    ]);
    const byId = new Map(resolutions.map((r) => [r.id, r]));
    const rows = versions.map((v) => {
      const r = v.resolutionId === null ? undefined : byId.get(v.resolutionId);
      return {
        number: v.number,
        madeOn: v.madeOn,
        resolution: r ? { id: r.id, number: r.number } : null,
        amendments: amendments.filter((a) => a.planVersion === v.number).length,
      };
    });
    return c.html(<VersionsPage ctx={pageContext(c)} plan={plan} versions={rows} />);
  });
  app.get('/plans/:slug/versions/compare', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const parsed = compareQuery.safeParse({ from: c.req.query('from'), to: c.req.query('to') });
    if (!parsed.success) throw new NotFoundError();
    const { from, to } = parsed.data;
    const [a, b] = await Promise.all([q.findVersion(db(c), plan.id, from), q.findVersion(db(c), plan.id, to)]);
    if (!a || !b) throw new NotFoundError();
    const changes = await service.compareVersions(db(c), plan.id, from, to);
    const lang = c.get('lang');
    const names = new Map<string, string>();
    for (const agency of await planQ.listAgencies(db(c)))
      for (const field of ['leadAgencyId', 'coAgencyIds']) names.set(`${field}:${agency.id}`, pick(agency.name, lang));
    for (const area of await planQ.listAreas(db(c), plan.id)) names.set(`areaId:${area.id}`, pick(area.title, lang));
    return c.html(<ComparePage ctx={pageContext(c)} plan={plan} from={from} to={to} changes={changes} names={names} />);
  });

  // ---- adoption ----
  const renderAdoption = async (c: AppContext, plan: ActionPlan, values: AdoptionFormValues, state: FormState = freshForm) =>
    c.html(<AdoptionFormPage ctx={pageContext(c)} plan={plan} values={values} errors={state.errors} />, state.status);
  app.get('/plans/:slug/adoption', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'plan.adopt');
    return renderAdoption(c, plan, adoptionForm.empty());
  });
  app.post('/plans/:slug/adoption', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: adoptionInput,
      toInput: adoptionForm.input,
      run: (input) => service.adoptPlan(deps(c), c.get('actor'), plan.id, input),
      redirectTo: () => planChangesPath(plan),
      render: (state) => renderAdoption(c, plan, adoptionForm.posted(state.body, adoptionForm.empty()), state),
    });
  });

  return app;
}
