/** The self-assessment's pages: a plan's assessments, one assessment with its entries, and the secretariat's forms. */
import { pick, type Lang } from '../../../domain/localized.js';
import { COMMITMENT_STATUSES, type ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { commitmentPath, inputsPath, newInputPath } from '../../../web/paths.js';
import {
  DataTable,
  DefinitionList,
  DemoNotice,
  FormPage,
  InputField,
  LocalizedField,
  Paragraphs,
  SelectField,
  VersionedAction,
  formatDate,
  type FieldErrors,
} from '../../../web/ui/index.js';
import { planCrumbs } from '../../../web/ui/crumbs.js';
import { taipeiDay } from '../../../domain/monitoring.js';
import type { SelfAssessment, SelfAssessmentEntry, SelfAssessmentWhole } from '../selfassessment.model.js';
import { entryEditPath, planSelfAssessmentsPath, selfAssessmentNewPath, selfAssessmentPath, selfAssessmentStepPath } from '../selfassessment.paths.js';

type Text = { zh: string; en: string; status: 'missing' | 'draft' | 'reviewed' };
export interface CommitmentLabel {
  id: number;
  number: string;
  title: { zh: string; en: string; status: 'missing' | 'draft' | 'reviewed' };
}

const day = (d: Date | null, lang: Lang) => (d ? formatDate(taipeiDay(d), lang) : '–');
const crumbs = (lang: Lang, plan: ActionPlan) => [
  ...planCrumbs(lang, plan),
  { label: t(lang, 'selfAssessment.planLink'), path: planSelfAssessmentsPath(plan) },
];

function stateLine(lang: Lang, a: SelfAssessment, open: boolean): string {
  if (a.state === 'published') return t(lang, 'review.publishedOn', { date: day(a.publishedAt, lang) });
  if (a.state === 'comment')
    return open
      ? t(lang, 'review.commentOpen', { closes: day(a.commentClosesAt, lang) })
      : t(lang, 'review.commentClosed', { closes: day(a.commentClosesAt, lang) });
  return t(lang, 'review.state.draft');
}

export function SelfAssessmentsPage(props: { ctx: PageContext; plan: ActionPlan; assessments: readonly SelfAssessment[]; mayWrite: boolean; now: Date }) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  const title = t(lang, 'selfAssessment.list.title', { plan: pick(plan.title, lang) });
  return (
    <Layout ctx={ctx} title={title} crumbs={[...planCrumbs(lang, plan), { label: t(lang, 'selfAssessment.planLink') }]}>
      <h1>{title}</h1>
      <p>{t(lang, 'selfAssessment.list.intro')}</p>
      {props.mayWrite ? (
        <p>
          <a class="button" href={href(lang, selfAssessmentNewPath(plan))}>
            {t(lang, 'selfAssessment.new')}
          </a>
        </p>
      ) : null}
      <DataTable<SelfAssessment>
        caption={t(lang, 'selfAssessment.list.caption')}
        rows={props.assessments}
        empty={t(lang, 'selfAssessment.list.none')}
        columns={[
          { header: t(lang, 'selfAssessment.year'), nowrap: true, cell: (a) => String(a.year) },
          { header: t(lang, 'selfAssessment.title'), rowHeader: true, cell: (a) => <a href={href(lang, selfAssessmentPath(a))}>{pick(a.title, lang)}</a> },
          {
            header: t(lang, 'selfAssessment.state'),
            cell: (a) => stateLine(lang, a, a.state === 'comment' && a.commentClosesAt !== null && props.now < a.commentClosesAt),
          },
        ]}
      />
    </Layout>
  );
}

