/** Input and output shapes of the forum's roster, rules and calls for nominations: one schema serves API, forms and OpenAPI. */
import { z } from '@hono/zod-openapi';
import { clearable, isoDate, localizedInput, localizedOutput, recordId, recordMeta, text, versionField, wholeNumber, withVersion } from '../../web/schemas.js';
import { CALL_METHODS, FILLED_BY, NOMINATION_STATUSES, SEAT_ROLES, SECTORS, TIE_RULES } from './roster.model.js';

const id = recordId();
const email = text(320)
  .trim()
  .regex(/^[^@\s]+@[^@\s]+$/, { message: 'error.email' })
  .openapi({ format: 'email' });

// ------------------------------------------------------------------ seats

export const seatInput = z.object({
  sector: z.enum(SECTORS, { message: 'roster.error.sector' }),
  role: z.enum(SEAT_ROLES, { message: 'roster.error.role' }),
  startsOn: isoDate,
  endsOn: clearable(isoDate).optional().openapi({ description: 'The last day of the term; none for a seat held by office until replaced.' }),
  userId: clearable(id).optional().openapi({ description: 'The account holding the seat, if the holder has one: it is granted the forum role for the term.' }),
  holderEmail: clearable(email)
    .optional()
    .openapi({ description: 'Instead of userId: the holder’s account by its e-mail address (the secretariat’s form). Never shown back.' }),
  holderName: localizedInput(300).optional().openapi({ description: 'The holder’s name or office, for holders without an account (officials).' }),
  agencyId: clearable(id).optional().openapi({ description: 'Government seats: the agency (the seed’s rule: the lead agency’s deputy head holds it).' }),
  filledBy: z.enum(FILLED_BY, { message: 'roster.error.filledBy' }).optional().openapi({ description: 'appointed (the default), elected or panel-selected.' }),
  callId: clearable(id).optional().openapi({ description: 'The call for nominations that filled an elected or panel-selected seat.' }),
  replacesSeatId: clearable(id).optional().openapi({ description: 'The earlier seat this one continues (it is then listed as past, not vacant).' }),
});
export type SeatInput = z.infer<typeof seatInput>;

export const seatPatch = withVersion(seatInput);
export type SeatPatch = z.infer<typeof seatPatch>;

const personOutput = z
  .object({
    id: z.number().int(),
    displayName: z.string().nullable().openapi({ description: 'Null once the account is deleted (a former participant).' }),
    organisation: z.string().nullable().openapi({ description: 'Only when the person made their profile public.' }),
  })
  .openapi('RosterPerson');

const agencyRef = z.object({ id: z.number().int(), code: z.string(), name: localizedOutput }).openapi('RosterAgency');

export const seatOutput = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    sector: z.enum(SECTORS),
    role: z.enum(SEAT_ROLES),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    term: z.enum(['upcoming', 'current', 'ended']).openapi({ description: 'Where the term stands today (Taipei).' }),
    vacant: z.boolean().openapi({ description: 'Nobody holds it, or its term has ended and no seat took it over (出缺).' }),
    holder: personOutput.nullable(),
    holderName: localizedOutput,
    agency: agencyRef.nullable(),
    filledBy: z.enum(FILLED_BY),
    callId: z.number().int().nullable(),
    replacesSeatId: z.number().int().nullable(),
    ...recordMeta,
  })
  .openapi('ForumSeat');

// ------------------------------------------------------------------ rules

export const rulesInput = z.object({
  effectiveOn: isoDate.openapi({ description: 'The day this version took effect.' }),
  body: localizedInput(100_000).openapi({ description: 'The rules, as plain paragraphs separated by blank lines.' }),
  changeNote: localizedInput(5000).optional().openapi({ description: 'What changed from the previous version.' }),
});
export type RulesInput = z.infer<typeof rulesInput>;

export const rulesPatch = withVersion(rulesInput);
export type RulesPatch = z.infer<typeof rulesPatch>;

export const rulesOutput = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    number: z.number().int().openapi({ description: 'The version’s number: 1, 2, …; the highest is in force.' }),
    effectiveOn: z.string(),
    publishedAt: z.string().openapi({ format: 'date-time' }),
    body: localizedOutput,
    changeNote: localizedOutput,
    current: z.boolean(),
    ...recordMeta,
  })
  .openapi('ForumRules');

// ------------------------------------------------------------------ calls for nominations

export const callInput = z.object({
  title: localizedInput(300),
  seats: wholeNumber(
    z
      .number({ message: 'roster.error.seats' })
      .int({ message: 'roster.error.seats' })
      .min(1, { message: 'roster.error.seats' })
      .max(50, { message: 'roster.error.seats' }),
  ),
  eligibility: localizedInput(5000).openapi({ description: 'Who may be nominated, in the call’s words.' }),
  nominationsOpenOn: isoDate,
  nominationsCloseOn: isoDate,
  termStartsOn: isoDate.openapi({ description: 'The term of the seats the call fills.' }),
  termEndsOn: isoDate,
  method: z.enum(CALL_METHODS, { message: 'roster.error.method' }),
  votingOpensOn: clearable(isoDate).optional().openapi({ description: 'Elections: the first day of voting (after nominations close).' }),
  votingClosesOn: clearable(isoDate).optional(),
  tieRule: clearable(z.enum(TIE_RULES, { message: 'roster.error.tieRule' }))
    .optional()
    .openapi({ description: 'Elections: lot (drawn in public by the secretariat) or older-registration (the earlier account).' }),
  panel: localizedInput(5000).optional().openapi({ description: 'Panel selection: the panel’s members, named.' }),
});
export type CallInput = z.infer<typeof callInput>;

