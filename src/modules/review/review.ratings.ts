/**
 * Every public unit rating as one table (issue #13, item 11), with OGP's column names where the IRM's data has them
 * ("Commitment Unique Identifier", "Commitment Title", "Lead Institution", "OGP Value …", "Completion", …) so the
 * reviews can be compared with other countries'. Values are the IRM's English labels; drafts are never in it.
 */
import type { DbOrTx } from '../../db/connection.js';
import type { Lang } from '../../domain/localized.js';
import { OGP_VALUES } from '../../domain/plan.js';
import { RATING_DIMENSIONS, type RatingDimension } from '../../domain/review.js';
import { t } from '../../web/i18n.js';
import { planQueries } from '../plans/index.js';
import { starredOf } from './review.present.js';
import * as q from './review.queries.js';

const DIMENSION_COLUMNS: Record<RatingDimension, string> = {
  verifiability: 'Verifiable',
  ogLens: 'Open Government Lens',
  potential: 'Potential for Results',
  promising: 'Promising Commitment',
  completion: 'Completion',
  earlyResults: 'Did It Open Government?',
  specificity: 'Specificity',
  potentialImpact: 'Potential Impact',
  legacyCompletion: 'Completion (2012–2020 scale)',
  legacyEarlyResults: 'Did It Open Government? (2012–2020 scale)',
};

const VALUE_COLUMNS: Record<(typeof OGP_VALUES)[number], string> = {
  'access-to-information': 'OGP Value Relevance: Access to Information',
  'civic-participation': 'OGP Value Relevance: Civic Participation',
  'public-accountability': 'OGP Value Relevance: Public Accountability',
  'technology-innovation': 'OGP Value Relevance: Technology and Innovation',
  inclusion: 'OGP Value Relevance: Inclusion',
};

export const RATING_COLUMNS = [
  'Review Report ID',
  'Report Kind',
  'Report Edition',
  'Report State',
  'Action Plan',
  'Action Plan Start',
  'Action Plan End',
  'Review Unit',
  'Commitment Unique Identifier',
  'Commitment Title',
  'Lead Institution',
  ...OGP_VALUES.map((v) => VALUE_COLUMNS[v]),
  ...RATING_DIMENSIONS.map((d) => DIMENSION_COLUMNS[d]),
  'Starred',
] as const;

export type RatingRow = Record<(typeof RATING_COLUMNS)[number], string | number>;

/** One row per unit of every report the public may see (in its comment period or published), in report and unit order. */
export async function publicRatingRows(db: DbOrTx, lang: Lang = 'en'): Promise<RatingRow[]> {
  const rows: RatingRow[] = [];
  const reports = (await q.listReports(db, {})).filter((r) => r.state !== 'draft');
  const plans = await planQueries.findPlansByIds(db, [...new Set(reports.map((r) => r.planId))]);
  for (const report of reports) {
    const plan = plans.get(report.planId);
    const units = await q.listUnits(db, report.id);
    const starred = await starredOf(db, { report, units, recommendations: [], requirements: [] });
    // Units cover commitments of the report's plan: read them all at once.
    const { items: commitments } = await planQueries.listCommitments(db, { planId: report.planId });
    const byId = new Map(commitments.map((c) => [c.id, c] as const));
    const agencies = await planQueries.agencyNames(
      db,
      [...byId.values()].map((c) => c.leadAgencyId),
    );
    for (const unit of units) {
      const covered = unit.commitmentIds.flatMap((id) => byId.get(id) ?? []);
      const label = (value: string | undefined, d: RatingDimension) =>
        value === undefined ? '' : t(lang, `review.scale.${d}.${value}` as 'review.scale.potential.modest');
      const row = {
        'Review Report ID': report.id,
        'Report Kind': t(lang, `review.kind.${report.kind}`),
        'Report Edition': report.edition,
        'Report State': report.state,
        'Action Plan': plan ? (lang === 'en' ? plan.title.en || plan.title.zh : plan.title.zh || plan.title.en) : '',
        'Action Plan Start': plan?.periodStart ?? '',
        'Action Plan End': plan?.periodEnd ?? '',
        'Review Unit': lang === 'en' ? unit.title.en || unit.title.zh : unit.title.zh || unit.title.en,
        'Commitment Unique Identifier': covered.map((c) => c.ogpId ?? `${plan?.slug ?? ''}/${c.number}`).join('; '),
        'Commitment Title': covered.map((c) => (lang === 'en' ? c.title.en || c.title.zh : c.title.zh || c.title.en)).join('; '),
        'Lead Institution': [
          ...new Set(covered.map((c) => agencies.get(c.leadAgencyId)).map((n) => (n ? (lang === 'en' ? n.en || n.zh : n.zh || n.en) : ''))),
        ].join('; '),
        Starred: starred.get(unit.id) === true ? 'Yes' : starred.get(unit.id) === false ? 'No' : '',
      } as RatingRow;
      for (const v of OGP_VALUES) row[VALUE_COLUMNS[v]] = unit.ogValues.includes(v) ? 'Yes' : '';
      for (const d of RATING_DIMENSIONS) row[DIMENSION_COLUMNS[d]] = label(unit.ratings[d], d);
      rows.push(row);
    }
  }
  return rows;
}
