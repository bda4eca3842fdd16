/** All SQL for consultations and inputs (moderation, figures and import have their own query files). Each function takes the db or a transaction first. */
import { sql, type Insertable, type Selectable } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { firstRow, lockedIf, updateVersioned, writtenRow } from '../../db/row-queries.js';
import type { Localized } from '../../domain/localized.js';
import type { Audience, ConsultationTarget, InputKind, InputSource, InputState, InputTarget, ResponseState } from '../../domain/participation.js';
import type { Consultation, Input } from './participation.model.js';
import type { ConsultationsTable, InputsTable } from './participation.table.js';

// ---- row mapping ----

export const toConsultation = (r: Selectable<ConsultationsTable>): Consultation => ({
  id: r.id,
  planId: r.plan_id,
  targetType: r.target_type as ConsultationTarget,
  targetId: r.target_id,
  section: r.section,
  title: r.title,
  question: r.question,
  audience: r.audience as Audience,
  opensAt: r.opens_at,
  closesAt: r.closes_at,
  phaseId: r.phase_id,
  isDemo: r.is_demo,
  version: r.version,
});

export const toInput = (r: Selectable<InputsTable>): Input => ({
  id: r.id,
  planId: r.plan_id,
  kind: r.kind as InputKind,
  targetType: r.target_type as InputTarget,
  targetId: r.target_id,
  section: r.section,
  commitmentId: r.commitment_id,
  consultationId: r.consultation_id,
  parentId: r.parent_id,
  authorId: r.author_id,
  authorName: r.author_name,
  source: r.source as InputSource,
  sourceUrl: r.source_url,
  lang: r.lang === 'en' ? 'en' : 'zh',
  body: r.body,
  proposal: { title: r.title, problem: r.problem, suggestedAction: r.suggested_action, proposedAgencyId: r.proposed_agency_id },
  state: r.state as InputState,
  agencyId: r.agency_id,
  forumMatter: r.forum_matter,
  response: {
    state: r.response_state as ResponseState,
    reason: r.response_reason,
    referredTo: r.referred_to,
    changeHistoryId: r.change_history_id,
    respondedBy: r.responded_by,
    respondedByName: r.responded_by_name,
    respondedAt: r.responded_at,
  },
  moderation: {
    hiddenAt: r.hidden_at,
    hiddenReason: r.hidden_reason,
    appeal: r.appeal,
    appealedAt: r.appealed_at,
    appealDecision: r.appeal_decision === 'upheld' || r.appeal_decision === 'reinstated' ? r.appeal_decision : null,
  },
  withdrawnAt: r.withdrawn_at,
  editedAt: r.edited_at,
  submittedAt: r.submitted_at,
  isDemo: r.is_demo,
  version: r.version,
});

// ---- consultations ----

export async function findConsultationById(db: DbOrTx, id: number, forUpdate = false): Promise<Consultation | undefined> {
  return firstRow(lockedIf(db.selectFrom('consultations').selectAll().where('id', '=', id), forUpdate), toConsultation);
}

