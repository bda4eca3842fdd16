/** Input shapes for plans, areas, commitments, milestones and agencies: one schema serves API, forms and OpenAPI. */
import { z } from '@hono/zod-openapi';
import {
  clearable,
  currencyCode,
  emptyToNull,
  errorOutput,
  isoDate,
  linkInput,
  linkOutput,
  localizedInput,
  localizedOutput,
  moneyAmount,
  pageOf,
  recordId,
  recordMeta,
  text,
  versionField,
  wholeNumber,
  withVersion,
} from '../../web/schemas.js';
import { COMMITMENT_NUMBER_PATTERN, COMMITMENT_STATUSES, MEMBER_KINDS, OGP_ID_PATTERN, OGP_VALUES, ORIGINS, PLAN_STATUSES } from '../../domain/plan.js';

// The shared building blocks live in web/schemas.ts; re-exported for the modules that import them from here.
export { errorOutput, isoDate, linkInput, localizedInput, localizedOutput, pageOf, versionField, withVersion };

const id = recordId();

export const planInput = z.object({
  slug: text()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'error.slug' })
    .max(80),
  memberId: id,
  title: localizedInput(300),
  periodStart: isoDate,
  periodEnd: isoDate,
  status: z.enum(PLAN_STATUSES).optional(),
  introduction: localizedInput().optional(),
  effortsToDate: localizedInput().optional(),
  developmentProcess: localizedInput().optional(),
  commitmentsIntro: localizedInput().optional(),
});
export type PlanInput = z.infer<typeof planInput>;

export const areaInput = z.object({
  position: wholeNumber(z.number().int().min(0).max(999)),
  title: localizedInput(300),
  description: localizedInput().optional(),
});
export type AreaInput = z.infer<typeof areaInput>;

export const contactInput = z
  .object({
    name: text().trim().max(200),
    title: text().trim().max(200),
    email: z.union([z.literal(''), text().trim().email()]),
    phone: text().trim().max(50),
  })
  .partial();

export const commitmentInput = z.object({
  areaId: id,
  number: text().trim().regex(COMMITMENT_NUMBER_PATTERN, { message: 'error.commitmentNumber' }),
  ogpId: z
    .union([emptyToNull, text().trim().regex(OGP_ID_PATTERN, { message: 'error.ogpId' })])
    .nullable()
    .optional(),
  title: localizedInput(300),
  startDate: isoDate,
  endDate: isoDate,
  leadAgencyId: id,
  coAgencyIds: z.array(id).max(50).optional(),
  contact: contactInput.optional(),
  otherActors: localizedInput().optional(),
  problem: localizedInput().optional(),
  objective: localizedInput().optional(),
  briefDescription: localizedInput(1000).optional(),
  description: localizedInput().optional(),
  contribution: localizedInput().optional(),
  ogpValues: z.array(z.enum(OGP_VALUES)).max(OGP_VALUES.length).optional(),
  sdgTargets: z
    .array(
      text()
        .trim()
        .regex(/^\d{1,2}\.[0-9a-z]{1,2}$/, { message: 'error.sdgTarget' }),
    )
    .max(30)
    .optional(),
  budgetAmount: z.union([emptyToNull, moneyAmount]).nullable().optional(),
  budgetCurrency: z.union([emptyToNull, currencyCode]).nullable().optional(),
  budgetNote: localizedInput().optional(),
  links: z.array(linkInput).max(50).optional(),
  origin: z.enum(ORIGINS),
  status: z.enum(COMMITMENT_STATUSES).optional(),
});
export type CommitmentInput = z.infer<typeof commitmentInput>;

export const milestoneInput = z.object({
  position: wholeNumber(z.number().int().min(0).max(999)).optional(),
  deliverable: localizedInput(2000),
  indicator: localizedInput(2000).optional(),
  target: localizedInput(2000).optional(),
  startDate: isoDate,
  endDate: isoDate,
  weight: clearable(
    wholeNumber(
      z.number({ message: 'error.weight' }).int({ message: 'error.weight' }).min(1, { message: 'error.weight' }).max(1000, { message: 'error.weight' }),
    ),
  )
    .optional()
    .openapi({ description: 'Relative weight in the commitment’s progress (1–1000); null or empty for equal weights' }),
});
export type MilestoneInput = z.infer<typeof milestoneInput>;

