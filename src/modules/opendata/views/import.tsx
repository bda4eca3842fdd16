/**
 * The secretariat's import of open data (ADR 0030): a file exported from this site, or such a file edited in a
 * spreadsheet (the ODS as LibreOffice saves it again, a table's CSV), with the table for a CSV named otherwise. After
 * a post: what was imported, table by table, or every problem, by file, sheet, row and column.
 */
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import type { OpenDataEntity } from '../../../web/open-data.js';
import { CustomField, FormPage, Notice, SelectField, homeCrumbs, type FieldErrors } from '../../../web/ui/index.js';
import type { ImportSummary } from '../opendata.import.js';
import { dataImportPath, dataPagePath } from '../opendata.paths.js';

/** What the file field takes: the export's files, by name and by type. */
export const IMPORT_ACCEPT = '.ods,.json,.zip,.csv,application/vnd.oasis.opendocument.spreadsheet,application/json,application/zip,text/csv';

export interface ImportPageProps {
  ctx: PageContext;
  entities: readonly OpenDataEntity[];
  table: string;
  errors: FieldErrors;
  /** The import's problems, each naming its file, sheet, row and column. */
  problems: readonly string[];
  summary?: ImportSummary;
  maxMegabytes: number;
}

export function ImportPage(props: ImportPageProps) {
  const { ctx, errors } = props;
  const { lang } = ctx;
  const title = t(lang, 'opendata.import.title');
  const tables = props.entities.map((e) => ({ value: e.name, label: `${e.name} (${lang === 'en' ? e.title.en : e.title.zh})` }));
  return (
    <FormPage
      ctx={ctx}
      title={title}
      crumbs={[...homeCrumbs(lang), { label: t(lang, 'opendata.title'), path: dataPagePath }]}
      action={dataImportPath}
      cancel={dataPagePath}
      submitLabel={t(lang, 'opendata.import.submit')}
      errors={errors}
      enctype="multipart/form-data"
      intro={
        <>
          {props.summary ? (
            <Notice tone="success" role="status" as="div">
              <p>{t(lang, 'opendata.import.done')}</p>
              <table>
                <caption>{t(lang, 'opendata.import.summaryCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(lang, 'opendata.table')}</th>
                    <th scope="col">{t(lang, 'opendata.import.rows')}</th>
                    <th scope="col">{t(lang, 'opendata.import.created')}</th>
                    <th scope="col">{t(lang, 'opendata.import.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.summary.tables.map((s) => (
                    <tr>
                      <th scope="row">{s.name}</th>
                      <td>{String(s.rows)}</td>
                      <td>{String(s.created)}</td>
                      <td>{String(s.updated)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Notice>
          ) : null}
          {props.problems.length > 0 ? (
            <section aria-labelledby="import-problems" class="import-problems">
              <h2 id="import-problems">{t(lang, 'opendata.import.problems')}</h2>
              <ul>
                {props.problems.map((p) => (
                  <li>{p}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <p class="lede">{t(lang, 'opendata.import.intro')}</p>
        </>
      }
    >
      <CustomField
        name="file"
        label={t(lang, 'opendata.import.field.file')}
        help={t(lang, 'opendata.import.field.fileHelp', { max: props.maxMegabytes })}
        required
        errors={errors}
        lang={lang}
        control={(attributes) => <input {...attributes} type="file" accept={IMPORT_ACCEPT} required />}
      />
      <SelectField
        name="table"
        label={t(lang, 'opendata.import.field.table')}
        help={t(lang, 'opendata.import.field.tableHelp')}
        value={props.table}
        options={tables}
        includeEmpty
        errors={errors}
        lang={lang}
      />
    </FormPage>
  );
}
