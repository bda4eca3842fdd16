/** Who may import open data: the secretariat and administrators, who keep the plans (an import writes plan content). */
import { EDITORS, type Action, type ActionRule } from '../../domain/authorization.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    'opendata.import': true;
  }
}

export const opendataPolicy: Partial<Record<Action, ActionRule>> = {
  'opendata.import': { roles: EDITORS },
};
