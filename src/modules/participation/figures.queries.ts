/**
 * SQL of the response figures: the inputs owed an answer (comments and proposals that stand, public or of an internal
 * round; not replies, not withdrawn, not hidden), in one query a plan, and those still waiting past the limit.
 */
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/connection.js';
import { REVIEW_TARGETS, type InputForFigures, type InputState, type InputTarget, type ResponseState } from '../../domain/participation.js';

/**
 * What the figures count: the kinds owed an answer, in the states that stand (internal ones are counted, not read).
 * Comments on an independent review are answered by its reviewers, not the government: the figures leave them out.
 */
export const COUNTED_KINDS = ['comment', 'proposal'] as const;
export const COUNTED_STATES = ['published', 'internal'] as const;

export interface FigureRow extends InputForFigures {
  id: number;
  kind: 'comment' | 'proposal';
  state: Extract<InputState, 'published' | 'internal'>;
  /** Who owes the answer; null for the secretariat. */
  agencyId: number | null;
  consultationId: number | null;
}

/** Every input of the plan the figures count, with its group keys; the oldest first. */
export async function listFigureRows(db: DbOrTx, planId: number): Promise<FigureRow[]> {
  const rows = await db
    .selectFrom('inputs')
    .select([
      'id',
      'kind',
      'state',
      'agency_id',
      'consultation_id',
      'submitted_at',
      'response_state',
      'responded_at',
      sql<boolean>`change_history_id IS NOT NULL`.as('led_to_change'),
    ])
    .where('plan_id', '=', planId)
    .where('kind', 'in', COUNTED_KINDS)
    .where('state', 'in', COUNTED_STATES)
    .where('target_type', 'not in', REVIEW_TARGETS)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as FigureRow['kind'],
    state: r.state as FigureRow['state'],
    agencyId: r.agency_id,
    consultationId: r.consultation_id,
    submittedAt: r.submitted_at,
    responseState: r.response_state as ResponseState,
    respondedAt: r.responded_at,
    ledToChange: r.led_to_change,
  }));
}

export interface OverdueRow {
  id: number;
  kind: 'comment' | 'proposal';
  submittedAt: Date;
  agencyId: number | null;
  targetType: InputTarget;
  targetId: number;
  /** The commitment it concerns, if any (for its number). */
  commitmentId: number | null;
}

/** The plan's counted inputs still pending and submitted at or before `submittedBy`, the longest waiting first. */
export async function listOverdueInputs(db: DbOrTx, planId: number, submittedBy: Date): Promise<OverdueRow[]> {
  const rows = await db
    .selectFrom('inputs')
    .select(['id', 'kind', 'submitted_at', 'agency_id', 'target_type', 'target_id', 'commitment_id'])
    .where('plan_id', '=', planId)
    .where('kind', 'in', COUNTED_KINDS)
    .where('state', 'in', COUNTED_STATES)
    .where('response_state', '=', 'pending')
    .where('target_type', 'not in', REVIEW_TARGETS)
    .where('submitted_at', '<=', submittedBy)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as OverdueRow['kind'],
    submittedAt: r.submitted_at,
    agencyId: r.agency_id,
    targetType: r.target_type as InputTarget,
    targetId: r.target_id,
    commitmentId: r.commitment_id,
  }));
}
