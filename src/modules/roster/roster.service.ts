/**
 * Use cases of the forum's roster: seats (and the forum roles they grant), the rules' versions, calls for
 * nominations, nominations and their acceptance, the secret ballot, and the published result that becomes seats.
 * Every write: authorize, validate beyond shape, check the version, change the rows and record history, all in one
 * transaction — except ballots, which are never recorded in the history (ADR 0026).
 */
import type { Transaction } from 'kysely';
import type { Db, DbOrTx } from '../../db/connection.js';
import type { DB } from '../../db/schema.js';
import { can, type Action, type Actor, type ResourceOwnership } from '../../domain/authorization.js';
import { emptyLocalized, mergeLocalized, pick, type Lang, type Localized } from '../../domain/localized.js';
import { taipeiDay } from '../../domain/monitoring.js';
import type { FieldProblem } from '../../domain/plan.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { t } from '../../web/i18n.js';
import type { Mailer } from '../../web/mail.js';
import { myNominationsPath } from '../../web/paths.js';
import { assertValid, authorize, found, foundAtVersion, requireText, type HistorySubject } from '../../web/service-helpers.js';
import { accountStandings, countCivilSocietyParticipants, deleteGrantsFrom, findUserByEmail, insertGrant, publicPeople } from '../accounts/index.js';
import { recordHistory, recorded } from '../history/index.js';
import { planQueries as planQ } from '../plans/index.js';
import {
  callPhase,
  candidaciesOpen,
  checkCall,
  checkSeat,
  electionOutcome,
  isCivilSocietyParticipant,
  nominationDateProblem,
  resultDue,
  seatGrant,
  seatGrantSource,
  votingOpen,
  type CallValues,
  type ForumRules,
  type Nomination,
  type NominationCall,
  type Seat,
  type SeatValues,
  type TieBreak,
} from './roster.model.js';
import * as q from './roster.queries.js';
import type {
  BallotInput,
  CallInput,
  CallPatch,
  ModerationInput,
  NominationInput,
  ResultInput,
  RulesInput,
  RulesPatch,
  SeatInput,
  SeatPatch,
} from './roster.schemas.js';
import { canSeeNomination } from './roster.visibility.js';

export interface RosterDeps {
  db: Db;
  now: () => Date;
  /** Marks what it creates as demonstration content: set by the demo seed only. */
  demo?: boolean;
  /** Tells a nominee by e-mail (after the commit); none in the demo seed. */
  mail?: { mailer: Mailer; origin: string };
}

const today = (deps: Pick<RosterDeps, 'now'>) => taipeiDay(deps.now());

/** Authorized against the resource (a plan's forum, a nominee), then one transaction. */
function authorizedOn<T>(db: Db, actor: Actor | null, action: Action, resource: ResourceOwnership, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  authorize(actor, action, resource);
  return db.transaction().execute(work);
}

const text = (input: { zh?: string; en?: string; status?: Localized['status'] } | undefined, current: Localized = emptyLocalized()) =>
  mergeLocalized(current, input);

// Where history files the changes of each entity: all belong to a plan, none to a commitment.
const seatSubject = (s: Seat): HistorySubject => ({ entityType: 'seat', entityId: s.id, planId: s.planId, commitmentId: null });
const rulesSubject = (r: ForumRules): HistorySubject => ({ entityType: 'forum-rules', entityId: r.id, planId: r.planId, commitmentId: null });
const callSubject = (c: NominationCall): HistorySubject => ({ entityType: 'nomination-call', entityId: c.id, planId: c.planId, commitmentId: null });
const nominationSubject = (n: Nomination, call: NominationCall): HistorySubject => ({
  entityType: 'nomination',
  entityId: n.id,
  planId: call.planId,
  commitmentId: null,
});

/** A nomination as the history keeps it: who made it stays out (never public). */
const nominationEntry = (n: Nomination) => ({
  callId: n.callId,
  nomineeId: n.nomineeId,
  selfNominated: n.selfNominated,
  statement: n.statement,
  status: n.status,
  hiddenReason: n.hiddenReason,
});

// ---------------------------------------------------------------- seats

