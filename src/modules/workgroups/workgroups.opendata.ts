/**
 * Working groups as open data (ADR 0030): each group (工作分組) as its public pages show it — plan, address (slug),
 * kind, name, purpose, operating rules, chair and agency, co-chair, open or closed with the published reason — and
 * the commitments it works on. A group is public whether open or closed (workgroups.visibility.ts).
 *
 * - People: no account id, no e-mail address. The chair and the co-chair are exported by the name the page shows:
 *   the chair's stored name (or office), or, when there is none, the chair's account's public name; the co-chair's
 *   account's public name when they have an account, else the stored name ("former participant" for a deleted
 *   account, as the page says). An import writes them back as plain names with no account; on an update, a group
 *   whose chair (or co-chair) has an account keeps it and the name as stored (the page shows the account's name).
 * - Members are not exported. The public roster shows only those who consented, by their accounts' names, and a
 *   membership cannot exist without an account, so an import could not bring them back; the member count is not
 *   exported either (it would not survive the round trip). The survey of willingness is never public.
 * - An import files each change in the history as the module's use cases do ('working-group', under its commitment
 *   for a commitment's group), and moves the id sequence past the imported ids.
 */
import { sql } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { movePastIds, updateVersioned, countPlanRows } from '../../db/row-queries.js';
import type { Localized } from '../../domain/localized.js';
import type { FieldProblem } from '../../domain/plan.js';
import { ValidationError } from '../../errors.js';
import { t } from '../../web/i18n.js';
import { changedRows, cell, column, type OpenDataColumn, type OpenDataEntity, type OpenDataRow } from '../../web/open-data.js';
import { publicPeople } from '../accounts/index.js';
import { recordImportedRow } from '../history/index.js';
import { planQueries } from '../plans/index.js';
import { checkWorkingGroup, WORKING_GROUP_KINDS, type WorkingGroupKind } from './workgroups.model.js';
import { workingGroupSlug } from './workgroups.schemas.js';

const hasText = (text: Localized): boolean => text.zh !== '' || text.en !== '';
const pair = (l: Localized): Localized => ({ zh: l.zh, en: l.en, status: l.status });

/** A person's name as the pages show it, as a pair: the account's public name, or "former participant". */
export const shownName = (displayName: string | null | undefined): Localized =>
  displayName
    ? { zh: displayName, en: displayName, status: 'reviewed' }
    : { zh: t('zh-TW', 'people.formerParticipant'), en: t('en', 'people.formerParticipant'), status: 'reviewed' };

export const workingGroupColumns: readonly OpenDataColumn[] = [
  column('id', 'Working Group ID', 'int', 'The working group’s identifier on this site.', '本站的工作分組識別碼。'),
  column('planId', 'Action Plan ID', 'int', 'The plan the working group belongs to.', '所屬行動方案。', { references: 'plans' }),
  column(
    'slug',
    'Working Group Slug',
    'text',
    'The last part of the group’s address, unique in its plan (lower-case letters, digits and hyphens).',
    '工作分組網址代稱，於方案內不重複（小寫英文字母、數字與連字號）。',
    { max: 60 },
  ),
  column(
    'kind',
    'Working Group Type',
    'enum',
    'commitment (the group of one commitment) or thematic (across several commitments).',
    '單一承諾事項的工作分組（commitment）或跨承諾事項的主題工作分組（thematic）。',
    { values: WORKING_GROUP_KINDS },
  ),
  column('name', 'Working Group Name', 'localized', 'The working group’s name.', '工作分組名稱。', { max: 300 }),
  column('purpose', 'Purpose', 'localized', 'What the working group is for.', '工作分組的目的。'),
  column('rules', 'Operating Rules', 'localized', 'The working group’s operating rules.', '工作分組的運作規範。'),
  column(
    'chairName',
    'Chair Name',
    'localized',
    'The chair (the lead agency’s deputy head) by name or office, as the page shows it; empty when the page names only the agency. Never an account or an e-mail address.',
    '召集人（主責機關副首長）姓名或職稱，依頁面顯示；僅列機關時為空白。不含帳號或電子郵件。',
    { max: 200 },
  ),
  column('chairAgencyId', 'Chair Agency ID', 'int', 'The chair’s agency, if given.', '召集人所屬機關（若有）。', { nullable: true, references: 'agencies' }),
  column(
    'coChairName',
    'Co-Chair Name',
    'localized',
    'The civil-society co-chair’s name as the page shows it (empty: vacant). Never an account or an e-mail address.',
    '民間共同召集人姓名，依頁面顯示（空白表示從缺）。不含帳號或電子郵件。',
    { max: 200 },
  ),
  column('open', 'Open to New Members', 'bool', 'Whether anyone signed in may join (true or false).', '是否開放加入（true 或 false）。'),
  column(
    'closedReason',
    'Closed Reason',
    'localized',
    'Why the group is closed to new members, published with the closing (empty while open).',
    '不開放加入的理由，於關閉時公布（開放時為空白）。',
  ),
  column(
    'commitmentIds',
    'Commitment IDs',
    'list',
    'The commitments the group works on: one for a commitment’s group, two or more for a thematic one.',
    '工作分組負責的承諾事項：單一承諾事項分組一項，主題分組兩項以上。',
    { items: 'int', references: 'commitments' },
  ),
];

