/**
 * The forum's members as open data (ADR 0030): every seat of the forum (推動小組), past and present, as the public
 * roster shows it — sector, role, term, the holder's name, the agency of a government seat, how it was filled (and
 * by which call for nominations) and the earlier seat it continues — and the calls for nominations. Seats and calls
 * are public records in every state (roster.visibility.ts).
 *
 * - People: no account id, no e-mail address. The holder is the name the roster shows: the account's public name
 *   when the seat has an account ("former participant" once it is deleted), else the name stored for an official
 *   without one. An import writes it back as `holder_name` with no account (`user_id` NULL), so the seat gives no
 *   forum role until the secretariat names the account; on an update, a seat that has an account keeps it (and its
 *   forum role follows the imported term).
 * - Calls for nominations (徵求提名) are exported as their public page shows them: what they offer, their dates, how
 *   they are decided, and — once published, not before (ballots are counted as they are cast) — the result's counts,
 *   turnout's denominator and note. How a tie was broken (`tie_break`) is not exported: it names nominations.
 *   Nominations are not exported at all: a nomination cannot exist without its nominee's account (an import could not
 *   bring one back), and only accepted ones are public. So a seat's nomination (`nomination_id`) is left out, and so
 *   is a call's tie break: an import keeps the stored ones on an update and leaves a new row without.
 * - An import files each change in the history as the roster's use cases do (a 'seat' or a 'nomination-call', under
 *   no commitment), and moves the id sequences past the imported ids.
 */
import type { DbOrTx } from '../../db/connection.js';
import { jsonb } from '../../db/connection.js';
import { movePastIds, updateVersioned, countPlanRows } from '../../db/row-queries.js';
import type { Localized } from '../../domain/localized.js';
import type { FieldProblem } from '../../domain/plan.js';
import { ValidationError } from '../../errors.js';
import { t } from '../../web/i18n.js';
import { changedRows, cell, column, type OpenDataColumn, type OpenDataEntity, type OpenDataRow } from '../../web/open-data.js';
import { deleteGrantsFrom, insertGrant, publicPeople } from '../accounts/index.js';
import { recordImportedRow } from '../history/index.js';
import {
  CALL_METHODS,
  checkCall,
  checkSeat,
  FILLED_BY,
  SEAT_ROLES,
  SECTORS,
  seatGrant,
  seatGrantSource,
  TIE_RULES,
  type CallMethod,
  type FilledBy,
  type SeatRole,
  type Sector,
  type TieRule,
} from './roster.model.js';

/** A holder's name as the roster shows it, as a pair: the account's public name, or "former participant". */
const shownName = (displayName: string | null | undefined): Localized =>
  displayName
    ? { zh: displayName, en: displayName, status: 'reviewed' }
    : { zh: t('zh-TW', 'people.formerParticipant'), en: t('en', 'people.formerParticipant'), status: 'reviewed' };

// ---- calls for nominations ----

