/** The form of a phase on a plan's co-creation timeline: new, or an edit with the delete button. */
import { PHASE_KINDS, type Phase } from '../../../domain/cocreation.js';
import { pick } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { coCreationPath, coCreationSectionPath, newPhasePath, phaseDeletePath, phaseEditPath } from '../../../web/paths.js';
import { DeleteAction, FormPage, InputField, LocalizedField, SelectField, planCrumbs, type FormProps } from '../../../web/ui/index.js';
import { phaseLabel } from '../cocreation.format.js';
import type { PhaseFormValues } from '../cocreation.forms.js';

export function PhaseFormPage(props: FormProps<PhaseFormValues> & { plan: ActionPlan; phase: Phase | null }) {
  const { ctx, plan, phase, values: v, errors } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  const title = phase ? `${t(lang, 'cocreation.phase.edit')}: ${phaseLabel(phase.kind, lang)}` : t(lang, 'cocreation.phase.new');
  return (
    <FormPage
      ctx={ctx}
      title={title}
      crumbs={[...planCrumbs(lang, plan), { label: t(lang, 'cocreation.title'), path: coCreationPath(plan) }]}
      action={phase ? phaseEditPath(plan, phase) : newPhasePath(plan)}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      submitLabel={t(lang, phase ? 'form.save' : 'form.create')}
      cancel={coCreationSectionPath(plan, 'timeline')}
      after={phase ? <DeleteAction ctx={ctx} action={phaseDeletePath(plan, phase)} version={phase.version} label={t(lang, 'cocreation.phase.delete')} /> : null}
      intro={<p class="help">{pick(plan.title, lang)}</p>}
    >
      <SelectField
        {...field}
        name="kind"
        label={t(lang, 'phase.kind')}
        value={v.kind}
        required
        includeEmpty
        options={PHASE_KINDS.map((k) => ({ value: k, label: phaseLabel(k, lang) }))}
      />
      <InputField {...field} name="startsOn" type="date" label={t(lang, 'phase.startsOn')} value={v.startsOn} required />
      <InputField {...field} name="endsOn" type="date" label={t(lang, 'phase.endsOn')} value={v.endsOn} required />
      <InputField
        {...field}
        name="publishedOn"
        type="date"
        label={t(lang, 'phase.publishedOn')}
        help={t(lang, 'phase.publishedOn.help')}
        value={v.publishedOn}
      />
      <LocalizedField {...field} name="description" label={t(lang, 'phase.description')} value={v.description} multiline rows={4} />
    </FormPage>
  );
}
