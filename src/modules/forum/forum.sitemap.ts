/** The forum's public pages for /sitemap.xml: every plan's meetings and resolutions, and each meeting (all public, ADR 0013). */
import type { Db } from '../../db/connection.js';
import { meetingPath, meetingsPath, resolutionsPath } from '../../web/paths.js';
import type { SitemapEntry } from '../../web/sitemap.js';
import { planQueries } from '../plans/index.js';
import { listMeetings } from './forum.queries.js';

export async function forumSitemap(db: Db): Promise<SitemapEntry[]> {
  const plans = await planQueries.listPlans(db);
  const perPlan = await Promise.all(
    plans.map(async (plan) => [
      { path: meetingsPath(plan) },
      { path: resolutionsPath(plan) },
      ...(await listMeetings(db, plan.id)).map((meeting) => ({ path: meetingPath(plan, meeting) })),
    ]),
  );
  return perPlan.flat();
}
