/** The form that edits one review cycle's dates. */
import type { ReviewCycle } from '../../../domain/monitoring.js';
import type { ActionPlan } from '../../../domain/plan.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { cycleEditPath, cyclesPath } from '../../../web/paths.js';
import { FormPage, InputField, planCrumbs, type FieldErrors } from '../../../web/ui/index.js';
import type { CycleFormValues } from '../monitoring.forms.js';
import { cycleLabel } from './parts.js';

export function CycleFormPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  cycle: ReviewCycle;
  values: CycleFormValues;
  errors: FieldErrors;
  conflict?: boolean;
}) {
  const { ctx, plan, cycle, values: v, errors } = props;
  const { lang } = ctx;
  const date = { type: 'date', errors, lang };
  return (
    <FormPage
      ctx={ctx}
      title={`${t(lang, 'cycle.edit')} · ${cycleLabel(cycle, lang)}`}
      crumbs={[...planCrumbs(lang, plan), { label: t(lang, 'cycle.listTitle'), path: cyclesPath(plan) }]}
      action={cycleEditPath(plan, cycle)}
      cancel={cyclesPath(plan)}
      submitLabel={t(lang, 'form.save')}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
    >
      <InputField {...date} name="startsOn" label={t(lang, 'cycle.startsOn')} value={v.startsOn} required />
      <InputField {...date} name="endsOn" label={t(lang, 'cycle.endsOn')} value={v.endsOn} required />
      <InputField {...date} name="reportDue" label={t(lang, 'cycle.reportDue')} value={v.reportDue} required />
      <InputField {...date} name="reviewOn" label={t(lang, 'cycle.reviewOn')} value={v.reviewOn} />
    </FormPage>
  );
}
