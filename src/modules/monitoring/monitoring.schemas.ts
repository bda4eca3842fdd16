/** Input and output shapes for cycles, progress reports and transfers: one schema serves API, forms and OpenAPI. */
import { z } from '@hono/zod-openapi';
import { DEFAULT_CYCLE_OPTIONS, MILESTONE_PROGRESS_STATUSES, REPORT_STATES, REPORT_TIMINGS } from '../../domain/monitoring.js';
import {
  clearable,
  currencyCode,
  isoDate,
  localizedInput,
  localizedOutput,
  moneyAmount,
  recordId,
  recordMeta,
  text,
  versionField,
  webUrl,
  wholeNumber,
} from '../../web/schemas.js';

const count = clearable(
  wholeNumber(
    z.number({ message: 'error.count' }).int({ message: 'error.count' }).min(0, { message: 'error.count' }).max(1_000_000, { message: 'error.count' }),
  ),
)
  .optional()
  .openapi({ description: 'A head count; null or empty when unknown' });

export const cycleGenerateInput = z.object({
  intervalMonths: wholeNumber(
    z.number({ message: 'error.interval' }).int({ message: 'error.interval' }).min(1, { message: 'error.interval' }).max(12, { message: 'error.interval' }),
  ).default(DEFAULT_CYCLE_OPTIONS.intervalMonths),
  dueAfterDays: wholeNumber(
    z.number({ message: 'error.days' }).int({ message: 'error.days' }).min(0, { message: 'error.days' }).max(120, { message: 'error.days' }),
  ).default(DEFAULT_CYCLE_OPTIONS.dueAfterDays),
  reviewAfterDays: wholeNumber(
    z.number({ message: 'error.days' }).int({ message: 'error.days' }).min(0, { message: 'error.days' }).max(180, { message: 'error.days' }),
  ).default(DEFAULT_CYCLE_OPTIONS.reviewAfterDays),
});
export type CycleGenerateInput = z.infer<typeof cycleGenerateInput>;

export const cycleInput = z.object({
  startsOn: isoDate,
  endsOn: isoDate,
  reportDue: isoDate,
  reviewOn: clearable(isoDate).optional(),
});
export type CycleInput = z.infer<typeof cycleInput>;

export const milestoneProgressInput = z.object({
  milestoneId: recordId(),
  status: z.enum(MILESTONE_PROGRESS_STATUSES, { message: 'error.choice' }),
  percent: wholeNumber(
    z.number({ message: 'error.percent' }).int({ message: 'error.percent' }).min(0, { message: 'error.percent' }).max(100, { message: 'error.percent' }),
  ),
  reason: localizedInput(4000).optional().openapi({ description: 'Required when delayed or withdrawn' }),
});

const reportFields = {
  achievements: localizedInput().optional().openapi({ description: 'What was achieved in the period (具體績效)' }),
  participation: localizedInput().optional().openapi({ description: 'How civil society took part in this period: who and how' }),
  civilSocietyParticipants: count,
  governmentParticipants: count,
  problems: localizedInput().optional(),
  nextSteps: localizedInput().optional(),
  budgetSpent: clearable(moneyAmount).optional(),
  budgetCurrency: clearable(currencyCode).optional(),
  budgetNote: localizedInput().optional(),
  milestones: z.array(milestoneProgressInput).max(100).optional(),
};

export const reportCreateInput = z.object({ cycleId: recordId('error.required'), ...reportFields });
export type ReportCreateInput = z.infer<typeof reportCreateInput>;

export const reportUpdateInput = z.object({ ...reportFields, version: versionField });
export type ReportUpdateInput = z.infer<typeof reportUpdateInput>;

export const versionOnly = z.object({ version: versionField });

export const evidenceLinkInput = z.object({
  title: text().trim().min(1, { message: 'error.required' }).max(300),
  url: webUrl(),
});

export const contributionInput = z.object({ body: localizedInput(10_000) });

export const transferInput = z.object({
  toAgencyId: recordId('error.required'),
  effectiveOn: isoDate,
  note: localizedInput(2000).optional(),
});
export type TransferInput = z.infer<typeof transferInput>;

// ---- outputs ----

export const cycleOutput = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    number: z.number().int(),
    startsOn: z.string(),
    endsOn: z.string(),
    reportDue: z.string(),
    reviewOn: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('ReviewCycle');

export const evidenceOutput = z
  .object({
    id: z.number().int(),
    title: z.string(),
    url: z.string().openapi({ description: 'The link, or where to download the uploaded file' }),
    fileName: z.string().nullable(),
    mediaType: z.string().nullable(),
    byteSize: z.number().int().nullable(),
    sha256: z.string().nullable(),
  })
  .openapi('Evidence');

export const reportOutput = z
  .object({
    id: z.number().int(),
    commitmentId: z.number().int(),
    commitmentNumber: z.string(),
    cycleId: z.number().int(),
    cycleNumber: z.number().int(),
    revision: z.number().int(),
    agencyId: z.number().int(),
    state: z.enum(REPORT_STATES),
    timing: z.enum(REPORT_TIMINGS),
    percent: z.number().nullable().openapi({ description: 'Commitment progress from this report’s milestones' }),
    achievements: localizedOutput,
    participation: localizedOutput,
    civilSocietyParticipants: z.number().int().nullable(),
    governmentParticipants: z.number().int().nullable(),
    problems: localizedOutput,
    nextSteps: localizedOutput,
    budgetSpent: z.string().nullable(),
    budgetCurrency: z.string().nullable(),
    budgetNote: localizedOutput,
    milestones: z.array(
      z.object({ milestoneId: z.number().int(), status: z.enum(MILESTONE_PROGRESS_STATUSES), percent: z.number().int(), reason: localizedOutput }),
    ),
    evidence: z.array(evidenceOutput),
    contributions: z.array(z.object({ agencyId: z.number().int(), body: localizedOutput, authorName: z.string(), createdAt: z.string() })),
    authorName: z.string(),
    submittedAt: z.string().nullable(),
    submittedByName: z.string().nullable(),
    ...recordMeta,
  })
  .openapi('ProgressReport');

/** Progress rolled up over a group of commitments: their average percent, and how many have each health. */
const rollUp = { percent: z.number().nullable(), health: z.record(z.string(), z.number().int()) };

export const progressOutput = z
  .object({
    plan: z.object({ id: z.number().int(), ...rollUp }),
    areas: z.array(z.object({ id: z.number().int(), title: localizedOutput, ...rollUp })),
    agencies: z.array(z.object({ id: z.number().int(), code: z.string(), name: localizedOutput, ...rollUp })),
    commitments: z.array(
      z.object({
        id: z.number().int(),
        number: z.string(),
        title: localizedOutput,
        areaId: z.number().int(),
        leadAgencyId: z.number().int(),
        percent: z.number().nullable(),
        health: z.string(),
        latestCycle: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('PlanProgress');

export const boardOutput = z
  .object({
    cycle: cycleOutput,
    counts: z.record(z.string(), z.number().int()),
    rows: z.array(
      z.object({
        commitmentId: z.number().int(),
        number: z.string(),
        title: localizedOutput,
        agencyId: z.number().int(),
        agencyCode: z.string(),
        timing: z.enum(REPORT_TIMINGS),
        submittedAt: z.string().nullable(),
        reportId: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('SecretariatBoard');
