/** The self-assessment's pages (both languages; the layout adds /en). */
import type { IdRef } from '../../web/paths.js';

export const planSelfAssessmentsPath = (plan: { slug: string }) => `/plans/${plan.slug}/self-assessments`;
export const selfAssessmentNewPath = (plan: { slug: string }) => `/plans/${plan.slug}/self-assessments/new`;
export const selfAssessmentPath = (a: IdRef) => `/self-assessments/${a.id}`;
export const selfAssessmentStepPath = (a: IdRef, step: 'comment-period' | 'publication') => `/self-assessments/${a.id}/${step}`;
export const entryEditPath = (e: IdRef) => `/self-assessments/entries/${e.id}/edit`;
