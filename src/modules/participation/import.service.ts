/**
 * The import of inputs gathered elsewhere (JOIN's export, a meeting's notes, e-mail): the whole file is checked —
 * its cells (import.ts), then its targets and agencies against the plan and the consultation it is attached to —
 * before anything is written; one problem anywhere and nothing is. Then every row is written in one transaction, each
 * with its history ('input' create, and the answer it brings as an 'input-response'), as the secretariat imports it.
 */
import { jsonb, type DbOrTx } from '../../db/connection.js';
import type { Actor } from '../../domain/authorization.js';
import { emptyLocalized, normalizeLocalized } from '../../domain/localized.js';
import type { FieldProblem } from '../../domain/plan.js';
import { ValidationError } from '../../errors.js';
import { authorize, found } from '../../web/service-helpers.js';
import { recordHistory } from '../history/index.js';
import { planQueries as planQ } from '../plans/index.js';
import {
  IMPORT_MAX_LISTED,
  parseInputsCsv,
  resolveTargets,
  sortProblems,
  type ImportRow,
  type PlanIndex,
  type ResolvedTarget,
  type RowProblem,
} from './import.js';
import type { Consultation } from './participation.model.js';
import * as q from './participation.queries.js';
import { inputRecord, inputSubject, responseRecord, type ParticipationDeps } from './participation.service.js';

export interface ImportOptions {
  /** Attach every row to this consultation of the plan. */
  consultationId?: number;
  /** Mark what is written as demonstration content (the demo seed). */
  demo?: boolean;
}

/** A problem of the file as the error carries it: `rows.<row>.<column>` (or `csv` for the file as a whole), its message's key and where. */
export function toFieldProblem(p: RowProblem): FieldProblem {
  const field = p.row === 0 ? 'csv' : `rows.${p.row}${p.column ? `.${p.column}` : ''}`;
  return { field, key: p.key, params: { row: p.row, column: p.column, ...p.params } };
}

/**
 * The refusal of a file: a first line that counts the problems (under `csv`), then at most IMPORT_MAX_LISTED of them
 * in file order, then how many more there are (under `csv.more`).
 */
export function importRefusal(problems: readonly RowProblem[]): ValidationError {
  const sorted = sortProblems(problems);
  const listed = sorted.slice(0, IMPORT_MAX_LISTED).map(toFieldProblem);
  const fileLevel = listed.filter((p) => p.field === 'csv');
  const out: FieldProblem[] =
    fileLevel.length > 0
      ? [...fileLevel, ...listed.filter((p) => p.field !== 'csv')]
      : [{ field: 'csv', key: 'participation.import.invalid', params: { count: sorted.length } }, ...listed];
  if (sorted.length > IMPORT_MAX_LISTED)
    out.push({ field: 'csv.more', key: 'participation.import.more', params: { count: sorted.length - IMPORT_MAX_LISTED } });
  return new ValidationError(out);
}

/** What the rows may name in the plan: areas by position, commitments by number, milestones by number and position, agencies by code. */
async function indexPlan(db: DbOrTx, planId: number): Promise<PlanIndex> {
  const [areas, commitments, milestones, agencies] = await Promise.all([
    planQ.listAreas(db, planId),
    planQ.listCommitmentSummaries(db, { planId }),
    planQ.listMilestonesOfPlan(db, planId),
    planQ.listAgencies(db),
  ]);
  const numberOf = new Map(commitments.map((c) => [c.id, c.number]));
  const index: PlanIndex = {
    planId,
    areas: new Map(areas.map((a) => [a.position, { id: a.id }])),
    commitments: new Map(commitments.map((c) => [c.number, { id: c.id, areaId: c.areaId, leadAgencyId: c.leadAgencyId }])),
    milestones: new Map(),
    agencies: new Map(agencies.map((a) => [a.code, { id: a.id }])),
  };
  for (const [commitmentId, list] of milestones)
    for (const m of list) index.milestones.set(`${numberOf.get(commitmentId) ?? ''}/${m.position}`, { id: m.id, commitmentId });
  return index;
}

/** Whether a row's target lies within what the consultation asks about (a consultation on the plan or a section takes anything). */
function withinConsultation(c: Consultation, t: ResolvedTarget): boolean {
  switch (c.targetType) {
    case 'plan':
    case 'section':
      return true;
    case 'area':
      return t.areaId === c.targetId;
    case 'commitment':
      return t.commitmentId === c.targetId;
    case 'milestone':
      return t.targetType === 'milestone' && t.targetId === c.targetId;
  }
}

