/**
 * Writers that are no account: the demo seed acts through the same services, rules and history as people do, under
 * a name and a role, but links what it writes to no user. Account ids start at 1, so 0 is never someone's.
 */
import type { Actor, Role } from './authorization.js';

export const NO_ACCOUNT_ID = 0;

export function systemActor(displayName: string, role: Role, agencyIds: readonly number[] = []): Actor {
  return { id: NO_ACCOUNT_ID, displayName, role, agencyIds };
}

/** The user to link a write to: none for a system actor. */
export function accountIdOf(actor: Actor | null): number | null {
  return actor === null || actor.id === NO_ACCOUNT_ID ? null : actor.id;
}
