/** Input and output shapes for forum meetings and resolutions: one schema serves API, forms and OpenAPI. */
import { z } from '@hono/zod-openapi';
import { ATTENDANCE_MAX, MEETING_DOCUMENT_KINDS, MEETING_KINDS, MEETING_MODES, RESOLUTION_NUMBER_PATTERN, RESOLUTION_STATUSES } from '../../domain/forum.js';
import { REGIONS } from '../../domain/people.js';
import {
  clearable,
  isoDate,
  linkInput,
  linkOutput,
  localizedInput,
  localizedOutput,
  recordId,
  recordMeta,
  text,
  versionField,
  webUrl,
  wholeNumber,
  withVersion,
} from '../../web/schemas.js';

const id = recordId();

const headCount = wholeNumber(
  z
    .number({ message: 'error.attendance' })
    .int({ message: 'error.attendance' })
    .min(0, { message: 'error.attendance' })
    .max(ATTENDANCE_MAX, { message: 'error.attendance' }),
);

export const attendanceInput = z
  .object({ government: headCount, civilSociety: headCount, other: headCount })
  .partial()
  .openapi({ description: 'Head count by sector: government, civil society, others.' });

/** A stakeholder group's code as migration 0009 allows it; whether the group exists is the service's check. */
const groupCode = text(40).regex(/^[a-z][a-z0-9-]{0,39}$/, { message: 'error.meetingStakeholderGroup' });

export const attendanceByGroupInput = z.record(groupCode, headCount).openapi({
  description:
    'Head count by stakeholder group code (government, civil-society, private-sector, academia, indigenous, new-immigrants, youth, other, as configured). Optional; when any group is counted, the groups add up to the sector total. Replaces the whole breakdown; {} clears it.',
});

export const meetingDocumentInput = z.object({
  kind: z.enum(MEETING_DOCUMENT_KINDS, { message: 'error.meetingDocumentKind' }),
  title: localizedInput(300).optional(),
  url: webUrl(),
});

export const meetingInput = z.object({
  heldOn: isoDate,
  kind: z.enum(MEETING_KINDS, { message: 'error.meetingKind' }),
  title: localizedInput(300),
  cycleId: clearable(id).optional().openapi({ description: 'The review cycle whose reports the meeting reviews, if any.' }),
  attendance: attendanceInput.optional(),
  attendanceByGroup: attendanceByGroupInput.optional(),
  place: localizedInput(300).optional(),
  mode: z.enum(MEETING_MODES, { message: 'error.meetingMode' }).optional(),
  // Empty (from a form) or null: none. Not a union, so an unknown region is named as such, not as "invalid input".
  region: z
    .preprocess((value) => (value === '' ? null : value), z.enum(REGIONS, { message: 'error.meetingRegion' }).nullable())
    .optional()
    .openapi({ description: 'north, central, south, east, offshore or online; empty or null for none.' }),
  openToPublic: z.boolean({ message: 'error.invalid' }).optional().openapi({ description: 'Anyone could attend or register to.' }),
  workingGroupId: clearable(id).optional().openapi({ description: 'The working group of the plan that met, if any.' }),
  commitmentId: clearable(id).optional().openapi({ description: 'The commitment of the plan the meeting worked on, if any.' }),
  agenda: localizedInput().optional(),
  minutes: localizedInput(100_000).optional(),
  documents: z
    .array(meetingDocumentInput)
    .max(50)
    .optional()
    .openapi({ description: 'Agenda, slides, minutes and other documents, each a link to where it is published; replaces the whole list.' }),
  links: z.array(linkInput).max(50).optional(),
});
export type MeetingInput = z.infer<typeof meetingInput>;

export const meetingPatch = withVersion(meetingInput);
export type MeetingPatch = z.infer<typeof meetingPatch>;

export const meetingReportsInput = z.object({
  version: versionField,
  reports: z
    .array(
      z.object({
        reportId: id,
        showcased: z.boolean().optional().openapi({ description: 'Presented at the meeting as a case of collaboration.' }),
        story: localizedInput(5000).optional().openapi({ description: 'How government and civil society worked together (required when showcased).' }),
      }),
    )
    .max(200),
});
export type MeetingReportsInput = z.infer<typeof meetingReportsInput>;

export const resolutionInput = z.object({
  number: z
    .union([z.literal('').transform(() => undefined), text().trim().regex(RESOLUTION_NUMBER_PATTERN, { message: 'error.resolutionNumber' })])
    .optional()
    .openapi({ description: 'Leave out (or empty) for the next number at the meeting (YYYYMMDD-n); on an edit, to keep the number.' }),
  body: localizedInput(5000),
  ownerAgencyId: clearable(id).optional(),
  dueOn: clearable(isoDate).optional(),
});
export type ResolutionInput = z.infer<typeof resolutionInput>;

