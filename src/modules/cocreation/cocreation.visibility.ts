/** What the public may see of co-creation (ADR 0013): a plan's phases are its public timeline in every state. */
import type { VisibilityPolicy } from '../../web/visibility.js';

declare module '../../domain/history.js' {
  interface HistoryEntityTypes {
    phase: true;
  }
}

export const cocreationVisibility: readonly VisibilityPolicy[] = [{ entityType: 'phase', states: ['current'], publicStates: ['current'] }];
