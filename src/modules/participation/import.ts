/**
 * Inputs gathered elsewhere (JOIN's export, a meeting's notes, e-mail), as a CSV file: its columns, and the checks
 * each row must pass before anything is written. Pure: the text in, typed rows and every problem out, each named by
 * its row (as a spreadsheet numbers them: the header is row 1) and its column. What the plan holds (commitment
 * numbers, milestones, areas, agency codes) is resolved afterwards, against the plan (`resolveTargets`).
 */
import { parse } from 'csv-parse/sync';
import { checkResponse, MAX_BODY_LENGTH, MAX_PROPOSAL_PART_LENGTH, MAX_TITLE_LENGTH, RESPONSE_STATES, type ResponseState } from '../../domain/participation.js';
import { hasForbiddenCharacter, isWebUrl } from '../../web/schemas.js';
import { parseInstant } from './participation.schemas.js';

/** The largest file taken, in bytes of UTF-8. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** The most rows (after the header) one file may bring. */
export const IMPORT_MAX_ROWS = 5000;
/** How many problems a refusal lists; the rest are counted. */
export const IMPORT_MAX_LISTED = 50;

/** The sources an import may name ('site' is for what was written here). */
export const IMPORT_SOURCES = ['join', 'meeting', 'email', 'other'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export const REQUIRED_COLUMNS = ['source', 'submitted_at', 'author_name', 'source_url', 'target', 'kind', 'body'] as const;
export const OPTIONAL_COLUMNS = [
  'title',
  'problem',
  'suggested_action',
  'proposed_agency',
  'lang',
  'response_state',
  'response_reason_zh',
  'response_reason_en',
  'referred_to',
  'responded_at',
  'responded_by',
] as const;
export const IMPORT_COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const MAX_NAME_LENGTH = 200;
const MAX_REASON_LENGTH = 5000;
const MAX_REFERRED_TO_LENGTH = 300;
const MAX_URL_LENGTH = 2000;

/** What a row is about, as the file names it: numbers and positions, not ids. */
export type TargetRef =
  { type: 'plan' } | { type: 'area'; position: number } | { type: 'commitment'; number: string } | { type: 'milestone'; commitment: string; position: number };

export interface ImportedResponse {
  state: ResponseState;
  reason: { zh: string; en: string };
  referredTo: string;
  respondedAt: Date | null;
  /** Who answered, as the source names them ('' for the agency that owes the answer). */
  respondedBy: string;
}

export interface ImportRow {
  /** Its row in the file, as a spreadsheet shows it (the header is row 1). */
  row: number;
  source: ImportSource;
  submittedAt: Date;
  authorName: string;
  sourceUrl: string | null;
  target: TargetRef;
  kind: 'comment' | 'proposal';
  body: string;
  title: string;
  problem: string;
  suggestedAction: string;
  /** An agency code, resolved against the agencies afterwards. */
  proposedAgency: string | null;
  lang: 'zh' | 'en';
  response: ImportedResponse;
}

/** One problem of the file: where (row and column; row 1 is the header, row 0 the file as a whole) and what (a catalog key). */
export interface RowProblem {
  row: number;
  column: string;
  key: string;
  params?: Record<string, string | number>;
}

export type ParsedImport = { ok: true; rows: ImportRow[] } | { ok: false; problems: RowProblem[] };

const problemAt = (row: number, column: string, key: string, params?: Record<string, string | number>): RowProblem =>
  params ? { row, column, key, params } : { row, column, key };

const TARGET_PATTERN = /^(?:plan|area:(\d{1,3})|commitment:(\d{1,2}-\d{1,2})|milestone:(\d{1,2}-\d{1,2})\/(\d{1,3}))$/;

/** `plan`, `area:<position>`, `commitment:<number>`, `milestone:<commitment>/<position>`; undefined when it is none of them. */
export function parseTarget(value: string): TargetRef | undefined {
  const m = TARGET_PATTERN.exec(value.trim());
  if (!m) return undefined;
  if (m[1] !== undefined) return Number(m[1]) > 0 ? { type: 'area', position: Number(m[1]) } : undefined;
  if (m[2] !== undefined) return { type: 'commitment', number: m[2] };
  if (m[3] !== undefined && m[4] !== undefined) return Number(m[4]) > 0 ? { type: 'milestone', commitment: m[3], position: Number(m[4]) } : undefined;
  return { type: 'plan' };
}

/** How a target is written in the file, for messages. */
export function targetLabel(t: TargetRef): string {
  switch (t.type) {
    case 'plan':
      return 'plan';
    case 'area':
      return `area:${t.position}`;
    case 'commitment':
      return `commitment:${t.number}`;
    case 'milestone':
      return `milestone:${t.commitment}/${t.position}`;
  }
}

/** A date or date-time of the calendar (2020-02-30 is none, though Date would roll it over to March). */
function parseDate(value: string): Date | null {
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
  const midnight = day ? new Date(`${day}T00:00:00Z`) : undefined;
  if (!day || !midnight || Number.isNaN(midnight.getTime()) || midnight.toISOString().slice(0, 10) !== day) return null;
  return parseInstant(value);
}

/** Reads the records; a file csv-parse cannot read is one problem at the row where it stopped. */
function readRecords(csv: string): { records: string[][] } | { problem: RowProblem } {
  try {
    const records: string[][] = parse(csv, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // One more than the limit is enough to know the file is too long, without reading the rest of it.
      to: IMPORT_MAX_ROWS + 2,
    });
    return { records };
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    return { problem: problemAt(typeof line === 'number' ? line : 0, '', 'participation.import.error.syntax') };
  }
}

