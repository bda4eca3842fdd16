/** The secretariat's form for a resolution made at a meeting: number (or the next one), text, owner agency, due date. */
import type { ForumMeeting, Resolution } from '../../../domain/forum.js';
import { pick } from '../../../domain/localized.js';
import type { ActionPlan, Agency } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { meetingPath, newResolutionPath, resolutionEditPath, resolutionPath } from '../../../web/paths.js';
import { FormPage, InputField, LocalizedField, SelectField, type FormProps } from '../../../web/ui/index.js';
import type { ResolutionFormValues } from '../forum.forms.js';
import { meetingCrumbs, meetingLabel } from './parts.js';

export function ResolutionFormPage(
  props: FormProps<ResolutionFormValues> & { plan: ActionPlan; meeting: ForumMeeting; resolution: Resolution | null; agencies: Agency[] },
) {
  const { ctx, plan, meeting, resolution, values: v, errors } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  const agencies = props.agencies.map((a) => ({ value: String(a.id), label: `${pick(a.name, lang)} (${a.code})` }));
  return (
    <FormPage
      ctx={ctx}
      title={resolution ? `${t(lang, 'resolution.edit')}: ${resolution.number}` : t(lang, 'resolution.new')}
      crumbs={meetingCrumbs(lang, plan, meeting)}
      action={resolution ? resolutionEditPath(plan, resolution) : newResolutionPath(plan, meeting)}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      submitLabel={t(lang, resolution ? 'form.save' : 'form.create')}
      cancel={resolution ? resolutionPath(plan, resolution) : meetingPath(plan, meeting)}
      intro={<p>{t(lang, 'resolution.atMeeting', { meeting: meetingLabel(meeting, lang) })}</p>}
    >
      <InputField {...field} name="number" label={t(lang, 'resolution.number')} help={t(lang, 'resolution.number.help')} value={v.number} />
      <LocalizedField {...field} name="body" label={t(lang, 'resolution.body')} value={v.body} required multiline rows={4} />
      <SelectField {...field} name="ownerAgencyId" label={t(lang, 'resolution.owner')} value={v.ownerAgencyId} includeEmpty options={agencies} />
      <InputField {...field} name="dueOn" type="date" label={t(lang, 'resolution.dueOn')} value={v.dueOn} />
    </FormPage>
  );
}
