/** Who may see what is not public in a review: drafts (its reviewers and the secretariat), the interview log (its reviewers). */
import { can, holds, type Actor } from '../../domain/authorization.js';

/** The engagement's reviewers, and those who manage engagements (the secretariat, administrators). */
export const maySeeDrafts = (viewer: Actor | null, engagementId: number): boolean =>
  can(viewer, 'reviewEngagement.manage') || holds(viewer, ['reviewer'], { engagementId });

/** The engagement's reviewers only: interviewees spoke to them, not to the government. */
export const maySeeInterviews = (viewer: Actor | null, engagementId: number): boolean => holds(viewer, ['reviewer'], { engagementId });