/**
 * Parses and checks the whole file: every problem of every row, or the rows. `now` bounds the dates (nothing is
 * submitted or answered in the future).
 */
export function parseInputsCsv(csv: string, now: Date): ParsedImport {
  if (Buffer.byteLength(csv, 'utf8') > IMPORT_MAX_BYTES)
    return { ok: false, problems: [problemAt(0, '', 'participation.import.error.tooLarge', { max: '2 MB' })] };
  const read = readRecords(csv);
  if ('problem' in read) return { ok: false, problems: [read.problem] };
  const [header, ...records] = read.records;
  if (!header || records.length === 0) return { ok: false, problems: [problemAt(0, '', 'participation.import.error.empty')] };
  if (records.length > IMPORT_MAX_ROWS) return { ok: false, problems: [problemAt(0, '', 'participation.import.error.tooManyRows', { max: IMPORT_MAX_ROWS })] };

  const problems: RowProblem[] = [];
  const names = header.map((name) =>
    name
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const seen = new Set<string>();
  for (const name of names) {
    if (name === '') continue;
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) problems.push(problemAt(1, name, 'participation.import.error.unknownColumn'));
    else if (seen.has(name)) problems.push(problemAt(1, name, 'participation.import.error.duplicateColumn'));
    seen.add(name);
  }
  for (const name of REQUIRED_COLUMNS) if (!seen.has(name)) problems.push(problemAt(1, name, 'participation.import.error.missingColumn'));
  if (problems.length > 0) return { ok: false, problems };

  const rows: ImportRow[] = [];
  records.forEach((record, i) => {
    const row = i + 2;
    const cell = (column: ImportColumn) => {
      const at = names.indexOf(column);
      return at < 0 ? '' : (record[at] ?? '').trim();
    };
    const before = problems.length;
    if (record.length > names.length && record.slice(names.length).some((v) => v.trim() !== ''))
      problems.push(problemAt(row, '', 'participation.import.error.extraCells', { count: names.length }));
    // NUL and lone surrogates: the database cannot keep them as sent.
    record.forEach((value, j) => {
      if (hasForbiddenCharacter(value)) problems.push(problemAt(row, names[j] ?? '', 'participation.import.error.character'));
    });
    const parsed = parseRow(row, cell, now, problems);
    if (parsed && problems.length === before) rows.push(parsed);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

/** One row's checks; its problems go to `problems`, and the row only when it has none. */
function parseRow(row: number, cell: (column: ImportColumn) => string, now: Date, problems: RowProblem[]): ImportRow | undefined {
  const before = problems.length;
  const add = (column: ImportColumn, key: string, params?: Record<string, string | number>) => problems.push(problemAt(row, column, key, params));
  const tooLong = (column: ImportColumn, max: number) => {
    const value = cell(column);
    if (value.length > max) add(column, 'participation.import.error.tooLong', { max });
    return value;
  };

  const source = cell('source').toLowerCase();
  if (!(IMPORT_SOURCES as readonly string[]).includes(source)) add('source', 'participation.import.error.source');

  const submittedAt = parseDate(cell('submitted_at'));
  if (cell('submitted_at') === '') add('submitted_at', 'participation.import.error.required');
  else if (!submittedAt) add('submitted_at', 'participation.import.error.date');
  else if (submittedAt > now) add('submitted_at', 'participation.import.error.future');

  const authorName = tooLong('author_name', MAX_NAME_LENGTH);

  const url = cell('source_url');
  if (url !== '' && (url.length > MAX_URL_LENGTH || !isWebUrl(url))) add('source_url', 'participation.import.error.url');

  const target = parseTarget(cell('target'));
  if (!target) add('target', 'participation.import.error.target');

  const kind = cell('kind').toLowerCase();
  if (kind !== 'comment' && kind !== 'proposal') add('kind', 'participation.import.error.kind');

  const body = tooLong('body', MAX_BODY_LENGTH);
  if (body === '') add('body', 'participation.import.error.required');

  const title = tooLong('title', MAX_TITLE_LENGTH);
  const problem = tooLong('problem', MAX_PROPOSAL_PART_LENGTH);
  const suggestedAction = tooLong('suggested_action', MAX_PROPOSAL_PART_LENGTH);
  const proposedAgency = cell('proposed_agency');
  if (kind === 'proposal') {
    if (title === '') add('title', 'participation.import.error.proposalTitle');
    if (target && target.type !== 'plan') add('target', 'participation.import.error.proposalTarget');
  } else if (kind === 'comment') {
    for (const column of ['title', 'problem', 'suggested_action', 'proposed_agency'] as const)
      if (cell(column) !== '') add(column, 'participation.import.error.proposalOnly');
  }

  const lang = cell('lang').toLowerCase() || 'zh';
  if (lang !== 'zh' && lang !== 'en') add('lang', 'participation.import.error.lang');

  const state = (cell('response_state').toLowerCase() || 'pending') as ResponseState;
  const reason = { zh: tooLong('response_reason_zh', MAX_REASON_LENGTH), en: tooLong('response_reason_en', MAX_REASON_LENGTH) };
  const referredTo = tooLong('referred_to', MAX_REFERRED_TO_LENGTH);
  const respondedBy = tooLong('responded_by', MAX_NAME_LENGTH);
  const respondedAtText = cell('responded_at');
  const respondedAt = respondedAtText === '' ? null : parseDate(respondedAtText);
  if (!RESPONSE_STATES.includes(state)) {
    add('response_state', 'participation.import.error.responseState');
  } else if (state === 'pending') {
    // An answer's parts without an answer: the file says something the import would drop.
    for (const column of ['response_reason_zh', 'response_reason_en', 'referred_to', 'responded_at', 'responded_by'] as const)
      if (cell(column) !== '') add(column, 'participation.import.error.pendingHasAnswer');
  } else {
    for (const p of checkResponse({ state, reason, referredTo }))
      add(
        p.field === 'referredTo' ? 'referred_to' : 'response_reason_zh',
        p.field === 'referredTo' ? 'participation.import.error.referredTo' : 'participation.import.error.reason',
      );
    if (respondedAtText === '') add('responded_at', 'participation.import.error.respondedAtRequired');
    else if (!respondedAt) add('responded_at', 'participation.import.error.date');
    else if (respondedAt > now) add('responded_at', 'participation.import.error.future');
    else if (submittedAt && respondedAt < submittedAt) add('responded_at', 'participation.import.error.answeredBefore');
    if (state !== 'referred' && referredTo !== '') add('referred_to', 'participation.import.error.referredOnly');
  }

  if (problems.length > before || !submittedAt || !target) return undefined;
  return {
    row,
    source: source as ImportSource,
    submittedAt,
    authorName,
    sourceUrl: url === '' ? null : url,
    target,
    kind: kind as 'comment' | 'proposal',
    body,
    title,
    problem,
    suggestedAction,
    proposedAgency: proposedAgency === '' ? null : proposedAgency,
    lang: lang as 'zh' | 'en',
    response: { state, reason, referredTo, respondedAt: state === 'pending' ? null : respondedAt, respondedBy },
  };
}

// ---------------------------------------------------------------- against the plan

/** What the plan holds, as the rows name it. */
export interface PlanIndex {
  planId: number;
  areas: Map<number, { id: number }>;
  commitments: Map<string, { id: number; areaId: number; leadAgencyId: number }>;
  /** By `<commitment number>/<position>`. */
  milestones: Map<string, { id: number; commitmentId: number }>;
  agencies: Map<string, { id: number }>;
}

/** A row's target as ids: the target's type and id, and the commitment it concerns. */
export interface ResolvedTarget {
  targetType: 'plan' | 'area' | 'commitment' | 'milestone';
  targetId: number;
  commitmentId: number | null;
  areaId: number | null;
  /** The agency that owes the answer: the commitment's lead agency, a proposal's proposed agency; null: the secretariat. */
  agencyId: number | null;
  proposedAgencyId: number | null;
}

/** Each row's target and agency against the plan: unknown numbers, positions and codes are problems of their cells. */
export function resolveTargets(rows: readonly ImportRow[], plan: PlanIndex): { resolved: ResolvedTarget[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const resolved = rows.map((r): ResolvedTarget => {
    const label = targetLabel(r.target);
    let out: ResolvedTarget = { targetType: 'plan', targetId: plan.planId, commitmentId: null, areaId: null, agencyId: null, proposedAgencyId: null };
    const t = r.target;
    if (t.type === 'area') {
      const area = plan.areas.get(t.position);
      if (!area) problems.push(problemAt(r.row, 'target', 'participation.import.error.unknownArea', { target: label }));
      else out = { ...out, targetType: 'area', targetId: area.id, areaId: area.id };
    } else if (t.type === 'commitment' || t.type === 'milestone') {
      const number = t.type === 'commitment' ? t.number : t.commitment;
      const commitment = plan.commitments.get(number);
      if (!commitment) problems.push(problemAt(r.row, 'target', 'participation.import.error.unknownCommitment', { target: label }));
      else if (t.type === 'commitment')
        out = {
          ...out,
          targetType: 'commitment',
          targetId: commitment.id,
          commitmentId: commitment.id,
          areaId: commitment.areaId,
          agencyId: commitment.leadAgencyId,
        };
      else {
        const milestone = plan.milestones.get(`${t.commitment}/${t.position}`);
        if (!milestone) problems.push(problemAt(r.row, 'target', 'participation.import.error.unknownMilestone', { target: label }));
        else
          out = {
            ...out,
            targetType: 'milestone',
            targetId: milestone.id,
            commitmentId: commitment.id,
            areaId: commitment.areaId,
            agencyId: commitment.leadAgencyId,
          };
      }
    }
    if (r.proposedAgency !== null) {
      const agency = plan.agencies.get(r.proposedAgency);
      if (!agency) problems.push(problemAt(r.row, 'proposed_agency', 'participation.import.error.unknownAgency', { code: r.proposedAgency }));
      else out = { ...out, proposedAgencyId: agency.id, agencyId: agency.id };
    }
    return out;
  });
  return { resolved, problems };
}

/** Problems in file order: by row, then in the order the checks found them. */
export const sortProblems = (problems: readonly RowProblem[]): RowProblem[] => [...problems].sort((a, b) => a.row - b.row);
