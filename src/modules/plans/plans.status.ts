/**
 * The status the public sees of each commitment (domain/public-status.ts) follows its latest submitted progress
 * report. Reports belong to another module, which provides where they are read from in its manifest (`provides`), so
 * plans imports no other module; without one, pages show the status set by hand.
 */
import type { DbOrTx } from '../../db/connection.js';
import type { Commitment, CommitmentStatus } from '../../domain/plan.js';
import { publicCommitmentStatus, type LatestReported } from '../../domain/public-status.js';
import { provided } from '../../web/module.js';

/** Each commitment of a plan that has a submitted report, by id, with that report's milestone entries. */
export type LatestReportedSource = (
  db: DbOrTx,
  planId: number,
  commitmentIds: readonly number[],
) => Promise<ReadonlyMap<number, { milestones: NonNullable<LatestReported> }>>;

declare module '../../web/module.js' {
  interface Provisions {
    /** Where the latest submitted report of each of the given commitments of a plan is read (the monitoring module). */
    latestReported: LatestReportedSource;
  }
}

/** The public status of each commitment, by id: one read per plan the commitments belong to, of those commitments only. */
export async function publicStatuses(db: DbOrTx, commitments: readonly Pick<Commitment, 'id' | 'planId' | 'status'>[]): Promise<Map<number, CommitmentStatus>> {
  const source = provided('latestReported');
  if (!source) return new Map(commitments.map((c) => [c.id, c.status]));
  const planIds = [...new Set(commitments.map((c) => c.planId))];
  const perPlan = await Promise.all(
    planIds.map((planId) =>
      source(
        db,
        planId,
        commitments.filter((c) => c.planId === planId).map((c) => c.id),
      ),
    ),
  );
  const latest = new Map(perPlan.flatMap((m) => [...m]));
  return new Map(commitments.map((c) => [c.id, publicCommitmentStatus(c.status, latest.get(c.id)?.milestones ?? null)]));
}
