/** The secretariat's import form: a Markdown file (or pasted text) and what the file does not say. */
import type { Lang } from '../../../domain/localized.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { transcriptImportPath, transcriptsPath } from '../../../web/paths.js';
import { CustomField, FormPage, InputField, SelectField, type FieldErrors } from '../../../web/ui/index.js';
import type { ImportValues } from '../transcripts.forms.js';
import { langName, listCrumbs } from './parts.js';

const languageOptions = (lang: Lang) => (['zh-TW', 'en'] as const).map((l) => ({ value: l, label: langName(lang, l) }));

export function ImportPage(props: { ctx: PageContext; values: ImportValues; errors: FieldErrors }) {
  const { ctx, values, errors } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  const fieldFor = (name: keyof ImportValues) => ({ name, value: values[name], ...field });
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
          {...field}
          control={(attributes) => <input {...attributes} type="file" accept=".md,.markdown,.txt,text/markdown,text/plain" />}
        />
        <CustomField
          name="markdown"
          label={t(lang, 'transcript.field.markdown')}
          help={t(lang, 'transcript.formatHelp')}
          {...field}
          control={(attributes) => (
            <textarea {...attributes} rows={14} class="markdown-input">
              {values.markdown}
            </textarea>
          )}
        />
        <InputField {...fieldFor('title')} label={t(lang, 'transcript.field.title')} help={t(lang, 'transcript.field.titleHelp')} />
        <InputField {...fieldFor('heldOn')} type="date" label={t(lang, 'transcript.field.heldOn')} help={t(lang, 'transcript.field.heldOnHelp')} />
        <SelectField {...fieldFor('language')} label={t(lang, 'transcript.field.language')} options={languageOptions(lang)} required />
        <InputField
          {...fieldFor('embargoWorkingDays')}
          type="number"
          label={t(lang, 'transcript.field.embargo')}
          help={t(lang, 'transcript.field.embargoHelp')}
        />
        <InputField {...fieldFor('releaseOn')} type="date" label={t(lang, 'transcript.field.releaseOn')} help={t(lang, 'transcript.field.releaseOnHelp')} />
        <InputField {...fieldFor('meetingId')} type="number" label={t(lang, 'transcript.field.meetingId')} help={t(lang, 'transcript.field.meetingIdHelp')} />
        <InputField {...fieldFor('sourceUrl')} type="url" label={t(lang, 'transcript.field.sourceUrl')} />
        <InputField {...fieldFor('twin')} label={t(lang, 'transcript.field.twin')} help={t(lang, 'transcript.field.twinHelp')} />
        <InputField {...fieldFor('replaceSlug')} label={t(lang, 'transcript.field.replaceSlug')} help={t(lang, 'transcript.field.replaceSlugHelp')} />
      </div>
    </FormPage>
  );
}
