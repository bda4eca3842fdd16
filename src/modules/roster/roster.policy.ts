/**
 * Who may do what with the forum's roster, rules and calls for nominations: one rule per action. Services check
 * these (and the facts a rule cannot hold: the call's dates, who may vote); pages ask them only to show or hide a
 * form. Actions on a plan's forum pass `{ planId }`, so a co-convener's or moderator's grant is matched to it.
 */
import { EDITORS, ROLES, type Action, type ActionRule } from '../../domain/authorization.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    'seat.manage': true;
    'forumRules.manage': true;
    'call.manage': true;
    'call.publishResult': true;
    'nomination.create': true;
    'nomination.respond': true;
    'nomination.withdraw': true;
    'nomination.moderate': true;
    'ballot.cast': true;
  }
}

export const rosterPolicy: Partial<Record<Action, ActionRule>> = {
  // Record, change and remove the forum's seats (and so the roles they grant): the secretariat.
  'seat.manage': { roles: EDITORS },
  // Publish a new version of the forum's rules or correct one: the secretariat, and the forum's (co-)conveners.
  'forumRules.manage': { roles: EDITORS, grants: ['co-convener'] },
  // Open a call for nominations and change it: the secretariat.
  'call.manage': { roles: EDITORS },
  // Publish a call's result (counts, turnout, the panel's reasons) and so create its seats: the secretariat.
  'call.publishResult': { roles: EDITORS },
  // Nominate oneself or another person: anyone signed in (the call's dates are checked by the service).
  'nomination.create': { roles: ROLES },
  // Accept or decline a nomination: only its nominee (the nomination's `authorId` is the nominee).
  'nomination.respond': { roles: [], when: { roles: ROLES, relations: ['author'] } },
  // Withdraw a nomination before voting opens: its nominee or whoever made it (asked with each as `authorId`).
  'nomination.withdraw': { roles: [], when: { roles: ROLES, relations: ['author'] } },
  // Hide an abusive statement with a public reason: moderators of the plan or the site, and administrators; not
  // the secretariat, which runs the call.
  'nomination.moderate': { roles: ['admin'], grants: ['moderator'] },
  // Cast a ballot: participant accounts (the service adds the electorate rule: confirmed, not government).
  'ballot.cast': { roles: ['public'] },
};
