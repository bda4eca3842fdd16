/** The form that transfers a commitment, or everything an agency leads, to another agency. */
import { pick } from '../../../domain/localized.js';
import type { ActionPlan, Agency, Commitment } from '../../../domain/plan.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { agencyPath, agencyTransferPath, commitmentPath, commitmentTransferPath } from '../../../web/paths.js';
import { FormPage, InputField, LocalizedField, SelectField, agenciesCrumbs, commitmentCrumbs, type FieldErrors } from '../../../web/ui/index.js';
import type { TransferFormValues } from '../monitoring.forms.js';

export function TransferFormPage(props: {
  ctx: PageContext;
  /** The commitment transferred; absent when the agency hands over everything it leads. */
  of?: { plan: ActionPlan; commitment: Commitment } | undefined;
  fromAgency: Agency;
  agencies: Agency[];
  values: TransferFormValues;
  errors: FieldErrors;
  conflict?: boolean;
}) {
  const { ctx, of, fromAgency: from, values: v, errors } = props;
  const { lang } = ctx;
  const agency = pick(from.name, lang);
  return (
    <FormPage
      ctx={ctx}
      title={of ? `${t(lang, 'transfer.title')} · ${of.commitment.number}` : `${t(lang, 'transfer.agencyTitle')} · ${agency}`}
      crumbs={of ? commitmentCrumbs(lang, of.plan, of.commitment) : [...agenciesCrumbs(lang), { label: agency, path: agencyPath(from) }]}
      action={of ? commitmentTransferPath(of.plan, of.commitment) : agencyTransferPath(from)}
      cancel={of ? commitmentPath(of.plan, of.commitment) : agencyPath(from)}
      submitLabel={t(lang, 'transfer.submit')}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      intro={<p>{t(lang, of ? 'transfer.help' : 'transfer.agencyHelp', { agency })}</p>}
    >
      <SelectField
        name="toAgencyId"
        label={t(lang, 'transfer.to')}
        value={v.toAgencyId}
        includeEmpty
        required
        options={props.agencies.filter((a) => a.id !== from.id).map((a) => ({ value: String(a.id), label: `${pick(a.name, lang)} (${a.code})` }))}
        errors={errors}
        lang={lang}
      />
      <InputField name="effectiveOn" type="date" label={t(lang, 'transfer.effectiveOn')} value={v.effectiveOn} errors={errors} lang={lang} required />
      <LocalizedField name="note" label={t(lang, 'transfer.note')} value={v.note} errors={errors} lang={lang} multiline rows={2} />
    </FormPage>
  );
}