/** A plan's consultations, the latest window first. */
export async function listConsultations(db: DbOrTx, planId: number): Promise<Consultation[]> {
  const rows = await db.selectFrom('consultations').selectAll().where('plan_id', '=', planId).orderBy('opens_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toConsultation);
}

/** Consultations on one target (a commitment's page lists those on it and on its milestones). */
export async function consultationsOn(db: DbOrTx, targets: readonly { type: ConsultationTarget; id: number }[]): Promise<Consultation[]> {
  if (targets.length === 0) return [];
  const rows = await db
    .selectFrom('consultations')
    .selectAll()
    .where((eb) => eb.or(targets.map((t) => eb.and([eb('target_type', '=', t.type), eb('target_id', '=', t.id)]))))
    .orderBy('opens_at', 'desc')
    .execute();
  return rows.map(toConsultation);
}

/** What a consultation's form or API sets: everything but its id, its demo flag and its version. */
export type ConsultationValues = Omit<Consultation, 'id' | 'isDemo' | 'version'>;

const consultationColumns = (v: ConsultationValues) => ({
  target_type: v.targetType,
  target_id: v.targetId,
  section: v.section,
  title: jsonb(v.title),
  question: jsonb(v.question),
  audience: v.audience,
  opens_at: v.opensAt,
  closes_at: v.closesAt,
  phase_id: v.phaseId,
});

export async function insertConsultation(db: DbOrTx, v: ConsultationValues, demo = false): Promise<Consultation> {
  return writtenRow(db.insertInto('consultations').values({ plan_id: v.planId, ...consultationColumns(v), is_demo: demo }), toConsultation);
}

export async function updateConsultation(db: DbOrTx, id: number, v: ConsultationValues): Promise<Consultation> {
  return writtenRow(updateVersioned(db, 'consultations', id, consultationColumns(v)), toConsultation);
}

export async function deleteConsultation(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('consultations').where('id', '=', id).execute();
}

/** How many inputs each consultation has (what its list shows). */
export async function consultationInputCounts(db: DbOrTx, planId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('inputs')
    .select(['consultation_id', sql<number>`count(*)::int`.as('n')])
    .where('plan_id', '=', planId)
    .where('consultation_id', 'is not', null)
    .where('kind', '<>', 'reply')
    .where('state', 'in', ['published', 'internal'])
    .groupBy('consultation_id')
    .execute();
  return new Map(rows.map((r) => [r.consultation_id!, r.n]));
}

// ---- inputs ----

export async function findInputById(db: DbOrTx, id: number, forUpdate = false): Promise<Input | undefined> {
  return firstRow(lockedIf(db.selectFrom('inputs').selectAll().where('id', '=', id), forUpdate), toInput);
}

export async function insertInput(db: DbOrTx, row: Insertable<InputsTable>): Promise<Input> {
  return writtenRow(db.insertInto('inputs').values(row), toInput);
}

/** An input's own words, changed by its author within the window. */
export async function updateInputWords(
  db: DbOrTx,
  id: number,
  words: { body: string; title: string; problem: string; suggestedAction: string; proposedAgencyId: number | null },
  at: Date,
): Promise<Input> {
  return writtenRow(
    updateVersioned(db, 'inputs', id, {
      body: words.body,
      title: words.title,
      problem: words.problem,
      suggested_action: words.suggestedAction,
      proposed_agency_id: words.proposedAgencyId,
      edited_at: at,
    }),
    toInput,
  );
}

export async function markWithdrawn(db: DbOrTx, id: number, at: Date): Promise<Input> {
  return writtenRow(updateVersioned(db, 'inputs', id, { state: 'withdrawn', withdrawn_at: at }), toInput);
}

export interface ResponseValues {
  state: ResponseState;
  reason: Localized;
  referredTo: string;
  changeHistoryId: number | null;
  respondedBy: number | null;
  respondedByName: string;
  respondedAt: Date | null;
}

export async function updateResponse(db: DbOrTx, id: number, r: ResponseValues): Promise<Input> {
  return writtenRow(
    updateVersioned(db, 'inputs', id, {
      response_state: r.state,
      response_reason: jsonb(r.reason),
      referred_to: r.referredTo,
      change_history_id: r.changeHistoryId,
      responded_by: r.respondedBy,
      responded_by_name: r.respondedByName,
      responded_at: r.respondedAt,
    }),
    toInput,
  );
}

/** Which states a reader sees the words of: the public only published ones, an internal round's audience also internal ones. */
export type ReadableStates = readonly InputState[];

export interface InputFilter {
  planId: number;
  commitmentId?: number;
  target?: { type: InputTarget; id: number };
  consultationId?: number;
  kind?: InputKind;
  responseState?: ResponseState;
  /** Inputs in these states are listed (others are left out, not shown as tombstones). */
  states: readonly InputState[];
}

const filtered = (db: DbOrTx, f: InputFilter) => {
  let query = db
    .selectFrom('inputs')
    .where('plan_id', '=', f.planId)
    .where('kind', '<>', 'reply')
    .where('state', 'in', [...f.states]);
  if (f.commitmentId !== undefined) query = query.where('commitment_id', '=', f.commitmentId);
  if (f.target) query = query.where('target_type', '=', f.target.type).where('target_id', '=', f.target.id);
  if (f.consultationId !== undefined) query = query.where('consultation_id', '=', f.consultationId);
  if (f.kind) query = query.where('kind', '=', f.kind);
  if (f.responseState) query = query.where('response_state', '=', f.responseState);
  return query;
};

/** A page of top-level inputs, newest first, and how many there are in all. */
export async function listInputs(db: DbOrTx, f: InputFilter, page: { limit: number; offset: number }): Promise<{ items: Input[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, f).selectAll().orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    filtered(db, f)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toInput), total: count.n };
}

