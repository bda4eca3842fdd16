/** Who may record the forum's meetings and resolutions. */
import { EDITORS, type Action, type ActionRule } from '../../domain/authorization.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    'meeting.manage': true;
    'resolution.manage': true;
  }
}

export const forumPolicy: Partial<Record<Action, ActionRule>> = {
  'meeting.manage': { roles: EDITORS },
  'resolution.manage': { roles: EDITORS },
};
