/**
 * The form for a new working group or an edit. The secretariat sees every field (and the delete button); a group's
 * chair sees the fields a chair may change: purpose, operating rules, and whether it is open (with the reason).
 */
import { pick, type Localized } from '../../../domain/localized.js';
import type { ActionPlan, Agency } from '../../../domain/plan.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { newWorkingGroupPath, workingGroupDeletePath, workingGroupEditPath, workingGroupPath, workingGroupsPath } from '../../../web/paths.js';
import { CheckboxGroup, DeleteAction, FormPage, InputField, LocalizedField, SelectField, type FieldErrors } from '../../../web/ui/index.js';
import { WORKING_GROUP_KINDS, type WorkingGroup } from '../workgroups.model.js';
import type { WorkingGroupFormValues } from '../workgroups.forms.js';
import { groupCrumbs, groupsCrumbs } from './parts.js';

export function WorkingGroupFormPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  group: WorkingGroup | null;
  commitments: { id: number; number: string; title: Localized }[];
  agencies: Agency[];
  values: WorkingGroupFormValues;
  errors: FieldErrors;
  conflict?: boolean;
  /** The secretariat: every field; a chair: purpose, rules and the open flag only. */
  canManage: boolean;
}) {
  const { ctx, plan, group, values: v, errors } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  const kinds = WORKING_GROUP_KINDS.map((k) => ({ value: k, label: t(lang, `workgroups.kind.${k}`) }));
  const agencies = props.agencies.map((a) => ({ value: String(a.id), label: pick(a.name, lang) }));
  const commitments = props.commitments.map((c) => ({ value: String(c.id), label: `${c.number} ${pick(c.title, lang)}` }));
  const openOptions = [
    { value: 'true', label: t(lang, 'workgroups.open') },
    { value: 'false', label: t(lang, 'workgroups.closed') },
  ];
  return (
    <FormPage
      ctx={ctx}
      title={group ? `${t(lang, 'workgroups.edit')}: ${pick(group.name, lang)}` : t(lang, 'workgroups.new')}
      crumbs={group ? groupCrumbs(lang, plan, group) : groupsCrumbs(lang, plan)}
      action={group ? workingGroupEditPath(plan, group) : newWorkingGroupPath(plan)}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      submitLabel={t(lang, group ? 'form.save' : 'form.create')}
      cancel={group ? workingGroupPath(plan, group) : workingGroupsPath(plan)}
      after={
        group && props.canManage ? (
          <DeleteAction ctx={ctx} action={workingGroupDeletePath(plan, group)} version={group.version} label={t(lang, 'workgroups.delete')} />
        ) : null
      }
    >
      {props.canManage ? (
        <>
          <LocalizedField {...field} name="name" label={t(lang, 'workgroups.name')} value={v.name} required />
          <InputField {...field} name="slug" label={t(lang, 'workgroups.slug')} help={t(lang, 'workgroups.slug.help')} value={v.slug} required />
          <SelectField {...field} name="kind" label={t(lang, 'workgroups.kind')} value={v.kind} options={kinds} required />
          <p class="help">{t(lang, 'workgroups.commitments.help')}</p>
          <CheckboxGroup {...field} name="commitmentIds" label={t(lang, 'workgroups.commitments')} values={v.commitmentIds} options={commitments} />
          <fieldset class="field">
            <legend>{t(lang, 'workgroups.chair')}</legend>
            <LocalizedField {...field} name="chair.name" label={t(lang, 'workgroups.chair.name')} value={v.chair.name} />
            <SelectField {...field} name="chair.agencyId" label={t(lang, 'workgroups.chair.agency')} value={v.chair.agencyId} options={agencies} includeEmpty />
            <InputField
              {...field}
              name="chair.userId"
              type="number"
              label={t(lang, 'workgroups.chair.account')}
              help={t(lang, 'workgroups.chair.account.help')}
              value={v.chair.userId}
            />
          </fieldset>
          <fieldset class="field">
            <legend>{t(lang, 'workgroups.coChair')}</legend>
            <LocalizedField {...field} name="coChair.name" label={t(lang, 'workgroups.coChair.name')} value={v.coChair.name} />
            <InputField {...field} name="coChair.userId" type="number" label={t(lang, 'workgroups.coChair.account')} value={v.coChair.userId} />
          </fieldset>
        </>
      ) : null}
      <LocalizedField {...field} name="purpose" label={t(lang, 'workgroups.purpose')} value={v.purpose} multiline rows={4} />
      <LocalizedField {...field} name="rules" label={t(lang, 'workgroups.rules')} help={t(lang, 'workgroups.rules.help')} value={v.rules} multiline rows={10} />
      <SelectField {...field} name="open" label={t(lang, 'workgroups.openField')} value={v.open} options={openOptions} required />
      <LocalizedField
        {...field}
        name="closedReason"
        label={t(lang, 'workgroups.closedReason')}
        help={t(lang, 'workgroups.closedReason.help')}
        value={v.closedReason}
        multiline
        rows={3}
      />
    </FormPage>
  );
}
