/**
 * All SQL of moderation: reports, an input's moderation columns, the moderation log, suspensions, and the counts the
 * posting limits read. Each function takes the db or a transaction first; rows become objects here.
 */
import { sql, type Selectable } from 'kysely';
import type { DbOrTx } from '../../db/connection.js';
import { firstRow, lockedIf, updateVersioned, writtenRow } from '../../db/row-queries.js';
import type { InputState, ReportReason } from '../../domain/participation.js';
import type { Input } from './participation.model.js';
import { toInput } from './participation.queries.js';
import type { AccountSuspensionsTable, InputReportsTable, ModerationLogTable } from './participation.table.js';

export const MODERATION_ACTS = ['hide', 'restore', 'dismiss-reports', 'appeal-upheld', 'appeal-reinstated', 'suspend', 'lift-suspension'] as const;
export type ModerationAct = (typeof MODERATION_ACTS)[number];

export interface InputReport {
  id: number;
  inputId: number;
  reporterId: number | null;
  reason: ReportReason;
  note: string;
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface ModerationLogEntry {
  id: number;
  at: Date;
  moderatorId: number | null;
  /** '' for a former participant (a deleted account). */
  moderatorName: string;
  act: ModerationAct;
  inputId: number | null;
  userId: number | null;
  reason: string;
}

export interface Suspension {
  id: number;
  userId: number;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  moderatorId: number | null;
  liftedAt: Date | null;
}

const toReport = (r: Selectable<InputReportsTable>): InputReport => ({
  id: r.id,
  inputId: r.input_id,
  reporterId: r.reporter_id,
  reason: r.reason as ReportReason,
  note: r.note,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
});

const toLogEntry = (r: Selectable<ModerationLogTable>): ModerationLogEntry => ({
  id: r.id,
  at: r.at,
  moderatorId: r.moderator_id,
  moderatorName: r.moderator_name,
  act: r.act as ModerationAct,
  inputId: r.input_id,
  userId: r.user_id,
  reason: r.reason,
});

const toSuspension = (r: Selectable<AccountSuspensionsTable>): Suspension => ({
  id: r.id,
  userId: r.user_id,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  reason: r.reason,
  moderatorId: r.moderator_id,
  liftedAt: r.lifted_at,
});

/** Which plans' inputs a reader moderates: every plan (the admin, a site-wide moderator) or these. */
export type ModerationScope = 'all' | readonly number[];

// ---- reports ----

/** A person's report of an input; undefined when they had already reported it (one per person and input). */
export async function insertReport(
  db: DbOrTx,
  r: { inputId: number; reporterId: number; reason: ReportReason; note: string; at: Date },
): Promise<InputReport | undefined> {
  const row = await db
    .insertInto('input_reports')
    .values({ input_id: r.inputId, reporter_id: r.reporterId, reason: r.reason, note: r.note, created_at: r.at })
    .onConflict((oc) => oc.columns(['input_id', 'reporter_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? undefined : toReport(row);
}

export async function findReport(db: DbOrTx, inputId: number, reporterId: number): Promise<InputReport | undefined> {
  return firstRow(db.selectFrom('input_reports').selectAll().where('input_id', '=', inputId).where('reporter_id', '=', reporterId), toReport);
}

/** Marks an input's open reports dealt with; answers how many there were. */
export async function resolveReports(db: DbOrTx, inputId: number, at: Date): Promise<number> {
  const rows = await db
    .updateTable('input_reports')
    .set({ resolved_at: at })
    .where('input_id', '=', inputId)
    .where('resolved_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

export interface ReportedInput {
  input: Input;
  reports: InputReport[];
}

/** The inputs with open reports (oldest report first), each with its open reports, within the scope. */
export async function listOpenReports(db: DbOrTx, scope: ModerationScope, limit = 200): Promise<ReportedInput[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  let query = db
    .selectFrom('input_reports as r')
    .innerJoin('inputs as i', 'i.id', 'r.input_id')
    .selectAll('r')
    .where('r.resolved_at', 'is', null)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(limit * 20);
  if (scope !== 'all') query = query.where('i.plan_id', 'in', [...scope]);
  const reports = (await query.execute()).map(toReport);
  const ids = [...new Set(reports.map((r) => r.inputId))].slice(0, limit);
  if (ids.length === 0) return [];
  const inputs = new Map((await db.selectFrom('inputs').selectAll().where('id', 'in', ids).execute()).map((row) => [row.id, toInput(row)]));
  return ids.flatMap((id) => {
    const input = inputs.get(id);
    return input ? [{ input, reports: reports.filter((r) => r.inputId === id) }] : [];
  });
}

/** Counts of open reports by input (the input page's moderator form says how many). */
export async function openReportCount(db: DbOrTx, inputId: number): Promise<number> {
  const row = await db
    .selectFrom('input_reports')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('input_id', '=', inputId)
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

// ---- an input's moderation columns ----

export async function markHidden(db: DbOrTx, id: number, at: Date, reason: string): Promise<Input> {
  return writtenRow(updateVersioned(db, 'inputs', id, { state: 'hidden', hidden_at: at, hidden_reason: reason }), toInput);
}

/** Back to where it stood (published, or internal in an internal round); the hiding's reason stays in the log. */
export async function markRestored(db: DbOrTx, id: number, state: Extract<InputState, 'published' | 'internal'>): Promise<Input> {
  return writtenRow(updateVersioned(db, 'inputs', id, { state, hidden_at: null, hidden_reason: '' }), toInput);
}

export async function setAppeal(db: DbOrTx, id: number, appeal: string, at: Date): Promise<Input> {
  return writtenRow(updateVersioned(db, 'inputs', id, { appeal, appealed_at: at }), toInput);
}

export async function setAppealDecision(db: DbOrTx, id: number, decision: 'upheld' | 'reinstated'): Promise<Input> {
  return writtenRow(updateVersioned(db, 'inputs', id, { appeal_decision: decision }), toInput);
}

/** Hidden inputs whose author appealed and no moderator decided yet, oldest appeal first, within the scope. */
export async function listWaitingAppeals(db: DbOrTx, scope: ModerationScope, limit = 200): Promise<Input[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  let query = db
    .selectFrom('inputs')
    .selectAll()
    .where('state', '=', 'hidden')
    .where('appealed_at', 'is not', null)
    .where('appeal_decision', 'is', null)
    .orderBy('appealed_at')
    .orderBy('id')
    .limit(limit);
  if (scope !== 'all') query = query.where('plan_id', 'in', [...scope]);
  return (await query.execute()).map(toInput);
}

/** Inputs by id (the log page names the inputs its entries are about). */
export async function inputsByIds(db: DbOrTx, ids: readonly number[]): Promise<Map<number, Input>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('inputs')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, toInput(row)]));
}

// ---- the moderation log ----

export async function insertLogEntry(
  db: DbOrTx,
  e: { at: Date; moderatorId: number | null; moderatorName: string; act: ModerationAct; inputId?: number | null; userId?: number | null; reason?: string },
): Promise<ModerationLogEntry> {
  return writtenRow(
    db.insertInto('moderation_log').values({
      at: e.at,
      moderator_id: e.moderatorId,
      moderator_name: e.moderatorName,
      act: e.act,
      input_id: e.inputId ?? null,
      user_id: e.userId ?? null,
      reason: e.reason ?? '',
    }),
    toLogEntry,
  );
}

/**
 * A page of the log, newest first, and how many entries there are in all. A plan's moderator reads the acts on its
 * inputs; acts on accounts (suspensions) and on inputs since deleted only those who moderate everywhere.
 */
export async function listLog(
  db: DbOrTx,
  scope: ModerationScope,
  page: { limit: number; offset: number },
): Promise<{ items: ModerationLogEntry[]; total: number }> {
  const base = () => {
    const query = db.selectFrom('moderation_log');
    if (scope === 'all') return query;
    const plans = scope.length === 0 ? [0] : [...scope];
    return query.where((eb) =>
      eb.exists(eb.selectFrom('inputs').select('inputs.id').whereRef('inputs.id', '=', 'moderation_log.input_id').where('inputs.plan_id', 'in', plans)),
    );
  };
  const [rows, count] = await Promise.all([
    base().selectAll('moderation_log').orderBy('at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    base()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toLogEntry), total: count.n };
}

// ---- suspensions ----

export async function insertSuspension(
  db: DbOrTx,
  s: { userId: number; startsAt: Date; endsAt: Date; reason: string; moderatorId: number | null },
): Promise<Suspension> {
  return writtenRow(
    db.insertInto('account_suspensions').values({
      user_id: s.userId,
      starts_at: s.startsAt,
      ends_at: s.endsAt,
      reason: s.reason,
      moderator_id: s.moderatorId,
    }),
    toSuspension,
  );
}

export async function findSuspensionById(db: DbOrTx, id: number, forUpdate = false): Promise<Suspension | undefined> {
  return firstRow(lockedIf(db.selectFrom('account_suspensions').selectAll().where('id', '=', id), forUpdate), toSuspension);
}

export async function markLifted(db: DbOrTx, id: number, at: Date): Promise<Suspension> {
  return writtenRow(db.updateTable('account_suspensions').set({ lifted_at: at }).where('id', '=', id), toSuspension);
}

/** The suspension in force for the account at `now` (the one ending last, if several), or none. */
export async function findActiveSuspension(db: DbOrTx, userId: number, now: Date): Promise<Suspension | undefined> {
  return firstRow(
    db
      .selectFrom('account_suspensions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('lifted_at', 'is', null)
      .where('starts_at', '<=', now)
      .where('ends_at', '>', now)
      .orderBy('ends_at', 'desc')
      .limit(1),
    toSuspension,
  );
}

/** Suspensions in force at `now`, ending soonest first. */
export async function listActiveSuspensions(db: DbOrTx, now: Date): Promise<Suspension[]> {
  const rows = await db
    .selectFrom('account_suspensions')
    .selectAll()
    .where('lifted_at', 'is', null)
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .orderBy('ends_at')
    .orderBy('id')
    .execute();
  return rows.map(toSuspension);
}

// ---- what the posting limits count ----

export interface RecentCount {
  count: number;
  last: Date | null;
}

/**
 * What decides whether the account may post now, in one read: its inputs since `since` (how many, the latest) and
 * the end of a suspension in force at `now`, if any.
 */
export async function postingStanding(db: DbOrTx, authorId: number, since: Date, now: Date): Promise<RecentCount & { suspendedUntil: Date | null }> {
  const row = await db
    .selectFrom('inputs')
    .select((eb) => [
      sql<number>`count(*)::int`.as('n'),
      sql<Date | null>`max(submitted_at)`.as('last'),
      eb
        .selectFrom('account_suspensions')
        .select(sql<Date>`max(ends_at)`.as('ends'))
        .where('user_id', '=', authorId)
        .where('lifted_at', 'is', null)
        .where('starts_at', '<=', now)
        .where('ends_at', '>', now)
        .as('suspended_until'),
    ])
    .where('author_id', '=', authorId)
    .where('submitted_at', '>', since)
    .executeTakeFirstOrThrow();
  return {
    count: row.n,
    last: row.last === null ? null : new Date(row.last),
    suspendedUntil: row.suspended_until === null ? null : new Date(row.suspended_until),
  };
}

/** How many reports the account made since `since`, and when the latest. */
export async function recentReportsBy(db: DbOrTx, reporterId: number, since: Date): Promise<RecentCount> {
  const row = await db
    .selectFrom('input_reports')
    .select([sql<number>`count(*)::int`.as('n'), sql<Date | null>`max(created_at)`.as('last')])
    .where('reporter_id', '=', reporterId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: row.n, last: row.last === null ? null : new Date(row.last) };
}

// ---- personal data ----

/** A deleted account's reports go; the log keeps its acts as a moderator, under no name (a former participant). */
export async function eraseModerationData(db: DbOrTx, userId: number): Promise<void> {
  await db.deleteFrom('input_reports').where('reporter_id', '=', userId).execute();
  await db.updateTable('moderation_log').set({ moderator_id: null, moderator_name: '' }).where('moderator_id', '=', userId).execute();
  await db.updateTable('account_suspensions').set({ moderator_id: null }).where('moderator_id', '=', userId).execute();
}
