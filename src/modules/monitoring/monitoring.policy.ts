/** Who may run review cycles, write progress reports, see the board and transfer commitments. */
import { EDITORS, type Action, type ActionRule } from '../../domain/authorization.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    'cycle.manage': true;
    'board.view': true;
    'report.write': true;
    'report.contribute': true;
    'commitment.transfer': true;
  }
}

export const monitoringPolicy: Partial<Record<Action, ActionRule>> = {
  'cycle.manage': { roles: EDITORS },
  'board.view': { roles: EDITORS },
  'report.write': { roles: EDITORS, when: { roles: ['agency-officer'], relations: ['lead-agency'] } },
  // Supporting agencies add their part to the lead's report (and so may read its draft).
  'report.contribute': { roles: EDITORS, when: { roles: ['agency-officer'], relations: ['lead-agency', 'supporting-agency'] } },
  'commitment.transfer': { roles: EDITORS },
};
