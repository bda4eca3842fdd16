/**
 * All SQL for the forum's seats, its rules, calls for nominations, nominations and the secret ballot. Each function
 * takes the db or a transaction first. The ballot's two tables are written only here, by `castBallot`, and read only
 * as totals (ADR 0026): no function returns who voted for whom, because nothing stored can say it.
 */
import { sql, type Selectable } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { byIds, firstRow, lockedIf, updateVersioned, writtenRow } from '../../db/row-queries.js';
import type { Localized } from '../../domain/localized.js';
import type {
  CallMethod,
  CallValues,
  FilledBy,
  ForumRules,
  Nomination,
  NominationCall,
  NominationStatus,
  Seat,
  SeatRole,
  SeatValues,
  Sector,
  TieBreak,
  TieRule,
} from './roster.model.js';
import type { ForumRulesTable, ForumSeatsTable, NominationCallsTable, NominationsTable } from './roster.table.js';

// ---- row mapping: the one place where columns become model objects ----

export const toSeat = (r: Selectable<ForumSeatsTable>): Seat => ({
  id: r.id,
  planId: r.plan_id,
  sector: r.sector as Sector,
  role: r.role as SeatRole,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  userId: r.user_id,
  holderName: r.holder_name,
  agencyId: r.agency_id,
  filledBy: r.filled_by as FilledBy,
  callId: r.call_id,
  nominationId: r.nomination_id,
  replacesSeatId: r.replaces_seat_id,
  isDemo: r.is_demo,
  version: r.version,
});

export const toRules = (r: Selectable<ForumRulesTable>): ForumRules => ({
  id: r.id,
  planId: r.plan_id,
  number: r.number,
  effectiveOn: r.effective_on,
  body: r.body,
  changeNote: r.change_note,
  publishedAt: r.published_at,
  isDemo: r.is_demo,
  version: r.version,
});

export const toCall = (r: Selectable<NominationCallsTable>): NominationCall => ({
  id: r.id,
  planId: r.plan_id,
  title: r.title,
  seats: r.seats,
  eligibility: r.eligibility,
  nominationsOpenOn: r.nominations_open_on,
  nominationsCloseOn: r.nominations_close_on,
  termStartsOn: r.term_starts_on,
  termEndsOn: r.term_ends_on,
  method: r.method as CallMethod,
  votingOpensOn: r.voting_opens_on,
  votingClosesOn: r.voting_closes_on,
  tieRule: r.tie_rule as TieRule | null,
  panel: r.panel,
  ballotsCast: r.ballots_cast,
  resultPublishedAt: r.result_published_at,
  eligibleVoters: r.eligible_voters,
  tieBreak: r.tie_break,
  resultNote: r.result_note,
  isDemo: r.is_demo,
  version: r.version,
});

export const toNomination = (r: Selectable<NominationsTable>): Nomination => ({
  id: r.id,
  callId: r.call_id,
  nomineeId: r.nominee_id,
  nominatorId: r.nominator_id,
  selfNominated: r.self_nominated,
  statement: r.statement,
  status: r.status as NominationStatus,
  hiddenReason: r.hidden_reason,
  votes: r.votes,
  selected: r.selected,
  selectionReason: r.selection_reason,
  isDemo: r.is_demo,
  version: r.version,
});

// ---- seats ----

const seatColumns = (s: SeatValues) => ({
  plan_id: s.planId,
  sector: s.sector,
  role: s.role,
  starts_on: s.startsOn,
  ends_on: s.endsOn,
  user_id: s.userId,
  holder_name: jsonb(s.holderName),
  agency_id: s.agencyId,
  filled_by: s.filledBy,
  call_id: s.callId,
  nomination_id: s.nominationId,
  replaces_seat_id: s.replacesSeatId,
});

/** A plan's seats, past and present, in the order they began. */
export async function listSeats(db: DbOrTx, planId: number): Promise<Seat[]> {
  const rows = await db.selectFrom('forum_seats').selectAll().where('plan_id', '=', planId).orderBy('starts_on').orderBy('id').execute();
  return rows.map(toSeat);
}

