/**
 * Public input's pages for /sitemap.xml: every plan's inputs, figures and consultations (public once announced), and
 * each published input; never an internal, hidden or withdrawn one (ADR 0013, 0029).
 */
import type { Db } from '../../db/connection.js';
import { consultationPath, consultationsPath, inputFiguresPath, inputPath, inputsPath } from '../../web/paths.js';
import type { SitemapEntry } from '../../web/sitemap.js';
import { planQueries } from '../plans/index.js';
import { listConsultations, listPublishedInputAddresses } from './participation.queries.js';

export async function participationSitemap(db: Db): Promise<SitemapEntry[]> {
  const plans = await planQueries.listPlans(db);
  const perPlan = await Promise.all(
    plans.map(async (plan) => {
      const [consultations, inputs] = await Promise.all([listConsultations(db, plan.id), listPublishedInputAddresses(db, plan.id)]);
      return [
        { path: inputsPath(plan) },
        { path: inputFiguresPath(plan) },
        { path: consultationsPath(plan) },
        ...consultations.map((consultation) => ({ path: consultationPath(plan, consultation) })),
        ...inputs.map((input) => ({ path: inputPath(plan, input) })),
      ];
    }),
  );
  return perPlan.flat();
}
