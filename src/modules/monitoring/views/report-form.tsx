/** The form that creates or edits a draft progress report: the cycle, an entry per milestone, the narrative, the budget. */
import { pick } from '../../../domain/localized.js';
import { MILESTONE_PROGRESS_STATUSES, type ProgressReport, type ReviewCycle } from '../../../domain/monitoring.js';
import type { ActionPlan, Commitment, Milestone } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { commitmentPath, newReportPath, reportEditPath, reportPath } from '../../../web/paths.js';
import { FormPage, InputField, LocalizedField, SelectField, Text, commitmentCrumbs, formatDate, formatPeriod, type FormProps } from '../../../web/ui/index.js';
import { reportForm, type ReportFormValues } from '../monitoring.forms.js';
import { cycleName } from './parts.js';

export function ReportFormPage(
  props: FormProps<ReportFormValues> & {
    plan: ActionPlan;
    commitment: Commitment;
    milestones: Milestone[];
    cycles: ReviewCycle[];
    /** The draft edited; null for a new report. */
    report: ProgressReport | null;
  },
) {
  const { ctx, plan, commitment, report, values: v, errors } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  const fieldFor = <K extends keyof ReportFormValues>(name: K) => ({ name, value: v[name], ...field });
  // A draft stays in the cycle it was written for; only a new report chooses one.
  const cycle = report ? props.cycles.find((c) => c.id === report.cycleId) : undefined;
  return (
    <FormPage
      ctx={ctx}
      title={`${t(lang, report ? 'report.edit' : 'report.new')} · ${commitment.number} ${pick(commitment.title, lang)}`}
      crumbs={commitmentCrumbs(lang, plan, commitment)}
      action={report ? reportEditPath(plan, commitment, report) : newReportPath(plan, commitment)}
      cancel={report ? reportPath(plan, commitment, report) : commitmentPath(plan, commitment)}
      submitLabel={t(lang, 'report.saveDraft')}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
    >
      {report ? (
        cycle ? (
          <p>
            {t(lang, 'cycle.cycle')}: {cycleName(cycle, lang)}
          </p>
        ) : null
      ) : (
        <SelectField
          {...field}
          name="cycleId"
          label={t(lang, 'cycle.cycle')}
          value={v.cycleId}
          includeEmpty
          required
          options={props.cycles.map((c) => ({
            value: String(c.id),
            label: `${cycleName(c, lang)} · ${t(lang, 'cycle.due', { date: formatDate(c.reportDue, lang) })}`,
          }))}
        />
      )}
      <h2>{t(lang, 'report.milestones')}</h2>
      {props.milestones.length === 0 ? <p>{t(lang, 'commitment.noMilestones')}</p> : null}
      {props.milestones.map((m, i) => {
        const entry = reportForm.milestoneEntry(v, m.id);
        const name = `milestones.${i}`;
        return (
          <fieldset class="milestone-entry">
            <legend>
              <Text value={m.deliverable} lang={lang} /> ({formatPeriod(m.startDate, m.endDate, lang)})
            </legend>
            <input type="hidden" name={`${name}.milestoneId`} value={String(m.id)} />
            <SelectField
              {...field}
              name={`${name}.status`}
              label={t(lang, 'report.status')}
              value={entry.status}
              options={MILESTONE_PROGRESS_STATUSES.map((s) => ({ value: s, label: t(lang, `mstatus.${s}`) }))}
            />
            <InputField {...field} name={`${name}.percent`} type="number" label={t(lang, 'report.percent')} value={entry.percent} />
            <LocalizedField
              {...field}
              name={`${name}.reason`}
              label={t(lang, 'report.reason')}
              help={t(lang, 'report.reasonHelp')}
              value={entry.reason}
              multiline
              rows={2}
            />
          </fieldset>
        );
      })}
      <h2>{t(lang, 'report.narrative')}</h2>
      <LocalizedField {...fieldFor('achievements')} label={t(lang, 'report.achievements')} help={t(lang, 'report.achievementsHelp')} multiline rows={5} />
      <LocalizedField {...fieldFor('participation')} label={t(lang, 'report.participation')} help={t(lang, 'report.participationHelp')} multiline rows={4} />
      <InputField {...fieldFor('civilSocietyParticipants')} type="number" label={t(lang, 'report.civilSocietyParticipants')} />
      <InputField {...fieldFor('governmentParticipants')} type="number" label={t(lang, 'report.governmentParticipants')} />
      <LocalizedField {...fieldFor('problems')} label={t(lang, 'report.problems')} multiline rows={3} />
      <LocalizedField {...fieldFor('nextSteps')} label={t(lang, 'report.nextSteps')} multiline rows={3} />
      <InputField {...fieldFor('budgetSpent')} label={t(lang, 'report.budgetSpent')} help={t(lang, 'report.budgetHelp')} />
      <InputField {...fieldFor('budgetCurrency')} label={t(lang, 'report.budgetCurrency')} />
      <LocalizedField {...fieldFor('budgetNote')} label={t(lang, 'report.budgetNote')} />
      <p class="help">{t(lang, 'report.saveHelp')}</p>
    </FormPage>
  );
}
