/**
 * The moderation forms an input's page embeds (and each form's own page shows again with its messages after a
 * refused post): report it, appeal its hiding, hide or restore it, decide an appeal. They post with the CSRF token
 * and work without JavaScript (a <details> opens each). Each form's fields are named under its own prefix
 * (`hide-12.reason`), so several forms on one page keep distinct ids.
 */
import type { Child } from 'hono/jsx';
import { can } from '../../../domain/authorization.js';
import type { Lang } from '../../../domain/localized.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { CsrfField, SelectField, TextAreaField, formatDateTime, type FieldErrors } from '../../../web/ui/index.js';
import { MAX_APPEAL, MAX_HIDDEN_REASON, MAX_REPORT_NOTE } from '../moderation.limits.js';
import { isReadable, type Input } from '../participation.model.js';
import { inputModerationPath, reportReasonOptions, type InputModerationAction } from './moderation-parts.js';

type PlanRef = { slug: string };

/** The name prefix of an input's form for an action: `report-12`, `decide-12`. */
export const formPrefix = (action: InputModerationAction, input: { id: number }) => `${action === 'appeal/decide' ? 'decide' : action}-${input.id}`;

/** What a form shows: the values posted before (by short name) and the messages beside the fields (by full name). */
export interface ShownForm {
  values?: Record<string, string>;
  errors?: FieldErrors;
  /** Open the <details> (a form shown again with its messages, or on its own page). */
  open?: boolean;
}

interface FormProps extends ShownForm {
  ctx: PageContext;
  plan: PlanRef;
  input: Input;
}

/** A form of one input action: prefix, CSRF token, version, the fields, the button; inside a <details> unless on its own page. */
function ActionForm(props: {
  ctx: PageContext;
  plan: PlanRef;
  input: Input;
  action: InputModerationAction;
  summary: string;
  submitLabel: string;
  versioned: boolean;
  open?: boolean;
  tone?: 'danger' | 'secondary';
  children?: Child;
}) {
  const { ctx, plan, input, action } = props;
  const prefix = formPrefix(action, input);
  const form = (
    <form method="post" action={href(ctx.lang, inputModerationPath(plan, input, action))} class="moderation-form" novalidate>
      <CsrfField token={ctx.csrfToken} />
      {props.versioned ? <input type="hidden" name={`${prefix}.version`} value={String(input.version)} /> : null}
      {props.children}
      <button type="submit" class={props.tone === 'danger' ? 'button button-danger' : props.tone === 'secondary' ? 'button button-secondary' : 'button'}>
        {props.submitLabel}
      </button>
    </form>
  );
  return (
    <details class="moderation-action" open={props.open}>
      <summary>{props.summary}</summary>
      {form}
    </details>
  );
}

const field = (prefix: string, name: string) => `${prefix}.${name}`;
const valueOf = (shown: ShownForm, name: string) => shown.values?.[name] ?? '';

/** Anyone signed in who can read the input reports it once; nothing for visitors or a hidden input. */
export function ReportInputForm(props: FormProps) {
  const { ctx, input } = props;
  const { lang } = ctx;
  if (!ctx.actor || !isReadable(input)) return null;
  const prefix = formPrefix('report', input);
  const errors = props.errors ?? {};
  return (
    <ActionForm
      ctx={ctx}
      plan={props.plan}
      input={input}
      action="report"
      summary={t(lang, 'participation.moderation.report')}
      submitLabel={t(lang, 'participation.moderation.report.submit')}
      versioned={false}
      open={props.open}
      tone="secondary"
    >
      <p class="help">{t(lang, 'participation.moderation.report.help')}</p>
      <SelectField
        name={field(prefix, 'reason')}
        label={t(lang, 'participation.moderation.report.reason')}
        value={valueOf(props, 'reason')}
        options={reportReasonOptions(lang)}
        includeEmpty
        required
        errors={errors}
        lang={lang}
      />
      <TextAreaField
        name={field(prefix, 'note')}
        label={t(lang, 'participation.moderation.report.note')}
        help={t(lang, 'participation.moderation.maxLength', { max: MAX_REPORT_NOTE })}
        value={valueOf(props, 'note')}
        errors={errors}
        lang={lang}
      />
    </ActionForm>
  );
}

/** For the author of a hidden input: appeal once; after that, where the appeal stands. */
export function AppealForm(props: FormProps) {
  const { ctx, input } = props;
  const { lang } = ctx;
  if (!ctx.actor || input.state !== 'hidden' || !can(ctx.actor, 'input.appeal', { authorId: input.authorId ?? undefined, planId: input.planId })) return null;
  if (input.moderation.appealedAt !== null) return <AppealStanding input={input} lang={lang} />;
  const prefix = formPrefix('appeal', input);
  return (
    <ActionForm
      ctx={ctx}
      plan={props.plan}
      input={input}
      action="appeal"
      summary={t(lang, 'participation.moderation.appeal')}
      submitLabel={t(lang, 'participation.moderation.appeal.submit')}
      versioned={false}
      open={props.open}
    >
      <p class="help">{t(lang, 'participation.moderation.appeal.help')}</p>
      <TextAreaField
        name={field(prefix, 'appeal')}
        label={t(lang, 'participation.moderation.appeal.text')}
        help={t(lang, 'participation.moderation.maxLength', { max: MAX_APPEAL })}
        value={valueOf(props, 'appeal')}
        required
        rows={5}
        errors={props.errors ?? {}}
        lang={lang}
      />
    </ActionForm>
  );
}

