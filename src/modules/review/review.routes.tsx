/** HTML pages of independent review in both languages: engagements, an engagement, a report with its steps, a unit's rating form, the history. */
import { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import { emptyLocalized, pick } from '../../domain/localized.js';
import type { ActionPlan } from '../../domain/plan.js';
import { commentsOpen, governmentShare, ratesResults } from '../../domain/review.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../../errors.js';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { freshForm, handleForm, positiveInt, requirePermission, versionFromForm, type FormState } from '../../web/form-handler.js';
import { firstValue, listValue, postedRecord, postedText, type PostedForm } from '../../web/forms.js';
import type { Option } from '../../web/ui/index.js';
import { href } from '../../web/context.js';
import { RESTRICTED_CACHE_CONTROL } from '../../web/visibility.js';
import { PlanHistoryPage, readPlanHistory } from '../history/index.js';
import { findUserByEmail } from '../accounts/index.js';
import { listInputsOn } from '../participation/index.js';
import { planQueries, publicStatuses } from '../plans/index.js';
import { maySeeDrafts, maySeeInterviews } from './review.access.js';
import type { Recommendation, ReviewReport, ReviewUnit } from './review.model.js';
import { engagementNewPath, engagementPath, ratingsCsvPath, reportPath } from './review.paths.js';
import { publicRatingRows, RATING_COLUMNS } from './review.ratings.js';
import { csvResponse } from '../../web/csv.js';
import { figuresOf, readinessOf, starredOf } from './review.present.js';
import { emptyEngagement, engagementInputOf, engagementValuesOf, planOptionsOf, postedLocal } from './review.forms.js';
import * as q from './review.queries.js';
import { endOfCommitmentRows } from './review.local.js';
import { taipeiDay } from '../../domain/monitoring.js';
import { registerRequirementForm } from './review.requirement-routes.js';
import { registerReportEditForms } from './review.report-edit-routes.js';
import { registerReportForm } from './review.report-routes.js';
import { correctionInput, engagementInput, recommendationInput, recommendationResponse, reviewerForm, unitPatch } from './review.schemas.js';
import {
  CorrectionFormPage,
  EngagementFormPage,
  RecommendationFormPage,
  ResponseFormPage,
  ReviewerFormPage,
  type ResponseFormValues,
  type ReviewerFormValues,
} from './views/review-forms.js';
import * as service from './review.service.js';
import { EngagementPage } from './views/engagement.js';
import { EngagementsPage } from './views/engagements.js';
import { registerManagePages } from './review.manage-routes.js';
import { ReportPage } from './views/report.js';
import { UnitFormPage, type UnitFormValues } from './views/unit-form.js';

const db = (c: AppContext) => c.get('services').db;
const depsOf = (c: AppContext): service.ReviewDeps => ({ db: db(c), now: c.get('services').now });
const idOf = (c: AppContext) => positiveInt(c.req.param('id')) ?? 0;

async function plansById(c: AppContext, ids: readonly number[]): Promise<Map<number, ActionPlan>> {
  return planQueries.findPlansByIds(db(c), [...new Set(ids)]);
}

const unitValues = (u: ReviewUnit): UnitFormValues => ({
  ratings: { ...u.ratings },
  ogValues: [...u.ogValues],
  rationale: u.rationale,
  evidence: u.evidence,
});

/** The form as the service takes it: checked values without the empty marker, empty selects as "not rated". */
const unitInput = (body: PostedForm): PostedForm => ({ ...body, ogValues: (listValue(body.ogValues) ?? []).filter((v) => v !== '') });

export function reviewPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  app.get('/reviews', async (c) => {
    const slug = c.req.query('plan');
    const plan = slug ? await planQueries.findPlanBySlug(db(c), slug) : undefined;
    if (slug && !plan) throw new NotFoundError();
    const actor = c.get('actor');
    const engagements = [];
    for (const id of await q.listEngagementIds(db(c), plan?.id)) {
      const engagement = await q.findEngagement(db(c), id);
      if (!engagement) continue;
      if (maySeeDrafts(actor, id)) c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
      engagements.push({ engagement, reports: await service.visibleReports(db(c), actor, { engagementId: id }) });
    }
    const plans = await plansById(
      c,
      engagements.flatMap((e) => e.engagement.planIds),
    );
    return c.html(
      <EngagementsPage ctx={pageContext(c)} plan={plan ?? null} engagements={engagements} plans={plans} mayManage={can(actor, 'reviewEngagement.manage')} />,
    );
  });

  registerEngagementForms(app);
  registerManagePages(app);

  // Every public unit rating, with OGP's column names (English labels, for comparison with other countries' reviews).
  app.get(ratingsCsvPath, async (c) => {
    const rows = await publicRatingRows(db(c), c.get('lang'));
    return csvResponse(c, 'review-ratings.csv', [[...RATING_COLUMNS], ...rows.map((r) => RATING_COLUMNS.map((col) => r[col] ?? ''))]);
  });

  app.get('/reviews/engagements/:id', async (c) => {
    const engagement = await q.findEngagement(db(c), idOf(c));
    if (!engagement) throw new NotFoundError();
    if (maySeeDrafts(c.get('actor'), engagement.id)) c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
    const [plans, readiness, reports] = await Promise.all([
      plansById(c, engagement.planIds),
      readinessOf(db(c), engagement.planIds),
      service.visibleReports(db(c), c.get('actor'), { engagementId: engagement.id }),
    ]);
    const endOfCommitment = await endOfCommitmentRows(db(c), engagement.planIds, reports, taipeiDay(c.get('services').now()));
    return c.html(
      <EngagementPage
        endOfCommitment={endOfCommitment}
        ctx={pageContext(c)}
        engagement={engagement}
        plans={plans}
        readiness={readiness}
        reports={reports}
        governmentShare={governmentShare(engagement.funding)}
        mayManage={can(c.get('actor'), 'reviewEngagement.manage')}
        isReviewer={maySeeInterviews(c.get('actor'), engagement.id)}
      />,
    );
  });

  app.get('/reviews/:id', async (c) => {
    const actor = c.get('actor');
    const whole = await service.readReport(db(c), actor, idOf(c));
    const r = whole.report;
    if (r.state === 'draft') c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
    const engagement = await q.findEngagement(db(c), r.engagementId);
    if (!engagement) throw new NotFoundError();
    const commitmentIds = [
      ...whole.units.flatMap((u) => u.commitmentIds),
      ...whole.recommendations.flatMap((rec) => (rec.landedCommitmentId === null ? [] : [rec.landedCommitmentId])),
    ];
    const [plan, commitments, starred, later, comments] = await Promise.all([
      planQueries.findPlanById(db(c), r.planId),
      planQueries.commitmentLabels(db(c), commitmentIds),
      starredOf(db(c), whole),
      q.findLaterEdition(db(c), r.id),
      listInputsOn(db(c), { planId: r.planId, target: { type: 'review', id: r.id }, states: ['published'] }, { limit: 1, offset: 0 }),
    ]);
    const statuses = ratesResults(r.kind)
      ? await publicStatuses(
          db(c),
          (await planQueries.listCommitmentSummaries(db(c), { planId: r.planId })).map((s) => ({ id: s.id, planId: s.planId, status: s.status })),
        )
      : new Map();
    return c.html(
      <ReportPage
        ctx={pageContext(c)}
        whole={whole}
        plan={plan}
        engagement={engagement}
        figures={figuresOf(whole)}
        commitments={commitments}
        agencyStatus={statuses}
        starred={starred}
        commentsOpen={commentsOpen(r, c.get('services').now())}
        mayWrite={can(actor, 'review.write', { engagementId: r.engagementId })}
        laterEditionId={later && (later.state !== 'draft' || maySeeDrafts(actor, r.engagementId)) ? later.id : null}
        commentCount={comments.total}
        mayRespond={can(actor, 'recommendation.respond')}
      />,
    );
  });

  app.get('/reviews/:id/history', async (c) => {
    const whole = await service.readReport(db(c), c.get('actor'), idOf(c));
    const plan = await planQueries.findPlanById(db(c), whole.report.planId);
    if (!plan) throw new NotFoundError();
    const entries = await readPlanHistory(db(c), c.get('actor'), plan.id, ['review', 'reviewUnit', 'recommendation']);
    c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
    const of = { title: pick(whole.report.title, c.get('lang')), path: reportPath(whole.report) };
    return c.html(<PlanHistoryPage ctx={pageContext(c)} plan={plan} of={of} entries={entries} names={new Map()} />);
  });

  const step = (path: string, run: (c: AppContext, id: number, version: number) => Promise<ReviewReport>) =>
    app.post(path, async (c) => {
      const id = idOf(c);
      const version = await versionFromForm(c);
      await run(c, id, version);
      return c.redirect(href(c.get('lang'), reportPath({ id })), 303);
    });
  step('/reviews/:id/comment-period', (c, id, version) => service.openCommentPeriod(depsOf(c), c.get('actor'), id, version));
  step('/reviews/:id/publication', (c, id, version) => service.publishReport(depsOf(c), c.get('actor'), id, version));

  async function unitAndReport(c: AppContext) {
    const unit = await q.findUnit(db(c), idOf(c));
    const report = unit ? await q.findReport(db(c), unit.reportId) : undefined;
    // Only the engagement's reviewers rate; to anyone else a unit's form does not exist.
    if (!unit || !report || !can(c.get('actor'), 'review.write', { engagementId: report.engagementId })) throw new NotFoundError();
    c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
    return { unit, report };
  }
  const renderUnit = (c: AppContext, unit: ReviewUnit, report: ReviewReport, values: UnitFormValues, state: FormState) =>
    c.html(<UnitFormPage ctx={pageContext(c)} unit={unit} report={report} values={values} errors={state.errors} conflict={state.conflict} />, state.status);

  app.get('/reviews/units/:id/edit', async (c) => {
    const { unit, report } = await unitAndReport(c);
    return renderUnit(c, unit, report, unitValues(unit), freshForm);
  });
  app.post('/reviews/units/:id/edit', async (c) => {
    const { unit, report } = await unitAndReport(c);
    return handleForm(c, {
      schema: unitPatch,
      toInput: unitInput,
      run: (input) => service.updateUnit(depsOf(c), c.get('actor'), unit.id, input),
      redirectTo: () => reportPath(report),
      render: async (state) => {
        const current = state.conflict ? ((await q.findUnit(db(c), unit.id)) ?? unit) : unit;
        const posted = state.body;
        const ratings = postedRecord(posted.ratings);
        const values: UnitFormValues = state.conflict
          ? unitValues(current)
          : {
              ratings: Object.fromEntries(Object.entries(ratings).flatMap(([k, v]) => (firstValue(v) ? [[k, firstValue(v) ?? '']] : []))),
              ogValues: (listValue(posted.ogValues) ?? []).filter((v) => v !== ''),
              rationale: { ...unit.rationale, ...postedRecord(posted.rationale) },
              evidence: { ...unit.evidence, ...postedRecord(posted.evidence) },
            };
        return renderUnit(c, current, report, values, state);
      },
    });
  });

  registerReviewForms(app);
  registerRequirementForm(app);
  registerReportForm(app);
  registerReportEditForms(app);
  return app;
}

