/** Input and output shapes of sign-up, profiles, account deletion and the admin's grants: one schema for the API, the forms and OpenAPI. */
import { z } from '@hono/zod-openapi';
import { REGIONS } from '../../domain/people.js';
import { clearable, emptyToNull, recordId, text } from '../../web/schemas.js';
import { PASSWORD_MIN_LENGTH } from './accounts.service.js';

/**
 * An address we may send mail to: one mailbox, nothing a mail header would read as a second recipient or a
 * display name (commas, semicolons, angle brackets, quotes), a dot in the domain.
 */
export const emailAddress = text(254)
  .trim()
  .toLowerCase()
  .regex(/^[^@\s,;:<>"'()[\]\\]+@[^@\s,;:<>"'()[\]\\]+\.[^@\s,;:<>"'()[\]\\]+$/, { message: 'error.email' })
  .openapi({ format: 'email', example: 'someone@example.org' });

/** Any password up to a bound (argon2 hashes what it is given). */
export const password = text(1024).openapi({ format: 'password' });

/** A password someone chooses: at least PASSWORD_MIN_LENGTH characters (the service checks it again, for every caller). */
export const newPassword = password.min(PASSWORD_MIN_LENGTH, { message: 'accounts.error.passwordShort' });

const displayName = text(100).trim().min(1, { message: 'error.required' }).openapi({ description: 'The name others see beside what you contribute.' });
const organisation = clearable(text(200).trim())
  .transform((value) => (value === '' ? null : value))
  .openapi({ type: ['string', 'null'], description: 'Optional; public only when profilePublic is true.' });
const stakeholderGroup = text(40)
  .trim()
  .min(1, { message: 'accounts.error.stakeholderGroup' })
  .openapi({ description: 'A code from the stakeholder groups (government, civil-society, …); public only when profilePublic is true.' });
// The union names its own message: a wrong value fails every branch, and the branches' own messages say nothing useful.
const region = z
  .union([emptyToNull, z.null(), z.enum(REGIONS)], { message: 'accounts.error.region' })
  .openapi({ type: ['string', 'null'], enum: [...REGIONS, null], description: 'Optional; public only when profilePublic is true.' });
const profilePublic = z.boolean({ message: 'accounts.error.boolean' }).openapi({ description: 'Show organisation, stakeholder group and region to everyone.' });

export const profileInput = z.object({ displayName, organisation, stakeholderGroup, region, profilePublic });
export type ProfileInput = z.infer<typeof profileInput>;

/** PATCH: any of the fields. */
export const profilePatch = profileInput.partial().openapi('ProfilePatch');
export type ProfilePatch = z.infer<typeof profilePatch>;

/** What the sign-up form posts, as the service takes it. */
export const signUpInput = profileInput.extend({
  email: emailAddress,
  password: newPassword,
  consent: z.literal(true, { message: 'accounts.error.consent' }),
});
export type SignUpInput = z.infer<typeof signUpInput>;

/**
 * The forms know the stakeholder groups (they list them), so their schemas check the choice with the other fields and
 * every problem is shown at once; the API's static schema leaves it to the service.
 */
const knownGroup = (codes: readonly string[]) => stakeholderGroup.refine((code) => codes.includes(code), { message: 'accounts.error.stakeholderGroup' });
export const profileFormSchema = (codes: readonly string[]) => profileInput.extend({ stakeholderGroup: knownGroup(codes) });
export const signUpFormSchema = (codes: readonly string[]) => signUpInput.extend({ stakeholderGroup: knownGroup(codes) });

export const passwordConfirmation = z
  .object({ password: password.min(1, { message: 'error.required' }) })
  .openapi('PasswordConfirmation', { description: 'Your password, to confirm that you mean it.' });

export const profileOutput = z
  .object({
    id: z.number().int(),
    email: z.string().openapi({ description: 'Shown to its owner only; never public.' }),
    emailConfirmed: z.boolean(),
    displayName: z.string(),
    role: z.string(),
    organisation: z.string().nullable(),
    stakeholderGroup: z.string().nullable(),
    region: z.enum(REGIONS).nullable(),
    profilePublic: z.boolean(),
  })
  .openapi('Profile');

// ------------------------------------------------------------------ scoped roles the admin gives

/** The admin gives the moderator's and the translator's roles, for the whole site or one plan; seats and working groups give the others. */
export const ADMIN_GRANTABLE_ROLES = ['moderator', 'translator'] as const;
export const ADMIN_GRANT_SCOPES = ['site', 'plan'] as const;

export const grantInput = z
  .object({
    role: z.enum(ADMIN_GRANTABLE_ROLES, { message: 'accounts.error.grantRole' }),
    scope: z.enum(ADMIN_GRANT_SCOPES, { message: 'accounts.error.grantScope' }),
    scopeId: clearable(recordId('accounts.error.unknownPlan'))
      .optional()
      .openapi({ type: ['integer', 'null'], description: 'The plan, when scope is `plan`; none for the whole site.' }),
  })
  .openapi('GrantInput');
export type GrantInput = z.infer<typeof grantInput>;

export const grantOutput = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    role: z.string(),
    scope: z.string(),
    scopeId: z.number().int().nullable(),
    source: z.string().openapi({ description: '`admin`, or the seat or working group that gave it (those are ended there, not here).' }),
    startsOn: z.string().nullable().openapi({ format: 'date' }),
    endsOn: z.string().nullable().openapi({ format: 'date' }),
    grantedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('RoleGrant');

export const grantParams = z.object({
  id: recordId().openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
  grantId: recordId().openapi({ param: { name: 'grantId', in: 'path' }, example: 1 }),
});
