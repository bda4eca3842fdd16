/**
 * A plan's co-creation: the timeline (an SVG timeline with its table, and when each entry was published), the record
 * computed from the forum's meetings (by phase, stakeholder group and region, as charts with their tables), the
 * working groups, and the minimum-requirements checklist with the records each finding rests on.
 */
import type { Child } from 'hono/jsx';
import { noticeDays, phaseTense, publishedInAdvance, type Phase } from '../../../domain/cocreation.js';
import { pick } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { GanttChart } from '../../../web/charts.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { coCreationHistoryPath, newPhasePath, phaseAnchor, phaseEditPath, phasePath } from '../../../web/paths.js';
import { DataTable, DateText, DemoNotice, Paragraphs, formatDate, planCrumbs } from '../../../web/ui/index.js';
import { phaseLabel } from '../cocreation.format.js';
import type { CoCreationOverview } from '../cocreation.service.js';
import { Checklist } from './co-creation-checklist.js';
import { Record, WorkingGroups } from './co-creation-record.js';

export interface CoCreationPageProps {
  ctx: PageContext;
  plan: ActionPlan;
  overview: CoCreationOverview;
  /** Commitment numbers by id, for the working groups' commitments. */
  commitmentNumbers: Map<number, string>;
  canManage: boolean;
  /** What other modules add after the record (the `cocreation` slot: the response figures). */
  sections?: Child[];
}

const STAGE_STATUS = { past: 'completed', current: 'in-progress', future: 'planned' } as const;

export function CoCreationPage(props: CoCreationPageProps) {
  const { ctx, plan, overview } = props;
  const { lang } = ctx;
  const title = t(lang, 'cocreation.title');
  return (
    <Layout
      ctx={ctx}
      title={`${title} · ${pick(plan.title, lang)}`}
      crumbs={[...planCrumbs(lang, plan), { label: title }]}
      description={t(lang, 'cocreation.intro')}
    >
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'cocreation.intro')}</p>
      {overview.phases.some((p) => p.isDemo) ? <DemoNotice lang={lang} message={t(lang, 'cocreation.demoNotice')} /> : null}
      <p>{t(lang, 'cocreation.asOf', { date: formatDate(overview.today, lang) })}</p>
      <p>
        <a href={href(lang, coCreationHistoryPath(plan))}>{t(lang, 'cocreation.historyLink')}</a>
      </p>
      <Timeline {...props} />
      <Record {...props} />
      {props.sections}
      <WorkingGroups {...props} />
      <Checklist {...props} />
    </Layout>
  );
}

// ---------------------------------------------------------------- timeline

function Timeline(props: CoCreationPageProps) {
  const { plan, overview, ctx } = props;
  const { lang } = ctx;
  const phases = overview.phases;
  const first = phases[0];
  const range = first && {
    start: phases.reduce((min, p) => (p.startsOn < min ? p.startsOn : min), first.startsOn),
    end: phases.reduce((max, p) => (p.endsOn > max ? p.endsOn : max), first.endsOn),
  };
  const late = phases.filter((p) => !publishedInAdvance(p)).length;
  return (
    <section aria-labelledby="s-timeline">
      <h2 id="s-timeline">{t(lang, 'cocreation.timeline')}</h2>
      <p class="help">{t(lang, 'cocreation.timeline.help')}</p>
      {props.canManage ? (
        <p class="actions">
          <a class="button" href={href(lang, newPhasePath(plan))}>
            {t(lang, 'cocreation.phase.new')}
          </a>
        </p>
      ) : null}
      {!range ? (
        <p>{t(lang, 'cocreation.timeline.none')}</p>
      ) : (
        <>
          <GanttChart
            id="cocreation-timeline"
            title={t(lang, 'cocreation.timeline.chartTitle', { plan: pick(plan.title, lang) })}
            description={t(lang, 'cocreation.timeline.chartDescription', {
              count: phases.length,
              start: formatDate(range.start, lang),
              end: formatDate(range.end, lang),
              late,
            })}
            range={range}
            today={overview.today}
            todayLabel={t(lang, 'cocreation.timeline.today')}
            formatDate={(d) => formatDate(d, lang)}
            rows={phases.map((p) => {
              const tense = phaseTense(p, overview.today);
              return {
                key: `phase-${p.id}`,
                label: phaseLabel(p.kind, lang),
                href: href(lang, phasePath(plan, p)),
                start: p.startsOn,
                end: p.endsOn,
                status: STAGE_STATUS[tense],
                statusLabel: t(lang, `cocreation.stage.${tense}`),
                level: 0 as const,
              };
            })}
            columns={{
              label: t(lang, 'cocreation.timeline.phase'),
              start: t(lang, 'cocreation.timeline.starts'),
              end: t(lang, 'cocreation.timeline.ends'),
              status: t(lang, 'cocreation.timeline.stage'),
            }}
            legend={(['past', 'current', 'future'] as const).map((tense) => ({ status: STAGE_STATUS[tense], label: t(lang, `cocreation.stage.${tense}`) }))}
          />
          <PublicationTable {...props} />
        </>
      )}
    </section>
  );
}

/** When each phase's entry was published, how many days ahead, and whether that was in advance; each row is the phase's anchor. */
function PublicationTable(props: CoCreationPageProps) {
  const { plan, overview, ctx } = props;
  const { lang } = ctx;
  return (
    <DataTable<Phase>
      caption={t(lang, 'cocreation.timeline.caption', { count: overview.phases.length })}
      rows={overview.phases}
      rowAttributes={(p) => ({ id: phaseAnchor(p) })}
      columns={[
        { header: t(lang, 'cocreation.timeline.phase'), rowHeader: true, cell: (p) => phaseLabel(p.kind, lang) },
        { header: t(lang, 'cocreation.timeline.starts'), nowrap: true, cell: (p) => <DateText date={p.startsOn} lang={lang} /> },
        { header: t(lang, 'cocreation.timeline.ends'), nowrap: true, cell: (p) => <DateText date={p.endsOn} lang={lang} /> },
        { header: t(lang, 'cocreation.timeline.publishedOn'), nowrap: true, cell: (p) => <DateText date={p.publishedOn} lang={lang} /> },
        { header: t(lang, 'cocreation.timeline.notice'), numeric: true, cell: (p) => t(lang, 'cocreation.timeline.noticeDays', { days: noticeDays(p) }) },
        {
          header: t(lang, 'cocreation.checklist.status'),
          cell: (p) =>
            publishedInAdvance(p) ? (
              <span class="status status-completed">{t(lang, 'cocreation.timeline.inAdvance')}</span>
            ) : (
              <span class="status status-withdrawn">{t(lang, 'cocreation.timeline.late')}</span>
            ),
        },
        { header: t(lang, 'cocreation.timeline.description'), cell: (p) => <Paragraphs value={p.description} lang={lang} /> },
        props.canManage && {
          header: <span class="visually-hidden">{t(lang, 'cocreation.phase.edit')}</span>,
          cell: (p) => (
            <a href={href(lang, phaseEditPath(plan, p))} aria-label={`${t(lang, 'cocreation.phase.edit')}: ${phaseLabel(p.kind, lang)}`}>
              {t(lang, 'cocreation.phase.editShort')}
            </a>
          ),
        },
      ]}
    />
  );
}
