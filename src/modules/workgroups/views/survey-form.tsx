/** A forum member's answers to the survey of willingness: for each working group, join, co-chair, not now, or no answer. */
import { pick } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { workingGroupSurveyPath, workingGroupsPath } from '../../../web/paths.js';
import { FormPage, Notice, type FieldErrors } from '../../../web/ui/index.js';
import { SURVEY_ANSWERS, type WorkingGroup } from '../workgroups.model.js';
import type { SurveyFormValues } from '../workgroups.forms.js';
import { groupsCrumbs } from './parts.js';

export function SurveyFormPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  groups: WorkingGroup[];
  values: SurveyFormValues;
  errors: FieldErrors;
  saved: boolean;
}) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  const choices = [
    { value: '', label: t(lang, 'workgroups.survey.noAnswer') },
    ...SURVEY_ANSWERS.map((a) => ({ value: a, label: t(lang, `workgroups.survey.answer.${a}`) })),
  ];
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'workgroups.survey')}
      crumbs={groupsCrumbs(lang, plan)}
      action={workingGroupSurveyPath(plan)}
      errors={props.errors}
      submitLabel={t(lang, 'workgroups.survey.save')}
      cancel={workingGroupsPath(plan)}
      intro={
        <>
          <p class="lede">{t(lang, 'workgroups.survey.intro')}</p>
          {props.saved ? (
            <Notice tone="success" role="status">
              {t(lang, 'workgroups.survey.saved')}
            </Notice>
          ) : null}
        </>
      }
    >
      {props.groups.map((g) => {
        const current = props.values.get(g.id) ?? '';
        return (
          <fieldset class="field radio-group">
            <legend>{pick(g.name, lang)}</legend>
            {choices.map((choice, i) => (
              <div class="checkbox">
                <input type="radio" id={`answer-${g.id}-${i}`} name={`answer.${g.id}`} value={choice.value} checked={choice.value === current} />
                <label for={`answer-${g.id}-${i}`}>{choice.label}</label>
              </div>
            ))}
          </fieldset>
        );
      })}
    </FormPage>
  );
}
