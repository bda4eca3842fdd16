/**
 * The secretariat's form for a new meeting or an edit (with the delete button): when, what kind, where and how,
 * the working group and commitment, attendance by sector and by stakeholder group, agenda, minutes, documents, links.
 */
import { ATTENDANCE_SECTORS, MEETING_DOCUMENT_KINDS, MEETING_KINDS, MEETING_MODES, type ForumMeeting } from '../../../domain/forum.js';
import { pick, type Localized } from '../../../domain/localized.js';
import { REGIONS } from '../../../domain/people.js';
import type { ActionPlan } from '../../../domain/plan.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { meetingDeletePath, meetingEditPath, meetingPath, meetingsPath, newMeetingPath } from '../../../web/paths.js';
import {
  CheckboxGroup,
  DeleteAction,
  FormPage,
  InputField,
  LocalizedField,
  SelectField,
  TextAreaField,
  errorId,
  formatDate,
  inputId,
  type FieldErrors,
  type Option,
} from '../../../web/ui/index.js';
import type { DocumentFormRow, MeetingFormValues } from '../forum.forms.js';
import type { CycleRef } from '../forum.queries.js';
import { GroupError, meetingCrumbs, meetingLabel, meetingsCrumbs } from './parts.js';

/** Blank document rows offered after the stored ones: enough for an agenda, slides and minutes. */
const BLANK_DOCUMENT_ROWS = 3;

export interface MeetingFormChoices {
  cycles: CycleRef[];
  /** The configured stakeholder groups, in their order. */
  stakeholderGroups: { code: string; name: Localized }[];
  workingGroups: { id: number; name: Localized }[];
  commitments: { id: number; number: string; title: Localized }[];
}

