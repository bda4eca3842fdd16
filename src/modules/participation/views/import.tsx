/** The secretariat's import of inputs gathered elsewhere: a CSV file (or pasted text), the consultation, and the file's problems. */
import { pick } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { CustomField, FormPage, Notice, planCrumbs, SelectField, type FieldErrors } from '../../../web/ui/index.js';
import { IMPORT_COLUMNS } from '../import.js';
import type { Consultation } from '../participation.model.js';
import { inputImportPath, inputsPath } from '../participation.paths.js';

/** What the form holds: the pasted text and the chosen consultation's id ('' for none). */
export interface ImportValues {
  csv: string;
  consultation: string;
}

export const emptyImport = (): ImportValues => ({ csv: '', consultation: '' });

/** The page's address (beside the plan's inputs). */

export interface ImportPageProps {
  ctx: PageContext;
  plan: ActionPlan;
  consultations: readonly Consultation[];
  values: ImportValues;
  /** Field messages: `csv` (the file's count of problems), `consultation`, `file`. */
  errors: FieldErrors;
  /** The file's problems, by row and column, in file order (at most the listed number, then how many more). */
  problems: readonly string[];
  /** How many were just imported (after the redirect), if any. */
  imported?: number;
}

const columnHelp = ['source', 'submitted_at', 'author_name', 'source_url', 'target', 'kind', 'body', 'proposal', 'lang', 'response'] as const;

export function ImportPage(props: ImportPageProps) {
  const { ctx, plan, values, errors, problems } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  const consultationOptions = [
    { value: '', label: t(lang, 'participation.import.noConsultation') },
    ...props.consultations.map((c) => ({ value: String(c.id), label: pick(c.title, lang) })),
  ];
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'participation.import.title')}
      crumbs={planCrumbs(lang, plan)}
      action={inputImportPath(plan)}
      cancel={inputsPath(plan)}
      submitLabel={t(lang, 'participation.import.submit')}
      errors={errors}
      enctype="multipart/form-data"
      intro={
        <>
          {props.imported !== undefined ? (
            <Notice tone="success" role="status">
              {t(lang, 'participation.import.imported', { count: props.imported })}{' '}
              <a href={href(lang, inputsPath(plan))}>{t(lang, 'participation.import.viewInputs')}</a>
            </Notice>
          ) : null}
          <p class="lede">{t(lang, 'participation.import.intro')}</p>
          {problems.length > 0 ? (
            <section aria-labelledby="import-problems">
              <h2 id="import-problems">{t(lang, 'participation.import.problemsTitle')}</h2>
              <ul class="import-problems">
                {problems.map((p) => (
                  <li>{p}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      }
      after={
        <section aria-labelledby="import-columns">
          <h2 id="import-columns">{t(lang, 'participation.import.columnsTitle')}</h2>
          <p>{t(lang, 'participation.import.columnsIntro')}</p>
          <p>
            <code>{IMPORT_COLUMNS.join(',')}</code>
          </p>
          <dl>
            {columnHelp.map((name) => (
              <>
                <dt>
                  <code>{name === 'proposal' ? 'title, problem, suggested_action, proposed_agency' : name === 'response' ? 'response_*' : name}</code>
                </dt>
                <dd>{t(lang, `participation.import.column.${name}`)}</dd>
              </>
            ))}
          </dl>
        </section>
      }
    >
      <div class="import-form">
        <CustomField
          name="file"
          label={t(lang, 'participation.import.field.file')}
          help={t(lang, 'participation.import.field.fileHelp')}
          {...field}
          control={(attributes) => <input {...attributes} type="file" accept=".csv,text/csv" />}
        />
        <CustomField
          name="csv"
          label={t(lang, 'participation.import.field.csv')}
          help={t(lang, 'participation.import.field.csvHelp')}
          {...field}
          control={(attributes) => (
            <textarea {...attributes} rows={14} class="markdown-input">
              {values.csv}
            </textarea>
          )}
        />
        {props.consultations.length > 0 ? (
          <SelectField
            name="consultation"
            value={values.consultation}
            label={t(lang, 'participation.import.field.consultation')}
            help={t(lang, 'participation.import.field.consultationHelp')}
            options={consultationOptions}
            {...field}
          />
        ) : null}
      </div>
    </FormPage>
  );
}
