/** A report: its state and period, overview, figures and charts, units with their ratings, recommendations tracked. */
import { pick, type Lang } from '../../../domain/localized.js';
import { type ActionPlan, type CommitmentStatus } from '../../../domain/plan.js';
import { DIMENSIONS_OF, ratesResults, SCALES, type ReviewFigures } from '../../../domain/review.js';
import { BarChart } from '../../../web/charts.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { commitmentPath, inputsPath, newInputPath, planPath } from '../../../web/paths.js';
import { DataTable, DefinitionList, DemoNotice, Paragraphs, VersionedAction, clauseSeparator } from '../../../web/ui/index.js';
import type { Engagement, ReviewReport, ReviewReportWhole, ReviewUnit } from '../review.model.js';
import {
  engagementPath,
  recommendationNewPath,
  recommendationResponsePath,
  reportCorrectionPath,
  reportHistoryPath,
  reportPath,
  reportStepPath,
  unitEditPath,
  clusterNewPath,
  recommendationEditPath,
  reportEditPath,
} from '../review.paths.js';
import { reportDay, reviewsCrumbs, type CommitmentRef } from './parts.js';
import { RequirementsSection } from './requirements.js';

const ratingText = (lang: Lang, unit: ReviewUnit, dimension: keyof typeof SCALES) => {
  const value = unit.ratings[dimension];
  return value === undefined ? t(lang, 'review.unit.notRated') : t(lang, `review.scale.${dimension}.${value}` as 'review.scale.potential.modest');
};

function Figures(props: { lang: Lang; figures: ReviewFigures; kind: ReviewReport['kind'] }) {
  const { lang, figures } = props;
  const of = (count: number) => t(lang, 'review.figures.of', { count, total: figures.units });
  return (
    <section aria-labelledby="figures">
      <h2 id="figures">{t(lang, 'review.figures')}</h2>
      {props.kind === 'action-plan-review' ? (
        <DefinitionList
          items={[
            { label: t(lang, 'review.figures.verifiable'), value: of(figures.verifiable) },
            { label: t(lang, 'review.figures.ogLens'), value: of(figures.ogLens) },
            { label: t(lang, 'review.figures.substantial'), value: of(figures.substantialPotential) },
            { label: t(lang, 'review.figures.promising'), value: of(figures.promising) },
          ]}
        />
      ) : null}
      {figures.distributions.map((d) => {
        const name = t(lang, `review.dimension.${d.dimension}`);
        return (
          <BarChart
            id={`dist-${d.dimension}`}
            title={t(lang, 'review.figures.chart', { dimension: name })}
            description={d.counts
              .map((c) => `${t(lang, `review.scale.${d.dimension}.${c.value}` as 'review.scale.potential.modest')} ${c.count}`)
              .join(clauseSeparator(lang))}
            unit=""
            max={Math.max(4, Math.ceil(figures.units / 4) * 4)}
            bars={d.counts.map((c) => ({
              key: c.value,
              label: t(lang, `review.scale.${d.dimension}.${c.value}` as 'review.scale.potential.modest'),
              value: c.count,
            }))}
            columns={{ label: name, value: t(lang, 'review.units') }}
          />
        );
      })}
    </section>
  );
}

