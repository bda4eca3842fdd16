/** Loads the demo plan (DOMAIN.md's 2021–2024 plan) into an empty database, marked as demo content. */
import type { Db } from '../../db/connection.js';
import { normalizeLocalized, type Localized } from '../../domain/localized.js';
import { recordHistory } from '../history/history.queries.js';
import { demoPlan, type DemoText } from './demo-data.js';
import * as q from './plans.queries.js';

/** Demo text was written in both languages and checked, so it is marked reviewed. */
const text = (t: DemoText): Localized => normalizeLocalized({ ...t, status: 'reviewed' });

export async function isEmpty(db: Db): Promise<boolean> {
  return (await q.listPlans(db)).length === 0 && (await q.listAgencies(db)).length === 0;
}

export interface SeededPlan {
  planId: number;
  agencyIds: Map<string, number>;
}

export async function seedDemoPlan(db: Db): Promise<SeededPlan> {
  return db.transaction().execute(async (trx) => {
    const d = demoPlan;
    const memberId = await q.insertMember(trx, { code: d.member.code, kind: d.member.kind, name: text(d.member.name) });
    const agencyIds = new Map<string, number>();
    for (const a of d.agencies) {
      const agency = await q.insertAgency(trx, { code: a.code, name: text(a.name), successorId: null, isDemo: a.assumed });
      agencyIds.set(a.code, agency.id);
    }
    const agencyId = (code: string) => {
      const id = agencyIds.get(code);
      if (id === undefined) throw new Error(`Demo data names an unknown agency ${code}`);
      return id;
    };
    const plan = await q.insertPlan(
      trx,
      {
        slug: d.slug,
        memberId,
        title: text(d.title),
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        status: d.status,
        introduction: text(d.introduction),
        effortsToDate: text(d.effortsToDate),
        developmentProcess: text(d.developmentProcess),
        commitmentsIntro: text(d.commitmentsIntro),
      },
      true,
    );
    await recordHistory(trx, { entityType: 'plan', entityId: plan.id, planId: plan.id, commitmentId: null, action: 'create', actor: null, before: null, after: plan });
    for (const [index, a] of d.areas.entries()) {
      const area = await q.insertArea(trx, { planId: plan.id, position: index + 1, title: text(a.title), description: text(a.description) });
      for (const c of a.commitments) {
        const commitment = await q.insertCommitment(
          trx,
          {
            planId: plan.id,
            areaId: area.id,
            number: c.number,
            ogpId: c.ogpId,
            title: text(c.title),
            startDate: c.startDate,
            endDate: c.endDate,
            leadAgencyId: agencyId(c.leadAgency),
            coAgencyIds: c.coAgencies.map(agencyId),
            contact: c.contact,
            otherActors: text(c.otherActors),
            problem: text(c.problem),
            objective: text(c.objective),
            briefDescription: text(c.briefDescription),
            description: text(c.description),
            contribution: text(c.contribution),
            ogpValues: c.ogpValues,
            sdgTargets: c.sdgTargets,
            budgetAmount: c.budget.amount,
            budgetCurrency: c.budget.currency,
            budgetNote: text(c.budget.note),
            links: c.links,
            origin: c.origin,
            status: c.status,
          },
          true,
        );
        await recordHistory(trx, { entityType: 'commitment', entityId: commitment.id, planId: plan.id, commitmentId: commitment.id, action: 'create', actor: null, before: null, after: commitment });
        for (const [position, m] of c.milestones.entries()) {
          await q.insertMilestone(trx, {
            commitmentId: commitment.id,
            position: position + 1,
            deliverable: text(m.deliverable),
            indicator: text(m.indicator),
            target: text(m.target),
            startDate: m.startDate,
            endDate: m.endDate,
            weight: null,
          });
        }
      }
    }
    return { planId: plan.id, agencyIds };
  });
}