export function findSeatById(db: DbOrTx, id: number, forUpdate = false): Promise<Seat | undefined> {
  return firstRow(lockedIf(db.selectFrom('forum_seats').selectAll().where('id', '=', id), forUpdate), toSeat);
}

/** The seat that took over this one, if any. */
export function findSeatReplacing(db: DbOrTx, seatId: number): Promise<Seat | undefined> {
  return firstRow(db.selectFrom('forum_seats').selectAll().where('replaces_seat_id', '=', seatId), toSeat);
}

export function insertSeat(db: DbOrTx, s: SeatValues, isDemo = false): Promise<Seat> {
  return writtenRow(db.insertInto('forum_seats').values({ ...seatColumns(s), is_demo: isDemo }), toSeat);
}

export function updateSeatRow(db: DbOrTx, id: number, s: SeatValues): Promise<Seat> {
  return writtenRow(updateVersioned(db, 'forum_seats', id, seatColumns(s)), toSeat);
}

export async function deleteSeatRow(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('forum_seats').where('id', '=', id).execute();
}

// ---- rules ----

/** Every version of a plan's rules, newest first. */
export async function listRules(db: DbOrTx, planId: number): Promise<ForumRules[]> {
  const rows = await db.selectFrom('forum_rules').selectAll().where('plan_id', '=', planId).orderBy('number', 'desc').execute();
  return rows.map(toRules);
}

/** The version in force: the highest number. */
export function latestRules(db: DbOrTx, planId: number): Promise<ForumRules | undefined> {
  return firstRow(db.selectFrom('forum_rules').selectAll().where('plan_id', '=', planId).orderBy('number', 'desc').limit(1), toRules);
}

export function findRulesByNumber(db: DbOrTx, planId: number, number: number): Promise<ForumRules | undefined> {
  return firstRow(db.selectFrom('forum_rules').selectAll().where('plan_id', '=', planId).where('number', '=', number), toRules);
}

export function findRulesById(db: DbOrTx, id: number, forUpdate = false): Promise<ForumRules | undefined> {
  return firstRow(lockedIf(db.selectFrom('forum_rules').selectAll().where('id', '=', id), forUpdate), toRules);
}

export type RulesValues = Pick<ForumRules, 'planId' | 'number' | 'effectiveOn' | 'body' | 'changeNote'>;

/** A version published at `publishedAt` (the service's clock, so the demo's versions carry their own dates). */
export function insertRules(db: DbOrTx, r: RulesValues, publishedAt: Date, isDemo = false): Promise<ForumRules> {
  return writtenRow(
    db.insertInto('forum_rules').values({
      plan_id: r.planId,
      published_at: publishedAt,
      number: r.number,
      effective_on: r.effectiveOn,
      body: jsonb(r.body),
      change_note: jsonb(r.changeNote),
      is_demo: isDemo,
    }),
    toRules,
  );
}

export function updateRulesRow(db: DbOrTx, id: number, r: Pick<ForumRules, 'effectiveOn' | 'body' | 'changeNote'>): Promise<ForumRules> {
  return writtenRow(updateVersioned(db, 'forum_rules', id, { effective_on: r.effectiveOn, body: jsonb(r.body), change_note: jsonb(r.changeNote) }), toRules);
}

// ---- calls ----

const callColumns = (c: CallValues) => ({
  plan_id: c.planId,
  title: jsonb(c.title),
  seats: c.seats,
  eligibility: jsonb(c.eligibility),
  nominations_open_on: c.nominationsOpenOn,
  nominations_close_on: c.nominationsCloseOn,
  term_starts_on: c.termStartsOn,
  term_ends_on: c.termEndsOn,
  method: c.method,
  voting_opens_on: c.votingOpensOn,
  voting_closes_on: c.votingClosesOn,
  tie_rule: c.tieRule,
  panel: jsonb(c.panel),
});

