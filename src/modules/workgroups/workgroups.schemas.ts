/** Input and output shapes for working groups, memberships and the survey: one schema serves API, forms and OpenAPI. */
import { z } from '@hono/zod-openapi';
import { clearable, localizedInput, localizedOutput, recordId, recordMeta, text, withVersion } from '../../web/schemas.js';
import { SURVEY_ANSWERS, WORKING_GROUP_KINDS } from './workgroups.model.js';

const id = recordId();

/** Slugs that name pages under a plan's working groups, never a group. */
export const RESERVED_SLUGS = ['new', 'history'] as const;

export const workingGroupSlug = text()
  .trim()
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'error.slug' })
  .refine((slug) => !(RESERVED_SLUGS as readonly string[]).includes(slug), { message: 'workgroups.error.slugReserved' })
  .openapi({ description: 'The last part of the group’s address: lower-case letters, digits and hyphens.', example: 'commitment-1-4' });

const chairInput = z
  .object({
    name: localizedInput(200).optional().openapi({ description: 'The holder, or the office (the lead agency’s deputy head).' }),
    agencyId: clearable(id).optional(),
    userId: clearable(id).optional().openapi({ description: 'Their account, if they have one: it may then edit the group’s purpose, rules and open flag.' }),
  })
  .strict();

const coChairInput = z
  .object({
    name: localizedInput(200).optional().openapi({ description: 'The civil-society co-chair’s name, when they have no account here.' }),
    userId: clearable(id).optional(),
  })
  .strict();

export const workingGroupInput = z
  .object({
    slug: workingGroupSlug,
    kind: z.enum(WORKING_GROUP_KINDS, { message: 'workgroups.error.kind' }),
    name: localizedInput(300),
    purpose: localizedInput(5000).optional(),
    rules: localizedInput(20_000).optional().openapi({ description: 'The operating rules (工作分組的運作規範); earlier texts stay in the history.' }),
    commitmentIds: z.array(id).max(50).openapi({ description: 'One commitment for a commitment’s group; two or more for a thematic one.' }),
    chair: chairInput.optional(),
    coChair: coChairInput.optional(),
    open: z.boolean().optional(),
    closedReason: localizedInput(2000).optional().openapi({ description: 'Published with the closing; required to close.' }),
  })
  .strict();
export type WorkingGroupInput = z.infer<typeof workingGroupInput>;

export const workingGroupPatch = withVersion(workingGroupInput);
export type WorkingGroupPatch = z.infer<typeof workingGroupPatch>;

export const joinInput = z.object({ listed: z.boolean().optional().openapi({ description: 'List me on the public roster (off unless asked).' }) }).strict();
export type JoinInput = z.infer<typeof joinInput>;

export const listingInput = z.object({ listed: z.boolean() }).strict();
export type ListingInput = z.infer<typeof listingInput>;

export const moderationInput = z.object({ hidden: z.boolean().openapi({ description: 'true takes the public listing down; false puts it back.' }) }).strict();
export type ModerationInput = z.infer<typeof moderationInput>;

export const surveyInput = z
  .object({
    answers: z
      .array(z.object({ workingGroupId: id, answer: z.enum(SURVEY_ANSWERS, { message: 'workgroups.error.surveyAnswer' }) }).strict())
      .max(500)
      .openapi({ description: 'One answer per group; a group left out has no answer.' }),
  })
  .strict();
export type SurveyInput = z.infer<typeof surveyInput>;

export const enrolInput = z
  .object({ workingGroupIds: z.array(id).max(500).optional().openapi({ description: 'Only these groups; all of the plan’s when left out.' }) })
  .strict();
export type EnrolInput = z.infer<typeof enrolInput>;

// ---- output shapes ----

const personOutput = z
  .object({
    id: z.number().int(),
    displayName: z.string().nullable().openapi({ description: 'Null once the account is deleted (a former participant).' }),
    organisation: z.string().nullable().openapi({ description: 'Only when their profile is public.' }),
    stakeholderGroup: z.string().nullable().openapi({ description: 'Only when their profile is public.' }),
  })
  .openapi('WorkingGroupPerson');

export const workingGroupOutput = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    slug: z.string(),
    kind: z.enum(WORKING_GROUP_KINDS),
    name: localizedOutput,
    purpose: localizedOutput,
    rules: localizedOutput,
    commitmentIds: z.array(z.number().int()),
    chair: z.object({ name: localizedOutput, agencyId: z.number().int().nullable(), person: personOutput.nullable() }),
    coChair: z.object({ name: localizedOutput, person: personOutput.nullable() }),
    open: z.boolean(),
    closedReason: localizedOutput,
    memberCount: z.number().int(),
    ...recordMeta,
  })
  .openapi('WorkingGroup');

export const workingGroupDetailOutput = workingGroupOutput
  .extend({
    roster: z
      .array(personOutput)
      .openapi({ description: 'Members who consented to be listed (never an e-mail); the others are counted in `unlistedCount` only.' }),
    unlistedCount: z.number().int(),
  })
  .openapi('WorkingGroupDetail');

export const membershipOutput = z
  .object({
    workingGroupId: z.number().int(),
    member: z.boolean(),
    listed: z.boolean().openapi({ description: 'You consented to the public roster.' }),
    listingHidden: z.boolean().openapi({ description: 'A moderator took your listing down.' }),
    joinedAt: z.string().nullable(),
  })
  .openapi('WorkingGroupMembership');

export const surveyAnswerOutput = z
  .object({ workingGroupId: z.number().int(), answer: z.enum(SURVEY_ANSWERS), answeredAt: z.string() })
  .openapi('WorkingGroupSurveyAnswer');

export const surveyResponseOutput = surveyAnswerOutput
  .extend({ person: personOutput, member: z.boolean().openapi({ description: 'Already a member of the group.' }) })
  .openapi('WorkingGroupSurveyResponse');

export const enrolOutput = z
  .object({ added: z.number().int().openapi({ description: 'Memberships added (unlisted until each consents).' }) })
  .openapi('WorkingGroupEnrolment');
