/**
 * What a commitment's page shows of independent review: how the reviewers rated the units that cover it (reports the
 * public may see), and the reviewers' recommendations that landed in it ("did they listen?").
 */
import { pick } from '../../domain/localized.js';
import { DIMENSIONS_OF } from '../../domain/review.js';
import { href } from '../../web/context.js';
import { t } from '../../web/i18n.js';
import type { SectionContribution } from '../../web/sections.js';
import { clauseSeparator } from '../../web/ui/index.js';
import type { CommitmentPageData } from '../plans/index.js';
import { reportPath } from './review.paths.js';
import * as q from './review.queries.js';

export const commitmentReviewSection: SectionContribution = {
  slot: 'commitment',
  order: 45,
  id: 'review.commitment',
  render: async (c, data: CommitmentPageData) => {
    const db = c.get('services').db;
    const lang = c.get('lang');
    // One statement when no review names the commitment (most pages); the details only when one does.
    const mentions = await q.reviewMentionsOf(db, data.commitment.id);
    if (mentions.unitIds.length === 0 && mentions.recommendationIds.length === 0) return null;
    const [rated, landed] = await Promise.all([q.unitsOfCommitment(db, data.commitment.id), q.recommendationsLandedIn(db, data.commitment.id)]);
    const sources = new Map(
      (await Promise.all([...new Set(landed.map((r) => r.reportId))].map((id) => q.findReport(db, id)))).flatMap((r) => (r ? [[r.id, r] as const] : [])),
    );
    return {
      section: (
        <section aria-labelledby="s-review">
          <h2 id="s-review">{t(lang, 'review.siteTitle')}</h2>
          {rated.length > 0 ? (
            <ul>
              {rated.map(({ unit, report }) => {
                const ratings = DIMENSIONS_OF[report.kind][report.scaleSet]
                  .filter((d) => unit.ratings[d] !== undefined)
                  .map((d) => `${t(lang, `review.dimension.${d}`)}: ${t(lang, `review.scale.${d}.${unit.ratings[d]}` as 'review.scale.potential.modest')}`);
                return (
                  <li>
                    <a href={href(lang, reportPath(report))}>{pick(report.title, lang)}</a>
                    {` (${t(lang, `review.state.${report.state}`)})`}
                    {unit.commitmentIds.length > 1 ? ` · ${t(lang, 'review.unit.cluster', { count: unit.commitmentIds.length })}` : ''}
                    {': '}
                    {ratings.length > 0 ? ratings.join(clauseSeparator(lang)) : t(lang, 'review.unit.notRated')}
                  </li>
                );
              })}
            </ul>
          ) : null}
          {landed.length > 0 ? (
            <>
              <h3>{t(lang, 'review.recommendation.landedHere')}</h3>
              <ul>
                {landed.map((rec) => {
                  const source = sources.get(rec.reportId);
                  return (
                    <li>
                      {pick(rec.body, lang)}
                      {source ? (
                        <>
                          {' — '}
                          <a href={href(lang, reportPath(source))}>{`${pick(source.title, lang)} #${rec.number}`}</a>
                        </>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
        </section>
      ),
    };
  },
};