export function MeetingFormPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  meeting: ForumMeeting | null;
  choices: MeetingFormChoices;
  values: MeetingFormValues;
  errors: FieldErrors;
  conflict?: boolean;
}) {
  const { ctx, plan, meeting, values: v, errors } = props;
  const { lang } = ctx;
  /** What every field here takes: the messages to show beside it, in the page's language. */
  const field = { errors, lang };
  const kinds = MEETING_KINDS.map((k) => ({ value: k, label: t(lang, `meeting.kind.${k}`) }));
  const { choices } = props;
  const cycles = choices.cycles.map((c) => ({
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
      <SelectField
        {...field}
        name="mode"
        label={t(lang, 'meeting.mode')}
        value={v.mode}
        required
        options={MEETING_MODES.map((m) => ({ value: m, label: t(lang, `meeting.mode.${m}`) }))}
      />
      <LocalizedField {...field} name="place" label={t(lang, 'meeting.place')} help={t(lang, 'meeting.place.help')} value={v.place} />
      <SelectField
        {...field}
        name="region"
        label={t(lang, 'meeting.region')}
        value={v.region}
        includeEmpty
        options={REGIONS.map((r) => ({ value: r, label: t(lang, `meeting.region.${r}`) }))}
      />
      <CheckboxGroup
        {...field}
        name="openToPublic"
        label={t(lang, 'meeting.openness')}
        values={v.openToPublic ? ['true'] : []}
        options={[{ value: 'true', label: t(lang, 'meeting.openToPublic') }]}
      />
      <SelectField {...field} name="cycleId" label={t(lang, 'meeting.cycle')} value={v.cycleId} includeEmpty options={cycles} />
      <SelectField
        {...field}
        name="workingGroupId"
        label={t(lang, 'meeting.workingGroup')}
        value={v.workingGroupId}
        includeEmpty
        options={choices.workingGroups.map((g) => ({ value: String(g.id), label: pick(g.name, lang) }))}
      />
      <SelectField
        {...field}
        name="commitmentId"
        label={t(lang, 'meeting.commitment')}
        value={v.commitmentId}
        includeEmpty
        options={choices.commitments.map((c) => ({ value: String(c.id), label: `${c.number} ${pick(c.title, lang)}` }))}
      />
      <fieldset class="field">
        <legend>{t(lang, 'meeting.attendance')}</legend>
        <p class="help">{t(lang, 'meeting.attendance.help')}</p>
        {ATTENDANCE_SECTORS.map((sector) => (
          <InputField {...field} name={`attendance.${sector}`} type="number" label={t(lang, `meeting.attendance.${sector}`)} value={v.attendance[sector]} />
        ))}
      </fieldset>
      <GroupAttendanceFields {...props} />
      <LocalizedField {...field} name="agenda" label={t(lang, 'meeting.agenda')} help={t(lang, 'meeting.agenda.help')} value={v.agenda} multiline rows={6} />
      <LocalizedField {...field} name="minutes" label={t(lang, 'meeting.minutes')} value={v.minutes} multiline rows={10} />
      <DocumentRows lang={lang} errors={errors} rows={v.documents} />
      <TextAreaField {...field} name="links" label={t(lang, 'meeting.links')} help={t(lang, 'commitment.links.help')} value={v.links} />
    </FormPage>
  );
}

/**
 * Attendance by stakeholder group: the same people as the sector totals, counted by group. Optional; when any group
 * is filled in, the groups must add up to the sector total (the service refuses otherwise).
 */
function GroupAttendanceFields(props: { ctx: PageContext; choices: MeetingFormChoices; values: MeetingFormValues; errors: FieldErrors }) {
  const { lang } = props.ctx;
  const name = 'attendanceByGroup';
  const invalid = props.errors[name] !== undefined;
  // A group no longer configured keeps its typed or stored count visible, so nothing is lost silently.
  const known = new Set(props.choices.stakeholderGroups.map((g) => g.code));
  const groups = [
    ...props.choices.stakeholderGroups.map((g) => ({ code: g.code, label: pick(g.name, lang) })),
    ...Object.keys(props.values.attendanceByGroup)
      .filter((code) => !known.has(code))
      .map((code) => ({ code, label: code })),
  ];
  return (
    <fieldset class={`field${invalid ? ' field-invalid' : ''}`} id={inputId(name)} aria-describedby={invalid ? errorId(name) : undefined}>
      <legend>{t(lang, 'meeting.attendanceByGroup')}</legend>
      <p class="help">{t(lang, 'meeting.attendanceByGroup.help')}</p>
      <GroupError name={name} errors={props.errors} id={errorId(name)} />
      {groups.map((g) => (
        <InputField
          errors={props.errors}
          lang={lang}
          name={`${name}.${g.code}`}
          type="number"
          label={t(lang, 'meeting.attendanceByGroup.field', { group: g.label })}
          value={props.values.attendanceByGroup[g.code] ?? ''}
        />
      ))}
    </fieldset>
  );
}

/** The documents, one fieldset a row: the stored (or posted) ones, then blank rows to add more. */
function DocumentRows(props: { lang: PageContext['lang']; errors: FieldErrors; rows: DocumentFormRow[] }) {
  const { lang, errors } = props;
  const blank: DocumentFormRow = { kind: 'minutes', title: { zh: '', en: '', status: 'missing' }, url: '' };
  const rows = [...props.rows, ...Array.from({ length: BLANK_DOCUMENT_ROWS }, () => blank)];
  const kinds: Option[] = MEETING_DOCUMENT_KINDS.map((k) => ({ value: k, label: t(lang, `meeting.document.kind.${k}`) }));
  return (
    <fieldset class="field" id={inputId('documents')}>
      <legend>{t(lang, 'meeting.documents')}</legend>
      <p class="help">{t(lang, 'meeting.documents.help')}</p>
      {rows.map((row, i) => {
        const name = (part: string) => `documents.${i}.${part}`;
        return (
          <fieldset class="field">
            <legend>{t(lang, 'meeting.document.row', { number: i + 1 })}</legend>
            <SelectField errors={errors} lang={lang} name={name('kind')} label={t(lang, 'meeting.document.kind')} value={row.kind} options={kinds} />
            <InputField errors={errors} lang={lang} name={name('title.zh')} label={t(lang, 'meeting.document.titleZh')} value={row.title.zh} />
            <InputField errors={errors} lang={lang} name={name('title.en')} label={t(lang, 'meeting.document.titleEn')} value={row.title.en} />
            <InputField errors={errors} lang={lang} name={name('url')} type="url" label={t(lang, 'meeting.document.url')} value={row.url} />
          </fieldset>
        );
      })}
    </fieldset>
  );
}