/**
 * What an edit of an adopted commitment or milestone may add (ADR 0031): the reason that makes a change of its
 * substance a proposed amendment (answered 202), or the secretariat's mark of an editorial correction (the reason is
 * then its note). English text and translation status apply without either.
 */
export const changeRequestFields = {
  reason: text(2000)
    .trim()
    .optional()
    .openapi({ description: 'Why the adopted text should change: required when the edit changes its substance (it becomes a proposed amendment)' }),
  editorial: z
    .boolean({ message: 'error.invalid' })
    .optional()
    .openapi({ description: 'Secretariat only: a correction of a typing error, applied at once and labelled editorial' }),
};

/** A commitment's and a milestone's edit, with what change control reads. */
export const commitmentPatch = withVersion(commitmentInput).extend(changeRequestFields);
export type CommitmentPatch = z.infer<typeof commitmentPatch>;
export const milestonePatch = withVersion(milestoneInput).extend(changeRequestFields);
export type MilestonePatch = z.infer<typeof milestonePatch>;

/** What an edit held back for the forum's decision answers (202): the proposed amendment. */
export const proposedChangeOutput = z
  .object({
    proposed: z.object({ id: z.number().int(), status: z.string(), url: z.string() }),
  })
  .openapi('ProposedChange');

export const agencyInput = z.object({
  code: text()
    .trim()
    .regex(/^[A-Z][A-Z0-9-]{1,19}$/, { message: 'error.agencyCode' }),
  name: localizedInput(300),
  successorId: id.nullable().optional(),
});
export type AgencyInput = z.infer<typeof agencyInput>;

// ---- output shapes (for the OpenAPI document; presenters build these) ----

export const agencyOutput = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: localizedOutput,
    successorId: z.number().int().nullable(),
    version: z.number().int(),
    url: z.string(),
  })
  .openapi('Agency');

export const memberOutput = z.object({ id: z.number().int(), code: z.string(), kind: z.enum(MEMBER_KINDS), name: localizedOutput }).openapi('Member');

export const planOutput = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    member: memberOutput.nullable(),
    title: localizedOutput,
    periodStart: z.string(),
    periodEnd: z.string(),
    status: z.enum(PLAN_STATUSES),
    introduction: localizedOutput,
    effortsToDate: localizedOutput,
    developmentProcess: localizedOutput,
    commitmentsIntro: localizedOutput,
    ...recordMeta,
  })
  .openapi('ActionPlan');

export const areaOutput = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    position: z.number().int(),
    title: localizedOutput,
    description: localizedOutput,
    version: z.number().int(),
  })
  .openapi('Area');

export const milestoneOutput = z
  .object({
    id: z.number().int(),
    commitmentId: z.number().int(),
    position: z.number().int(),
    deliverable: localizedOutput,
    indicator: localizedOutput,
    target: localizedOutput,
    startDate: z.string(),
    endDate: z.string(),
    weight: z.number().int().nullable(),
    version: z.number().int(),
  })
  .openapi('Milestone');

export const commitmentOutput = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    areaId: z.number().int(),
    number: z.string(),
    ogpId: z.string().nullable(),
    title: localizedOutput,
    startDate: z.string(),
    endDate: z.string(),
    leadAgencyId: z.number().int(),
    coAgencyIds: z.array(z.number().int()),
    contact: z.object({ name: z.string(), title: z.string(), email: z.string(), phone: z.string() }),
    otherActors: localizedOutput,
    problem: localizedOutput,
    objective: localizedOutput,
    briefDescription: localizedOutput,
    description: localizedOutput,
    contribution: localizedOutput,
    ogpValues: z.array(z.enum(OGP_VALUES)),
    sdgTargets: z.array(z.string()),
    budgetAmount: z.string().nullable(),
    budgetCurrency: z.string().nullable(),
    budgetNote: localizedOutput,
    links: z.array(linkOutput),
    origin: z.enum(ORIGINS),
    status: z.enum(COMMITMENT_STATUSES),
    ...recordMeta,
  })
  .openapi('Commitment');

export const historyOutput = z
  .object({
    id: z.number().int(),
    entityType: z.string(),
    entityId: z.number().int(),
    action: z.enum(['create', 'update', 'delete', 'submit', 'revise', 'transfer', 'decide']),
    actorName: z.string(),
    at: z.string(),
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .openapi('HistoryEntry');
