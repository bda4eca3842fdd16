/** The form on which an engagement's reviewers start a report: its plan, kind, commitment (end-of-commitment only), scales, title, overview and comment period. */
import { pick, type Localized } from '../../../domain/localized.js';
import { REVIEW_KINDS, SCALE_SETS } from '../../../domain/review.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { FormPage, InputField, LocalizedField, SelectField, type FieldErrors, type Option } from '../../../web/ui/index.js';
import { engagementPath, reportNewPath } from '../review.paths.js';
import { reviewsCrumbs } from './parts.js';

/** A report's form as its controls hold it: text, the empty commitment meaning none. */
export interface ReportFormValues {
  planId: string;
  kind: string;
  commitmentId: string;
  scaleSet: string;
  title: Localized;
  overview: Localized;
  commentDays: string;
}

export function ReportFormPage(props: {
  ctx: PageContext;
  engagement: { id: number; title: Localized };
  values: ReportFormValues;
  /** The engagement's plans. */
  plans: Option[];
  /** The commitments of the engagement's plans (named with their plan when there are several plans). */
  commitments: Option[];
  errors: FieldErrors;
}) {
  const { ctx, engagement, values } = props;
  const { lang } = ctx;
  const field = { lang, errors: props.errors };
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'review.report.new')}
      crumbs={[...reviewsCrumbs(lang), { label: pick(engagement.title, lang), path: engagementPath(engagement) }]}
      action={reportNewPath(engagement)}
      cancel={`${engagementPath(engagement)}#reports`}
      submitLabel={t(lang, 'review.report.create')}
      errors={props.errors}
      intro={<p class="help">{t(lang, 'review.report.newHelp')}</p>}
    >
      <SelectField
        {...field}
        name="planId"
        label={t(lang, 'review.report.plan')}
        value={values.planId}
        options={props.plans}
        includeEmpty={props.plans.length > 1}
        required
      />
      <SelectField
        {...field}
        name="kind"
        label={t(lang, 'review.report.kind')}
        value={values.kind}
        options={REVIEW_KINDS.map((k) => ({ value: k, label: t(lang, `review.kind.${k}`) }))}
        includeEmpty
        required
      />
      <SelectField
        {...field}
        name="commitmentId"
        label={t(lang, 'review.report.commitment')}
        value={values.commitmentId}
        options={[{ value: '', label: t(lang, 'review.report.noCommitment') }, ...props.commitments]}
      />
      <SelectField
        {...field}
        name="scaleSet"
        label={t(lang, 'review.report.scaleSet')}
        value={values.scaleSet}
        options={SCALE_SETS.map((s) => ({ value: s, label: t(lang, `review.scaleSet.${s}`) }))}
      />
      <LocalizedField {...field} name="title" label={t(lang, 'review.report.title')} value={values.title} required />
      <LocalizedField {...field} name="overview" label={t(lang, 'review.overview')} value={values.overview} multiline />
      <InputField
        {...field}
        name="commentDays"
        type="number"
        label={t(lang, 'review.report.commentDays')}
        help={t(lang, 'review.report.commentDaysHelp')}
        value={values.commentDays}
      />
    </FormPage>
  );
}
