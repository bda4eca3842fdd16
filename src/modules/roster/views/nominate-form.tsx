/**
 * The nomination form: yourself, or someone else by their account's e-mail address, with a statement. The call's
 * dates stand at the top as read-only fields, so a nomination outside them is told beside the date it missed.
 */
import { pick } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { callActionPath, callPath } from '../../../web/paths.js';
import { CheckboxGroup, FormPage, InputField, LocalizedField, Notice, Paragraphs, type FormProps } from '../../../web/ui/index.js';
import type { NominationFormValues } from '../roster.forms.js';
import type { NominationCall } from '../roster.model.js';
import { callCrumbs } from './parts.js';

export function NominateFormPage(props: FormProps<NominationFormValues> & { plan: ActionPlan; call: NominationCall; mayStand: boolean }) {
  const { ctx, plan, call, values: v, errors } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'roster.nominate.title', { call: pick(call.title, lang) })}
      crumbs={callCrumbs(lang, plan, call)}
      action={callActionPath(plan, call, 'nominate')}
      errors={errors}
      submitLabel={t(lang, 'roster.nominate.submit')}
      cancel={callPath(plan, call)}
      intro={
        <>
          <Paragraphs value={call.eligibility} lang={lang} />
          <Notice tone="info">{t(lang, 'roster.nominate.help')}</Notice>
        </>
      }
    >
      <InputField {...field} name="nominationsOpenOn" type="date" label={t(lang, 'roster.call.nominationsOpenOn')} value={call.nominationsOpenOn} readonly />
      <InputField {...field} name="nominationsCloseOn" type="date" label={t(lang, 'roster.call.nominationsCloseOn')} value={call.nominationsCloseOn} readonly />
      {props.mayStand ? (
        <CheckboxGroup
          {...field}
          name="self"
          label={t(lang, 'roster.nomination.nominee')}
          values={v.self}
          options={[{ value: 'on', label: t(lang, 'roster.nominate.self') }]}
        />
      ) : (
        <Notice>{t(lang, 'roster.nominate.cannotStand')}</Notice>
      )}
      <InputField {...field} name="nomineeEmail" type="email" autocomplete="off" label={t(lang, 'roster.nominate.email')} value={v.nomineeEmail} />
      <LocalizedField
        {...field}
        name="statement"
        label={t(lang, 'roster.nomination.statement')}
        help={t(lang, 'roster.nominate.statement.help')}
        value={v.statement}
        required
        multiline
        rows={6}
      />
    </FormPage>
  );
}
