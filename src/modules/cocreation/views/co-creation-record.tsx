/** The co-creation page's record: meetings and participations by phase, stakeholder group and region, and the working groups. */
import { type Phase, type Tally } from '../../../domain/cocreation.js';
import { pick, type Lang } from '../../../domain/localized.js';
import type { Region } from '../../../domain/people.js';
import { BarChart } from '../../../web/charts.js';
import { href } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { commitmentPath, phasePath, workingGroupPath } from '../../../web/paths.js';
import { DataTable, Text, formatDate, listSeparator } from '../../../web/ui/index.js';
import { phaseLabel } from '../cocreation.format.js';
import type { WorkingGroupFigures } from '../cocreation.service.js';
import type { CoCreationPageProps } from './co-creation.js';

export function Record(props: CoCreationPageProps) {
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

export function WorkingGroups(props: CoCreationPageProps) {
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
