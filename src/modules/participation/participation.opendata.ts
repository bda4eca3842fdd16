/**
 * Participation as open data (ADR 0030): consultations, and inputs with their reasoned responses, as the public
 * sees them on the plan's pages and in the API (participation.visibility.ts, participation.reads.ts).
 *
 * - Consultations: every one, as the public list (/plans/:slug/consultations), the API and the sitemap show them. An
 *   internal round is listed publicly too (its title, question, window and audience "internal"); what is not public
 *   is its inputs (state 'internal'), and those are never exported. The co-creation phase a consultation belongs to
 *   is not exported (phases are another module's); an import keeps a stored one and leaves a new one without.
 * - Inputs: those the public list shows, top-level inputs and replies alike: 'published' ones with their words, and
 *   the tombstones of 'hidden' and 'withdrawn' ones as the page shows them: no words (body, title, problem and
 *   suggested action are empty), the hidden notice's date and reason, the withdrawal's date, and the response given
 *   before (the API's presentInput shows the same). 'internal' inputs (an internal round's) are left out, and so is
 *   anything only moderators read (reports, appeals, the hidden words), the demo flag and the forum-matter flag.
 * - People: no account id, no e-mail address. The author is the name the page shows (the account's display name, or
 *   the name an imported input's source gave; empty for a former participant), and who answered is the name the
 *   response shows. An import writes them back as plain names with no account (author_name, responded_by_name); on an
 *   update a row that has an account keeps it.
 * - The linked change (a response's link to the history entry of the edit it led to) is exported, when the public may
 *   read that entry, as what it changed: the entity's type and id (a milestone, say). History ids are the site's own
 *   and the history is not part of the export, so an import links the input to the latest history entry of that
 *   entity in the importing database (into an empty database: the import's own entry creating it). The export of the
 *   import is then the same, byte for byte.
 */
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { updateVersioned, movePastIds, countPlanRows, rowsAsJson } from '../../db/row-queries.js';
import type { Localized } from '../../domain/localized.js';
import {
  AUDIENCES,
  CONSULTATION_TARGETS,
  INPUT_KINDS,
  INPUT_SOURCES,
  INPUT_TARGETS,
  MAX_BODY_LENGTH,
  MAX_PROPOSAL_PART_LENGTH,
  MAX_TITLE_LENGTH,
  PLAN_SECTIONS,
  RESPONSE_STATES,
  checkResponse,
  isPeriodTarget,
  type InputTarget,
  type PeriodTarget,
} from '../../domain/participation.js';
import type { FieldProblem } from '../../domain/plan.js';
import { ValidationError } from '../../errors.js';
import { changedRows, cell, type OpenDataColumn, type OpenDataEntity, type OpenDataRow, column } from '../../web/open-data.js';
import { publicPeople } from '../accounts/index.js';
import { readCommitmentHistory, readHistoryEntries, readPlanHistory, recordImportedRows, type HistoryEntry } from '../history/index.js';
import { planQueries } from '../plans/index.js';
import { resolvePeriodTarget } from './review-targets.js';

/** An instant as exported: ISO 8601 in UTC to the millisecond (`Date.toISOString`). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** An instant as the export writes it (ISO 8601 in UTC, milliseconds), from the ISO text Postgres's json gives. */
const instant = (text: string): string => new Date(text).toISOString();
const instantOrNull = (text: string | null): string | null => (text === null ? null : instant(text));
const isInstant = (value: unknown): boolean => typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
/** The history files an imported row under its plan and, when it has one, its commitment. */
const planAndCommitment = (row: OpenDataRow) => ({ planId: row.planId as number, commitmentId: (row.commitmentId as number | null | undefined) ?? null });
const instantChecks = (row: OpenDataRow, keys: readonly string[]): FieldProblem[] =>
  keys.filter((k) => row[k] !== null && !isInstant(row[k])).map((field) => ({ field, key: 'participation.error.dateTime' }));

/**
 * The targets (plan, area, commitment, milestone) rows name by type and id, checked against the database inside the
 * import's transaction (plans' entities are written before these): a missing one refuses the import, naming the row.
 */
