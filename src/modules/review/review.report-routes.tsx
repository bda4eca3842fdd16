/**
 * The form on which an engagement's reviewers start a report (ADR 0036), as `POST /api/v1/review-engagements/{id}/reports`
 * does: to anyone else, the secretariat included, the form does not exist. `?plan=&kind=&commitment=` prefill it (the
 * engagement page's "Start the assessment" of a due end-of-commitment assessment does).
 */
import type { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import { emptyLocalized, pick } from '../../domain/localized.js';
import { DEFAULT_COMMENT_DAYS, REVIEW_KINDS } from '../../domain/review.js';
import { NotFoundError } from '../../errors.js';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { freshForm, handleForm, positiveInt, type FormState } from '../../web/form-handler.js';
import { postedText, type PostedForm } from '../../web/forms.js';
import type { Option } from '../../web/ui/index.js';
import { t } from '../../web/i18n.js';
import { RESTRICTED_CACHE_CONTROL } from '../../web/visibility.js';
import { planQueries } from '../plans/index.js';
import { postedLocal } from './review.forms.js';
import type { Engagement } from './review.model.js';
import { reportPath } from './review.paths.js';
import * as q from './review.queries.js';
import { reportInput } from './review.schemas.js';
import * as service from './review.service.js';
import { ReportFormPage, type ReportFormValues } from './views/report-form.js';

const db = (c: AppContext) => c.get('services').db;

/** The engagement, to its reviewers only: to anyone else the form does not exist (404, as the interview log). */
async function engagementToWrite(c: AppContext): Promise<Engagement> {
  const engagement = await q.findEngagement(db(c), positiveInt(c.req.param('id')) ?? 0);
  if (!engagement || !can(c.get('actor'), 'review.write', { engagementId: engagement.id })) throw new NotFoundError();
  c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
  return engagement;
}

/** The engagement's plans and their commitments as the form's options; a commitment is named with its plan when there are several. */
async function optionsOf(c: AppContext, engagement: Engagement): Promise<{ plans: Option[]; commitments: (Option & { planId: string })[] }> {
  const lang = c.get('lang');
  const byId = await planQueries.findPlansByIds(db(c), engagement.planIds);
  const plans = engagement.planIds.flatMap((id) => {
    const plan = byId.get(id);
    return plan ? [{ value: String(id), label: pick(plan.title, lang) }] : [];
  });
  const commitments = [];
  for (const plan of plans)
    for (const s of await planQueries.listCommitmentSummaries(db(c), { planId: Number(plan.value) })) {
      const commitment = `${s.number} ${pick(s.title, lang)}`.trim();
      commitments.push({
        value: String(s.id),
        planId: plan.value,
        label: plans.length > 1 ? t(lang, 'review.report.commitmentOfPlan', { plan: plan.label, commitment }) : commitment,
      });
    }
  return { plans, commitments };
}

/** A fresh form, prefilled by the query where it names the engagement's plan, a kind, a commitment of its plans. */
function prefilled(c: AppContext, options: Awaited<ReturnType<typeof optionsOf>>): ReportFormValues {
  const commitment = options.commitments.find((o) => o.value === c.req.query('commitment'));
  const plan =
    options.plans.find((o) => o.value === c.req.query('plan'))?.value ??
    commitment?.planId ??
    (options.plans.length === 1 ? options.plans[0]?.value : undefined);
  const kind = c.req.query('kind');
  return {
    planId: plan ?? '',
    kind: REVIEW_KINDS.find((k) => k === kind) ?? '',
    commitmentId: commitment?.value ?? '',
    scaleSet: 'current',
    title: emptyLocalized(),
    overview: emptyLocalized(),
    commentDays: String(DEFAULT_COMMENT_DAYS),
  };
}

/** A refused post, shown again as it was typed. */
const postedValues = (body: PostedForm): ReportFormValues => ({
  planId: postedText(body.planId, ''),
  kind: postedText(body.kind, ''),
  commitmentId: postedText(body.commitmentId, ''),
  scaleSet: postedText(body.scaleSet, 'current'),
  title: postedLocal(body.title),
  overview: postedLocal(body.overview),
  commentDays: postedText(body.commentDays, ''),
});

/** An empty choice or field is none: no commitment (the whole plan), the default comment period. */
const blankAsNone = (value: unknown) => (postedText(value, '').trim() === '' ? undefined : value);
const reportInputOf = (body: PostedForm): PostedForm => ({ ...body, commitmentId: blankAsNone(body.commitmentId), commentDays: blankAsNone(body.commentDays) });

export function registerReportForm(app: Hono<AppEnv>): void {
  const render = async (c: AppContext, engagement: Engagement, options: Awaited<ReturnType<typeof optionsOf>>, values: ReportFormValues, state: FormState) =>
    c.html(
      <ReportFormPage
        ctx={pageContext(c)}
        engagement={engagement}
        values={values}
        plans={options.plans}
        commitments={options.commitments.map(({ value, label }) => ({ value, label }))}
        errors={state.errors}
      />,
      state.status,
    );

  app.get('/reviews/engagements/:id/reports/new', async (c) => {
    const engagement = await engagementToWrite(c);
    const options = await optionsOf(c, engagement);
    return render(c, engagement, options, prefilled(c, options), freshForm);
  });
  app.post('/reviews/engagements/:id/reports/new', async (c) => {
    const engagement = await engagementToWrite(c);
    return handleForm(c, {
      schema: reportInput,
      toInput: reportInputOf,
      run: (input) => service.createReport({ db: db(c), now: c.get('services').now }, c.get('actor'), engagement.id, input),
      redirectTo: (whole) => reportPath(whole.report),
      render: async (state) => render(c, engagement, await optionsOf(c, engagement), postedValues(state.body), state),
    });
  });
}
