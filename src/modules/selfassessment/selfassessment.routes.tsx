/** HTML pages of the government's self-assessment in both languages: a plan's list, an assessment, the secretariat's forms and steps. */
import { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import { emptyLocalized } from '../../domain/localized.js';
import type { ActionPlan } from '../../domain/plan.js';
import { taipeiDay } from '../../domain/monitoring.js';
import { commentsOpen } from '../../domain/review.js';
import { NotFoundError } from '../../errors.js';
import { href, pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { freshForm, handleForm, positiveInt, requirePermission, versionFromForm } from '../../web/form-handler.js';
import { firstValue, postedRecord } from '../../web/forms.js';
import { RESTRICTED_CACHE_CONTROL } from '../../web/visibility.js';
import { listInputsOn } from '../participation/index.js';
import { planQueries } from '../plans/index.js';
import type { SelfAssessment } from './selfassessment.model.js';
import { selfAssessmentPath } from './selfassessment.paths.js';
import * as q from './selfassessment.queries.js';
import { entryPatch, selfAssessmentInput } from './selfassessment.schemas.js';
import * as service from './selfassessment.service.js';
import { EntryFormPage, NewSelfAssessmentPage, SelfAssessmentPage, SelfAssessmentsPage, type CommitmentLabel, type NewFormValues } from './views/pages.js';

const db = (c: AppContext) => c.get('services').db;
const depsOf = (c: AppContext): service.SelfAssessmentDeps => ({ db: db(c), now: c.get('services').now });

async function planOf(c: AppContext, id: number): Promise<ActionPlan> {
  const plan = await planQueries.findPlanById(db(c), id);
  if (!plan) throw new NotFoundError();
  return plan;
}

async function commitmentLabels(c: AppContext, planId: number): Promise<Map<number, CommitmentLabel>> {
  const commitments = await planQueries.listCommitmentSummaries(db(c), { planId });
  return new Map(commitments.map((s) => [s.id, { id: s.id, number: s.number, title: s.title }]));
}

/** The assessment as the viewer may see it; pages of a draft are not to be kept by shared caches. */
async function visible(c: AppContext, id: number) {
  const whole = await service.readSelfAssessment(db(c), c.get('actor'), id);
  if (whole.assessment.state === 'draft') c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
  return whole;
}

export function selfAssessmentPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  app.get('/plans/:slug/self-assessments', async (c) => {
    const plan = await planQueries.findPlanBySlug(db(c), c.req.param('slug'));
    if (!plan) throw new NotFoundError();
    const mayWrite = can(c.get('actor'), 'selfAssessment.write');
    if (mayWrite) c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
    const assessments = await service.visibleSelfAssessments(db(c), c.get('actor'), plan.id);
    return c.html(<SelfAssessmentsPage ctx={pageContext(c)} plan={plan} assessments={assessments} mayWrite={mayWrite} now={c.get('services').now()} />);
  });

  // Last year in Taipei: the year a self-assessment usually looks back on.
  const newValues = (now: Date): NewFormValues => ({
    year: String(Number(taipeiDay(now).slice(0, 4)) - 1),
    title: emptyLocalized(),
    summary: emptyLocalized(),
    commentDays: '14',
  });
  app.get('/plans/:slug/self-assessments/new', async (c) => {
    requirePermission(c, 'selfAssessment.write');
    const plan = await planQueries.findPlanBySlug(db(c), c.req.param('slug'));
    if (!plan) throw new NotFoundError();
    c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
    return c.html(<NewSelfAssessmentPage ctx={pageContext(c)} plan={plan} values={newValues(c.get('services').now())} errors={freshForm.errors} />);
  });
  app.post('/plans/:slug/self-assessments/new', async (c) => {
    requirePermission(c, 'selfAssessment.write');
    const plan = await planQueries.findPlanBySlug(db(c), c.req.param('slug'));
    if (!plan) throw new NotFoundError();
    return handleForm(c, {
      schema: selfAssessmentInput,
      toInput: (body) => (firstValue(body.commentDays) ? body : { ...body, commentDays: undefined }),
      run: (input) => service.createSelfAssessment(depsOf(c), c.get('actor'), plan.id, input),
      redirectTo: (created) => selfAssessmentPath(created.assessment),
      render: async (state) => {
        const posted = state.body;
        const values: NewFormValues = {
          year: firstValue(posted.year) ?? '',
          title: { ...emptyLocalized(), ...postedRecord(posted.title) },
          summary: { ...emptyLocalized(), ...postedRecord(posted.summary) },
          commentDays: firstValue(posted.commentDays) ?? '',
        };
        return c.html(<NewSelfAssessmentPage ctx={pageContext(c)} plan={plan} values={values} errors={state.errors} />, state.status);
      },
    });
  });

  app.get('/self-assessments/:id', async (c) => {
    const whole = await visible(c, positiveInt(c.req.param('id')) ?? 0);
    const a = whole.assessment;
    const [plan, commitments, comments] = await Promise.all([
      planOf(c, a.planId),
      commitmentLabels(c, a.planId),
      listInputsOn(db(c), { planId: a.planId, target: { type: 'self-assessment', id: a.id }, states: ['published'] }, { limit: 1, offset: 0 }),
    ]);
    return c.html(
      <SelfAssessmentPage
        ctx={pageContext(c)}
        plan={plan}
        whole={whole}
        commitments={commitments}
        commentsOpen={commentsOpen(a, c.get('services').now())}
        commentCount={comments.total}
        mayWrite={can(c.get('actor'), 'selfAssessment.write')}
      />,
    );
  });

  for (const step of ['comment-period', 'publication'] as const)
    app.post(`/self-assessments/:id/${step}`, async (c) => {
      requirePermission(c, 'selfAssessment.write');
      const id = positiveInt(c.req.param('id')) ?? 0;
      const version = await versionFromForm(c);
      const run = step === 'comment-period' ? service.openCommentPeriod : service.publishSelfAssessment;
      const done: SelfAssessment = await run(depsOf(c), c.get('actor'), id, version);
      return c.redirect(href(c.get('lang'), selfAssessmentPath(done)), 303);
    });

  async function entryAndAssessment(c: AppContext) {
    requirePermission(c, 'selfAssessment.write');
    const entry = await q.findEntry(db(c), positiveInt(c.req.param('id')) ?? 0);
    const assessment = entry ? await q.findAssessment(db(c), entry.assessmentId) : undefined;
    if (!entry || !assessment) throw new NotFoundError();
    c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
    return { entry, assessment, plan: await planOf(c, assessment.planId), commitments: await commitmentLabels(c, assessment.planId) };
  }
  app.get('/self-assessments/entries/:id/edit', async (c) => {
    const { entry, assessment, plan, commitments } = await entryAndAssessment(c);
    return c.html(
      <EntryFormPage
        ctx={pageContext(c)}
        plan={plan}
        assessment={assessment}
        entry={entry}
        commitment={commitments.get(entry.commitmentId)}
        values={{ status: entry.status, narrative: entry.narrative }}
        errors={{}}
        conflict={false}
      />,
    );
  });
  app.post('/self-assessments/entries/:id/edit', async (c) => {
    const { entry, assessment, plan, commitments } = await entryAndAssessment(c);
    return handleForm(c, {
      schema: entryPatch,
      run: (input) => service.updateEntry(depsOf(c), c.get('actor'), entry.id, input),
      redirectTo: () => `${selfAssessmentPath(assessment)}#entries`,
      render: async (state) => {
        const current = state.conflict ? ((await q.findEntry(db(c), entry.id)) ?? entry) : entry;
        const values = state.conflict
          ? { status: current.status, narrative: current.narrative }
          : { status: firstValue(state.body.status) ?? entry.status, narrative: { ...entry.narrative, ...postedRecord(state.body.narrative) } };
        return c.html(
          <EntryFormPage
            ctx={pageContext(c)}
            plan={plan}
            assessment={assessment}
            entry={current}
            commitment={commitments.get(entry.commitmentId)}
            values={values}
            errors={state.errors}
            conflict={state.conflict}
          />,
          state.status,
        );
      },
    });
  });
  return app;
}
