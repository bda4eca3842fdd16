/** Input and output shapes for consultations, inputs and responses: one schema serves API, forms and OpenAPI. */
import { z } from '@hono/zod-openapi';
import {
  AUDIENCES,
  CONSULTATION_TARGETS,
  INPUT_SOURCES,
  INPUT_STATES,
  INPUT_TARGETS,
  MAX_BODY_LENGTH,
  MAX_PROPOSAL_PART_LENGTH,
  MAX_TITLE_LENGTH,
  PLAN_SECTIONS,
  RESPONSE_STATES,
} from '../../domain/participation.js';
import { cursorQueryFields } from '../../web/cursor.js';
import { clearable, INT4_MAX, localizedInput, localizedOutput, recordId, text, versionField } from '../../web/schemas.js';

const id = recordId();

/** An instant: ISO 8601 with a time (a date alone is midnight in Taipei, as the office counts days). */
export const instant = text()
  .trim()
  .max(40)
  .refine((value) => parseInstant(value) !== null, { message: 'participation.error.dateTime' })
  .transform((value) => parseInstant(value)!)
  .openapi({ type: 'string', format: 'date-time', example: '2020-08-10T09:00:00+08:00' });

export function parseInstant(value: string): Date | null {
  const trimmed = value.trim();
  // A form's datetime-local (no zone) and a bare date are Taipei's local time.
  const withZone = /^\d{4}-\d{2}-\d{2}$/.test(trimmed)
    ? `${trimmed}T00:00:00+08:00`
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(trimmed)
      ? `${trimmed}+08:00`
      : trimmed;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(withZone)) return null;
  const at = new Date(withZone);
  return Number.isNaN(at.getTime()) ? null : at;
}

// ---- consultations ----

export const consultationInput = z
  .object({
    targetType: z.enum(CONSULTATION_TARGETS, { message: 'participation.error.target' }),
    targetId: id.openapi({ description: 'The plan’s id for `plan` and `section`; else the area’s, commitment’s or milestone’s.' }),
    section: clearable(z.enum(PLAN_SECTIONS, { message: 'participation.error.section' })).optional(),
    title: localizedInput(300),
    question: localizedInput(5000),
    audience: z.enum(AUDIENCES, { message: 'participation.error.audience' }).openapi({
      description: '`public`: anyone signed in; `internal`: the round of agencies and forum members before sections are merged.',
    }),
    opensAt: instant,
    closesAt: instant,
    phaseId: clearable(id).optional().openapi({ description: 'Its place in the plan’s co-creation timeline.' }),
  })
  .strict();
export type ConsultationInput = z.infer<typeof consultationInput>;

export const consultationPatch = consultationInput.partial().extend({ version: versionField });
export type ConsultationPatch = z.infer<typeof consultationPatch>;

// ---- inputs ----

/** A honeypot: a field people never see (hidden by the stylesheet, labelled "leave empty"); a bot fills it in. */
export const honeypot = text(200).optional().openapi({ description: 'Leave empty.' });

const proposalParts = z
  .object({
    title: text(MAX_TITLE_LENGTH).trim(),
    problem: text(MAX_PROPOSAL_PART_LENGTH).trim(),
    suggestedAction: text(MAX_PROPOSAL_PART_LENGTH).trim(),
    proposedAgencyId: clearable(id).optional(),
  })
  .strict();

export const postInput = z
  .object({
    kind: z.enum(['comment', 'proposal'], { message: 'participation.error.kind' }).default('comment'),
    targetType: z.enum(INPUT_TARGETS, { message: 'participation.error.target' }).openapi({
      description: 'What it is about. A proposal is about the plan (`plan`, with the plan’s id).',
    }),
    targetId: id,
    section: clearable(z.enum(PLAN_SECTIONS, { message: 'participation.error.section' })).optional(),
    consultationId: clearable(id).optional().openapi({ description: 'The consultation it answers, if any (its window and audience then apply).' }),
    body: text(MAX_BODY_LENGTH).trim().min(1).openapi({ description: 'Plain text with a small Markdown subset (emphasis, lists, quotes, links).' }),
    lang: z.enum(['zh', 'en']).optional().openapi({ description: 'The language it is written in (the page’s, unless said).' }),
    proposal: proposalParts.optional().openapi({ description: 'Required for a proposal of a new commitment.' }),
    website: honeypot,
  })
  .strict();
export type PostInput = z.infer<typeof postInput>;

