/** One progress report: its content, actions on the draft, evidence and contributions, its revisions. */
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from '../../../domain/monitoring.js';
import type { Lang } from '../../../domain/localized.js';
import type { ActionPlan, Agency, Commitment, Milestone } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { commitmentHistoryPath, evidenceDeletePath, reportActionPath, reportEditPath, reportPath } from '../../../web/paths.js';
import {
  CustomField,
  DemoNotice,
  ErrorSummary,
  InputField,
  LocalizedField,
  Notice,
  VersionedAction,
  commitmentCrumbs,
  errorId,
  formatDateTime,
  inputId,
  type FieldErrors,
} from '../../../web/ui/index.js';
import { contributionForm, evidenceForm, type ContributionFormValues, type EvidenceFormValues } from '../monitoring.forms.js';
import { EvidenceList, PanelForm, ReportBody, ReportByline, cycleLabel, cycleName, type ReportView } from './parts.js';

/** A file picker (the kit's fields give every control a value, which a file input may not have); its help is read before its message. */
function FileField(props: { name: string; label: string; help: string; errors: FieldErrors; lang: Lang }) {
  const helpId = `${inputId(props.name)}-help`;
  const describedBy = props.errors[props.name] ? `${helpId} ${errorId(props.name)}` : helpId;
  return (
    <CustomField
      {...props}
      control={({ id, name, 'aria-invalid': invalid }) => <input id={id} name={name} type="file" aria-describedby={describedBy} aria-invalid={invalid} />}
    />
  );
}

export function ReportPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  commitment: Commitment;
  milestones: Milestone[];
  agencies: Map<number, Agency>;
  view: ReportView;
  revisions: ReportView[];
  canWrite: boolean;
  canContribute: boolean;
  errors?: FieldErrors;
  /** What was typed into the evidence or contribution form, when it comes back with a message. */
  evidence?: EvidenceFormValues;
  contribution?: ContributionFormValues;
}) {
  const { ctx, plan, commitment, view } = props;
  const { lang } = ctx;
  const r = view.report;
  const title = `${commitment.number} · ${cycleName(view.cycle, lang)}`;
  const isDraft = r.state === 'draft';
  const errors = props.errors ?? {};
  const evidence = props.evidence ?? evidenceForm.empty();
  return (
    <Layout
      ctx={ctx}
      title={`${t(lang, 'report.title')} · ${title}`}
      crumbs={[...commitmentCrumbs(lang, plan, commitment), { label: cycleLabel(view.cycle, lang) }]}
    >
      <h1>
        {t(lang, 'report.title')} · {title}
      </h1>
      {r.isDemo ? <DemoNotice lang={lang} /> : null}
      <ErrorSummary errors={errors} lang={lang} />
      {isDraft ? <Notice>{t(lang, 'report.draftNotice')}</Notice> : null}
      {r.state === 'superseded' ? <Notice>{t(lang, 'report.supersededNotice')}</Notice> : null}
      <ReportByline view={view} agencies={props.agencies} lang={lang} />
      {isDraft && props.canWrite ? (
        <div class="actions">
          <a class="button" href={href(lang, reportEditPath(plan, commitment, r))}>
            {t(lang, 'report.edit')}
          </a>
          <VersionedAction ctx={ctx} action={reportActionPath(plan, commitment, r, 'submit')} version={r.version} label={t(lang, 'report.submit')} />
          <VersionedAction
            ctx={ctx}
            action={reportActionPath(plan, commitment, r, 'delete')}
            version={r.version}
            label={t(lang, 'report.deleteDraft')}
            tone="danger"
          />
        </div>
      ) : null}
      {r.state === 'submitted' && props.canWrite ? (
        <VersionedAction
          ctx={ctx}
          action={reportActionPath(plan, commitment, r, 'revise')}
          label={t(lang, 'report.revise')}
          tone="secondary"
          help={t(lang, 'report.reviseHelp')}
          helpId="revise-help"
          class="actions"
        />
      ) : null}
      <ReportBody view={view} milestones={props.milestones} agencies={props.agencies} lang={lang} />
      {isDraft && props.canWrite ? (
        <PanelForm
          ctx={ctx}
          id="s-add-evidence"
          title={t(lang, 'evidence.add')}
          action={reportActionPath(plan, commitment, r, 'evidence')}
          submitLabel={t(lang, 'evidence.addButton')}
          multipart
          before={<EvidenceList evidence={view.evidence} lang={lang} ctx={ctx} removePath={(e) => evidenceDeletePath(plan, commitment, r, e)} />}
        >
          <InputField name="title" label={t(lang, 'evidence.title')} value={evidence.title} errors={errors} lang={lang} />
          <InputField name="url" type="url" label={t(lang, 'evidence.url')} value={evidence.url} errors={errors} lang={lang} />
          <FileField
            name="file"
            label={t(lang, 'evidence.file')}
            help={t(lang, 'evidence.fileHelp', { max: `${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`, types: Object.keys(EVIDENCE_TYPES).join(', ') })}
            errors={errors}
            lang={lang}
          />
        </PanelForm>
      ) : null}
      {isDraft && props.canContribute ? (
        <PanelForm
          ctx={ctx}
          id="s-contribute"
          title={t(lang, 'contribution.add')}
          action={reportActionPath(plan, commitment, r, 'contributions')}
          submitLabel={t(lang, 'contribution.addButton')}
        >
          <LocalizedField
            name="body"
            label={t(lang, 'contribution.body')}
            value={(props.contribution ?? contributionForm.empty()).body}
            errors={errors}
            lang={lang}
            multiline
            rows={3}
          />
        </PanelForm>
      ) : null}
      {props.revisions.length > 1 ? (
        <section aria-labelledby="s-revisions">
          <h2 id="s-revisions">{t(lang, 'report.revisions')}</h2>
          <ol>
            {props.revisions.map((v) => (
              <li>
                {v.report.id === r.id ? (
                  <span aria-current="page">{t(lang, 'report.revisionN', { revision: v.report.revision })}</span>
                ) : (
                  <a href={href(lang, reportPath(plan, commitment, v.report))}>{t(lang, 'report.revisionN', { revision: v.report.revision })}</a>
                )}{' '}
                · {t(lang, `report.state.${v.report.state}`)}
                {v.report.submittedAt ? ` · ${formatDateTime(v.report.submittedAt, lang)}` : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p>
        <a href={href(lang, commitmentHistoryPath(plan, commitment))}>{t(lang, 'commitment.history')}</a>
      </p>
    </Layout>
  );
}
