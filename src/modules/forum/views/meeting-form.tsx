/** The secretariat's form for a new meeting or an edit (with the delete button), attendance by sector. */
import { ATTENDANCE_SECTORS, MEETING_KINDS, type ForumMeeting } from '../../../domain/forum.js';
import type { ActionPlan } from '../../../domain/plan.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { meetingDeletePath, meetingEditPath, meetingPath, meetingsPath, newMeetingPath } from '../../../web/paths.js';
import { DeleteAction, FormPage, InputField, LocalizedField, SelectField, TextAreaField, formatDate, type FieldErrors } from '../../../web/ui/index.js';
import type { MeetingFormValues } from '../forum.forms.js';
import type { CycleRef } from '../forum.queries.js';
import { meetingCrumbs, meetingLabel, meetingsCrumbs } from './parts.js';

export function MeetingFormPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  meeting: ForumMeeting | null;
  cycles: CycleRef[];
  values: MeetingFormValues;
  errors: FieldErrors;
  conflict?: boolean;
}) {
  const { ctx, plan, meeting, values: v, errors } = props;
  const { lang } = ctx;
  /** What every field here takes: the messages to show beside it, in the page's language. */
  const field = { errors, lang };
  const kinds = MEETING_KINDS.map((k) => ({ value: k, label: t(lang, `meeting.kind.${k}`) }));
  const cycles = props.cycles.map((c) => ({
    value: String(c.id),
    label: `${t(lang, 'meeting.cycle.label', { number: c.number })} (${formatDate(c.startsOn, lang)} – ${formatDate(c.endsOn, lang)})`,
  }));
  return (
    <FormPage
      ctx={ctx}
      title={meeting ? `${t(lang, 'meeting.edit')}: ${meetingLabel(meeting, lang)}` : t(lang, 'meeting.new')}
      crumbs={meeting ? meetingCrumbs(lang, plan, meeting) : meetingsCrumbs(lang, plan)}
      action={meeting ? meetingEditPath(plan, meeting) : newMeetingPath(plan)}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      submitLabel={t(lang, meeting ? 'form.save' : 'form.create')}
      cancel={meeting ? meetingPath(plan, meeting) : meetingsPath(plan)}
      after={meeting ? <DeleteAction ctx={ctx} action={meetingDeletePath(plan, meeting)} version={meeting.version} label={t(lang, 'meeting.delete')} /> : null}
    >
      <LocalizedField {...field} name="title" label={t(lang, 'meeting.title')} value={v.title} required />
      <InputField {...field} name="heldOn" type="date" label={t(lang, 'meeting.heldOn')} value={v.heldOn} required />
      <SelectField {...field} name="kind" label={t(lang, 'meeting.kind')} value={v.kind} required options={kinds} />
      <SelectField {...field} name="cycleId" label={t(lang, 'meeting.cycle')} value={v.cycleId} includeEmpty options={cycles} />
      <fieldset class="field">
        <legend>{t(lang, 'meeting.attendance')}</legend>
        <p class="help">{t(lang, 'meeting.attendance.help')}</p>
        {ATTENDANCE_SECTORS.map((sector) => (
          <InputField {...field} name={`attendance.${sector}`} type="number" label={t(lang, `meeting.attendance.${sector}`)} value={v.attendance[sector]} />
        ))}
      </fieldset>
      <LocalizedField {...field} name="agenda" label={t(lang, 'meeting.agenda')} help={t(lang, 'meeting.agenda.help')} value={v.agenda} multiline rows={6} />
      <LocalizedField {...field} name="minutes" label={t(lang, 'meeting.minutes')} value={v.minutes} multiline rows={10} />
      <TextAreaField {...field} name="links" label={t(lang, 'meeting.links')} help={t(lang, 'commitment.links.help')} value={v.links} />
    </FormPage>
  );
}