/** The account a seat names (by id, or by e-mail on the secretariat's form): it must exist and not be deleted. */
async function seatHolder(db: DbOrTx, input: Pick<SeatInput, 'userId' | 'holderEmail'>, current: number | null): Promise<number | null> {
  if (input.holderEmail) {
    if (input.userId) throw new ValidationError([{ field: 'holderEmail', key: 'roster.error.holderTwice' }]);
    const user = await findUserByEmail(db, input.holderEmail);
    const standing = user && (await accountStandings(db, [user.id])).get(user.id);
    if (!standing || standing.deleted) throw new ValidationError([{ field: 'holderEmail', key: 'roster.error.unknownAccount' }]);
    return standing.id;
  }
  if (input.userId === undefined) return current;
  if (input.userId === null) return null;
  const standing = (await accountStandings(db, [input.userId])).get(input.userId);
  if (!standing || (standing.deleted && input.userId !== current)) throw new ValidationError([{ field: 'userId', key: 'roster.error.unknownAccount' }]);
  return input.userId;
}

async function checkSeatValues(db: DbOrTx, s: SeatValues, currentId: number | null): Promise<void> {
  const problems: FieldProblem[] = checkSeat(s);
  if (s.agencyId !== null && !(await planQ.findAgencyById(db, s.agencyId))) problems.push({ field: 'agencyId', key: 'error.unknownAgency' });
  if (s.callId !== null) {
    const call = await q.findCallById(db, s.callId);
    if (!call || call.planId !== s.planId) problems.push({ field: 'callId', key: 'roster.error.unknownCall' });
  }
  if (s.replacesSeatId !== null) {
    const earlier = await q.findSeatById(db, s.replacesSeatId);
    const taken = await q.findSeatReplacing(db, s.replacesSeatId);
    if (!earlier || earlier.planId !== s.planId || earlier.id === currentId || (taken && taken.id !== currentId))
      problems.push({ field: 'replacesSeatId', key: 'roster.error.replacesSeat' });
  }
  assertValid(problems);
}

/** The seat's forum role follows the seat: taken back, then given again for its term to its account holder, if any. */
async function syncSeatGrant(db: DbOrTx, seat: Seat): Promise<void> {
  await deleteGrantsFrom(db, seatGrantSource(seat));
  if (seat.userId !== null) await insertGrant(db, seat.userId, seatGrant(seat), seatGrantSource(seat), { startsOn: seat.startsOn, endsOn: seat.endsOn });
}

function seatValues(planId: number, input: Partial<SeatInput>, current: SeatValues | null, userId: number | null): SeatValues {
  const pickOr = <K extends keyof SeatValues>(value: SeatValues[K] | undefined, key: K, fallback: SeatValues[K]): SeatValues[K] =>
    value !== undefined ? value : current ? current[key] : fallback;
  return {
    planId,
    sector: pickOr(input.sector, 'sector', 'civil-society'),
    role: pickOr(input.role, 'role', 'member'),
    startsOn: pickOr(input.startsOn, 'startsOn', ''),
    endsOn: pickOr(input.endsOn, 'endsOn', null),
    userId,
    holderName: text(input.holderName, current?.holderName),
    agencyId: pickOr(input.agencyId, 'agencyId', null),
    filledBy: pickOr(input.filledBy, 'filledBy', 'appointed'),
    callId: pickOr(input.callId, 'callId', null),
    nominationId: current?.nominationId ?? null,
    replacesSeatId: pickOr(input.replacesSeatId, 'replacesSeatId', null),
  };
}

export async function createSeat(deps: RosterDeps, actor: Actor | null, planId: number, input: SeatInput): Promise<Seat> {
  return authorizedOn(deps.db, actor, 'seat.manage', { planId }, async (trx) => {
    found(await planQ.findPlanById(trx, planId));
    const values = seatValues(planId, input, null, await seatHolder(trx, input, null));
    await checkSeatValues(trx, values, null);
    const seat = await q.insertSeat(trx, values, deps.demo);
    await syncSeatGrant(trx, seat);
    return recorded(trx, { ...seatSubject(seat), action: 'create', actor, before: null, after: seat });
  });
}

