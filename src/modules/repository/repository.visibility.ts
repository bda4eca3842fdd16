/**
 * What the public may see of the repository (ADR 0013): everything. A document is a public record from the moment
 * it is added (it has no draft state), and so is its history.
 */
import type { VisibilityPolicy } from '../../web/visibility.js';

declare module '../../domain/history.js' {
  interface HistoryEntityTypes {
    document: true;
  }
}

export const repositoryVisibility: readonly VisibilityPolicy[] = [{ entityType: 'document', states: ['current'], publicStates: ['current'] }];
