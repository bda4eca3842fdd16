/** Adding, editing or deleting one of a commitment's milestones. */
import type { ActionPlan, Commitment, Milestone } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { commitmentPath, milestoneDeletePath, milestoneEditPath, newMilestonePath } from '../../../web/paths.js';
import { DeleteAction, FormPage, InputField, LocalizedField, commitmentCrumbs, formatPeriod, type FormProps } from '../../../web/ui/index.js';
import type { MilestoneFormValues } from '../plans.forms.js';
import { ChangeRequestFields } from './commitment-form.js';

export function MilestoneFormPage(
  props: FormProps<MilestoneFormValues> & {
    plan: ActionPlan;
    commitment: Commitment;
    milestone: Milestone | null;
    /** Offered to whoever may remove it (after adoption, the secretariat only). */
    canDelete: boolean;
  },
) {
  const { ctx, values: v, errors, plan, commitment, milestone } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  return (
    <FormPage
      ctx={ctx}
      title={`${t(lang, milestone ? 'milestone.edit' : 'milestone.new')} · ${commitment.number}`}
      crumbs={commitmentCrumbs(lang, plan, commitment)}
      action={milestone ? milestoneEditPath(plan, commitment, milestone) : newMilestonePath(plan, commitment)}
      cancel={commitmentPath(plan, commitment)}
      submitLabel={t(lang, milestone ? 'form.save' : 'form.create')}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      intro={
        <p>
          {t(lang, 'commitment.dates')}: {formatPeriod(commitment.startDate, commitment.endDate, lang)}
        </p>
      }
      after={
        milestone && props.canDelete ? (
          <DeleteAction ctx={ctx} action={milestoneDeletePath(plan, commitment, milestone)} version={milestone.version} label={t(lang, 'milestone.delete')} />
        ) : null
      }
    >
      <LocalizedField name="deliverable" label={t(lang, 'milestone.deliverable')} value={v.deliverable} {...field} required multiline rows={2} />
      <LocalizedField name="indicator" label={t(lang, 'milestone.indicator')} value={v.indicator} {...field} multiline rows={2} />
      <LocalizedField name="target" label={t(lang, 'milestone.target')} value={v.target} {...field} />
      <InputField name="startDate" type="date" label={t(lang, 'milestone.startDate')} value={v.startDate} {...field} required />
      <InputField name="endDate" type="date" label={t(lang, 'milestone.endDate')} value={v.endDate} {...field} required />
      <InputField name="position" type="number" label={t(lang, 'milestone.position')} value={v.position} {...field} />
      <InputField name="weight" type="number" label={t(lang, 'milestone.weight')} help={t(lang, 'milestone.weightHint')} value={v.weight} {...field} />
      {milestone && v.change ? <ChangeRequestFields ctx={ctx} values={v.change} errors={errors} /> : null}
    </FormPage>
  );
}
