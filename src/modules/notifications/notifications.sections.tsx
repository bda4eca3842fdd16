/**
 * The follow buttons other modules' pages carry through their slots: the plan's (with the links under "Following the
 * plan") and the commitment's (first of its sections). A visitor gets the sign-in link, which is the same for every
 * visitor, so the page cache may keep it; a signed-in page is never cached.
 */
import { pageContext } from '../../web/context.js';
import { commitmentPath, planPath } from '../../web/paths.js';
import type { SectionContribution } from '../../web/sections.js';
import type { CommitmentPageData, PlanPageData } from '../plans/index.js';
import { isFollowing } from './notifications.service.js';
import { FollowButton } from './views/follow-button.js';

export const followSections: readonly SectionContribution[] = [
  {
    slot: 'planFollow',
    order: 1,
    id: 'notifications.followPlan',
    render: async (c, { plan }: PlanPageData) => {
      const target = { type: 'plan', id: plan.id } as const;
      const following = await isFollowing(c.get('services').db, c.get('actor'), target);
      return {
        section: (
          <li>
            <FollowButton ctx={pageContext(c)} target={target} following={following} returnTo={planPath(plan)} />
          </li>
        ),
      };
    },
  },
  {
    slot: 'commitment',
    order: 5,
    id: 'notifications.followCommitment',
    render: async (c, { plan, commitment }: CommitmentPageData) => {
      const target = { type: 'commitment', id: commitment.id } as const;
      const following = await isFollowing(c.get('services').db, c.get('actor'), target);
      return { section: <FollowButton ctx={pageContext(c)} target={target} following={following} returnTo={commitmentPath(plan, commitment)} /> };
    },
  },
];
