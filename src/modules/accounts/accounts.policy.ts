/** Who may manage accounts. */
import type { Action, ActionRule } from '../../domain/authorization.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    'user.create': true;
    // every user lists and revokes their own API tokens; this is seeing and revoking anyone's
    'token.manageAny': true;
    // give and take back the moderator's role (seats and working groups give the other scoped roles themselves)
    'user.grantRole': true;
  }
}

export const accountsPolicy: Partial<Record<Action, ActionRule>> = {
  'user.create': { roles: ['admin'] },
  'token.manageAny': { roles: ['admin'] },
  'user.grantRole': { roles: ['admin'] },
};
