/**
 * Plans as open data (ADR 0030): agencies, plans, areas, commitments (with their supporting agencies) and
 * milestones, with OGP's commitment-data column names where OGP has one. All of it is public in every state (ADR 0013,
 * plans.visibility.ts), except a contact person's e-mail address and telephone, which no export carries. The SQL
 * for reading them in keyset-paged batches and writing them back by id is here, on this module's own tables.
 */
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { updateVersioned, movePastIds, countPlanRows, rowsAsJson } from '../../db/row-queries.js';
import type { Localized } from '../../domain/localized.js';
import {
  COMMITMENT_NUMBER_PATTERN,
  COMMITMENT_STATUSES,
  MEMBER_KINDS,
  OGP_ID_PATTERN,
  OGP_VALUES,
  ORIGINS,
  PLAN_STATUSES,
  type FieldProblem,
} from '../../domain/plan.js';
import { changedRows, cell, type OpenDataColumn, type OpenDataEntity, type OpenDataRow, column } from '../../web/open-data.js';
import { recordImportedRows } from '../history/index.js';
import { linkInput } from './plans.schemas.js';

const dateOrder = (row: OpenDataRow, start: string, end: string): FieldProblem[] =>
  (row[start] as string) > (row[end] as string) ? [{ field: end, key: 'error.endBeforeStart' }] : [];

// ---- agencies ----

const agencyColumns: readonly OpenDataColumn[] = [
  column('id', 'Agency ID', 'int', 'The agency’s identifier on this site.', '本站的機關識別碼。'),
  column('code', 'Agency Code', 'text', 'A short code for the agency (e.g. NDC).', '機關代碼（例如 NDC）。', { max: 40 }),
  column('name', 'Agency Name', 'localized', 'The agency’s name.', '機關名稱。', { max: 300 }),
  column(
    'successorId',
    'Successor Agency ID',
    'int',
    'The agency that took over its work after a reorganisation, if any.',
    '組織改造後承接業務的機關（若有）。',
    {
      nullable: true,
      references: 'agencies',
    },
  ),
];

const agencyRow = (r: { id: number; code: string; name: Localized; successor_id: number | null }): OpenDataRow => ({
  id: r.id,
  code: r.code,
  name: r.name,
  successorId: r.successor_id,
});

export const agenciesEntity: OpenDataEntity = {
  name: 'agencies',
  title: { en: 'Agencies', zh: '機關' },
  description: {
    en: 'Government agencies that lead or support commitments (all of them, in every export).',
    zh: '主辦或協辦承諾事項的政府機關（每份匯出皆含全部機關）。',
  },
  order: 10,
  columns: agencyColumns,
  async count(db) {
    const { n } = await db
      .selectFrom('agencies')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  },
  async read(db, _scope, afterId, limit) {
    const rows = await db.selectFrom('agencies').select(['id', 'code', 'name', 'successor_id']).where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map(agencyRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('agencies').select(['id', 'code', 'name', 'successor_id']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, agencyRow(r)]));
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(agencyColumns, rows, before);
    // Successors may be rows of the same import: every row first, then the links between them.
    for (const { row, before: stored } of changes) {
      const values = { code: cell.text(row, 'code'), name: jsonb(cell.localized(row, 'name')) };
      if (stored) await updateVersioned(trx, 'agencies', cell.int(row, 'id'), values).execute();
      else
        await trx
          .insertInto('agencies')
          .values({ id: cell.int(row, 'id'), ...values, successor_id: null })
          .execute();
    }
    for (const { row } of changes)
      await trx
        .updateTable('agencies')
        .set({ successor_id: cell.intOrNull(row, 'successorId') })
        .where('id', '=', cell.int(row, 'id'))
        .execute();
    await recordImportedRows(trx, 'agency', changes, actor, () => ({ planId: null, commitmentId: null }));
    await movePastIds(trx, 'agencies');
  },
};

// ---- plans ----