export function ReportPage(props: {
  ctx: PageContext;
  whole: ReviewReportWhole;
  plan: ActionPlan | undefined;
  engagement: Engagement;
  figures: ReviewFigures;
  commitments: Map<number, CommitmentRef>;
  agencyStatus: Map<number, CommitmentStatus>;
  starred: Map<number, boolean | null>;
  commentsOpen: boolean;
  mayWrite: boolean;
  laterEditionId: number | null;
  /** The comments on the report and its units that the public may read. */
  commentCount: number;
  /** The secretariat records the government's response to a published report's recommendations. */
  mayRespond: boolean;
}) {
  const { ctx, whole } = props;
  const { lang } = ctx;
  const r = whole.report;
  const title = pick(r.title, lang);
  const dimensions = DIMENSIONS_OF[r.kind][r.scaleSet];
  const results = ratesResults(r.kind);
  const commitmentLink = (id: number) => {
    const c = props.commitments.get(id);
    return c ? <a href={href(lang, commitmentPath({ slug: c.planSlug }, c))}>{c.number}</a> : null;
  };
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[...reviewsCrumbs(lang), { label: pick(props.engagement.title, lang), path: engagementPath(props.engagement) }, { label: title }]}
    >
      <h1>{title}</h1>
      {r.isDemo ? <DemoNotice lang={lang} message={t(lang, 'review.demoNotice')} /> : null}
      <DefinitionList
        items={[
          { label: t(lang, 'review.kind'), value: `${t(lang, `review.kind.${r.kind}`)} · ${t(lang, `review.scaleSet.${r.scaleSet}`)}` },
          { label: t(lang, 'review.state'), value: <strong>{t(lang, `review.state.${r.state}`)}</strong> },
          props.plan ? { label: t(lang, 'review.readiness.plan'), value: <a href={href(lang, planPath(props.plan))}>{pick(props.plan.title, lang)}</a> } : null,
          r.edition > 1 ? { label: t(lang, 'review.edition', { edition: r.edition }), value: pick(r.changeNote, lang) } : null,
        ]}
      />
      {r.state === 'comment' ? (
        <p role="status">
          {props.commentsOpen
            ? t(lang, 'review.commentOpen', { closes: reportDay(r.commentClosesAt, lang) })
            : t(lang, 'review.commentClosed', { closes: reportDay(r.commentClosesAt, lang) })}
        </p>
      ) : null}
      {r.state === 'published' ? <p>{t(lang, 'review.publishedOn', { date: reportDay(r.publishedAt, lang) })}</p> : null}
      {props.plan && r.state !== 'draft' ? (
        <p class="actions">
          <a href={href(lang, `${inputsPath(props.plan)}?target=review:${r.id}`)}>{t(lang, 'review.comments', { count: props.commentCount })}</a>
          {props.commentsOpen ? (
            <>
              {' '}
              <a class="button" href={href(lang, newInputPath(props.plan, { targetType: 'review', targetId: r.id }))}>
                {t(lang, 'review.comment')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {props.laterEditionId !== null ? (
        <p class="notice">
          <a href={href(lang, reportPath({ id: props.laterEditionId }))}>{t(lang, 'review.laterEdition')}</a>
        </p>
      ) : null}
      {props.mayWrite ? (
        <div class="actions">
          {r.state === 'draft' && r.edition === 1 ? (
            <VersionedAction
              ctx={ctx}
              action={reportStepPath(r, 'comment-period')}
              version={r.version}
              label={t(lang, 'review.action.openComment', { days: r.commentDays })}
            />
          ) : null}
          {(r.state === 'comment' && !props.commentsOpen) || (r.state === 'draft' && r.edition > 1) ? (
            <VersionedAction ctx={ctx} action={reportStepPath(r, 'publication')} version={r.version} label={t(lang, 'review.action.publish')} />
          ) : null}
          {r.state === 'published' && props.laterEditionId === null ? (
            <a href={href(lang, reportCorrectionPath(r))}>{t(lang, 'review.action.correct')}</a>
          ) : null}
          {r.state !== 'published' ? <a href={href(lang, reportEditPath(r))}>{t(lang, 'review.edit.texts')}</a> : null}
        </div>
      ) : null}
      <section aria-labelledby="overview">
        <h2 id="overview">{t(lang, 'review.overview')}</h2>
        <Paragraphs value={r.overview} lang={lang} />
      </section>
      <RequirementsSection lang={lang} report={r} requirements={whole.requirements} mayWrite={props.mayWrite} />
      {dimensions.length > 0 ? <Figures lang={lang} figures={props.figures} kind={r.kind} /> : null}
      {dimensions.length > 0 ? (
        <section aria-labelledby="units">
          <h2 id="units">{t(lang, 'review.units')}</h2>
          <DataTable<ReviewUnit>
            caption={t(lang, 'review.units.caption')}
            rows={whole.units}
            empty={t(lang, 'review.units.none')}
            columns={[
              {
                header: t(lang, 'review.unit'),
                rowHeader: true,
                cell: (u) => (
                  <>
                    {pick(u.title, lang)}
                    {u.commitmentIds.length > 1 ? <p class="help">{t(lang, 'review.unit.cluster', { count: u.commitmentIds.length })}</p> : null}
                  </>
                ),
              },
              {
                header: t(lang, 'review.unit.commitments'),
                cell: (u) => (
                  <>
                    {u.commitmentIds.map((id, i) => (
                      <>
                        {i > 0 ? ', ' : ''}
                        {commitmentLink(id)}
                      </>
                    ))}
                  </>
                ),
              },
              ...dimensions.map((d) => ({ header: t(lang, `review.dimension.${d}`), cell: (u: ReviewUnit) => ratingText(lang, u, d) })),
              results
                ? {
                    header: t(lang, 'review.unit.agencyStatus'),
                    cell: (u: ReviewUnit) =>
                      u.commitmentIds
                        .map((id) => props.agencyStatus.get(id))
                        .filter((s) => s !== undefined)
                        .map((s) => t(lang, `commitment.status.${s}`))
                        .join(', ') || '–',
                  }
                : null,
              r.scaleSet === 'legacy' && results
                ? {
                    header: t(lang, 'review.unit.starred'),
                    cell: (u: ReviewUnit) => (props.starred.get(u.id) === true ? '★' : props.starred.get(u.id) === false ? '–' : ''),
                  }
                : null,
              {
                header: results ? t(lang, 'review.unit.evidence') : t(lang, 'review.unit.rationale'),
                cell: (u: ReviewUnit) => pick(results ? u.evidence : u.rationale, lang),
              },
              props.commentsOpen && props.plan
                ? {
                    header: t(lang, 'review.comment'),
                    cell: (u: ReviewUnit) =>
                      props.plan ? (
                        <a href={href(lang, newInputPath(props.plan, { targetType: 'review-unit', targetId: u.id }))}>
                          {t(lang, 'review.unit.comment')}
                          <span class="visually-hidden">{`: ${pick(u.title, lang)}`}</span>
                        </a>
                      ) : null,
                  }
                : null,
              props.mayWrite && r.state !== 'published'
                ? {
                    header: t(lang, 'review.unit.edit'),
                    cell: (u: ReviewUnit) => (
                      <a href={href(lang, unitEditPath(u))}>
                        {t(lang, 'review.unit.edit')}
                        <span class="visually-hidden">{`: ${pick(u.title, lang)}`}</span>
                      </a>
                    ),
                  }
                : null,
            ]}
          />
          {props.mayWrite && r.state !== 'published' && whole.units.length > 1 ? (
            <p>
              <a href={href(lang, clusterNewPath(r))}>{t(lang, 'review.edit.cluster')}</a>
            </p>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="recommendations">
        <h2 id="recommendations">{t(lang, 'review.recommendations')}</h2>
        <DataTable<ReviewReportWhole['recommendations'][number]>
          caption={t(lang, 'review.recommendations.caption')}
          rows={whole.recommendations}
          empty={t(lang, 'review.recommendations.none')}
          columns={[
            { header: t(lang, 'review.recommendation.number'), nowrap: true, cell: (rec) => String(rec.number) },
            { header: t(lang, 'review.recommendation.body'), rowHeader: true, cell: (rec) => pick(rec.body, lang) },
            { header: t(lang, 'review.recommendation.state'), cell: (rec) => t(lang, `review.recommendation.state.${rec.state}`) },
            {
              header: t(lang, 'review.recommendation.response'),
              cell: (rec) => pick(rec.governmentResponse, lang) || t(lang, 'review.recommendation.pending'),
            },
            {
              header: t(lang, 'review.recommendation.landed'),
              cell: (rec) => {
                if (rec.landedCommitmentId === null) return t(lang, 'review.recommendation.notLanded');
                const c = props.commitments.get(rec.landedCommitmentId);
                return c ? (
                  <a href={href(lang, commitmentPath({ slug: c.planSlug }, c))}>
                    {c.number} {pick(c.title, lang)}
                  </a>
                ) : (
                  '–'
                );
              },
            },
            props.mayWrite && r.state !== 'published'
              ? {
                  header: t(lang, 'review.edit.recommendationLink'),
                  cell: (rec: ReviewReportWhole['recommendations'][number]) => (
                    <a href={href(lang, recommendationEditPath(rec))}>
                      {t(lang, 'review.edit.recommendationLink')}
                      <span class="visually-hidden">{` ${t(lang, 'review.edit.recommendation', { number: rec.number })}`}</span>
                    </a>
                  ),
                }
              : null,
            props.mayRespond && r.state === 'published'
              ? {
                  header: t(lang, 'review.recommendation.respond'),
                  cell: (rec) => (
                    <a href={href(lang, recommendationResponsePath(rec))}>
                      {t(lang, 'review.recommendation.respond')}
                      <span class="visually-hidden">{` ${rec.number}`}</span>
                    </a>
                  ),
                }
              : null,
          ]}
        />
        {props.mayWrite && r.state !== 'published' ? (
          <p>
            <a href={href(lang, recommendationNewPath(r))}>{t(lang, 'review.recommendation.add')}</a>
          </p>
        ) : null}
      </section>
      <p>
        <a href={href(lang, reportHistoryPath(r))}>{t(lang, 'review.history')}</a>
      </p>
    </Layout>
  );
}
