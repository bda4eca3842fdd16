/** Shared view pieces: form fields with their messages, localized text, status badges. */
import type { Child } from 'hono/jsx';
import { isFallback, pick, type Lang, type Localized } from '../domain/localized.js';
import { t } from './i18n.js';

export type FieldErrors = Record<string, string>;

const errorId = (name: string) => `err-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
const inputId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

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

export function ErrorSummary(props: { errors: FieldErrors; lang: Lang; conflict?: boolean }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0 && !props.conflict) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      {props.conflict ? <p>{t(props.lang, 'form.conflict')}</p> : null}
      {entries.length > 0 ? (
        <>
          <p>{t(props.lang, 'form.errors', { count: entries.length })}</p>
          <ul>
            {entries.map(([name, message]) => (
              <li>
                <a href={`#${inputId(name)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function FieldMessage(props: { name: string; errors: FieldErrors }) {
  const message = props.errors[props.name];
  return message ? (
    <p class="field-error" id={errorId(props.name)}>
      {message}
    </p>
  ) : null;
}

interface BaseFieldProps {
  name: string;
  label: string;
  errors: FieldErrors;
  required?: boolean;
  help?: string;
  lang: Lang;
}

function Label(props: { name: string; label: string; required?: boolean; lang: Lang }) {
  return (
    <label for={inputId(props.name)}>
      {props.label}
      {props.required ? <span class="required"> ({t(props.lang, 'form.required')})</span> : null}
    </label>
  );
}

function describedBy(name: string, errors: FieldErrors, help?: string): string | undefined {
  const ids = [errors[name] ? errorId(name) : '', help ? `${inputId(name)}-help` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function InputField(props: BaseFieldProps & { value: string | number | null | undefined; type?: string; autocomplete?: string; readonly?: boolean }) {
  const invalid = props.errors[props.name] !== undefined;
  return (
    <div class={`field${invalid ? ' field-invalid' : ''}`}>
      <Label name={props.name} label={props.label} required={props.required} lang={props.lang} />
      {props.help ? <p class="help" id={`${inputId(props.name)}-help`}>{props.help}</p> : null}
      <FieldMessage name={props.name} errors={props.errors} />
      <input
        id={inputId(props.name)}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        readonly={props.readonly}
        autocomplete={props.autocomplete}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.errors, props.help)}
      />
    </div>
  );
}

export function TextAreaField(props: BaseFieldProps & { value: string; rows?: number }) {
  const invalid = props.errors[props.name] !== undefined;
  return (
    <div class={`field${invalid ? ' field-invalid' : ''}`}>
      <Label name={props.name} label={props.label} required={props.required} lang={props.lang} />
      {props.help ? <p class="help" id={`${inputId(props.name)}-help`}>{props.help}</p> : null}
      <FieldMessage name={props.name} errors={props.errors} />
      <textarea
        id={inputId(props.name)}
        name={props.name}
        rows={props.rows ?? 3}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.errors, props.help)}
      >
        {props.value}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: BaseFieldProps & { value: string | number | null | undefined; options: Option[]; includeEmpty?: boolean }) {
  const invalid = props.errors[props.name] !== undefined;
  const current = props.value === null || props.value === undefined ? '' : String(props.value);
  return (
    <div class={`field${invalid ? ' field-invalid' : ''}`}>
      <Label name={props.name} label={props.label} required={props.required} lang={props.lang} />
      <FieldMessage name={props.name} errors={props.errors} />
      <select
        id={inputId(props.name)}
        name={props.name}
        required={props.required}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.errors)}
      >
        {props.includeEmpty ? <option value="">{t(props.lang, 'form.choose')}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxGroup(props: BaseFieldProps & { values: readonly string[]; options: Option[] }) {
  const invalid = props.errors[props.name] !== undefined;
  return (
    <fieldset class={`field checkbox-group${invalid ? ' field-invalid' : ''}`} aria-describedby={invalid ? errorId(props.name) : undefined}>
      <legend>{props.label}</legend>
      <FieldMessage name={props.name} errors={props.errors} />
      <input type="hidden" name={props.name} value="" />
      {props.options.map((o, i) => (
        <div class="checkbox">
          <input
            type="checkbox"
            id={i === 0 ? inputId(props.name) : `${inputId(props.name)}-${i}`}
            name={props.name}
            value={o.value}
            checked={props.values.includes(o.value)}
          />
          <label for={i === 0 ? inputId(props.name) : `${inputId(props.name)}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Both languages side by side plus the translation status of the pair. */
export function LocalizedField(props: BaseFieldProps & { value: Localized; multiline?: boolean; rows?: number }) {
  const { lang, errors, name } = props;
  const groupInvalid = errors[name] !== undefined;
  const side = (key: 'zh' | 'en') => {
    const fieldName = `${name}.${key}`;
    const invalid = errors[fieldName] !== undefined;
    const common = {
      id: inputId(fieldName),
      name: fieldName,
      lang: key === 'zh' ? 'zh-TW' : 'en',
      'aria-invalid': invalid || groupInvalid ? 'true' : undefined,
      'aria-describedby': [errors[fieldName] ? errorId(fieldName) : '', groupInvalid ? errorId(name) : ''].filter(Boolean).join(' ') || undefined,
    };
    return (
      <div class="localized-side">
        <label for={inputId(fieldName)}>{t(lang, key === 'zh' ? 'form.zh' : 'form.en')}</label>
        <FieldMessage name={fieldName} errors={errors} />
        {props.multiline ? (
          <textarea {...common} rows={props.rows ?? 4}>
            {props.value[key]}
          </textarea>
        ) : (
          <input {...common} type="text" value={props.value[key]} />
        )}
      </div>
    );
  };
  return (
    <fieldset class={`field localized${groupInvalid ? ' field-invalid' : ''}`} id={inputId(name)}>
      <legend>
        {props.label}
        {props.required ? <span class="required"> ({t(lang, 'form.required')})</span> : null}
      </legend>
      {props.help ? <p class="help">{props.help}</p> : null}
      <FieldMessage name={name} errors={errors} />
      <div class="localized-pair">
        {side('zh')}
        {side('en')}
      </div>
      <div class="translation-status">
        <label for={inputId(`${name}.status`)}>{t(lang, 'translation.label')}</label>
        <select id={inputId(`${name}.status`)} name={`${name}.status`}>
          {(['draft', 'reviewed'] as const).map((s) => (
            <option value={s} selected={props.value.status === s}>
              {t(lang, `translation.${s}`)}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export function FormActions(props: { lang: Lang; submitLabel: string; cancelHref: string; children?: Child }) {
  return (
    <div class="form-actions">
      <button type="submit" class="button">
        {props.submitLabel}
      </button>
      <a href={props.cancelHref}>{t(props.lang, 'form.cancel')}</a>
      {props.children}
    </div>
  );
}

export function formatDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-');
  return lang === 'en' ? date : `${y}/${m}/${d}`;
}

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
