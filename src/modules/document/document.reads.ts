/**
 * What the plan document shows, read once for all three formats (the page, the ODT, the PDF printed from the page):
 * the plan's own sections, the co-creation record's figures, and the commitments by area with their milestones and
 * agencies. Only what the plan page already shows to anyone; reads go through the owning modules' index files.
 */
import type { Db } from '../../db/connection.js';
import type { CocreationRecord, Phase } from '../../domain/cocreation.js';
import type { ActionPlan, Agency, Area, Commitment, Member, Milestone } from '../../domain/plan.js';
import { coCreationOverview } from '../cocreation/index.js';
import { planQueries } from '../plans/index.js';

export interface DocumentArea {
  area: Area;
  commitments: { commitment: Commitment; milestones: Milestone[] }[];
}

export interface PlanDocument {
  plan: ActionPlan;
  member: Member | undefined;
  /** The phases in timeline order and the record's figures, as of `today` (Taipei). */
  phases: Phase[];
  record: CocreationRecord;
  today: string;
  areas: DocumentArea[];
  agencies: Map<number, Agency>;
}

export async function readPlanDocument(db: Db, plan: ActionPlan, now: Date): Promise<PlanDocument> {
  const [members, areas, agencies, commitments, milestones, overview] = await Promise.all([
    planQueries.listMembers(db),
    planQueries.listAreas(db, plan.id),
    planQueries.listAgencies(db),
    planQueries.listCommitments(db, { planId: plan.id }, { limit: 100_000, offset: 0 }),
    planQueries.listMilestonesOfPlan(db, plan.id),
    coCreationOverview(db, plan, now),
  ]);
  const byArea = new Map<number, DocumentArea>(areas.map((area) => [area.id, { area, commitments: [] }]));
  for (const commitment of commitments.items) byArea.get(commitment.areaId)?.commitments.push({ commitment, milestones: milestones.get(commitment.id) ?? [] });
  return {
    plan,
    member: members.find((m) => m.id === plan.memberId),
    phases: overview.phases,
    record: overview.record,
    today: overview.today,
    areas: [...byArea.values()],
    agencies: new Map(agencies.map((a) => [a.id, a])),
  };
}
