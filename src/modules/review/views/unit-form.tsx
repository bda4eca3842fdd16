/** A unit's rating form, for the engagement's reviewers. */
import { pick } from '../../../domain/localized.js';
import { OGP_VALUES } from '../../../domain/plan.js';
import { DIMENSIONS_OF, ratesResults, SCALES } from '../../../domain/review.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { CheckboxGroup, FormPage, LocalizedField, SelectField, type FieldErrors } from '../../../web/ui/index.js';
import type { ReviewReport, ReviewUnit } from '../review.model.js';
import { reportPath, unitEditPath, unitSplitPath } from '../review.paths.js';
import { reviewsCrumbs } from './parts.js';

export interface UnitFormValues {
  ratings: Record<string, string>;
  ogValues: string[];
  rationale: { zh: string; en: string; status: 'missing' | 'draft' | 'reviewed' };
  evidence: { zh: string; en: string; status: 'missing' | 'draft' | 'reviewed' };
}

export function UnitFormPage(props: {
  ctx: PageContext;
  unit: ReviewUnit;
  report: ReviewReport;
  values: UnitFormValues;
  errors: FieldErrors;
  conflict: boolean;
}) {
  const { ctx, unit, report, values, errors } = props;
  const { lang } = ctx;
  const field = { lang, errors };
  const dimensions = DIMENSIONS_OF[report.kind][report.scaleSet];
  const results = ratesResults(report.kind);
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'review.unit.editTitle', { unit: pick(unit.title, lang) })}
      crumbs={[...reviewsCrumbs(lang), { label: pick(report.title, lang), path: reportPath(report) }]}
      action={unitEditPath(unit)}
      cancel={reportPath(report)}
      submitLabel={t(lang, 'review.unit.save')}
      errors={errors}
      conflict={props.conflict}
      version={unit.version}
      intro={dimensions.includes('verifiability') ? <p class="help">{t(lang, 'review.unit.notVerifiableHelp')}</p> : undefined}
      after={
        <p>
          <a href={href(lang, unitSplitPath(unit))}>{t(lang, 'review.edit.splitLink')}</a>
        </p>
      }
    >
      {dimensions.map((d) => (
        <SelectField
          {...field}
          name={`ratings.${d}`}
          label={t(lang, `review.dimension.${d}`)}
          value={values.ratings[d] ?? ''}
          options={[
            { value: '', label: t(lang, 'review.unit.notRated') },
            ...SCALES[d].values.map((v) => ({ value: v, label: t(lang, `review.scale.${d}.${v}` as 'review.scale.potential.modest') })),
          ]}
        />
      ))}
      {report.kind === 'action-plan-review' ? (
        <CheckboxGroup
          {...field}
          name="ogValues"
          label={t(lang, 'review.unit.ogValues')}
          values={values.ogValues}
          options={OGP_VALUES.map((v) => ({ value: v, label: t(lang, `value.${v}`) }))}
        />
      ) : null}
      <LocalizedField
        {...field}
        name={results ? 'evidence' : 'rationale'}
        label={t(lang, results ? 'review.unit.evidence' : 'review.unit.rationale')}
        value={results ? values.evidence : values.rationale}
        multiline
      />
    </FormPage>
  );
}
