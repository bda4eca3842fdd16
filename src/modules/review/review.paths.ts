/** Independent review's pages (both languages; the layout adds /en). */
import type { IdRef } from '../../web/paths.js';

export const reviewsPath = (planSlug?: string) => (planSlug ? `/reviews?plan=${encodeURIComponent(planSlug)}` : '/reviews');
export const engagementPath = (e: IdRef) => `/reviews/engagements/${e.id}`;
export const reportPath = (r: IdRef) => `/reviews/${r.id}`;
export const reportHistoryPath = (r: IdRef) => `/reviews/${r.id}/history`;
export const unitEditPath = (u: IdRef) => `/reviews/units/${u.id}/edit`;
export const reportStepPath = (r: IdRef, step: 'comment-period' | 'publication' | 'corrections') => `/reviews/${r.id}/${step}`;
export const reportApiPath = (r: IdRef) => `/api/v1/reviews/${r.id}`;
export const ratingsCsvPath = '/reviews/ratings.csv';
export const ratingsApiPath = '/api/v1/review-ratings';
export const recommendationNewPath = (r: IdRef) => `/reviews/${r.id}/recommendations/new`;
export const recommendationResponsePath = (rec: IdRef) => `/reviews/recommendations/${rec.id}/response`;
export const reportCorrectionPath = (r: IdRef) => `/reviews/${r.id}/corrections/new`;
export const engagementNewPath = '/reviews/engagements/new';
export const reviewerNewPath = (e: IdRef) => `/reviews/engagements/${e.id}/reviewers/new`;
export const engagementEditPath = (e: IdRef) => `/reviews/engagements/${e.id}/edit`;
export const reviewerRemovePath = (e: IdRef, userId: number) => `/reviews/engagements/${e.id}/reviewers/${userId}/remove`;
export const declarationPath = (e: IdRef) => `/reviews/engagements/${e.id}/declaration`;
export const interviewsPath = (e: IdRef) => `/reviews/engagements/${e.id}/interviews`;
export const requirementEditPath = (r: IdRef) => `/reviews/requirements/${r.id}/edit`;
/** The form that starts a report of the engagement, prefilled by `?plan=&kind=&commitment=` when given. */
export const reportNewPath = (e: IdRef, prefill: { plan?: number; kind?: string; commitment?: number } = {}) => {
  const query = new URLSearchParams(Object.entries(prefill).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]]))).toString();
  return `/reviews/engagements/${e.id}/reports/new${query === '' ? '' : `?${query}`}`;
};
export const reportEditPath = (r: IdRef) => `/reviews/${r.id}/edit`;
export const recommendationEditPath = (rec: IdRef) => `/reviews/recommendations/${rec.id}/edit`;
export const clusterNewPath = (r: IdRef) => `/reviews/${r.id}/clusters/new`;
export const unitSplitPath = (u: IdRef) => `/reviews/units/${u.id}/split`;
