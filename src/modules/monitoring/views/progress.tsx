/** The plan's progress: roll-ups, charts, the timeline and the table of commitments. */
import { pick } from '../../../domain/localized.js';
import { HEALTH, type Health, type MilestoneProgress } from '../../../domain/monitoring.js';
import type { ActionPlan, Milestone } from '../../../domain/plan.js';
import { BarChart, GanttChart, StackedBar, type GanttRow } from '../../../web/charts.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { boardPath, commitmentPath, cyclesPath, planFeedPath, progressPath } from '../../../web/paths.js';
import { AgencyLink, DataTable, DemoNotice, SelectField, clauseSeparator, formatDate, listSeparator, planCrumbs } from '../../../web/ui/index.js';
import type { CommitmentProgress, PlanProgress } from '../monitoring.service.js';
import { HealthBadge, commitmentColumns, cycleLabel, percentText } from './parts.js';

export interface ProgressFilters {
  area?: number | undefined;
  agency?: number | undefined;
  health?: Health | undefined;
}

export function ProgressPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  progress: PlanProgress;
  shown: CommitmentProgress[];
  milestones: Map<number, Milestone[]>;
  milestoneStatus: Map<number, MilestoneProgress>;
  filters: ProgressFilters;
  today: string;
  canManage: boolean;
}) {
  const { ctx, plan, progress, filters } = props;
  const { lang } = ctx;
  const title = `${t(lang, 'progress.title')} · ${pick(plan.title, lang)}`;
  const healthLabel = (h: Health) => t(lang, `health.${h}`);
  const ganttRows: GanttRow[] = props.shown.flatMap((item) => {
    const c = item.commitment;
    const row: GanttRow = {
      key: `c${c.id}`,
      label: `${c.number} ${pick(c.title, lang)}`,
      href: href(lang, commitmentPath(plan, c)),
      start: c.startDate,
      end: c.endDate,
      status: item.health,
      statusLabel: healthLabel(item.health),
      percent: item.percent,
      level: 0,
    };
    const children: GanttRow[] = (props.milestones.get(c.id) ?? []).map((m) => {
      const s = props.milestoneStatus.get(m.id);
      const status = s?.status ?? 'planned';
      return {
        key: `m${m.id}`,
        label: pick(m.deliverable, lang),
        start: m.startDate,
        end: m.endDate,
        status,
        statusLabel: s ? t(lang, `mstatus.${s.status}`) : t(lang, 'mstatus.planned'),
        percent: s?.percent ?? null,
        level: 1,
      };
    });
    return [row, ...children];
  });
  const counts = progress.health;
  const summary = HEALTH.map((h) => `${healthLabel(h)} ${counts[h]}`).join(listSeparator(lang));
  // By area and by lead agency: a bar each, which narrows the timeline and the table to it. The filters offer the same groups.
  const areaBars = progress.areas.map((a) => ({
    key: String(a.area.id),
    label: pick(a.area.title, lang),
    value: a.percent,
    href: href(lang, progressPath(plan, { area: a.area })),
  }));
  const agencyBars = progress.agencies.map((a) => ({
    key: String(a.agency.id),
    label: pick(a.agency.name, lang),
    value: a.percent,
    href: href(lang, progressPath(plan, { agency: a.agency })),
  }));
  const rollUps = [
    {
      id: 'area-progress',
      section: 's-areas',
      title: t(lang, 'progress.byArea'),
      description: 'progress.byAreaDesc',
      column: t(lang, 'commitment.area'),
      bars: areaBars,
    },
    {
      id: 'agency-progress',
      section: 's-agencies',
      title: t(lang, 'progress.byAgency'),
      description: 'progress.byAgencyDesc',
      column: t(lang, 'commitment.leadAgency'),
      bars: agencyBars,
    },
  ] as const;
  const feed = planFeedPath(plan);
  const leadAgencies = new Map(progress.agencies.map((a) => [a.agency.id, a.agency]));
  const filter = { errors: {}, lang, includeEmpty: true };
  const asOption = (bar: { key: string; label: string }) => ({ value: bar.key, label: bar.label });
  const areaOptions = areaBars.map(asOption);
  const agencyOptions = agencyBars.map(asOption);
  const healthOptions = HEALTH.map((h) => ({ value: h, label: healthLabel(h) }));
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[...planCrumbs(lang, plan), { label: t(lang, 'progress.title') }]}
      feeds={[{ title: t(lang, 'feed.plan'), path: feed }]}
    >
      <h1>{title}</h1>
      {plan.isDemo ? <DemoNotice lang={lang} /> : null}
      <p class="lede">{t(lang, 'progress.intro')}</p>
      <p class="actions">
        <a href={href(lang, cyclesPath(plan))}>{t(lang, 'cycle.listTitle')}</a>
        {props.canManage ? <a href={href(lang, boardPath(plan))}>{t(lang, 'board.title')}</a> : null}
        <a href={href(lang, feed)}>{t(lang, 'feed.plan')}</a>
        <a href={`/api/v1/plans/${plan.id}/progress`}>{t(lang, 'progress.json')}</a>
      </p>
      <section aria-labelledby="s-overall">
        <h2 id="s-overall">{t(lang, 'progress.overall')}</h2>
        <p class="big-number">
          {percentText(progress.percent, lang)} <span class="meta-inline">{t(lang, 'progress.overallHelp')}</span>
        </p>
        <StackedBar
          id="health-counts"
          title={t(lang, 'progress.healthTitle')}
          description={t(lang, 'progress.healthDesc', { summary })}
          segments={HEALTH.map((h) => ({ key: h, label: healthLabel(h), value: counts[h], className: `gantt-status-${h}`, hatched: h === 'delayed' }))}
          columns={{ label: t(lang, 'progress.health'), value: t(lang, 'progress.count') }}
        />
      </section>
      {rollUps.map((r) => (
        <section aria-labelledby={r.section}>
          <h2 id={r.section}>{r.title}</h2>
          <BarChart
            id={r.id}
            title={r.title}
            description={t(lang, r.description, { summary: r.bars.map((b) => `${b.label} ${percentText(b.value, lang)}`).join(clauseSeparator(lang)) })}
            unit="%"
            bars={r.bars}
            columns={{ label: r.column, value: t(lang, 'progress.percent') }}
          />
        </section>
      ))}
      <section aria-labelledby="s-timeline">
        <h2 id="s-timeline">{t(lang, 'progress.timeline')}</h2>
        <form method="get" action={href(lang, progressPath(plan))} class="filters">
          <SelectField {...filter} name="area" label={t(lang, 'commitment.area')} value={filters.area} options={areaOptions} />
          <SelectField {...filter} name="agency" label={t(lang, 'commitment.leadAgency')} value={filters.agency} options={agencyOptions} />
          <SelectField {...filter} name="health" label={t(lang, 'progress.health')} value={filters.health} options={healthOptions} />
          <button type="submit" class="button">
            {t(lang, 'progress.filter')}
          </button>
        </form>
        <p role="status">{t(lang, 'progress.showing', { shown: props.shown.length, total: progress.commitments.length })}</p>
        {props.shown.length > 0 ? (
          <GanttChart
            id="timeline"
            title={t(lang, 'progress.timeline')}
            description={t(lang, 'progress.timelineDesc', {
              count: props.shown.length,
              start: formatDate(plan.periodStart, lang),
              end: formatDate(plan.periodEnd, lang),
              summary,
            })}
            range={{ start: plan.periodStart, end: plan.periodEnd }}
            today={props.today}
            todayLabel={t(lang, 'progress.today')}
            formatDate={(iso) => formatDate(iso, lang)}
            rows={ganttRows}
            columns={{
              label: t(lang, 'progress.item'),
              start: t(lang, 'milestone.startDate'),
              end: t(lang, 'milestone.endDate'),
              status: t(lang, 'report.status'),
              percent: t(lang, 'report.percent'),
            }}
            legend={[
              ...HEALTH.map((h) => ({ status: h, label: healthLabel(h) })),
              ...(['delayed', 'withdrawn', 'planned'] as const).map((s) => ({ status: s, label: t(lang, `mstatus.${s}`) })),
            ].filter((l, i, all) => all.findIndex((x) => x.status === l.status) === i)}
          />
        ) : null}
      </section>
      <section aria-labelledby="s-table">
        <h2 id="s-table">{t(lang, 'progress.tableTitle')}</h2>
        <DataTable<CommitmentProgress>
          caption={t(lang, 'progress.tableTitle')}
          rows={props.shown}
          columns={[
            ...commitmentColumns<CommitmentProgress>(lang, plan, (item) => item.commitment),
            { header: t(lang, 'commitment.leadAgency'), cell: (item) => <AgencyLink agency={leadAgencies.get(item.commitment.leadAgencyId)} lang={lang} /> },
            { header: t(lang, 'progress.health'), cell: (item) => <HealthBadge health={item.health} lang={lang} /> },
            { header: t(lang, 'progress.percent'), numeric: true, cell: (item) => percentText(item.percent, lang) },
            { header: t(lang, 'progress.latestCycle'), cell: (item) => (item.latestCycle === null ? '—' : cycleLabel({ number: item.latestCycle }, lang)) },
          ]}
        />
      </section>
    </Layout>
  );
}
