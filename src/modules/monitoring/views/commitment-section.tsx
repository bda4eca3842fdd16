/** The monitoring section of a commitment's page: latest status, progress over cycles, every report. */
import { pick } from '../../../domain/localized.js';
import type { Health, ReviewCycle } from '../../../domain/monitoring.js';
import type { ActionPlan, Agency, Commitment, Milestone } from '../../../domain/plan.js';
import { LineChart } from '../../../web/charts.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { commitmentFeedPath, newReportPath, reportPath } from '../../../web/paths.js';
import { DefinitionList, Paragraphs, listSeparator } from '../../../web/ui/index.js';
import { EvidenceList, HealthBadge, MilestoneProgressTable, ReportByline, cycleLabel, cycleName, percentText, type ReportView } from './parts.js';

export interface CommitmentMonitoringProps {
  ctx: PageContext;
  plan: ActionPlan;
  commitment: Commitment;
  milestones: Milestone[];
  agencies: Map<number, Agency>;
  reports: ReportView[];
  progress: { cycle: ReviewCycle; percent: number | null }[];
  latest: { percent: number | null; health: Health; cycle: ReviewCycle | null };
  openCycle: ReviewCycle | undefined;
  canWrite: boolean;
}

export function CommitmentMonitoringSection(props: CommitmentMonitoringProps) {
  const { ctx, plan, commitment } = props;
  const { lang } = ctx;
  const shown = props.reports.filter((v) => v.report.state !== 'superseded');
  const superseded = props.reports.filter((v) => v.report.state === 'superseded');
  return (
    <section aria-labelledby="s-progress" class="monitoring">
      <h2 id="s-progress">{t(lang, 'progress.commitmentTitle')}</h2>
      <DefinitionList
        items={[
          {
            label: t(lang, 'progress.latestStatus'),
            value: (
              <>
                <HealthBadge health={props.latest.health} lang={lang} />
                {props.latest.cycle ? ` ${t(lang, 'progress.asOf', { cycle: cycleName(props.latest.cycle, lang) })}` : ''}
              </>
            ),
          },
          { label: t(lang, 'progress.percent'), value: percentText(props.latest.percent, lang) },
        ]}
      />
      <p class="actions">
        {props.canWrite ? (
          <a class="button" href={href(lang, newReportPath(plan, commitment, props.openCycle))}>
            {t(lang, 'report.new')}
          </a>
        ) : null}
        <a href={href(lang, commitmentFeedPath(plan, commitment))}>{t(lang, 'feed.commitment')}</a>
      </p>
      {props.progress.length > 0 ? (
        <LineChart
          id="commitment-progress"
          title={t(lang, 'progress.overCycles')}
          description={t(lang, 'progress.overCyclesDesc', {
            points: props.progress.map((p) => `${cycleLabel(p.cycle, lang)} ${percentText(p.percent, lang)}`).join(listSeparator(lang)),
          })}
          unit="%"
          points={props.progress.map((p) => ({ key: String(p.cycle.id), label: cycleLabel(p.cycle, lang), value: p.percent }))}
          columns={{ label: t(lang, 'cycle.cycle'), value: t(lang, 'progress.percent') }}
        />
      ) : null}
      <h3 id="s-reports">{t(lang, 'report.listTitle')}</h3>
      {shown.length === 0 ? <p>{t(lang, 'report.none')}</p> : null}
      {shown.map((view) => (
        <article class={`report report-${view.report.state}`} aria-labelledby={`report-${view.report.id}`}>
          <h4 id={`report-${view.report.id}`}>
            <a href={href(lang, reportPath(plan, commitment, view.report))}>{cycleName(view.cycle, lang)}</a>
            {view.report.state === 'draft' ? ` · ${t(lang, 'report.draft')}` : ''}
          </h4>
          <ReportByline view={view} agencies={props.agencies} lang={lang} />
          <MilestoneProgressTable id={`report-${view.report.id}-ms`} entries={view.report.milestones} milestones={props.milestones} lang={lang} />
          {pick(view.report.achievements, lang) ? <Paragraphs value={view.report.achievements} lang={lang} /> : null}
          {view.evidence.length > 0 ? (
            <>
              <p class="label">{t(lang, 'report.evidence')}</p>
              <EvidenceList evidence={view.evidence} lang={lang} />
            </>
          ) : null}
        </article>
      ))}
      {superseded.length > 0 ? (
        <details>
          <summary>{t(lang, 'report.earlierRevisions', { count: superseded.length })}</summary>
          <ul>
            {superseded.map((view) => (
              <li>
                <a href={href(lang, reportPath(plan, commitment, view.report))}>
                  {cycleLabel(view.cycle, lang)} · {t(lang, 'report.revisionN', { revision: view.report.revision })}
                </a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
