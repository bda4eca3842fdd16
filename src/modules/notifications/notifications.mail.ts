/**
 * The mail notifications send: plain text, in the recipient's language and then in the other (as accounts' mail).
 * Mail is composed inside the write's transaction, where no request says the site's address: links are written as
 * ORIGIN + path and the dispatcher puts its origin in when it sends (ADR 0028), with the stable Message-ID.
 */
import type { Lang } from '../../domain/localized.js';
import { href } from '../../web/context.js';
import { t } from '../../web/i18n.js';
import type { MailMessage } from '../../web/mail.js';
import type { Notification } from './notifications.model.js';
import { notificationSettingsPath, notificationsPath, unsubscribePath } from './notifications.paths.js';
import type { OutboxPayload } from './notifications.table.js';

/** Stands for the site's origin in a stored mail (a private-use character no title keeps: see oneLine). */
export const ORIGIN = '\uE000origin\uE000';

const otherLang = (lang: Lang): Lang => (lang === 'en' ? 'zh-TW' : 'en');
const link = (lang: Lang, path: string) => `${ORIGIN}${href(lang, path)}`;
const pickTitle = (title: { zh: string; en: string }, lang: Lang) => oneLine(lang === 'en' ? title.en || title.zh : title.zh || title.en);

/** A title as one line of plain text: no line breaks, no private-use marker, at most 200 characters. */
export function oneLine(value: string): string {
  const line = value
    .replace(/[\uE000]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function footer(lang: Lang, token: string): string {
  return `-- \n${t(lang, 'notifications.mail.footer', { settings: link(lang, notificationSettingsPath()), unsubscribe: link(lang, unsubscribePath(token)) })}\n${t(lang, 'notifications.mail.signature')}`;
}

/** RFC 2369 and RFC 8058: the one-click unsubscribe a mail client offers (a POST to the URL, no sign-in). */
function unsubscribeHeaders(token: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${ORIGIN}${unsubscribePath(token)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

export function composeNotificationMail(options: {
  to: string;
  lang: Lang;
  title: { zh: string; en: string };
  path: string;
  unsubscribeToken: string;
}): OutboxPayload {
  const { lang } = options;
  const body = (l: Lang) =>
    `${pickTitle(options.title, l)}\n${t(l, 'notifications.mail.open', { link: link(l, options.path) })}\n\n${footer(l, options.unsubscribeToken)}`;
  return {
    to: options.to,
    subject: pickTitle(options.title, lang),
    text: `${body(lang)}\n\n-----\n\n${body(otherLang(lang))}\n`,
    headers: unsubscribeHeaders(options.unsubscribeToken),
  };
}

/** The day's digest: the unread notifications since the last one (up to `items`), and how many more there are. */
export function composeDigestMail(options: { to: string; lang: Lang; items: readonly Notification[]; more: number; unsubscribeToken: string }): OutboxPayload {
  const { lang } = options;
  const count = options.items.length + options.more;
  const body = (l: Lang) => {
    const lines = options.items.map((n) => `- ${pickTitle(n.title, l)}\n  ${link(l, n.path)}`);
    const more = options.more > 0 ? `\n${t(l, 'notifications.mail.digest.more', { count: options.more, link: link(l, notificationsPath()) })}` : '';
    return `${t(l, 'notifications.mail.digest.intro')}\n\n${lines.join('\n')}${more}\n\n${footer(l, options.unsubscribeToken)}`;
  };
  return {
    to: options.to,
    subject: `${t(lang, 'notifications.mail.digest.subject', { count })} / ${t(otherLang(lang), 'notifications.mail.digest.subject', { count })}`,
    text: `${body(lang)}\n\n-----\n\n${body(otherLang(lang))}\n`,
    headers: unsubscribeHeaders(options.unsubscribeToken),
  };
}

/** The mail as sent: the origin in its links and headers, and a Message-ID stable across attempts (`<outbox-<id>@<host>>`). */
export function outgoingMessage(id: number, payload: OutboxPayload, origin: string): MailMessage {
  const site = origin.replace(/\/$/, '');
  const fill = (value: string) => value.split(ORIGIN).join(site);
  let host = 'localhost';
  try {
    host = new URL(site).hostname || host;
  } catch {
    // An origin that is no URL still names the mail; the links will show it.
  }
  return {
    to: payload.to,
    subject: fill(payload.subject),
    text: fill(payload.text),
    ...(payload.html !== undefined ? { html: fill(payload.html) } : {}),
    headers: Object.fromEntries(Object.entries(payload.headers).map(([k, v]) => [k, fill(v)])),
    messageId: `<outbox-${id}@${host}>`,
  };
}
