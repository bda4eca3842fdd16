/** The engagement page's table of OGP Local end-of-commitment assessments: each local commitment, when due, where it stands. */
import { pick, type Lang } from '../../../domain/localized.js';
import { href } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { DataTable, formatDate } from '../../../web/ui/index.js';
import type { EndOfCommitmentRow } from '../review.local.js';
import { reportNewPath, reportPath } from '../review.paths.js';

/** `isReviewer`: the viewer is one of engagement `engagementId`'s reviewers, who start a due or overdue assessment from its row. */
export function EndOfCommitmentSection(props: { lang: Lang; rows: readonly EndOfCommitmentRow[]; engagementId: number; isReviewer: boolean }) {
  const { lang } = props;
  if (props.rows.length === 0) return null;
  return (
    <section aria-labelledby="end-of-commitment">
      <h2 id="end-of-commitment">{t(lang, 'review.endOfCommitment')}</h2>
      <p class="help">{t(lang, 'review.endOfCommitment.help')}</p>
      <DataTable<EndOfCommitmentRow>
        caption={t(lang, 'review.endOfCommitment.caption')}
        rows={props.rows}
        empty=""
        columns={[
          { header: t(lang, 'review.endOfCommitment.commitment'), rowHeader: true, cell: (r) => `${r.number} ${pick(r.title, lang)}` },
          { header: t(lang, 'review.endOfCommitment.ends'), nowrap: true, cell: (r) => formatDate(r.endDate, lang) },
          { header: t(lang, 'review.endOfCommitment.due'), nowrap: true, cell: (r) => formatDate(r.dueOn, lang) },
          {
            header: t(lang, 'review.state'),
            cell: (r) =>
              r.report ? (
                <a href={href(lang, reportPath(r.report))}>{t(lang, `review.endOfCommitment.standing.${r.standing}`)}</a>
              ) : (
                <>
                  <strong>{t(lang, `review.endOfCommitment.standing.${r.standing}`)}</strong>
                  {props.isReviewer && (r.standing === 'due' || r.standing === 'overdue') ? (
                    <>
                      {' '}
                      <a
                        href={href(lang, reportNewPath({ id: props.engagementId }, { plan: r.planId, kind: 'end-of-commitment', commitment: r.commitmentId }))}
                      >
                        {t(lang, 'review.endOfCommitment.start')}
                        <span class="visually-hidden">{`: ${r.number} ${pick(r.title, lang)}`}</span>
                      </a>
                    </>
                  ) : null}
                </>
              ),
          },
        ]}
      />
    </section>
  );
}