/** An instant as exported: ISO 8601 in UTC to the millisecond (`Date.toISOString`). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isInstant = (value: unknown): boolean => typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));

export const callColumns: readonly OpenDataColumn[] = [
  column('id', 'Call ID', 'int', 'The call for nominations’ identifier on this site.', '本站的提名徵求識別碼。'),
  column('planId', 'Action Plan ID', 'int', 'The plan whose forum the call fills seats of.', '所屬行動方案。', { references: 'plans' }),
  column('title', 'Call Title', 'localized', 'The call’s title.', '提名徵求名稱。', { max: 300 }),
  column('seats', 'Seats Offered', 'int', 'How many civil-society seats the call fills (1 to 50).', '本次徵求的民間委員名額（1 至 50）。'),
  column('eligibility', 'Eligibility', 'localized', 'Who may be nominated.', '被提名資格。'),
  column('nominationsOpenOn', 'Nominations Open', 'date', 'The first day of nominations (YYYY-MM-DD).', '提名開始日（YYYY-MM-DD）。'),
  column('nominationsCloseOn', 'Nominations Close', 'date', 'The last day of nominations (YYYY-MM-DD).', '提名截止日（YYYY-MM-DD）。'),
  column('termStartsOn', 'Term Start', 'date', 'The first day of the seats’ term (YYYY-MM-DD).', '席次任期起日（YYYY-MM-DD）。'),
  column('termEndsOn', 'Term End', 'date', 'The last day of the seats’ term (YYYY-MM-DD).', '席次任期迄日（YYYY-MM-DD）。'),
  column(
    'method',
    'Selection Method',
    'enum',
    'election (a secret ballot of the forum’s electorate) or panel (chosen by a named panel).',
    '產生方式：票選（election，不記名投票）或遴選（panel，由具名遴選小組決定）。',
    { values: CALL_METHODS },
  ),
  column('votingOpensOn', 'Voting Opens', 'date', 'The first day of voting, for an election (YYYY-MM-DD).', '投票開始日（票選時，YYYY-MM-DD）。', {
    nullable: true,
  }),
  column('votingClosesOn', 'Voting Closes', 'date', 'The last day of voting, for an election (YYYY-MM-DD).', '投票截止日（票選時，YYYY-MM-DD）。', {
    nullable: true,
  }),
  column(
    'tieRule',
    'Tie Rule',
    'enum',
    'How a tie at the last seat is decided, for an election: lot (a public draw) or older-registration.',
    '票選最後名額同票時的決定方式：公開抽籤（lot）或較早註冊者（older-registration）。',
    { values: TIE_RULES, nullable: true },
  ),
  column('panel', 'Selection Panel', 'localized', 'The panel’s members, named (panel method).', '遴選小組成員（遴選時）。'),
  column(
    'resultPublishedAt',
    'Result Published At',
    'text',
    'When the result was published (ISO 8601, UTC); empty until then.',
    '結果公布時間（ISO 8601，UTC）；公布前為空白。',
    { nullable: true, max: 30 },
  ),
  column(
    'ballotsCast',
    'Ballots Cast',
    'int',
    'How many voted, for an election whose result is published (empty otherwise: ballots are not counted in public before).',
    '投票人數（票選且結果已公布時；其他情形為空白，公布前不公開）。',
    { nullable: true },
  ),
  column(
    'eligibleVoters',
    'Eligible Voters',
    'int',
    'How many could vote when voting closed, counted at publication (the turnout’s denominator).',
    '投票截止時具投票資格的人數，於公布時計算（投票率的分母）。',
    { nullable: true },
  ),
  column('resultNote', 'Result Note', 'localized', 'What the secretariat published with the result.', '公布結果時的說明。', { nullable: true }),
];

type CallRead = {
  id: number;
  plan_id: number;
  title: Localized;
  seats: number;
  eligibility: Localized;
  nominations_open_on: string;
  nominations_close_on: string;
  term_starts_on: string;
  term_ends_on: string;
  method: string;
  voting_opens_on: string | null;
  voting_closes_on: string | null;
  tie_rule: string | null;
  panel: Localized;
  ballots_cast: number;
  result_published_at: Date | null;
  eligible_voters: number | null;
  result_note: Localized | null;
};

const pairOf = (l: Localized): Localized => ({ zh: l.zh, en: l.en, status: l.status });

const callRow = (r: CallRead): OpenDataRow => ({
  id: r.id,
  planId: r.plan_id,
  title: pairOf(r.title),
  seats: r.seats,
  eligibility: pairOf(r.eligibility),
  nominationsOpenOn: r.nominations_open_on,
  nominationsCloseOn: r.nominations_close_on,
  termStartsOn: r.term_starts_on,
  termEndsOn: r.term_ends_on,
  method: r.method,
  votingOpensOn: r.voting_opens_on,
  votingClosesOn: r.voting_closes_on,
  tieRule: r.tie_rule,
  panel: pairOf(r.panel),
  resultPublishedAt: r.result_published_at ? r.result_published_at.toISOString() : null,
  // Counted as ballots are cast: public only with the published result (roster.visibility.ts), as the API shows it.
  ballotsCast: r.result_published_at !== null && r.method === 'election' ? r.ballots_cast : null,
  eligibleVoters: r.eligible_voters,
  resultNote: r.result_note === null ? null : pairOf(r.result_note),
});

const selectCalls = (db: DbOrTx) =>
  db
    .selectFrom('nomination_calls')
    .select([
      'id',
      'plan_id',
      'title',
      'seats',
      'eligibility',
      'nominations_open_on',
      'nominations_close_on',
      'term_starts_on',
      'term_ends_on',
      'method',
      'voting_opens_on',
      'voting_closes_on',
      'tie_rule',
      'panel',
      'ballots_cast',
      'result_published_at',
      'eligible_voters',
      'result_note',
    ]);

export const nominationCallsEntity: OpenDataEntity = {
  name: 'nominationCalls',
  title: { en: 'Calls for nominations', zh: '委員提名徵求' },
  description: {
    en: 'Open calls for nominations to the forum’s civil-society seats, decided by a secret-ballot election or a named panel, with the published result’s counts. Nominations and ballots are not included.',
    zh: '推動小組民間委員席次的公開提名徵求，以不記名票選或具名遴選小組決定，含已公布結果的人數。不含提名與選票。',
  },
  order: 180,
  columns: callColumns,
  async count(db, scope) {
    return countPlanRows(db, 'nomination_calls', scope.planId);
  },
  async read(db, scope, afterId, limit) {
    let q = selectCalls(db).where('id', '>', afterId);
    if (scope.planId !== null) q = q.where('plan_id', '=', scope.planId);
    return (await q.orderBy('id').limit(limit).execute()).map(callRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    return new Map((await selectCalls(db).where('id', 'in', ids).execute()).map((r) => [r.id, callRow(r)]));
  },
  check: (row) => {
    const problems: FieldProblem[] = checkCall({
      planId: row.planId as number,
      title: row.title as Localized,
      seats: row.seats as number,
      eligibility: row.eligibility as Localized,
      nominationsOpenOn: row.nominationsOpenOn as string,
      nominationsCloseOn: row.nominationsCloseOn as string,
      termStartsOn: row.termStartsOn as string,
      termEndsOn: row.termEndsOn as string,
      method: row.method as CallMethod,
      votingOpensOn: row.votingOpensOn as string | null,
      votingClosesOn: row.votingClosesOn as string | null,
      tieRule: row.tieRule as TieRule | null,
      panel: row.panel as Localized,
    });
    const seats = row.seats as number;
    if (seats < 1 || seats > 50) problems.push({ field: 'seats', key: 'roster.error.seats' });
    const published = row.resultPublishedAt !== null;
    if (published && !isInstant(row.resultPublishedAt)) problems.push({ field: 'resultPublishedAt', key: 'error.invalid' });
    // The counts are public only with the result: a count without a published result would be a secret.
    const counted = published && row.method === 'election';
    if (counted !== (row.ballotsCast !== null) || (row.ballotsCast !== null && (row.ballotsCast as number) < 0))
      problems.push({ field: 'ballotsCast', key: 'error.invalid' });
    if (row.eligibleVoters !== null && (!published || (row.eligibleVoters as number) < 0)) problems.push({ field: 'eligibleVoters', key: 'error.invalid' });
    if (row.resultNote !== null && !published) problems.push({ field: 'resultNote', key: 'error.invalid' });
    return problems;
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(callColumns, rows, before);
    for (const { row, before: stored } of changes) {
      const id = cell.int(row, 'id');
      const published = cell.textOrNull(row, 'resultPublishedAt');
      const values = {
        plan_id: cell.int(row, 'planId'),
        title: jsonb(cell.localized(row, 'title')),
        seats: cell.int(row, 'seats'),
        eligibility: jsonb(cell.localized(row, 'eligibility')),
        nominations_open_on: cell.text(row, 'nominationsOpenOn'),
        nominations_close_on: cell.text(row, 'nominationsCloseOn'),
        term_starts_on: cell.text(row, 'termStartsOn'),
        term_ends_on: cell.text(row, 'termEndsOn'),
        method: cell.text(row, 'method'),
        voting_opens_on: cell.textOrNull(row, 'votingOpensOn'),
        voting_closes_on: cell.textOrNull(row, 'votingClosesOn'),
        tie_rule: cell.textOrNull(row, 'tieRule'),
        panel: jsonb(cell.localized(row, 'panel')),
        result_published_at: published === null ? null : new Date(published),
        // Ballots counted while voting is under way are not in the file: they stay as stored until the result.
        ...(row.ballotsCast === null ? {} : { ballots_cast: cell.int(row, 'ballotsCast') }),
        eligible_voters: cell.intOrNull(row, 'eligibleVoters'),
        result_note: row.resultNote === null ? null : jsonb(cell.localized(row, 'resultNote')),
      };
      if (stored) await updateVersioned(trx, 'nomination_calls', id, values).execute();
      else
        await trx
          .insertInto('nomination_calls')
          .values({ id, ...values })
          .execute();
      await recordImportedRow(trx, {
        entityType: 'nomination-call',
        entityId: id,
        planId: values.plan_id,
        commitmentId: null,
        actor,
        before: stored,
        after: row,
      });
    }
    await movePastIds(trx, 'nomination_calls');
  },
};

// ---- seats ----

export const seatColumns: readonly OpenDataColumn[] = [
  column('id', 'Seat ID', 'int', 'The seat’s identifier on this site.', '本站的席次識別碼。'),
  column('planId', 'Action Plan ID', 'int', 'The plan whose forum the seat belongs to.', '所屬行動方案。', { references: 'plans' }),
  column('sector', 'Sector', 'enum', 'government, civil-society or other.', '部門：政府（government）、民間（civil-society）或其他（other）。', {
    values: SECTORS,
  }),
  column('role', 'Forum Role', 'enum', 'convener, co-convener or member.', '推動小組職務：召集人（convener）、共同召集人（co-convener）或委員（member）。', {
    values: SEAT_ROLES,
  }),
  column('startsOn', 'Term Start', 'date', 'The first day of the term (YYYY-MM-DD).', '任期起日（YYYY-MM-DD）。'),
  column(
    'endsOn',
    'Term End',
    'date',
    'The last day of the term (YYYY-MM-DD); empty: held until replaced (a seat held by office).',
    '任期迄日（YYYY-MM-DD）；空白表示至改派為止（依職務擔任）。',
    { nullable: true },
  ),
  column(
    'holderName',
    'Member Name',
    'localized',
    'The member as the roster shows them (empty: vacant). Never an account or an e-mail address.',
    '委員姓名，依名單顯示（空白表示出缺）。不含帳號或電子郵件。',
    { max: 300 },
  ),
  column('agencyId', 'Agency ID', 'int', 'The agency of a government seat.', '政府席次所屬機關。', { nullable: true, references: 'agencies' }),
  column(
    'filledBy',
    'How Filled',
    'enum',
    'appointed, elected (by the forum’s secret ballot) or panel-selected (both by a call for nominations).',
    '產生方式：指派（appointed）、票選（elected）或遴選（panel-selected）（後二者經提名徵求）。',
    { values: FILLED_BY },
  ),
  column('callId', 'Call ID', 'int', 'The call for nominations that filled an elected or panel-selected seat.', '產生票選或遴選席次的提名徵求。', {
    nullable: true,
    references: 'nominationCalls',
  }),
  column(
    'replacesSeatId',
    'Replaces Seat ID',
    'int',
    'The earlier seat this one continues, if any (that seat is then a past seat, not a vacancy).',
    '本席次接續的較早席次（若有；該席次即列為歷任，而非出缺）。',
    { nullable: true, references: 'forumSeats' },
  ),
];

type SeatRead = {
  id: number;
  plan_id: number;
  sector: string;
  role: string;
  starts_on: string;
  ends_on: string | null;
  user_id: number | null;
  holder_name: Localized;
  agency_id: number | null;
  filled_by: string;
  call_id: number | null;
  replaces_seat_id: number | null;
};

const selectSeats = (db: DbOrTx) =>
  db
    .selectFrom('forum_seats')
    .select(['id', 'plan_id', 'sector', 'role', 'starts_on', 'ends_on', 'user_id', 'holder_name', 'agency_id', 'filled_by', 'call_id', 'replaces_seat_id']);

async function seatRows(db: DbOrTx, reads: readonly SeatRead[]): Promise<OpenDataRow[]> {
  const people = await publicPeople(
    db,
    reads.flatMap((r) => (r.user_id === null ? [] : [r.user_id])),
  );
  return reads.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    sector: r.sector,
    role: r.role,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    // As the roster's SeatHolder shows it: the account's name when there is one, else the stored name.
    holderName:
      r.user_id === null ? { zh: r.holder_name.zh, en: r.holder_name.en, status: r.holder_name.status } : shownName(people.get(r.user_id)?.displayName),
    agencyId: r.agency_id,
    filledBy: r.filled_by,
    callId: r.call_id,
    replacesSeatId: r.replaces_seat_id,
  }));
}

/** A seat is written after the seat of the file it continues (the column refers to a row that must exist). */
function continuedFirst<T extends { row: OpenDataRow }>(changes: readonly T[]): T[] {
  const pending = new Map(changes.map((c) => [c.row.id as number, c]));
  const ordered: T[] = [];
  const visit = (c: T, depth: number) => {
    if (!pending.has(c.row.id as number)) return;
    pending.delete(c.row.id as number);
    const earlier = c.row.replacesSeatId === null ? undefined : pending.get(c.row.replacesSeatId as number);
    if (earlier && depth < changes.length) visit(earlier, depth + 1);
    ordered.push(c);
  };
  for (const c of changes) visit(c, 0);
  return ordered;
}

