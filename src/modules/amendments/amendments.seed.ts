/**
 * The demo plan's adoption and its mid-term revision (期中檢討), written through the services as the secretariat and
 * the lead agency would: the Executive Yuan's approval freezes version 1; at the first plenary past the middle of
 * the plan's period the forum adopts an amendment the lead agency of 1-1 proposed to its last milestone, which makes
 * version 2; the secretariat then brings the English edition in line (not an amendment). Marked as demo. The
 * approval's day and reference are illustrative (the demo plan's file says which facts are real).
 */
import type { Db } from '../../db/connection.js';
import { inOneTransaction } from '../../db/one-transaction.js';
import { registerPolicy } from '../../domain/authorization.js';
import { addDays } from '../../domain/monitoring.js';
import { systemActor } from '../../domain/system-actor.js';
import { createResolution, forumPolicy, forumQueries } from '../forum/index.js';
import { planQueries as planQ, planService, plansPolicy } from '../plans/index.js';
import { amendmentsPolicy } from './amendments.policy.js';
import * as q from './amendments.queries.js';
import { adoptPlan, decideAmendment, scheduleAmendment } from './amendments.service.js';

const SECRETARIAT = systemActor('國家發展委員會（秘書處）', 'secretariat');
const ADOPTED_ON = '2021-01-29';
const AMENDED = { commitment: '1-1', milestoneIndex: 2 } as const;

export async function seedDemoAmendments(db: Db, opts: { planId: number; agencyIds: Map<string, number> }): Promise<void> {
  // The seed also runs without the app (the CLI, the test harness): the rules its writes are checked against.
  registerPolicy(amendmentsPolicy);
  registerPolicy(plansPolicy);
  registerPolicy(forumPolicy);
  await inOneTransaction(db, async (db) => {
    if (await q.findAdoption(db, opts.planId)) return;
    const at = (day: string) => ({ db, now: () => new Date(`${day}T02:00:00Z`), demo: true });
    await adoptPlan(at(ADOPTED_ON), SECRETARIAT, opts.planId, {
      authority: { zh: '行政院', en: 'the Executive Yuan', status: 'reviewed' },
      adoptedOn: ADOPTED_ON,
      documentReference: '行政院核定函（示範資料，文號從略）',
    });
    const plan = await planQ.findPlanById(db, opts.planId);
    const commitment = await planQ.findCommitmentByNumber(db, opts.planId, AMENDED.commitment);
    if (!plan || !commitment) return;
    const milestone = (await planQ.listMilestones(db, commitment.id))[AMENDED.milestoneIndex];
    // The mid-term review: the first plenary after the middle of the plan's period.
    const middle = addDays(plan.periodStart, Math.round((Date.parse(plan.periodEnd) - Date.parse(plan.periodStart)) / 86_400_000 / 2));
    const meeting = (await forumQueries.listMeetings(db, opts.planId))
      .filter((m) => m.kind === 'plenary' && m.heldOn >= middle)
      .sort((a, b) => a.heldOn.localeCompare(b.heldOn))[0];
    if (!milestone || !meeting) return;
    const lead = await planQ.findAgencyById(db, commitment.leadAgencyId);
    const officer = systemActor(`${lead?.name.zh ?? ''}承辦人`, 'agency-officer', [commitment.leadAgencyId]);
    const proposedOn = addDays(meeting.heldOn, -30);
    const outcome = await planService.changeMilestone(at(proposedOn), officer, milestone.id, {
      version: milestone.version,
      deliverable: { zh: '資料品質檢核工具上線並納入各機關資料開放流程，依徵詢結果分階段開放高應用價值資料' },
      reason: '期中檢討：品質檢核工具須納入各機關既有之資料開放流程始能持續運作；高應用價值資料依徵詢結果之優先順序分階段開放。',
    });
    if (!('proposed' in outcome)) return;
    await q.dateDemoProposal(db, outcome.proposed.id, new Date(`${proposedOn}T02:00:00Z`));
    const proposed = await q.findAmendmentById(db, outcome.proposed.id);
    if (!proposed) return;
    const scheduled = await scheduleAmendment(at(addDays(meeting.heldOn, -14)), SECRETARIAT, proposed.id, { meetingId: meeting.id, version: proposed.version });
    const resolution = await createResolution({ db, demo: true }, SECRETARIAT, meeting.id, {
      body: {
        zh: `期中檢討：同意承諾事項 ${commitment.number} 衡量指標修正案（修正案 ${proposed.id}），並請秘書處更新行動方案內容及英文版。`,
        en: `Mid-term review: the amendment to the milestones of commitment ${commitment.number} (amendment ${proposed.id}) is adopted; the secretariat to update the plan and its English edition.`,
        status: 'reviewed',
      },
    });
    await decideAmendment(at(meeting.heldOn), SECRETARIAT, proposed.id, { resolutionId: resolution.id, outcome: 'applied', version: scheduled.version });
    // The English edition follows the decision: an English-only edit, applied directly.
    const amended = await planQ.findMilestoneById(db, milestone.id);
    if (!amended) return;
    await planService.updateMilestone(at(addDays(meeting.heldOn, 7)), SECRETARIAT, milestone.id, {
      version: amended.version,
      deliverable: {
        en: 'Quality checker online and built into every agency’s data release workflow; high-value datasets released in stages from the consultation list',
        status: 'reviewed',
      },
    });
  });
}