export async function updateSeat(deps: RosterDeps, actor: Actor | null, seatId: number, patch: SeatPatch): Promise<Seat> {
  authorize(actor, 'seat.manage');
  return deps.db.transaction().execute(async (trx) => {
    const current = foundAtVersion(await q.findSeatById(trx, seatId, true), patch.version);
    authorize(actor, 'seat.manage', { planId: current.planId });
    const values = seatValues(current.planId, patch, current, await seatHolder(trx, patch, current.userId));
    await checkSeatValues(trx, values, current.id);
    const updated = await q.updateSeatRow(trx, seatId, values);
    await syncSeatGrant(trx, updated);
    return recorded(trx, { ...seatSubject(current), action: 'update', actor, before: current, after: updated });
  });
}

/** For a seat recorded by mistake; a seat whose term ended stays as a past seat (its history is the forum's). */
export async function deleteSeat(deps: RosterDeps, actor: Actor | null, seatId: number, version: number): Promise<void> {
  authorize(actor, 'seat.manage');
  await deps.db.transaction().execute(async (trx) => {
    const current = foundAtVersion(await q.findSeatById(trx, seatId, true), version);
    await deleteGrantsFrom(trx, seatGrantSource(current));
    await q.deleteSeatRow(trx, seatId);
    await recordHistory(trx, { ...seatSubject(current), action: 'delete', actor, before: current, after: null });
  });
}

// ---------------------------------------------------------------- rules

function checkRulesValues(values: Pick<ForumRules, 'effectiveOn' | 'body'>, previous: ForumRules | undefined, next: ForumRules | undefined): void {
  const problems: FieldProblem[] = [];
  requireText('body', values.body, problems);
  if (previous && values.effectiveOn < previous.effectiveOn)
    problems.push({ field: 'effectiveOn', key: 'roster.error.rulesBeforePrevious', params: { number: previous.number, date: previous.effectiveOn } });
  if (next && values.effectiveOn > next.effectiveOn)
    problems.push({ field: 'effectiveOn', key: 'roster.error.rulesAfterNext', params: { number: next.number, date: next.effectiveOn } });
  assertValid(problems);
}

/** A new version of the rules: the next number, effective no earlier than the version before it. */
export async function publishRules(deps: RosterDeps, actor: Actor | null, planId: number, input: RulesInput): Promise<ForumRules> {
  return authorizedOn(deps.db, actor, 'forumRules.manage', { planId }, async (trx) => {
    // One writer of the plan's numbers at a time, so the next number is free when it is inserted.
    found(await planQ.lockPlan(trx, planId));
    const previous = await q.latestRules(trx, planId);
    const values = { planId, number: (previous?.number ?? 0) + 1, effectiveOn: input.effectiveOn, body: text(input.body), changeNote: text(input.changeNote) };
    checkRulesValues(values, previous, undefined);
    const rules = await q.insertRules(trx, values, deps.now(), deps.demo);
    return recorded(trx, { ...rulesSubject(rules), action: 'create', actor, before: null, after: rules });
  });
}

/** Corrects a version (a typo, a translation); what changed in substance is a new version. */
export async function correctRules(deps: RosterDeps, actor: Actor | null, rulesId: number, patch: RulesPatch): Promise<ForumRules> {
  const unlocked = found(await q.findRulesById(deps.db, rulesId));
  return authorizedOn(deps.db, actor, 'forumRules.manage', { planId: unlocked.planId }, async (trx) => {
    const current = foundAtVersion(await q.findRulesById(trx, rulesId, true), patch.version);
    const values = {
      effectiveOn: patch.effectiveOn ?? current.effectiveOn,
      body: text(patch.body, current.body),
      changeNote: text(patch.changeNote, current.changeNote),
    };
    const [previous, next] = await Promise.all([
      q.findRulesByNumber(trx, current.planId, current.number - 1),
      q.findRulesByNumber(trx, current.planId, current.number + 1),
    ]);
    checkRulesValues(values, previous, next);
    const updated = await q.updateRulesRow(trx, rulesId, values);
    return recorded(trx, { ...rulesSubject(current), action: 'update', actor, before: current, after: updated });
  });
}

/** The latest version of a plan's forum rules, for the co-creation record's "rules published" check. */
export async function latestForumRules(db: DbOrTx, planId: number): Promise<{ version: number; effectiveOn: string; publishedAt: Date } | undefined> {
  const rules = await q.latestRules(db, planId);
  return rules && { version: rules.number, effectiveOn: rules.effectiveOn, publishedAt: rules.publishedAt };
}

