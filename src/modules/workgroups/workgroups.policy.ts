/**
 * Who may do what with working groups. The resource is `{ planId, workingGroupId }`: a chair's role covers their own
 * group, a moderator's their plan (or the site), a forum member's their plan's forum.
 */
import { EDITORS, ROLES, type Action, type ActionRule } from '../../domain/authorization.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    /** Create a group, delete one, or change what it is: name, kind, commitments, chair and co-chair. */
    'working-group.manage': true;
    /** Its purpose, operating rules and whether it is open (closing needs a published reason). */
    'working-group.edit': true;
    /** Join or leave a group, and say whether the public roster lists you. */
    'working-group.join': true;
    /** Take a member's public listing down, or put it back. */
    'membership.moderate': true;
    /** Answer the survey of forum members' willingness to join groups. */
    'working-group-survey.answer': true;
    /** Read every answer, and add the willing to the groups. */
    'working-group-survey.manage': true;
  }
}

export const workgroupsPolicy: Partial<Record<Action, ActionRule>> = {
  'working-group.manage': { roles: EDITORS },
  'working-group.edit': { roles: EDITORS, grants: ['working-group-chair'] },
  // Anyone signed in, whatever their account's role (任何人都可以來參加).
  'working-group.join': { roles: ROLES },
  'membership.moderate': { roles: EDITORS, grants: ['moderator'] },
  'working-group-survey.answer': { roles: [], grants: ['forum-member', 'co-convener'] },
  'working-group-survey.manage': { roles: EDITORS },
};