/** Who may see the report's page (drafts: its reviewers and the secretariat), and whether this actor writes it. */
async function reportForForm(c: AppContext, id: number, action: 'review.write' | 'recommendation.respond'): Promise<ReviewReport> {
  const report = await q.findReport(db(c), id);
  const actor = c.get('actor');
  if (!report || (report.state === 'draft' && !maySeeDrafts(actor, report.engagementId))) throw new NotFoundError();
  if (!can(actor, action, { engagementId: report.engagementId })) throw actor ? new ForbiddenError() : new UnauthenticatedError();
  c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
  return report;
}

/** Commitments a recommendation may have landed in: those of the report's plan and of plans that start later. */
async function landingOptions(c: AppContext, report: ReviewReport): Promise<Option[]> {
  const lang = c.get('lang');
  const plans = await planQueries.listPlans(db(c));
  const own = plans.find((p) => p.id === report.planId);
  const options: Option[] = [];
  for (const plan of plans.filter((p) => p.id === report.planId || (own !== undefined && p.periodStart > own.periodStart)))
    for (const cm of await planQueries.listCommitmentSummaries(db(c), { planId: plan.id }))
      options.push({ value: String(cm.id), label: `${pick(plan.title, lang)} · ${cm.number} ${pick(cm.title, lang)}` });
  return options;
}

