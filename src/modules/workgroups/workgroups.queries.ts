/** All SQL for working groups, their commitments, members and survey answers. Each function takes the db or a transaction first. */
import { sql, type Selectable } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { firstRow, lockedIf, updateVersioned } from '../../db/row-queries.js';
import type { WorkingGroupMembersTable, WorkingGroupsTable, WorkingGroupSurveyAnswersTable } from './workgroups.table.js';
import type { Membership, SurveyAnswer, SurveyResponse, WorkingGroup, WorkingGroupKind, WorkingGroupSummary } from './workgroups.model.js';

// ---- row mapping: the one place where columns become domain objects ----

/** A group's row with what hangs off it, read in the same statement: its commitments and how many members it has. */
type WorkingGroupRow = Selectable<WorkingGroupsTable> & { commitment_ids: number[]; member_count: number };

const toWorkingGroup = (r: WorkingGroupRow): WorkingGroup => ({
  id: r.id,
  planId: r.plan_id,
  slug: r.slug,
  kind: r.kind as WorkingGroupKind,
  name: r.name,
  purpose: r.purpose,
  rules: r.rules,
  chair: { name: r.chair_name, agencyId: r.chair_agency_id, userId: r.chair_user_id },
  coChair: { name: r.co_chair_name, userId: r.co_chair_user_id },
  open: r.is_open,
  closedReason: r.closed_reason,
  commitmentIds: r.commitment_ids,
  memberCount: r.member_count,
  isDemo: r.is_demo,
  version: r.version,
});

const toMembership = (r: Selectable<WorkingGroupMembersTable>): Membership => ({
  workingGroupId: r.working_group_id,
  userId: r.user_id,
  listed: r.listed,
  listingHidden: r.listing_hidden,
  joinedAt: r.joined_at,
});

const toSurveyResponse = (r: Selectable<WorkingGroupSurveyAnswersTable>): SurveyResponse => ({
  workingGroupId: r.working_group_id,
  userId: r.user_id,
  answer: r.answer as SurveyAnswer,
  answeredAt: r.answered_at,
});

// ---- groups ----

/**
 * Groups with their commitments (in commitment id order: the plan's own, as the seed creates them) and their member
 * counts, gathered per row by subqueries: a list of groups stays one statement however many it holds.
 */
const selectGroups = (db: DbOrTx) =>
  db
    .selectFrom('working_groups')
    .selectAll('working_groups')
    .select([
      sql<
        number[]
      >`(select coalesce(jsonb_agg(wc.commitment_id order by wc.commitment_id), '[]'::jsonb) from working_group_commitments wc where wc.working_group_id = working_groups.id)`.as(
        'commitment_ids',
      ),
      sql<number>`(select count(*)::int from working_group_members m where m.working_group_id = working_groups.id)`.as('member_count'),
    ]);

/** A plan's groups with everything a page shows of them, in the order they were made. */
export async function listWorkingGroupRows(db: DbOrTx, planId: number): Promise<WorkingGroup[]> {
  const rows = await selectGroups(db).where('plan_id', '=', planId).orderBy('id').execute();
  return rows.map(toWorkingGroup);
}

/**
 * A plan's working groups as lists show them and the co-creation record counts them: kind, commitments, how many
 * members (listed or not: the count is public, the names only by consent) and whether they are open.
 */
export async function listWorkingGroups(db: DbOrTx, planId: number): Promise<WorkingGroupSummary[]> {
  const groups = await listWorkingGroupRows(db, planId);
  return groups.map((g) => ({
    id: g.id,
    slug: g.slug,
    name: g.name,
    kind: g.kind,
    commitmentIds: g.commitmentIds,
    memberCount: g.memberCount,
    open: g.open,
  }));
}

/** The groups that work on a commitment (its own and thematic ones). */
export async function listWorkingGroupsOfCommitment(db: DbOrTx, commitmentId: number): Promise<WorkingGroup[]> {
  const rows = await selectGroups(db)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('working_group_commitments as wc')
          .select('wc.commitment_id')
          .whereRef('wc.working_group_id', '=', 'working_groups.id')
          .where('wc.commitment_id', '=', commitmentId),
      ),
    )
    .orderBy('id')
    .execute();
  return rows.map(toWorkingGroup);
}

export function findWorkingGroupById(db: DbOrTx, id: number, forUpdate = false): Promise<WorkingGroup | undefined> {
  const query = selectGroups(db).where('id', '=', id);
  // The lock is taken on the group's row only (its commitments and members change under that lock).
  return firstRow(forUpdate ? query.forUpdate('working_groups') : query, toWorkingGroup);
}

