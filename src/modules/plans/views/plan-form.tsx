/** Creating or editing a plan. */
import { pick } from '../../../domain/localized.js';
import { PLAN_STATUSES, type ActionPlan, type Member } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { homePath, newPlanPath, planEditPath, planPath } from '../../../web/paths.js';
import { FormPage, InputField, LocalizedField, SelectField, homeCrumbs, planCrumbs, type FormProps } from '../../../web/ui/index.js';
import type { PlanFormValues } from '../plans.forms.js';

export function PlanFormPage(props: FormProps<PlanFormValues> & { plan: ActionPlan | null; members: Member[] }) {
  const { ctx, values: v, errors, plan } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  const fieldFor = <K extends keyof PlanFormValues>(name: K) => ({ name, value: v[name], ...field });
  const memberOptions = props.members.map((m) => ({ value: String(m.id), label: `${m.code} · ${pick(m.name, lang)}` }));
  return (
    <FormPage
      ctx={ctx}
      title={plan ? `${t(lang, 'plan.edit')}: ${pick(plan.title, lang)}` : t(lang, 'plan.new')}
      crumbs={plan ? planCrumbs(lang, plan) : homeCrumbs(lang)}
      action={plan ? planEditPath(plan) : newPlanPath}
      cancel={plan ? planPath(plan) : homePath}
      submitLabel={t(lang, plan ? 'form.save' : 'form.create')}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
    >
      <LocalizedField {...fieldFor('title')} label={t(lang, 'plan.title')} required />
      <InputField {...fieldFor('slug')} label={t(lang, 'plan.slug')} required />
      <SelectField {...fieldFor('memberId')} label={t(lang, 'plan.member')} required includeEmpty options={memberOptions} />
      <InputField {...fieldFor('periodStart')} type="date" label={t(lang, 'commitment.startDate')} required />
      <InputField {...fieldFor('periodEnd')} type="date" label={t(lang, 'commitment.endDate')} required />
      <SelectField
        {...fieldFor('status')}
        label={t(lang, 'plan.status')}
        options={PLAN_STATUSES.map((s) => ({ value: s, label: t(lang, `plan.status.${s}`) }))}
      />
      <LocalizedField {...fieldFor('introduction')} label={t(lang, 'plan.introduction')} multiline rows={6} />
      <LocalizedField {...fieldFor('effortsToDate')} label={t(lang, 'plan.effortsToDate')} multiline rows={6} />
      <LocalizedField {...fieldFor('developmentProcess')} label={t(lang, 'plan.developmentProcess')} multiline rows={6} />
      <LocalizedField {...fieldFor('commitmentsIntro')} label={t(lang, 'plan.commitmentsIntro')} multiline rows={4} />
    </FormPage>
  );
}
