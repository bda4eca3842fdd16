/**
 * An engagement's management pages: removing a reviewer (a confirmation, the secretariat), a reviewer's own
 * declaration, and the interview log with its form (the engagement's reviewers only).
 */
import { pick, type Localized } from '../../../domain/localized.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import {
  CheckboxGroup,
  DataTable,
  FormPage,
  InputField,
  LocalizedField,
  TextAreaField,
  VersionedAction,
  formatDate,
  type FieldErrors,
} from '../../../web/ui/index.js';
import type { DeclarationFormValues, InterviewFormValues } from '../review.forms.js';
import type { Interview, Reviewer } from '../review.model.js';
import { declarationPath, engagementPath, interviewsPath, reviewerRemovePath } from '../review.paths.js';
import { reviewsCrumbs } from './parts.js';

type EngagementRef = { id: number; title: Localized };

const engagementCrumbs = (ctx: PageContext, e: EngagementRef) => [...reviewsCrumbs(ctx.lang), { label: pick(e.title, ctx.lang), path: engagementPath(e) }];

/** Asks before a reviewer is removed, so a slip on the engagement's page removes nobody. */
export function RemoveReviewerPage(props: { ctx: PageContext; engagement: EngagementRef; reviewer: Reviewer }) {
  const { ctx, engagement, reviewer } = props;
  const { lang } = ctx;
  const title = t(lang, 'review.reviewer.removeTitle', { name: reviewer.name });
  return (
    <Layout ctx={ctx} title={title} crumbs={[...engagementCrumbs(ctx, engagement), { label: title }]}>
      <h1>{title}</h1>
      <VersionedAction
        ctx={ctx}
        action={reviewerRemovePath(engagement, reviewer.userId)}
        label={t(lang, 'review.reviewer.removeConfirm')}
        tone="danger"
        help={t(lang, 'review.reviewer.removeHelp')}
        helpId="remove-help"
        class="delete-form"
      />
      <p>
        <a href={href(lang, `${engagementPath(engagement)}#reviewers`)}>{t(lang, 'form.cancel')}</a>
      </p>
    </Layout>
  );
}

/** A reviewer's own public declaration: affiliations and declared interests, in both languages. */
export function DeclarationFormPage(props: { ctx: PageContext; engagement: EngagementRef; values: DeclarationFormValues; errors: FieldErrors }) {
  const { ctx, engagement, values } = props;
  const { lang } = ctx;
  const field = { lang, errors: props.errors };
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'review.declaration.edit')}
      crumbs={engagementCrumbs(ctx, engagement)}
      action={declarationPath(engagement)}
      cancel={engagementPath(engagement)}
      submitLabel={t(lang, 'review.declaration.save')}
      errors={props.errors}
      intro={<p class="help">{t(lang, 'review.declaration.help')}</p>}
    >
      <LocalizedField {...field} name="affiliations" label={t(lang, 'review.affiliations')} value={values.affiliations} multiline />
      <LocalizedField {...field} name="interests" label={t(lang, 'review.interests')} value={values.interests} multiline />
    </FormPage>
  );
}

/** The interview log (its reviewers only): the interviews held, and the form that logs another. */
export function InterviewsPage(props: {
  ctx: PageContext;
  engagement: EngagementRef;
  interviews: readonly Interview[];
  values: InterviewFormValues;
  errors: FieldErrors;
}) {
  const { ctx, engagement, values } = props;
  const { lang } = ctx;
  const field = { lang, errors: props.errors };
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'review.interviews')}
      crumbs={engagementCrumbs(ctx, engagement)}
      action={interviewsPath(engagement)}
      cancel={engagementPath(engagement)}
      submitLabel={t(lang, 'review.interview.save')}
      errors={props.errors}
      intro={
        <>
          <p class="help">{t(lang, 'review.interviews.intro')}</p>
          <DataTable<Interview>
            id="interviews"
            caption={t(lang, 'review.interviews.caption')}
            rows={props.interviews}
            empty={t(lang, 'review.interviews.none')}
            columns={[
              { header: t(lang, 'review.interview.heldOn'), rowHeader: true, nowrap: true, cell: (i) => formatDate(i.heldOn, lang) },
              { header: t(lang, 'review.interview.stakeholderGroup'), cell: (i) => i.stakeholderGroup },
              { header: t(lang, 'review.interview.consent'), cell: (i) => t(lang, i.consentToBeNamed ? 'review.interview.named' : 'review.interview.unnamed') },
              { header: t(lang, 'review.interview.interviewee'), cell: (i) => (i.consentToBeNamed && i.interviewee !== '' ? i.interviewee : '–') },
              { header: t(lang, 'review.interview.notes'), cell: (i) => i.notes },
            ]}
          />
          <h2 id="add-interview">{t(lang, 'review.interview.add')}</h2>
        </>
      }
    >
      <InputField {...field} name="heldOn" type="date" label={t(lang, 'review.interview.heldOn')} value={values.heldOn} required />
      <InputField {...field} name="stakeholderGroup" label={t(lang, 'review.interview.stakeholderGroup')} value={values.stakeholderGroup} required />
      <CheckboxGroup
        {...field}
        name="consentToBeNamed"
        label={t(lang, 'review.interview.consent')}
        values={values.consentToBeNamed}
        options={[{ value: 'true', label: t(lang, 'review.interview.consentOption') }]}
      />
      <InputField {...field} name="interviewee" label={t(lang, 'review.interview.interviewee')} value={values.interviewee} />
      <TextAreaField {...field} name="notes" label={t(lang, 'review.interview.notes')} value={values.notes} rows={5} required />
    </FormPage>
  );
}