// ---------------------------------------------------------------- calls

function callValues(planId: number, input: Partial<CallInput>, current: CallValues | null): CallValues {
  const base: CallValues = current ?? {
    planId,
    title: emptyLocalized(),
    seats: 1,
    eligibility: emptyLocalized(),
    nominationsOpenOn: '',
    nominationsCloseOn: '',
    termStartsOn: '',
    termEndsOn: '',
    method: 'election',
    votingOpensOn: null,
    votingClosesOn: null,
    tieRule: null,
    panel: emptyLocalized(),
  };
  const method = input.method ?? base.method;
  const election = method === 'election';
  return {
    planId,
    title: text(input.title, base.title),
    seats: input.seats ?? base.seats,
    eligibility: text(input.eligibility, base.eligibility),
    nominationsOpenOn: input.nominationsOpenOn ?? base.nominationsOpenOn,
    nominationsCloseOn: input.nominationsCloseOn ?? base.nominationsCloseOn,
    termStartsOn: input.termStartsOn ?? base.termStartsOn,
    termEndsOn: input.termEndsOn ?? base.termEndsOn,
    method,
    // What the other method would need is dropped, so a call never states two ways of choosing.
    votingOpensOn: election ? (input.votingOpensOn !== undefined ? input.votingOpensOn : base.votingOpensOn) : null,
    votingClosesOn: election ? (input.votingClosesOn !== undefined ? input.votingClosesOn : base.votingClosesOn) : null,
    tieRule: election ? (input.tieRule !== undefined ? input.tieRule : base.tieRule) : null,
    panel: election ? emptyLocalized() : text(input.panel, base.panel),
  };
}

function checkCallValues(values: CallValues): void {
  const problems = checkCall(values);
  requireText('title', values.title, problems);
  requireText('eligibility', values.eligibility, problems);
  assertValid(problems);
}

export async function openCall(deps: RosterDeps, actor: Actor | null, planId: number, input: CallInput): Promise<NominationCall> {
  return authorizedOn(deps.db, actor, 'call.manage', { planId }, async (trx) => {
    found(await planQ.findPlanById(trx, planId));
    const values = callValues(planId, input, null);
    checkCallValues(values);
    const call = await q.insertCall(trx, values, deps.demo);
    return recorded(trx, { ...callSubject(call), action: 'create', actor, before: null, after: call });
  });
}

/** Until its result is published; once nominations have opened, its seats, method and tie rule stay as announced. */
export async function updateCall(deps: RosterDeps, actor: Actor | null, callId: number, patch: CallPatch): Promise<NominationCall> {
  authorize(actor, 'call.manage');
  return deps.db.transaction().execute(async (trx) => {
    const current = foundAtVersion(await q.findCallById(trx, callId, true), patch.version);
    if (current.resultPublishedAt !== null) throw new ValidationError([{ field: 'title', key: 'roster.error.callPublished' }]);
    const values = callValues(current.planId, patch, current);
    if (callPhase(current, today(deps)) !== 'upcoming') {
      const fixed: FieldProblem[] = [];
      if (values.seats !== current.seats) fixed.push({ field: 'seats', key: 'roster.error.fixedOnceOpen' });
      if (values.method !== current.method) fixed.push({ field: 'method', key: 'roster.error.fixedOnceOpen' });
      if (values.tieRule !== current.tieRule) fixed.push({ field: 'tieRule', key: 'roster.error.fixedOnceOpen' });
      assertValid(fixed);
    }
    checkCallValues(values);
    const updated = await q.updateCallRow(trx, callId, values);
    return recorded(trx, { ...callSubject(current), action: 'update', actor, before: current, after: updated });
  });
}

// ---------------------------------------------------------------- nominations

export interface NominationReceipt {
  /** Your own nomination; none when you nominated someone else (whether or not the address is an account's). */
  nomination: Nomination | null;
}

async function standingOf(db: DbOrTx, userId: number) {
  return (await accountStandings(db, [userId])).get(userId);
}

/**
 * A nomination of yourself (public at once: you accept by making it) or of someone else by their account's e-mail
 * address (public once they accept). For an address that is no eligible account nothing is created and the answer
 * is the same, so the form cannot be used to learn who has an account.
 */
