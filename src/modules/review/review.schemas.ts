/** Input and output of independent review: engagements, reviewers, reports, units, recommendations, interviews. */
import { z } from '@hono/zod-openapi';
import { OGP_VALUES } from '../../domain/plan.js';
import {
  FUNDING_SECTORS,
  MAX_COMMENT_DAYS,
  MINIMUM_REQUIREMENTS,
  RATING_DIMENSIONS,
  RECOMMENDATION_STATES,
  REQUIREMENT_STATUSES,
  REVIEW_KINDS,
  REVIEW_STATES,
  REVIEWER_ROLES,
  SCALE_SETS,
  type RatingDimension,
} from '../../domain/review.js';
import { clearable, isoDate, localizedInput, localizedOutput, recordId, text, versionField, wholeNumber } from '../../web/schemas.js';

const fundingInput = z.object({
  source: localizedInput(300),
  sector: z.enum(FUNDING_SECTORS, { message: 'review.error.sector' }),
  // A JSON number (it may have decimals), or digits as a form sends them: the house rule for numbers (web/schemas.ts).
  sharePercent: wholeNumber(
    z.number({ message: 'review.error.share' }).positive({ message: 'review.error.share' }).max(100, { message: 'review.error.share' }),
  ),
});

const engagementFields = {
  title: localizedInput(300),
  termsOfReference: localizedInput(20_000).optional(),
  periodStart: isoDate,
  periodEnd: isoDate,
  planIds: z.array(recordId('review.error.unknownPlan')).min(1, { message: 'review.error.noPlan' }).max(10),
  funding: z.array(fundingInput).max(20).optional(),
};

export const engagementInput = z.object(engagementFields).openapi('ReviewEngagementInput');
export type EngagementInput = z.infer<typeof engagementInput>;

export const engagementPatch = z
  .object({
    ...engagementFields,
    title: engagementFields.title.optional(),
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
    planIds: engagementFields.planIds.optional(),
  })
  .extend({ version: versionField })
  .openapi('ReviewEngagementPatch');
export type EngagementPatch = z.infer<typeof engagementPatch>;

export const reviewerInput = z
  .object({
    userId: recordId('review.error.unknownUser'),
    role: z.enum(REVIEWER_ROLES, { message: 'review.error.reviewerRole' }),
    affiliations: localizedInput(2000).optional(),
    interests: localizedInput(2000).optional(),
  })
  .openapi('ReviewerInput');
export type ReviewerInput = z.infer<typeof reviewerInput>;

/** The reviewer form names the account by its e-mail (the page has no list of accounts to choose from). */
export const reviewerForm = reviewerInput.omit({ userId: true }).extend({ email: text(320).trim().min(1, { message: 'error.required' }) });

/** A reviewer's own public declaration: what they change of it themselves (their role stays the secretariat's). */
export const declarationInput = reviewerInput.pick({ affiliations: true, interests: true }).openapi('ReviewerDeclarationInput');
export type DeclarationInput = z.infer<typeof declarationInput>;

export const reportInput = z
  .object({
    planId: recordId('review.error.unknownPlan'),
    kind: z.enum(REVIEW_KINDS, { message: 'review.error.kind' }),
    commitmentId: recordId('review.error.unknownCommitment')
      .optional()
      .openapi({ description: 'The commitment an end-of-commitment assessment (OGP Local) is of; only for that kind.' }),
    scaleSet: z.enum(SCALE_SETS, { message: 'review.error.scaleSet' }).optional(),
    title: localizedInput(300),
    overview: localizedInput(50_000).optional(),
    commentDays: wholeNumber(
      z
        .number({ message: 'review.error.commentDays' })
        .int({ message: 'review.error.commentDays' })
        .min(1, { message: 'review.error.commentDays' })
        .max(MAX_COMMENT_DAYS, { message: 'review.error.commentDays' }),
    ).optional(),
  })
  .openapi('ReviewReportInput');
export type ReportInput = z.infer<typeof reportInput>;

export const reportPatch = z
  .object({
    title: localizedInput(300).optional(),
    overview: localizedInput(50_000).optional(),
    changeNote: localizedInput(5000).optional(),
    commentDays: reportInput.shape.commentDays,
  })
  .extend({ version: versionField })
  .openapi('ReviewReportPatch');