async function checkTargets(trx: DbOrTx, entity: string, rows: readonly OpenDataRow[], column = 'targetId'): Promise<void> {
  const wanted = new Map<string, Set<number>>();
  for (const row of rows) {
    const type = row.targetType as string;
    if (type === 'section' || type === 'report' || type === 'meeting') continue;
    // A review's or a self-assessment's parts are another module's: asked through its provision below.
    wanted.set(type, (wanted.get(type) ?? new Set()).add(row.targetId as number));
  }
  const problems: FieldProblem[] = [];
  for (const [type, set] of wanted) {
    const ids = [...set];
    const found = new Set<number>();
    if (isPeriodTarget(type as InputTarget)) {
      // Written before the inputs (their entities' order is lower), and public: the owner resolves them.
      for (const id of ids) if ((await resolvePeriodTarget(trx, type as PeriodTarget, id)) !== undefined) found.add(id);
    } else if (type === 'commitment') for (const id of (await planQueries.commitmentLabels(trx, ids)).keys()) found.add(id);
    else if (type === 'milestone') for (const id of (await planQueries.milestoneOrder(trx, ids)).keys()) found.add(id);
    else
      for (const id of ids)
        if ((type === 'plan' ? await planQueries.findPlanById(trx, id) : await planQueries.findAreaById(trx, id)) !== undefined) found.add(id);
    const table = type === 'plan' ? 'plans' : `${type}s`;
    for (const id of ids) if (!found.has(id)) problems.push({ field: `${entity}.${column}`, key: 'opendata.import.missingReference', params: { table, id } });
  }
  if (problems.length > 0) throw new ValidationError(problems.slice(0, 100));
}

/** The newest public history entry of a plan's entity here: what an imported input's linked change points to. */
async function latestChange(trx: DbOrTx, planId: number, type: string, id: number): Promise<number | null> {
  let entries: HistoryEntry[];
  if (type === 'plan' || type === 'area') entries = await readPlanHistory(trx, null, planId, [type]);
  else {
    const commitmentId = type === 'commitment' ? id : (await planQueries.findMilestoneById(trx, id))?.commitmentId;
    entries = commitmentId === undefined ? [] : await readCommitmentHistory(trx, null, commitmentId);
  }
  return entries.find((e) => e.entityType === type && e.entityId === id)?.id ?? null;
}

// ---- consultations ----

const consultationColumns: readonly OpenDataColumn[] = [
  column('id', 'Consultation ID', 'int', 'The consultation’s identifier on this site.', '本站的徵詢識別碼。'),
  column('planId', 'Action Plan ID', 'int', 'The plan the consultation is about.', '所屬行動方案。', { references: 'plans' }),
  column(
    'targetType',
    'Consultation Target Type',
    'enum',
    'What it asks about: ' + CONSULTATION_TARGETS.join(', ') + '.',
    '徵詢對象類型：方案、章節、面向、承諾事項或衡量指標。',
    {
      values: CONSULTATION_TARGETS,
    },
  ),
  column(
    'targetId',
    'Consultation Target ID',
    'int',
    'The ID of what it asks about (a plan, area, commitment or milestone).',
    '徵詢對象的識別碼（方案、面向、承諾事項或衡量指標）。',
  ),
  column(
    'section',
    'Plan Section',
    'enum',
    'The part of the plan document asked about, for a section: ' + PLAN_SECTIONS.join(', ') + '.',
    '徵詢的方案文件章節（對象為章節時）。',
    {
      values: PLAN_SECTIONS,
      nullable: true,
    },
  ),
  column('title', 'Consultation Title', 'localized', 'The consultation’s title.', '徵詢名稱。', { max: 300 }),
  column('question', 'Consultation Question', 'localized', 'What participants are asked.', '徵詢的問題。', { max: 5000 }),
  column(
    'audience',
    'Audience',
    'enum',
    'public (anyone signed in) or internal (a round for agencies and forum members; its inputs are not public).',
    '對象：公開（public）或內部（internal，機關與推動小組成員；其意見不公開）。',
    {
      values: AUDIENCES,
    },
  ),
  column('opensAt', 'Opens At', 'text', 'When it opens (ISO 8601, UTC).', '開始時間（ISO 8601，UTC）。', { max: 30 }),
  column('closesAt', 'Closes At', 'text', 'When it closes (ISO 8601, UTC).', '截止時間（ISO 8601，UTC）。', { max: 30 }),
];