export async function nominate(deps: RosterDeps, actor: Actor | null, callId: number, input: NominationInput): Promise<NominationReceipt> {
  authorize(actor, 'nomination.create');
  const nominator = actor as Actor;
  const sent: { to: string; call: NominationCall; nomination: Nomination }[] = [];
  const receipt = await deps.db.transaction().execute(async (trx) => {
    const call = found(await q.findCallById(trx, callId, true));
    const problems: FieldProblem[] = [];
    const missed = nominationDateProblem(call, today(deps));
    if (missed) problems.push(missed);
    const email = input.nomineeEmail ?? null;
    if ((input.self === true) === (email !== null)) problems.push({ field: 'nomineeEmail', key: 'roster.error.nomineeChoice' });
    const statement = text(input.statement);
    requireText('statement', statement, problems);
    assertValid(problems);

    const account = email === null ? undefined : await findUserByEmail(trx, email);
    const self = input.self === true || account?.id === nominator.id;
    const nomineeId = self ? nominator.id : account?.id;
    if (nomineeId === undefined) return { nomination: null };
    const standing = await standingOf(trx, nomineeId);
    if (!standing || !isCivilSocietyParticipant(standing)) {
      if (self) throw new ValidationError([{ field: 'self', key: 'roster.error.notEligibleToStand' }]);
      return { nomination: null };
    }
    const created = await q.insertNomination(
      trx,
      { callId, nomineeId, nominatorId: nominator.id, statement, status: self ? 'accepted' : 'pending' },
      deps.demo,
    );
    if (!created) {
      if (self) throw new ValidationError([{ field: 'self', key: 'roster.error.alreadyNominated' }], {}, 409);
      return { nomination: null };
    }
    await recordHistory(trx, { ...nominationSubject(created, call), action: 'create', actor, before: null, after: nominationEntry(created) });
    if (!self && email !== null) sent.push({ to: email, call, nomination: created });
    return { nomination: self ? created : null };
  });
  // After the commit, and not awaited: the answer takes as long whether or not a message goes out.
  for (const message of sent) void notifyNominee(deps, message.to, message.call);
  return receipt;
}

async function notifyNominee(deps: RosterDeps, to: string, call: NominationCall): Promise<void> {
  if (!deps.mail) return;
  const both = (key: 'roster.mail.subject' | 'roster.mail.body', lang: Lang) =>
    t(lang, key, { call: pick(call.title, lang), date: call.votingOpensOn ?? call.nominationsCloseOn });
  const link = `${deps.mail.origin}${myNominationsPath}`;
  try {
    await deps.mail.mailer.send({
      to,
      subject: `${both('roster.mail.subject', 'zh-TW')} / ${both('roster.mail.subject', 'en')}`,
      text: `${both('roster.mail.body', 'zh-TW')}\n${link}\n\n${both('roster.mail.body', 'en')}\n${deps.mail.origin}/en${myNominationsPath}\n`,
    });
  } catch {
    // The nominee still finds the nomination under their nominations; a lost message loses nothing else.
  }
}

/**
 * The nomination and its call, as this viewer may see them (one they may not see is "not found"), both locked: the
 * call first, as every write of a call's nominations does (nominating, publishing), so two never wait on each other.
 */
async function visibleNomination(trx: DbOrTx, actor: Actor | null, nominationId: number) {
  const seen = await q.findNominationById(trx, nominationId);
  if (!seen || !canSeeNomination(actor, seen)) throw new NotFoundError();
  const call = found(await q.findCallById(trx, seen.callId, true));
  const nomination = found(await q.findNominationById(trx, nominationId, true));
  return { nomination, call };
}

/** A stale version is a conflict; the stored values it answers with are the history's view (who nominated stays out). */
function atVersion(nomination: Nomination, version: number): void {
  if (nomination.version !== version) throw new ConflictError({ id: nomination.id, version: nomination.version, ...nominationEntry(nomination) });
}

