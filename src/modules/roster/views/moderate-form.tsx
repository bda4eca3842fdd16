/** A moderator hides a nomination's abusive statement with a public reason, or shows it again. */
import type { PublicPerson } from '../../../domain/people.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { callPath, nominationActionPath } from '../../../web/paths.js';
import { FormPage, LocalizedField, Paragraphs, SelectField, type FormProps } from '../../../web/ui/index.js';
import type { ModerationFormValues } from '../roster.forms.js';
import type { Nomination, NominationCall } from '../roster.model.js';
import { callCrumbs, PersonName } from './parts.js';

export function ModerateFormPage(
  props: FormProps<ModerationFormValues> & { plan: ActionPlan; call: NominationCall; nomination: Nomination; nominee: PublicPerson | undefined },
) {
  const { ctx, plan, call, nomination, values: v, errors } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'roster.moderate.title')}
      crumbs={callCrumbs(lang, plan, call)}
      action={nominationActionPath(plan, nomination, 'moderate')}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      submitLabel={t(lang, 'form.save')}
      cancel={callPath(plan, call)}
      intro={
        <blockquote>
          <p>
            <PersonName person={props.nominee} lang={lang} />
          </p>
          <Paragraphs value={nomination.statement} lang={lang} />
        </blockquote>
      }
    >
      <SelectField
        {...field}
        name="hidden"
        label={t(lang, 'roster.moderate.hidden')}
        value={v.hidden}
        required
        options={[
          { value: 'false', label: t(lang, 'roster.moderate.show') },
          { value: 'true', label: t(lang, 'roster.moderate.hide') },
        ]}
      />
      <LocalizedField
        {...field}
        name="reason"
        label={t(lang, 'roster.moderate.reason')}
        help={t(lang, 'roster.moderate.reason.help')}
        value={v.reason}
        multiline
        rows={3}
      />
    </FormPage>
  );
}