export const callPatch = withVersion(callInput);
export type CallPatch = z.infer<typeof callPatch>;

export const nominationInput = z.object({
  self: z
    .union([z.boolean(), z.literal('on').transform(() => true)])
    .optional()
    .openapi({ description: 'Nominate yourself (then leave nomineeEmail out).' }),
  nomineeEmail: clearable(email).optional().openapi({
    description:
      'Nominate someone else by their account’s e-mail address. The answer is the same whether or not the address belongs to an account: the nominee finds the nomination under their nominations, and it is public once accepted.',
  }),
  statement: localizedInput(5000).openapi({ description: 'Why this person should sit on the forum.' }),
});
export type NominationInput = z.infer<typeof nominationInput>;

export const versionOnly = z.object({ version: versionField });
export type VersionOnly = z.infer<typeof versionOnly>;

export const moderationInput = z.object({
  version: versionField,
  hidden: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
  reason: localizedInput(2000).optional().openapi({ description: 'Why the statement is hidden: shown in its place (required to hide).' }),
});
export type ModerationInput = z.infer<typeof moderationInput>;

export const ballotInput = z.object({
  nominationIds: z.array(id).max(50).openapi({ description: 'The nominees marked: at least one, at most the call’s number of seats, each once.' }),
});
export type BallotInput = z.infer<typeof ballotInput>;

export const resultInput = z.object({
  version: versionField,
  drawn: z
    .array(id)
    .max(50)
    .optional()
    .openapi({ description: 'Elections decided by lot: the nominations the public draw chose among those tied for the last seats.' }),
  drawRecord: localizedInput(5000)
    .optional()
    .openapi({ description: 'Elections decided by lot: when, where and by whom the lot was drawn, and the witnesses.' }),
  choices: z
    .array(z.object({ nominationId: id, reason: localizedInput(5000) }))
    .max(50)
    .optional()
    .openapi({ description: 'Panel selection: the nominations the panel chose, each with its published reason.' }),
  note: localizedInput(5000).optional(),
});
export type ResultInput = z.infer<typeof resultInput>;

export const nominationOutput = z
  .object({
    id: z.number().int(),
    callId: z.number().int(),
    nominee: personOutput,
    selfNominated: z.boolean(),
    statement: localizedOutput.nullable().openapi({ description: 'Null when a moderator hid it; hiddenReason says why.' }),
    hiddenReason: localizedOutput.nullable(),
    status: z.enum(NOMINATION_STATUSES),
    votes: z.number().int().nullable().openapi({ description: 'Published with the result (elections).' }),
    selected: z.boolean().openapi({ description: 'Took a seat (published with the result).' }),
    selectionReason: localizedOutput.nullable().openapi({ description: 'Panel selection: the panel’s published reason.' }),
    version: z.number().int(),
    isDemo: z.boolean(),
  })
  .openapi('Nomination');

export const callOutput = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    title: localizedOutput,
    seats: z.number().int(),
    eligibility: localizedOutput,
    nominationsOpenOn: z.string(),
    nominationsCloseOn: z.string(),
    termStartsOn: z.string(),
    termEndsOn: z.string(),
    method: z.enum(CALL_METHODS),
    votingOpensOn: z.string().nullable(),
    votingClosesOn: z.string().nullable(),
    tieRule: z.enum(TIE_RULES).nullable(),
    panel: localizedOutput,
    phase: z.enum(['upcoming', 'nominating', 'awaiting-vote', 'voting', 'counting', 'selecting', 'published']),
    nominations: z.array(nominationOutput).openapi({ description: 'Accepted nominations only.' }),
    result: z
      .object({
        publishedAt: z.string().openapi({ format: 'date-time' }),
        ballotsCast: z.number().int().nullable(),
        eligibleVoters: z.number().int().nullable(),
        turnout: z.number().nullable().openapi({ description: 'Ballots cast as a share (0–1) of those eligible when voting closed.' }),
        tieBreak: z.object({ rule: z.enum(TIE_RULES), tied: z.array(z.number().int()), chosen: z.array(z.number().int()), record: localizedOutput }).nullable(),
        note: localizedOutput.nullable(),
        seatIds: z.array(z.number().int()),
      })
      .nullable()
      .openapi({ description: 'Null until the secretariat publishes the result; the counts are in the nominations.' }),
    ...recordMeta,
  })
  .openapi('NominationCall');

export const nominationReceipt = z
  .object({
    message: z.string().openapi({ description: 'The same for any address, so the answer never tells whether it belongs to an account.' }),
    nomination: nominationOutput.nullable().openapi({ description: 'Your own nomination, when you nominated yourself.' }),
  })
  .openapi('NominationReceipt');

export const ballotReceipt = z.object({ message: z.string() }).openapi('BallotReceipt');
