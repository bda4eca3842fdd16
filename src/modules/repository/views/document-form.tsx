/** The form of a document: add (a link or a file, multipart) or edit (what is said of it; a file stays), with delete. */
import { pick } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import {
  CustomField,
  DeleteAction,
  FormPage,
  InputField,
  LocalizedField,
  SelectField,
  homeCrumbs,
  type FieldErrors,
  type Option,
} from '../../../web/ui/index.js';
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES, type RepositoryDocument } from '../repository.model.js';
import type { DocumentFormValues } from '../repository.forms.js';
import { documentDeletePath, documentsPath } from '../repository.paths.js';

export function DocumentFormPage(props: {
  ctx: PageContext;
  /** The stored document; none on the form that adds one. */
  document: RepositoryDocument | null;
  action: string;
  cancel: string;
  values: DocumentFormValues;
  errors: FieldErrors;
  conflict: boolean;
  plans: ActionPlan[];
  meetings: Option[];
  commitments: Option[];
}) {
  const { ctx, document: doc, values, errors } = props;
  const { lang } = ctx;
  const title = doc ? t(lang, 'repository.edit') : t(lang, 'repository.add');
  return (
    <FormPage
      ctx={ctx}
      title={title}
      crumbs={[...homeCrumbs(lang), { label: t(lang, 'repository.siteTitle'), path: documentsPath() }]}
      action={props.action}
      cancel={props.cancel}
      submitLabel={t(lang, 'repository.save')}
      errors={errors}
      conflict={props.conflict}
      version={doc?.version}
      enctype={doc ? undefined : 'multipart/form-data'}
      after={doc ? <DeleteAction ctx={ctx} action={documentDeletePath(doc)} version={doc.version} label={t(lang, 'repository.delete')} /> : undefined}
    >
      <SelectField
        name="kind"
        label={t(lang, 'repository.kind')}
        lang={lang}
        errors={errors}
        value={values.kind}
        required
        options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(lang, `repository.kind.${k}`) }))}
      />
      <SelectField
        name="language"
        label={t(lang, 'repository.language')}
        lang={lang}
        errors={errors}
        value={values.language}
        required
        options={DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: t(lang, `repository.language.${l}`) }))}
      />
      <InputField name="date" type="date" label={t(lang, 'repository.date')} lang={lang} errors={errors} value={values.date} required />
      <LocalizedField name="title" label={t(lang, 'repository.docTitle')} lang={lang} errors={errors} value={values.title} required />
      <LocalizedField name="description" label={t(lang, 'repository.description')} lang={lang} errors={errors} value={values.description} multiline rows={3} />
      <SelectField
        name="planId"
        label={t(lang, 'repository.plan')}
        lang={lang}
        errors={errors}
        value={values.planId}
        includeEmpty
        options={props.plans.map((p) => ({ value: String(p.id), label: pick(p.title, lang) }))}
      />
      <SelectField
        name="meetingId"
        label={t(lang, 'repository.meeting')}
        lang={lang}
        errors={errors}
        value={values.meetingId}
        includeEmpty
        options={props.meetings}
      />
      <SelectField
        name="commitmentId"
        label={t(lang, 'repository.commitment')}
        lang={lang}
        errors={errors}
        value={values.commitmentId}
        includeEmpty
        options={props.commitments}
      />
      {doc?.file ? (
        <p>{t(lang, 'repository.fileKept', { name: doc.file.name })}</p>
      ) : (
        <InputField
          name="url"
          type="url"
          label={t(lang, 'repository.url')}
          help={t(lang, 'repository.urlHelp')}
          lang={lang}
          errors={errors}
          value={values.url}
        />
      )}
      {doc ? null : (
        <CustomField
          name="file"
          label={t(lang, 'repository.file')}
          help={t(lang, 'repository.fileHelp')}
          lang={lang}
          errors={errors}
          control={(attributes) => <input {...attributes} type="file" />}
        />
      )}
    </FormPage>
  );
}
