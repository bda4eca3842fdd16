/**
 * Use cases of the English edition (ADR 0033): the board's units and figures, and the editor's write. An edit
 * changes only the English side and the status of the fields it names, on the plan's own rows (through the query
 * functions plans exports), with the row locked, its version checked (409) and the change in the plan's history, in
 * one transaction. It is a translation, not a change of substance: an adopted plan's English is edited directly.
 */
import type { Db, DbOrTx } from '../../db/connection.js';
import type { Actor } from '../../domain/authorization.js';
import { normalizeLocalized, type Localized, type TranslationStatus } from '../../domain/localized.js';
import type { ActionPlan } from '../../domain/plan.js';
import { ValidationError } from '../../errors.js';
import { assertVersion, authorize, found, signedIn, type HistorySubject } from '../../web/service-helpers.js';
import { recordHistory } from '../history/index.js';
import { planQueries } from '../plans/index.js';
import {
  editionFigure,
  filterUnits,
  isFieldOf,
  savedStatus,
  TRANSLATABLE_FIELDS,
  type EditionFigure,
  type TranslatableField,
  type TranslationEntity,
  type TranslationFilter,
  type TranslationUnit,
} from './translations.model.js';
import { readPlanTexts, unitsOf, type PlanTexts } from './translations.queries.js';

export interface TranslationDeps {
  db: Db;
}

/** Everything the board shows of a plan: its units (filtered), and the figures of the whole plan. */
export interface Board {
  texts: PlanTexts;
  all: TranslationUnit[];
  units: TranslationUnit[];
  figure: EditionFigure;
}

export async function board(db: DbOrTx, plan: ActionPlan, filter: TranslationFilter): Promise<Board> {
  const texts = await readPlanTexts(db, plan);
  const all = unitsOf(texts);
  return { texts, all, units: filterUnits(all, filter), figure: editionFigure(all) };
}

/** The "English edition complete" figure of a plan (the review's readiness gate reads it as a provision). */
export async function englishEdition(db: DbOrTx, planId: number): Promise<EditionFigure | undefined> {
  const plan = await planQueries.findPlanById(db, planId);
  if (!plan) return undefined;
  return editionFigure(unitsOf(await readPlanTexts(db, plan)));
}

/** One entity's bilingual fields as the editor shows them, with the version to send back. */
export interface EntityTexts {
  entity: TranslationEntity;
  id: number;
  planId: number;
  version: number;
  fields: { field: TranslatableField; text: Localized }[];
  /** The commitment the entity belongs to (a commitment, or a milestone's), for its label. */
  commitment: { id: number; number: string; title: Localized; leadAgencyId: number } | null;
  title: Localized;
}

type Row = Record<string, unknown> & { id: number; version: number };

/** Reads (and with `lock`, locks) one entity of a plan's text; undefined when there is none. */
async function readEntity(db: DbOrTx, entity: TranslationEntity, id: number, lock: boolean): Promise<{ row: Row; texts: EntityTexts } | undefined> {
  const pack = (row: Row, planId: number, title: Localized, commitment: EntityTexts['commitment']) => ({
    row,
    texts: {
      entity,
      id,
      planId,
      version: row.version,
      title,
      commitment,
      fields: TRANSLATABLE_FIELDS[entity].map((field) => ({ field, text: row[field] as Localized })),
    },
  });
  switch (entity) {
    case 'plan': {
      const plan = await planQueries.findPlanById(db, id, lock);
      return plan && pack({ ...plan }, plan.id, plan.title, null);
    }
    case 'area': {
      const area = await planQueries.findAreaById(db, id, lock);
      return area && pack({ ...area }, area.planId, area.title, null);
    }
    case 'commitment': {
      const c = await planQueries.findCommitmentById(db, id, lock);
      return c && pack({ ...c }, c.planId, c.title, { id: c.id, number: c.number, title: c.title, leadAgencyId: c.leadAgencyId });
    }
    case 'milestone': {
      const m = await planQueries.findMilestoneById(db, id, lock);
      if (!m) return undefined;
      const c = found(await planQueries.findCommitmentById(db, m.commitmentId));
      return pack({ ...m }, c.planId, m.deliverable, { id: c.id, number: c.number, title: c.title, leadAgencyId: c.leadAgencyId });
    }
  }
}

export async function entityTexts(db: DbOrTx, entity: TranslationEntity, id: number): Promise<EntityTexts | undefined> {
  return (await readEntity(db, entity, id, false))?.texts;
}

/** The English of some fields, each with the status asked for (a draft unless marked reviewed). */
export interface TranslationEdit {
  version: number;
  fields: Partial<Record<string, { en: string; status?: TranslationStatus | undefined }>>;
}

async function writeEntity(trx: DbOrTx, entity: TranslationEntity, id: number, row: Row): Promise<Row> {
  switch (entity) {
    case 'plan':
      return { ...(await planQueries.updatePlanRow(trx, id, row as unknown as planQueries.PlanValues)) };
    case 'area':
      return { ...(await planQueries.updateAreaRow(trx, id, row as unknown as planQueries.AreaValues)) };
    case 'commitment':
      return { ...(await planQueries.updateCommitmentRow(trx, id, row as unknown as planQueries.CommitmentValues)) };
    case 'milestone':
      return { ...(await planQueries.updateMilestoneRow(trx, id, row as unknown as planQueries.MilestoneValues)) };
  }
}

const subjectOf = (texts: EntityTexts): HistorySubject => ({
  entityType: texts.entity,
  entityId: texts.id,
  planId: texts.planId,
  commitmentId: texts.commitment?.id ?? null,
});

/**
 * Saves the English of one entity's fields. Only translators of its plan (or the site) and the secretariat may;
 * the Chinese is never changed; a text entered or pasted is a draft unless the editor marks it reviewed, and a side
 * left empty makes the pair missing. Nothing changed writes nothing (the version stays).
 */
export async function editTranslation(
  deps: TranslationDeps,
  actor: Actor | null,
  entity: TranslationEntity,
  id: number,
  edit: TranslationEdit,
): Promise<EntityTexts> {
  const who = signedIn(actor);
  return deps.db.transaction().execute(async (trx) => {
    const current = found(await readEntity(trx, entity, id, true));
    authorize(who, 'translation.edit', { planId: current.texts.planId });
    assertVersion(current.row, edit.version);
    const problems = Object.keys(edit.fields)
      .filter((field) => !isFieldOf(entity, field))
      .map((field) => ({ field: `fields.${field}`, key: 'error.invalid' as const }));
    if (problems.length > 0) throw new ValidationError(problems);
    const next: Row = { ...current.row };
    for (const [field, change] of Object.entries(edit.fields)) {
      if (!change) continue;
      const now = current.row[field] as Localized;
      next[field] = normalizeLocalized({ zh: now.zh, en: change.en, status: savedStatus(change.status) });
    }
    const changed = TRANSLATABLE_FIELDS[entity].some((f) => JSON.stringify(next[f]) !== JSON.stringify(current.row[f]));
    if (!changed) return current.texts;
    const written = await writeEntity(trx, entity, id, next);
    await recordHistory(trx, { ...subjectOf(current.texts), action: 'update', actor: who, before: current.row, after: written });
    return found(await readEntity(trx, entity, id, false)).texts;
  });
}
