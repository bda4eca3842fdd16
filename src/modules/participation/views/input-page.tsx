/** One input's page: the input with its response and replies, and what the reader may do: edit or withdraw their own, reply, respond. */
import type { Child } from 'hono/jsx';
import type { Localized } from '../../../domain/localized.js';
import { EDIT_WINDOW_MINUTES, RESPONSE_STATES } from '../../../domain/participation.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import {
  CsrfField,
  ErrorSummary,
  FormActions,
  InputField,
  LocalizedField,
  SelectField,
  VersionField,
  VersionedAction,
  formatDateTime,
  planCrumbs,
  type FieldErrors,
  type Option,
} from '../../../web/ui/index.js';
import type { Input } from '../participation.model.js';
import { inputActionPath, inputPath, inputsPath } from '../participation.paths.js';
import { InputItem, type InputNames } from './input-item.js';
import { HoneypotField, WordsFields } from './input-form-fields.js';

export interface ResponseFormValues {
  state: string;
  reason: Localized;
  referredTo: string;
  changeHistoryId: string;
}

export interface InputPageActions {
  /** The author, within the window: the words as the edit form shows them. */
  edit?: { body: string; until: Date };
  withdraw?: boolean;
  reply?: { body: string; lang: string };
  /** Those who owe the answer: the response form, with the recent changes it may link. */
  respond?: { values: ResponseFormValues; changes: readonly Option[] };
  /** Forms of other capabilities (follow, report, moderate, appeal). */
  more?: Child;
}

export function InputPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  input: Input;
  replies: readonly Input[];
  names: InputNames;
  now: Date;
  actions: InputPageActions;
  /** Which form the messages belong to, after a refused post. */
  errorsFor?: 'edit' | 'reply' | 'respond';
  errors?: FieldErrors;
  conflict?: boolean;
  /** The words of a hidden input (its moderators, deciding an appeal). */
  showHidden?: boolean;
}) {
  const { ctx, plan, input, actions } = props;
  const { lang } = ctx;
  const title = t(lang, 'participation.page.title', { id: input.id });
  const errorsOf = (form: 'edit' | 'reply' | 'respond'): FieldErrors => (props.errorsFor === form ? (props.errors ?? {}) : {});
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[...planCrumbs(lang, plan), { label: t(lang, 'participation.inputs.title'), path: inputsPath(plan) }, { label: title }]}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={props.errors ?? {}} lang={lang} conflict={props.conflict} />
      <InputItem ctx={ctx} plan={plan} input={input} replies={props.replies} names={props.names} now={props.now} showHidden={props.showHidden} />
      {actions.more ?? null}
      {actions.edit ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t(lang, 'participation.edit', { time: formatDateTime(actions.edit.until, lang) })}</h2>
          <form method="post" action={href(lang, inputActionPath(plan, input, 'edit'))} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <VersionField version={input.version} />
            <WordsFields lang={lang} errors={errorsOf('edit')} body={actions.edit.body} writtenIn={input.lang} name="body" />
            <FormActions lang={lang} submitLabel={t(lang, 'participation.edit.save')} cancelHref={href(lang, inputPath(plan, input))} />
          </form>
        </section>
      ) : null}
      {actions.withdraw ? (
        <VersionedAction
          ctx={ctx}
          action={inputActionPath(plan, input, 'withdraw')}
          version={input.version}
          label={t(lang, 'participation.withdraw')}
          help={t(lang, 'participation.withdraw.help')}
          helpId="withdraw-help"
          tone="danger"
          class="action-form"
        />
      ) : null}
      {actions.respond ? (
        <ResponseForm ctx={ctx} plan={plan} input={input} values={actions.respond.values} changes={actions.respond.changes} errors={errorsOf('respond')} />
      ) : null}
      {actions.reply ? (
        <section aria-labelledby="reply-heading">
          <h2 id="reply-heading">{t(lang, 'participation.reply')}</h2>
          <form method="post" action={href(lang, inputActionPath(plan, input, 'reply'))} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <WordsFields lang={lang} errors={errorsOf('reply')} body={actions.reply.body} writtenIn={actions.reply.lang} rows={4} />
            <HoneypotField lang={lang} id="f-reply-website" />
            <button type="submit" class="button">
              {t(lang, 'participation.reply.post')}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

function ResponseForm(props: {
  ctx: PageContext;
  plan: ActionPlan;
  input: Input;
  values: ResponseFormValues;
  changes: readonly Option[];
  errors: FieldErrors;
}) {
  const { ctx, values, errors } = props;
  const { lang } = ctx;
  return (
    <section aria-labelledby="respond-heading">
      <h2 id="respond-heading">{t(lang, 'participation.response.form')}</h2>
      <form method="post" action={href(lang, inputActionPath(props.plan, props.input, 'respond'))} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <VersionField version={props.input.version} />
        <SelectField
          name="state"
          label={t(lang, 'participation.response.state')}
          value={values.state}
          options={RESPONSE_STATES.map((s) => ({ value: s, label: t(lang, `participation.response.state.${s}`) }))}
          required
          errors={errors}
          lang={lang}
        />
        <LocalizedField
          name="reason"
          label={t(lang, 'participation.response.reason')}
          help={t(lang, 'participation.response.reason.help')}
          value={values.reason}
          multiline
          rows={4}
          errors={errors}
          lang={lang}
        />
        <InputField name="referredTo" label={t(lang, 'participation.response.referredTo')} value={values.referredTo} errors={errors} lang={lang} />
        <SelectField
          name="changeHistoryId"
          label={t(lang, 'participation.response.changeLink')}
          help={t(lang, 'participation.response.changeLink.help')}
          value={values.changeHistoryId}
          options={[{ value: '', label: t(lang, 'participation.response.changeLink.none') }, ...props.changes]}
          errors={errors}
          lang={lang}
        />
        <button type="submit" class="button">
          {t(lang, 'participation.response.save')}
        </button>
      </form>
    </section>
  );
}

export const editWindowEnd = (input: Input) => new Date(input.submittedAt.getTime() + EDIT_WINDOW_MINUTES * 60_000);
