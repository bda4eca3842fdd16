/**
 * Reads of the response figures (public: the counts of internal rounds are public, their words are not): a plan's
 * totals, by the agency that owes the answer and by consultation, and the inputs waiting past the limit. One query
 * each; the grouping is the domain's (domain/participation-figures.ts).
 */
import type { DbOrTx } from '../../db/connection.js';
import { daysWaiting, figuresBy, overdueCutoff, overdueOf } from '../../domain/participation-figures.js';
import { isOverdue, responseFigures, type ResponseFigures } from '../../domain/participation.js';
import { listFigureRows, listOverdueInputs, type FigureRow, type OverdueRow } from './figures.queries.js';

/** The figures page of a plan's inputs. */
export { inputFiguresPath } from './participation.paths.js';

export interface AgencyFigures {
  /** null: the secretariat owes the answer. */
  agencyId: number | null;
  figures: ResponseFigures;
}

export interface ConsultationFigures {
  /** null: inputs given outside any consultation. */
  consultationId: number | null;
  figures: ResponseFigures;
}

export interface OverdueSummary {
  id: number;
  submittedAt: Date;
  agencyId: number | null;
  daysWaiting: number;
}

export interface PlanFigures {
  total: ResponseFigures;
  byAgency: AgencyFigures[];
  byConsultation: ConsultationFigures[];
  /** Pending past the limit, the longest waiting first. */
  overdue: OverdueSummary[];
}

/** Groups with more inputs first; ties by key, with the null group (the secretariat, no consultation) last. */
function ordered<K extends number | null>(groups: Map<K, ResponseFigures>): { key: K; figures: ResponseFigures }[] {
  const rank = (k: K) => (k === null ? Number.MAX_SAFE_INTEGER : k);
  return [...groups].map(([key, figures]) => ({ key, figures })).sort((a, b) => b.figures.inputs - a.figures.inputs || rank(a.key) - rank(b.key));
}

/** The figures of rows already read (the page, the API and the co-creation record share it). */
export function figuresOf(rows: readonly FigureRow[], now: Date): PlanFigures {
  return {
    total: responseFigures(rows, now),
    byAgency: ordered(figuresBy(rows, (r) => r.agencyId, now)).map(({ key, figures }) => ({ agencyId: key, figures })),
    byConsultation: ordered(figuresBy(rows, (r) => r.consultationId, now)).map(({ key, figures }) => ({ consultationId: key, figures })),
    overdue: overdueOf(rows, now).map((r) => ({ id: r.id, submittedAt: r.submittedAt, agencyId: r.agencyId, daysWaiting: daysWaiting(r.submittedAt, now) })),
  };
}

/** The plan's totals only (the co-creation record). */
export async function planTotals(db: DbOrTx, planId: number, now: Date): Promise<ResponseFigures> {
  return responseFigures(await listFigureRows(db, planId), now);
}

export async function planFigures(db: DbOrTx, planId: number, now: Date): Promise<PlanFigures> {
  return figuresOf(await listFigureRows(db, planId), now);
}

export interface OverdueInput extends OverdueRow {
  daysWaiting: number;
}

/** The plan's inputs waiting for an answer past the limit (the secretariat's board), the longest waiting first. */
export async function overdueInputs(db: DbOrTx, planId: number, now: Date): Promise<OverdueInput[]> {
  const rows = await listOverdueInputs(db, planId, overdueCutoff(now));
  // The query's bound is the domain's rule; the check again keeps the two from drifting apart.
  return rows.filter((r) => isOverdue(r.submittedAt, now)).map((r) => ({ ...r, daysWaiting: daysWaiting(r.submittedAt, now) }));
}
