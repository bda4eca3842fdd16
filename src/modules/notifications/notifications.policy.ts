/** Who may follow things and read their own notifications: anyone signed in, whatever their account's role. */
import { ROLES, type Action, type ActionRule } from '../../domain/authorization.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    /** Follow or stop following a plan, commitment, working group, consultation or input; read one's own notifications. */
    'notification.follow': true;
  }
}

export const notificationsPolicy: Partial<Record<Action, ActionRule>> = {
  'notification.follow': { roles: ROLES },
};
