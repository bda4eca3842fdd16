/**
 * What the public may see of monitoring (ADR 0013). Review cycles are public. A progress report is public once
 * submitted (and stays so when superseded); while a draft it is seen only by those who may write or contribute to
 * it (the lead and supporting agencies' officers, the secretariat, admins). Its history follows: the drafting
 * steps (content edits, evidence, contributions, a deleted draft) are theirs alone, and on submission the public
 * sees one "submitted" entry carrying the submitted content.
 */
import type { DbOrTx } from '../../db/connection.js';
import type { Actor } from '../../domain/authorization.js';
import { diffFields } from '../../domain/history.js';
import { PUBLIC_REPORT_STATES, REPORT_STATES, type ProgressReport } from '../../domain/monitoring.js';
import type { Commitment } from '../../domain/plan.js';
import type { VisibilityPolicy } from '../../web/visibility.js';
import type { HistoryEntry } from '../history/index.js';
import { planQueries as plans } from '../plans/index.js';
import * as q from './monitoring.queries.js';
import { canSeeDrafts, historyView } from './monitoring.service.js';

declare module '../../domain/history.js' {
  interface HistoryEntityTypes {
    cycle: true;
    report: true;
  }
}

/** A report as this viewer may see it: public states for everyone, a draft only for those who may see drafts. */
export function canSeeReport(
  viewer: Actor | null,
  report: Pick<ProgressReport, 'state'>,
  commitment: Pick<Commitment, 'leadAgencyId' | 'coAgencyIds'>,
): boolean {
  return PUBLIC_REPORT_STATES.includes(report.state) || canSeeDrafts(viewer, commitment);
}

/** The published state of a submitted report, as one history entry: the submitted content and its evidence. */
function publishedEntry(submit: HistoryEntry, report: ProgressReport, evidence: string[]): HistoryEntry {
  return { ...submit, changes: diffFields({ state: 'draft' }, { ...historyView(report), state: 'submitted', evidence }) };
}

async function reportHistory(db: DbOrTx, viewer: Actor | null, entries: readonly HistoryEntry[]): Promise<HistoryEntry[]> {
  const commitments = new Map<number, Commitment | undefined>();
  for (const e of entries) {
    // One commitment's history names one commitment (a query each would be an N+1 only across commitments).
    if (e.commitmentId !== null && !commitments.has(e.commitmentId)) commitments.set(e.commitmentId, await plans.findCommitmentById(db, e.commitmentId));
  }
  // All the reports in one read, not one per entry: a report's history has a row per step (issue #10's query budgets).
  const reports = await q.findReportsByIds(
    db,
    entries.map((e) => e.entityId),
  );
  // The last submission of each revision marks where its drafting ended (a revision is a new report row).
  const lastSubmit = new Map<number, HistoryEntry>();
  for (const e of entries) {
    const seen = lastSubmit.get(e.entityId);
    if (e.action === 'submit' && (!seen || e.id > seen.id)) lastSubmit.set(e.entityId, e);
  }
  const visible: (HistoryEntry | { submit: HistoryEntry; report: ProgressReport })[] = [];
  for (const e of entries) {
    const commitment = e.commitmentId === null ? undefined : commitments.get(e.commitmentId);
    if (commitment && canSeeDrafts(viewer, commitment)) {
      visible.push(e);
      continue;
    }
    // A deleted draft, or one still being written, has no public history.
    const report = reports.get(e.entityId);
    if (!report || !PUBLIC_REPORT_STATES.includes(report.state)) continue;
    const submit = lastSubmit.get(e.entityId);
    if (!submit || e.id < submit.id) continue;
    visible.push(e.id === submit.id ? { submit, report } : e);
  }
  // The evidence of every published submission, in one query.
  const published = visible.flatMap((v) => ('submit' in v ? [v.report.id] : []));
  const evidence = new Map<number, string[]>();
  for (const item of await q.listEvidence(db, published)) evidence.set(item.reportId, [...(evidence.get(item.reportId) ?? []), item.title]);
  return visible.map((v) => ('submit' in v ? publishedEntry(v.submit, v.report, evidence.get(v.report.id) ?? []) : v));
}

export const monitoringVisibility: readonly VisibilityPolicy[] = [
  { entityType: 'cycle', states: ['scheduled'], publicStates: ['scheduled'] },
  { entityType: 'report', states: REPORT_STATES, publicStates: PUBLIC_REPORT_STATES, history: reportHistory },
];