/** What history keeps of a response (as the respond use case files it); before an imported answer, none was given. */
const PENDING_RECORD = { state: 'pending', reason: emptyLocalized(), referredTo: '', changeHistoryId: null };

/**
 * Imports the rows of `csv` into the plan, all or none. Refused (400) with every problem by row and column, at most
 * IMPORT_MAX_LISTED listed; `consultationId` must name one of the plan's consultations (an internal round's rows are
 * internal, like what its audience writes).
 */
export async function importInputs(
  deps: ParticipationDeps,
  actor: Actor | null,
  planId: number,
  csv: string,
  options: ImportOptions = {},
): Promise<{ imported: number }> {
  authorize(actor, 'input.import', { planId });
  const now = deps.now();
  const plan = found(await planQ.findPlanById(deps.db, planId));

  let consultation: Consultation | undefined;
  if (options.consultationId !== undefined) {
    consultation = await q.findConsultationById(deps.db, options.consultationId);
    if (consultation?.planId !== plan.id) throw new ValidationError([{ field: 'consultation', key: 'participation.import.error.consultation' }]);
  }

  const parsed = parseInputsCsv(csv, now);
  if (!parsed.ok) throw importRefusal(parsed.problems);
  const index = await indexPlan(deps.db, plan.id);
  const { resolved, problems } = resolveTargets(parsed.rows, index);
  if (consultation)
    parsed.rows.forEach((row, i) => {
      const target = resolved[i];
      if (target && !problems.some((p) => p.row === row.row && p.column === 'target') && !withinConsultation(consultation, target))
        problems.push({ row: row.row, column: 'target', key: 'participation.import.error.outsideConsultation' });
    });
  if (problems.length > 0) throw importRefusal(problems);

  const agencyNames = await planQ.agencyNames(deps.db, [...new Set(resolved.map((t) => t.agencyId).filter((id): id is number => id !== null))]);
  const state = consultation?.audience === 'internal' ? 'internal' : 'published';

  await deps.db.transaction().execute(async (trx) => {
    for (const [i, row] of parsed.rows.entries()) {
      const target = resolved[i];
      if (!target) continue;
      // Who answered where the input was gathered: as the file names them, else the agency that owed the answer, else the importer.
      const respondedBy =
        row.response.respondedBy || (target.agencyId !== null ? (agencyNames.get(target.agencyId)?.zh ?? '') : '') || (actor?.displayName ?? '');
      const input = await q.insertInput(
        trx,
        rowValues(row, target, {
          planId: plan.id,
          consultationId: consultation?.id ?? null,
          state,
          respondedBy,
          now,
          demo: options.demo ?? deps.demo ?? false,
        }),
      );
      await recordHistory(trx, { ...inputSubject(input), action: 'create', actor, before: null, after: inputRecord(input) });
      if (input.response.state === 'pending') continue;
      await recordHistory(trx, {
        ...inputSubject(input),
        entityType: 'input-response',
        action: 'update',
        actor,
        before: PENDING_RECORD,
        after: responseRecord(input),
      });
    }
  });
  return { imported: parsed.rows.length };
}

/** The row's columns: an import has no author account, only the name its source gives. */
function rowValues(
  row: ImportRow,
  target: ResolvedTarget,
  at: { planId: number; consultationId: number | null; state: 'published' | 'internal'; respondedBy: string; now: Date; demo: boolean },
): Parameters<typeof q.insertInput>[1] {
  return {
    plan_id: at.planId,
    kind: row.kind,
    target_type: target.targetType,
    target_id: target.targetId,
    section: null,
    commitment_id: target.commitmentId,
    consultation_id: at.consultationId,
    parent_id: null,
    author_id: null,
    author_name: row.authorName,
    source: row.source,
    source_url: row.sourceUrl,
    lang: row.lang,
    body: row.body,
    title: row.kind === 'proposal' ? row.title : '',
    problem: row.kind === 'proposal' ? row.problem : '',
    suggested_action: row.kind === 'proposal' ? row.suggestedAction : '',
    proposed_agency_id: target.proposedAgencyId,
    state: at.state,
    agency_id: target.agencyId,
    forum_matter: false,
    ...(row.response.state === 'pending'
      ? {}
      : {
          response_state: row.response.state,
          response_reason: jsonb(normalizeLocalized({ zh: row.response.reason.zh, en: row.response.reason.en, status: 'reviewed' })),
          referred_to: row.response.state === 'referred' ? row.response.referredTo : '',
          responded_by_name: at.respondedBy,
          responded_at: row.response.respondedAt,
        }),
    submitted_at: row.submittedAt,
    created_at: at.now,
    updated_at: at.now,
    is_demo: at.demo,
  };
}
