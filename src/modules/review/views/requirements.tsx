/** An action plan review's assessment of the co-creation minimum requirements: the table on the report, and its form. */
import { pick, type Lang } from '../../../domain/localized.js';
import { REQUIREMENT_STATUSES, type RecordFinding } from '../../../domain/review.js';
import { href, type PageContext } from '../../../web/context.js';
import { t, type MessageKey } from '../../../web/i18n.js';
import { DataTable, FormPage, LocalizedField, SelectField, type FieldErrors } from '../../../web/ui/index.js';
import type { RequirementAssessment, ReviewReport } from '../review.model.js';
import { reportPath, requirementEditPath } from '../review.paths.js';
import { reviewsCrumbs } from './parts.js';

const statusText = (lang: Lang, status: RequirementAssessment['status']) =>
  status === null ? t(lang, 'review.requirement.notAssessed') : t(lang, `review.requirementStatus.${status}`);

/** What the records said, in words: the status and why (the message of the module that found it). */
const foundText = (lang: Lang, found: RecordFinding | null) =>
  found === null
    ? t(lang, 'review.requirement.nothingFound')
    : `${t(lang, `review.requirementStatus.${found.status}`)}: ${t(lang, found.key as MessageKey, found.params)}`;

export function RequirementsSection(props: { lang: Lang; report: ReviewReport; requirements: readonly RequirementAssessment[]; mayWrite: boolean }) {
  const { lang, report } = props;
  if (props.requirements.length === 0) return null;
  const editable = props.mayWrite && report.state !== 'published';
  return (
    <section aria-labelledby="requirements">
      <h2 id="requirements">{t(lang, 'review.requirements')}</h2>
      <p class="help">{t(lang, 'review.requirements.help')}</p>
      <DataTable<RequirementAssessment>
        caption={t(lang, 'review.requirements.caption')}
        rows={props.requirements}
        empty=""
        columns={[
          { header: t(lang, 'review.requirement'), rowHeader: true, cell: (r) => t(lang, `review.requirement.${r.requirement}`) },
          { header: t(lang, 'review.requirement.found'), cell: (r) => foundText(lang, r.found) },
          { header: t(lang, 'review.requirement.status'), cell: (r) => <strong>{statusText(lang, r.status)}</strong> },
          { header: t(lang, 'review.requirement.explanation'), cell: (r) => pick(r.explanation, lang) },
          editable
            ? {
                header: t(lang, 'review.requirement.edit'),
                cell: (r) => (
                  <a href={href(lang, requirementEditPath(r))}>
                    {t(lang, 'review.requirement.edit')}
                    <span class="visually-hidden">{`: ${t(lang, `review.requirement.${r.requirement}`)}`}</span>
                  </a>
                ),
              }
            : null,
        ]}
      />
    </section>
  );
}

export interface RequirementFormValues {
  status: string;
  explanation: { zh: string; en: string; status: 'missing' | 'draft' | 'reviewed' };
}

export function RequirementFormPage(props: {
  ctx: PageContext;
  requirement: RequirementAssessment;
  report: ReviewReport;
  values: RequirementFormValues;
  errors: FieldErrors;
  conflict: boolean;
}) {
  const { ctx, requirement, report, values, errors } = props;
  const { lang } = ctx;
  const name = t(lang, `review.requirement.${requirement.requirement}`);
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'review.requirement.editTitle', { requirement: name })}
      crumbs={[...reviewsCrumbs(lang), { label: pick(report.title, lang), path: reportPath(report) }]}
      action={requirementEditPath(requirement)}
      cancel={reportPath(report)}
      submitLabel={t(lang, 'review.unit.save')}
      errors={errors}
      conflict={props.conflict}
      version={requirement.version}
      intro={<p class="help">{`${t(lang, 'review.requirement.found')}: ${foundText(lang, requirement.found)}`}</p>}
    >
      <SelectField
        lang={lang}
        errors={errors}
        name="status"
        label={t(lang, 'review.requirement.status')}
        value={values.status}
        options={[
          { value: '', label: t(lang, 'review.requirement.notAssessed') },
          ...REQUIREMENT_STATUSES.map((s) => ({ value: s, label: t(lang, `review.requirementStatus.${s}`) })),
        ]}
      />
      <LocalizedField lang={lang} errors={errors} name="explanation" label={t(lang, 'review.requirement.explanation')} value={values.explanation} multiline />
    </FormPage>
  );
}
