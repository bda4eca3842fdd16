/** Independent review's form pages: a recommendation (its reviewers), the government's response to one (the secretariat), a correction (its reviewers). */
import { pick, type Localized } from '../../../domain/localized.js';
import { RECOMMENDATION_STATES } from '../../../domain/review.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { FormPage, LocalizedField, SelectField, homeCrumbs, type FieldErrors, type Option } from '../../../web/ui/index.js';
import type { Recommendation, ReviewReport } from '../review.model.js';
import { recommendationNewPath, recommendationResponsePath, reportCorrectionPath, reportPath, reviewsPath } from '../review.paths.js';

const crumbsOf = (ctx: PageContext, report: ReviewReport) => [
  ...homeCrumbs(ctx.lang),
  { label: t(ctx.lang, 'review.siteTitle'), path: reviewsPath() },
  { label: pick(report.title, ctx.lang), path: reportPath(report) },
];

export function RecommendationFormPage(props: { ctx: PageContext; report: ReviewReport; body: Localized; errors: FieldErrors }) {
  const { ctx, report } = props;
  const { lang } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'review.recommendation.add')}
      crumbs={crumbsOf(ctx, report)}
      action={recommendationNewPath(report)}
      cancel={reportPath(report)}
      submitLabel={t(lang, 'review.recommendation.add')}
      errors={props.errors}
    >
      <LocalizedField lang={lang} errors={props.errors} name="body" label={t(lang, 'review.recommendation.body')} value={props.body} multiline />
    </FormPage>
  );
}

export interface ResponseFormValues {
  state: string;
  governmentResponse: Localized;
  landedCommitmentId: string;
}

export function ResponseFormPage(props: {
  ctx: PageContext;
  report: ReviewReport;
  recommendation: Recommendation;
  values: ResponseFormValues;
  commitments: Option[];
  errors: FieldErrors;
  conflict: boolean;
}) {
  const { ctx, report, recommendation: rec } = props;
  const { lang } = ctx;
  const field = { lang, errors: props.errors };
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'review.recommendation.respondTitle', { number: rec.number })}
      crumbs={crumbsOf(ctx, report)}
      action={recommendationResponsePath(rec)}
      cancel={reportPath(report)}
      submitLabel={t(lang, 'review.recommendation.respond')}
      errors={props.errors}
      conflict={props.conflict}
      version={rec.version}
      intro={<blockquote>{pick(rec.body, lang)}</blockquote>}
    >
      <SelectField
        {...field}
        name="state"
        label={t(lang, 'review.recommendation.state')}
        value={props.values.state}
        options={RECOMMENDATION_STATES.map((s) => ({ value: s, label: t(lang, `review.recommendation.state.${s}`) }))}
      />
      <LocalizedField
        {...field}
        name="governmentResponse"
        label={t(lang, 'review.recommendation.response')}
        value={props.values.governmentResponse}
        multiline
      />
      <SelectField
        {...field}
        name="landedCommitmentId"
        label={t(lang, 'review.recommendation.landed')}
        value={props.values.landedCommitmentId}
        options={[{ value: '', label: t(lang, 'review.recommendation.notLanded') }, ...props.commitments]}
      />
    </FormPage>
  );
}

export function CorrectionFormPage(props: { ctx: PageContext; report: ReviewReport; changeNote: Localized; errors: FieldErrors }) {
  const { ctx, report } = props;
  const { lang } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'review.action.correct')}
      crumbs={crumbsOf(ctx, report)}
      action={reportCorrectionPath(report)}
      cancel={reportPath(report)}
      submitLabel={t(lang, 'review.action.correct')}
      errors={props.errors}
      intro={<p class="help">{t(lang, 'review.correctionHelp')}</p>}
    >
      <LocalizedField lang={lang} errors={props.errors} name="changeNote" label={t(lang, 'review.action.changeNote')} value={props.changeNote} multiline />
    </FormPage>
  );
}
