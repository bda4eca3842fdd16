/**
 * What the public may see of working groups (ADR 0013). A group is public whether open or closed. A membership is
 * public only while its member consents to the roster (and no moderator took it down); its history — who joined,
 * left, consented — is read by the secretariat only. Survey answers are never public.
 */
import { EDITORS, type Actor } from '../../domain/authorization.js';
import type { HistoryEntry } from '../../domain/history.js';
import type { VisibilityPolicy } from '../../web/visibility.js';

declare module '../../domain/history.js' {
  interface HistoryEntityTypes {
    'working-group': true;
    'working-group-membership': true;
    'working-group-survey': true;
  }
}

const secretariatOnly = (_db: unknown, viewer: Actor | null, entries: readonly HistoryEntry[]): Promise<HistoryEntry[]> =>
  Promise.resolve(viewer && EDITORS.includes(viewer.role) ? [...entries] : []);

export const workgroupsVisibility: readonly VisibilityPolicy[] = [
  { entityType: 'working-group', states: ['open', 'closed'], publicStates: ['open', 'closed'] },
  { entityType: 'working-group-membership', states: ['unlisted', 'listed'], publicStates: ['listed'], history: secretariatOnly },
  { entityType: 'working-group-survey', states: ['answered'], publicStates: [], history: secretariatOnly },
];
