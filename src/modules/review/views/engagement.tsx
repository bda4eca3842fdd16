/** One engagement: its plans, terms, funding, reviewers and their declarations, the readiness gate, its reports. */
import { pick, type Lang } from '../../../domain/localized.js';
import { type ActionPlan } from '../../../domain/plan.js';
import { StackedBar } from '../../../web/charts.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { planPath } from '../../../web/paths.js';
import { DataTable, DefinitionList, DemoNotice, Paragraphs, formatPeriod, listSeparator, clauseSeparator } from '../../../web/ui/index.js';
import type { Readiness } from '../review.present.js';
import type { Engagement, ReviewReport } from '../review.model.js';
import { declarationPath, engagementEditPath, interviewsPath, reportNewPath, reviewerNewPath, reviewerRemovePath } from '../review.paths.js';
import { reviewsCrumbs, ReportLinks } from './parts.js';
import type { EndOfCommitmentRow } from '../review.local.js';
import { EndOfCommitmentSection } from './end-of-commitment.js';

const percent = (share: number, lang: Lang) => `${(share * 100).toLocaleString(lang === 'en' ? 'en' : 'zh-TW', { maximumFractionDigits: 1 })}%`;

export function EngagementPage(props: {
  ctx: PageContext;
  engagement: Engagement;
  plans: Map<number, ActionPlan>;
  readiness: Readiness[];
  reports: ReviewReport[];
  /** OGP Local: the end-of-commitment assessments of the engagement's local plans (none for other plans). */
  endOfCommitment: EndOfCommitmentRow[];
  governmentShare: number;
  mayManage: boolean;
  /** The viewer is one of the engagement's reviewers: their declaration and the interview log are theirs to edit. */
  isReviewer: boolean;
}) {
  const { ctx, engagement: e } = props;
  const { lang } = ctx;
  const title = pick(e.title, lang);
  const planTitle = (id: number) => pick(props.plans.get(id)?.title ?? { zh: '', en: '', status: 'missing' }, lang);
  const ownDeclaration = props.isReviewer && e.reviewers.some((r) => r.userId === ctx.actor?.id);
  return (
    <Layout ctx={ctx} title={title} crumbs={[...reviewsCrumbs(lang), { label: title }]}>
      <h1>{title}</h1>
      {e.isDemo ? <DemoNotice lang={lang} message={t(lang, 'review.demoNotice')} /> : null}
      {props.mayManage ? (
        <p>
          <a href={href(lang, engagementEditPath(e))}>{t(lang, 'review.engagement.edit')}</a>
        </p>
      ) : null}
      <DefinitionList
        items={[
          {
            label: t(lang, 'review.engagement'),
            value: t(lang, 'review.period', { period: formatPeriod(e.periodStart, e.periodEnd, lang) }),
          },
          {
            label: t(lang, 'review.plans'),
            value: (
              <>
                {e.planIds.map((id, i) => {
                  const p = props.plans.get(id);
                  return (
                    <>
                      {i > 0 ? listSeparator(lang) : ''}
                      {p ? <a href={href(lang, planPath(p))}>{pick(p.title, lang)}</a> : null}
                    </>
                  );
                })}
              </>
            ),
          },
        ]}
      />
      <section aria-labelledby="terms">
        <h2 id="terms">{t(lang, 'review.terms')}</h2>
        <Paragraphs value={e.termsOfReference} lang={lang} />
      </section>
      <section aria-labelledby="funding">
        <h2 id="funding">{t(lang, 'review.funding')}</h2>
        {e.funding.length === 0 ? (
          <p>{t(lang, 'review.funding.none')}</p>
        ) : (
          <>
            <p>
              <strong>{t(lang, 'review.funding.government', { share: `${props.governmentShare}%` })}</strong>
            </p>
            <StackedBar
              id="funding-shares"
              title={t(lang, 'review.funding.chart')}
              description={e.funding.map((f) => `${pick(f.source, lang)} ${f.sharePercent}%`).join(clauseSeparator(lang))}
              segments={e.funding.map((f, i) => ({
                key: `f${i}`,
                label: `${pick(f.source, lang)} (${t(lang, `review.sector.${f.sector}`)})`,
                value: f.sharePercent,
                className: `funding-${f.sector}`,
                hatched: f.sector === 'government',
              }))}
              columns={{ label: t(lang, 'review.funding.source'), value: t(lang, 'review.funding.share') }}
            />
          </>
        )}
      </section>
      <section aria-labelledby="reviewers">
        <h2 id="reviewers">{t(lang, 'review.reviewers')}</h2>
        <DataTable<Engagement['reviewers'][number]>
          caption={t(lang, 'review.reviewers.caption')}
          rows={e.reviewers}
          empty={t(lang, 'review.reviewers.none')}
          columns={[
            { header: t(lang, 'review.reviewer'), rowHeader: true, cell: (r) => r.name },
            { header: t(lang, 'review.reviewerRole'), cell: (r) => t(lang, `review.role.${r.role}`) },
            { header: t(lang, 'review.affiliations'), cell: (r) => pick(r.affiliations, lang) || '–' },
            { header: t(lang, 'review.interests'), cell: (r) => pick(r.interests, lang) || '–' },
            props.mayManage && {
              header: t(lang, 'review.reviewers.manage'),
              cell: (r) => <a href={href(lang, reviewerRemovePath(e, r.userId))}>{t(lang, 'review.reviewer.remove', { name: r.name })}</a>,
            },
          ]}
        />
        {props.mayManage ? (
          <p>
            <a href={href(lang, reviewerNewPath(e))}>{t(lang, 'review.reviewer.add')}</a>
          </p>
        ) : null}
        {props.isReviewer ? (
          <ul>
            {ownDeclaration ? (
              <li>
                <a href={href(lang, declarationPath(e))}>{t(lang, 'review.declaration.edit')}</a>
              </li>
            ) : null}
            <li>
              <a href={href(lang, interviewsPath(e))}>{t(lang, 'review.interviews')}</a>
            </li>
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="readiness">
        <h2 id="readiness">{t(lang, 'review.readiness')}</h2>
        <p>{t(lang, 'review.readiness.intro')}</p>
        <DataTable<Readiness>
          caption={t(lang, 'review.readiness.caption')}
          rows={props.readiness}
          empty="–"
          columns={[
            { header: t(lang, 'review.readiness.plan'), rowHeader: true, cell: (r) => planTitle(r.planId) },
            {
              header: t(lang, 'review.readiness.share'),
              cell: (r) => t(lang, 'review.readiness.counts', { reviewed: r.reviewed, total: r.total, share: percent(r.share, lang) }),
            },
            {
              header: t(lang, 'review.readiness.state'),
              cell: (r) => <strong>{t(lang, r.complete ? 'review.readiness.complete' : 'review.readiness.incomplete')}</strong>,
            },
          ]}
        />
      </section>
      <EndOfCommitmentSection lang={lang} rows={props.endOfCommitment} engagementId={e.id} isReviewer={props.isReviewer} />
      <section aria-labelledby="reports">
        <h2 id="reports">{t(lang, 'review.reports')}</h2>
        {props.isReviewer ? (
          <p>
            <a href={href(lang, reportNewPath(e))}>{t(lang, 'review.report.new')}</a>
          </p>
        ) : null}
        <ReportLinks lang={lang} reports={props.reports} plans={props.plans} />
      </section>
    </Layout>
  );
}