const planColumns: readonly OpenDataColumn[] = [
  column('id', 'Action Plan ID', 'int', 'The action plan’s identifier on this site.', '本站的行動方案識別碼。'),
  column('slug', 'Action Plan Slug', 'text', 'The plan’s name in its web address.', '行動方案網址中的名稱。', { max: 100 }),
  column(
    'ownerCode',
    'Member Code',
    'text',
    'The government, parliament or civil-society body whose plan it is (a code).',
    '方案所屬政府、國會或民間團體的代碼。',
    { max: 40 },
  ),
  column(
    'ownerKind',
    'Member Type',
    'enum',
    'national, local, parliament or civil-society.',
    '中央（national）、地方（local）、國會（parliament）或民間（civil-society）。',
    {
      values: MEMBER_KINDS,
    },
  ),
  column('ownerName', 'Member Name', 'localized', 'The name of the body whose plan it is.', '方案所屬機構名稱。', { max: 300 }),
  column('title', 'Action Plan Title', 'localized', 'The plan’s title.', '行動方案名稱。', { max: 300 }),
  column('periodStart', 'Action Plan Start', 'date', 'First day of the plan’s period (YYYY-MM-DD).', '方案期程起日（YYYY-MM-DD）。'),
  column('periodEnd', 'Action Plan End', 'date', 'Last day of the plan’s period (YYYY-MM-DD).', '方案期程迄日（YYYY-MM-DD）。'),
  column('status', 'Action Plan Status', 'enum', 'drafting, consultation, adopted, implementing or closed.', '研擬中、徵詢中、已核定、執行中或已結束。', {
    values: PLAN_STATUSES,
  }),
  column('introduction', 'Introduction', 'localized', 'The plan document’s introduction.', '方案文件的前言。'),
  column('effortsToDate', 'Open Government Efforts to Date', 'localized', 'Open-government efforts to date.', '推動開放政府迄今的努力與成就。'),
  column('developmentProcess', 'Action Plan Development Process', 'localized', 'How the plan was developed.', '方案發展與研擬過程。'),
  column('commitmentsIntro', 'Commitments Introduction', 'localized', 'The text before the commitments.', '承諾事項的引言。'),
];

type PlanRead = {
  id: number;
  slug: string;
  owner_code: string;
  owner_kind: string;
  owner_name: Localized;
  title: Localized;
  period_start: string;
  period_end: string;
  status: string;
  introduction: Localized;
  efforts_to_date: Localized;
  development_process: Localized;
  commitments_intro: Localized;
};

const planRow = (r: PlanRead): OpenDataRow => ({
  id: r.id,
  slug: r.slug,
  ownerCode: r.owner_code,
  ownerKind: r.owner_kind,
  ownerName: r.owner_name,
  title: r.title,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  status: r.status,
  introduction: r.introduction,
  effortsToDate: r.efforts_to_date,
  developmentProcess: r.development_process,
  commitmentsIntro: r.commitments_intro,
});

const selectPlans = (db: DbOrTx) =>
  db
    .selectFrom('action_plans as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .select([
      'p.id',
      'p.slug',
      'm.code as owner_code',
      'm.kind as owner_kind',
      'm.name as owner_name',
      'p.title',
      'p.period_start',
      'p.period_end',
      'p.status',
      'p.introduction',
      'p.efforts_to_date',
      'p.development_process',
      'p.commitments_intro',
    ]);

