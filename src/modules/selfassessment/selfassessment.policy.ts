/**
 * Who may write the government's self-assessment (issue #13, item 10): the secretariat, which compiles it from the
 * agencies' progress reports and answers the public's comments on it. Reviewers have no part in it.
 */
import { EDITORS, type Action, type ActionRule } from '../../domain/authorization.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    /** Start a plan's yearly self-assessment, write its summary and each commitment's entry, open its comment period, publish it. */
    'selfAssessment.write': true;
  }
}

export const selfAssessmentPolicy: Partial<Record<Action, ActionRule>> = {
  'selfAssessment.write': { roles: EDITORS },
};
