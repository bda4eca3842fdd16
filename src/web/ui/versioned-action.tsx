/** A one-button form that acts on the version the page showed: delete, submit, publish, revise. */
import type { Child } from 'hono/jsx';
import { href, type PageContext } from '../context.js';
import { t } from '../i18n.js';
import { CsrfField } from './fields.js';
import { VersionField } from './form-page.js';

const toneClass = { primary: 'button', secondary: 'button button-secondary', danger: 'button button-danger' } as const;

export interface VersionedActionProps {
  ctx: PageContext;
  /** Where it posts: a site path, put in the page's language here. */
  action: string;
  /** The version acted on (a stale one gets 409); absent for actions that need none. */
  version?: number | undefined;
  label: Child;
  tone?: keyof typeof toneClass;
  /** A sentence above the button saying what it does; the button is described by it. */
  help?: string | undefined;
  /** The id of that sentence, unique on the page when several actions stand on one page. */
  helpId?: string | undefined;
  /** The form's class: `inline-form` (default) sits in a line of text or a table cell. */
  class?: string;
}

export function VersionedAction(props: VersionedActionProps) {
  const helpId = props.help && props.helpId ? props.helpId : undefined;
  return (
    <form method="post" action={href(props.ctx.lang, props.action)} class={props.class ?? 'inline-form'}>
      <CsrfField token={props.ctx.csrfToken} />
      {props.version !== undefined ? <VersionField version={props.version} /> : null}
      {props.help ? (
        <p class="help" id={helpId}>
          {props.help}
        </p>
      ) : null}
      <button type="submit" class={toneClass[props.tone ?? 'primary']} aria-describedby={helpId}>
        {props.label}
      </button>
    </form>
  );
}

/** Deleting something for good, with the sentence that says it is recorded in the history. */
export function DeleteAction(props: { ctx: PageContext; action: string; version: number; label: Child }) {
  return (
    <VersionedAction
      ctx={props.ctx}
      action={props.action}
      version={props.version}
      label={props.label}
      tone="danger"
      help={t(props.ctx.lang, 'form.confirmDelete')}
      class="delete-form"
    />
  );
}
