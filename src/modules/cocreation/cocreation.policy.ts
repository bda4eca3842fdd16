/** Who may keep a plan's co-creation timeline: the secretariat and administrators, and the co-conveners of that plan's forum. */
import { EDITORS, type Action, type ActionRule } from '../../domain/authorization.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    'phase.manage': true;
  }
}

export const cocreationPolicy: Partial<Record<Action, ActionRule>> = {
  // A co-convener's grant is scoped to a plan: it covers the phases of that plan only (resource { planId }).
  'phase.manage': { roles: EDITORS, grants: ['co-convener'] },
};
