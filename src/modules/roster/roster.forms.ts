/**
 * The roster's form codecs, beside its schemas: for each form the values it starts empty with, a stored record or a
 * re-shown post as the values its controls hold (text), and, where the two differ, the posted form as the schema's
 * input. Only the schema turns text into the typed input the service takes.
 */
import { emptyLocalized, type Localized } from '../../domain/localized.js';
import { idText, listValue, postedLocalized, postedRecord, postedValues, type PostedForm } from '../../web/forms.js';
import type { ForumRules, Nomination, NominationCall, Seat } from './roster.model.js';

// ------------------------------------------------------------------ seat

export interface SeatFormValues {
  sector: string;
  role: string;
  startsOn: string;
  endsOn: string;
  /** Links the seat to another account; empty keeps the link as it is. Never filled from the stored seat. */
  holderEmail: string;
  /** ['on'] to remove the link to the account. */
  unlink: string[];
  holderName: Localized;
  agencyId: string;
  filledBy: string;
  callId: string;
  replacesSeatId: string;
  version?: number;
}

export const seatForm = {
  empty: (): SeatFormValues => ({
    sector: '',
    role: 'member',
    startsOn: '',
    endsOn: '',
    holderEmail: '',
    unlink: [],
    holderName: emptyLocalized(),
    agencyId: '',
    filledBy: 'appointed',
    callId: '',
    replacesSeatId: '',
  }),
  values: (s: Seat): SeatFormValues => ({
    sector: s.sector,
    role: s.role,
    startsOn: s.startsOn,
    endsOn: s.endsOn ?? '',
    holderEmail: '',
    unlink: [],
    holderName: s.holderName,
    agencyId: idText(s.agencyId),
    filledBy: s.filledBy,
    callId: idText(s.callId),
    replacesSeatId: idText(s.replacesSeatId),
    version: s.version,
  }),
  /** The unlink box as the API's `userId: null`; an empty address says nothing about the account. */
  input: (body: PostedForm): PostedForm => {
    const { unlink, holderEmail, ...rest } = body;
    return {
      ...rest,
      ...((listValue(unlink) ?? []).includes('on') ? { userId: null } : {}),
      ...(typeof holderEmail === 'string' && holderEmail.trim() !== '' ? { holderEmail } : {}),
    };
  },
  posted: (body: PostedForm, shown: SeatFormValues): SeatFormValues => postedValues(body, shown),
};

// ------------------------------------------------------------------ rules

export interface RulesFormValues {
  effectiveOn: string;
  body: Localized;
  changeNote: Localized;
  version?: number;
}

/** The rules form posts the API's fields as they are: no input step. */
export const rulesForm = {
  empty: (): RulesFormValues => ({ effectiveOn: '', body: emptyLocalized(), changeNote: emptyLocalized() }),
  /** A new version starts from the text in force, so an amendment is an edit of it. */
  next: (current: ForumRules | undefined): RulesFormValues => ({ effectiveOn: '', body: current?.body ?? emptyLocalized(), changeNote: emptyLocalized() }),
  values: (r: ForumRules): RulesFormValues => ({ effectiveOn: r.effectiveOn, body: r.body, changeNote: r.changeNote, version: r.version }),
  posted: (body: PostedForm, shown: RulesFormValues): RulesFormValues => postedValues(body, shown),
};

// ------------------------------------------------------------------ call

export interface CallFormValues {
  title: Localized;
  seats: string;
  eligibility: Localized;
  nominationsOpenOn: string;
  nominationsCloseOn: string;
  termStartsOn: string;
  termEndsOn: string;
  method: string;
  votingOpensOn: string;
  votingClosesOn: string;
  tieRule: string;
  panel: Localized;
  version?: number;
}

/** The call form posts the API's fields as they are: no input step. */
export const callForm = {
  empty: (): CallFormValues => ({
    title: emptyLocalized(),
    seats: '1',
    eligibility: emptyLocalized(),
    nominationsOpenOn: '',
    nominationsCloseOn: '',
    termStartsOn: '',
    termEndsOn: '',
    method: 'election',
    votingOpensOn: '',
    votingClosesOn: '',
    tieRule: 'lot',
    panel: emptyLocalized(),
  }),
  values: (c: NominationCall): CallFormValues => ({
    title: c.title,
    seats: String(c.seats),
    eligibility: c.eligibility,
    nominationsOpenOn: c.nominationsOpenOn,
    nominationsCloseOn: c.nominationsCloseOn,
    termStartsOn: c.termStartsOn,
    termEndsOn: c.termEndsOn,
    method: c.method,
    votingOpensOn: c.votingOpensOn ?? '',
    votingClosesOn: c.votingClosesOn ?? '',
    tieRule: c.tieRule ?? '',
    panel: c.panel,
    version: c.version,
  }),
  posted: (body: PostedForm, shown: CallFormValues): CallFormValues => postedValues(body, shown),
};