/** The nominee accepts (the nomination becomes public) or declines, before voting opens or the panel chooses. */
export async function respondToNomination(deps: RosterDeps, actor: Actor | null, nominationId: number, accept: boolean, version: number): Promise<Nomination> {
  return deps.db.transaction().execute(async (trx) => {
    const { nomination, call } = await visibleNomination(trx, actor, nominationId);
    authorize(actor, 'nomination.respond', { authorId: nomination.nomineeId });
    atVersion(nomination, version);
    const problems: FieldProblem[] = [];
    if (nomination.status !== 'pending') problems.push({ field: 'status', key: 'roster.error.notPending' });
    else if (!candidaciesOpen(call, today(deps))) problems.push({ field: 'status', key: 'roster.error.candidaciesClosed' });
    else if (accept) {
      const standing = await standingOf(trx, nomination.nomineeId);
      if (!standing || !isCivilSocietyParticipant(standing)) problems.push({ field: 'status', key: 'roster.error.notEligibleToStand' });
    }
    assertValid(problems);
    const updated = await q.setNominationStatus(trx, nominationId, accept ? 'accepted' : 'declined');
    return recordedNominationChange(trx, actor, call, nomination, updated);
  });
}

/** A nomination's change (answered, withdrawn, moderated) into the history, before and after; returns it as now. */
async function recordedNominationChange(trx: DbOrTx, actor: Actor | null, call: NominationCall, before: Nomination, after: Nomination): Promise<Nomination> {
  await recordHistory(trx, { ...nominationSubject(before, call), action: 'update', actor, before: nominationEntry(before), after: nominationEntry(after) });
  return after;
}

/** The nominee, or whoever made an accepted nomination, withdraws it: until voting opens, or the panel chooses. */
export async function withdrawNomination(deps: RosterDeps, actor: Actor | null, nominationId: number, version: number): Promise<Nomination> {
  return deps.db.transaction().execute(async (trx) => {
    const { nomination, call } = await visibleNomination(trx, actor, nominationId);
    const asNominee = can(actor, 'nomination.withdraw', { authorId: nomination.nomineeId });
    const asNominator = nomination.nominatorId !== null && can(actor, 'nomination.withdraw', { authorId: nomination.nominatorId });
    if (!asNominee && !asNominator) authorize(actor, 'nomination.withdraw', { authorId: nomination.nomineeId });
    atVersion(nomination, version);
    const problems: FieldProblem[] = [];
    if (nomination.status !== 'accepted') problems.push({ field: 'status', key: 'roster.error.notAccepted' });
    else if (!candidaciesOpen(call, today(deps))) problems.push({ field: 'status', key: 'roster.error.candidaciesClosed' });
    assertValid(problems);
    const updated = await q.setNominationStatus(trx, nominationId, 'withdrawn');
    return recordedNominationChange(trx, actor, call, nomination, updated);
  });
}

/** A moderator hides an abusive statement, with a reason shown in its place, or shows it again. */
export async function moderateNomination(deps: RosterDeps, actor: Actor | null, nominationId: number, input: ModerationInput): Promise<Nomination> {
  return deps.db.transaction().execute(async (trx) => {
    const { nomination, call } = await visibleNomination(trx, actor, nominationId);
    authorize(actor, 'nomination.moderate', { planId: call.planId });
    atVersion(nomination, input.version);
    const reason = input.hidden ? text(input.reason) : null;
    if (reason) assertValid(reasonProblems(reason));
    const updated = await q.setNominationHidden(trx, nominationId, reason);
    return recordedNominationChange(trx, actor, call, nomination, updated);
  });
}

const reasonProblems = (reason: Localized): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  requireText('reason', reason, problems);
  return problems;
};

// ---------------------------------------------------------------- the secret ballot

/**
 * One ballot: up to as many nominees as the call has seats, each once, from its accepted nominations, while voting
 * is open, by someone the electorate rule admits who has not voted in this call. Recorded as a mark that the
 * person voted and as counts, apart (ADR 0026); not in the history.
 */