/** Where an appeal stands, for its author and the moderators. */
export function AppealStanding(props: { input: Input; lang: Lang }) {
  const { input, lang } = props;
  if (input.moderation.appealedAt === null) return null;
  const when = formatDateTime(input.moderation.appealedAt, lang);
  const key =
    input.moderation.appealDecision === 'upheld'
      ? 'participation.moderation.appeal.upheld'
      : input.moderation.appealDecision === 'reinstated'
        ? 'participation.moderation.appeal.reinstated'
        : 'participation.moderation.appeal.waiting';
  return <p class="moderation-status">{t(lang, key, { date: when })}</p>;
}

/** A moderator decides an appeal: upheld (stays hidden) or reinstated (restored). */
export function AppealDecisionForm(props: FormProps) {
  const { ctx, input } = props;
  const { lang } = ctx;
  if (input.state !== 'hidden' || input.moderation.appealedAt === null || input.moderation.appealDecision !== null) return null;
  if (!can(ctx.actor, 'input.moderate', { planId: input.planId })) return null;
  const prefix = formPrefix('appeal/decide', input);
  const errors = props.errors ?? {};
  return (
    <ActionForm
      ctx={ctx}
      plan={props.plan}
      input={input}
      action="appeal/decide"
      summary={t(lang, 'participation.moderation.decide')}
      submitLabel={t(lang, 'participation.moderation.decide.submit')}
      versioned
      open={props.open}
    >
      <p class="help">{t(lang, 'participation.moderation.decide.appealSaid')}</p>
      <blockquote class="moderated-words">
        <p>{input.moderation.appeal}</p>
      </blockquote>
      <SelectField
        name={field(prefix, 'decision')}
        label={t(lang, 'participation.moderation.decide.decision')}
        value={valueOf(props, 'decision')}
        options={[
          { value: 'upheld', label: t(lang, 'participation.moderation.decision.upheld') },
          { value: 'reinstated', label: t(lang, 'participation.moderation.decision.reinstated') },
        ]}
        includeEmpty
        required
        errors={errors}
        lang={lang}
      />
      <TextAreaField
        name={field(prefix, 'reason')}
        label={t(lang, 'participation.moderation.decide.reason')}
        help={t(lang, 'participation.moderation.maxLength', { max: MAX_HIDDEN_REASON })}
        value={valueOf(props, 'reason')}
        errors={errors}
        lang={lang}
      />
    </ActionForm>
  );
}

/** For moderators of the input's plan: hide a standing input with a public reason, or restore a hidden one (and decide its appeal). */
export function ModerateInputForm(props: FormProps) {
  const { ctx, input } = props;
  const { lang } = ctx;
  if (!can(ctx.actor, 'input.moderate', { planId: input.planId })) return null;
  const errors = props.errors ?? {};
  if (isReadable(input)) {
    const prefix = formPrefix('hide', input);
    return (
      <ActionForm
        ctx={ctx}
        plan={props.plan}
        input={input}
        action="hide"
        summary={t(lang, 'participation.moderation.hide')}
        submitLabel={t(lang, 'participation.moderation.hide.submit')}
        versioned
        open={props.open}
        tone="danger"
      >
        <p class="help">{t(lang, 'participation.moderation.hide.help')}</p>
        <TextAreaField
          name={field(prefix, 'reason')}
          label={t(lang, 'participation.moderation.hide.reason')}
          help={t(lang, 'participation.moderation.maxLength', { max: MAX_HIDDEN_REASON })}
          value={valueOf(props, 'reason')}
          required
          errors={errors}
          lang={lang}
        />
      </ActionForm>
    );
  }
  if (input.state !== 'hidden') return null;
  const prefix = formPrefix('restore', input);
  return (
    <>
      <AppealStanding input={input} lang={lang} />
      <AppealDecisionForm {...props} />
      <ActionForm
        ctx={ctx}
        plan={props.plan}
        input={input}
        action="restore"
        summary={t(lang, 'participation.moderation.restore')}
        submitLabel={t(lang, 'participation.moderation.restore.submit')}
        versioned
        open={props.open}
        tone="secondary"
      >
        <TextAreaField
          name={field(prefix, 'reason')}
          label={t(lang, 'participation.moderation.restore.reason')}
          help={t(lang, 'participation.moderation.maxLength', { max: MAX_HIDDEN_REASON })}
          value={valueOf(props, 'reason')}
          errors={errors}
          lang={lang}
        />
      </ActionForm>
    </>
  );
}

/** A moderator sets an input's open reports aside without acting on it (the moderation page's button). */
export function DismissReportsForm(props: { ctx: PageContext; plan: PlanRef; input: Input }) {
  const { ctx } = props;
  return (
    <form method="post" action={href(ctx.lang, inputModerationPath(props.plan, props.input, 'dismiss'))} class="inline-form">
      <CsrfField token={ctx.csrfToken} />
      <button type="submit" class="button button-secondary">
        {t(ctx.lang, 'participation.moderation.dismiss')}
      </button>
    </form>
  );
}

/** What stands in a hidden input's place: "hidden by the moderators on <date>: <reason>" (the input item may use it). */
export function HiddenNotice(props: { input: Input; lang: Lang }) {
  const { input, lang } = props;
  if (input.state !== 'hidden' || input.moderation.hiddenAt === null) return null;
  return (
    <p class="tombstone" role="note">
      {t(lang, 'participation.moderation.hiddenNotice', { date: formatDateTime(input.moderation.hiddenAt, lang), reason: input.moderation.hiddenReason })}
    </p>
  );
}