type GroupRead = {
  id: number;
  plan_id: number;
  slug: string;
  kind: string;
  name: Localized;
  purpose: Localized;
  rules: Localized;
  chair_name: Localized;
  chair_agency_id: number | null;
  chair_user_id: number | null;
  co_chair_name: Localized;
  co_chair_user_id: number | null;
  is_open: boolean;
  closed_reason: Localized;
  commitment_ids: number[];
};

/** Groups with their commitments (in id order, as the pages list them), one statement per batch. */
const selectGroups = (db: DbOrTx) =>
  db
    .selectFrom('working_groups as g')
    .select([
      'g.id',
      'g.plan_id',
      'g.slug',
      'g.kind',
      'g.name',
      'g.purpose',
      'g.rules',
      'g.chair_name',
      'g.chair_agency_id',
      'g.chair_user_id',
      'g.co_chair_name',
      'g.co_chair_user_id',
      'g.is_open',
      'g.closed_reason',
      sql<
        number[]
      >`(select coalesce(jsonb_agg(wc.commitment_id order by wc.commitment_id), '[]'::jsonb) from working_group_commitments wc where wc.working_group_id = g.id)`.as(
        'commitment_ids',
      ),
    ]);

async function groupRows(db: DbOrTx, reads: readonly GroupRead[]): Promise<OpenDataRow[]> {
  const accounts = reads.flatMap((r) => [r.chair_user_id, r.co_chair_user_id]).filter((id): id is number => id !== null);
  const people = await publicPeople(db, accounts);
  const nameOf = (userId: number) => shownName(people.get(userId)?.displayName);
  return reads.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    slug: r.slug,
    kind: r.kind,
    name: pair(r.name),
    purpose: pair(r.purpose),
    rules: pair(r.rules),
    // As ChairText shows it: the stored name (or office) first, else the account's name.
    chairName: hasText(r.chair_name) || r.chair_user_id === null ? pair(r.chair_name) : nameOf(r.chair_user_id),
    chairAgencyId: r.chair_agency_id,
    // As CoChairText shows it: the account's name when there is one, else the stored name.
    coChairName: r.co_chair_user_id === null ? pair(r.co_chair_name) : nameOf(r.co_chair_user_id),
    open: r.is_open,
    closedReason: pair(r.closed_reason),
    commitmentIds: r.commitment_ids,
  }));
}

