/**
 * Who may do what in independent review (issue #13). Independence: only an engagement's reviewers write its
 * assessments, and nobody else, administrators included; the secretariat commissions the review (engagements, their
 * reviewers and funding) and records the government's response to each recommendation.
 */
import { EDITORS, type Action, type ActionRule } from '../../domain/authorization.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    /** Create and change review engagements: plans, period, terms of reference, reviewers, funding. */
    'reviewEngagement.manage': true;
    /** Write a report of the engagement: its units' ratings, texts, recommendations, comment period, publication; the interview log. */
    'review.write': true;
    /** Record the government's response to a recommendation, its tracking and where it landed. */
    'recommendation.respond': true;
  }
}

export const reviewPolicy: Partial<Record<Action, ActionRule>> = {
  'reviewEngagement.manage': { roles: EDITORS },
  'review.write': { roles: [], grants: ['reviewer'] },
  'recommendation.respond': { roles: EDITORS },
};
