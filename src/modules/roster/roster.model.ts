/**
 * The forum's roster as rules, without I/O: seats and their states on a day (current, vacant, past), the checks of a
 * seat and of a call for nominations, a call's phases by date, who may vote, and how an election's counts become
 * seats (ties decided by the call's stated rule). Dates are Taipei days as YYYY-MM-DD, compared as text.
 */
import type { AccountStanding } from '../../domain/people.js';
import type { RoleGrant } from '../../domain/authorization.js';
import type { Localized } from '../../domain/localized.js';
import type { FieldProblem } from '../../domain/plan.js';

export const SECTORS = ['government', 'civil-society', 'other'] as const;
export type Sector = (typeof SECTORS)[number];
export const SEAT_ROLES = ['convener', 'co-convener', 'member'] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];
export const FILLED_BY = ['appointed', 'elected', 'panel-selected'] as const;
export type FilledBy = (typeof FILLED_BY)[number];
export const CALL_METHODS = ['election', 'panel'] as const;
export type CallMethod = (typeof CALL_METHODS)[number];
export const TIE_RULES = ['lot', 'older-registration'] as const;
export type TieRule = (typeof TIE_RULES)[number];
export const NOMINATION_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
/** A nomination is public once its nominee has accepted it, and only while it stands. */
export const PUBLIC_NOMINATION_STATES: readonly NominationStatus[] = ['accepted'];

// ------------------------------------------------------------------ seats

export interface Seat {
  id: number;
  planId: number;
  sector: Sector;
  role: SeatRole;
  startsOn: string;
  /** Null: held until replaced (a seat held by office). */
  endsOn: string | null;
  userId: number | null;
  holderName: Localized;
  agencyId: number | null;
  filledBy: FilledBy;
  callId: number | null;
  nominationId: number | null;
  replacesSeatId: number | null;
  isDemo: boolean;
  version: number;
}

export type SeatValues = Omit<Seat, 'id' | 'version' | 'isDemo'>;

/** Where a seat's term stands on a day. */
export type TermState = 'upcoming' | 'current' | 'ended';

export function termState(seat: Pick<Seat, 'startsOn' | 'endsOn'>, today: string): TermState {
  if (seat.endsOn !== null && seat.endsOn < today) return 'ended';
  return seat.startsOn > today ? 'upcoming' : 'current';
}

export const hasHolder = (seat: Pick<Seat, 'userId' | 'holderName'>): boolean =>
  seat.userId !== null || seat.holderName.zh.trim() !== '' || seat.holderName.en.trim() !== '';

/** What the roster shows: the seats of the forum now (a seat nobody holds, or whose term has ended unreplaced, is vacant) and past members. */
export interface RosterView {
  current: { seat: Seat; vacant: boolean; state: TermState }[];
  past: Seat[];
}

const ROLE_ORDER: Record<SeatRole, number> = { convener: 0, 'co-convener': 1, member: 2 };

export function rosterView(seats: readonly Seat[], today: string): RosterView {
  const replaced = new Set(seats.flatMap((s) => (s.replacesSeatId === null ? [] : [s.replacesSeatId])));
  const current: RosterView['current'] = [];
  const past: Seat[] = [];
  for (const seat of seats) {
    const state = termState(seat, today);
    if (state === 'ended') {
      if (hasHolder(seat)) past.push(seat);
      // An ended seat nobody has taken over is an empty place on the forum.
      if (!replaced.has(seat.id)) current.push({ seat, vacant: true, state });
    } else current.push({ seat, vacant: !hasHolder(seat), state });
  }
  const order = (a: Seat, b: Seat) =>
    SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector) || ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.startsOn.localeCompare(b.startsOn) || a.id - b.id;
  current.sort((a, b) => order(a.seat, b.seat));
  past.sort((a, b) => (b.endsOn ?? '').localeCompare(a.endsOn ?? '') || order(a, b));
  return { current, past };
}

/** The scoped role a seat gives its account holder on the plan's forum: co-convener for the chairs, forum member for the rest. */
export function seatGrant(seat: Pick<Seat, 'role' | 'planId'>): RoleGrant {
  return { role: seat.role === 'member' ? 'forum-member' : 'co-convener', scope: 'plan', scopeId: seat.planId };
}

/** The grant's source: what takes it back when the seat changes or goes. */
export const seatGrantSource = (seat: { id: number }): string => `seat:${seat.id}`;

