/** Form fields with their messages beside them, the error summary, the CSRF field and the form's buttons. */
import type { Child } from 'hono/jsx';
import type { Lang, Localized } from '../../domain/localized.js';
import { t } from '../i18n.js';

export type FieldErrors = Record<string, string>;

export const errorId = (name: string) => `err-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
export const inputId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

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

/** The frame every single-control field shares: label, help, the message beside the field, then the control. */
function FieldFrame(props: BaseFieldProps & { children: Child }) {
  const invalid = props.errors[props.name] !== undefined;
  return (
    <div class={`field${invalid ? ' field-invalid' : ''}`}>
      <Label name={props.name} label={props.label} required={props.required} lang={props.lang} />
      {props.help ? (
        <p class="help" id={`${inputId(props.name)}-help`}>
          {props.help}
        </p>
      ) : null}
      <FieldMessage name={props.name} errors={props.errors} />
      {props.children}
    </div>
  );
}

/** The attributes that tie a control to its label, its message and its help. */
function controlAttributes(props: BaseFieldProps) {
  return {
    id: inputId(props.name),
    name: props.name,
    'aria-invalid': props.errors[props.name] !== undefined ? 'true' : undefined,
    'aria-describedby': describedBy(props.name, props.errors, props.help),
  } as const;
}

/** A field whose control the kit does not make (a file picker, a code area): the frame, and the control given the attributes that tie it to it. */
export function CustomField(props: BaseFieldProps & { control: (attributes: ReturnType<typeof controlAttributes>) => Child }) {
  return <FieldFrame {...props}>{props.control(controlAttributes(props))}</FieldFrame>;
}

export function InputField(props: BaseFieldProps & { value: string | number | null | undefined; type?: string; autocomplete?: string; readonly?: boolean }) {
  return (
    <FieldFrame {...props}>
      <input
        {...controlAttributes(props)}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        readonly={props.readonly}
        autocomplete={props.autocomplete}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: BaseFieldProps & { value: string; rows?: number }) {
  return (
    <FieldFrame {...props}>
      <textarea {...controlAttributes(props)} rows={props.rows ?? 3} required={props.required}>
        {props.value}
      </textarea>
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: BaseFieldProps & { value: string | number | null | undefined; options: readonly Option[]; includeEmpty?: boolean }) {
  const current = props.value === null || props.value === undefined ? '' : String(props.value);
  return (
    <FieldFrame {...props}>
      <select {...controlAttributes(props)} required={props.required}>
        {props.includeEmpty ? <option value="">{t(props.lang, 'form.choose')}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxGroup(props: BaseFieldProps & { values: readonly string[]; options: readonly Option[] }) {
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
