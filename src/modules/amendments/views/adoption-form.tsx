/** Recording a plan's adoption: the authority, the day, the approval document. */
import { pick, type Localized } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { planPath } from '../../../web/paths.js';
import { FormPage, InputField, LocalizedField, planCrumbs, type FormProps } from '../../../web/ui/index.js';
import { adoptionPath } from '../amendments.paths.js';

export interface AdoptionFormValues {
  authority: Localized;
  adoptedOn: string;
  documentUrl: string;
  documentReference: string;
}

export function AdoptionFormPage(props: FormProps<AdoptionFormValues> & { plan: ActionPlan }) {
  const { ctx, values: v, errors, plan } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'amendments.adoption.title', { title: pick(plan.title, lang) })}
      crumbs={planCrumbs(lang, plan)}
      action={adoptionPath(plan)}
      cancel={planPath(plan)}
      submitLabel={t(lang, 'amendments.adoption.record')}
      errors={errors}
      intro={<p>{t(lang, 'amendments.adoption.intro')}</p>}
    >
      <LocalizedField name="authority" label={t(lang, 'amendments.adoption.authority')} value={v.authority} {...field} required />
      <InputField name="adoptedOn" type="date" label={t(lang, 'amendments.adoption.adoptedOn')} value={v.adoptedOn} {...field} required />
      <InputField name="documentUrl" type="url" label={t(lang, 'amendments.adoption.documentUrl')} value={v.documentUrl} {...field} />
      <InputField name="documentReference" label={t(lang, 'amendments.adoption.documentReference')} value={v.documentReference} {...field} />
    </FormPage>
  );
}
