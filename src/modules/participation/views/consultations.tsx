/** A plan's consultations (their windows, audiences and input counts), one consultation's page, and its form. */
import type { Child } from 'hono/jsx';
import { pick, type Localized } from '../../../domain/localized.js';
import { AUDIENCES, CONSULTATION_TARGETS, PLAN_SECTIONS, windowState } from '../../../domain/participation.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import {
  DataTable,
  DeleteAction,
  FormPage,
  InputField,
  LocalizedField,
  SelectField,
  formatDateTime,
  planCrumbs,
  type FieldErrors,
} from '../../../web/ui/index.js';
import type { Consultation } from '../participation.model.js';
import { consultationEditPath, consultationPath, consultationsPath, inputsPath, newConsultationPath, newInputPath } from '../participation.paths.js';
import type { InputThread } from '../participation.reads.js';
import { InputItem, type InputNames } from './input-item.js';

export function WindowText(props: { consultation: Consultation; now: Date; lang: PageContext['lang'] }) {
  const { consultation: c, lang } = props;
  const state = windowState(c, props.now);
  const date = formatDateTime(state === 'scheduled' ? c.opensAt : c.closesAt, lang);
  return <span class={`badge window-${state}`}>{t(lang, `participation.consultation.state.${state}`, { date })}</span>;
}

export function ConsultationsPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  consultations: readonly Consultation[];
  counts: Map<number, number>;
  targets: Map<string, string>;
  now: Date;
  canManage: boolean;
}) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  const title = t(lang, 'participation.consultations.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[...planCrumbs(lang, plan), { label: t(lang, 'participation.inputs.title'), path: inputsPath(plan) }, { label: title }]}
    >
      <h1>{title}</h1>
      <p>{t(lang, 'participation.consultations.intro')}</p>
      {props.canManage ? (
        <p>
          <a class="button" href={href(lang, newConsultationPath(plan))}>
            {t(lang, 'participation.consultations.new')}
          </a>
        </p>
      ) : null}
      <DataTable
        caption={title}
        rows={props.consultations}
        empty={t(lang, 'participation.consultations.none')}
        columns={[
          { header: t(lang, 'participation.consultation.title'), cell: (c) => <a href={href(lang, consultationPath(plan, c))}>{pick(c.title, lang)}</a> },
          { header: t(lang, 'participation.consultation.target'), cell: (c) => props.targets.get(`${c.targetType}:${c.targetId}`) ?? '' },
          { header: t(lang, 'participation.consultation.audience'), cell: (c) => t(lang, `participation.consultation.audience.${c.audience}`) },
          { header: t(lang, 'participation.consultation.window'), cell: (c) => <WindowText consultation={c} now={props.now} lang={lang} /> },
          { header: t(lang, 'participation.consultation.count'), cell: (c) => String(props.counts.get(c.id) ?? 0), numeric: true },
        ]}
      />
    </Layout>
  );
}

export function ConsultationPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  consultation: Consultation;
  targetLabel: string;
  threads: readonly InputThread[];
  total: number;
  names: InputNames;
  now: Date;
  canManage: boolean;
  canTakePart: boolean;
  /** The follow button (the notifications capability's). */
  follow?: Child;
}) {
  const { ctx, plan, consultation: c } = props;
  const { lang } = ctx;
  const title = pick(c.title, lang);
  const open = windowState(c, props.now) === 'open';
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[...planCrumbs(lang, plan), { label: t(lang, 'participation.consultations.title'), path: consultationsPath(plan) }, { label: title }]}
    >
      <h1>{title}</h1>
      {props.follow ?? null}
      <p>
        <WindowText consultation={c} now={props.now} lang={lang} /> · {t(lang, `participation.consultation.audience.${c.audience}`)} ·{' '}
        {t(lang, 'participation.consultation.target')}: {props.targetLabel}
      </p>
      <div class="prose">{pick(c.question, lang)}</div>
      {open && props.canTakePart ? (
        <p>
          <a class="button" href={href(lang, newInputPath(plan, { targetType: c.targetType, targetId: c.targetId, consultationId: c.id }))}>
            {t(lang, 'participation.inputs.comment')}
          </a>
        </p>
      ) : null}
      {props.canManage ? (
        <p>
          <a href={href(lang, consultationEditPath(plan, c))}>{t(lang, 'participation.consultation.edit')}</a>
        </p>
      ) : null}
      <h2>{t(lang, 'participation.consultation.inputs', { count: props.total })}</h2>
      {props.threads.length === 0 ? <p>{t(lang, 'participation.inputs.none')}</p> : null}
      {props.threads.map((thread) => (
        <InputItem ctx={ctx} plan={plan} input={thread.input} replies={thread.replies} names={props.names} now={props.now} link />
      ))}
      {props.total > props.threads.length ? (
        <p>
          <a href={href(lang, `${inputsPath(plan)}?consultation=${c.id}`)}>{t(lang, 'participation.inputs.all')}</a>
        </p>
      ) : null}
    </Layout>
  );
}

