/**
 * What the board reads: every bilingual field of a plan, through the query functions plans exports (this module has
 * no table of its own; the texts stay in the plans' rows, ADR 0004).
 */
import type { DbOrTx } from '../../db/connection.js';
import type { ActionPlan, Area, Commitment, Milestone } from '../../domain/plan.js';
import { planQueries } from '../plans/index.js';
import { hasText, TRANSLATABLE_FIELDS, type TranslationUnit } from './translations.model.js';

/** The plan's entities as the board lists them: the plan, its areas, commitments (by number) and their milestones. */
export interface PlanTexts {
  plan: ActionPlan;
  areas: Area[];
  commitments: Commitment[];
  milestones: Map<number, Milestone[]>;
}

export async function readPlanTexts(db: DbOrTx, plan: ActionPlan): Promise<PlanTexts> {
  const [areas, { items: commitments }, milestones] = await Promise.all([
    planQueries.listAreas(db, plan.id),
    planQueries.listCommitments(db, { planId: plan.id }, { limit: 10_000, offset: 0 }),
    planQueries.listMilestonesOfPlan(db, plan.id),
  ]);
  return { plan, areas, commitments, milestones };
}

/** Every unit of translation of the plan, in the plan's order: its own texts, then each area with its commitments and their milestones. */
export function unitsOf(texts: PlanTexts): TranslationUnit[] {
  const { plan } = texts;
  const units: TranslationUnit[] = [];
  const push = (u: Omit<TranslationUnit, 'planId'>) => {
    if (hasText(u.text)) units.push({ ...u, planId: plan.id });
  };
  for (const field of TRANSLATABLE_FIELDS.plan)
    push({
      entity: 'plan',
      id: plan.id,
      field,
      text: plan[field],
      version: plan.version,
      areaId: null,
      agencyId: null,
      commitment: null,
      entityTitle: plan.title,
    });
  for (const area of texts.areas) {
    for (const field of TRANSLATABLE_FIELDS.area)
      push({
        entity: 'area',
        id: area.id,
        field,
        text: area[field],
        version: area.version,
        areaId: area.id,
        agencyId: null,
        commitment: null,
        entityTitle: area.title,
      });
    for (const c of texts.commitments.filter((c) => c.areaId === area.id)) {
      const at = { areaId: area.id, agencyId: c.leadAgencyId, commitment: { id: c.id, number: c.number } };
      for (const field of TRANSLATABLE_FIELDS.commitment)
        push({ entity: 'commitment', id: c.id, field, text: c[field], version: c.version, ...at, entityTitle: c.title });
      for (const m of texts.milestones.get(c.id) ?? [])
        for (const field of TRANSLATABLE_FIELDS.milestone)
          push({ entity: 'milestone', id: m.id, field, text: m[field], version: m.version, ...at, entityTitle: m.deliverable });
    }
  }
  return units;
}