export const resolutionPatch = withVersion(resolutionInput);
export type ResolutionPatch = z.infer<typeof resolutionPatch>;

export const decisionInput = z.object({
  meetingId: id,
  status: z.enum(RESOLUTION_STATUSES, { message: 'error.resolutionStatus' }),
  note: localizedInput(5000).optional(),
  version: versionField,
});
export type DecisionInput = z.infer<typeof decisionInput>;

// ---- output shapes (for the OpenAPI document; presenters build these) ----

const agencyRef = z.object({ id: z.number().int(), code: z.string(), name: localizedOutput }).openapi('AgencyRef');

export const meetingOutput = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    cycleId: z.number().int().nullable(),
    heldOn: z.string(),
    kind: z.enum(MEETING_KINDS),
    title: localizedOutput,
    attendance: z.object({ government: z.number().int(), civilSociety: z.number().int(), other: z.number().int(), total: z.number().int() }),
    attendanceByGroup: z
      .record(z.string(), z.number().int())
      .openapi({ description: 'Head count by stakeholder group code; empty when attendance was not broken down by group.' }),
    civilSocietyShare: z.number().nullable().openapi({ description: 'Civil society as a share of all attending, 0–1.' }),
    place: localizedOutput,
    mode: z.enum(MEETING_MODES),
    region: z.enum(REGIONS).nullable(),
    openToPublic: z.boolean(),
    workingGroupId: z.number().int().nullable(),
    commitmentId: z.number().int().nullable(),
    agenda: localizedOutput,
    minutes: localizedOutput,
    documents: z.array(z.object({ kind: z.enum(MEETING_DOCUMENT_KINDS), title: localizedOutput, url: z.string() })),
    links: z.array(linkOutput),
    resolutionCount: z.number().int(),
    ...recordMeta,
  })
  .openapi('ForumMeeting');

export const resolutionOutput = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    meetingId: z.number().int(),
    number: z.string(),
    body: localizedOutput,
    ownerAgencyId: z.number().int().nullable(),
    ownerAgency: agencyRef.nullable(),
    dueOn: z.string().nullable(),
    status: z.enum(RESOLUTION_STATUSES),
    overdue: z.boolean().openapi({ description: 'Open and past its due date (today in Taipei, or the meeting date when carried over).' }),
    ...recordMeta,
  })
  .openapi('Resolution');

export const decisionOutput = z
  .object({ id: z.number().int(), resolutionId: z.number().int(), meetingId: z.number().int(), status: z.enum(RESOLUTION_STATUSES), note: localizedOutput })
  .openapi('ResolutionDecision');

export const reviewedReportOutput = z
  .object({
    reportId: z.number().int(),
    commitmentId: z.number().int(),
    commitmentNumber: z.string(),
    commitmentTitle: localizedOutput,
    agency: agencyRef.omit({ code: true }),
    cycleId: z.number().int(),
    cycleNumber: z.number().int(),
    revision: z.number().int(),
    state: z.enum(['submitted', 'superseded']),
    showcased: z.boolean(),
    story: localizedOutput,
  })
  .openapi('ReviewedReport');

export const meetingDetailOutput = meetingOutput
  .extend({
    carriedOver: z.array(resolutionOutput.extend({ madeAt: z.object({ id: z.number().int(), heldOn: z.string(), title: localizedOutput }) })).openapi({
      description:
        'Open resolutions from earlier meetings, on a plenary’s agenda automatically (持續列管事項); empty for other kinds of meeting. Overdue is relative to the meeting date.',
    }),
    resolutions: z.array(resolutionOutput).openapi({ description: 'Resolutions made at this meeting.' }),
    decisions: z.array(decisionOutput.extend({ resolutionNumber: z.string() })).openapi({ description: 'Decisions taken at this meeting.' }),
    reports: z.array(reviewedReportOutput).openapi({ description: 'Progress reports reviewed; showcased first.' }),
    transcripts: z
      .array(z.object({ slug: z.string(), title: z.string(), url: z.string() }))
      .openapi({ description: 'The published verbatim transcripts of this meeting.' }),
  })
  .openapi('ForumMeetingDetail');

export const decisionResultOutput = z.object({ resolution: resolutionOutput, decision: decisionOutput }).openapi('DecisionResult');