export function findWorkingGroupBySlug(db: DbOrTx, planId: number, slug: string): Promise<WorkingGroup | undefined> {
  return firstRow(selectGroups(db).where('plan_id', '=', planId).where('slug', '=', slug), toWorkingGroup);
}

export type WorkingGroupValues = Omit<WorkingGroup, 'id' | 'version' | 'isDemo' | 'memberCount'>;

const groupColumns = (g: WorkingGroupValues) => ({
  slug: g.slug,
  kind: g.kind,
  name: jsonb(g.name),
  purpose: jsonb(g.purpose),
  rules: jsonb(g.rules),
  chair_name: jsonb(g.chair.name),
  chair_agency_id: g.chair.agencyId,
  chair_user_id: g.chair.userId,
  co_chair_name: jsonb(g.coChair.name),
  co_chair_user_id: g.coChair.userId,
  is_open: g.open,
  closed_reason: jsonb(g.closedReason),
});

async function replaceCommitments(db: DbOrTx, groupId: number, commitmentIds: readonly number[]): Promise<void> {
  await db.deleteFrom('working_group_commitments').where('working_group_id', '=', groupId).execute();
  if (commitmentIds.length > 0)
    await db
      .insertInto('working_group_commitments')
      .values(commitmentIds.map((commitment_id) => ({ working_group_id: groupId, commitment_id })))
      .execute();
}

export async function insertWorkingGroup(db: DbOrTx, g: WorkingGroupValues, isDemo = false): Promise<WorkingGroup> {
  const row = await db
    .insertInto('working_groups')
    .values({ plan_id: g.planId, ...groupColumns(g), is_demo: isDemo })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceCommitments(db, row.id, g.commitmentIds);
  return (await findWorkingGroupById(db, row.id)) as WorkingGroup;
}

export async function updateWorkingGroupRow(db: DbOrTx, id: number, g: WorkingGroupValues): Promise<WorkingGroup> {
  await updateVersioned(db, 'working_groups', id, groupColumns(g)).execute();
  await replaceCommitments(db, id, g.commitmentIds);
  return (await findWorkingGroupById(db, id)) as WorkingGroup;
}

export async function deleteWorkingGroupRow(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('working_groups').where('id', '=', id).execute();
}

/** Commitment groups that already work on these commitments (a commitment has one group of its own). */
export async function commitmentGroupsFor(db: DbOrTx, commitmentIds: readonly number[], exceptGroupId: number | null): Promise<Map<number, number>> {
  if (commitmentIds.length === 0) return new Map();
  let q = db
    .selectFrom('working_group_commitments as wc')
    .innerJoin('working_groups as g', 'g.id', 'wc.working_group_id')
    .select(['wc.commitment_id', 'g.id'])
    .where('g.kind', '=', 'commitment')
    .where('wc.commitment_id', 'in', [...new Set(commitmentIds)]);
  if (exceptGroupId !== null) q = q.where('g.id', '<>', exceptGroupId);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.commitment_id, r.id]));
}

export async function slugTaken(db: DbOrTx, planId: number, slug: string, exceptGroupId: number | null): Promise<boolean> {
  let q = db.selectFrom('working_groups').select('id').where('plan_id', '=', planId).where('slug', '=', slug);
  if (exceptGroupId !== null) q = q.where('id', '<>', exceptGroupId);
  return (await q.executeTakeFirst()) !== undefined;
}

// ---- members ----

export function findMembership(db: DbOrTx, groupId: number, userId: number, forUpdate = false): Promise<Membership | undefined> {
  return firstRow(
    lockedIf(db.selectFrom('working_group_members').selectAll().where('working_group_id', '=', groupId).where('user_id', '=', userId), forUpdate),
    toMembership,
  );
}

/** A person's memberships among these groups (what a page shows them of their own state). */
export async function membershipsOf(db: DbOrTx, userId: number, groupIds: readonly number[]): Promise<Map<number, Membership>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('working_group_members')
    .selectAll()
    .where('user_id', '=', userId)
    .where('working_group_id', 'in', [...new Set(groupIds)])
    .execute();
  return new Map(rows.map((r) => [r.working_group_id, toMembership(r)]));
}