export type ReportPatch = z.infer<typeof reportPatch>;

export const versionOnly = z.object({ version: versionField }).openapi('ReviewStep');

export const correctionInput = z.object({ changeNote: localizedInput(5000) }).openapi('ReviewCorrectionInput');
export type CorrectionInput = z.infer<typeof correctionInput>;

const ratingsShape = Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, clearable(text(40)).optional()])) as Record<
  RatingDimension,
  z.ZodOptional<ReturnType<typeof clearable<ReturnType<typeof text>>>>
>;

export const unitPatch = z
  .object({
    title: localizedInput(500).optional(),
    ratings: z
      .object(ratingsShape)
      .openapi({ description: 'Ratings by dimension, each a value of its scale (GET /review-scales); null or "" clears one.' })
      .optional(),
    ogValues: z
      .array(z.enum(OGP_VALUES, { message: 'review.error.notOnScale' }))
      .max(OGP_VALUES.length)
      .optional(),
    rationale: localizedInput(20_000).optional(),
    evidence: localizedInput(20_000).optional(),
  })
  .extend({ version: versionField })
  .openapi('ReviewUnitPatch');
export type UnitPatch = z.infer<typeof unitPatch>;

export const requirementPatch = z
  .object({
    // "" (a form's empty choice) and null clear it; anything else must be a status, and the refusal names them.
    status: z
      .preprocess((v) => (v === '' ? null : v), z.enum(REQUIREMENT_STATUSES, { message: 'review.error.requirementStatus' }).nullable())
      .optional()
      .openapi({ description: 'met, in-progress or not-met; null or "" for not assessed.' }),
    explanation: localizedInput(20_000).optional(),
  })
  .extend({ version: versionField })
  .openapi('ReviewRequirementPatch');
export type RequirementPatch = z.infer<typeof requirementPatch>;

export const clusterInput = z
  .object({
    unitIds: z.array(recordId('review.error.unknownUnit')).min(2, { message: 'review.error.clusterTwo' }).max(50),
    title: localizedInput(500).optional(),
  })
  .openapi('ReviewCluster');
export type ClusterInput = z.infer<typeof clusterInput>;

export const splitInput = z.object({ title: localizedInput(500) }).openapi('ReviewSplit');
export type SplitInput = z.infer<typeof splitInput>;

export const recommendationInput = z
  .object({
    body: localizedInput(10_000),
    unitId: clearable(recordId('review.error.unknownUnit'))
      .optional()
      .openapi({ type: ['integer', 'null'] }),
  })
  .openapi('RecommendationInput');
export type RecommendationInput = z.infer<typeof recommendationInput>;

export const recommendationPatch = recommendationInput.partial().extend({ version: versionField }).openapi('RecommendationPatch');
export type RecommendationPatch = z.infer<typeof recommendationPatch>;

export const recommendationResponse = z
  .object({
    state: z.enum(RECOMMENDATION_STATES, { message: 'review.error.recommendationState' }).optional(),
    governmentResponse: localizedInput(10_000).optional(),
    landedCommitmentId: clearable(recordId('review.error.unknownCommitment'))
      .optional()
      .openapi({ type: ['integer', 'null'] }),
  })
  .extend({ version: versionField })
  .openapi('RecommendationResponse');
export type RecommendationResponse = z.infer<typeof recommendationResponse>;

export const interviewInput = z
  .object({
    heldOn: isoDate,
    stakeholderGroup: text(200).min(1, { message: 'error.required' }),
    consentToBeNamed: z.boolean(),
    interviewee: text(200).optional(),
    notes: text(20_000),
  })
  .openapi('ReviewInterviewInput');
export type InterviewInput = z.infer<typeof interviewInput>;

// Outputs

export const reviewerOutput = z.object({
  userId: z.number().int(),
  name: z.string(),
  role: z.enum(REVIEWER_ROLES),
  affiliations: localizedOutput,
  interests: localizedOutput,
});

export const readinessOutput = z.object({
  planId: z.number().int(),
  total: z.number().int(),
  reviewed: z.number().int(),
  share: z.number(),
  complete: z.boolean(),
});

