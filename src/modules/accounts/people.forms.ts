/**
 * The forms of sign-up, the profile, password reset, deletion and the admin's grants, each as a codec: the values a
 * form shows (strings as typed; a password is never shown again) and the posted form → what the schema parses.
 */
import { firstValue, listValue, type FormBody, type PostedForm } from '../../web/forms.js';
import type { Profile } from './people.queries.js';

/** The honeypot: a field people never see or fill in. Named like one a bot would like to fill. */
export const TRAP_FIELD = 'website';

/** Whether the hidden field came back filled: a bot's post, answered as if it were a person's, doing nothing. */
export const trapped = (body: FormBody) => (firstValue(body[TRAP_FIELD]) ?? '') !== '';

/** The value a ticked box sends (a hidden empty one goes with it, so an unticked box is sent too). */
export const CHECKBOX_VALUE = 'yes';
const checked = (value: unknown) => (listValue(value) ?? []).includes(CHECKBOX_VALUE);
const textOf = (value: unknown) => firstValue(value) ?? '';

// ------------------------------------------------------------------ the profile

export interface ProfileValues {
  displayName: string;
  organisation: string;
  stakeholderGroup: string;
  region: string;
  profilePublic: boolean;
}

export const emptyProfileValues = (): ProfileValues => ({ displayName: '', organisation: '', stakeholderGroup: '', region: '', profilePublic: false });

export const profileValues = (p: Profile): ProfileValues => ({
  displayName: p.displayName,
  organisation: p.organisation ?? '',
  stakeholderGroup: p.stakeholderGroup ?? '',
  region: p.region ?? '',
  profilePublic: p.profilePublic,
});

export const postedProfileValues = (body: PostedForm): ProfileValues => ({
  displayName: textOf(body.displayName),
  organisation: textOf(body.organisation),
  stakeholderGroup: textOf(body.stakeholderGroup),
  region: textOf(body.region),
  profilePublic: checked(body.profilePublic),
});

/** The checkbox as the boolean the schema takes; the rest as posted. */
export const profileFormInput = (body: PostedForm): PostedForm => ({ ...postedProfileValues(body) });

// ------------------------------------------------------------------ sign-up

export interface SignUpValues extends ProfileValues {
  email: string;
  consent: boolean;
}

export const emptySignUpValues = (): SignUpValues => ({ ...emptyProfileValues(), email: '', consent: false });

export const postedSignUpValues = (body: PostedForm): SignUpValues => ({
  ...postedProfileValues(body),
  email: textOf(body.email).trim(),
  consent: checked(body.consent),
});

/** What the sign-up schema parses: the values with their booleans, the password as typed, and no honeypot. */
export const signUpFormInput = (body: PostedForm): PostedForm => ({ ...postedSignUpValues(body), password: textOf(body.password) });

// ------------------------------------------------------------------ the admin's grants

export interface GrantValues {
  role: string;
  scope: string;
  scopeId: string;
}

export const emptyGrantValues = (): GrantValues => ({ role: 'moderator', scope: 'site', scopeId: '' });

export const postedGrantValues = (body: PostedForm): GrantValues => ({
  role: textOf(body.role) || 'moderator',
  scope: textOf(body.scope),
  scopeId: textOf(body.scopeId),
});

/** The role is one the admin gives (the moderator's when the form names none); a plan is named only for a plan's scope (the select may still hold one). */
export const grantFormInput = (body: PostedForm): PostedForm => {
  const values = postedGrantValues(body);
  return { role: values.role, scope: values.scope, scopeId: values.scope === 'plan' ? values.scopeId : '' };
};