export async function castBallot(deps: RosterDeps, actor: Actor | null, callId: number, input: BallotInput): Promise<void> {
  authorize(actor, 'ballot.cast');
  const voter = actor as Actor;
  await deps.db.transaction().execute(async (trx) => {
    // Ballots of one call take turns, so the voting window and the one-ballot rule hold for each.
    const call = found(await q.findCallById(trx, callId, true));
    const day = today(deps);
    if (!votingOpen(call, day)) {
      const key = call.method !== 'election' ? 'roster.error.noVoting' : 'roster.error.votingClosed';
      throw new ValidationError([{ field: 'nominationIds', key, params: { from: call.votingOpensOn ?? '', to: call.votingClosesOn ?? '' } }]);
    }
    const standing = await standingOf(trx, voter.id);
    if (!standing || !isCivilSocietyParticipant(standing)) throw new ForbiddenError('roster.error.notEligibleToVote');
    if (await q.hasVoted(trx, callId, voter.id)) throw new ValidationError([{ field: 'nominationIds', key: 'roster.error.alreadyVoted' }], {}, 409);
    const candidates = (await q.listNominations(trx, callId, ['accepted'])).map((n) => n.id);
    const marked = [...new Set(input.nominationIds)];
    const problems: FieldProblem[] = [];
    if (marked.length === 0) problems.push({ field: 'nominationIds', key: 'roster.error.markOne' });
    if (marked.length !== input.nominationIds.length) problems.push({ field: 'nominationIds', key: 'roster.error.markedTwice' });
    if (marked.length > call.seats) problems.push({ field: 'nominationIds', key: 'roster.error.tooManyMarks', params: { seats: call.seats } });
    if (marked.some((id) => !candidates.includes(id))) problems.push({ field: 'nominationIds', key: 'roster.error.notACandidate' });
    assertValid(problems);
    await q.castBallot(trx, callId, voter.id, candidates, marked);
  });
}

/** Whether this person has voted in the call (their own ballot page says so; nobody else may ask). */
export async function hasVoted(db: DbOrTx, actor: Actor | null, callId: number): Promise<boolean> {
  return actor !== null && q.hasVoted(db, callId, actor.id);
}

/** Whether the electorate rule admits this person (the ballot page says why not, before they try). */
export async function mayVote(db: DbOrTx, actor: Actor | null): Promise<boolean> {
  if (!actor || !can(actor, 'ballot.cast')) return false;
  const standing = await standingOf(db, actor.id);
  return !!standing && isCivilSocietyParticipant(standing);
}

/** Whether this person may stand (the nominate form says so before a self-nomination). */
export const mayStand = mayVote;

// ---------------------------------------------------------------- the result

async function nomineeNames(db: DbOrTx, nominations: readonly Nomination[]): Promise<Map<number, string>> {
  const people = await publicPeople(
    db,
    nominations.map((n) => n.nomineeId),
  );
  return new Map(nominations.map((n) => [n.id, people.get(n.nomineeId)?.displayName ?? `#${n.id}`]));
}

/**
 * The secretariat publishes the result once voting (or nominations, for a panel) has closed: counts per nominee,
 * turnout, and a tie at the last seats decided by the call's rule (a lot's draw recorded); or the panel's choices,
 * each with its reason. The chosen nominees take seats for the call's term, and the list of who voted is dropped.
 */
