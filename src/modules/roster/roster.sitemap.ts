/** The forum roster's public pages for /sitemap.xml: the seats, the rules, the calls for nominations and each call. */
import type { Db } from '../../db/connection.js';
import { callPath, callsPath, forumRosterPath, forumRulesPath } from '../../web/paths.js';
import type { SitemapEntry } from '../../web/sitemap.js';
import { planQueries } from '../plans/index.js';
import { listCalls } from './roster.queries.js';

export async function rosterSitemap(db: Db): Promise<SitemapEntry[]> {
  const plans = await planQueries.listPlans(db);
  const perPlan = await Promise.all(
    plans.map(async (plan) => [
      { path: forumRosterPath(plan) },
      { path: forumRulesPath(plan) },
      { path: callsPath(plan) },
      // Calls are public records in every state; nominations are not listed here (only accepted ones are public).
      ...(await listCalls(db, plan.id)).map((call) => ({ path: callPath(plan, call) })),
    ]),
  );
  return perPlan.flat();
}