export interface ConsultationFormValues {
  targetType: string;
  targetId: string;
  section: string;
  title: Localized;
  question: Localized;
  audience: string;
  opensAt: string;
  closesAt: string;
  phaseId: string;
}

export function ConsultationFormPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  consultation: Consultation | null;
  values: ConsultationFormValues;
  errors: FieldErrors;
  conflict?: boolean;
  phases: readonly { id: number; label: string }[];
}) {
  const { ctx, plan, values, errors, consultation } = props;
  const { lang } = ctx;
  const title = t(lang, consultation ? 'participation.consultation.edit' : 'participation.consultations.new');
  return (
    <FormPage
      ctx={ctx}
      title={title}
      crumbs={[...planCrumbs(lang, plan), { label: t(lang, 'participation.consultations.title'), path: consultationsPath(plan) }]}
      action={consultation ? consultationEditPath(plan, consultation) : newConsultationPath(plan)}
      cancel={consultation ? consultationPath(plan, consultation) : consultationsPath(plan)}
      submitLabel={t(lang, 'form.save')}
      errors={errors}
      conflict={props.conflict}
      version={consultation?.version}
      after={
        consultation ? (
          <DeleteAction
            ctx={ctx}
            action={`${consultationEditPath(plan, consultation)}/delete`}
            version={consultation.version}
            label={t(lang, 'participation.consultation.delete')}
          />
        ) : undefined
      }
    >
      <LocalizedField name="title" label={t(lang, 'participation.consultation.title')} value={values.title} required errors={errors} lang={lang} />
      <LocalizedField
        name="question"
        label={t(lang, 'participation.consultation.question')}
        value={values.question}
        multiline
        rows={4}
        required
        errors={errors}
        lang={lang}
      />
      <SelectField
        name="targetType"
        label={t(lang, 'participation.consultation.targetType')}
        value={values.targetType}
        options={CONSULTATION_TARGETS.map((k) => ({ value: k, label: t(lang, `participation.target.${k}`) }))}
        required
        errors={errors}
        lang={lang}
      />
      <InputField
        name="targetId"
        label={t(lang, 'participation.consultation.targetId')}
        help={t(lang, 'participation.consultation.targetId.help')}
        value={values.targetId}
        required
        errors={errors}
        lang={lang}
      />
      <SelectField
        name="section"
        label={t(lang, 'participation.consultation.section')}
        value={values.section}
        options={PLAN_SECTIONS.map((s) => ({ value: s, label: t(lang, `participation.section.${s}`) }))}
        includeEmpty
        errors={errors}
        lang={lang}
      />
      <SelectField
        name="audience"
        label={t(lang, 'participation.consultation.audience')}
        value={values.audience}
        options={AUDIENCES.map((a) => ({ value: a, label: t(lang, `participation.consultation.audience.${a}`) }))}
        required
        errors={errors}
        lang={lang}
      />
      <InputField
        name="opensAt"
        type="datetime-local"
        label={t(lang, 'participation.consultation.opensAt')}
        help={t(lang, 'participation.consultation.timeHelp')}
        value={values.opensAt}
        required
        errors={errors}
        lang={lang}
      />
      <InputField
        name="closesAt"
        type="datetime-local"
        label={t(lang, 'participation.consultation.closesAt')}
        help={t(lang, 'participation.consultation.timeHelp')}
        value={values.closesAt}
        required
        errors={errors}
        lang={lang}
      />
      <SelectField
        name="phaseId"
        label={t(lang, 'participation.consultation.phase')}
        value={values.phaseId}
        options={props.phases.map((p) => ({ value: String(p.id), label: p.label }))}
        includeEmpty
        errors={errors}
        lang={lang}
      />
    </FormPage>
  );
}
