/** The secretariat's form for the forum's decision on a resolution at a meeting: keep tracking or close, with a note. */
import { RESOLUTION_STATUSES, type ForumMeeting, type Resolution, type ResolutionDecision } from '../../../domain/forum.js';
import type { ActionPlan } from '../../../domain/plan.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { resolutionDecidePath, resolutionPath } from '../../../web/paths.js';
import { DataTable, DefinitionList, FormPage, LocalizedField, SelectField, Text, errorId, inputId, type FieldErrors } from '../../../web/ui/index.js';
import type { DecisionFormValues } from '../forum.forms.js';
import { GroupError, MeetingLink, OptionalText, ResolutionStatusText, meetingLabel, resolutionsCrumbs } from './parts.js';

export function DecisionFormPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  resolution: Resolution;
  madeAt: ForumMeeting;
  /** Meetings that may decide: the one that made the resolution and later ones, newest first. */
  meetings: ForumMeeting[];
  history: ResolutionDecision[];
  allMeetings: Map<number, ForumMeeting>;
  values: DecisionFormValues;
  errors: FieldErrors;
  conflict?: boolean;
}) {
  const { ctx, plan, resolution: r, values: v, errors } = props;
  const { lang } = ctx;
  const intro = (
    <>
      <DefinitionList
        items={[
          { label: t(lang, 'resolution.body'), value: <Text value={r.body} lang={lang} /> },
          { label: t(lang, 'resolution.madeAt'), value: <MeetingLink plan={plan} meeting={props.madeAt} lang={lang} /> },
          { label: t(lang, 'resolution.status'), value: <ResolutionStatusText status={r.status} lang={lang} /> },
        ]}
      />
      {props.history.length > 0 ? (
        <DataTable<ResolutionDecision>
          caption={t(lang, 'decision.history')}
          rows={props.history}
          columns={[
            {
              header: t(lang, 'decision.meeting'),
              rowHeader: true,
              cell: (d) => <MeetingLink plan={plan} meeting={props.allMeetings.get(d.meetingId)} lang={lang} />,
            },
            { header: t(lang, 'decision.status'), cell: (d) => <ResolutionStatusText status={d.status} lang={lang} /> },
            { header: t(lang, 'decision.note'), cell: (d) => <OptionalText value={d.note} lang={lang} /> },
          ]}
        />
      ) : null}
    </>
  );
  const statusInvalid = errors.status !== undefined;
  const field = { errors, lang };
  const meetings = props.meetings.map((m) => ({ value: String(m.id), label: meetingLabel(m, lang) }));
  return (
    <FormPage
      ctx={ctx}
      title={`${t(lang, 'resolution.decide')}: ${r.number}`}
      crumbs={resolutionsCrumbs(lang, plan)}
      action={resolutionDecidePath(plan, r)}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      submitLabel={t(lang, 'decision.submit')}
      cancel={resolutionPath(plan, r)}
      intro={intro}
    >
      <SelectField {...field} name="meetingId" label={t(lang, 'decision.meeting')} value={v.meetingId} required includeEmpty options={meetings} />
      {/* A radio group: the kit's fields have none. */}
      <fieldset class={`field${statusInvalid ? ' field-invalid' : ''}`} aria-describedby={statusInvalid ? errorId('status') : undefined}>
        <legend>
          {t(lang, 'decision.status')}
          <span class="required"> ({t(lang, 'form.required')})</span>
        </legend>
        <GroupError name="status" errors={errors} id={errorId('status')} />
        {RESOLUTION_STATUSES.map((s, i) => {
          const id = i === 0 ? inputId('status') : `${inputId('status')}-${i}`;
          return (
            <div class="checkbox">
              <input type="radio" id={id} name="status" value={s} checked={v.status === s} />
              <label for={id}>{t(lang, `decision.status.${s}`)}</label>
            </div>
          );
        })}
      </fieldset>
      <LocalizedField {...field} name="note" label={t(lang, 'decision.note')} value={v.note} multiline rows={3} />
    </FormPage>
  );
}
