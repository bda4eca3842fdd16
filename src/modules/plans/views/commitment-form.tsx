/** Adding, editing or deleting a commitment; an agency officer sees only the fields it may change. */
import { pick } from '../../../domain/localized.js';
import { COMMITMENT_STATUSES, OGP_VALUES, ORIGINS, type ActionPlan, type Agency, type Area, type Commitment } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { commitmentDeletePath, commitmentEditPath, commitmentPath, newCommitmentPath, planPath } from '../../../web/paths.js';
import {
  CheckboxGroup,
  DeleteAction,
  FormPage,
  InputField,
  LocalizedField,
  Notice,
  SelectField,
  TextAreaField,
  planCrumbs,
  type FormProps,
} from '../../../web/ui/index.js';
import type { ChangeRequestValues, CommitmentFormValues } from '../plans.forms.js';
import { EDITORS } from '../../../domain/authorization.js';
import type { FieldErrors } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';

/**
 * What an edit of adopted text says about itself (ADR 0031): the reason that makes a change of the official text a
 * proposed amendment for the forum, and for the secretariat the mark of an editorial correction.
 */
export function ChangeRequestFields(props: { ctx: PageContext; values: ChangeRequestValues; errors: FieldErrors }) {
  const { ctx, values, errors } = props;
  const { lang } = ctx;
  const editor = ctx.actor !== null && EDITORS.includes(ctx.actor.role);
  return (
    <fieldset class="field-group">
      <legend>{t(lang, 'plans.change.legend')}</legend>
      <p>{t(lang, 'plans.change.intro')}</p>
      <TextAreaField
        name="reason"
        label={t(lang, 'plans.change.reason')}
        help={t(lang, 'plans.change.reasonHelp')}
        value={values.reason}
        errors={errors}
        lang={lang}
        rows={3}
      />
      {editor ? (
        <CheckboxGroup
          name="editorial"
          label={t(lang, 'plans.change.editorialLegend')}
          values={values.editorial ? ['true'] : []}
          options={[{ value: 'true', label: t(lang, 'plans.change.editorial') }]}
          errors={errors}
          lang={lang}
        />
      ) : null}
    </fieldset>
  );
}

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
  const fieldFor = <K extends keyof CommitmentFormValues>(name: K) => ({ name, value: v[name], ...field });
  const areaOptions = props.areas.map((a, i) => ({ value: String(a.id), label: `${i + 1}. ${pick(a.title, lang)}` }));
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
      {unlocked('areaId') ? <SelectField {...fieldFor('areaId')} label={t(lang, 'commitment.area')} required includeEmpty options={areaOptions} /> : null}
      {unlocked('number') ? <InputField {...fieldFor('number')} label={t(lang, 'commitment.number')} required help="1-1" /> : null}
      {unlocked('ogpId') ? <InputField {...fieldFor('ogpId')} label={t(lang, 'commitment.ogpId')} help="TW0001" /> : null}
      <LocalizedField {...fieldFor('title')} label={t(lang, 'commitment.title')} required />
      {unlocked('startDate') ? (
        <>
          <InputField {...fieldFor('startDate')} type="date" label={t(lang, 'commitment.startDate')} required />
          <InputField {...fieldFor('endDate')} type="date" label={t(lang, 'commitment.endDate')} required />
        </>
      ) : null}
      {unlocked('leadAgencyId') ? (
        <SelectField {...fieldFor('leadAgencyId')} label={t(lang, 'commitment.leadAgency')} required includeEmpty options={agencyOptions} />
      ) : null}
      {unlocked('coAgencyIds') ? (
        <CheckboxGroup name="coAgencyIds" label={t(lang, 'commitment.coAgencies')} values={v.coAgencyIds} options={agencyOptions} {...field} />
      ) : null}
      {unlocked('origin') ? (
        <SelectField
          {...fieldFor('origin')}
          label={t(lang, 'commitment.origin')}
          required
          options={ORIGINS.map((o) => ({ value: o, label: t(lang, `origin.${o}`) }))}
        />
      ) : null}
      <SelectField
        {...fieldFor('status')}
        label={t(lang, 'commitment.status')}
        options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(lang, `commitment.status.${s}`) }))}
      />
      <LocalizedField {...fieldFor('problem')} label={t(lang, 'commitment.problem')} multiline />
      <LocalizedField {...fieldFor('objective')} label={t(lang, 'commitment.objective')} multiline />
      <LocalizedField {...fieldFor('briefDescription')} label={t(lang, 'commitment.briefDescription')} multiline rows={2} />
      <LocalizedField {...fieldFor('description')} label={t(lang, 'commitment.description')} multiline rows={6} />
      <LocalizedField {...fieldFor('contribution')} label={t(lang, 'commitment.contribution')} multiline />
      <CheckboxGroup
        name="ogpValues"
        label={t(lang, 'commitment.ogpValues')}
        values={v.ogpValues}
        options={OGP_VALUES.map((o) => ({ value: o, label: t(lang, `value.${o}`) }))}
        {...field}
      />
      <InputField {...fieldFor('sdgTargets')} label={t(lang, 'commitment.sdgTargets')} help={t(lang, 'commitment.sdgHelp')} />
      <InputField {...fieldFor('budgetAmount')} label={t(lang, 'commitment.budgetAmount')} />
      <InputField {...fieldFor('budgetCurrency')} label={t(lang, 'commitment.budgetCurrency')} help="TWD" />
      <LocalizedField {...fieldFor('budgetNote')} label={t(lang, 'commitment.budgetNote')} multiline rows={2} />
      <LocalizedField {...fieldFor('otherActors')} label={t(lang, 'commitment.otherActors')} multiline rows={2} />
      {(['name', 'title', 'email', 'phone'] as const).map((part) => (
        <InputField
          name={`contact.${part}`}
          type={part === 'email' ? 'email' : undefined}
          label={t(lang, `commitment.contact.${part}`)}
          value={v.contact[part]}
          {...field}
        />
      ))}
      <TextAreaField {...fieldFor('links')} label={t(lang, 'commitment.links')} help={t(lang, 'commitment.links.help')} />
      {commitment && v.change ? <ChangeRequestFields ctx={ctx} values={v.change} errors={errors} /> : null}
    </FormPage>
  );
}
