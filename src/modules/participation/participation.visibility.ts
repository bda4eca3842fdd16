/**
 * What the public may see of consultations and inputs (ADR 0013). A consultation is public once announced. An input's
 * words are public while it stands ('published'); an internal round's ('internal') are read by that round's audience
 * (agencies, forum members) and the secretariat; a hidden or withdrawn input leaves a tombstone, and its words leave
 * every channel, its history included (the moderators read hidden words on their own page). A response is public
 * with its input's words.
 */
import { EDITORS, can, type Actor } from '../../domain/authorization.js';
import type { HistoryEntry } from '../../domain/history.js';
import { INPUT_STATES, type InputState } from '../../domain/participation.js';
import type { DbOrTx } from '../../db/connection.js';
import type { VisibilityPolicy } from '../../web/visibility.js';
import { inputStates } from './participation.queries.js';

declare module '../../domain/history.js' {
  interface HistoryEntityTypes {
    consultation: true;
    input: true;
    'input-response': true;
  }
}

/** Whether this viewer may read the words of an input of this plan in this state. */
export function readsWordsIn(viewer: Actor | null, state: InputState, planId: number): boolean {
  if (viewer && EDITORS.includes(viewer.role)) return true;
  if (state === 'published') return true;
  return state === 'internal' && can(viewer, 'consultation.internal', { planId });
}

async function inputHistory(db: DbOrTx, viewer: Actor | null, entries: readonly HistoryEntry[]): Promise<HistoryEntry[]> {
  const states = await inputStates(
    db,
    entries.map((e) => e.entityId),
  );
  return entries.filter((e) => {
    const input = states.get(e.entityId);
    return input !== undefined && readsWordsIn(viewer, input.state, input.planId);
  });
}

export const participationVisibility: readonly VisibilityPolicy[] = [
  { entityType: 'consultation', states: ['announced'], publicStates: ['announced'] },
  { entityType: 'input', states: INPUT_STATES, publicStates: ['published'], history: inputHistory },
  { entityType: 'input-response', states: INPUT_STATES, publicStates: ['published'], history: inputHistory },
];
