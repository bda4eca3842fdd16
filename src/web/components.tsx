/** Shared view pieces: localized text, translation badges, dates and separators (form fields are in ui/fields.tsx). */
import { isFallback, pick, type Lang, type Localized } from '../domain/localized.js';
import { t } from './i18n.js';

/** Text in the page's language; marked with the other language when it falls back. */
export function Text(props: { value: Localized | null | undefined; lang: Lang }) {
  const value = props.value;
  if (!value) return null;
  if (isFallback(value, props.lang)) return <span lang={props.lang === 'en' ? 'zh-TW' : 'en'}>{pick(value, props.lang)}</span>;
  return <>{pick(value, props.lang)}</>;
}

/** Paragraphs separated by blank lines, escaped like all text. */
export function Paragraphs(props: { value: Localized | null | undefined; lang: Lang }) {
  const value = props.value;
  if (!value) return null;
  const text = pick(value, props.lang);
  if (text === '') return null;
  const langAttr = isFallback(value, props.lang) ? (props.lang === 'en' ? 'zh-TW' : 'en') : undefined;
  return (
    <div class="prose" lang={langAttr}>
      {text.split(/\n{2,}/).map((para) => (
        <p>{para}</p>
      ))}
    </div>
  );
}

export function TranslationBadge(props: { value: Localized; lang: Lang }) {
  if (props.value.status === 'reviewed') return null;
  return <span class={`badge badge-${props.value.status}`}>{t(props.lang, `translation.${props.value.status}`)}</span>;
}

// The form fields moved to the UI kit (web/ui/fields.tsx); web/form-handler.ts still takes this type from here.
export type { FieldErrors } from './ui/fields.js';

export function formatDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-');
  return lang === 'en' ? date : `${y}/${m}/${d}`;
}

/** A calendar day (YYYY-MM-DD) as the reader's language writes it, machine-readable in its `datetime`. */
export const DateText = (props: { date: string; lang: Lang }) => <time datetime={props.date}>{formatDate(props.date, props.lang)}</time>;

export function formatPeriod(start: string, end: string, lang: Lang): string {
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

// Building an Intl formatter costs far more than using one; a page may format dozens of timestamps.
const dateTimeFormats: Record<Lang, Intl.DateTimeFormat> = {
  'zh-TW': new Intl.DateTimeFormat('zh-TW', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Taipei' }),
  en: new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Taipei' }),
};

export function formatDateTime(at: Date, lang: Lang): string {
  return dateTimeFormats[lang].format(at);
}

/** Punctuation that joins list items in running text. */
export function listSeparator(lang: Lang): string {
  return lang === 'en' ? ', ' : '、';
}

export function clauseSeparator(lang: Lang): string {
  return lang === 'en' ? '; ' : '；';
}
