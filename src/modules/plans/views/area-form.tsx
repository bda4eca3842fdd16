/** Adding, editing or deleting one of a plan's areas. */
import type { ActionPlan, Area } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { areaDeletePath, areaEditPath, newAreaPath, planPath } from '../../../web/paths.js';
import { DeleteAction, FormPage, InputField, LocalizedField, planCrumbs, type FormProps } from '../../../web/ui/index.js';
import type { AreaFormValues } from '../plans.forms.js';

export function AreaFormPage(props: FormProps<AreaFormValues> & { plan: ActionPlan; area: Area | null }) {
  const { ctx, values: v, errors, plan, area } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, area ? 'area.edit' : 'area.new')}
      crumbs={planCrumbs(lang, plan)}
      action={area ? areaEditPath(plan, area) : newAreaPath(plan)}
      cancel={planPath(plan)}
      submitLabel={t(lang, area ? 'form.save' : 'form.create')}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      after={area ? <DeleteAction ctx={ctx} action={areaDeletePath(plan, area)} version={area.version} label={t(lang, 'area.delete')} /> : null}
    >
      <LocalizedField name="title" label={t(lang, 'area.title')} value={v.title} {...field} required />
      <InputField name="position" type="number" label={t(lang, 'area.position')} value={v.position} {...field} required />
      <LocalizedField name="description" label={t(lang, 'area.description')} value={v.description} {...field} multiline />
    </FormPage>
  );
}
