/**
 * One meeting: when, what kind, where and how, its working group and commitment, attendance (by sector and by
 * stakeholder group), agenda, the open resolutions it takes up again (plenaries), the resolutions it made, its
 * decisions, the progress reports it reviewed (collaboration stories first), minutes, documents, transcript, links.
 */
import { attendanceTotal, civilSocietyShare, groupAttendanceTotal, takesUpResolutions, type ForumMeeting } from '../../../domain/forum.js';
import { pick, type Lang, type Localized } from '../../../domain/localized.js';
import type { ActionPlan, Agency } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import {
  commitmentPath,
  meetingEditPath,
  meetingReportsPath,
  newResolutionPath,
  resolutionPath,
  transcriptPath,
  workingGroupPath,
} from '../../../web/paths.js';
import { DataTable, DefinitionList, DemoNotice, LinksSection, Paragraphs, Text, TranslationBadge, formatDate } from '../../../web/ui/index.js';
import type { ReviewedReport } from '../forum.queries.js';
import type { CarriedResolution, MeetingDetail } from '../forum.service.js';
import {
  DecideLink,
  DecisionNote,
  DueDate,
  MeetingLink,
  OptionalText,
  OwnerAgency,
  ResolutionStatusText,
  ResolutionsTable,
  formatShare,
  meetingLabel,
  meetingsCrumbs,
} from './parts.js';

/** What the page names besides the meeting: read by the route only when the meeting has one. */
export interface MeetingRelations {
  workingGroup: { slug: string; name: Localized } | undefined;
  commitment: { number: string; title: Localized } | undefined;
  /** The stakeholder groups' names, in their order. */
  stakeholderGroups: { code: string; name: Localized }[];
}

export interface MeetingPageProps {
  ctx: PageContext;
  plan: ActionPlan;
  detail: MeetingDetail;
  related: MeetingRelations;
  agencies: Map<number, Agency>;
  canManage: boolean;
}