export const plansEntity: OpenDataEntity = {
  name: 'plans',
  title: { en: 'Action plans', zh: '行動方案' },
  description: { en: 'Open-government action plans: period, status and the plan document’s texts.', zh: '開放政府行動方案：期程、狀態與方案文件內容。' },
  order: 20,
  columns: planColumns,
  async count(db, scope) {
    let q = db.selectFrom('action_plans').select((eb) => eb.fn.countAll<string>().as('n'));
    if (scope.planId !== null) q = q.where('id', '=', scope.planId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  },
  async read(db, scope, afterId, limit) {
    let q = selectPlans(db).where('p.id', '>', afterId);
    if (scope.planId !== null) q = q.where('p.id', '=', scope.planId);
    return (await q.orderBy('p.id').limit(limit).execute()).map(planRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    const rows = await selectPlans(db).where('p.id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, planRow(r)]));
  },
  check: (row) => dateOrder(row, 'periodStart', 'periodEnd'),
  async write(trx, rows, before, actor) {
    const changes = changedRows(planColumns, rows, before);
    for (const { row, before: stored } of changes) {
      // The plan's owner is found (or made) by its code: an import into an empty database brings its own.
      const member = await trx
        .insertInto('members')
        .values({ code: cell.text(row, 'ownerCode'), kind: cell.text(row, 'ownerKind'), name: jsonb(cell.localized(row, 'ownerName')) })
        .onConflict((oc) => oc.column('code').doUpdateSet({ kind: cell.text(row, 'ownerKind'), name: jsonb(cell.localized(row, 'ownerName')) }))
        .returning('id')
        .executeTakeFirstOrThrow();
      const values = {
        slug: cell.text(row, 'slug'),
        member_id: member.id,
        title: jsonb(cell.localized(row, 'title')),
        period_start: cell.text(row, 'periodStart'),
        period_end: cell.text(row, 'periodEnd'),
        status: cell.text(row, 'status'),
        introduction: jsonb(cell.localized(row, 'introduction')),
        efforts_to_date: jsonb(cell.localized(row, 'effortsToDate')),
        development_process: jsonb(cell.localized(row, 'developmentProcess')),
        commitments_intro: jsonb(cell.localized(row, 'commitmentsIntro')),
      };
      if (stored) await updateVersioned(trx, 'action_plans', cell.int(row, 'id'), values).execute();
      else
        await trx
          .insertInto('action_plans')
          .values({ id: cell.int(row, 'id'), ...values })
          .execute();
    }
    await recordImportedRows(trx, 'plan', changes, actor, (row) => ({ planId: row.id as number, commitmentId: null }));
    await movePastIds(trx, 'action_plans');
  },
};

// ---- areas ----

const areaColumns: readonly OpenDataColumn[] = [
  column('id', 'Policy Area ID', 'int', 'The area’s identifier on this site.', '本站的面向識別碼。'),
  column('planId', 'Action Plan ID', 'int', 'The plan the area belongs to.', '所屬行動方案。', { references: 'plans' }),
  column('position', 'Position', 'int', 'The area’s place in the plan (1, 2, …).', '面向在方案中的順序。'),
  column('title', 'Policy Area', 'localized', 'The area’s title.', '面向名稱。', { max: 300 }),
  column('description', 'Policy Area Description', 'localized', 'What the area covers.', '面向說明。'),
];

type AreaRead = { id: number; plan_id: number; position: number; title: Localized; description: Localized };
const areaRow = (r: AreaRead): OpenDataRow => ({ id: r.id, planId: r.plan_id, position: r.position, title: r.title, description: r.description });
const selectAreas = (db: DbOrTx) => db.selectFrom('areas').select(['id', 'plan_id', 'position', 'title', 'description']);

export const areasEntity: OpenDataEntity = {
  name: 'areas',
  title: { en: 'Policy areas', zh: '面向' },
  description: { en: 'The areas a plan groups its commitments in.', zh: '方案用以分組承諾事項的面向。' },
  order: 30,
  columns: areaColumns,
  async count(db, scope) {
    return countPlanRows(db, 'areas', scope.planId);
  },
  async read(db, scope, afterId, limit) {
    let q = selectAreas(db).where('id', '>', afterId);
    if (scope.planId !== null) q = q.where('plan_id', '=', scope.planId);
    return (await q.orderBy('id').limit(limit).execute()).map(areaRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    return new Map((await selectAreas(db).where('id', 'in', ids).execute()).map((r) => [r.id, areaRow(r)]));
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(areaColumns, rows, before);
    for (const { row, before: stored } of changes) {
      const values = {
        plan_id: cell.int(row, 'planId'),
        position: cell.int(row, 'position'),
        title: jsonb(cell.localized(row, 'title')),
        description: jsonb(cell.localized(row, 'description')),
      };
      if (stored) await updateVersioned(trx, 'areas', cell.int(row, 'id'), values).execute();
      else
        await trx
          .insertInto('areas')
          .values({ id: cell.int(row, 'id'), ...values })
          .execute();
    }
    await recordImportedRows(trx, 'area', changes, actor, (row) => ({ planId: row.planId as number, commitmentId: null }));
    await movePastIds(trx, 'areas');
  },
};

// ---- commitments ----

const contactSchema = z.object({ name: z.string().max(300), title: z.string().max(300) }).strict();

const commitmentColumns: readonly OpenDataColumn[] = [
  column('id', 'Commitment ID', 'int', 'The commitment’s identifier on this site.', '本站的承諾事項識別碼。'),
  column('planId', 'Action Plan ID', 'int', 'The plan the commitment belongs to.', '所屬行動方案。', { references: 'plans' }),
  column('areaId', 'Policy Area ID', 'int', 'The area the commitment is in.', '所屬面向。', { references: 'areas' }),
  column('number', 'Commitment Number', 'text', 'The commitment’s number in its plan (e.g. 1-1).', '承諾事項在方案中的編號（例如 1-1）。', { max: 10 }),
  column(
    'ogpId',
    'Commitment Unique Identifier',
    'text',
    'OGP’s identifier (two letters and four digits, e.g. KR0036), only where a real one exists.',
    'OGP 承諾事項識別碼（兩個字母加四位數字，例如 KR0036），僅在確有時填寫。',
    {
      nullable: true,
      max: 20,
    },
  ),
  column('title', 'Commitment Title', 'localized', 'The commitment’s title.', '承諾事項名稱。', { max: 500 }),
  column('startDate', 'Commitment Start', 'date', 'When the commitment starts (YYYY-MM-DD).', '承諾事項起日（YYYY-MM-DD）。'),
  column('endDate', 'Commitment End', 'date', 'When the commitment ends (YYYY-MM-DD).', '承諾事項迄日（YYYY-MM-DD）。'),
  column('leadAgencyId', 'Lead Institution ID', 'int', 'The lead agency (主辦機關), by its Agency ID.', '主辦機關（機關識別碼）。', { references: 'agencies' }),
  column('leadAgency', 'Lead Institution', 'localized', 'The lead agency’s name (from Agency Name).', '主辦機關名稱（取自機關名稱）。', { derived: true }),
  column(
    'coAgencyIds',
    'Supporting Institution IDs',
    'list',
    'The supporting agencies (協辦機關), by Agency ID, separated by "; ".',
    '協辦機關（機關識別碼，以「; 」分隔）。',
    {
      items: 'int',
      references: 'agencies',
    },
  ),
  column(
    'contact',
    'Point of Contact',
    'json',
    'The contact person’s name and title as the commitment page shows them (no e-mail or telephone).',
    '聯絡人姓名與職稱（不含電子郵件與電話）。',
    {
      schema: contactSchema,
    },
  ),
  column(
    'otherActors',
    'Other Actors Involved',
    'localized',
    'Other actors: government, civil society, private sector, working groups.',
    '其他參與者：政府、公民社會、私部門、工作分組。',
  ),
  column('problem', 'Problem Definition', 'localized', 'The public problem the commitment addresses.', '承諾事項將涉及哪些公共問題。'),
  column('objective', 'Main Objective', 'localized', 'The commitment’s main objective.', '主要目標。'),
  column('briefDescription', 'Brief Description', 'localized', 'In 140 characters or fewer.', '簡述（140 字以內）。', { max: 500 }),
  column('description', 'Commitment Description', 'localized', 'What the commitment is.', '承諾事項為何。'),
  column('contribution', 'Contribution to Solving the Problem', 'localized', 'How the commitment helps solve the problem.', '對解決公共問題有何貢獻。'),
  column(
    'ogpValues',
    'OGP Values',
    'list',
    'Relevance to OGP values, separated by "; ": ' + OGP_VALUES.join(', ') + '.',
    '與 OGP 核心價值的相關性，以「; 」分隔。',
    {
      items: 'enum',
      values: OGP_VALUES,
    },
  ),
  column(
    'sdgTargets',
    'SDG Targets',
    'list',
    'Sustainable Development Goal targets (e.g. 16.6), separated by "; ".',
    '相關永續發展目標細項（例如 16.6），以「; 」分隔。',
    { items: 'text', max: 20 },
  ),
  column('budgetAmount', 'Budget', 'decimal', 'The budget, if stated (two decimals).', '預算（若有，兩位小數）。', { nullable: true }),
  column('budgetCurrency', 'Budget Currency', 'text', 'ISO 4217 code of the budget’s currency (e.g. TWD).', '預算幣別（ISO 4217，例如 TWD）。', {
    nullable: true,
    max: 3,
  }),
  column('budgetNote', 'Budget Note', 'localized', 'More about the budget (it may be non-monetary).', '預算說明（可為非金錢資源）。'),
  column('links', 'Links', 'json', 'Links to other programmes, plans and documents: [{title, url}].', '相關計畫、政策與文件連結：[{title, url}]。', {
    schema: z.array(linkInput).max(50),
  }),
  column('origin', 'Origin', 'enum', 'Who proposed it: civil-society, government or joint.', '提案來源：民間、政府或共同。', { values: ORIGINS }),
  column('status', 'Commitment Status', 'enum', 'not-started, in-progress, completed or withdrawn.', '未開始、進行中、已完成或撤回。', {
    values: COMMITMENT_STATUSES,
  }),
];

type CommitmentRead = {
  id: number;
  plan_id: number;
  area_id: number;
  number: string;
  ogp_id: string | null;
  title: Localized;
  start_date: string;
  end_date: string;
  lead_agency_id: number;
  lead_agency: Localized;
  contact: { name?: string; title?: string };
  other_actors: Localized;
  problem: Localized;
  objective: Localized;
  brief_description: Localized;
  description: Localized;
  contribution: Localized;
  ogp_values: string[];
  sdg_targets: string[];
  budget_amount: string | null;
  budget_currency: string | null;
  budget_note: Localized;
  links: { title: string; url: string }[];
  origin: string;
  status: string;
};

const commitmentRow = (r: CommitmentRead, coAgencyIds: number[]): OpenDataRow => ({
  id: r.id,
  planId: r.plan_id,
  areaId: r.area_id,
  number: r.number,
  ogpId: r.ogp_id,
  title: r.title,
  startDate: r.start_date,
  endDate: r.end_date,
  leadAgencyId: r.lead_agency_id,
  leadAgency: r.lead_agency,
  coAgencyIds,
  contact: { name: r.contact.name ?? '', title: r.contact.title ?? '' },
  otherActors: r.other_actors,
  problem: r.problem,
  objective: r.objective,
  briefDescription: r.brief_description,
  description: r.description,
  contribution: r.contribution,
  ogpValues: r.ogp_values,
  sdgTargets: r.sdg_targets,
  budgetAmount: r.budget_amount,
  budgetCurrency: r.budget_currency,
  budgetNote: r.budget_note,
  links: r.links.map((l) => ({ title: l.title, url: l.url })),
  origin: r.origin,
  status: r.status,
});

const selectCommitments = (db: DbOrTx) =>
  db
    .selectFrom('commitments as c')
    .innerJoin('agencies as a', 'a.id', 'c.lead_agency_id')
    .select([
      'c.id',
      'c.plan_id',
      'c.area_id',
      'c.number',
      'c.ogp_id',
      'c.title',
      'c.start_date',
      'c.end_date',
      'c.lead_agency_id',
      'a.name as lead_agency',
      'c.contact',
      'c.other_actors',
      'c.problem',
      'c.objective',
      'c.brief_description',
      'c.description',
      'c.contribution',
      'c.ogp_values',
      'c.sdg_targets',
      sql<string | null>`c.budget_amount::text`.as('budget_amount'),
      'c.budget_currency',
      'c.budget_note',
      'c.links',
      'c.origin',
      'c.status',
    ]);

async function coAgenciesOf(db: DbOrTx, ids: readonly number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('commitment_co_agencies')
    .select(['commitment_id', 'agency_id'])
    .where('commitment_id', 'in', ids)
    .orderBy('commitment_id')
    .orderBy('position')
    .orderBy('agency_id')
    .execute();
  for (const r of rows) map.set(r.commitment_id, [...(map.get(r.commitment_id) ?? []), r.agency_id]);
  return map;
}

async function commitmentRows(db: DbOrTx, rows: CommitmentRead[]): Promise<OpenDataRow[]> {
  const co = await coAgenciesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => commitmentRow(r, co.get(r.id) ?? []));
}

export const commitmentsEntity: OpenDataEntity = {
  name: 'commitments',
  title: { en: 'Commitments', zh: '承諾事項' },
  description: {
    en: 'Commitments, in OGP’s commitment template, with their lead and supporting agencies.',
    zh: '承諾事項（依 OGP 承諾事項範本），含主辦與協辦機關。',
  },
  order: 40,
  columns: commitmentColumns,
  async count(db, scope) {
    return countPlanRows(db, 'commitments', scope.planId);
  },
  async read(db, scope, afterId, limit) {
    let q = selectCommitments(db).where('c.id', '>', afterId);
    if (scope.planId !== null) q = q.where('c.plan_id', '=', scope.planId);
    return commitmentRows(db, await rowsAsJson(db, q.orderBy('c.id').limit(limit)));
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    const rows = await commitmentRows(db, await rowsAsJson(db, selectCommitments(db).where('c.id', 'in', ids)));
    return new Map(rows.map((r) => [r.id as number, r]));
  },
  check: (row) => {
    const problems = dateOrder(row, 'startDate', 'endDate');
    if (!COMMITMENT_NUMBER_PATTERN.test(row.number as string)) problems.push({ field: 'number', key: 'error.commitmentNumber' });
    if (row.ogpId !== null && !OGP_ID_PATTERN.test(row.ogpId as string)) problems.push({ field: 'ogpId', key: 'error.ogpId' });
    return problems;
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(commitmentColumns, rows, before);
    const ids = changes.filter((c) => c.before).map((c) => c.row.id as number);
    // A stored contact's e-mail and telephone, which no export carries, stay as they are.
    const contacts = new Map<number, Record<string, string>>();
    if (ids.length > 0)
      for (const r of await trx.selectFrom('commitments').select(['id', 'contact']).where('id', 'in', ids).execute())
        contacts.set(r.id, r.contact as unknown as Record<string, string>);
    for (const { row, before: stored } of changes) {
      const id = cell.int(row, 'id');
      const contact = row.contact as { name: string; title: string };
      const values = {
        plan_id: cell.int(row, 'planId'),
        area_id: cell.int(row, 'areaId'),
        number: cell.text(row, 'number'),
        ogp_id: cell.textOrNull(row, 'ogpId'),
        title: jsonb(cell.localized(row, 'title')),
        start_date: cell.text(row, 'startDate'),
        end_date: cell.text(row, 'endDate'),
        lead_agency_id: cell.int(row, 'leadAgencyId'),
        contact: jsonb({ email: '', phone: '', ...contacts.get(id), name: contact.name, title: contact.title }),
        other_actors: jsonb(cell.localized(row, 'otherActors')),
        problem: jsonb(cell.localized(row, 'problem')),
        objective: jsonb(cell.localized(row, 'objective')),
        brief_description: jsonb(cell.localized(row, 'briefDescription')),
        description: jsonb(cell.localized(row, 'description')),
        contribution: jsonb(cell.localized(row, 'contribution')),
        ogp_values: jsonb(cell.texts(row, 'ogpValues')),
        sdg_targets: jsonb(cell.texts(row, 'sdgTargets')),
        budget_amount: cell.textOrNull(row, 'budgetAmount'),
        budget_currency: cell.textOrNull(row, 'budgetCurrency'),
        budget_note: jsonb(cell.localized(row, 'budgetNote')),
        links: jsonb(row.links),
        origin: cell.text(row, 'origin'),
        status: cell.text(row, 'status'),
      };
      if (stored) await updateVersioned(trx, 'commitments', id, values).execute();
      else
        await trx
          .insertInto('commitments')
          .values({ id, ...values })
          .execute();
      await trx.deleteFrom('commitment_co_agencies').where('commitment_id', '=', id).execute();
      const co = cell.ints(row, 'coAgencyIds');
      if (co.length > 0)
        await trx
          .insertInto('commitment_co_agencies')
          .values(co.map((agencyId, position) => ({ commitment_id: id, agency_id: agencyId, position })))
          .execute();
    }
    await recordImportedRows(trx, 'commitment', changes, actor, (row) => ({ planId: row.planId as number, commitmentId: row.id as number }));
    await movePastIds(trx, 'commitments');
  },
};

// ---- milestones ----

const milestoneColumns: readonly OpenDataColumn[] = [
  column('id', 'Milestone ID', 'int', 'The milestone’s identifier on this site.', '本站的衡量指標識別碼。'),
  column('commitmentId', 'Commitment ID', 'int', 'The commitment the milestone belongs to.', '所屬承諾事項。', { references: 'commitments' }),
  column('position', 'Position', 'int', 'The milestone’s place in its commitment (1, 2, …).', '衡量指標在承諾事項中的順序。'),
  column('deliverable', 'Milestone', 'localized', 'A verifiable deliverable.', '可驗證的具體產出。'),
  column('indicator', 'Indicator', 'localized', 'How it is measured.', '衡量方式。'),
  column('target', 'Target', 'localized', 'The target value or state.', '目標值或狀態。'),
  column('startDate', 'Milestone Start', 'date', 'When work on it starts (YYYY-MM-DD).', '起日（YYYY-MM-DD）。'),
  column('endDate', 'Milestone End', 'date', 'When it is due (YYYY-MM-DD).', '迄日（YYYY-MM-DD）。'),
  column('weight', 'Weight', 'int', 'Its weight in the commitment’s progress, if set.', '在承諾事項進度中的權重（若有）。', { nullable: true }),
];

type MilestoneRead = {
  id: number;
  commitment_id: number;
  position: number;
  deliverable: Localized;
  indicator: Localized;
  target: Localized;
  start_date: string;
  end_date: string;
  weight: number | null;
};
const milestoneRow = (r: MilestoneRead): OpenDataRow => ({
  id: r.id,
  commitmentId: r.commitment_id,
  position: r.position,
  deliverable: r.deliverable,
  indicator: r.indicator,
  target: r.target,
  startDate: r.start_date,
  endDate: r.end_date,
  weight: r.weight,
});
const selectMilestones = (db: DbOrTx) =>
  db
    .selectFrom('milestones as m')
    .select(['m.id', 'm.commitment_id', 'm.position', 'm.deliverable', 'm.indicator', 'm.target', 'm.start_date', 'm.end_date', 'm.weight']);

export const milestonesEntity: OpenDataEntity = {
  name: 'milestones',
  title: { en: 'Milestones', zh: '衡量指標' },
  description: { en: 'Each commitment’s milestones: verifiable deliverables with dates.', zh: '各承諾事項的衡量指標：有起迄日期的可驗證產出。' },
  order: 50,
  columns: milestoneColumns,
  async count(db, scope) {
    let q = db
      .selectFrom('milestones as m')
      .innerJoin('commitments as c', 'c.id', 'm.commitment_id')
      .select((eb) => eb.fn.countAll<string>().as('n'));
    if (scope.planId !== null) q = q.where('c.plan_id', '=', scope.planId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  },
  async read(db, scope, afterId, limit) {
    let q = selectMilestones(db).where('m.id', '>', afterId);
    if (scope.planId !== null) {
      const planId = scope.planId;
      q = q.where('m.commitment_id', 'in', (eb) => eb.selectFrom('commitments').select('id').where('plan_id', '=', planId));
    }
    return (await rowsAsJson(db, q.orderBy('m.id').limit(limit))).map(milestoneRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    return new Map((await rowsAsJson(db, selectMilestones(db).where('m.id', 'in', ids))).map((r) => [r.id, milestoneRow(r)]));
  },
  check: (row) => {
    const problems = dateOrder(row, 'startDate', 'endDate');
    const weight = row.weight as number | null;
    if (weight !== null && (weight < 1 || weight > 1000)) problems.push({ field: 'weight', key: 'error.weight' });
    return problems;
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(milestoneColumns, rows, before);
    const commitmentIds = [...new Set(changes.map((c) => c.row.commitmentId as number))];
    const planOf = new Map<number, number>();
    if (commitmentIds.length > 0)
      for (const r of await trx.selectFrom('commitments').select(['id', 'plan_id']).where('id', 'in', commitmentIds).execute()) planOf.set(r.id, r.plan_id);
    for (const { row, before: stored } of changes) {
      const values = {
        commitment_id: cell.int(row, 'commitmentId'),
        position: cell.int(row, 'position'),
        deliverable: jsonb(cell.localized(row, 'deliverable')),
        indicator: jsonb(cell.localized(row, 'indicator')),
        target: jsonb(cell.localized(row, 'target')),
        start_date: cell.text(row, 'startDate'),
        end_date: cell.text(row, 'endDate'),
        weight: cell.intOrNull(row, 'weight'),
      };
      if (stored) await updateVersioned(trx, 'milestones', cell.int(row, 'id'), values).execute();
      else
        await trx
          .insertInto('milestones')
          .values({ id: cell.int(row, 'id'), ...values })
          .execute();
    }
    await recordImportedRows(trx, 'milestone', changes, actor, (row) => ({
      planId: planOf.get(row.commitmentId as number) ?? null,
      commitmentId: row.commitmentId as number,
    }));
    await movePastIds(trx, 'milestones');
  },
};

export const plansOpenData: readonly OpenDataEntity[] = [agenciesEntity, plansEntity, areasEntity, commitmentsEntity, milestonesEntity];