function registerEngagementForms(app: Hono<AppEnv>): void {
  const planOptions = async (c: AppContext): Promise<Option[]> => planOptionsOf(await planQueries.listPlans(db(c)), c.get('lang'));
  app.get(engagementNewPath, async (c) => {
    requirePermission(c, 'reviewEngagement.manage');
    return c.html(<EngagementFormPage ctx={pageContext(c)} values={emptyEngagement} plans={await planOptions(c)} errors={{}} />);
  });
  app.post(engagementNewPath, async (c) => {
    requirePermission(c, 'reviewEngagement.manage');
    return handleForm(c, {
      schema: engagementInput,
      toInput: engagementInputOf,
      run: (input) => service.createEngagement(depsOf(c), c.get('actor'), input),
      redirectTo: (e) => engagementPath(e),
      render: async (state) =>
        c.html(
          <EngagementFormPage ctx={pageContext(c)} values={engagementValuesOf(state.body)} plans={await planOptions(c)} errors={state.errors} />,
          state.status,
        ),
    });
  });

  const engagementOf = async (c: AppContext) => {
    requirePermission(c, 'reviewEngagement.manage');
    const engagement = await q.findEngagement(db(c), idOf(c));
    if (!engagement) throw new NotFoundError();
    return engagement;
  };
  const emptyReviewer: ReviewerFormValues = { email: '', role: 'reviewer', affiliations: emptyLocalized(), interests: emptyLocalized() };
  app.get('/reviews/engagements/:id/reviewers/new', async (c) => {
    const engagement = await engagementOf(c);
    return c.html(<ReviewerFormPage ctx={pageContext(c)} engagement={engagement} values={emptyReviewer} errors={{}} />);
  });
  app.post('/reviews/engagements/:id/reviewers/new', async (c) => {
    const engagement = await engagementOf(c);
    return handleForm(c, {
      schema: reviewerForm,
      run: async (input) => {
        const { email, ...rest } = input;
        const user = await findUserByEmail(db(c), email);
        if (!user) throw new ValidationError([{ field: 'email', key: 'review.error.unknownUser' }]);
        return service.putReviewer(depsOf(c), c.get('actor'), engagement.id, { ...rest, userId: user.id });
      },
      redirectTo: (e) => `${engagementPath(e)}#reviewers`,
      render: async (state) =>
        c.html(
          <ReviewerFormPage
            ctx={pageContext(c)}
            engagement={engagement}
            values={{
              email: postedText(state.body.email, ''),
              role: postedText(state.body.role, 'reviewer'),
              affiliations: postedLocal(state.body.affiliations),
              interests: postedLocal(state.body.interests),
            }}
            errors={state.errors.userId ? { ...state.errors, email: state.errors.userId } : state.errors}
          />,
          state.status,
        ),
    });
  });
}

