/** The plans' public pages for /sitemap.xml: home, agencies, every plan with its progress, every commitment. */
import type { Db } from '../../db/connection.js';
import { agenciesPath, agencyPath, commitmentPath, homePath, planPath, progressPath } from '../../web/paths.js';
import type { SitemapEntry } from '../../web/sitemap.js';
import * as q from './plans.queries.js';

export async function plansSitemap(db: Db): Promise<SitemapEntry[]> {
  const [plans, agencies, commitments] = await Promise.all([q.listPlans(db), q.listAgencies(db), q.listCommitmentAddresses(db)]);
  return [
    { path: homePath },
    ...plans.flatMap((plan) => [{ path: planPath(plan) }, { path: progressPath(plan) }]),
    ...commitments.map((c) => ({ path: commitmentPath({ slug: c.slug }, { number: c.number }) })),
    { path: agenciesPath },
    ...agencies.map((agency) => ({ path: agencyPath(agency) })),
  ];
}
