/** The reviewers' forms on a report's own words and shape: its texts, a recommendation's words, clustering units, splitting one. */
import { pick, type Localized } from '../../../domain/localized.js';
import { type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { CheckboxGroup, FormPage, InputField, LocalizedField, type FieldErrors, type Option } from '../../../web/ui/index.js';
import type { Recommendation, ReviewReport, ReviewUnit } from '../review.model.js';
import { clusterNewPath, recommendationEditPath, reportEditPath, reportPath, unitSplitPath } from '../review.paths.js';
import { reviewsCrumbs } from './parts.js';

const crumbsOf = (ctx: PageContext, report: ReviewReport) => [...reviewsCrumbs(ctx.lang), { label: pick(report.title, ctx.lang), path: reportPath(report) }];

export interface ReportTextValues {
  title: Localized;
  overview: Localized;
  changeNote: Localized;
  commentDays: string;
}

/** The report's title and overview; its days of comment while a draft; a correction's change note. */
export function ReportTextsPage(props: { ctx: PageContext; report: ReviewReport; values: ReportTextValues; errors: FieldErrors; conflict: boolean }) {
  const { ctx, report, values, errors } = props;
  const { lang } = ctx;
  const field = { lang, errors };
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'review.edit.texts')}
      crumbs={crumbsOf(ctx, report)}
      action={reportEditPath(report)}
      cancel={reportPath(report)}
      submitLabel={t(lang, 'review.edit.save')}
      errors={errors}
      conflict={props.conflict}
      version={report.version}
    >
      <LocalizedField {...field} name="title" label={t(lang, 'review.edit.title')} value={values.title} />
      <LocalizedField {...field} name="overview" label={t(lang, 'review.overview')} value={values.overview} multiline />
      {report.edition > 1 ? (
        <LocalizedField {...field} name="changeNote" label={t(lang, 'review.action.changeNote')} value={values.changeNote} multiline />
      ) : null}
      {report.state === 'draft' && report.edition === 1 ? (
        <InputField {...field} name="commentDays" label={t(lang, 'review.edit.commentDays')} value={values.commentDays} type="number" />
      ) : null}
    </FormPage>
  );
}

/** A recommendation's words, before the report is published. */
export function RecommendationEditPage(props: {
  ctx: PageContext;
  report: ReviewReport;
  recommendation: Recommendation;
  body: Localized;
  errors: FieldErrors;
  conflict: boolean;
}) {
  const { ctx, report, recommendation } = props;
  const { lang } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'review.edit.recommendation', { number: recommendation.number })}
      crumbs={crumbsOf(ctx, report)}
      action={recommendationEditPath(recommendation)}
      cancel={`${reportPath(report)}#recommendations`}
      submitLabel={t(lang, 'review.edit.save')}
      errors={props.errors}
      conflict={props.conflict}
      version={recommendation.version}
    >
      <LocalizedField lang={lang} errors={props.errors} name="body" label={t(lang, 'review.recommendation.body')} value={props.body} multiline />
    </FormPage>
  );
}

/** Clusters related units into one: the first chosen keeps its ratings and texts, the others' commitments join it. */
export function ClusterFormPage(props: {
  ctx: PageContext;
  report: ReviewReport;
  units: readonly ReviewUnit[];
  chosen: string[];
  title: Localized;
  errors: FieldErrors;
}) {
  const { ctx, report } = props;
  const { lang } = ctx;
  const options: Option[] = props.units.map((u) => ({ value: String(u.id), label: pick(u.title, lang) }));
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'review.edit.cluster')}
      crumbs={crumbsOf(ctx, report)}
      action={clusterNewPath(report)}
      cancel={`${reportPath(report)}#units`}
      submitLabel={t(lang, 'review.edit.clusterSave')}
      errors={props.errors}
      intro={<p class="help">{t(lang, 'review.edit.clusterHelp')}</p>}
    >
      <CheckboxGroup lang={lang} errors={props.errors} name="unitIds" label={t(lang, 'review.units')} values={props.chosen} options={options} />
      <LocalizedField lang={lang} errors={props.errors} name="title" label={t(lang, 'review.edit.clusterTitle')} value={props.title} />
    </FormPage>
  );
}

/** Splits a unit: a new unit after it, on the same commitments, rated on its own. */
export function SplitFormPage(props: { ctx: PageContext; report: ReviewReport; unit: ReviewUnit; title: Localized; errors: FieldErrors }) {
  const { ctx, report, unit } = props;
  const { lang } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'review.edit.split', { unit: pick(unit.title, lang) })}
      crumbs={crumbsOf(ctx, report)}
      action={unitSplitPath(unit)}
      cancel={`${reportPath(report)}#units`}
      submitLabel={t(lang, 'review.edit.splitSave')}
      errors={props.errors}
      intro={<p class="help">{t(lang, 'review.edit.splitHelp')}</p>}
    >
      <LocalizedField lang={lang} errors={props.errors} name="title" label={t(lang, 'review.edit.splitTitle')} value={props.title} />
    </FormPage>
  );
}
