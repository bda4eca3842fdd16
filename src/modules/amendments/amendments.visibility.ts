/**
 * What the public may see of amendments (ADR 0013, 0031): an amendment is public once it is on a meeting's agenda
 * (the forum's meetings are public records) or decided; a proposal not yet scheduled is seen by those
 * `maySeeAmendment` names. Amendments record no history rows of their own: the change they make is filed under the
 * commitment or milestone when it applies.
 */
import type { VisibilityPolicy } from '../../web/visibility.js';
import { AMENDMENT_STATUSES, PUBLIC_AMENDMENT_STATUSES } from './amendments.model.js';

export const amendmentsVisibility: readonly VisibilityPolicy[] = [
  { entityType: 'amendment', states: AMENDMENT_STATUSES, publicStates: PUBLIC_AMENDMENT_STATUSES },
];
