/**
 * What the public may see of the forum's roster (ADR 0013, ADR 0026). Seats, the rules' versions and calls are public
 * records in every state. A nomination is public only while accepted: before its nominee accepts it, after a
 * decline or a withdrawal, it is seen by the nominee and the secretariat — and so is its history, which the public
 * reads from the acceptance on. Who made a nomination is never public, and whoever nominated someone else by e-mail
 * sees it only once accepted: anything sooner would tell them the address belongs to an account. A call's counts and
 * turnout are public only once its result is published (they are written then). Ballots are no entity: nothing
 * records them in the history, and nothing stored links a voter to a choice.
 */
import type { DbOrTx } from '../../db/connection.js';
import { can, type Actor } from '../../domain/authorization.js';
import type { HistoryEntry } from '../../domain/history.js';
import type { VisibilityPolicy } from '../../web/visibility.js';
import { NOMINATION_STATUSES, PUBLIC_NOMINATION_STATES, type Nomination } from './roster.model.js';
import * as q from './roster.queries.js';

declare module '../../domain/history.js' {
  interface HistoryEntityTypes {
    seat: true;
    'forum-rules': true;
    'nomination-call': true;
    nomination: true;
  }
}

/** Whether this viewer may see the nomination: the public once accepted; its nominee and the secretariat always. */
export function canSeeNomination(viewer: Actor | null, n: Pick<Nomination, 'status' | 'nomineeId'>): boolean {
  return PUBLIC_NOMINATION_STATES.includes(n.status) || seesUnaccepted(viewer, n);
}

const seesUnaccepted = (viewer: Actor | null, n: Pick<Nomination, 'nomineeId'>): boolean =>
  viewer !== null && (viewer.id === n.nomineeId || can(viewer, 'call.manage'));

/** A nomination's history: all of it for those who may see it unaccepted; for the public, from the acceptance on while it stands. */
async function nominationHistory(db: DbOrTx, viewer: Actor | null, entries: readonly HistoryEntry[]): Promise<HistoryEntry[]> {
  const nominations = await q.findNominationsByIds(
    db,
    entries.map((e) => e.entityId),
  );
  const acceptedAt = new Map<number, number>();
  for (const e of entries)
    if (e.changes.some((c) => c.field === 'status' && c.after === 'accepted')) acceptedAt.set(e.entityId, Math.min(acceptedAt.get(e.entityId) ?? e.id, e.id));
  return entries.filter((e) => {
    const n = nominations.get(e.entityId);
    if (!n) return viewer !== null && can(viewer, 'call.manage');
    if (seesUnaccepted(viewer, n)) return true;
    const from = acceptedAt.get(e.entityId);
    return PUBLIC_NOMINATION_STATES.includes(n.status) && from !== undefined && e.id >= from;
  });
}

/**
 * A person's own list: what they received, in every state, and what they made of others only once accepted (or
 * withdrawn, which only an accepted one can be) — sooner would say the address they typed belongs to an account.
 */
export function visibleToOwner(owner: Actor, nominations: readonly Nomination[]): Nomination[] {
  return nominations.filter((n) => n.nomineeId === owner.id || n.status === 'accepted' || n.status === 'withdrawn');
}

export const rosterVisibility: readonly VisibilityPolicy[] = [
  { entityType: 'seat', states: ['recorded'], publicStates: ['recorded'] },
  { entityType: 'forum-rules', states: ['published'], publicStates: ['published'] },
  // Counts and turnout are fields written at publication, so every state of a call shows only what it holds.
  { entityType: 'nomination-call', states: ['open', 'published'], publicStates: ['open', 'published'] },
  { entityType: 'nomination', states: NOMINATION_STATUSES, publicStates: PUBLIC_NOMINATION_STATES, history: nominationHistory },
];
