/** Who may keep the document repository: the secretariat and the administrator. Reading it is public. */
import { EDITORS, type Action, type ActionRule } from '../../domain/authorization.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    /** Add a document (a file or a link), change its description, or delete it. */
    'document.manage': true;
  }
}

export const repositoryPolicy: Partial<Record<Action, ActionRule>> = {
  'document.manage': { roles: EDITORS },
};
