/**
 * The texts of the mail accounts send: plain text, in the language of the page that asked and then in the other,
 * since the one who reads it (the owner of an address someone typed) may not be the one who asked.
 */
import type { Lang } from '../../domain/localized.js';
import { t } from '../../web/i18n.js';
import { CONFIRM_LINK_HOURS, RESET_LINK_MINUTES } from './people.limits.js';

/** confirm: the link that confirms a new account; taken: someone signed up with an address that has an account; reset: a reset link asked for. */
export type MailKind = 'confirm' | 'taken' | 'reset';

const SUBJECT = { confirm: 'accounts.mail.confirm.subject', taken: 'accounts.mail.taken.subject', reset: 'accounts.mail.reset.subject' } as const;
const BODY = { confirm: 'accounts.mail.confirm.body', taken: 'accounts.mail.taken.body', reset: 'accounts.mail.reset.body' } as const;

export function composeMail(kind: MailKind, lang: Lang, values: { name: string; link: string }): { subject: string; text: string } {
  const other: Lang = lang === 'en' ? 'zh-TW' : 'en';
  const params = { ...values, hours: CONFIRM_LINK_HOURS, minutes: RESET_LINK_MINUTES };
  const body = (l: Lang) => `${t(l, BODY[kind], params)}\n\n${t(l, 'accounts.mail.signature')}`;
  return { subject: `${t(lang, SUBJECT[kind])} / ${t(other, SUBJECT[kind])}`, text: `${body(lang)}\n\n-----\n\n${body(other)}\n` };
}
