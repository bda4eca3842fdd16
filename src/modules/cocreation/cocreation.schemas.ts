/** Input and output shapes of co-creation: one schema serves the API, the forms and OpenAPI. */
import { z } from '@hono/zod-openapi';
import { CHECK_STATUSES, PHASE_KINDS, REASONS, REQUIREMENTS } from '../../domain/cocreation.js';
import { REGIONS } from '../../domain/people.js';
import { isoDate, localizedInput, localizedOutput, recordMeta, withVersion } from '../../web/schemas.js';

export const phaseInput = z.object({
  kind: z.enum(PHASE_KINDS, { message: 'cocreation.error.phaseKind' }),
  startsOn: isoDate,
  endsOn: isoDate,
  publishedOn: isoDate.optional().openapi({
    description:
      'The day the timeline entry was made public (here or elsewhere); today when left out. Later than two weeks before startsOn is allowed and counts as late; after today is refused.',
  }),
  description: localizedInput(5000).optional(),
});
export type PhaseInput = z.infer<typeof phaseInput>;

export const phasePatch = withVersion(phaseInput);
export type PhasePatch = z.infer<typeof phasePatch>;

// ---- output shapes (for the OpenAPI document; presenters build these) ----

export const phaseOutput = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    kind: z.enum(PHASE_KINDS),
    startsOn: z.string(),
    endsOn: z.string(),
    publishedOn: z.string(),
    noticeDays: z.number().int().openapi({ description: 'Days from publication to the first day (negative: published after it began).' }),
    publishedInAdvance: z.boolean().openapi({ description: 'Published at least 14 days before the phase began.' }),
    description: localizedOutput,
    ...recordMeta,
  })
  .openapi('CoCreationPhase');

const tally = {
  meetings: z.number().int().openapi({ description: 'Meetings (場次)' }),
  participations: z.number().int().openapi({ description: 'Participations (人次)' }),
};

const figures = {
  total: z.object(tally),
  byGroup: z.array(z.object({ code: z.string(), ...tally })).openapi({ description: 'By stakeholder group code, in the configured order.' }),
  notBrokenDown: z.object(tally).openapi({ description: 'Meetings whose attendance was not broken down by stakeholder group.' }),
  byRegion: z.array(z.object({ region: z.enum(REGIONS).nullable(), ...tally })).openapi({ description: 'By region; null: not recorded.' }),
  byKind: z.array(z.object({ kind: z.string(), ...tally })),
};

export const recordOutput = z
  .object({
    ...figures,
    phases: z.array(z.object({ phaseId: z.number().int(), ...figures })).openapi({ description: 'Meetings held within each phase’s dates.' }),
    outsidePhases: z.object(tally),
    workingGroups: z.array(
      z.object({
        id: z.number().int(),
        slug: z.string(),
        name: localizedOutput,
        kind: z.enum(['commitment', 'thematic']),
        commitmentIds: z.array(z.number().int()),
        memberCount: z.number().int(),
        open: z.boolean(),
        ...tally,
      }),
    ),
  })
  .openapi('CoCreationRecord');

export const findingOutput = z
  .object({
    requirement: z.enum(REQUIREMENTS),
    status: z.enum(CHECK_STATUSES),
    reason: z.enum(REASONS),
    summary: z.string().openapi({ description: 'The finding in words, in the language asked for.' }),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    evidence: z.array(
      z.object({
        kind: z.enum(['meeting', 'phase', 'rules', 'working-groups']),
        id: z.number().int().nullable(),
        date: z.string().nullable(),
        count: z.number().int().nullable(),
        url: z.string(),
      }),
    ),
  })
  .openapi('MinimumRequirementFinding');

export const coCreationOutput = z
  .object({
    planId: z.number().int(),
    asOf: z.string().openapi({ description: 'Today in Taipei: "not yet" findings depend on it.' }),
    phases: z.array(phaseOutput),
    record: recordOutput,
    checklist: z.array(findingOutput),
    url: z.string(),
  })
  .openapi('CoCreation');
