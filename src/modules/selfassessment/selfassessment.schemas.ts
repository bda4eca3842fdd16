/** Input and output of the government's self-assessment. */
import { z } from '@hono/zod-openapi';
import { COMMITMENT_STATUSES } from '../../domain/plan.js';
import { MAX_COMMENT_DAYS, REVIEW_STATES } from '../../domain/review.js';
import { localizedInput, localizedOutput, versionField, wholeNumber } from '../../web/schemas.js';

const commentDays = wholeNumber(
  z.number().int().min(1, { message: 'selfAssessment.error.commentDays' }).max(MAX_COMMENT_DAYS, { message: 'selfAssessment.error.commentDays' }),
).openapi({ type: 'integer', description: `Days the draft takes comments once its period opens (1 to ${MAX_COMMENT_DAYS}; default 14).` });

export const selfAssessmentInput = z
  .object({
    year: wholeNumber(z.number().int().min(2000, { message: 'selfAssessment.error.year' }).max(2100, { message: 'selfAssessment.error.year' })).openapi({
      type: 'integer',
      example: 2023,
      description: 'The year assessed: one self-assessment a plan and year.',
    }),
    title: localizedInput(300),
    summary: localizedInput(20_000).optional(),
    commentDays: commentDays.optional(),
  })
  .openapi('SelfAssessmentInput');
export type SelfAssessmentInput = z.infer<typeof selfAssessmentInput>;

export const selfAssessmentPatch = z
  .object({ title: localizedInput(300).optional(), summary: localizedInput(20_000).optional(), commentDays: commentDays.optional() })
  .extend({ version: versionField })
  .openapi('SelfAssessmentPatch');
export type SelfAssessmentPatch = z.infer<typeof selfAssessmentPatch>;

export const entryPatch = z
  .object({
    status: z.enum(COMMITMENT_STATUSES, { message: 'selfAssessment.error.status' }).optional(),
    narrative: localizedInput(20_000).optional(),
  })
  .extend({ version: versionField })
  .openapi('SelfAssessmentEntryPatch');
export type EntryPatch = z.infer<typeof entryPatch>;

export const versionOnly = z.object({ version: versionField }).openapi('SelfAssessmentVersion');

export const entryOutput = z
  .object({
    id: z.number().int(),
    commitmentId: z.number().int(),
    position: z.number().int(),
    status: z.enum(COMMITMENT_STATUSES),
    narrative: localizedOutput,
    version: z.number().int(),
  })
  .openapi('SelfAssessmentEntry');

export const selfAssessmentOutput = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    year: z.number().int(),
    state: z.enum(REVIEW_STATES),
    title: localizedOutput,
    summary: localizedOutput,
    commentDays: z.number().int(),
    commentOpensAt: z.string().nullable(),
    commentClosesAt: z.string().nullable(),
    commentsOpen: z.boolean(),
    publishedAt: z.string().nullable(),
    entries: z.array(entryOutput),
    url: z.string(),
    version: z.number().int(),
  })
  .openapi('SelfAssessment');