export function SelfAssessmentPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  whole: SelfAssessmentWhole;
  commitments: Map<number, CommitmentLabel>;
  commentsOpen: boolean;
  commentCount: number;
  mayWrite: boolean;
}) {
  const { ctx, plan, whole } = props;
  const { lang } = ctx;
  const a = whole.assessment;
  const title = pick(a.title, lang);
  const label = (e: SelfAssessmentEntry) => {
    const c = props.commitments.get(e.commitmentId);
    return c ? `${c.number} ${pick(c.title, lang)}` : '–';
  };
  return (
    <Layout ctx={ctx} title={title} crumbs={[...crumbs(lang, plan), { label: title }]}>
      <h1>{title}</h1>
      {a.isDemo ? <DemoNotice lang={lang} message={t(lang, 'selfAssessment.demoNotice')} /> : null}
      <DefinitionList
        items={[
          { label: t(lang, 'selfAssessment.year'), value: String(a.year) },
          { label: t(lang, 'selfAssessment.state'), value: <strong>{stateLine(lang, a, props.commentsOpen)}</strong> },
        ]}
      />
      {a.state !== 'draft' ? (
        <p class="actions">
          <a href={href(lang, `${inputsPath(plan)}?target=self-assessment:${a.id}`)}>{t(lang, 'selfAssessment.comments', { count: props.commentCount })}</a>
          {props.commentsOpen ? (
            <>
              {' '}
              <a class="button" href={href(lang, newInputPath(plan, { targetType: 'self-assessment', targetId: a.id }))}>
                {t(lang, 'selfAssessment.comment')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {props.mayWrite ? (
        <div class="actions">
          {a.state === 'draft' ? (
            <VersionedAction
              ctx={ctx}
              action={selfAssessmentStepPath(a, 'comment-period')}
              version={a.version}
              label={t(lang, 'selfAssessment.action.openComment', { days: a.commentDays })}
            />
          ) : null}
          {a.state === 'comment' && !props.commentsOpen ? (
            <VersionedAction ctx={ctx} action={selfAssessmentStepPath(a, 'publication')} version={a.version} label={t(lang, 'selfAssessment.action.publish')} />
          ) : null}
        </div>
      ) : null}
      <section aria-labelledby="summary">
        <h2 id="summary">{t(lang, 'selfAssessment.summary')}</h2>
        <Paragraphs value={a.summary} lang={lang} />
      </section>
      <section aria-labelledby="entries">
        <h2 id="entries">{t(lang, 'selfAssessment.entries')}</h2>
        <DataTable<SelfAssessmentEntry>
          caption={t(lang, 'selfAssessment.entries.caption')}
          rows={whole.entries}
          empty=""
          columns={[
            {
              header: t(lang, 'selfAssessment.entry.commitment'),
              rowHeader: true,
              cell: (e) => {
                const c = props.commitments.get(e.commitmentId);
                return c ? <a href={href(lang, commitmentPath(plan, c))}>{label(e)}</a> : '–';
              },
            },
            { header: t(lang, 'selfAssessment.entry.status'), nowrap: true, cell: (e) => t(lang, `commitment.status.${e.status}`) },
            { header: t(lang, 'selfAssessment.entry.narrative'), cell: (e) => pick(e.narrative, lang) || t(lang, 'selfAssessment.entry.noNarrative') },
            props.commentsOpen
              ? {
                  header: t(lang, 'selfAssessment.entry.comment'),
                  cell: (e: SelfAssessmentEntry) => (
                    <a href={href(lang, newInputPath(plan, { targetType: 'self-assessment-entry', targetId: e.id }))}>
                      {t(lang, 'selfAssessment.entry.comment')}
                      <span class="visually-hidden">{`: ${label(e)}`}</span>
                    </a>
                  ),
                }
              : null,
            props.mayWrite && a.state !== 'published'
              ? {
                  header: t(lang, 'selfAssessment.entry.edit'),
                  cell: (e: SelfAssessmentEntry) => (
                    <a href={href(lang, entryEditPath(e))}>
                      {t(lang, 'selfAssessment.entry.edit')}
                      <span class="visually-hidden">{`: ${label(e)}`}</span>
                    </a>
                  ),
                }
              : null,
          ]}
        />
      </section>
    </Layout>
  );
}

export interface NewFormValues {
  year: string;
  title: Text;
  summary: Text;
  commentDays: string;
}

export function NewSelfAssessmentPage(props: { ctx: PageContext; plan: ActionPlan; values: NewFormValues; errors: FieldErrors }) {
  const { ctx, plan, values, errors } = props;
  const { lang } = ctx;
  const field = { lang, errors };
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'selfAssessment.new.title', { plan: pick(plan.title, lang) })}
      crumbs={crumbs(lang, plan)}
      action={selfAssessmentNewPath(plan)}
      cancel={planSelfAssessmentsPath(plan)}
      submitLabel={t(lang, 'selfAssessment.create')}
      errors={errors}
      conflict={false}
      intro={<p class="help">{t(lang, 'selfAssessment.new.help')}</p>}
    >
      <InputField {...field} name="year" label={t(lang, 'selfAssessment.year')} value={values.year} type="number" required />
      <LocalizedField {...field} name="title" label={t(lang, 'selfAssessment.title')} value={values.title} />
      <LocalizedField {...field} name="summary" label={t(lang, 'selfAssessment.summary')} value={values.summary} multiline />
      <InputField {...field} name="commentDays" label={t(lang, 'selfAssessment.commentDays')} value={values.commentDays} type="number" />
    </FormPage>
  );
}

export interface EntryFormValues {
  status: string;
  narrative: Text;
}

export function EntryFormPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  assessment: SelfAssessment;
  entry: SelfAssessmentEntry;
  commitment: CommitmentLabel | undefined;
  values: EntryFormValues;
  errors: FieldErrors;
  conflict: boolean;
}) {
  const { ctx, plan, assessment, entry, values, errors } = props;
  const { lang } = ctx;
  const commitment = props.commitment ? `${props.commitment.number} ${pick(props.commitment.title, lang)}` : '';
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'selfAssessment.entry.editTitle', { year: assessment.year, commitment })}
      crumbs={[...crumbs(lang, plan), { label: pick(assessment.title, lang), path: selfAssessmentPath(assessment) }]}
      action={entryEditPath(entry)}
      cancel={selfAssessmentPath(assessment)}
      submitLabel={t(lang, 'selfAssessment.entry.save')}
      errors={errors}
      conflict={props.conflict}
      version={entry.version}
    >
      <SelectField
        lang={lang}
        errors={errors}
        name="status"
        label={t(lang, 'selfAssessment.entry.status')}
        value={values.status}
        options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(lang, `commitment.status.${s}`) }))}
      />
      <LocalizedField lang={lang} errors={errors} name="narrative" label={t(lang, 'selfAssessment.entry.narrative')} value={values.narrative} multiline />
    </FormPage>
  );
}