export function checkSeat(s: SeatValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (s.endsOn !== null && s.endsOn < s.startsOn) problems.push({ field: 'endsOn', key: 'error.endBeforeStart' });
  if (s.sector === 'government' && s.agencyId === null) problems.push({ field: 'agencyId', key: 'roster.error.governmentSeatAgency' });
  if (s.sector !== 'government' && s.agencyId !== null) problems.push({ field: 'agencyId', key: 'roster.error.agencyOnlyGovernment' });
  if (s.filledBy !== 'appointed' && s.callId === null) problems.push({ field: 'callId', key: 'roster.error.callRequired' });
  if (s.filledBy === 'appointed' && s.callId !== null) problems.push({ field: 'callId', key: 'roster.error.callOnlyWhenChosen' });
  return problems;
}

// ------------------------------------------------------------------ rules

export interface ForumRules {
  id: number;
  planId: number;
  number: number;
  effectiveOn: string;
  body: Localized;
  changeNote: Localized;
  publishedAt: Date;
  isDemo: boolean;
  version: number;
}

// ------------------------------------------------------------------ calls for nominations

export interface TieBreak {
  rule: TieRule;
  /** The nominations tied for the last seats, and those the rule chose. */
  tied: number[];
  chosen: number[];
  /** The record of the public draw (lot), or what the rule compared (older registration). */
  record: Localized;
}

export interface NominationCall {
  id: number;
  planId: number;
  title: Localized;
  seats: number;
  eligibility: Localized;
  nominationsOpenOn: string;
  nominationsCloseOn: string;
  termStartsOn: string;
  termEndsOn: string;
  method: CallMethod;
  votingOpensOn: string | null;
  votingClosesOn: string | null;
  tieRule: TieRule | null;
  panel: Localized;
  ballotsCast: number;
  resultPublishedAt: Date | null;
  eligibleVoters: number | null;
  tieBreak: TieBreak | null;
  resultNote: Localized | null;
  isDemo: boolean;
  version: number;
}

export type CallValues = Pick<
  NominationCall,
  | 'planId'
  | 'title'
  | 'seats'
  | 'eligibility'
  | 'nominationsOpenOn'
  | 'nominationsCloseOn'
  | 'termStartsOn'
  | 'termEndsOn'
  | 'method'
  | 'votingOpensOn'
  | 'votingClosesOn'
  | 'tieRule'
  | 'panel'
>;

export function checkCall(c: CallValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (c.nominationsCloseOn < c.nominationsOpenOn) problems.push({ field: 'nominationsCloseOn', key: 'error.endBeforeStart' });
  if (c.termEndsOn < c.termStartsOn) problems.push({ field: 'termEndsOn', key: 'error.endBeforeStart' });
  if (c.method === 'election') {
    if (c.votingOpensOn === null) problems.push({ field: 'votingOpensOn', key: 'error.required' });
    if (c.votingClosesOn === null) problems.push({ field: 'votingClosesOn', key: 'error.required' });
    if (c.tieRule === null) problems.push({ field: 'tieRule', key: 'roster.error.tieRule' });
    if (c.votingOpensOn !== null && c.votingOpensOn <= c.nominationsCloseOn)
      problems.push({ field: 'votingOpensOn', key: 'roster.error.votingAfterNominations' });
    if (c.votingOpensOn !== null && c.votingClosesOn !== null && c.votingClosesOn < c.votingOpensOn)
      problems.push({ field: 'votingClosesOn', key: 'error.endBeforeStart' });
    if (c.votingClosesOn !== null && c.termStartsOn <= c.votingClosesOn) problems.push({ field: 'termStartsOn', key: 'roster.error.termAfterVoting' });
  } else {
    if (c.panel.zh.trim() === '' && c.panel.en.trim() === '') problems.push({ field: 'panel', key: 'roster.error.panelRequired' });
    if (c.termStartsOn <= c.nominationsCloseOn) problems.push({ field: 'termStartsOn', key: 'roster.error.termAfterNominations' });
  }
  return problems;
}

/** Where a call stands on a day, as its page says it. */
export type CallPhase = 'upcoming' | 'nominating' | 'awaiting-vote' | 'voting' | 'counting' | 'selecting' | 'published';

export function callPhase(c: NominationCall, today: string): CallPhase {
  if (c.resultPublishedAt !== null) return 'published';
  if (today < c.nominationsOpenOn) return 'upcoming';
  if (today <= c.nominationsCloseOn) return 'nominating';
  if (c.method === 'panel') return 'selecting';
  if (c.votingOpensOn !== null && today < c.votingOpensOn) return 'awaiting-vote';
  if (c.votingClosesOn !== null && today <= c.votingClosesOn) return 'voting';
  return 'counting';
}

/** A nomination made on a day outside the call's dates: the date it missed, named. */
export function nominationDateProblem(c: NominationCall, today: string): FieldProblem | undefined {
  if (today < c.nominationsOpenOn) return { field: 'nominationsOpenOn', key: 'roster.error.nominationsNotOpen', params: { date: c.nominationsOpenOn } };
  if (today > c.nominationsCloseOn) return { field: 'nominationsCloseOn', key: 'roster.error.nominationsClosed', params: { date: c.nominationsCloseOn } };
  return undefined;
}