type ConsultationRead = {
  id: number;
  plan_id: number;
  target_type: string;
  target_id: number;
  section: string | null;
  title: Localized;
  question: Localized;
  audience: string;
  opens_at: Date;
  closes_at: Date;
};
const consultationRow = (r: ConsultationRead): OpenDataRow => ({
  id: r.id,
  planId: r.plan_id,
  targetType: r.target_type,
  targetId: r.target_id,
  section: r.section,
  title: r.title,
  question: r.question,
  audience: r.audience,
  opensAt: r.opens_at.toISOString(),
  closesAt: r.closes_at.toISOString(),
});
const selectConsultations = (db: DbOrTx) =>
  db.selectFrom('consultations').select(['id', 'plan_id', 'target_type', 'target_id', 'section', 'title', 'question', 'audience', 'opens_at', 'closes_at']);

export const consultationsEntity: OpenDataEntity = {
  name: 'consultations',
  title: { en: 'Consultations', zh: '意見徵詢' },
  description: {
    en: 'Dated windows in which a part of the plan takes input, public or an internal round (whose inputs are not public).',
    zh: '在特定期間針對方案某部分徵詢意見，公開或內部（內部徵詢的意見不公開）。',
  },
  order: 60,
  columns: consultationColumns,
  async count(db, scope) {
    return countPlanRows(db, 'consultations', scope.planId);
  },
  async read(db, scope, afterId, limit) {
    let q = selectConsultations(db).where('id', '>', afterId);
    if (scope.planId !== null) q = q.where('plan_id', '=', scope.planId);
    return (await q.orderBy('id').limit(limit).execute()).map(consultationRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    return new Map((await selectConsultations(db).where('id', 'in', ids).execute()).map((r) => [r.id, consultationRow(r)]));
  },
  check: (row) => {
    const problems = instantChecks(row, ['opensAt', 'closesAt']);
    if (problems.length === 0 && (row.opensAt as string) >= (row.closesAt as string)) problems.push({ field: 'closesAt', key: 'error.endBeforeStart' });
    if ((row.targetType === 'section') !== (row.section !== null)) problems.push({ field: 'section', key: 'participation.error.section' });
    if (row.targetType === 'plan' || row.targetType === 'section')
      if (row.targetId !== row.planId) problems.push({ field: 'targetId', key: 'participation.error.unknownTarget' });
    return problems;
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(consultationColumns, rows, before);
    await checkTargets(
      trx,
      'consultations',
      changes.map((c) => c.row),
    );
    for (const { row, before: stored } of changes) {
      const values = {
        plan_id: cell.int(row, 'planId'),
        target_type: cell.text(row, 'targetType'),
        target_id: cell.int(row, 'targetId'),
        section: cell.textOrNull(row, 'section'),
        title: jsonb(cell.localized(row, 'title')),
        question: jsonb(cell.localized(row, 'question')),
        audience: cell.text(row, 'audience'),
        opens_at: new Date(cell.text(row, 'opensAt')),
        closes_at: new Date(cell.text(row, 'closesAt')),
      };
      if (stored) await updateVersioned(trx, 'consultations', cell.int(row, 'id'), values).execute();
      else
        await trx
          .insertInto('consultations')
          .values({ id: cell.int(row, 'id'), ...values })
          .execute();
    }
    await recordImportedRows(trx, 'consultation', changes, actor, planAndCommitment);
    await movePastIds(trx, 'consultations');
  },
};

// ---- inputs ----

/** The states the public list shows: published inputs with their words, hidden and withdrawn ones as tombstones. */
const EXPORTED_STATES = ['published', 'hidden', 'withdrawn'] as const;
const WORDS = ['body', 'title', 'problem', 'suggestedAction'] as const;
/** What a response's linked change may be about: plan content, whose history is public. */
const CHANGE_TYPES = ['plan', 'area', 'commitment', 'milestone'] as const;

const inputColumns: readonly OpenDataColumn[] = [
  column('id', 'Input ID', 'int', 'The input’s identifier on this site.', '本站的意見識別碼。'),
  column('planId', 'Action Plan ID', 'int', 'The plan the input is about.', '所屬行動方案。', { references: 'plans' }),
  column(
    'kind',
    'Input Type',
    'enum',
    'comment, proposal (a new commitment) or reply (to another input).',
    '類型：意見（comment）、提案（proposal）或回覆（reply）。',
    {
      values: INPUT_KINDS,
    },
  ),
  column('targetType', 'Input Target Type', 'enum', 'What it is about: ' + INPUT_TARGETS.join(', ') + '.', '意見對象類型。', { values: INPUT_TARGETS }),
  column('targetId', 'Input Target ID', 'int', 'The ID of what it is about (a plan, area, commitment, milestone, report or meeting).', '意見對象的識別碼。'),
  column(
    'section',
    'Plan Section',
    'enum',
    'The part of the plan document, for a section: ' + PLAN_SECTIONS.join(', ') + '.',
    '方案文件章節（對象為章節時）。',
    {
      values: PLAN_SECTIONS,
      nullable: true,
    },
  ),
  column('commitmentId', 'Commitment ID', 'int', 'The commitment it concerns, if any.', '相關承諾事項（若有）。', {
    nullable: true,
    references: 'commitments',
  }),
  column('consultationId', 'Consultation ID', 'int', 'The consultation it was given in, if any.', '所屬意見徵詢（若有）。', {
    nullable: true,
    references: 'consultations',
  }),
  column('parentId', 'Reply To Input ID', 'int', 'For a reply, the input it answers.', '回覆的意見（回覆時）。', { nullable: true, references: 'inputs' }),
  column(
    'author',
    'Author',
    'text',
    'The author’s name as the page shows it (empty: a former participant, or none given). Never an account or an e-mail address.',
    '作者名稱（依頁面顯示；空白表示已刪除帳號或未具名）。不含帳號或電子郵件。',
    {
      max: 200,
    },
  ),
  column(
    'source',
    'Input Source',
    'enum',
    'Where it came from: ' + INPUT_SOURCES.join(', ') + '.',
    '來源：本站、公共政策網路參與平臺（join）、會議、電子郵件或其他。',
    {
      values: INPUT_SOURCES,
    },
  ),
  column('sourceUrl', 'Source URL', 'text', 'Its address at the source, for an imported input.', '匯入意見的原始網址。', { nullable: true, max: 2000 }),
  column('language', 'Input Language', 'enum', 'The language it was written in: zh or en.', '撰寫語言：zh 或 en。', { values: ['zh', 'en'] }),
  column(
    'state',
    'Input State',
    'enum',
    'published; hidden (by a moderator: no words, the notice’s date and reason); withdrawn (by its author: no words).',
    '已公開；已隱藏（版主隱藏：不含內容，含日期與理由）；已撤回（作者撤回：不含內容）。',
    {
      values: EXPORTED_STATES,
    },
  ),
  column('body', 'Input Text', 'text', 'What it says (empty when hidden or withdrawn).', '意見內容（隱藏或撤回時為空白）。', { max: MAX_BODY_LENGTH }),
  column('title', 'Proposal Title', 'text', 'A proposal’s title (empty otherwise).', '提案標題（非提案為空白）。', { max: MAX_TITLE_LENGTH }),
  column('problem', 'Proposal Problem', 'text', 'The problem a proposal addresses.', '提案欲解決的問題。', { max: MAX_PROPOSAL_PART_LENGTH }),
  column('suggestedAction', 'Proposal Suggested Action', 'text', 'What a proposal suggests doing.', '提案建議的做法。', { max: MAX_PROPOSAL_PART_LENGTH }),
  column('proposedAgencyId', 'Proposed Lead Institution ID', 'int', 'The agency a proposal suggests to lead it.', '提案建議的主辦機關。', {
    nullable: true,
    references: 'agencies',
  }),
  column('agencyId', 'Answering Institution ID', 'int', 'The agency that owes the answer (empty: the secretariat).', '負責回應的機關（空白為幕僚單位）。', {
    nullable: true,
    references: 'agencies',
  }),
  column('submittedAt', 'Submitted At', 'text', 'When it was given (ISO 8601, UTC).', '提出時間（ISO 8601，UTC）。', { max: 30 }),
  column('editedAt', 'Edited At', 'text', 'When its author last edited it, if so.', '作者最後修改時間（若有）。', { nullable: true, max: 30 }),
  column('withdrawnAt', 'Withdrawn At', 'text', 'When its author withdrew it, if so.', '作者撤回時間（若有）。', { nullable: true, max: 30 }),
  column('hiddenAt', 'Hidden At', 'text', 'When a moderator hid it, if so.', '版主隱藏時間（若有）。', { nullable: true, max: 30 }),
  column('hiddenReason', 'Hidden Reason', 'text', 'The reason the hidden notice gives.', '隱藏理由。', { max: 1000 }),
  column(
    'responseState',
    'Response State',
    'enum',
    'The answer: ' + RESPONSE_STATES.join(', ') + '.',
    '回應狀態：待回應、採納、部分採納、未採納、轉請其他機關、參考。',
    {
      values: RESPONSE_STATES,
    },
  ),
  column(
    'responseReason',
    'Response Reason',
    'localized',
    'Why (required when partly or not adopted, or referred).',
    '回應理由（部分採納、未採納或轉請時必填）。',
    { max: 5000 },
  ),
  column('referredTo', 'Referred To', 'text', 'Where it was referred, if so.', '轉請單位（若有）。', { max: 300 }),
  column(
    'respondedBy',
    'Responded By',
    'text',
    'Who answered, as the response shows the name (empty: a former participant, or not answered).',
    '回應者（依頁面顯示之名稱；空白為已刪除帳號或尚未回應）。',
    {
      max: 200,
    },
  ),
  column('respondedAt', 'Responded At', 'text', 'When it was answered (ISO 8601, UTC).', '回應時間（ISO 8601，UTC）。', { nullable: true, max: 30 }),
  column(
    'changedType',
    'Linked Change Type',
    'enum',
    'What the change it led to changed: ' + CHANGE_TYPES.join(', ') + ' (empty: no linked change).',
    '因本意見而修改的對象類型（空白表示無）。',
    {
      values: CHANGE_TYPES,
      nullable: true,
    },
  ),
  column(
    'changedId',
    'Linked Change Target ID',
    'int',
    'The ID of what the change it led to changed (a plan, area, commitment or milestone).',
    '因本意見而修改的對象識別碼。',
    {
      nullable: true,
    },
  ),
];

type InputRead = {
  id: number;
  plan_id: number;
  kind: string;
  target_type: string;
  target_id: number;
  section: string | null;
  commitment_id: number | null;
  consultation_id: number | null;
  parent_id: number | null;
  author_id: number | null;
  author_name: string;
  source: string;
  source_url: string | null;
  lang: string;
  state: string;
  body: string;
  title: string;
  problem: string;
  suggested_action: string;
  proposed_agency_id: number | null;
  agency_id: number | null;
  submitted_at: string;
  edited_at: string | null;
  withdrawn_at: string | null;
  hidden_at: string | null;
  hidden_reason: string;
  response_state: string;
  response_reason: Localized;
  referred_to: string;
  responded_by_name: string;
  responded_at: string | null;
  change_history_id: number | null;
};

const selectInputs = (db: DbOrTx) =>
  db
    .selectFrom('inputs')
    .select([
      'id',
      'plan_id',
      'kind',
      'target_type',
      'target_id',
      'section',
      'commitment_id',
      'consultation_id',
      'parent_id',
      'author_id',
      'author_name',
      'source',
      'source_url',
      'lang',
      'state',
      'body',
      'title',
      'problem',
      'suggested_action',
      'proposed_agency_id',
      'agency_id',
      'submitted_at',
      'edited_at',
      'withdrawn_at',
      'hidden_at',
      'hidden_reason',
      'response_state',
      'response_reason',
      'referred_to',
      'responded_by_name',
      'responded_at',
      'change_history_id',
    ])
    .where('state', 'in', [...EXPORTED_STATES]);

/** The rows as the public sees them: account names from the public profile, no words in tombstones, public links only. */
async function inputRows(db: DbOrTx, rows: readonly InputRead[]): Promise<OpenDataRow[]> {
  const ids = (pick: (r: InputRead) => number | null) => [...new Set(rows.map(pick).filter((id): id is number => id !== null))];
  const [people, changes] = await Promise.all([
    publicPeople(
      db,
      ids((r) => r.author_id),
    ),
    readHistoryEntries(
      db,
      null,
      ids((r) => r.change_history_id),
    ),
  ]);
  return rows.map((r) => {
    const standing = r.state === 'published';
    return {
      id: r.id,
      planId: r.plan_id,
      kind: r.kind,
      targetType: r.target_type,
      targetId: r.target_id,
      section: r.section,
      commitmentId: r.commitment_id,
      consultationId: r.consultation_id,
      parentId: r.parent_id,
      author: r.author_id !== null ? (people.get(r.author_id)?.displayName ?? '') : r.author_name,
      source: r.source,
      sourceUrl: r.source_url,
      language: r.lang === 'en' ? 'en' : 'zh',
      state: r.state,
      body: standing ? r.body : '',
      title: standing ? r.title : '',
      problem: standing ? r.problem : '',
      suggestedAction: standing ? r.suggested_action : '',
      proposedAgencyId: r.proposed_agency_id,
      agencyId: r.agency_id,
      submittedAt: instant(r.submitted_at),
      editedAt: instantOrNull(r.edited_at),
      withdrawnAt: instantOrNull(r.withdrawn_at),
      hiddenAt: r.state === 'hidden' ? instantOrNull(r.hidden_at) : null,
      hiddenReason: r.state === 'hidden' ? r.hidden_reason : '',
      responseState: r.response_state,
      responseReason: r.response_reason,
      referredTo: r.referred_to,
      respondedBy: r.responded_at ? r.responded_by_name : '',
      respondedAt: instantOrNull(r.responded_at),
      ...linkedChange(r.change_history_id === null ? undefined : changes.get(r.change_history_id)),
    };
  });
}

export const inputsEntity: OpenDataEntity = {
  name: 'inputs',
  title: { en: 'Inputs and responses', zh: '意見與回應' },
  description: {
    en: 'Comments, proposals and replies with the reasoned response each is owed, as the public sees them: hidden and withdrawn ones without their words; an internal round’s inputs are not included.',
    zh: '意見、提案與回覆，以及各自應得的附理由回應，依公眾所見：隱藏與撤回者不含內容；內部徵詢的意見不列入。',
  },
  // After the entities inputs may be about: a review's report and units (400 on), a self-assessment (350 on).
  order: 500,
  columns: inputColumns,
  async count(db, scope) {
    let q = db
      .selectFrom('inputs')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('state', 'in', [...EXPORTED_STATES]);
    if (scope.planId !== null) q = q.where('plan_id', '=', scope.planId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  },
  async read(db, scope, afterId, limit) {
    let q = selectInputs(db).where('id', '>', afterId);
    if (scope.planId !== null) q = q.where('plan_id', '=', scope.planId);
    return inputRows(db, await rowsAsJson(db, q.orderBy('id').limit(limit)));
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    const rows = await inputRows(db, await rowsAsJson(db, selectInputs(db).where('id', 'in', ids)));
    return new Map(rows.map((r) => [r.id as number, r]));
  },
  check: (row) => {
    const problems = instantChecks(row, ['submittedAt', 'editedAt', 'withdrawnAt', 'hiddenAt', 'respondedAt']);
    // A tombstone carries no words (the public never read them); a published input has some.
    if (row.state !== 'published') for (const key of WORDS) if (row[key] !== '') problems.push({ field: key, key: 'participation.error.notStanding' });
    if (row.state === 'published' && (row.body as string).trim() === '' && (row.title as string).trim() === '')
      problems.push({ field: 'body', key: 'error.required' });
    if ((row.state === 'withdrawn') !== (row.withdrawnAt !== null)) problems.push({ field: 'withdrawnAt', key: 'error.invalid' });
    if ((row.state === 'hidden') !== (row.hiddenAt !== null)) problems.push({ field: 'hiddenAt', key: 'error.invalid' });
    if ((row.changedType === null) !== (row.changedId === null)) problems.push({ field: 'changedId', key: 'error.invalid' });
    if ((row.kind === 'reply') !== (row.parentId !== null)) problems.push({ field: 'parentId', key: 'error.invalid' });
    if (row.parentId !== null && row.parentId === row.id) problems.push({ field: 'parentId', key: 'error.invalid' });
    if ((row.targetType === 'section') !== (row.section !== null)) problems.push({ field: 'section', key: 'participation.error.section' });
    if ((row.targetType === 'plan' || row.targetType === 'section') && row.targetId !== row.planId)
      problems.push({ field: 'targetId', key: 'participation.error.unknownTarget' });
    const reason = row.responseReason as Localized;
    for (const p of checkResponse({ state: row.responseState as (typeof RESPONSE_STATES)[number], reason, referredTo: row.referredTo as string }))
      problems.push({ ...p, field: p.field === 'reason' ? 'responseReason' : p.field });
    return problems;
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(inputColumns, rows, before);
    await checkTargets(
      trx,
      'inputs',
      changes.map((c) => c.row),
    );
    const changed = changes.map((c) => c.row.id as number);
    // What the export does not carry stays as stored: the account of an author or answerer, a tombstone's words.
    const stored = new Map<number, { author_id: number | null; responded_by: number | null }>();
    if (changed.length > 0)
      for (const r of await trx.selectFrom('inputs').select(['id', 'author_id', 'responded_by']).where('id', 'in', changed).execute()) stored.set(r.id, r);
    // The linked change: the latest entry of the changed entity's history here (its targets are checked like an input's).
    const linkedRows = changes
      .filter((c) => c.row.changedType !== null)
      .map((c) => ({ targetType: c.row.changedType, targetId: c.row.changedId }) as OpenDataRow);
    await checkTargets(trx, 'inputs', linkedRows, 'changedId');
    const latest = new Map<string, number | null>();
    for (const { row } of changes) {
      if (row.changedType === null) continue;
      const key = `${row.changedType as string}:${row.changedId as number}`;
      if (!latest.has(key)) latest.set(key, await latestChange(trx, row.planId as number, row.changedType as string, row.changedId as number));
    }
    // A reply's input is written before it (replies go one level deep; the table requires a reply's link).
    const ordered = [...changes].sort((x, y) => Number(x.row.kind === 'reply') - Number(y.row.kind === 'reply') || (x.row.id as number) - (y.row.id as number));
    for (const { row, before: previous } of ordered) {
      const id = cell.int(row, 'id');
      const own = stored.get(id);
      const standing = row.state === 'published';
      const changedType = cell.textOrNull(row, 'changedType');
      const keepLink = previous && previous.changedType === changedType && previous.changedId === row.changedId;
      const values = {
        plan_id: cell.int(row, 'planId'),
        kind: cell.text(row, 'kind'),
        target_type: cell.text(row, 'targetType'),
        target_id: cell.int(row, 'targetId'),
        section: cell.textOrNull(row, 'section'),
        commitment_id: cell.intOrNull(row, 'commitmentId'),
        consultation_id: cell.intOrNull(row, 'consultationId'),
        ...(own?.author_id != null ? {} : { author_name: cell.text(row, 'author') }),
        source: cell.text(row, 'source'),
        source_url: cell.textOrNull(row, 'sourceUrl'),
        lang: cell.text(row, 'language'),
        state: cell.text(row, 'state'),
        ...(standing || !previous
          ? {
              body: cell.text(row, 'body'),
              title: cell.text(row, 'title'),
              problem: cell.text(row, 'problem'),
              suggested_action: cell.text(row, 'suggestedAction'),
            }
          : {}),
        proposed_agency_id: cell.intOrNull(row, 'proposedAgencyId'),
        agency_id: cell.intOrNull(row, 'agencyId'),
        submitted_at: new Date(cell.text(row, 'submittedAt')),
        edited_at: dateOrNull(cell.textOrNull(row, 'editedAt')),
        withdrawn_at: dateOrNull(cell.textOrNull(row, 'withdrawnAt')),
        hidden_at: dateOrNull(cell.textOrNull(row, 'hiddenAt')),
        hidden_reason: cell.text(row, 'hiddenReason'),
        response_state: cell.text(row, 'responseState'),
        response_reason: jsonb(cell.localized(row, 'responseReason')),
        referred_to: cell.text(row, 'referredTo'),
        ...(own?.responded_by != null ? {} : { responded_by_name: cell.text(row, 'respondedBy') }),
        responded_at: dateOrNull(cell.textOrNull(row, 'respondedAt')),
        ...(keepLink ? {} : { change_history_id: changedType === null ? null : (latest.get(`${changedType}:${cell.int(row, 'changedId')}`) ?? null) }),
        parent_id: cell.intOrNull(row, 'parentId'),
      };
      if (previous) await updateVersioned(trx, 'inputs', id, values).execute();
      else
        await trx
          .insertInto('inputs')
          .values({ id, ...values, body: cell.text(row, 'body') })
          .execute();
    }
    await recordImportedRows(trx, 'input', changes, actor, planAndCommitment);
    await movePastIds(trx, 'inputs');
  },
};

const dateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** A linked change as exported: what it changed, when the public may read it (plan content only). */
function linkedChange(entry: { entityType: string; entityId: number } | undefined): { changedType: string | null; changedId: number | null } {
  if (!entry || !(CHANGE_TYPES as readonly string[]).includes(entry.entityType)) return { changedType: null, changedId: null };
  return { changedType: entry.entityType, changedId: entry.entityId };
}

export const participationOpenData: readonly OpenDataEntity[] = [consultationsEntity, inputsEntity];
