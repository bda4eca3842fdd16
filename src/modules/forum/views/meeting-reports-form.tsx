/**
 * The secretariat's picker of the progress reports a meeting reviewed: the submitted reports of the meeting's cycle
 * (or of every cycle), each ticked as reviewed and perhaps showcased with the story of how government and civil
 * society worked together.
 */
import type { ForumMeeting } from '../../../domain/forum.js';
import { emptyLocalized } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { meetingPath, meetingReportsPath } from '../../../web/paths.js';
import { FormPage, LocalizedField, Text, inputId, type FieldErrors } from '../../../web/ui/index.js';
import type { ReportChoices } from '../forum.forms.js';
import type { CycleRef, ReportRef } from '../forum.queries.js';
import { GroupError, meetingCrumbs } from './parts.js';

export function MeetingReportsFormPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  meeting: ForumMeeting;
  cycle: CycleRef | undefined;
  allCycles: boolean;
  candidates: ReportRef[];
  choices: ReportChoices;
  version: number;
  errors: FieldErrors;
  conflict?: boolean;
}) {
  const { ctx, plan, meeting, errors } = props;
  const { lang } = ctx;
  const intro = (
    <>
      <p>{t(lang, 'meeting.reports.pickerHelp')}</p>
      {props.cycle ? (
        <p>
          {props.allCycles ? (
            <a href={href(lang, meetingReportsPath(plan, meeting))}>{t(lang, 'meeting.reports.onlyCycle', { number: props.cycle.number })}</a>
          ) : (
            <>
              {t(lang, 'meeting.reports.filteredToCycle', { number: props.cycle.number })}{' '}
              <a href={href(lang, meetingReportsPath(plan, meeting, true))}>{t(lang, 'meeting.reports.allCycles')}</a>
            </>
          )}
        </p>
      ) : null}
    </>
  );
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'meeting.reports.choose')}
      crumbs={meetingCrumbs(lang, plan, meeting)}
      action={meetingReportsPath(plan, meeting, props.allCycles)}
      errors={errors}
      conflict={props.conflict}
      version={props.version}
      submitLabel={t(lang, 'form.save')}
      cancel={meetingPath(plan, meeting)}
      intro={intro}
    >
      <div id={inputId('reports')} tabindex={-1}>
        <GroupError name="reports" errors={errors} role="alert" />
        <input type="hidden" name="reviewed" value="" />
        <input type="hidden" name="showcased" value="" />
        {props.candidates.length === 0 ? <p>{t(lang, 'meeting.reports.noneSubmitted')}</p> : null}
        {props.candidates.map((r) => {
          const choice = props.choices.get(r.reportId);
          return (
            <fieldset class="field report-choice">
              <legend>
                {r.commitmentNumber} <Text value={r.commitmentTitle} lang={lang} /> · <Text value={r.agencyName} lang={lang} /> ·{' '}
                {t(lang, 'meeting.cycle.label', { number: r.cycleNumber })}
                {r.state === 'superseded' ? <span class="badge">{t(lang, 'meeting.report.superseded')}</span> : null}
              </legend>
              <div class="checkbox">
                <input type="checkbox" id={`f-reviewed-${r.reportId}`} name="reviewed" value={String(r.reportId)} checked={choice?.reviewed ?? false} />
                <label for={`f-reviewed-${r.reportId}`}>{t(lang, 'meeting.reports.reviewed')}</label>
              </div>
              <div class="checkbox">
                <input type="checkbox" id={`f-showcased-${r.reportId}`} name="showcased" value={String(r.reportId)} checked={choice?.showcased ?? false} />
                <label for={`f-showcased-${r.reportId}`}>{t(lang, 'meeting.reports.showcase')}</label>
              </div>
              <LocalizedField
                name={`story.${r.reportId}`}
                label={t(lang, 'meeting.reports.story')}
                value={choice?.story ?? emptyLocalized()}
                errors={errors}
                lang={lang}
                multiline
                rows={3}
              />
            </fieldset>
          );
        })}
      </div>
    </FormPage>
  );
}
