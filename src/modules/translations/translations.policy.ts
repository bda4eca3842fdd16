/**
 * Who may edit the English edition: the secretariat and the administrator everywhere, a translator within the plan
 * (or the site) their role was given for. The resource is `{ planId }`. Reading the board is public: the texts are.
 */
import { EDITORS, type Action, type ActionRule } from '../../domain/authorization.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    /** Edit the English side of a plan's texts and say whether it is a draft or reviewed; the Chinese stays as it is. */
    'translation.edit': true;
  }
}

export const translationsPolicy: Partial<Record<Action, ActionRule>> = {
  'translation.edit': { roles: EDITORS, grants: ['translator'] },
};