/** The newest top-level inputs, without counting them all (a page's section, which counts by response apart). */
export async function latestInputs(db: DbOrTx, f: InputFilter, limit: number): Promise<Input[]> {
  const rows = await filtered(db, f).selectAll().orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toInput);
}

/** The replies to these inputs, oldest first, in one statement. */
export async function repliesTo(db: DbOrTx, parentIds: readonly number[]): Promise<Map<number, Input[]>> {
  const replies = new Map<number, Input[]>();
  if (parentIds.length === 0) return replies;
  const rows = await db
    .selectFrom('inputs')
    .selectAll()
    .where('parent_id', 'in', [...parentIds])
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const input = toInput(row);
    const list = replies.get(input.parentId!);
    if (list) list.push(input);
    else replies.set(input.parentId!, [input]);
  }
  return replies;
}

/** The states of these inputs (what the history's visibility policy reads). */
export async function inputStates(db: DbOrTx, ids: readonly number[]): Promise<Map<number, { state: InputState; planId: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('inputs')
    .select(['id', 'state', 'plan_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { state: r.state as InputState, planId: r.plan_id }]));
}

/** The newest inputs and responses of a plan or a commitment that anyone may read, for Atom feeds. */
export async function recentPublicInputs(db: DbOrTx, scope: { planId: number; commitmentId?: number }, limit: number): Promise<Input[]> {
  let query = db.selectFrom('inputs').selectAll().where('plan_id', '=', scope.planId).where('state', '=', 'published');
  if (scope.commitmentId !== undefined) query = query.where('commitment_id', '=', scope.commitmentId);
  const rows = await query
    .orderBy(sql`greatest(submitted_at, coalesce(responded_at, submitted_at))`, 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toInput);
}

/** Counts of a commitment's public top-level inputs by response state (its page's summary). */
export async function countByResponse(db: DbOrTx, commitmentId: number): Promise<Map<ResponseState, number>> {
  const rows = await db
    .selectFrom('inputs')
    .select(['response_state', sql<number>`count(*)::int`.as('n')])
    .where('commitment_id', '=', commitmentId)
    .where('kind', '<>', 'reply')
    .where('state', '=', 'published')
    .groupBy('response_state')
    .execute();
  return new Map(rows.map((r) => [r.response_state as ResponseState, r.n]));
}

/** A deleted account's inputs stay, as a former participant's: their words were public contributions. */
export async function unlinkAuthor(db: DbOrTx, userId: number): Promise<void> {
  await db.updateTable('inputs').set({ author_id: null, author_name: '' }).where('author_id', '=', userId).execute();
  await db.updateTable('inputs').set({ responded_by: null, responded_by_name: '' }).where('responded_by', '=', userId).execute();
}

/** The ids of a plan's published inputs, oldest first: what /sitemap.xml lists (participation.sitemap.ts). */
export async function listPublishedInputAddresses(db: DbOrTx, planId: number): Promise<{ id: number }[]> {
  return db.selectFrom('inputs').select('id').where('plan_id', '=', planId).where('state', '=', 'published').orderBy('id').execute();
}

/** Where a cursor walk of inputs goes on (web/cursor.ts): after this row, newest first; the time to the microsecond, UTC. */
export type InputKey = readonly [submittedAt: string, id: number];

/**
 * A page of top-level inputs, newest first, after `after` (keyset: the same cost at any depth, and rows written
 * meanwhile neither repeat nor vanish), how many there are in all, and the key of the last row if more follow.
 */
export async function listInputsAfter(
  db: DbOrTx,
  f: InputFilter,
  page: { limit: number; after: InputKey | null },
): Promise<{ items: Input[]; total: number; next: InputKey | null }> {
  let rows = filtered(db, f)
    .selectAll()
    .select(sql<string>`to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`.as('key_at'));
  const after = page.after;
  if (after) rows = rows.where(sql<boolean>`(submitted_at, id) < (${after[0]}::timestamp AT TIME ZONE 'UTC', ${after[1]}::int)`);
  const [found, count] = await Promise.all([
    rows
      .orderBy('submitted_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute(),
    filtered(db, f)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const shown = found.slice(0, page.limit);
  const last = shown.at(-1);
  return { items: shown.map(toInput), total: count.n, next: found.length > page.limit && last ? [last.key_at, last.id] : null };
}
