/**
 * OGP Local's end-of-commitment assessments on an engagement's local plans: for each commitment, its last day, the
 * day the Local Monitoring Body's assessment is due (a month later) and where it stands, from the reports the viewer
 * may see.
 */
import type { DbOrTx } from '../../db/connection.js';
import type { Localized } from '../../domain/localized.js';
import { endOfCommitmentDue, endOfCommitmentStanding, type EndOfCommitmentStanding } from '../../domain/review.js';
import { planQueries } from '../plans/index.js';
import type { ReviewReport } from './review.model.js';

export interface EndOfCommitmentRow {
  planId: number;
  commitmentId: number;
  number: string;
  title: Localized;
  endDate: string;
  dueOn: string;
  standing: EndOfCommitmentStanding;
  /** The assessment, when one has been started and the viewer may see it. */
  report: ReviewReport | undefined;
}

/** The rows of every local plan of the engagement, in plan and commitment order; none for other plans. */
export async function endOfCommitmentRows(
  db: DbOrTx,
  planIds: readonly number[],
  reports: readonly ReviewReport[],
  today: string,
): Promise<EndOfCommitmentRow[]> {
  const members = await planQueries.listMembers(db);
  const plans = await planQueries.findPlansByIds(db, [...planIds]);
  const local = planIds.filter((id) => members.find((m) => m.id === plans.get(id)?.memberId)?.kind === 'local');
  const rows: EndOfCommitmentRow[] = [];
  for (const planId of local)
    for (const c of await planQueries.listCommitmentSummaries(db, { planId })) {
      // The first edition counts: a correction of a published assessment is still that assessment.
      const report = reports.find((r) => r.kind === 'end-of-commitment' && r.commitmentId === c.id && r.edition === 1);
      rows.push({
        planId,
        commitmentId: c.id,
        number: c.number,
        title: c.title,
        endDate: c.endDate,
        dueOn: endOfCommitmentDue(c.endDate),
        standing: endOfCommitmentStanding(c.endDate, report, today),
        report,
      });
    }
  return rows;
}
