/** The secretariat's form for a call for nominations: seats, eligibility, dates, term, and how the seats are chosen. */
import type { ActionPlan } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { callActionPath, callPath, callsPath, newCallPath } from '../../../web/paths.js';
import { FormPage, InputField, LocalizedField, SelectField, type FormProps } from '../../../web/ui/index.js';
import type { CallFormValues } from '../roster.forms.js';
import { CALL_METHODS, TIE_RULES, type NominationCall } from '../roster.model.js';
import { callCrumbs, callsCrumbs } from './parts.js';

export function CallFormPage(props: FormProps<CallFormValues> & { plan: ActionPlan; call: NominationCall | null }) {
  const { ctx, plan, call, values: v, errors } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, call ? 'roster.call.edit' : 'roster.call.new')}
      crumbs={call ? callCrumbs(lang, plan, call) : callsCrumbs(lang, plan)}
      action={call ? callActionPath(plan, call, 'edit') : newCallPath(plan)}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      submitLabel={t(lang, call ? 'form.save' : 'form.create')}
      cancel={call ? callPath(plan, call) : callsPath(plan)}
    >
      <LocalizedField {...field} name="title" label={t(lang, 'roster.call.title')} value={v.title} required />
      <InputField {...field} name="seats" type="number" label={t(lang, 'roster.call.seats')} value={v.seats} required />
      <LocalizedField {...field} name="eligibility" label={t(lang, 'roster.call.eligibility')} value={v.eligibility} required multiline rows={4} />
      <InputField {...field} name="nominationsOpenOn" type="date" label={t(lang, 'roster.call.nominationsOpenOn')} value={v.nominationsOpenOn} required />
      <InputField {...field} name="nominationsCloseOn" type="date" label={t(lang, 'roster.call.nominationsCloseOn')} value={v.nominationsCloseOn} required />
      <InputField {...field} name="termStartsOn" type="date" label={t(lang, 'roster.call.termStartsOn')} value={v.termStartsOn} required />
      <InputField {...field} name="termEndsOn" type="date" label={t(lang, 'roster.call.termEndsOn')} value={v.termEndsOn} required />
      <SelectField
        {...field}
        name="method"
        label={t(lang, 'roster.call.method')}
        value={v.method}
        required
        options={CALL_METHODS.map((m) => ({ value: m, label: t(lang, `roster.call.method.${m}`) }))}
      />
      <fieldset class="field">
        <legend>{t(lang, 'roster.call.method.election')}</legend>
        <p class="help">{t(lang, 'roster.call.votingHelp')}</p>
        <InputField {...field} name="votingOpensOn" type="date" label={t(lang, 'roster.call.votingOpensOn')} value={v.votingOpensOn} />
        <InputField {...field} name="votingClosesOn" type="date" label={t(lang, 'roster.call.votingClosesOn')} value={v.votingClosesOn} />
        <SelectField
          {...field}
          name="tieRule"
          label={t(lang, 'roster.call.tieRule')}
          value={v.tieRule}
          includeEmpty
          options={TIE_RULES.map((r) => ({ value: r, label: t(lang, `roster.call.tieRule.${r}`) }))}
        />
      </fieldset>
      <LocalizedField
        {...field}
        name="panel"
        label={t(lang, 'roster.call.panel')}
        help={t(lang, 'roster.call.panel.help')}
        value={v.panel}
        multiline
        rows={3}
      />
    </FormPage>
  );
}