export const forumSeatsEntity: OpenDataEntity = {
  name: 'forumSeats',
  title: { en: 'Forum members', zh: '推動小組委員' },
  description: {
    en: 'The seats of the multi-stakeholder forum, past and present: sector, role, term, the member as the roster shows them, agency and how the seat was filled.',
    zh: '推動小組（多方利害關係人論壇）的歷任與現任席次：部門、職務、任期、委員姓名（依名單顯示）、機關及產生方式。',
  },
  order: 190,
  columns: seatColumns,
  async count(db, scope) {
    return countPlanRows(db, 'forum_seats', scope.planId);
  },
  async read(db, scope, afterId, limit) {
    let q = selectSeats(db).where('id', '>', afterId);
    if (scope.planId !== null) q = q.where('plan_id', '=', scope.planId);
    return seatRows(db, await q.orderBy('id').limit(limit).execute());
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    const rows = await seatRows(db, await selectSeats(db).where('id', 'in', ids).execute());
    return new Map(rows.map((r) => [r.id as number, r]));
  },
  check: (row) => {
    const problems: FieldProblem[] = checkSeat({
      planId: row.planId as number,
      sector: row.sector as Sector,
      role: row.role as SeatRole,
      startsOn: row.startsOn as string,
      endsOn: row.endsOn as string | null,
      userId: null,
      holderName: row.holderName as Localized,
      agencyId: row.agencyId as number | null,
      filledBy: row.filledBy as FilledBy,
      callId: row.callId as number | null,
      nominationId: null,
      replacesSeatId: row.replacesSeatId as number | null,
    });
    if (row.replacesSeatId !== null && row.replacesSeatId === row.id) problems.push({ field: 'replacesSeatId', key: 'roster.error.replacesSeat' });
    return problems;
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(seatColumns, rows, before);
    if (changes.length === 0) return;
    // A seat is continued by one seat at most, of its own plan (the file's rows and the stored ones).
    const problems: FieldProblem[] = [];
    const continued = new Map<number, number>();
    for (const row of rows) {
      if (row.replacesSeatId === null) continue;
      if (continued.has(row.replacesSeatId as number))
        problems.push({ field: `forumSeats.replacesSeatId (ID ${row.id as number})`, key: 'roster.error.replacesSeat' });
      continued.set(row.replacesSeatId as number, row.id as number);
    }
    const planOf = new Map(rows.map((r) => [r.id as number, r.planId as number]));
    const earlier = [...continued.keys()].filter((id) => !planOf.has(id));
    if (earlier.length > 0)
      for (const s of await trx.selectFrom('forum_seats').select(['id', 'plan_id']).where('id', 'in', earlier).execute()) planOf.set(s.id, s.plan_id);
    for (const [earlierId, id] of continued)
      if (planOf.get(earlierId) !== planOf.get(id)) problems.push({ field: `forumSeats.replacesSeatId (ID ${id})`, key: 'roster.error.replacesSeat' });
    // A seat's call is one of its plan (the file's calls are written before its seats).
    const callIds = [...new Set(rows.flatMap((r) => (r.callId === null ? [] : [r.callId as number])))];
    const callPlan = new Map<number, number>();
    if (callIds.length > 0)
      for (const c of await trx.selectFrom('nomination_calls').select(['id', 'plan_id']).where('id', 'in', callIds).execute()) callPlan.set(c.id, c.plan_id);
    for (const row of rows)
      if (row.callId !== null && callPlan.get(row.callId as number) !== row.planId)
        problems.push({ field: `forumSeats.callId (ID ${row.id as number})`, key: 'roster.error.unknownCall' });
    if (problems.length > 0) throw new ValidationError(problems.slice(0, 100));

    const ids = changes.map((c) => c.row.id as number);
    // What the export does not carry stays as stored: the holder's account.
    const accounts = new Map((await trx.selectFrom('forum_seats').select(['id', 'user_id']).where('id', 'in', ids).execute()).map((r) => [r.id, r.user_id]));
    // Continuations move in two steps, so that seats of the file may pass a continuation from one to another.
    const moved = changes.filter((c) => c.before && c.before.replacesSeatId !== c.row.replacesSeatId).map((c) => c.row.id as number);
    if (moved.length > 0) await trx.updateTable('forum_seats').set({ replaces_seat_id: null }).where('id', 'in', moved).execute();
    for (const { row, before: stored } of continuedFirst(changes)) {
      const id = cell.int(row, 'id');
      const userId = accounts.get(id) ?? null;
      const values = {
        plan_id: cell.int(row, 'planId'),
        sector: cell.text(row, 'sector'),
        role: cell.text(row, 'role'),
        starts_on: cell.text(row, 'startsOn'),
        ends_on: cell.textOrNull(row, 'endsOn'),
        ...(userId === null ? { holder_name: jsonb(cell.localized(row, 'holderName')) } : {}),
        agency_id: cell.intOrNull(row, 'agencyId'),
        filled_by: cell.text(row, 'filledBy'),
        call_id: cell.intOrNull(row, 'callId'),
        // The nomination a seat came from is not in the file: kept while its call stays, dropped with it.
        ...(stored && stored.callId !== row.callId ? { nomination_id: null } : {}),
        replaces_seat_id: cell.intOrNull(row, 'replacesSeatId'),
      };
      if (stored) await updateVersioned(trx, 'forum_seats', id, values).execute();
      else
        await trx
          .insertInto('forum_seats')
          .values({ id, ...values, holder_name: jsonb(cell.localized(row, 'holderName')) })
          .execute();
      // The forum role of a kept account follows the seat, as the use cases keep it.
      if (userId !== null) {
        const seat = { id, planId: values.plan_id, role: values.role as SeatRole };
        await deleteGrantsFrom(trx, seatGrantSource(seat));
        await insertGrant(trx, userId, seatGrant(seat), seatGrantSource(seat), { startsOn: values.starts_on, endsOn: values.ends_on });
      }
      await recordImportedRow(trx, {
        entityType: 'seat',
        entityId: id,
        planId: values.plan_id,
        commitmentId: null,
        actor,
        before: stored,
        after: row,
      });
    }
    await movePastIds(trx, 'forum_seats');
  },
};

export const rosterOpenData: readonly OpenDataEntity[] = [nominationCallsEntity, forumSeatsEntity];
