/** Creating or editing a plan. */
import { pick } from '../../../domain/localized.js';
import { PLAN_STATUSES, type ActionPlan, type Member } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { homePath, newPlanPath, planEditPath, planPath } from '../../../web/paths.js';
import { FormPage, InputField, LocalizedField, SelectField, homeCrumbs, planCrumbs } from '../../../web/ui/index.js';
import type { PlanFormValues } from '../plans.forms.js';
import type { FormProps } from './form-props.js';

export function PlanFormPage(props: FormProps<PlanFormValues> & { plan: ActionPlan | null; members: Member[] }) {
  const { ctx, values: v, errors, plan } = props;
  const { lang } = ctx;
  const field = { errors, lang };
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
      <LocalizedField name="title" label={t(lang, 'plan.title')} value={v.title} {...field} required />
      <InputField name="slug" label={t(lang, 'plan.slug')} value={v.slug} {...field} required />
      <SelectField
        name="memberId"
        label={t(lang, 'plan.member')}
        value={v.memberId}
        {...field}
        required
        includeEmpty
        options={props.members.map((m) => ({ value: String(m.id), label: `${m.code} · ${pick(m.name, lang)}` }))}
      />
      <InputField name="periodStart" type="date" label={t(lang, 'commitment.startDate')} value={v.periodStart} {...field} required />
      <InputField name="periodEnd" type="date" label={t(lang, 'commitment.endDate')} value={v.periodEnd} {...field} required />
      <SelectField
        name="status"
        label={t(lang, 'plan.status')}
        value={v.status}
        {...field}
        options={PLAN_STATUSES.map((s) => ({ value: s, label: t(lang, `plan.status.${s}`) }))}
      />
      <LocalizedField name="introduction" label={t(lang, 'plan.introduction')} value={v.introduction} {...field} multiline rows={6} />
      <LocalizedField name="effortsToDate" label={t(lang, 'plan.effortsToDate')} value={v.effortsToDate} {...field} multiline rows={6} />
      <LocalizedField name="developmentProcess" label={t(lang, 'plan.developmentProcess')} value={v.developmentProcess} {...field} multiline rows={6} />
      <LocalizedField name="commitmentsIntro" label={t(lang, 'plan.commitmentsIntro')} value={v.commitmentsIntro} {...field} multiline rows={4} />
    </FormPage>
  );
}