/** A plan's calls, the latest first. */
export async function listCalls(db: DbOrTx, planId: number): Promise<NominationCall[]> {
  const rows = await db
    .selectFrom('nomination_calls')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('nominations_open_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toCall);
}

export function findCallById(db: DbOrTx, id: number, forUpdate = false): Promise<NominationCall | undefined> {
  return firstRow(lockedIf(db.selectFrom('nomination_calls').selectAll().where('id', '=', id), forUpdate), toCall);
}

export function findCallsByIds(db: DbOrTx, ids: readonly number[]): Promise<Map<number, NominationCall>> {
  return byIds(ids, (unique) => db.selectFrom('nomination_calls').selectAll().where('id', 'in', unique).execute(), toCall);
}

export function insertCall(db: DbOrTx, c: CallValues, isDemo = false): Promise<NominationCall> {
  return writtenRow(db.insertInto('nomination_calls').values({ ...callColumns(c), is_demo: isDemo }), toCall);
}

export function updateCallRow(db: DbOrTx, id: number, c: CallValues): Promise<NominationCall> {
  return writtenRow(updateVersioned(db, 'nomination_calls', id, callColumns(c)), toCall);
}

export interface CallResultValues {
  publishedAt: Date;
  eligibleVoters: number | null;
  tieBreak: TieBreak | null;
  note: Localized | null;
}

export function setCallResult(db: DbOrTx, id: number, r: CallResultValues): Promise<NominationCall> {
  return writtenRow(
    updateVersioned(db, 'nomination_calls', id, {
      result_published_at: r.publishedAt,
      eligible_voters: r.eligibleVoters,
      tie_break: r.tieBreak === null ? null : jsonb(r.tieBreak),
      result_note: r.note === null ? null : jsonb(r.note),
    }),
    toCall,
  );
}

// ---- nominations ----

/** A call's nominations in these states (all when none are given), in the order they were made. */
export async function listNominations(db: DbOrTx, callId: number, statuses?: readonly NominationStatus[]): Promise<Nomination[]> {
  let q = db.selectFrom('nominations').selectAll().where('call_id', '=', callId);
  if (statuses) q = q.where('status', 'in', [...statuses]);
  const rows = await q.orderBy('id').execute();
  return rows.map(toNomination);
}

/** Accepted nominations per call, for the call list. */
export async function countAcceptedNominations(db: DbOrTx, callIds: readonly number[]): Promise<Map<number, number>> {
  if (callIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('nominations')
    .select(['call_id', sql<number>`count(*)::int`.as('n')])
    .where('call_id', 'in', [...callIds])
    .where('status', '=', 'accepted')
    .groupBy('call_id')
    .execute();
  return new Map(rows.map((r) => [r.call_id, r.n]));
}

export function findNominationById(db: DbOrTx, id: number, forUpdate = false): Promise<Nomination | undefined> {
  return firstRow(lockedIf(db.selectFrom('nominations').selectAll().where('id', '=', id), forUpdate), toNomination);
}

export function findNominationsByIds(db: DbOrTx, ids: readonly number[]): Promise<Map<number, Nomination>> {
  return byIds(ids, (unique) => db.selectFrom('nominations').selectAll().where('id', 'in', unique).execute(), toNomination);
}

/** The nominations a person received or made, the latest first. */
export async function listNominationsOfPerson(db: DbOrTx, userId: number): Promise<Nomination[]> {
  const rows = await db
    .selectFrom('nominations')
    .selectAll()
    .where((eb) => eb.or([eb('nominee_id', '=', userId), eb('nominator_id', '=', userId)]))
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toNomination);
}

export interface NewNomination {
  callId: number;
  nomineeId: number;
  nominatorId: number;
  statement: Localized;
  status: NominationStatus;
}

/** A nomination, unless the nominee already has one in this call (then nothing, and undefined). */
export async function insertNomination(db: DbOrTx, n: NewNomination, isDemo = false): Promise<Nomination | undefined> {
  const row = await db
    .insertInto('nominations')
    .values({
      call_id: n.callId,
      nominee_id: n.nomineeId,
      nominator_id: n.nominatorId,
      self_nominated: n.nomineeId === n.nominatorId,
      statement: jsonb(n.statement),
      status: n.status,
      is_demo: isDemo,
    })
    .onConflict((oc) => oc.columns(['call_id', 'nominee_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row && toNomination(row);
}

export function setNominationStatus(db: DbOrTx, id: number, status: NominationStatus): Promise<Nomination> {
  return writtenRow(updateVersioned(db, 'nominations', id, { status }), toNomination);
}

export function setNominationHidden(db: DbOrTx, id: number, reason: Localized | null): Promise<Nomination> {
  return writtenRow(updateVersioned(db, 'nominations', id, { hidden_reason: reason === null ? null : jsonb(reason) }), toNomination);
}

export function setNominationResult(db: DbOrTx, id: number, r: { votes: number | null; selected: boolean; reason: Localized | null }): Promise<Nomination> {
  return writtenRow(
    updateVersioned(db, 'nominations', id, { votes: r.votes, selected: r.selected, selection_reason: r.reason === null ? null : jsonb(r.reason) }),
    toNomination,
  );
}

// ---- the secret ballot ----

export async function hasVoted(db: DbOrTx, callId: number, userId: number): Promise<boolean> {
  return (await db.selectFrom('call_voters').select('user_id').where('call_id', '=', callId).where('user_id', '=', userId).executeTakeFirst()) !== undefined;
}

/**
 * One ballot, in the caller's transaction: the voter is marked (a second ballot hits the primary key), the count of
 * ballots goes up, and every tally row of the call is rewritten — plus one for the marked nominations, plus zero for
 * the rest — so the row versions one ballot leaves behind are the same whichever nominees it marked (ADR 0026).
 */
export async function castBallot(db: DbOrTx, callId: number, voterId: number, candidates: readonly number[], marked: readonly number[]): Promise<void> {
  await db.insertInto('call_voters').values({ call_id: callId, user_id: voterId }).execute();
  await db
    .updateTable('nomination_calls')
    .set({ ballots_cast: sql<number>`ballots_cast + 1` })
    .where('id', '=', callId)
    .execute();
  if (candidates.length === 0) return;
  await db
    .insertInto('ballot_tallies')
    .values(candidates.map((id) => ({ call_id: callId, nomination_id: id, votes: 0 })))
    .onConflict((oc) => oc.columns(['call_id', 'nomination_id']).doNothing())
    .execute();
  const marks = marked.length === 0 ? sql<number>`0` : sql<number>`case when nomination_id in (${sql.join([...marked])}) then 1 else 0 end`;
  await db
    .updateTable('ballot_tallies')
    .set({ votes: sql<number>`votes + ${marks}` })
    .where('call_id', '=', callId)
    .execute();
}

/** The votes per nomination of a call (totals only). */
export async function readTallies(db: DbOrTx, callId: number): Promise<Map<number, number>> {
  const rows = await db.selectFrom('ballot_tallies').select(['nomination_id', 'votes']).where('call_id', '=', callId).execute();
  return new Map(rows.map((r) => [r.nomination_id, r.votes]));
}

/** Once the result is published the list of who voted has served its one purpose. */
export async function forgetVoters(db: DbOrTx, callId: number): Promise<void> {
  await db.deleteFrom('call_voters').where('call_id', '=', callId).execute();
}

// ---- a deleted account ----

/**
 * What the roster keeps of a deleted account: seats it held and candidacies it accepted stay public (shown as a
 * former participant's); nominations it never accepted go, it is no longer named as anyone's nominator, and no
 * longer listed as having voted.
 */
export async function erasePerson(db: DbOrTx, userId: number): Promise<void> {
  await db.deleteFrom('nominations').where('nominee_id', '=', userId).where('status', '<>', 'accepted').execute();
  await db.updateTable('nominations').set({ nominator_id: null }).where('nominator_id', '=', userId).execute();
  await db.deleteFrom('call_voters').where('user_id', '=', userId).execute();
}
