/** Independent review's pages: the engagements, an engagement (declarations, funding, readiness), a report, a unit's rating form. */
import { pick, type Lang } from '../../../domain/localized.js';
import { OGP_VALUES, type ActionPlan, type CommitmentStatus } from '../../../domain/plan.js';
import { DIMENSIONS_OF, SCALES, type ReviewFigures } from '../../../domain/review.js';
import { BarChart, StackedBar } from '../../../web/charts.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { commitmentPath, inputsPath, newInputPath, planPath } from '../../../web/paths.js';
import {
  CheckboxGroup,
  DataTable,
  DefinitionList,
  DemoNotice,
  FormPage,
  LocalizedField,
  Paragraphs,
  SelectField,
  VersionedAction,
  formatDate,
  homeCrumbs,
  type FieldErrors,
} from '../../../web/ui/index.js';
import type { Readiness } from '../review.present.js';
import type { Engagement, ReviewReport, ReviewReportWhole, ReviewUnit } from '../review.model.js';
import {
  engagementNewPath,
  engagementPath,
  ratingsApiPath,
  ratingsCsvPath,
  recommendationNewPath,
  recommendationResponsePath,
  reportCorrectionPath,
  reportHistoryPath,
  reportPath,
  reportStepPath,
  reviewerNewPath,
  reviewsPath,
  unitEditPath,
} from '../review.paths.js';

const percent = (share: number, lang: Lang) => `${(share * 100).toLocaleString(lang === 'en' ? 'en' : 'zh-TW', { maximumFractionDigits: 1 })}%`;
const day = (d: Date | null, lang: Lang) => (d ? formatDate(new Date(d.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10), lang) : '–');
const reviewsCrumbs = (lang: Lang) => [...homeCrumbs(lang), { label: t(lang, 'review.siteTitle'), path: reviewsPath() }];

export interface CommitmentRef {
  id: number;
  number: string;
  planSlug: string;
  title: { zh: string; en: string; status: 'missing' | 'draft' | 'reviewed' };
}

function ReportLinks(props: { lang: Lang; reports: readonly ReviewReport[]; plans: Map<number, ActionPlan> }) {
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
          <p>{t(lang, 'review.period', { period: `${formatDate(engagement.periodStart, lang)} – ${formatDate(engagement.periodEnd, lang)}` })}</p>
          <ReportLinks lang={lang} reports={reports} plans={props.plans} />
        </section>
      ))}
    </Layout>
  );
}

export function EngagementPage(props: {
  ctx: PageContext;
  engagement: Engagement;
  plans: Map<number, ActionPlan>;
  readiness: Readiness[];
  reports: ReviewReport[];
  governmentShare: number;
  mayManage: boolean;
}) {
  const { ctx, engagement: e } = props;
  const { lang } = ctx;
  const title = pick(e.title, lang);
  const planTitle = (id: number) => pick(props.plans.get(id)?.title ?? { zh: '', en: '', status: 'missing' }, lang);
  return (
    <Layout ctx={ctx} title={title} crumbs={[...reviewsCrumbs(lang), { label: title }]}>
      <h1>{title}</h1>
      {e.isDemo ? <DemoNotice lang={lang} message={t(lang, 'review.demoNotice')} /> : null}
      <DefinitionList
        items={[
          {
            label: t(lang, 'review.engagement'),
            value: t(lang, 'review.period', { period: `${formatDate(e.periodStart, lang)} – ${formatDate(e.periodEnd, lang)}` }),
          },
          {
            label: t(lang, 'review.plans'),
            value: (
              <>
                {e.planIds.map((id, i) => {
                  const p = props.plans.get(id);
                  return (
                    <>
                      {i > 0 ? '、' : ''}
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
              description={e.funding.map((f) => `${pick(f.source, lang)} ${f.sharePercent}%`).join(lang === 'en' ? '; ' : '；')}
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
          ]}
        />
        {props.mayManage ? (
          <p>
            <a href={href(lang, reviewerNewPath(e))}>{t(lang, 'review.reviewer.add')}</a>
          </p>
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
      <section aria-labelledby="reports">
        <h2 id="reports">{t(lang, 'review.reports')}</h2>
        <ReportLinks lang={lang} reports={props.reports} plans={props.plans} />
      </section>
    </Layout>
  );
}

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
              .join(lang === 'en' ? '; ' : '；')}
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
  const results = r.kind === 'results-report';
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
            ? t(lang, 'review.commentOpen', { closes: day(r.commentClosesAt, lang) })
            : t(lang, 'review.commentClosed', { closes: day(r.commentClosesAt, lang) })}
        </p>
      ) : null}
      {r.state === 'published' ? <p>{t(lang, 'review.publishedOn', { date: day(r.publishedAt, lang) })}</p> : null}
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
        </div>
      ) : null}
      <section aria-labelledby="overview">
        <h2 id="overview">{t(lang, 'review.overview')}</h2>
        <Paragraphs value={r.overview} lang={lang} />
      </section>
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

export interface UnitFormValues {
  ratings: Record<string, string>;
  ogValues: string[];
  rationale: { zh: string; en: string; status: 'missing' | 'draft' | 'reviewed' };
  evidence: { zh: string; en: string; status: 'missing' | 'draft' | 'reviewed' };
}

export function UnitFormPage(props: {
  ctx: PageContext;
  unit: ReviewUnit;
  report: ReviewReport;
  values: UnitFormValues;
  errors: FieldErrors;
  conflict: boolean;
}) {
  const { ctx, unit, report, values, errors } = props;
  const { lang } = ctx;
  const field = { lang, errors };
  const dimensions = DIMENSIONS_OF[report.kind][report.scaleSet];
  const results = report.kind === 'results-report';
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'review.unit.editTitle', { unit: pick(unit.title, lang) })}
      crumbs={[...reviewsCrumbs(lang), { label: pick(report.title, lang), path: reportPath(report) }]}
      action={unitEditPath(unit)}
      cancel={reportPath(report)}
      submitLabel={t(lang, 'review.unit.save')}
      errors={errors}
      conflict={props.conflict}
      version={unit.version}
      intro={dimensions.includes('verifiability') ? <p class="help">{t(lang, 'review.unit.notVerifiableHelp')}</p> : undefined}
    >
      {dimensions.map((d) => (
        <SelectField
          {...field}
          name={`ratings.${d}`}
          label={t(lang, `review.dimension.${d}`)}
          value={values.ratings[d] ?? ''}
          options={[
            { value: '', label: t(lang, 'review.unit.notRated') },
            ...SCALES[d].values.map((v) => ({ value: v, label: t(lang, `review.scale.${d}.${v}` as 'review.scale.potential.modest') })),
          ]}
        />
      ))}
      {report.kind === 'action-plan-review' ? (
        <CheckboxGroup
          {...field}
          name="ogValues"
          label={t(lang, 'review.unit.ogValues')}
          values={values.ogValues}
          options={OGP_VALUES.map((v) => ({ value: v, label: t(lang, `value.${v}`) }))}
        />
      ) : null}
      <LocalizedField
        {...field}
        name={results ? 'evidence' : 'rationale'}
        label={t(lang, results ? 'review.unit.evidence' : 'review.unit.rationale')}
        value={results ? values.evidence : values.rationale}
        multiline
      />
    </FormPage>
  );
}
