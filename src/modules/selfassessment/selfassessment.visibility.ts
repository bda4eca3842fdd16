/**
 * What the public may see of the government's self-assessment (ADR 0013, 0036): an assessment once its comment
 * period opens, with its entries; a draft only by the secretariat, in every channel (pages, API, history).
 */
import type { DbOrTx } from '../../db/connection.js';
import type { Actor } from '../../domain/authorization.js';
import { REVIEW_STATES } from '../../domain/review.js';
import type { HistoryEntry } from '../history/index.js';
import type { VisibilityPolicy } from '../../web/visibility.js';
import * as q from './selfassessment.queries.js';
import { maySeeDraft } from './selfassessment.service.js';

declare module '../../domain/history.js' {
  interface HistoryEntityTypes {
    selfAssessment: true;
    selfAssessmentEntry: true;
  }
}

/** The history of an assessment and its entries as the viewer may read it: a draft's only for the secretariat. */
function byAssessment(assessmentOf: (db: DbOrTx, entityId: number) => Promise<number | undefined>) {
  return async (db: DbOrTx, viewer: Actor | null, entries: readonly HistoryEntry[]): Promise<HistoryEntry[]> => {
    if (maySeeDraft(viewer)) return [...entries];
    const kept: HistoryEntry[] = [];
    const states = new Map<number, Promise<string | undefined>>();
    for (const e of entries) {
      const id = await assessmentOf(db, e.entityId);
      if (id === undefined) continue;
      if (!states.has(id))
        states.set(
          id,
          q.findAssessment(db, id).then((a) => a?.state),
        );
      const state = await states.get(id);
      if (state !== undefined && state !== 'draft') kept.push(e);
    }
    return kept;
  };
}

export const selfAssessmentVisibility: readonly VisibilityPolicy[] = [
  { entityType: 'selfAssessment', states: REVIEW_STATES, publicStates: ['comment', 'published'], history: byAssessment(async (_db, id) => id) },
  {
    entityType: 'selfAssessmentEntry',
    states: REVIEW_STATES,
    publicStates: ['comment', 'published'],
    history: byAssessment(async (db, id) => (await q.findEntry(db, id))?.assessmentId),
  },
];
