/** A new version of the forum's rules, or a correction of one: the date it took effect, the text, what changed. */
import type { ActionPlan } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { forumRulesEditPath, forumRulesPath, forumRulesVersionPath, newForumRulesPath } from '../../../web/paths.js';
import { FormPage, InputField, LocalizedField, type FormProps } from '../../../web/ui/index.js';
import type { RulesFormValues } from '../roster.forms.js';
import type { ForumRules } from '../roster.model.js';
import { rosterCrumbs } from './parts.js';

export function RulesFormPage(props: FormProps<RulesFormValues> & { plan: ActionPlan; rules: ForumRules | null }) {
  const { ctx, plan, rules, values: v, errors } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  return (
    <FormPage
      ctx={ctx}
      title={rules ? `${t(lang, 'roster.rules.correct')}: ${t(lang, 'roster.rules.version', { number: rules.number })}` : t(lang, 'roster.rules.new')}
      crumbs={[...rosterCrumbs(lang, plan), { label: t(lang, 'roster.rules.title'), path: forumRulesPath(plan) }]}
      action={rules ? forumRulesEditPath(plan, rules) : newForumRulesPath(plan)}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      submitLabel={t(lang, rules ? 'form.save' : 'form.create')}
      cancel={rules ? forumRulesVersionPath(plan, rules) : forumRulesPath(plan)}
    >
      <InputField {...field} name="effectiveOn" type="date" label={t(lang, 'roster.rules.effectiveOn')} value={v.effectiveOn} required />
      <LocalizedField
        {...field}
        name="body"
        label={t(lang, 'roster.rules.body')}
        help={t(lang, 'roster.rules.body.help')}
        value={v.body}
        required
        multiline
        rows={16}
      />
      <LocalizedField
        {...field}
        name="changeNote"
        label={t(lang, 'roster.rules.changeNote')}
        help={t(lang, 'roster.rules.changeNote.help')}
        value={v.changeNote}
        multiline
        rows={3}
      />
    </FormPage>
  );
}