// ------------------------------------------------------------------ nomination

export interface NominationFormValues {
  /** ['on'] to nominate oneself. */
  self: string[];
  nomineeEmail: string;
  statement: Localized;
}

export const nominationForm = {
  empty: (): NominationFormValues => ({ self: [], nomineeEmail: '', statement: emptyLocalized() }),
  /** The box as `self: true`; an empty address is no address. */
  input: (body: PostedForm): PostedForm => {
    const { self, nomineeEmail, ...rest } = body;
    return {
      ...rest,
      ...((listValue(self) ?? []).includes('on') ? { self: true } : {}),
      ...(typeof nomineeEmail === 'string' && nomineeEmail.trim() !== '' ? { nomineeEmail } : {}),
    };
  },
  posted: (body: PostedForm, shown: NominationFormValues): NominationFormValues => postedValues(body, shown),
};

// ------------------------------------------------------------------ ballot

export interface BallotFormValues {
  nominationIds: string[];
}

export const ballotForm = {
  empty: (): BallotFormValues => ({ nominationIds: [] }),
  input: (body: PostedForm): PostedForm => ({ nominationIds: listValue(body.nominationIds) ?? [] }),
  posted: (body: PostedForm, shown: BallotFormValues): BallotFormValues => postedValues(body, shown),
};

// ------------------------------------------------------------------ result

export interface ResultFormValues {
  /** Elections decided by lot: the nominations the draw chose. */
  drawn: string[];
  drawRecord: Localized;
  /** Panels: the nominations chosen, and a reason for each (by nomination id). */
  chosen: string[];
  reasons: Record<string, Localized>;
  note: Localized;
  version: number;
}

export const resultForm = {
  empty: (call: NominationCall, nominations: readonly Nomination[]): ResultFormValues => ({
    drawn: [],
    drawRecord: emptyLocalized(),
    chosen: [],
    reasons: Object.fromEntries(nominations.map((n) => [String(n.id), emptyLocalized()])),
    note: emptyLocalized(),
    version: call.version,
  }),
  /** The API's lists: the drawn ids, and for a panel {nominationId, reason} for each ticked nomination. */
  input: (body: PostedForm): PostedForm => {
    const reasons = postedRecord(body.reasons);
    const chosen = listValue(body.chosen) ?? [];
    const drawn = listValue(body.drawn) ?? [];
    return {
      version: body.version,
      note: body.note,
      ...(drawn.length > 0 ? { drawn } : {}),
      ...(body.drawRecord !== undefined ? { drawRecord: body.drawRecord } : {}),
      ...(chosen.length > 0 ? { choices: chosen.map((id) => ({ nominationId: id, reason: reasons[id] ?? {} })) } : {}),
    };
  },
  /** Messages on a choice (`choices.0.reason`) belong beside the reasons. */
  fieldOf: (path: string): string => (path.startsWith('choices') ? 'chosen' : (path.split('.')[0] ?? path)),
  posted: (body: PostedForm, shown: ResultFormValues): ResultFormValues => {
    const reasons = postedRecord(body.reasons);
    return {
      ...postedValues(body, { ...shown, reasons: {} }),
      reasons: Object.fromEntries(Object.entries(shown.reasons).map(([id, value]) => [id, postedLocalized(reasons[id], value)])),
      version: shown.version,
    };
  },
};

// ------------------------------------------------------------------ moderation

export interface ModerationFormValues {
  hidden: string;
  reason: Localized;
  version: number;
}

export const moderationForm = {
  values: (n: Nomination): ModerationFormValues => ({
    hidden: n.hiddenReason ? 'true' : 'false',
    reason: n.hiddenReason ?? emptyLocalized(),
    version: n.version,
  }),
  posted: (body: PostedForm, shown: ModerationFormValues): ModerationFormValues => postedValues(body, shown),
};
