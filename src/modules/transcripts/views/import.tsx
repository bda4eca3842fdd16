/** The secretariat's import form: a Markdown file (or pasted text) and what the file does not say. */
import type { Child } from 'hono/jsx';
import type { Lang } from '../../../domain/localized.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { transcriptImportPath, transcriptsPath } from '../../../web/paths.js';
import { FormPage, InputField, SelectField, errorId, inputId, type FieldErrors } from '../../../web/ui/index.js';
import type { ImportValues } from '../transcripts.forms.js';
import { langName, listCrumbs } from './parts.js';

/**
 * A field whose control the kit's fields do not make (a file picker, the Markdown area): label, help, the message
 * beside it, and the control given the attributes that tie it to them.
 */
function CustomField(props: {
  name: string;
  label: string;
  help: string;
  errors: FieldErrors;
  control: (attributes: Record<string, string | undefined>) => Child;
}) {
  const invalid = props.errors[props.name] !== undefined;
  const helpId = `${inputId(props.name)}-help`;
  return (
    <div class={`field${invalid ? ' field-invalid' : ''}`}>
      <label for={inputId(props.name)}>{props.label}</label>
      <p class="help" id={helpId}>
        {props.help}
      </p>
      {invalid ? (
        <p class="field-error" id={errorId(props.name)}>
          {props.errors[props.name]}
        </p>
      ) : null}
      {props.control({
        id: inputId(props.name),
        name: props.name,
        'aria-invalid': invalid ? 'true' : undefined,
        'aria-describedby': invalid ? `${errorId(props.name)} ${helpId}` : helpId,
      })}
    </div>
  );
}

const languageOptions = (lang: Lang) => (['zh-TW', 'en'] as const).map((l) => ({ value: l, label: langName(lang, l) }));

export function ImportPage(props: { ctx: PageContext; values: ImportValues; errors: FieldErrors }) {
  const { ctx, values, errors } = props;
  const { lang } = ctx;
  const field = (name: keyof ImportValues) => ({ name, value: values[name], errors, lang });
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'transcript.importTitle')}
      crumbs={listCrumbs(lang)}
      action={transcriptImportPath}
      cancel={transcriptsPath}
      submitLabel={t(lang, 'transcript.importSubmit')}
      errors={errors}
      enctype="multipart/form-data"
      intro={<p class="lede">{t(lang, 'transcript.importIntro')}</p>}
    >
      {/* The kit's form takes no class: app.css styles the import form's inputs under this one. */}
      <div class="import-form">
        <CustomField
          name="file"
          label={t(lang, 'transcript.field.file')}
          help={t(lang, 'transcript.field.fileHelp')}
          errors={errors}
          control={(attributes) => <input {...attributes} type="file" accept=".md,.markdown,.txt,text/markdown,text/plain" />}
        />
        <CustomField
          name="markdown"
          label={t(lang, 'transcript.field.markdown')}
          help={t(lang, 'transcript.formatHelp')}
          errors={errors}
          control={(attributes) => (
            <textarea {...attributes} rows={14} class="markdown-input">
              {values.markdown}
            </textarea>
          )}
        />
        <InputField {...field('title')} label={t(lang, 'transcript.field.title')} help={t(lang, 'transcript.field.titleHelp')} />
        <InputField {...field('heldOn')} type="date" label={t(lang, 'transcript.field.heldOn')} help={t(lang, 'transcript.field.heldOnHelp')} />
        <SelectField {...field('language')} label={t(lang, 'transcript.field.language')} options={languageOptions(lang)} required />
        <InputField {...field('embargoWorkingDays')} type="number" label={t(lang, 'transcript.field.embargo')} help={t(lang, 'transcript.field.embargoHelp')} />
        <InputField {...field('releaseOn')} type="date" label={t(lang, 'transcript.field.releaseOn')} help={t(lang, 'transcript.field.releaseOnHelp')} />
        <InputField {...field('meetingId')} type="number" label={t(lang, 'transcript.field.meetingId')} help={t(lang, 'transcript.field.meetingIdHelp')} />
        <InputField {...field('sourceUrl')} type="url" label={t(lang, 'transcript.field.sourceUrl')} />
        <InputField {...field('twin')} label={t(lang, 'transcript.field.twin')} help={t(lang, 'transcript.field.twinHelp')} />
        <InputField {...field('replaceSlug')} label={t(lang, 'transcript.field.replaceSlug')} help={t(lang, 'transcript.field.replaceSlugHelp')} />
      </div>
    </FormPage>
  );
}
