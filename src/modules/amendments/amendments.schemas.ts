/** Input and output shapes of adoption and change control: one schema serves the API, the forms and OpenAPI. */
import { z } from '@hono/zod-openapi';
import { isoDate, localizedInput, localizedOutput, recordId, text, versionField, webUrl, wholeNumber } from '../../web/schemas.js';
import { AMENDMENT_STATUSES } from './amendments.model.js';

export const adoptionInput = z.object({
  authority: localizedInput(300).openapi({ description: 'Who approved the plan, e.g. 行政院 / the Executive Yuan (the Premier)' }),
  adoptedOn: isoDate.openapi({ description: 'The day of approval' }),
  documentUrl: webUrl().optional().openapi({ description: 'Where the approval document is published' }),
  documentReference: text(300).trim().optional().openapi({ description: 'The approval document’s reference (文號)' }),
});
export type AdoptionInput = z.infer<typeof adoptionInput>;

export const scheduleInput = z.object({
  meetingId: recordId('amendments.error.meeting').openapi({ description: 'The forum meeting whose agenda takes the amendment' }),
  version: versionField,
});
export type ScheduleInput = z.infer<typeof scheduleInput>;

export const decisionInput = z.object({
  resolutionId: recordId('amendments.error.resolution').openapi({ description: 'The resolution of that meeting that decided it' }),
  outcome: z.enum(['applied', 'rejected'], { message: 'error.invalid' }),
  version: versionField,
});
export type DecisionInput = z.infer<typeof decisionInput>;

/** Version numbers as the query string sends them: digits only (web/schemas.ts's wholeNumber), never coerced. */
const versionNumber = () =>
  wholeNumber(
    z.number({ message: 'error.invalid' }).int({ message: 'error.invalid' }).min(1, { message: 'error.invalid' }).max(10_000, { message: 'error.invalid' }),
  );

export const compareQuery = z.object({ from: versionNumber(), to: versionNumber() });

// ---- outputs (presenters build these) ----

const fieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }).openapi('FieldChange');

export const adoptionOutput = z
  .object({
    planId: z.number().int(),
    authority: localizedOutput,
    adoptedOn: z.string(),
    documentUrl: z.string().nullable(),
    documentReference: z.string(),
    isDemo: z.boolean(),
  })
  .openapi('Adoption');

export const planAdoptionOutput = z.object({ adoption: adoptionOutput.nullable() }).openapi('PlanAdoption');

export const amendmentOutput = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    commitmentId: z.number().int(),
    commitmentNumber: z.string(),
    milestoneId: z.number().int().nullable(),
    status: z.enum(AMENDMENT_STATUSES),
    reason: z.string(),
    proposedBy: z.string(),
    proposedAt: z.string(),
    changes: z.array(fieldChange),
    meeting: z.object({ id: z.number().int(), heldOn: z.string(), title: localizedOutput, url: z.string() }).nullable(),
    resolution: z.object({ id: z.number().int(), number: z.string(), url: z.string() }).nullable(),
    planVersion: z.number().int().nullable(),
    decidedAt: z.string().nullable(),
    version: z.number().int(),
    url: z.string(),
  })
  .openapi('Amendment');

export const correctionOutput = z
  .object({
    id: z.number().int(),
    commitmentId: z.number().int(),
    commitmentNumber: z.string(),
    milestoneId: z.number().int().nullable(),
    note: z.string(),
    correctedBy: z.string(),
    at: z.string(),
    changes: z.array(fieldChange),
  })
  .openapi('EditorialCorrection');

export const changesOutput = z
  .object({
    adoption: adoptionOutput.nullable(),
    amendments: z.array(amendmentOutput),
    editorialCorrections: z.array(correctionOutput),
    url: z.string(),
  })
  .openapi('ChangesSinceAdoption');

export const versionOutput = z
  .object({ number: z.number().int(), madeOn: z.string(), resolutionId: z.number().int().nullable(), amendmentIds: z.array(z.number().int()), url: z.string() })
  .openapi('PlanVersion');

export const versionChangeOutput = z
  .object({
    entity: z.enum(['plan', 'area', 'commitment', 'milestone']),
    id: z.number().int(),
    number: z.string().nullable(),
    kind: z.enum(['changed', 'added', 'removed']),
    changes: z.array(fieldChange),
  })
  .openapi('VersionChange');

export const comparisonOutput = z
  .object({ from: z.number().int(), to: z.number().int(), changes: z.array(versionChangeOutput), url: z.string() })
  .openapi('VersionComparison');
