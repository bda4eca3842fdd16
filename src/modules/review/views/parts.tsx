/** Pieces the review's pages share: the crumbs, the day a report's dates fall on in Taipei, the list of reports. */
import { taipeiDay } from '../../../domain/monitoring.js';
import { pick, type Lang } from '../../../domain/localized.js';
import { type ActionPlan } from '../../../domain/plan.js';
import { href } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { DataTable, formatDate, homeCrumbs } from '../../../web/ui/index.js';
import type { ReviewReport } from '../review.model.js';
import { reportPath, reviewsPath } from '../review.paths.js';

/** The day of an instant in Taipei, written for the reader ('–' for none). */
export const reportDay = (d: Date | null, lang: Lang) => (d ? formatDate(taipeiDay(d), lang) : '–');
export const reviewsCrumbs = (lang: Lang) => [...homeCrumbs(lang), { label: t(lang, 'review.siteTitle'), path: reviewsPath() }];

export interface CommitmentRef {
  id: number;
  number: string;
  planSlug: string;
  title: { zh: string; en: string; status: 'missing' | 'draft' | 'reviewed' };
}

export function ReportLinks(props: { lang: Lang; reports: readonly ReviewReport[]; plans: Map<number, ActionPlan> }) {
  const { lang } = props;
  return (
    <DataTable<ReviewReport>
      caption={t(lang, 'review.reports.caption')}
      rows={[...props.reports]}
      empty={t(lang, 'review.reports.none')}
      columns={[
        {
          header: t(lang, 'review.report'),
          rowHeader: true,
          cell: (r) => (
            <a href={href(lang, reportPath(r))}>
              {pick(r.title, lang)}
              {r.edition > 1 ? ` (${t(lang, 'review.edition', { edition: r.edition })})` : ''}
            </a>
          ),
        },
        { header: t(lang, 'review.kind'), cell: (r) => t(lang, `review.kind.${r.kind}`) },
        { header: t(lang, 'review.readiness.plan'), cell: (r) => pick(props.plans.get(r.planId)?.title ?? { zh: '', en: '', status: 'missing' }, lang) },
        { header: t(lang, 'review.state'), cell: (r) => t(lang, `review.state.${r.state}`) },
      ]}
    />
  );
}
