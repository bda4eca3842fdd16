/** Adding, editing or deleting a commitment; an agency officer sees only the fields it may change. */
import { pick } from '../../../domain/localized.js';
import { COMMITMENT_STATUSES, OGP_VALUES, ORIGINS, type ActionPlan, type Agency, type Area, type Commitment } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { commitmentDeletePath, commitmentEditPath, commitmentPath, newCommitmentPath, planPath } from '../../../web/paths.js';
import { CheckboxGroup, DeleteAction, FormPage, InputField, LocalizedField, Notice, SelectField, TextAreaField, planCrumbs } from '../../../web/ui/index.js';
import type { CommitmentFormValues } from '../plans.forms.js';
import type { FormProps } from './form-props.js';

export function CommitmentFormPage(
  props: FormProps<CommitmentFormValues> & {
    plan: ActionPlan;
    commitment: Commitment | null;
    areas: Area[];
    agencies: Agency[];
    lockedFields: readonly string[];
  },
) {
  const { ctx, values: v, errors, plan, commitment } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  const unlocked = (name: string) => !props.lockedFields.includes(name);
  const agencyOptions = props.agencies.map((a) => ({ value: String(a.id), label: `${pick(a.name, lang)} (${a.code})` }));
  return (
    <FormPage
      ctx={ctx}
      title={commitment ? `${t(lang, 'commitment.edit')}: ${commitment.number}` : t(lang, 'commitment.new')}
      crumbs={planCrumbs(lang, plan)}
      action={commitment ? commitmentEditPath(plan, commitment) : newCommitmentPath(plan)}
      cancel={commitment ? commitmentPath(plan, commitment) : planPath(plan)}
      submitLabel={t(lang, commitment ? 'form.save' : 'form.create')}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      after={
        commitment && props.lockedFields.length === 0 ? (
          <DeleteAction ctx={ctx} action={commitmentDeletePath(plan, commitment)} version={commitment.version} label={t(lang, 'commitment.delete')} />
        ) : null
      }
    >
      {props.lockedFields.length > 0 ? <Notice>{t(lang, 'commitment.lockedFields')}</Notice> : null}
      {unlocked('areaId') ? (
        <SelectField
          name="areaId"
          label={t(lang, 'commitment.area')}
          value={v.areaId}
          {...field}
          required
          includeEmpty
          options={props.areas.map((a, i) => ({ value: String(a.id), label: `${i + 1}. ${pick(a.title, lang)}` }))}
        />
      ) : null}
      {unlocked('number') ? <InputField name="number" label={t(lang, 'commitment.number')} value={v.number} {...field} required help="1-1" /> : null}
      {unlocked('ogpId') ? <InputField name="ogpId" label={t(lang, 'commitment.ogpId')} value={v.ogpId} {...field} help="TW0001" /> : null}
      <LocalizedField name="title" label={t(lang, 'commitment.title')} value={v.title} {...field} required />
      {unlocked('startDate') ? (
        <>
          <InputField name="startDate" type="date" label={t(lang, 'commitment.startDate')} value={v.startDate} {...field} required />
          <InputField name="endDate" type="date" label={t(lang, 'commitment.endDate')} value={v.endDate} {...field} required />
        </>
      ) : null}
      {unlocked('leadAgencyId') ? (
        <SelectField
          name="leadAgencyId"
          label={t(lang, 'commitment.leadAgency')}
          value={v.leadAgencyId}
          {...field}
          required
          includeEmpty
          options={agencyOptions}
        />
      ) : null}
      {unlocked('coAgencyIds') ? (
        <CheckboxGroup name="coAgencyIds" label={t(lang, 'commitment.coAgencies')} values={v.coAgencyIds} options={agencyOptions} {...field} />
      ) : null}
      {unlocked('origin') ? (
        <SelectField
          name="origin"
          label={t(lang, 'commitment.origin')}
          value={v.origin}
          {...field}
          required
          options={ORIGINS.map((o) => ({ value: o, label: t(lang, `origin.${o}`) }))}
        />
      ) : null}
      <SelectField
        name="status"
        label={t(lang, 'commitment.status')}
        value={v.status}
        {...field}
        options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(lang, `commitment.status.${s}`) }))}
      />
      <LocalizedField name="problem" label={t(lang, 'commitment.problem')} value={v.problem} {...field} multiline />
      <LocalizedField name="objective" label={t(lang, 'commitment.objective')} value={v.objective} {...field} multiline />
      <LocalizedField name="briefDescription" label={t(lang, 'commitment.briefDescription')} value={v.briefDescription} {...field} multiline rows={2} />
      <LocalizedField name="description" label={t(lang, 'commitment.description')} value={v.description} {...field} multiline rows={6} />
      <LocalizedField name="contribution" label={t(lang, 'commitment.contribution')} value={v.contribution} {...field} multiline />
      <CheckboxGroup
        name="ogpValues"
        label={t(lang, 'commitment.ogpValues')}
        values={v.ogpValues}
        options={OGP_VALUES.map((o) => ({ value: o, label: t(lang, `value.${o}`) }))}
        {...field}
      />
      <InputField name="sdgTargets" label={t(lang, 'commitment.sdgTargets')} value={v.sdgTargets} {...field} help={t(lang, 'commitment.sdgHelp')} />
      <InputField name="budgetAmount" label={t(lang, 'commitment.budgetAmount')} value={v.budgetAmount} {...field} />
      <InputField name="budgetCurrency" label={t(lang, 'commitment.budgetCurrency')} value={v.budgetCurrency} {...field} help="TWD" />
      <LocalizedField name="budgetNote" label={t(lang, 'commitment.budgetNote')} value={v.budgetNote} {...field} multiline rows={2} />
      <LocalizedField name="otherActors" label={t(lang, 'commitment.otherActors')} value={v.otherActors} {...field} multiline rows={2} />
      {(['name', 'title', 'email', 'phone'] as const).map((part) => (
        <InputField
          name={`contact.${part}`}
          type={part === 'email' ? 'email' : undefined}
          label={t(lang, `commitment.contact.${part}`)}
          value={v.contact[part]}
          {...field}
        />
      ))}
      <TextAreaField name="links" label={t(lang, 'commitment.links')} help={t(lang, 'commitment.links.help')} value={v.links} {...field} />
    </FormPage>
  );
}