export async function publishResult(
  deps: RosterDeps,
  actor: Actor | null,
  callId: number,
  input: ResultInput,
): Promise<{ call: NominationCall; seats: Seat[] }> {
  authorize(actor, 'call.publishResult');
  return deps.db.transaction().execute(async (trx) => {
    const call = foundAtVersion(await q.findCallById(trx, callId, true), input.version);
    authorize(actor, 'call.publishResult', { planId: call.planId });
    if (!resultDue(call, today(deps)))
      throw new ValidationError([
        call.resultPublishedAt !== null
          ? { field: 'version', key: 'roster.error.callPublished' }
          : {
              field: 'version',
              key: 'roster.error.resultNotDue',
              params: { date: call.method === 'panel' ? call.nominationsCloseOn : (call.votingClosesOn ?? '') },
            },
      ]);
    const accepted = await q.listNominations(trx, callId, ['accepted']);
    const note = input.note ? text(input.note) : null;
    const chosen = new Map<number, Localized | null>();
    const votes = new Map<number, number | null>();
    let tieBreak: TieBreak | null = null;
    let eligibleVoters: number | null = null;

    if (call.method === 'election') {
      const tallies = await q.readTallies(trx, callId);
      const standings = await accountStandings(
        trx,
        accepted.map((n) => n.nomineeId),
      );
      const counts = accepted.map((n) => ({
        nominationId: n.id,
        votes: tallies.get(n.id) ?? 0,
        registeredAt: standings.get(n.nomineeId)?.registeredAt ?? new Date(0),
      }));
      const result = electionOutcome(counts, call.seats, call.tieRule ?? 'lot', input.drawn);
      if ('drawNeeded' in result) {
        const names = await nomineeNames(trx, accepted);
        throw new ValidationError([
          {
            field: 'drawn',
            key: 'roster.error.drawNeeded',
            params: { seats: result.drawNeeded.seats, tied: result.drawNeeded.tied.map((id) => names.get(id) ?? `#${id}`).join('、') },
          },
        ]);
      }
      const { outcome } = result;
      if (outcome.tieBreak) {
        const record =
          outcome.tieBreak.rule === 'lot'
            ? text(input.drawRecord)
            : {
                zh: t('zh-TW', 'roster.tie.olderRegistrationRecord'),
                en: t('en', 'roster.tie.olderRegistrationRecord'),
                status: 'reviewed' as const,
              };
        if (outcome.tieBreak.rule === 'lot' && record.zh === '' && record.en === '')
          throw new ValidationError([{ field: 'drawRecord', key: 'roster.error.drawRecord' }]);
        tieBreak = { ...outcome.tieBreak, record };
      }
      for (const r of outcome.ranking) {
        votes.set(r.nominationId, r.votes);
        if (r.elected) chosen.set(r.nominationId, null);
      }
      eligibleVoters = await countCivilSocietyParticipants(trx);
    } else {
      const problems: FieldProblem[] = [];
      const choices = input.choices ?? [];
      if (choices.length === 0) problems.push({ field: 'choices', key: 'roster.error.chooseOne' });
      if (choices.length > call.seats) problems.push({ field: 'choices', key: 'roster.error.tooManyChoices', params: { seats: call.seats } });
      choices.forEach((choice, i) => {
        const reason = text(choice.reason);
        if (!accepted.some((n) => n.id === choice.nominationId)) problems.push({ field: `choices.${i}.nominationId`, key: 'roster.error.notACandidate' });
        else if (chosen.has(choice.nominationId)) problems.push({ field: `choices.${i}.nominationId`, key: 'roster.error.markedTwice' });
        if (reason.zh === '' && reason.en === '') problems.push({ field: `choices.${i}.reason`, key: 'roster.error.reasonRequired' });
        chosen.set(choice.nominationId, reason);
      });
      assertValid(problems);
    }

    const before = accepted.map((n) => ({ nominationId: n.id, votes: n.votes, selected: n.selected }));
    for (const n of accepted)
      await q.setNominationResult(trx, n.id, { votes: votes.get(n.id) ?? null, selected: chosen.has(n.id), reason: chosen.get(n.id) ?? null });
    const published = await q.setCallResult(trx, callId, { publishedAt: deps.now(), eligibleVoters, tieBreak, note });
    await q.forgetVoters(trx, callId);

    const seats: Seat[] = [];
    for (const n of accepted.filter((a) => chosen.has(a.id))) {
      const seat = await q.insertSeat(
        trx,
        {
          planId: call.planId,
          sector: 'civil-society',
          role: 'member',
          startsOn: call.termStartsOn,
          endsOn: call.termEndsOn,
          userId: n.nomineeId,
          holderName: emptyLocalized(),
          agencyId: null,
          filledBy: call.method === 'election' ? 'elected' : 'panel-selected',
          callId: call.id,
          nominationId: n.id,
          replacesSeatId: null,
        },
        deps.demo,
      );
      await syncSeatGrant(trx, seat);
      await recordHistory(trx, { ...seatSubject(seat), action: 'create', actor, before: null, after: seat });
      seats.push(seat);
    }
    await recordHistory(trx, {
      ...callSubject(call),
      action: 'decide',
      actor,
      before: { result: null, results: before },
      after: {
        result: { publishedAt: published.resultPublishedAt, ballotsCast: call.method === 'election' ? call.ballotsCast : null, eligibleVoters, tieBreak, note },
        results: accepted.map((n) => ({ nominationId: n.id, votes: votes.get(n.id) ?? null, selected: chosen.has(n.id), reason: chosen.get(n.id) ?? null })),
        seatIds: seats.map((s) => s.id),
      },
    });
    return { call: published, seats };
  });
}

// ---------------------------------------------------------------- a deleted account

export const erasePersonalData = (trx: DbOrTx, userId: number): Promise<void> => q.erasePerson(trx, userId);
