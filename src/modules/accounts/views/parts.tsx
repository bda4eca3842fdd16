/** Pieces the account pages share. */
import type { Lang } from '../../../domain/localized.js';
import { pick } from '../../../domain/localized.js';
import { REGIONS } from '../../../domain/people.js';
import { t } from '../../../web/i18n.js';
import { CheckboxGroup, InputField, SelectField, type FieldErrors } from '../../../web/ui/index.js';
import type { StakeholderGroup } from '../accounts.queries.js';
import { CHECKBOX_VALUE, type ProfileValues } from '../people.forms.js';

/** A form's one button. The kit's FormActions adds "cancel", and these forms have nowhere to go back to. */
export function SubmitActions(props: { label: string; tone?: 'danger' }) {
  return (
    <div class="form-actions">
      <button type="submit" class={props.tone === 'danger' ? 'button button-danger' : 'button'}>
        {props.label}
      </button>
    </div>
  );
}

/** The profile's fields, on the sign-up form and on "My account". */
export function ProfileFields(props: { lang: Lang; values: ProfileValues; errors: FieldErrors; groups: readonly StakeholderGroup[] }) {
  const { lang, values } = props;
  const field = { errors: props.errors, lang };
  const optional = (label: string) => t(lang, 'accounts.profile.optional', { label });
  return (
    <>
      <InputField
        name="displayName"
        label={t(lang, 'accounts.profile.displayName')}
        help={t(lang, 'accounts.profile.displayNameHelp')}
        value={values.displayName}
        {...field}
        required
        autocomplete="name"
      />
      <InputField
        name="organisation"
        label={optional(t(lang, 'accounts.profile.organisation'))}
        value={values.organisation}
        {...field}
        autocomplete="organization"
      />
      <SelectField
        name="stakeholderGroup"
        label={t(lang, 'accounts.profile.stakeholderGroup')}
        value={values.stakeholderGroup}
        options={props.groups.map((g) => ({ value: g.code, label: pick(g.name, lang) }))}
        includeEmpty
        {...field}
        required
      />
      <SelectField
        name="region"
        label={optional(t(lang, 'accounts.profile.region'))}
        value={values.region}
        options={REGIONS.map((region) => ({ value: region, label: t(lang, `people.region.${region}`) }))}
        includeEmpty
        {...field}
      />
      <CheckboxGroup
        name="profilePublic"
        label={t(lang, 'accounts.profile.public')}
        values={values.profilePublic ? [CHECKBOX_VALUE] : []}
        options={[{ value: CHECKBOX_VALUE, label: t(lang, 'accounts.profile.publicOption') }]}
        {...field}
      />
    </>
  );
}