/** The problems of the groups written together: a slug or a commitment's own group taken twice, a commitment of another plan. */
async function checkAcross(trx: DbOrTx, rows: readonly OpenDataRow[]): Promise<void> {
  const problems: FieldProblem[] = [];
  const ids = rows.map((r) => r.id as number);
  // Slugs: unique in their plan, among the file's rows and the stored groups the file does not rewrite.
  const slugs = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.planId as number}/${row.slug as string}`;
    const other = slugs.get(key);
    if (other !== undefined) problems.push({ field: `workingGroups.slug (ID ${row.id as number})`, key: 'error.taken' });
    slugs.set(key, row.id as number);
  }
  if (rows.length > 0) {
    const stored = await trx
      .selectFrom('working_groups')
      .select(['id', 'plan_id', 'slug'])
      .where('id', 'not in', ids)
      .where(
        'slug',
        'in',
        rows.map((r) => r.slug as string),
      )
      .execute();
    for (const s of stored) {
      const clash = slugs.get(`${s.plan_id}/${s.slug}`);
      if (clash !== undefined) problems.push({ field: `workingGroups.slug (ID ${clash})`, key: 'error.taken' });
    }
  }
  // A commitment has at most one group of its own.
  const ownGroup = new Map<number, number>();
  for (const row of rows)
    if (row.kind === 'commitment')
      for (const commitmentId of row.commitmentIds as number[]) {
        const other = ownGroup.get(commitmentId);
        if (other !== undefined) problems.push({ field: `workingGroups.commitmentIds (ID ${row.id as number})`, key: 'workgroups.error.commitmentHasGroup' });
        ownGroup.set(commitmentId, row.id as number);
      }
  if (ownGroup.size > 0) {
    const taken = await trx
      .selectFrom('working_group_commitments as wc')
      .innerJoin('working_groups as g', 'g.id', 'wc.working_group_id')
      .select(['wc.commitment_id', 'g.id'])
      .where('g.kind', '=', 'commitment')
      .where('g.id', 'not in', ids)
      .where('wc.commitment_id', 'in', [...ownGroup.keys()])
      .execute();
    for (const r of taken)
      problems.push({ field: `workingGroups.commitmentIds (ID ${ownGroup.get(r.commitment_id) ?? 0})`, key: 'workgroups.error.commitmentHasGroup' });
  }
  // Each commitment is one of the group's plan.
  const commitments = [...new Set(rows.flatMap((r) => r.commitmentIds as number[]))];
  const labels = await planQueries.commitmentLabels(trx, commitments);
  for (const row of rows)
    for (const commitmentId of row.commitmentIds as number[])
      if (labels.get(commitmentId)?.planId !== row.planId)
        problems.push({ field: `workingGroups.commitmentIds (ID ${row.id as number})`, key: 'workgroups.error.unknownCommitment' });
  if (problems.length > 0) throw new ValidationError(problems.slice(0, 100));
}

export const workingGroupsEntity: OpenDataEntity = {
  name: 'workingGroups',
  title: { en: 'Working groups', zh: '工作分組' },
  description: {
    en: 'The forum’s working groups, one per commitment or thematic across several: purpose, operating rules, chair, co-chair, open or closed, and the commitments they work on. Members are not included (personal data: the public roster lists only those who consented).',
    zh: '推動小組的工作分組（每項承諾事項一個，或跨承諾事項的主題分組）：目的、運作規範、召集人、共同召集人、是否開放加入，及負責的承諾事項。不含成員名單（個人資料；公開名單僅列同意者）。',
  },
  order: 150,
  columns: workingGroupColumns,
  async count(db, scope) {
    return countPlanRows(db, 'working_groups', scope.planId);
  },
  async read(db, scope, afterId, limit) {
    let q = selectGroups(db).where('g.id', '>', afterId);
    if (scope.planId !== null) q = q.where('g.plan_id', '=', scope.planId);
    return groupRows(db, await q.orderBy('g.id').limit(limit).execute());
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    const rows = await groupRows(db, await selectGroups(db).where('g.id', 'in', ids).execute());
    return new Map(rows.map((r) => [r.id as number, r]));
  },
  check: (row) => {
    const problems: FieldProblem[] = [];
    const slug = workingGroupSlug.safeParse(row.slug);
    if (!slug.success || slug.data !== row.slug)
      problems.push({ field: 'slug', key: slug.success ? 'error.slug' : (slug.error.issues[0]?.message ?? 'error.slug') });
    for (const p of checkWorkingGroup({
      kind: row.kind as WorkingGroupKind,
      name: row.name as Localized,
      open: row.open as boolean,
      closedReason: row.closedReason as Localized,
      commitmentIds: row.commitmentIds as number[],
      chair: { name: row.chairName as Localized, agencyId: row.chairAgencyId as number | null, userId: null },
      coChair: { name: row.coChairName as Localized, userId: null },
    }))
      problems.push({ ...p, field: p.field === 'chair.name' ? 'chairName' : p.field });
    return problems;
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(workingGroupColumns, rows, before);
    if (changes.length === 0) return;
    // The checks across rows see every group of the file as it will be.
    await checkAcross(trx, rows);
    const ids = changes.map((c) => c.row.id as number);
    // What the export does not carry stays as stored: the chair's and the co-chair's accounts.
    const accounts = new Map(
      (await trx.selectFrom('working_groups').select(['id', 'chair_user_id', 'chair_name', 'co_chair_user_id']).where('id', 'in', ids).execute()).map((r) => [
        r.id,
        r,
      ]),
    );
    for (const { row, before: stored } of changes) {
      const id = cell.int(row, 'id');
      const own = accounts.get(id);
      const keepChairName = own?.chair_user_id != null && !hasText(own.chair_name);
      const values = {
        plan_id: cell.int(row, 'planId'),
        slug: cell.text(row, 'slug'),
        kind: cell.text(row, 'kind'),
        name: jsonb(cell.localized(row, 'name')),
        purpose: jsonb(cell.localized(row, 'purpose')),
        rules: jsonb(cell.localized(row, 'rules')),
        ...(keepChairName ? {} : { chair_name: jsonb(cell.localized(row, 'chairName')) }),
        chair_agency_id: cell.intOrNull(row, 'chairAgencyId'),
        ...(own?.co_chair_user_id != null ? {} : { co_chair_name: jsonb(cell.localized(row, 'coChairName')) }),
        is_open: row.open as boolean,
        closed_reason: jsonb(cell.localized(row, 'closedReason')),
      };
      if (stored) await updateVersioned(trx, 'working_groups', id, values).execute();
      else
        await trx
          .insertInto('working_groups')
          .values({ id, ...values, chair_name: jsonb(cell.localized(row, 'chairName')), co_chair_name: jsonb(cell.localized(row, 'coChairName')) })
          .execute();
      const commitmentIds = cell.ints(row, 'commitmentIds');
      await trx.deleteFrom('working_group_commitments').where('working_group_id', '=', id).execute();
      if (commitmentIds.length > 0)
        await trx
          .insertInto('working_group_commitments')
          .values(commitmentIds.map((commitment_id) => ({ working_group_id: id, commitment_id })))
          .execute();
      // As the module's use cases file a group: a commitment's group under its commitment.
      await recordImportedRow(trx, {
        entityType: 'working-group',
        entityId: id,
        planId: cell.int(row, 'planId'),
        commitmentId: row.kind === 'commitment' ? (commitmentIds[0] ?? null) : null,
        actor,
        before: stored,
        after: row,
      });
    }
    await movePastIds(trx, 'working_groups');
  },
};

export const workgroupsOpenData: readonly OpenDataEntity[] = [workingGroupsEntity];
