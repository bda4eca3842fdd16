/**
 * The co-creation minimum requirements an action plan review starts from: what the platform's own records say of
 * each (the co-creation module's checklist, the document repository's updates, the answers to the plan's input),
 * read through the provisions those modules offer, so this module imports none of them. A requirement the records
 * say nothing of (the website; the input answers of a plan without input) starts unassessed.
 */
import type { DbOrTx } from '../../db/connection.js';
import type { CheckStatus, Finding, Requirement } from '../../domain/cocreation.js';
import { emptyLocalized } from '../../domain/localized.js';
import type { ActionPlan } from '../../domain/plan.js';
import {
  MINIMUM_REQUIREMENTS,
  reasonedResponseFinding,
  requirementStatusOf,
  type MinimumRequirement,
  type RecordFinding,
  type RequirementStatus,
} from '../../domain/review.js';
import { provided } from '../../web/module.js';
import type { RequirementValues } from './review.queries.js';

/** Which of the co-creation checklist's findings speak to each requirement (the forum: its meetings and its rules). */
const FROM_CHECKLIST: Partial<Record<MinimumRequirement, readonly Requirement[]>> = {
  forum: ['forum-meets', 'rules-published'],
  'advance-notice': ['timeline-in-advance'],
  'open-input': ['open-opportunities'],
  'ongoing-dialogue': ['ongoing-dialogue'],
};

const SEVERITY: Record<CheckStatus, number> = { met: 0, 'not-yet': 1, 'not-met': 2 };

/** The least satisfied of the findings, in the reviewer's terms; null when there is none. */
function worstOf(findings: readonly Finding[]): RecordFinding | null {
  const worst = findings.reduce<Finding | undefined>((w, f) => (!w || SEVERITY[f.status] > SEVERITY[w.status] ? f : w), undefined);
  return worst ? { status: requirementStatusOf(worst.status), key: `cocreation.reason.${worst.reason}`, params: worst.params } : null;
}

/** What the records say of each requirement, in order, as `now`. */
export async function recordFindings(db: DbOrTx, plan: Pick<ActionPlan, 'id' | 'periodStart' | 'periodEnd'>, now: Date): Promise<RequirementValues[]> {
  const checklist = provided('cocreationChecklist');
  const repository = provided('repositoryUpdates');
  const responses = provided('inputResponseTotals');
  const [findings, updates, totals] = await Promise.all([
    checklist ? checklist(db, plan, now) : [],
    repository ? repository(db, plan.id, now) : undefined,
    responses ? responses(db, plan.id, now) : undefined,
  ]);
  const fromRecords = (requirement: MinimumRequirement): RecordFinding | null => {
    const named = FROM_CHECKLIST[requirement];
    if (named) return worstOf(findings.filter((f) => named.includes(f.requirement)));
    if (requirement === 'repository' && updates) {
      const status: RequirementStatus = updates.met ? 'met' : 'not-met';
      return { status, key: 'review.found.repository', params: { days: updates.daysInPastYear, since: updates.since, last: updates.lastUpdate ?? '—' } };
    }
    if (requirement === 'reasoned-response' && totals) return reasonedResponseFinding(totals);
    return null;
  };
  // The reviewers start from the records' statuses; the explanation is theirs to write.
  return MINIMUM_REQUIREMENTS.map((requirement) => {
    const found = fromRecords(requirement);
    return { requirement, found, status: found?.status ?? null, explanation: emptyLocalized() };
  });
}
