/** A notice box: warning (the default, as notices have always looked), info or success. */
import type { Child } from 'hono/jsx';
import type { Lang } from '../../domain/localized.js';
import { t } from '../i18n.js';

const toneClass = { warning: 'notice', info: 'notice notice-info', success: 'notice notice-success' } as const;

export function Notice(props: {
  tone?: keyof typeof toneClass;
  /** `status` for a message that results from what the user just did, so screen readers announce it. */
  role?: 'status' | 'alert';
  /** `div` when the notice holds more than a sentence (a list, a form). */
  as?: 'p' | 'div';
  class?: string;
  children: Child;
}) {
  const className = props.class ? `${toneClass[props.tone ?? 'warning']} ${props.class}` : toneClass[props.tone ?? 'warning'];
  return props.as === 'div' ? (
    <div class={className} role={props.role}>
      {props.children}
    </div>
  ) : (
    <p class={className} role={props.role}>
      {props.children}
    </p>
  );
}

/** On pages of demonstration data: what in it is illustrative. */
export function DemoNotice(props: { lang: Lang; message?: string }) {
  return <Notice>{props.message ?? t(props.lang, 'demo.notice')}</Notice>;
}
