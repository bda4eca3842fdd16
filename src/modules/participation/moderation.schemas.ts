/** Input and output shapes of moderation: one schema serves the API, the HTML forms and the OpenAPI document. */
import { z } from '@hono/zod-openapi';
import { REPORT_REASONS } from '../../domain/participation.js';
import { recordId, text, versionField, wholeNumber } from '../../web/schemas.js';
import { MAX_APPEAL, MAX_HIDDEN_REASON, MAX_REPORT_NOTE, MAX_SUSPENSION_DAYS, MAX_SUSPENSION_REASON } from './moderation.limits.js';
import { MODERATION_ACTS } from './moderation.queries.js';

/** Text that must say something: blank (spaces only) counts as missing. */
const required = (max: number) => text(max).trim().min(1, { message: 'error.required' });

export const reportInput = z
  .object({
    reason: z.enum(REPORT_REASONS, { message: 'participation.moderation.error.reportReason' }).openapi({ description: 'Why it should be looked at.' }),
    note: text(MAX_REPORT_NOTE).trim().optional().openapi({ description: 'Anything the moderators should know (optional).' }),
  })
  .strict();
export type ReportInput = z.infer<typeof reportInput>;

export const hideInput = z
  .object({
    reason: required(MAX_HIDDEN_REASON).openapi({ description: 'The public reason, shown in the input’s place with the date.' }),
    version: versionField,
  })
  .strict();
export type HideInput = z.infer<typeof hideInput>;

export const restoreInput = z
  .object({
    reason: text(MAX_HIDDEN_REASON).trim().optional().openapi({ description: 'Why, for the moderation log (optional).' }),
    version: versionField,
  })
  .strict();
export type RestoreInput = z.infer<typeof restoreInput>;

export const dismissInput = z
  .object({ reason: text(MAX_HIDDEN_REASON).trim().optional().openapi({ description: 'Why, for the moderation log (optional).' }) })
  .strict();
export type DismissInput = z.infer<typeof dismissInput>;

export const appealInput = z
  .object({ appeal: required(MAX_APPEAL).openapi({ description: 'Why the input should be restored; an author may appeal once.' }) })
  .strict();
export type AppealInput = z.infer<typeof appealInput>;

export const APPEAL_DECISIONS = ['upheld', 'reinstated'] as const;
export const appealDecisionInput = z
  .object({
    decision: z.enum(APPEAL_DECISIONS, { message: 'participation.moderation.error.decision' }).openapi({
      description: '`upheld`: the input stays hidden; `reinstated`: it is restored.',
    }),
    reason: text(MAX_HIDDEN_REASON).trim().optional().openapi({ description: 'Told to the author with the decision (optional).' }),
    version: versionField,
  })
  .strict();
export type AppealDecisionInput = z.infer<typeof appealDecisionInput>;

export const suspensionInput = z
  .object({
    days: wholeNumber(
      z
        .number({ message: 'participation.moderation.error.days' })
        .int({ message: 'participation.moderation.error.days' })
        .min(1, { message: 'participation.moderation.error.days' })
        .max(MAX_SUSPENSION_DAYS, { message: 'participation.moderation.error.days' }),
    ).openapi({ type: 'integer', minimum: 1, maximum: MAX_SUSPENSION_DAYS, description: 'How many days, from now.' }),
    reason: required(MAX_SUSPENSION_REASON).openapi({ description: 'Why (the moderators’ log; the person is told it).' }),
  })
  .strict();
export type SuspensionInput = z.infer<typeof suspensionInput>;

/** The moderation page's suspension form: the account's number too. */
export const suspensionFormInput = suspensionInput.extend({ userId: recordId('participation.moderation.error.userId') }).strict();

export const logQuery = z.object({
  page: wholeNumber(z.number().int().min(1).max(100_000))
    .optional()
    .openapi({ param: { name: 'page', in: 'query' }, type: 'integer', example: 1 }),
});

// ---- outputs ----

export const reportOutput = z
  .object({ id: z.number().int(), inputId: z.number().int(), reason: z.enum(REPORT_REASONS), note: z.string(), createdAt: z.string() })
  .openapi('InputReport');

export const moderationStateOutput = z
  .object({
    id: z.number().int(),
    state: z.string(),
    hiddenAt: z.string().nullable(),
    hiddenReason: z.string(),
    appealedAt: z.string().nullable(),
    appealDecision: z.enum(APPEAL_DECISIONS).nullable(),
    version: z.number().int(),
    url: z.string(),
  })
  .openapi('InputModeration');

export const reportedInputOutput = z
  .object({
    input: z.object({
      id: z.number().int(),
      planId: z.number().int(),
      state: z.string(),
      body: z.string().openapi({ description: 'The words, shown to moderators even when hidden.' }),
      title: z.string(),
      version: z.number().int(),
      url: z.string(),
    }),
    reports: z.array(z.object({ id: z.number().int(), reason: z.enum(REPORT_REASONS), note: z.string(), createdAt: z.string() })),
  })
  .openapi('ReportedInput');

export const logEntryOutput = z
  .object({
    id: z.number().int(),
    at: z.string(),
    moderator: z.object({ id: z.number().int().nullable(), name: z.string().openapi({ description: '"" for a former participant.' }) }),
    act: z.enum(MODERATION_ACTS),
    inputId: z.number().int().nullable(),
    userId: z.number().int().nullable(),
    reason: z.string(),
  })
  .openapi('ModerationLogEntry');

export const logPageOutput = z.object({ items: z.array(logEntryOutput), total: z.number().int(), page: z.number().int(), pages: z.number().int() });

export const suspensionOutput = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    startsAt: z.string(),
    endsAt: z.string(),
    reason: z.string(),
    liftedAt: z.string().nullable(),
  })
  .openapi('Suspension');
