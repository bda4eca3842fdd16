/** The working groups' public pages for /sitemap.xml: every plan's list and each group, open or closed (both public). */
import type { Db } from '../../db/connection.js';
import { workingGroupPath, workingGroupsPath } from '../../web/paths.js';
import type { SitemapEntry } from '../../web/sitemap.js';
import { planQueries } from '../plans/index.js';
import { listWorkingGroups } from './workgroups.queries.js';

export async function workgroupsSitemap(db: Db): Promise<SitemapEntry[]> {
  const plans = await planQueries.listPlans(db);
  const perPlan = await Promise.all(
    plans.map(async (plan) => [
      { path: workingGroupsPath(plan) },
      ...(await listWorkingGroups(db, plan.id)).map((group) => ({ path: workingGroupPath(plan, group) })),
    ]),
  );
  return perPlan.flat();
}
