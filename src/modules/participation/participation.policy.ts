/**
 * Who may do what with consultations and inputs. An input's resource is `{ authorId, leadAgencyId, planId }`:
 * `leadAgencyId` is the agency that owes the answer, and `planId` is given only for forum matters, so a co-convener's
 * plan-wide role covers those and nothing else. Moderation is for moderators and the admin, not the secretariat:
 * the government does not take down what people say about it.
 */
import { EDITORS, ROLES, type Action, type ActionRule } from '../../domain/authorization.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    /** Open, change or delete a consultation. */
    'consultation.manage': true;
    /** Take part in an internal round (agencies and forum members). */
    'consultation.internal': true;
    /** Post a comment, a reply or a proposal. */
    'input.post': true;
    /** Edit one's own input within the window, or withdraw it. */
    'input.edit': true;
    /** Give an input its reasoned response. */
    'input.respond': true;
    /** Import inputs gathered elsewhere (JOIN, a meeting's notes). */
    'input.import': true;
    /** Report an input to the moderators. */
    'input.report': true;
    /** Appeal a moderator's hiding of one's input, once. */
    'input.appeal': true;
    /** Hide or restore an input, dismiss reports, decide appeals; read reports and the moderation log. */
    'input.moderate': true;
    /** Suspend an account from posting for a period, or lift it. */
    'account.suspend': true;
  }
}

export const participationPolicy: Partial<Record<Action, ActionRule>> = {
  'consultation.manage': { roles: EDITORS },
  'consultation.internal': { roles: [...EDITORS, 'agency-officer'], grants: ['forum-member', 'co-convener'] },
  'input.post': { roles: ROLES },
  'input.edit': { roles: [], when: { roles: ROLES, relations: ['author'] } },
  'input.respond': { roles: EDITORS, when: { roles: ['agency-officer'], relations: ['lead-agency'] }, grants: ['co-convener'] },
  'input.import': { roles: EDITORS },
  'input.report': { roles: ROLES },
  'input.appeal': { roles: [], when: { roles: ROLES, relations: ['author'] } },
  'input.moderate': { roles: ['admin'], grants: ['moderator'] },
  'account.suspend': { roles: ['admin'], grants: ['moderator'] },
};