export const replyInput = z
  .object({
    body: text(MAX_BODY_LENGTH).trim().min(1),
    lang: z.enum(['zh', 'en']).optional(),
    website: honeypot,
  })
  .strict();
export type ReplyInput = z.infer<typeof replyInput>;

export const editInput = z
  .object({
    body: text(MAX_BODY_LENGTH).trim().min(1),
    proposal: proposalParts.optional(),
    version: versionField,
  })
  .strict();
export type EditInput = z.infer<typeof editInput>;

export const withdrawInput = z.object({ version: versionField }).strict();
export type WithdrawInput = z.infer<typeof withdrawInput>;

export const respondInput = z
  .object({
    state: z.enum(RESPONSE_STATES, { message: 'participation.error.responseState' }),
    reason: localizedInput(5000).optional().openapi({ description: 'Required for partly adopted, not adopted and referred.' }),
    referredTo: text(300).trim().optional().openapi({ description: 'To whom (a body, a channel): required for referred.' }),
    changeHistoryId: clearable(id).optional().openapi({
      description: 'The change the input caused: a history entry of the commitment or one of its milestones.',
    }),
    version: versionField,
  })
  .strict();
export type RespondInput = z.infer<typeof respondInput>;

export const inputListQuery = z.object({
  target: text(40)
    .regex(/^[a-z]+(-[a-z]+)?:\d{1,9}$/, { message: 'participation.error.target' })
    .optional(),
  commitment: recordId().optional(),
  consultation: recordId().optional(),
  kind: z.enum(['comment', 'proposal']).optional(),
  response: z.enum(RESPONSE_STATES).optional(),
  page: recordId().optional(),
  ...cursorQueryFields(50),
});

/** An inputs cursor's key (web/cursor.ts): the last row's time to the microsecond (UTC) and id. */
export const inputCursorKey = z.tuple([
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/)
    .refine((at) => Number.isFinite(Date.parse(`${at}Z`))),
  z.number().int().min(1).max(INT4_MAX),
]);

// ---- outputs ----

export const consultationOutput = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    targetType: z.enum(CONSULTATION_TARGETS),
    targetId: z.number().int(),
    section: z.string().nullable(),
    title: localizedOutput,
    question: localizedOutput,
    audience: z.enum(AUDIENCES),
    opensAt: z.string(),
    closesAt: z.string(),
    window: z.enum(['scheduled', 'open', 'closed']),
    phaseId: z.number().int().nullable(),
    isDemo: z.boolean(),
    version: z.number().int(),
    url: z.string(),
  })
  .openapi('Consultation');

const personOutput = z.object({ id: z.number().int().nullable(), displayName: z.string().nullable() });

export const responseOutput = z
  .object({
    state: z.enum(RESPONSE_STATES),
    reason: localizedOutput,
    referredTo: z.string(),
    changeHistoryId: z.number().int().nullable(),
    respondedBy: z.string().nullable().openapi({ description: 'The name of who answered (an office or a person).' }),
    respondedAt: z.string().nullable(),
  })
  .openapi('InputResponse');

export const inputOutput = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    kind: z.enum(['comment', 'proposal', 'reply']),
    targetType: z.enum(INPUT_TARGETS),
    targetId: z.number().int(),
    commitmentId: z.number().int().nullable(),
    consultationId: z.number().int().nullable(),
    parentId: z.number().int().nullable(),
    state: z.enum(INPUT_STATES),
    author: personOutput.nullable().openapi({ description: 'The account that wrote it; null for an import (see authorName).' }),
    authorName: z.string(),
    source: z.enum(INPUT_SOURCES),
    sourceUrl: z.string().nullable(),
    lang: z.enum(['zh', 'en']),
    body: z.string().nullable().openapi({ description: 'Null where a tombstone stands (hidden or withdrawn).' }),
    proposal: z.object({ title: z.string(), problem: z.string(), suggestedAction: z.string(), proposedAgencyId: z.number().int().nullable() }).nullable(),
    hidden: z.object({ at: z.string(), reason: z.string() }).nullable(),
    withdrawnAt: z.string().nullable(),
    agencyId: z.number().int().nullable().openapi({ description: 'The agency that owes the answer; null: the secretariat.' }),
    response: responseOutput,
    submittedAt: z.string(),
    editedAt: z.string().nullable(),
    isDemo: z.boolean(),
    version: z.number().int(),
    url: z.string(),
  })
  .openapi('Input');
