/** Independent review's form pages: a recommendation (its reviewers), the government's response to one (the secretariat), a correction (its reviewers). */
import { emptyLocalized, pick, type Localized } from '../../../domain/localized.js';
import { FUNDING_SECTORS, RECOMMENDATION_STATES, REVIEWER_ROLES } from '../../../domain/review.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { CheckboxGroup, FormPage, InputField, LocalizedField, SelectField, errorId, homeCrumbs, type FieldErrors, type Option } from '../../../web/ui/index.js';
import type { Recommendation, ReviewReport } from '../review.model.js';
import {
  engagementEditPath,
  engagementNewPath,
  engagementPath,
  recommendationNewPath,
  recommendationResponsePath,
  reportCorrectionPath,
  reportPath,
  reviewerNewPath,
  reviewsPath,
} from '../review.paths.js';

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

export interface EngagementFormValues {
  title: Localized;
  termsOfReference: Localized;
  periodStart: string;
  periodEnd: string;
  planIds: string[];
  funding: { source: Localized; sector: string; sharePercent: string }[];
}

/** The funding rows the form offers: those given, and empty ones up to this many. */
export const FUNDING_ROWS = 4;

/** A new engagement's form, or, given `engagement`, the form that edits it at its version (409 shows `conflict`). */
export function EngagementFormPage(props: {
  ctx: PageContext;
  values: EngagementFormValues;
  plans: Option[];
  errors: FieldErrors;
  engagement?: { id: number; title: Localized; version: number };
  conflict?: boolean;
}) {
  const { ctx, values, engagement } = props;
  const { lang } = ctx;
  const field = { lang, errors: props.errors };
  const rows = [
    ...values.funding,
    ...Array.from({ length: Math.max(0, FUNDING_ROWS - values.funding.length) }, () => ({ source: emptyLocalized(), sector: '', sharePercent: '' })),
  ];
  const crumbs = [...homeCrumbs(lang), { label: t(lang, 'review.siteTitle'), path: reviewsPath() }];
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, engagement ? 'review.engagement.edit' : 'review.engagement.new')}
      crumbs={engagement ? [...crumbs, { label: pick(engagement.title, lang), path: engagementPath(engagement) }] : crumbs}
      action={engagement ? engagementEditPath(engagement) : engagementNewPath}
      cancel={engagement ? engagementPath(engagement) : reviewsPath()}
      submitLabel={t(lang, engagement ? 'review.engagement.save' : 'review.engagement.create')}
      errors={props.errors}
      conflict={props.conflict}
      version={engagement?.version}
    >
      <LocalizedField {...field} name="title" label={t(lang, 'review.engagement.title')} value={values.title} />
      <LocalizedField {...field} name="termsOfReference" label={t(lang, 'review.terms')} value={values.termsOfReference} multiline />
      <InputField {...field} name="periodStart" type="date" label={t(lang, 'review.engagement.start')} value={values.periodStart} />
      <InputField {...field} name="periodEnd" type="date" label={t(lang, 'review.engagement.end')} value={values.periodEnd} />
      <CheckboxGroup {...field} name="planIds" label={t(lang, 'review.plans')} values={values.planIds} options={props.plans} />
      <fieldset class="field" aria-describedby={props.errors.funding ? errorId('funding') : undefined}>
        <legend>{t(lang, 'review.funding')}</legend>
        {props.errors.funding ? (
          <p class="field-error" id={errorId('funding')}>
            {props.errors.funding}
          </p>
        ) : null}
        {rows.map((row, i) => (
          <fieldset class="field">
            <legend>{t(lang, 'review.funding.row', { n: i + 1 })}</legend>
            <LocalizedField {...field} name={`funding.${i}.source`} label={t(lang, 'review.funding.source')} value={row.source} />
            <SelectField
              {...field}
              name={`funding.${i}.sector`}
              label={t(lang, 'review.funding.sector')}
              value={row.sector}
              options={[{ value: '', label: '–' }, ...FUNDING_SECTORS.map((s) => ({ value: s, label: t(lang, `review.sector.${s}`) }))]}
            />
            <InputField {...field} name={`funding.${i}.sharePercent`} type="number" label={t(lang, 'review.funding.share')} value={row.sharePercent} />
          </fieldset>
        ))}
      </fieldset>
    </FormPage>
  );
}

export interface ReviewerFormValues {
  email: string;
  role: string;
  affiliations: Localized;
  interests: Localized;
}

export function ReviewerFormPage(props: { ctx: PageContext; engagement: { id: number; title: Localized }; values: ReviewerFormValues; errors: FieldErrors }) {
  const { ctx, engagement, values } = props;
  const { lang } = ctx;
  const field = { lang, errors: props.errors };
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'review.reviewer.add')}
      crumbs={[
        ...homeCrumbs(lang),
        { label: t(lang, 'review.siteTitle'), path: reviewsPath() },
        { label: pick(engagement.title, lang), path: engagementPath(engagement) },
      ]}
      action={reviewerNewPath(engagement)}
      cancel={engagementPath(engagement)}
      submitLabel={t(lang, 'review.reviewer.add')}
      errors={props.errors}
      intro={<p class="help">{t(lang, 'review.reviewer.help')}</p>}
    >
      <InputField {...field} name="email" type="email" label={t(lang, 'review.reviewer.email')} value={values.email} />
      <SelectField
        {...field}
        name="role"
        label={t(lang, 'review.reviewerRole')}
        value={values.role}
        options={REVIEWER_ROLES.map((r) => ({ value: r, label: t(lang, `review.role.${r}`) }))}
      />
      <LocalizedField {...field} name="affiliations" label={t(lang, 'review.affiliations')} value={values.affiliations} multiline />
      <LocalizedField {...field} name="interests" label={t(lang, 'review.interests')} value={values.interests} multiline />
    </FormPage>
  );
}
