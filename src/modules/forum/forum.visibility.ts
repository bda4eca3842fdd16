/** What the public may see of the forum (ADR 0013): its meetings and resolutions are public records in every state. */
import { RESOLUTION_STATUSES } from '../../domain/forum.js';
import type { VisibilityPolicy } from '../../web/visibility.js';

declare module '../../domain/history.js' {
  interface HistoryEntityTypes {
    meeting: true;
    resolution: true;
  }
}

export const forumVisibility: readonly VisibilityPolicy[] = [
  { entityType: 'meeting', states: ['current'], publicStates: ['current'] },
  { entityType: 'resolution', states: RESOLUTION_STATUSES, publicStates: RESOLUTION_STATUSES },
];