export const reportSummaryOutput = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  kind: z.enum(REVIEW_KINDS),
  commitmentId: z.number().int().nullable().openapi({ description: 'The commitment an end-of-commitment assessment is of; null for the other kinds.' }),
  scaleSet: z.enum(SCALE_SETS),
  state: z.enum(REVIEW_STATES),
  edition: z.number().int(),
  title: localizedOutput,
  commentOpensAt: z.string().nullable(),
  commentClosesAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string(),
});

export const engagementOutput = z
  .object({
    id: z.number().int(),
    title: localizedOutput,
    termsOfReference: localizedOutput,
    periodStart: z.string().openapi({ format: 'date' }),
    periodEnd: z.string().openapi({ format: 'date' }),
    planIds: z.array(z.number().int()),
    reviewers: z.array(reviewerOutput),
    funding: z.array(z.object({ source: localizedOutput, sector: z.enum(FUNDING_SECTORS), sharePercent: z.number() })),
    governmentSharePercent: z.number(),
    readiness: z.array(readinessOutput).openapi({ description: 'Whether each plan’s English edition is complete (the readiness gate).' }),
    reports: z.array(reportSummaryOutput).openapi({ description: 'The reports the viewer may see.' }),
    isDemo: z.boolean(),
    version: z.number().int(),
    url: z.string(),
  })
  .openapi('ReviewEngagement');

export const unitOutput = z.object({
  id: z.number().int(),
  position: z.number().int(),
  title: localizedOutput,
  commitmentIds: z.array(z.number().int()),
  ratings: z.record(z.string(), z.string()),
  ogValues: z.array(z.enum(OGP_VALUES)),
  rationale: localizedOutput,
  evidence: localizedOutput,
  starred: z
    .boolean()
    .nullable()
    .openapi({ description: 'Legacy results reports: the starred rule over this unit’s design and results (null while unrated).' }),
  version: z.number().int(),
});

export const recommendationOutput = z
  .object({
    id: z.number().int(),
    reportId: z.number().int(),
    unitId: z.number().int().nullable(),
    number: z.number().int(),
    body: localizedOutput,
    state: z.enum(RECOMMENDATION_STATES),
    governmentResponse: localizedOutput,
    landedCommitmentId: z.number().int().nullable(),
    version: z.number().int(),
  })
  .openapi('Recommendation');

export const requirementOutput = z
  .object({
    id: z.number().int(),
    requirement: z.enum(MINIMUM_REQUIREMENTS),
    found: z
      .object({ status: z.enum(REQUIREMENT_STATUSES), key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
      .nullable()
      .openapi({ description: 'What the platform’s records said when the report was started (a message key and its params); null where they say nothing.' }),
    status: z.enum(REQUIREMENT_STATUSES).nullable().openapi({ description: 'The reviewers’ assessment; null while not assessed.' }),
    explanation: localizedOutput,
    version: z.number().int(),
  })
  .openapi('ReviewRequirement');

export const reportOutput = z
  .object({
    ...reportSummaryOutput.shape,
    engagementId: z.number().int(),
    previousId: z.number().int().nullable(),
    changeNote: localizedOutput,
    overview: localizedOutput,
    commentDays: z.number().int(),
    commentsOpen: z.boolean(),
    units: z.array(unitOutput),
    recommendations: z.array(recommendationOutput),
    requirements: z.array(requirementOutput).openapi({ description: 'An action plan review’s assessment of the co-creation minimum requirements.' }),
    figures: z.object({
      units: z.number().int(),
      rated: z.number().int(),
      verifiable: z.number().int(),
      ogLens: z.number().int(),
      substantialPotential: z.number().int(),
      promising: z.number().int(),
      distributions: z.array(z.object({ dimension: z.string(), counts: z.array(z.object({ value: z.string(), count: z.number().int() })) })),
    }),
    version: z.number().int(),
  })
  .openapi('ReviewReport');

export const interviewOutput = z
  .object({
    id: z.number().int(),
    heldOn: z.string(),
    stakeholderGroup: z.string(),
    consentToBeNamed: z.boolean(),
    interviewee: z.string(),
    notes: z.string(),
  })
  .openapi('ReviewInterview');