function registerReviewForms(app: Hono<AppEnv>): void {
  const empty = emptyLocalized();
  app.get('/reviews/:id/recommendations/new', async (c) => {
    const report = await reportForForm(c, idOf(c), 'review.write');
    return c.html(<RecommendationFormPage ctx={pageContext(c)} report={report} body={empty} errors={{}} />);
  });
  app.post('/reviews/:id/recommendations/new', async (c) => {
    const report = await reportForForm(c, idOf(c), 'review.write');
    return handleForm(c, {
      schema: recommendationInput,
      run: (input) => service.addRecommendation(depsOf(c), c.get('actor'), report.id, input),
      redirectTo: () => `${reportPath(report)}#recommendations`,
      render: async (state) =>
        c.html(
          <RecommendationFormPage ctx={pageContext(c)} report={report} body={{ ...empty, ...postedRecord(state.body.body) }} errors={state.errors} />,
          state.status,
        ),
    });
  });

  app.get('/reviews/:id/corrections/new', async (c) => {
    const report = await reportForForm(c, idOf(c), 'review.write');
    return c.html(<CorrectionFormPage ctx={pageContext(c)} report={report} changeNote={empty} errors={{}} />);
  });
  app.post('/reviews/:id/corrections/new', async (c) => {
    const report = await reportForForm(c, idOf(c), 'review.write');
    return handleForm(c, {
      schema: correctionInput,
      run: (input) => service.correctReport(depsOf(c), c.get('actor'), report.id, input),
      redirectTo: (whole) => reportPath(whole.report),
      render: async (state) =>
        c.html(
          <CorrectionFormPage ctx={pageContext(c)} report={report} changeNote={{ ...empty, ...postedRecord(state.body.changeNote) }} errors={state.errors} />,
          state.status,
        ),
    });
  });

  const recommendationOf = async (c: AppContext) => {
    const rec = await q.findRecommendation(db(c), idOf(c));
    if (!rec) throw new NotFoundError();
    return { rec, report: await reportForForm(c, rec.reportId, 'recommendation.respond') };
  };
  const responseValues = (rec: Recommendation): ResponseFormValues => ({
    state: rec.state,
    governmentResponse: rec.governmentResponse,
    landedCommitmentId: rec.landedCommitmentId === null ? '' : String(rec.landedCommitmentId),
  });
  app.get('/reviews/recommendations/:id/response', async (c) => {
    const { rec, report } = await recommendationOf(c);
    return c.html(
      <ResponseFormPage
        ctx={pageContext(c)}
        report={report}
        recommendation={rec}
        values={responseValues(rec)}
        commitments={await landingOptions(c, report)}
        errors={{}}
        conflict={false}
      />,
    );
  });
  app.post('/reviews/recommendations/:id/response', async (c) => {
    const { rec, report } = await recommendationOf(c);
    return handleForm(c, {
      schema: recommendationResponse,
      run: (input) => service.respondToRecommendation(depsOf(c), c.get('actor'), rec.id, input),
      redirectTo: () => `${reportPath(report)}#recommendations`,
      render: async (state) => {
        const current = state.conflict ? ((await q.findRecommendation(db(c), rec.id)) ?? rec) : rec;
        const values = state.conflict
          ? responseValues(current)
          : {
              state: postedText(state.body.state, rec.state),
              governmentResponse: { ...rec.governmentResponse, ...postedRecord(state.body.governmentResponse) },
              landedCommitmentId: postedText(state.body.landedCommitmentId, ''),
            };
        return c.html(
          <ResponseFormPage
            ctx={pageContext(c)}
            report={report}
            recommendation={current}
            values={values}
            commitments={await landingOptions(c, report)}
            errors={state.errors}
            conflict={state.conflict}
          />,
          state.status,
        );
      },
    });
  });
}
