/** The co-creation page's minimum-requirements checklist, each finding with the records it rests on. */
import { type Evidence, type Finding } from '../../../domain/cocreation.js';
import { pick } from '../../../domain/localized.js';
import { href } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { forumRulesPath, meetingPath, phasePath, workingGroupsPath } from '../../../web/paths.js';
import { DataTable, formatDate } from '../../../web/ui/index.js';
import { findingParams, phaseLabel } from '../cocreation.format.js';
import type { CoCreationPageProps } from './co-creation.js';

const STATUS_CLASS = { met: 'status-completed', 'not-met': 'status-withdrawn', 'not-yet': 'status-not-started' } as const;

export function Checklist(props: CoCreationPageProps) {
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
