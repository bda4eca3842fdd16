/** The list of review engagements with their public reports, and the downloads of every rating. */
import { pick } from '../../../domain/localized.js';
import { type ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { DemoNotice, homeCrumbs, formatPeriod } from '../../../web/ui/index.js';
import type { Engagement, ReviewReport } from '../review.model.js';
import { engagementNewPath, engagementPath, ratingsApiPath, ratingsCsvPath } from '../review.paths.js';
import { ReportLinks } from './parts.js';

export function EngagementsPage(props: {
  ctx: PageContext;
  plan: ActionPlan | null;
  engagements: { engagement: Engagement; reports: ReviewReport[] }[];
  plans: Map<number, ActionPlan>;
  mayManage: boolean;
}) {
  const { ctx } = props;
  const { lang } = ctx;
  const title = t(lang, 'review.siteTitle');
  return (
    <Layout ctx={ctx} title={props.plan ? `${title} · ${pick(props.plan.title, lang)}` : title} crumbs={[...homeCrumbs(lang), { label: title }]}>
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'review.intro')}</p>
      {props.engagements.some((e) => e.engagement.isDemo) ? <DemoNotice lang={lang} message={t(lang, 'review.demoNotice')} /> : null}
      {props.engagements.length === 0 ? <p>{t(lang, 'review.none')}</p> : null}
      {props.mayManage ? (
        <p class="actions">
          <a class="button" href={href(lang, engagementNewPath)}>
            {t(lang, 'review.engagement.new')}
          </a>
        </p>
      ) : null}
      <p>
        <a href={href(lang, ratingsCsvPath)}>{t(lang, 'review.ratingsCsv')}</a>
        {' · '}
        <a href={ratingsApiPath}>{t(lang, 'review.ratingsJson')}</a>
      </p>
      {props.engagements.map(({ engagement, reports }) => (
        <section aria-labelledby={`engagement-${engagement.id}`}>
          <h2 id={`engagement-${engagement.id}`}>
            <a href={href(lang, engagementPath(engagement))}>{pick(engagement.title, lang)}</a>
          </h2>
          <p>{t(lang, 'review.period', { period: formatPeriod(engagement.periodStart, engagement.periodEnd, lang) })}</p>
          <ReportLinks lang={lang} reports={reports} plans={props.plans} />
        </section>
      ))}
    </Layout>
  );
}
