/**
 * A plan's co-creation: the timeline (an SVG timeline with its table, and when each entry was published), the record
 * computed from the forum's meetings (by phase, stakeholder group and region, as charts with their tables), the
 * working groups, and the minimum-requirements checklist with the records each finding rests on.
 */
import { noticeDays, phaseTense, publishedInAdvance, type Evidence, type Finding, type Phase, type Tally } from '../../../domain/cocreation.js';
import { pick, type Lang, type Localized } from '../../../domain/localized.js';
import type { Region } from '../../../domain/people.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { BarChart, GanttChart } from '../../../web/charts.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import {
  coCreationHistoryPath,
  commitmentPath,
  forumRulesPath,
  meetingPath,
  newPhasePath,
  phaseAnchor,
  phaseEditPath,
  phasePath,
  workingGroupPath,
  workingGroupsPath,
} from '../../../web/paths.js';
import { DataTable, DemoNotice, Paragraphs, Text, formatDate, listSeparator, planCrumbs } from '../../../web/ui/index.js';
import { findingParams, phaseLabel } from '../cocreation.format.js';
import type { CoCreationOverview, WorkingGroupFigures } from '../cocreation.service.js';

export interface CoCreationPageProps {
  ctx: PageContext;
  plan: ActionPlan;
  overview: CoCreationOverview;
  /** Commitment numbers by id, for the working groups' commitments. */
  commitmentNumbers: Map<number, string>;
  canManage: boolean;
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
        { header: t(lang, 'cocreation.timeline.description'), cell: (p) => <OptionalParagraphs value={p.description} lang={lang} /> },
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

const DateText = (props: { date: string; lang: Lang }) => <time datetime={props.date}>{formatDate(props.date, props.lang)}</time>;

const OptionalParagraphs = (props: { value: Localized; lang: Lang }) =>
  pick(props.value, props.lang) ? <Paragraphs value={props.value} lang={props.lang} /> : null;

// ---------------------------------------------------------------- the record

function Record(props: CoCreationPageProps) {
  const { overview, ctx, plan } = props;
  const { lang } = ctx;
  const { record } = overview;
  const phaseById = new Map(overview.phases.map((p) => [p.id, p]));
  const groupName = new Map(overview.stakeholderGroups.map((g) => [g.code, g.name]));
  const groupLabel = (code: string) => {
    const name = groupName.get(code);
    return name ? pick(name, lang) : code;
  };
  const regionLabel = (region: Region | null) => (region === null ? t(lang, 'cocreation.record.regionUnknown') : t(lang, `meeting.region.${region}`));
  const meetingsNote = (tally: Tally) => t(lang, 'cocreation.record.meetingsNote', { count: tally.meetings });
  const counted = record.byGroup.filter((g) => g.participations > 0);
  const shownPhases = record.phases.filter((p) => p.total.meetings > 0);
  return (
    <section aria-labelledby="s-record">
      <h2 id="s-record">{t(lang, 'cocreation.record')}</h2>
      <p class="help">{t(lang, 'cocreation.record.help')}</p>
      {record.total.meetings === 0 ? (
        <p>{t(lang, 'cocreation.record.none')}</p>
      ) : (
        <>
          <h3>{t(lang, 'cocreation.record.byPhase')}</h3>
          <BarChart
            id="cocreation-phases"
            title={t(lang, 'cocreation.record.byPhase')}
            description={t(lang, 'cocreation.record.byPhase.description', {
              meetings: record.total.meetings,
              participations: record.total.participations,
              outside: record.outsidePhases.meetings,
            })}
            unit=""
            max={Math.max(1, record.outsidePhases.participations, ...record.phases.map((p) => p.total.participations))}
            bars={[
              ...record.phases.flatMap((p) => {
                const phase = phaseById.get(p.phaseId);
                if (!phase) return [];
                return [
                  {
                    key: `phase-${p.phaseId}`,
                    label: `${phaseLabel(phase.kind, lang)} (${formatDate(phase.startsOn, lang)} – ${formatDate(phase.endsOn, lang)})`,
                    value: p.total.participations,
                    href: href(lang, phasePath(plan, phase)),
                    note: meetingsNote(p.total),
                  },
                ];
              }),
              // Meetings outside every phase are shown too, so every meeting held is in some bar.
              ...(record.outsidePhases.meetings > 0
                ? [
                    {
                      key: 'outside',
                      label: t(lang, 'cocreation.record.outside'),
                      value: record.outsidePhases.participations,
                      note: meetingsNote(record.outsidePhases),
                    },
                  ]
                : []),
            ]}
            columns={{ label: t(lang, 'cocreation.timeline.phase'), value: t(lang, 'cocreation.record.participations') }}
          />
          <h3>{t(lang, 'cocreation.record.byGroup')}</h3>
          <BarChart
            id="cocreation-groups"
            title={t(lang, 'cocreation.record.byGroup')}
            description={t(lang, 'cocreation.record.byGroup.description', {
              participations: counted.reduce((sum, g) => sum + g.participations, 0),
              unbroken: record.notBrokenDown.participations,
              meetings: record.notBrokenDown.meetings,
            })}
            unit=""
            max={Math.max(1, ...record.byGroup.map((g) => g.participations), record.notBrokenDown.participations)}
            bars={[
              ...record.byGroup.map((g) => ({ key: g.code, label: groupLabel(g.code), value: g.participations, note: meetingsNote(g) })),
              ...(record.notBrokenDown.meetings > 0
                ? [
                    {
                      key: 'not-broken-down',
                      label: t(lang, 'cocreation.record.notBrokenDown'),
                      value: record.notBrokenDown.participations,
                      note: meetingsNote(record.notBrokenDown),
                    },
                  ]
                : []),
            ]}
            columns={{ label: t(lang, 'cocreation.record.group'), value: t(lang, 'cocreation.record.participations') }}
          />
          <PhaseMatrix
            lang={lang}
            caption={t(lang, 'cocreation.record.byGroup.matrix')}
            header={t(lang, 'cocreation.record.group')}
            phases={shownPhases.map((p) => ({ id: p.phaseId, label: phaseById.get(p.phaseId) }))}
            rows={[
              ...record.byGroup.map((g) => ({
                label: groupLabel(g.code),
                total: g,
                cells: shownPhases.map((p) => p.byGroup.find((x) => x.code === g.code) ?? { meetings: 0, participations: 0 }),
              })),
              {
                label: t(lang, 'cocreation.record.notBrokenDown'),
                total: record.notBrokenDown,
                cells: shownPhases.map((p) => p.notBrokenDown),
              },
            ]}
          />
          <h3>{t(lang, 'cocreation.record.byRegion')}</h3>
          <BarChart
            id="cocreation-regions"
            title={t(lang, 'cocreation.record.byRegion')}
            description={t(lang, 'cocreation.record.byRegion.description', {
              participations: record.total.participations,
              meetings: record.total.meetings,
            })}
            unit=""
            max={Math.max(1, ...record.byRegion.map((r) => r.participations))}
            bars={record.byRegion.map((r) => ({ key: r.region ?? 'unknown', label: regionLabel(r.region), value: r.participations, note: meetingsNote(r) }))}
            columns={{ label: t(lang, 'cocreation.record.region'), value: t(lang, 'cocreation.record.participations') }}
          />
          <PhaseMatrix
            lang={lang}
            caption={t(lang, 'cocreation.record.byRegion.matrix')}
            header={t(lang, 'cocreation.record.region')}
            phases={shownPhases.map((p) => ({ id: p.phaseId, label: phaseById.get(p.phaseId) }))}
            rows={record.byRegion.map((r) => ({
              label: regionLabel(r.region),
              total: r,
              cells: shownPhases.map((p) => p.byRegion.find((x) => x.region === r.region) ?? { meetings: 0, participations: 0 }),
            }))}
          />
        </>
      )}
    </section>
  );
}

/** A breakdown (rows) by phase (columns): participations with the meetings in brackets, the plan's total last. */
function PhaseMatrix(props: {
  lang: Lang;
  caption: string;
  header: string;
  phases: { id: number; label: Phase | undefined }[];
  rows: { label: string; total: Tally; cells: Tally[] }[];
}) {
  const { lang } = props;
  const cell = (tally: Tally) => t(lang, 'cocreation.record.cell', { participations: tally.participations, meetings: tally.meetings });
  return (
    <DataTable<(typeof props.rows)[number]>
      caption={props.caption}
      rows={props.rows.filter((r) => r.total.meetings > 0)}
      columns={[
        { header: props.header, rowHeader: true, cell: (r) => r.label },
        ...props.phases.map((p, i) => ({
          header: p.label ? phaseLabel(p.label.kind, lang) : String(p.id),
          numeric: true,
          cell: (r: (typeof props.rows)[number]) => cell(r.cells[i] ?? { meetings: 0, participations: 0 }),
        })),
        { header: t(lang, 'cocreation.record.total'), numeric: true, cell: (r) => cell(r.total) },
      ]}
    />
  );
}

// ---------------------------------------------------------------- working groups

function WorkingGroups(props: CoCreationPageProps) {
  const { overview, ctx, plan } = props;
  const { lang } = ctx;
  return (
    <section aria-labelledby="s-groups">
      <h2 id="s-groups">{t(lang, 'cocreation.groups')}</h2>
      <p class="help">{t(lang, 'cocreation.groups.help')}</p>
      <DataTable<WorkingGroupFigures>
        caption={t(lang, 'cocreation.groups.caption', { count: overview.workingGroups.length })}
        rows={overview.workingGroups}
        empty={t(lang, 'cocreation.groups.none')}
        columns={[
          {
            header: t(lang, 'cocreation.groups.name'),
            rowHeader: true,
            cell: (g) => (
              <a href={href(lang, workingGroupPath(plan, g))}>
                <Text value={g.name} lang={lang} />
              </a>
            ),
          },
          { header: t(lang, 'cocreation.groups.kind'), cell: (g) => t(lang, `cocreation.groups.kind.${g.kind}`) },
          {
            header: t(lang, 'cocreation.groups.commitments'),
            cell: (g) =>
              g.commitmentIds.flatMap((id, i) => {
                const number = props.commitmentNumbers.get(id);
                if (number === undefined) return [];
                return [i > 0 ? listSeparator(lang) : '', <a href={href(lang, commitmentPath(plan, { number }))}>{number}</a>];
              }),
          },
          { header: t(lang, 'cocreation.groups.members'), numeric: true, cell: (g) => g.memberCount },
          { header: t(lang, 'cocreation.groups.open'), cell: (g) => t(lang, g.open ? 'cocreation.groups.open.yes' : 'cocreation.groups.open.no') },
          { header: t(lang, 'cocreation.record.meetings'), numeric: true, cell: (g) => g.meetings },
          { header: t(lang, 'cocreation.record.participations'), numeric: true, cell: (g) => g.participations },
        ]}
      />
    </section>
  );
}

// ---------------------------------------------------------------- checklist

const STATUS_CLASS = { met: 'status-completed', 'not-met': 'status-withdrawn', 'not-yet': 'status-not-started' } as const;

function Checklist(props: CoCreationPageProps) {
  const { overview, ctx } = props;
  const { lang } = ctx;
  return (
    <section aria-labelledby="s-checklist">
      <h2 id="s-checklist">{t(lang, 'cocreation.checklist')}</h2>
      <p class="help">{t(lang, 'cocreation.checklist.help')}</p>
      <DataTable<Finding>
        caption={t(lang, 'cocreation.checklist.caption')}
        rows={overview.checklist}
        rowAttributes={(f) => ({ id: `requirement-${f.requirement}` })}
        columns={[
          { header: t(lang, 'cocreation.checklist.requirement'), rowHeader: true, cell: (f) => t(lang, `cocreation.requirement.${f.requirement}`) },
          {
            header: t(lang, 'cocreation.checklist.status'),
            cell: (f) => <span class={`status ${STATUS_CLASS[f.status]}`}>{t(lang, `cocreation.status.${f.status}`)}</span>,
          },
          { header: t(lang, 'cocreation.checklist.why'), cell: (f) => t(lang, `cocreation.reason.${f.reason}`, findingParams(f, lang)) },
          { header: t(lang, 'cocreation.checklist.evidence'), cell: (f) => <EvidenceLinks {...props} evidence={f.evidence} /> },
        ]}
      />
    </section>
  );
}

function EvidenceLinks(props: CoCreationPageProps & { evidence: Evidence[] }) {
  const { plan, overview, ctx } = props;
  const { lang } = ctx;
  const phases = new Map(overview.phases.map((p) => [p.id, p]));
  const shown = props.evidence.filter((e) => e.kind !== 'working-groups' || e.count > 0);
  if (shown.length === 0) return <>{t(lang, 'cocreation.checklist.noEvidence')}</>;
  const link = (e: Evidence) => {
    switch (e.kind) {
      case 'meeting': {
        const meeting = overview.meetings.get(e.id);
        return (
          <a href={href(lang, meetingPath(plan, e))} title={meeting ? pick(meeting.title, lang) : undefined}>
            {formatDate(e.date, lang)}
          </a>
        );
      }
      case 'phase': {
        const phase = phases.get(e.id);
        return <a href={href(lang, phasePath(plan, e))}>{`${phase ? phaseLabel(phase.kind, lang) : ''} ${formatDate(e.date, lang)}`.trim()}</a>;
      }
      case 'rules':
        return <a href={href(lang, forumRulesPath(plan))}>{t(lang, 'cocreation.evidence.rules', { version: e.version, date: formatDate(e.date, lang) })}</a>;
      case 'working-groups':
        return <a href={href(lang, workingGroupsPath(plan))}>{t(lang, 'cocreation.evidence.workingGroups', { count: e.count })}</a>;
    }
  };
  return (
    <ul>
      {shown.map((e) => (
        <li>{link(e)}</li>
      ))}
    </ul>
  );
}