/** Nominees accept, decline or withdraw until voting opens (an election) or until the panel's choice is published. */
export function candidaciesOpen(c: NominationCall, today: string): boolean {
  if (c.resultPublishedAt !== null) return false;
  return c.method === 'panel' || c.votingOpensOn === null || today < c.votingOpensOn;
}

export const votingOpen = (c: NominationCall, today: string): boolean =>
  c.method === 'election' &&
  c.resultPublishedAt === null &&
  c.votingOpensOn !== null &&
  c.votingClosesOn !== null &&
  today >= c.votingOpensOn &&
  today <= c.votingClosesOn;

/** The result may be published once voting has closed (an election) or nominations have closed (a panel). */
export function resultDue(c: NominationCall, today: string): boolean {
  if (c.resultPublishedAt !== null) return false;
  return c.method === 'panel' ? today > c.nominationsCloseOn : c.votingClosesOn !== null && today > c.votingClosesOn;
}

export interface Nomination {
  id: number;
  callId: number;
  nomineeId: number;
  nominatorId: number | null;
  selfNominated: boolean;
  statement: Localized;
  status: NominationStatus;
  hiddenReason: Localized | null;
  votes: number | null;
  selected: boolean;
  selectionReason: Localized | null;
  isDemo: boolean;
  version: number;
}

// ------------------------------------------------------------------ who may vote and stand

/**
 * Registered civil-society participants: signed up and confirmed their address, not deleted, a participant account
 * (not the secretariat's, an administrator's or an agency officer's), and not in the government stakeholder group.
 * The same rule says who may vote and who may stand; the call page states it.
 */
export function isCivilSocietyParticipant(a: AccountStanding): boolean {
  return a.role === 'public' && a.emailConfirmed && !a.deleted && a.stakeholderGroup !== 'government';
}

// ------------------------------------------------------------------ counting

export interface Count {
  nominationId: number;
  votes: number;
  /** When the nominee's account was registered (the older-registration tie rule). */
  registeredAt: Date;
}

export interface ElectionOutcome {
  /** Every accepted nomination with its votes, most votes first; `elected` for those who take a seat. */
  ranking: { nominationId: number; votes: number; elected: boolean }[];
  tieBreak: Omit<TieBreak, 'record'> | null;
}

/**
 * Who takes the call's seats: most votes first, and a nominee needs at least one vote. When nominees tied at the
 * last seats outnumber them, the call's rule decides: the earlier registration, or a lot the secretariat draws in
 * public (its winners given as `drawn`). A lot not yet drawn (or drawn wrongly) answers which nominations are tied
 * for how many seats.
 */
export function electionOutcome(
  counts: readonly Count[],
  seats: number,
  rule: TieRule,
  drawn: readonly number[] | undefined,
): { outcome: ElectionOutcome } | { drawNeeded: { tied: number[]; seats: number } } {
  const ranked = [...counts].sort((a, b) => b.votes - a.votes || a.nominationId - b.nominationId);
  const supported = ranked.filter((c) => c.votes > 0);
  const elected = new Set<number>();
  let tieBreak: ElectionOutcome['tieBreak'] = null;
  if (supported.length <= seats) supported.forEach((c) => elected.add(c.nominationId));
  else {
    const cutoff = (supported[seats - 1] as Count).votes;
    const above = supported.filter((c) => c.votes > cutoff);
    const tied = supported.filter((c) => c.votes === cutoff);
    above.forEach((c) => elected.add(c.nominationId));
    const remaining = seats - above.length;
    if (tied.length === remaining) tied.forEach((c) => elected.add(c.nominationId));
    else {
      const tiedIds = tied.map((c) => c.nominationId);
      let chosen: number[];
      if (rule === 'older-registration')
        chosen = [...tied]
          .sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime() || a.nominationId - b.nominationId)
          .slice(0, remaining)
          .map((c) => c.nominationId);
      else {
        const picks = [...new Set(drawn ?? [])];
        if (picks.length !== remaining || picks.some((id) => !tiedIds.includes(id))) return { drawNeeded: { tied: tiedIds, seats: remaining } };
        chosen = picks;
      }
      chosen.forEach((id) => elected.add(id));
      tieBreak = { rule, tied: tiedIds, chosen };
    }
  }
  return {
    outcome: { ranking: ranked.map((c) => ({ nominationId: c.nominationId, votes: c.votes, elected: elected.has(c.nominationId) })), tieBreak },
  };
}

/** Turnout as a share (0–1) of those eligible when voting closed; none when nobody was eligible. */
export const turnout = (ballots: number, eligible: number | null): number | null => (eligible === null || eligible === 0 ? null : ballots / eligible);