export function MeetingPage(props: MeetingPageProps) {
  const { ctx, plan, detail } = props;
  const { meeting: m } = detail;
  const { lang } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={pick(m.title, lang)}
      crumbs={[...meetingsCrumbs(lang, plan), { label: meetingLabel(m, lang) }]}
      description={pick(m.agenda, lang).slice(0, 160)}
    >
      <h1>
        <Text value={m.title} lang={lang} />
        <TranslationBadge value={m.title} lang={lang} />
      </h1>
      {m.isDemo ? <DemoNotice lang={lang} message={t(lang, 'forum.demoNotice')} /> : null}
      {props.canManage ? (
        <p class="actions">
          <a class="button" href={href(lang, meetingEditPath(plan, m))}>
            {t(lang, 'meeting.edit')}
          </a>
          <a href={href(lang, meetingReportsPath(plan, m))}>{t(lang, 'meeting.reports.choose')}</a>
          <a href={href(lang, newResolutionPath(plan, m))}>{t(lang, 'resolution.new')}</a>
        </p>
      ) : null}
      <DefinitionList
        items={[
          { label: t(lang, 'meeting.heldOn'), value: <time datetime={m.heldOn}>{formatDate(m.heldOn, lang)}</time> },
          { label: t(lang, 'meeting.kind'), value: t(lang, `meeting.kind.${m.kind}`) },
          { label: t(lang, 'meeting.mode'), value: t(lang, `meeting.mode.${m.mode}`) },
          { label: t(lang, 'meeting.place'), value: <OptionalText value={m.place} lang={lang} /> },
          { label: t(lang, 'meeting.region'), value: m.region ? t(lang, `meeting.region.${m.region}`) : t(lang, 'forum.none') },
          { label: t(lang, 'meeting.openness'), value: t(lang, m.openToPublic ? 'meeting.openToPublic.yes' : 'meeting.openToPublic.no') },
          { label: t(lang, 'meeting.cycle'), value: detail.cycle ? t(lang, 'meeting.cycle.label', { number: detail.cycle.number }) : t(lang, 'forum.none') },
          { label: t(lang, 'meeting.workingGroup'), value: <WorkingGroupLink plan={plan} group={props.related.workingGroup} lang={lang} /> },
          { label: t(lang, 'meeting.commitment'), value: <CommitmentLink plan={plan} commitment={props.related.commitment} lang={lang} /> },
        ]}
      />

      <section aria-labelledby="s-attendance">
        <h2 id="s-attendance">{t(lang, 'meeting.attendance')}</h2>
        <DefinitionList
          items={[
            { label: t(lang, 'meeting.attendance.government'), value: m.attendance.government },
            { label: t(lang, 'meeting.attendance.civilSociety'), value: m.attendance.civilSociety },
            { label: t(lang, 'meeting.attendance.other'), value: m.attendance.other },
            { label: t(lang, 'meeting.attendance.total'), value: attendanceTotal(m.attendance) },
            { label: t(lang, 'meeting.civilSocietyShare'), value: formatShare(civilSocietyShare(m.attendance), lang) },
          ]}
        />
        <GroupAttendanceTable meeting={m} groups={props.related.stakeholderGroups} lang={lang} />
      </section>

      <section aria-labelledby="s-agenda">
        <h2 id="s-agenda">{t(lang, 'meeting.agenda')}</h2>
        {pick(m.agenda, lang) ? <Paragraphs value={m.agenda} lang={lang} /> : <p>{t(lang, 'forum.none')}</p>}
      </section>

      <section aria-labelledby="s-carried">
        <h2 id="s-carried">{t(lang, 'meeting.carriedOver')}</h2>
        <p class="help">{t(lang, takesUpResolutions(m) ? 'meeting.carriedOver.help' : 'meeting.carriedOver.notPlenary')}</p>
        {takesUpResolutions(m) ? <CarriedOverTable {...props} /> : null}
      </section>

      <section aria-labelledby="s-resolutions">
        <h2 id="s-resolutions">{t(lang, 'meeting.resolutions')}</h2>
        <ResolutionsTable
          ctx={ctx}
          plan={plan}
          caption={t(lang, 'meeting.resolutions.caption', { count: detail.resolutions.length })}
          rows={detail.resolutions.map((r) => ({ resolution: r, overdue: false }))}
          empty={t(lang, 'meeting.resolutions.none')}
          agencies={props.agencies}
          canManage={props.canManage}
        />
      </section>

      <section aria-labelledby="s-decisions">
        <h2 id="s-decisions">{t(lang, 'meeting.decisions')}</h2>
        <DataTable<MeetingDetail['decisions'][number]>
          caption={t(lang, 'meeting.decisions.caption', { count: detail.decisions.length })}
          rows={detail.decisions}
          empty={t(lang, 'meeting.decisions.none')}
          columns={[
            {
              header: t(lang, 'resolution.number'),
              rowHeader: true,
              numeric: true,
              cell: (d) => <a href={href(lang, resolutionPath(plan, d.resolution))}>{d.resolution.number}</a>,
            },
            { header: t(lang, 'resolution.body'), cell: (d) => <Text value={d.resolution.body} lang={lang} /> },
            { header: t(lang, 'decision.status'), cell: (d) => <ResolutionStatusText status={d.status} lang={lang} /> },
            { header: t(lang, 'decision.note'), cell: (d) => <OptionalText value={d.note} lang={lang} /> },
          ]}
        />
      </section>

      <ReportsSection plan={plan} reports={detail.reports} lang={lang} />

      <section aria-labelledby="s-minutes">
        <h2 id="s-minutes">{t(lang, 'meeting.minutes')}</h2>
        {pick(m.minutes, lang) ? <Paragraphs value={m.minutes} lang={lang} /> : <p>{t(lang, 'meeting.minutes.none')}</p>}
      </section>

      <DocumentsSection meeting={m} lang={lang} />

      <section aria-labelledby="s-transcript">
        <h2 id="s-transcript">{t(lang, 'meeting.transcript')}</h2>
        {detail.transcripts.length === 0 ? (
          <p>{t(lang, 'meeting.transcript.none')}</p>
        ) : (
          <ul>
            {detail.transcripts.map((tr) => (
              <li>
                <a href={href(lang, transcriptPath(tr))} hreflang={tr.language} lang={tr.language}>
                  {tr.title}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <LinksSection title={t(lang, 'meeting.links')} links={m.links} />
    </Layout>
  );
}

function WorkingGroupLink(props: { plan: ActionPlan; group: MeetingRelations['workingGroup']; lang: Lang }) {
  if (!props.group) return <>{t(props.lang, 'forum.none')}</>;
  return (
    <a href={href(props.lang, workingGroupPath(props.plan, props.group))}>
      <Text value={props.group.name} lang={props.lang} />
    </a>
  );
}

function CommitmentLink(props: { plan: ActionPlan; commitment: MeetingRelations['commitment']; lang: Lang }) {
  if (!props.commitment) return <>{t(props.lang, 'forum.none')}</>;
  return (
    <a href={href(props.lang, commitmentPath(props.plan, props.commitment))}>
      {props.commitment.number} <Text value={props.commitment.title} lang={props.lang} />
    </a>
  );
}

/** The head count by stakeholder group, in the configured order, when attendance was broken down by group. */
function GroupAttendanceTable(props: { meeting: ForumMeeting; groups: MeetingRelations['stakeholderGroups']; lang: Lang }) {
  const { meeting: m, lang } = props;
  const counted = Object.entries(m.attendanceByGroup);
  if (counted.length === 0) return <p class="help">{t(lang, 'meeting.attendanceByGroup.none')}</p>;
  const order = new Map(props.groups.map((g, i) => [g.code, i]));
  const names = new Map(props.groups.map((g) => [g.code, g.name]));
  const rows = counted.sort(([a], [b]) => (order.get(a) ?? order.size) - (order.get(b) ?? order.size));
  return (
    <DataTable<[string, number]>
      caption={t(lang, 'meeting.attendanceByGroup.caption', { total: groupAttendanceTotal(m.attendanceByGroup) })}
      rows={rows}
      columns={[
        {
          header: t(lang, 'meeting.attendanceByGroup.group'),
          rowHeader: true,
          cell: ([code]) => {
            const name = names.get(code);
            return name ? <Text value={name} lang={lang} /> : code;
          },
        },
        { header: t(lang, 'meeting.attendanceByGroup.count'), numeric: true, cell: ([, n]) => n },
      ]}
    />
  );
}

/** Agenda, slides, minutes and other documents, each a link to where it is published, named by its title or its kind. */
function DocumentsSection(props: { meeting: ForumMeeting; lang: Lang }) {
  const { lang } = props;
  return (
    <section aria-labelledby="s-documents">
      <h2 id="s-documents">{t(lang, 'meeting.documents')}</h2>
      {props.meeting.documents.length === 0 ? (
        <p>{t(lang, 'meeting.documents.none')}</p>
      ) : (
        <ul>
          {props.meeting.documents.map((d) => (
            <li>
              {t(lang, `meeting.document.kind.${d.kind}`)}
              {t(lang, 'forum.noteSeparator')}
              <a href={d.url} rel="noopener">
                {pick(d.title, lang) || d.url}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The open resolutions of earlier meetings this plenary takes up: the decision before, and the one taken here. */
function CarriedOverTable(props: MeetingPageProps) {
  const { plan, detail } = props;
  const { lang } = props.ctx;
  const here = detail.meeting;
  const heldOn = (id: number | undefined) => detail.meetings.find((x) => x.id === id)?.heldOn ?? '';
  return (
    <DataTable<CarriedResolution>
      caption={t(lang, 'meeting.carriedOver.caption', { count: detail.carriedOver.length })}
      rows={detail.carriedOver}
      empty={t(lang, 'meeting.carriedOver.none')}
      rowAttributes={(c) => ({ id: `carried-${c.resolution.id}` })}
      columns={[
        {
          header: t(lang, 'resolution.number'),
          rowHeader: true,
          numeric: true,
          cell: (c) => <a href={href(lang, resolutionPath(plan, c.resolution))}>{c.resolution.number}</a>,
        },
        {
          header: t(lang, 'resolution.body'),
          cell: (c) => (
            <>
              <Text value={c.resolution.body} lang={lang} />
              {c.previousDecision ? (
                <p class="help">
                  {t(lang, 'resolution.previousDecision', { date: formatDate(heldOn(c.previousDecision.meetingId), lang) })}{' '}
                  <ResolutionStatusText status={c.previousDecision.status} lang={lang} />
                  <DecisionNote note={c.previousDecision.note} lang={lang} />
                </p>
              ) : null}
            </>
          ),
        },
        { header: t(lang, 'resolution.madeAt'), cell: (c) => <MeetingLink plan={plan} meeting={c.madeAt} lang={lang} /> },
        { header: t(lang, 'resolution.owner'), cell: (c) => <OwnerAgency id={c.resolution.ownerAgencyId} agencies={props.agencies} lang={lang} /> },
        { header: t(lang, 'resolution.dueOn'), cell: (c) => <DueDate dueOn={c.resolution.dueOn} overdue={c.overdue} lang={lang} /> },
        {
          header: t(lang, 'resolution.decisionHere'),
          cell: (c) => (
            <>
              {c.decisionHere ? (
                <>
                  <ResolutionStatusText status={c.decisionHere.status} lang={lang} />
                  <DecisionNote note={c.decisionHere.note} lang={lang} />
                </>
              ) : (
                t(lang, 'resolution.notDecided')
              )}
              {props.canManage ? (
                <>
                  {' '}
                  <DecideLink plan={plan} resolution={c.resolution} at={here} lang={lang} />
                </>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}

/** The progress reports the meeting reviewed: the showcased ones as cards with their story, the others in a table. */
function ReportsSection(props: { plan: ActionPlan; reports: ReviewedReport[]; lang: Lang }) {
  const { plan, lang } = props;
  const showcased = props.reports.filter((r) => r.showcased);
  const others = props.reports.filter((r) => !r.showcased);
  const commitmentLink = (r: ReviewedReport) => (
    <a href={href(lang, commitmentPath(plan, { number: r.commitmentNumber }))}>
      {r.commitmentNumber} <Text value={r.commitmentTitle} lang={lang} />
    </a>
  );
  return (
    <section aria-labelledby="s-reports">
      <h2 id="s-reports">{t(lang, 'meeting.reports')}</h2>
      {props.reports.length === 0 ? <p>{t(lang, 'meeting.reports.none')}</p> : null}
      {showcased.length > 0 ? (
        <>
          <h3>{t(lang, 'meeting.reports.showcased')}</h3>
          {showcased.map((r) => (
            <article class="card" aria-labelledby={`report-${r.reportId}`}>
              <h4 id={`report-${r.reportId}`}>{commitmentLink(r)}</h4>
              <p class="help">
                <Text value={r.agencyName} lang={lang} /> · {t(lang, 'meeting.cycle.label', { number: r.cycleNumber })}
              </p>
              <Paragraphs value={r.story} lang={lang} />
            </article>
          ))}
        </>
      ) : null}
      {others.length > 0 ? (
        <DataTable<ReviewedReport>
          caption={t(lang, showcased.length > 0 ? 'meeting.reports.others' : 'meeting.reports.caption', { count: others.length })}
          rows={others}
          columns={[
            { header: t(lang, 'meeting.report.commitment'), rowHeader: true, cell: commitmentLink },
            { header: t(lang, 'meeting.report.agency'), cell: (r) => <Text value={r.agencyName} lang={lang} /> },
            {
              header: t(lang, 'meeting.cycle'),
              cell: (r) => (
                <>
                  {t(lang, 'meeting.cycle.label', { number: r.cycleNumber })}
                  {r.state === 'superseded' ? <span class="badge">{t(lang, 'meeting.report.superseded')}</span> : null}
                </>
              ),
            },
          ]}
        />
      ) : null}
    </section>
  );
}