/** Every member of a group, by the order they joined. Callers decide who may see whom. */
export async function listMembers(db: DbOrTx, groupId: number): Promise<Membership[]> {
  const rows = await db
    .selectFrom('working_group_members')
    .selectAll()
    .where('working_group_id', '=', groupId)
    .orderBy('joined_at')
    .orderBy('user_id')
    .execute();
  return rows.map(toMembership);
}

/** The members the public roster shows: consented, not taken down by a moderator. */
export async function listPublicMembers(db: DbOrTx, groupId: number): Promise<Membership[]> {
  const rows = await db
    .selectFrom('working_group_members')
    .selectAll()
    .where('working_group_id', '=', groupId)
    .where('listed', '=', true)
    .where('listing_hidden', '=', false)
    .orderBy('joined_at')
    .orderBy('user_id')
    .execute();
  return rows.map(toMembership);
}

export async function insertMembership(db: DbOrTx, groupId: number, userId: number, listed: boolean): Promise<Membership> {
  const row = await db
    .insertInto('working_group_members')
    .values({ working_group_id: groupId, user_id: userId, listed })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMembership(row);
}

/** Many memberships at once (the survey's enrolment, the demo seed); those already there stay as they are. */
export async function insertMemberships(db: DbOrTx, rows: readonly { groupId: number; userId: number; listed: boolean }[]): Promise<Membership[]> {
  if (rows.length === 0) return [];
  const written = await db
    .insertInto('working_group_members')
    .values(rows.map((r) => ({ working_group_id: r.groupId, user_id: r.userId, listed: r.listed })))
    .onConflict((oc) => oc.columns(['working_group_id', 'user_id']).doNothing())
    .returningAll()
    .execute();
  return written.map(toMembership);
}

export async function updateMembership(db: DbOrTx, groupId: number, userId: number, set: { listed?: boolean; listingHidden?: boolean }): Promise<Membership> {
  const row = await db
    .updateTable('working_group_members')
    .set({
      ...(set.listed === undefined ? {} : { listed: set.listed }),
      ...(set.listingHidden === undefined ? {} : { listing_hidden: set.listingHidden }),
    })
    .where('working_group_id', '=', groupId)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMembership(row);
}

export async function deleteMembership(db: DbOrTx, groupId: number, userId: number): Promise<void> {
  await db.deleteFrom('working_group_members').where('working_group_id', '=', groupId).where('user_id', '=', userId).execute();
}

// ---- the survey ----

/** A plan's survey answers (the secretariat's view), group by group. */
export async function listSurveyAnswers(db: DbOrTx, planId: number): Promise<SurveyResponse[]> {
  const rows = await db
    .selectFrom('working_group_survey_answers as a')
    .innerJoin('working_groups as g', 'g.id', 'a.working_group_id')
    .selectAll('a')
    .where('g.plan_id', '=', planId)
    .orderBy('a.working_group_id')
    .orderBy('a.answered_at')
    .orderBy('a.user_id')
    .execute();
  return rows.map(toSurveyResponse);
}

/** One person's answers for a plan's groups. */
export async function listSurveyAnswersOf(db: DbOrTx, planId: number, userId: number): Promise<SurveyResponse[]> {
  const rows = await db
    .selectFrom('working_group_survey_answers as a')
    .innerJoin('working_groups as g', 'g.id', 'a.working_group_id')
    .selectAll('a')
    .where('g.plan_id', '=', planId)
    .where('a.user_id', '=', userId)
    .orderBy('a.working_group_id')
    .execute();
  return rows.map(toSurveyResponse);
}

/** A person's answers replace their earlier ones for these groups; a group left out of `answers` loses its answer. */
export async function replaceSurveyAnswers(
  db: DbOrTx,
  userId: number,
  groupIds: readonly number[],
  answers: readonly { workingGroupId: number; answer: SurveyAnswer }[],
): Promise<void> {
  if (groupIds.length > 0)
    await db
      .deleteFrom('working_group_survey_answers')
      .where('user_id', '=', userId)
      .where('working_group_id', 'in', [...new Set(groupIds)])
      .execute();
  if (answers.length > 0)
    await db
      .insertInto('working_group_survey_answers')
      .values(answers.map((a) => ({ working_group_id: a.workingGroupId, user_id: userId, answer: a.answer })))
      .execute();
}

// ---- personal data ----

/** A person's survey answers (never public). Their memberships stay: the account row no longer holds a name. */
export async function deleteSurveyAnswersOf(db: DbOrTx, userId: number): Promise<void> {
  await db.deleteFrom('working_group_survey_answers').where('user_id', '=', userId).execute();
}
