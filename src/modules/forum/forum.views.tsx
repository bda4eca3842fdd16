/** Pages of the forum: meetings, a meeting with its carried-over resolutions and reviewed reports, resolutions, forms. */
import type { Child } from 'hono/jsx';
import {
  attendanceTotal,
  civilSocietyShare,
  MEETING_KINDS,
  RESOLUTION_STATUSES,
  takesUpResolutions,
  type Attendance,
  type ForumMeeting,
  type Resolution,
  type ResolutionDecision,
  type ResolutionStatus,
} from '../../domain/forum.js';
import { pick, type Lang, type Localized } from '../../domain/localized.js';
import type { ActionPlan, Agency, Link } from '../../domain/plan.js';
import {
  CsrfField,
  ErrorSummary,
  FormActions,
  InputField,
  LocalizedField,
  Paragraphs,
  SelectField,
  Text,
  TextAreaField,
  TranslationBadge,
  formatDate,
  type FieldErrors,
} from '../../web/components.js';
import { href, type PageContext } from '../../web/context.js';
import { t } from '../../web/i18n.js';
import { Layout, type Crumb } from '../../web/layout.js';
import { agencyPath, commitmentPath, DeleteForm, planPath } from '../plans/plans.views.js';
import type { CycleRef, ReportRef, ReviewedReport } from './forum.queries.js';
import type { MeetingDetail } from './forum.service.js';

// ------------------------------------------------------------------ paths

export const meetingsPath = (plan: Pick<ActionPlan, 'slug'>) => `${planPath(plan)}/meetings`;
export const meetingPath = (plan: Pick<ActionPlan, 'slug'>, meeting: Pick<ForumMeeting, 'id'>) => `${meetingsPath(plan)}/${meeting.id}`;
export const resolutionsPath = (plan: Pick<ActionPlan, 'slug'>) => `${planPath(plan)}/resolutions`;
/** A resolution has no page of its own: it is a row of the plan's resolutions table. */
export const resolutionPath = (plan: Pick<ActionPlan, 'slug'>, r: Pick<Resolution, 'id'>) => `${resolutionsPath(plan)}#r${r.id}`;
export const resolutionEditPath = (plan: Pick<ActionPlan, 'slug'>, r: Pick<Resolution, 'id'>) => `${resolutionsPath(plan)}/${r.id}/edit`;
export const resolutionDecidePath = (plan: Pick<ActionPlan, 'slug'>, r: Pick<Resolution, 'id'>) => `${resolutionsPath(plan)}/${r.id}/decide`;

// ------------------------------------------------------------------ pieces

const planCrumbs = (lang: Lang, plan: ActionPlan): Crumb[] => [
  { label: t(lang, 'nav.home'), path: '/' },
  { label: pick(plan.title, lang), path: planPath(plan) },
];
const meetingsCrumbs = (lang: Lang, plan: ActionPlan): Crumb[] => [...planCrumbs(lang, plan), { label: t(lang, 'forum.meetings'), path: meetingsPath(plan) }];
const meetingCrumbs = (lang: Lang, plan: ActionPlan, meeting: ForumMeeting): Crumb[] => [
  ...meetingsCrumbs(lang, plan),
  { label: meetingLabel(meeting, lang), path: meetingPath(plan, meeting) },
];

export const meetingLabel = (m: Pick<ForumMeeting, 'heldOn' | 'title'>, lang: Lang) => `${formatDate(m.heldOn, lang)} ${pick(m.title, lang)}`;

export function formatShare(share: number | null, lang: Lang): string {
  return share === null ? t(lang, 'forum.none') : `${Math.round(share * 100)}%`;
}

function DemoNotice(props: { lang: Lang }) {
  return <p class="notice">{t(props.lang, 'forum.demoNotice')}</p>;
}

export function ResolutionStatusText(props: { status: ResolutionStatus; lang: Lang }) {
  return <span class={`status status-${props.status === 'closed' ? 'completed' : 'in-progress'}`}>{t(props.lang, `resolution.status.${props.status}`)}</span>;
}

function OverdueBadge(props: { lang: Lang }) {
  return <span class="badge badge-missing">{t(props.lang, 'resolution.overdue')}</span>;
}

function AgencyName(props: { agency: Agency | undefined; lang: Lang }) {
  if (!props.agency) return <>{t(props.lang, 'forum.none')}</>;
  return (
    <a href={href(props.lang, agencyPath(props.agency))}>
      <Text value={props.agency.name} lang={props.lang} />
    </a>
  );
}

function DueDate(props: { dueOn: string | null; overdue: boolean; lang: Lang }) {
  if (props.dueOn === null) return <>{t(props.lang, 'forum.none')}</>;
  return (
    <>
      <time datetime={props.dueOn}>{formatDate(props.dueOn, props.lang)}</time>
      {props.overdue ? <> <OverdueBadge lang={props.lang} /></> : null}
    </>
  );
}

function AttendanceList(props: { attendance: Attendance; lang: Lang }) {
  const { attendance: a, lang } = props;
  return (
    <dl class="meta">
      <dt>{t(lang, 'meeting.attendance.government')}</dt>
      <dd>{a.government}</dd>
      <dt>{t(lang, 'meeting.attendance.civilSociety')}</dt>
      <dd>{a.civilSociety}</dd>
      <dt>{t(lang, 'meeting.attendance.other')}</dt>
      <dd>{a.other}</dd>
      <dt>{t(lang, 'meeting.attendance.total')}</dt>
      <dd>{attendanceTotal(a)}</dd>
      <dt>{t(lang, 'meeting.civilSocietyShare')}</dt>
      <dd>{formatShare(civilSocietyShare(a), lang)}</dd>
    </dl>
  );
}

function Links(props: { links: Link[] }) {
  return (
    <ul>
      {props.links.map((l) => (
        <li>
          <a href={l.url} rel="noopener">
            {l.title || l.url}
          </a>
        </li>
      ))}
    </ul>
  );
}

function DecisionNote(props: { note: Localized; lang: Lang }) {
  return pick(props.note, props.lang) ? (
    <>
      {t(props.lang, 'forum.noteSeparator')}
      <Text value={props.note} lang={props.lang} />
    </>
  ) : null;
}

// ------------------------------------------------------------------ meetings list

export function MeetingsPage(props: { ctx: PageContext; plan: ActionPlan; meetings: ForumMeeting[]; resolutionCounts: Map<number, number>; canManage: boolean }) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  const title = t(lang, 'forum.meetings');
  return (
    <Layout ctx={ctx} title={`${title} · ${pick(plan.title, lang)}`} crumbs={[...planCrumbs(lang, plan), { label: title }]}>
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'forum.intro')}</p>
      <p class="actions">
        {props.canManage ? (
          <a class="button" href={href(lang, `${meetingsPath(plan)}/new`)}>
            {t(lang, 'meeting.new')}
          </a>
        ) : null}
        <a href={href(lang, resolutionsPath(plan))}>{t(lang, 'forum.resolutions')}</a>
      </p>
      {props.meetings.length === 0 ? (
        <p>{t(lang, 'forum.noMeetings')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t(lang, 'forum.meetings.caption', { count: props.meetings.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'meeting.heldOn')}</th>
                <th scope="col">{t(lang, 'meeting.kind')}</th>
                <th scope="col">{t(lang, 'meeting.title')}</th>
                <th scope="col">{t(lang, 'meeting.attendance.government')}</th>
                <th scope="col">{t(lang, 'meeting.attendance.civilSociety')}</th>
                <th scope="col">{t(lang, 'meeting.attendance.other')}</th>
                <th scope="col">{t(lang, 'meeting.civilSocietyShare')}</th>
                <th scope="col">{t(lang, 'meeting.resolutionCount')}</th>
              </tr>
            </thead>
            <tbody>
              {props.meetings.map((m) => (
                <tr>
                  <td class="num">
                    <time datetime={m.heldOn}>{formatDate(m.heldOn, lang)}</time>
                  </td>
                  <td>{t(lang, `meeting.kind.${m.kind}`)}</td>
                  <th scope="row">
                    <a href={href(lang, meetingPath(plan, m))}>
                      <Text value={m.title} lang={lang} />
                    </a>
                  </th>
                  <td class="num">{m.attendance.government}</td>
                  <td class="num">{m.attendance.civilSociety}</td>
                  <td class="num">{m.attendance.other}</td>
                  <td class="num">{formatShare(civilSocietyShare(m.attendance), lang)}</td>
                  <td class="num">{props.resolutionCounts.get(m.id) ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

// ------------------------------------------------------------------ one meeting

export interface MeetingPageProps {
  ctx: PageContext;
  plan: ActionPlan;
  detail: MeetingDetail;
  agencies: Map<number, Agency>;
  canManage: boolean;
}

export function MeetingPage(props: MeetingPageProps) {
  const { ctx, plan, detail, agencies } = props;
  const { meeting: m } = detail;
  const { lang } = ctx;
  const title = pick(m.title, lang);
  const showcased = detail.reports.filter((r) => r.showcased);
  const others = detail.reports.filter((r) => !r.showcased);
  return (
    <Layout ctx={ctx} title={title} crumbs={[...meetingsCrumbs(lang, plan), { label: meetingLabel(m, lang) }]} description={pick(m.agenda, lang).slice(0, 160)}>
      <h1>
        <Text value={m.title} lang={lang} />
        <TranslationBadge value={m.title} lang={lang} />
      </h1>
      {m.isDemo ? <DemoNotice lang={lang} /> : null}
      {props.canManage ? (
        <p class="actions">
          <a class="button" href={href(lang, `${meetingPath(plan, m)}/edit`)}>
            {t(lang, 'meeting.edit')}
          </a>
          <a href={href(lang, `${meetingPath(plan, m)}/reports`)}>{t(lang, 'meeting.reports.choose')}</a>
          <a href={href(lang, `${meetingPath(plan, m)}/resolutions/new`)}>{t(lang, 'resolution.new')}</a>
        </p>
      ) : null}
      <dl class="meta">
        <dt>{t(lang, 'meeting.heldOn')}</dt>
        <dd>
          <time datetime={m.heldOn}>{formatDate(m.heldOn, lang)}</time>
        </dd>
        <dt>{t(lang, 'meeting.kind')}</dt>
        <dd>{t(lang, `meeting.kind.${m.kind}`)}</dd>
        <dt>{t(lang, 'meeting.cycle')}</dt>
        <dd>{detail.cycle ? t(lang, 'meeting.cycle.label', { number: detail.cycle.number }) : t(lang, 'forum.none')}</dd>
      </dl>

      <section aria-labelledby="s-attendance">
        <h2 id="s-attendance">{t(lang, 'meeting.attendance')}</h2>
        <AttendanceList attendance={m.attendance} lang={lang} />
      </section>

      <section aria-labelledby="s-agenda">
        <h2 id="s-agenda">{t(lang, 'meeting.agenda')}</h2>
        {pick(m.agenda, lang) ? <Paragraphs value={m.agenda} lang={lang} /> : <p>{t(lang, 'forum.none')}</p>}
      </section>

      <section aria-labelledby="s-carried">
        <h2 id="s-carried">{t(lang, 'meeting.carriedOver')}</h2>
        <p class="help">{t(lang, takesUpResolutions(m) ? 'meeting.carriedOver.help' : 'meeting.carriedOver.notPlenary')}</p>
        {!takesUpResolutions(m) ? null : detail.carriedOver.length === 0 ? (
          <p>{t(lang, 'meeting.carriedOver.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption>{t(lang, 'meeting.carriedOver.caption', { count: detail.carriedOver.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'resolution.number')}</th>
                  <th scope="col">{t(lang, 'resolution.body')}</th>
                  <th scope="col">{t(lang, 'resolution.madeAt')}</th>
                  <th scope="col">{t(lang, 'resolution.owner')}</th>
                  <th scope="col">{t(lang, 'resolution.dueOn')}</th>
                  <th scope="col">{t(lang, 'resolution.decisionHere')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.carriedOver.map((c) => (
                  <tr id={`carried-${c.resolution.id}`}>
                    <th scope="row" class="num">
                      <a href={href(lang, resolutionPath(plan, c.resolution))}>{c.resolution.number}</a>
                    </th>
                    <td>
                      <Text value={c.resolution.body} lang={lang} />
                      {c.previousDecision ? (
                        <p class="help">
                          {t(lang, 'resolution.previousDecision', { date: formatDate(detail.meetings.find((x) => x.id === c.previousDecision?.meetingId)?.heldOn ?? '', lang) })}{' '}
                          <ResolutionStatusText status={c.previousDecision.status} lang={lang} />
                          <DecisionNote note={c.previousDecision.note} lang={lang} />
                        </p>
                      ) : null}
                    </td>
                    <td>
                      <a href={href(lang, meetingPath(plan, c.madeAt))}>{meetingLabel(c.madeAt, lang)}</a>
                    </td>
                    <td>
                      <AgencyName agency={c.resolution.ownerAgencyId === null ? undefined : agencies.get(c.resolution.ownerAgencyId)} lang={lang} />
                    </td>
                    <td>
                      <DueDate dueOn={c.resolution.dueOn} overdue={c.overdue} lang={lang} />
                    </td>
                    <td>
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
                          <a href={`${href(lang, resolutionDecidePath(plan, c.resolution))}?meeting=${m.id}`} aria-label={`${t(lang, 'resolution.decide')}: ${c.resolution.number}`}>
                            {t(lang, 'resolution.decide')}
                          </a>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="s-resolutions">
        <h2 id="s-resolutions">{t(lang, 'meeting.resolutions')}</h2>
        {detail.resolutions.length === 0 ? (
          <p>{t(lang, 'meeting.resolutions.none')}</p>
        ) : (
          <ResolutionsTable
            ctx={ctx}
            plan={plan}
            caption={t(lang, 'meeting.resolutions.caption', { count: detail.resolutions.length })}
            rows={detail.resolutions.map((r) => ({ resolution: r, overdue: false }))}
            agencies={agencies}
            canManage={props.canManage}
          />
        )}
      </section>

      <section aria-labelledby="s-decisions">
        <h2 id="s-decisions">{t(lang, 'meeting.decisions')}</h2>
        {detail.decisions.length === 0 ? (
          <p>{t(lang, 'meeting.decisions.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption>{t(lang, 'meeting.decisions.caption', { count: detail.decisions.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'resolution.number')}</th>
                  <th scope="col">{t(lang, 'resolution.body')}</th>
                  <th scope="col">{t(lang, 'decision.status')}</th>
                  <th scope="col">{t(lang, 'decision.note')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.decisions.map((d) => (
                  <tr>
                    <th scope="row" class="num">
                      <a href={href(lang, resolutionPath(plan, d.resolution))}>{d.resolution.number}</a>
                    </th>
                    <td>
                      <Text value={d.resolution.body} lang={lang} />
                    </td>
                    <td>
                      <ResolutionStatusText status={d.status} lang={lang} />
                    </td>
                    <td>{pick(d.note, lang) ? <Text value={d.note} lang={lang} /> : t(lang, 'forum.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="s-reports">
        <h2 id="s-reports">{t(lang, 'meeting.reports')}</h2>
        {detail.reports.length === 0 ? <p>{t(lang, 'meeting.reports.none')}</p> : null}
        {showcased.length > 0 ? (
          <>
            <h3>{t(lang, 'meeting.reports.showcased')}</h3>
            {showcased.map((r) => (
              <article class="card" aria-labelledby={`report-${r.reportId}`}>
                <h4 id={`report-${r.reportId}`}>
                  <a href={href(lang, commitmentPath(plan, { number: r.commitmentNumber }))}>
                    {r.commitmentNumber} <Text value={r.commitmentTitle} lang={lang} />
                  </a>
                </h4>
                <p class="help">
                  <Text value={r.agencyName} lang={lang} /> · {t(lang, 'meeting.cycle.label', { number: r.cycleNumber })}
                </p>
                <Paragraphs value={r.story} lang={lang} />
              </article>
            ))}
          </>
        ) : null}
        {others.length > 0 ? <ReportsTable ctx={ctx} plan={plan} reports={others} caption={t(lang, showcased.length > 0 ? 'meeting.reports.others' : 'meeting.reports.caption', { count: others.length })} /> : null}
      </section>

      <section aria-labelledby="s-minutes">
        <h2 id="s-minutes">{t(lang, 'meeting.minutes')}</h2>
        {pick(m.minutes, lang) ? <Paragraphs value={m.minutes} lang={lang} /> : <p>{t(lang, 'meeting.minutes.none')}</p>}
      </section>

      {m.links.length > 0 ? (
        <section aria-labelledby="s-links">
          <h2 id="s-links">{t(lang, 'meeting.links')}</h2>
          <Links links={m.links} />
        </section>
      ) : null}
    </Layout>
  );
}

function ReportsTable(props: { ctx: PageContext; plan: ActionPlan; reports: ReviewedReport[]; caption: string }) {
  const { lang } = props.ctx;
  return (
    <div class="table-scroll">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'meeting.report.commitment')}</th>
            <th scope="col">{t(lang, 'meeting.report.agency')}</th>
            <th scope="col">{t(lang, 'meeting.cycle')}</th>
          </tr>
        </thead>
        <tbody>
          {props.reports.map((r) => (
            <tr>
              <th scope="row">
                <a href={href(lang, commitmentPath(props.plan, { number: r.commitmentNumber }))}>
                  {r.commitmentNumber} <Text value={r.commitmentTitle} lang={lang} />
                </a>
              </th>
              <td>
                <Text value={r.agencyName} lang={lang} />
              </td>
              <td>
                {t(lang, 'meeting.cycle.label', { number: r.cycleNumber })}
                {r.state === 'superseded' ? <span class="badge">{t(lang, 'meeting.report.superseded')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ------------------------------------------------------------------ resolutions

interface ResolutionRow {
  resolution: Resolution;
  overdue: boolean;
  meeting?: ForumMeeting | undefined;
}

function ResolutionsTable(props: { ctx: PageContext; plan: ActionPlan; caption: string; rows: ResolutionRow[]; agencies: Map<number, Agency>; canManage: boolean; showMeeting?: boolean }) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  return (
    <div class="table-scroll">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'resolution.number')}</th>
            <th scope="col">{t(lang, 'resolution.body')}</th>
            {props.showMeeting ? <th scope="col">{t(lang, 'resolution.madeAt')}</th> : null}
            <th scope="col">{t(lang, 'resolution.owner')}</th>
            <th scope="col">{t(lang, 'resolution.dueOn')}</th>
            <th scope="col">{t(lang, 'resolution.status')}</th>
            {props.canManage ? (
              <th scope="col">
                <span class="visually-hidden">{t(lang, 'forum.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ resolution: r, overdue, meeting }) => (
            <tr id={`r${r.id}`}>
              <th scope="row" class="num">
                {r.number}
              </th>
              <td>
                <Text value={r.body} lang={lang} />
              </td>
              {props.showMeeting ? <td>{meeting ? <a href={href(lang, meetingPath(plan, meeting))}>{meetingLabel(meeting, lang)}</a> : null}</td> : null}
              <td>
                <AgencyName agency={r.ownerAgencyId === null ? undefined : props.agencies.get(r.ownerAgencyId)} lang={lang} />
              </td>
              <td>
                <DueDate dueOn={r.dueOn} overdue={overdue} lang={lang} />
              </td>
              <td>
                <ResolutionStatusText status={r.status} lang={lang} />
              </td>
              {props.canManage ? (
                <td>
                  <a href={href(lang, resolutionEditPath(plan, r))} aria-label={`${t(lang, 'resolution.edit')}: ${r.number}`}>
                    {t(lang, 'resolution.editShort')}
                  </a>{' '}
                  <a href={href(lang, resolutionDecidePath(plan, r))} aria-label={`${t(lang, 'resolution.decide')}: ${r.number}`}>
                    {t(lang, 'resolution.decide')}
                  </a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface ResolutionFilters {
  status?: ResolutionStatus | undefined;
  agency?: number | undefined;
}

export function ResolutionsPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  rows: ResolutionRow[];
  total: number;
  agencies: Map<number, Agency>;
  ownerAgencies: Agency[];
  filters: ResolutionFilters;
  canManage: boolean;
}) {
  const { ctx, plan, filters } = props;
  const { lang } = ctx;
  const title = t(lang, 'forum.resolutions');
  const filtered = filters.status !== undefined || filters.agency !== undefined;
  return (
    <Layout ctx={ctx} title={`${title} · ${pick(plan.title, lang)}`} crumbs={[...meetingsCrumbs(lang, plan), { label: title }]}>
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'forum.resolutions.intro')}</p>
      <form method="get" action={href(lang, resolutionsPath(plan))} class="filters" aria-label={t(lang, 'resolution.filter')}>
        <SelectField
          name="status"
          label={t(lang, 'resolution.status')}
          lang={lang}
          errors={{}}
          value={filters.status}
          includeEmpty
          options={RESOLUTION_STATUSES.map((s) => ({ value: s, label: t(lang, `resolution.status.${s}`) }))}
        />
        <SelectField
          name="agency"
          label={t(lang, 'resolution.owner')}
          lang={lang}
          errors={{}}
          value={filters.agency}
          includeEmpty
          options={props.ownerAgencies.map((a) => ({ value: String(a.id), label: pick(a.name, lang) }))}
        />
        <div class="form-actions">
          <button type="submit" class="button">
            {t(lang, 'plan.filter.apply')}
          </button>
          {filtered ? <a href={href(lang, resolutionsPath(plan))}>{t(lang, 'plan.filter.reset')}</a> : null}
        </div>
      </form>
      <p role="status">{t(lang, 'resolution.filter.count', { shown: props.rows.length, total: props.total })}</p>
      {props.rows.length === 0 ? (
        <p>{t(lang, 'resolution.filter.none')}</p>
      ) : (
        <ResolutionsTable
          ctx={ctx}
          plan={plan}
          caption={t(lang, 'forum.resolutions.caption')}
          rows={props.rows}
          agencies={props.agencies}
          canManage={props.canManage}
          showMeeting
        />
      )}
    </Layout>
  );
}

// ------------------------------------------------------------------ forms

function FormFrame(props: {
  ctx: PageContext;
  title: string;
  crumbs: Crumb[];
  action: string;
  errors: FieldErrors;
  conflict?: boolean | undefined;
  version?: number | undefined;
  submitLabel: string;
  cancel: string;
  intro?: Child;
  children?: Child;
  after?: Child;
}) {
  const { lang } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={props.title} crumbs={[...props.crumbs, { label: props.title }]}>
      <h1>{props.title}</h1>
      <ErrorSummary errors={props.errors} lang={lang} conflict={props.conflict} />
      {props.intro ?? null}
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        {props.version !== undefined ? <input type="hidden" name="version" value={String(props.version)} /> : null}
        {props.children}
        <FormActions lang={lang} submitLabel={props.submitLabel} cancelHref={props.cancel} />
      </form>
      {props.after ?? null}
    </Layout>
  );
}

export type MeetingFormValues = Pick<ForumMeeting, 'heldOn' | 'kind' | 'title' | 'cycleId' | 'attendance' | 'agenda' | 'minutes' | 'links'> & { version?: number };

export const linksText = (links: readonly Link[]) => links.map((l) => `${l.title} ${l.url}`.trim()).join('\n');

export function MeetingFormPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  meeting: ForumMeeting | null;
  cycles: CycleRef[];
  values: MeetingFormValues;
  errors: FieldErrors;
  conflict?: boolean;
}) {
  const { ctx, plan, meeting, values: v, errors } = props;
  const { lang } = ctx;
  const title = meeting ? `${t(lang, 'meeting.edit')}: ${meetingLabel(meeting, lang)}` : t(lang, 'meeting.new');
  const attendance = v.attendance as Partial<Record<keyof Attendance, number | string>>;
  return (
    <FormFrame
      ctx={ctx}
      title={title}
      crumbs={meeting ? meetingCrumbs(lang, plan, meeting) : meetingsCrumbs(lang, plan)}
      action={href(lang, meeting ? `${meetingPath(plan, meeting)}/edit` : `${meetingsPath(plan)}/new`)}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      submitLabel={t(lang, meeting ? 'form.save' : 'form.create')}
      cancel={href(lang, meeting ? meetingPath(plan, meeting) : meetingsPath(plan))}
      after={meeting ? <DeleteForm ctx={ctx} action={href(lang, `${meetingPath(plan, meeting)}/delete`)} version={meeting.version} label={t(lang, 'meeting.delete')} /> : null}
    >
      <LocalizedField name="title" label={t(lang, 'meeting.title')} value={v.title} errors={errors} lang={lang} required />
      <InputField name="heldOn" type="date" label={t(lang, 'meeting.heldOn')} value={v.heldOn} errors={errors} lang={lang} required />
      <SelectField
        name="kind"
        label={t(lang, 'meeting.kind')}
        value={v.kind}
        errors={errors}
        lang={lang}
        required
        options={MEETING_KINDS.map((k) => ({ value: k, label: t(lang, `meeting.kind.${k}`) }))}
      />
      <SelectField
        name="cycleId"
        label={t(lang, 'meeting.cycle')}
        value={v.cycleId}
        errors={errors}
        lang={lang}
        includeEmpty
        options={props.cycles.map((c) => ({ value: String(c.id), label: `${t(lang, 'meeting.cycle.label', { number: c.number })} (${formatDate(c.startsOn, lang)} – ${formatDate(c.endsOn, lang)})` }))}
      />
      <fieldset class="field">
        <legend>{t(lang, 'meeting.attendance')}</legend>
        <p class="help">{t(lang, 'meeting.attendance.help')}</p>
        {(['government', 'civilSociety', 'other'] as const).map((sector) => (
          <InputField
            name={`attendance.${sector}`}
            type="number"
            label={t(lang, `meeting.attendance.${sector}`)}
            value={attendance[sector] ?? 0}
            errors={errors}
            lang={lang}
          />
        ))}
      </fieldset>
      <LocalizedField name="agenda" label={t(lang, 'meeting.agenda')} help={t(lang, 'meeting.agenda.help')} value={v.agenda} errors={errors} lang={lang} multiline rows={6} />
      <LocalizedField name="minutes" label={t(lang, 'meeting.minutes')} value={v.minutes} errors={errors} lang={lang} multiline rows={10} />
      <TextAreaField name="links" label={t(lang, 'meeting.links')} help={t(lang, 'commitment.links.help')} value={typeof v.links === 'string' ? v.links : linksText(v.links)} errors={errors} lang={lang} />
    </FormFrame>
  );
}

export interface ReportChoice {
  reviewed: boolean;
  showcased: boolean;
  story: Localized;
}

export function MeetingReportsFormPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  meeting: ForumMeeting;
  cycle: CycleRef | undefined;
  allCycles: boolean;
  candidates: ReportRef[];
  choices: Map<number, ReportChoice>;
  version: number;
  errors: FieldErrors;
  conflict?: boolean;
}) {
  const { ctx, plan, meeting, errors } = props;
  const { lang } = ctx;
  const base = `${meetingPath(plan, meeting)}/reports`;
  const intro = (
    <>
      <p>{t(lang, 'meeting.reports.pickerHelp')}</p>
      {props.cycle ? (
        <p>
          {props.allCycles ? (
            <a href={href(lang, base)}>{t(lang, 'meeting.reports.onlyCycle', { number: props.cycle.number })}</a>
          ) : (
            <>
              {t(lang, 'meeting.reports.filteredToCycle', { number: props.cycle.number })} <a href={`${href(lang, base)}?all=1`}>{t(lang, 'meeting.reports.allCycles')}</a>
            </>
          )}
        </p>
      ) : null}
    </>
  );
  return (
    <FormFrame
      ctx={ctx}
      title={t(lang, 'meeting.reports.choose')}
      crumbs={meetingCrumbs(lang, plan, meeting)}
      action={`${href(lang, base)}${props.allCycles ? '?all=1' : ''}`}
      errors={errors}
      conflict={props.conflict}
      version={props.version}
      submitLabel={t(lang, 'form.save')}
      cancel={href(lang, meetingPath(plan, meeting))}
      intro={intro}
    >
      <div id="f-reports" tabindex={-1}>
        {errors.reports ? (
          <p class="field-error" role="alert">
            {errors.reports}
          </p>
        ) : null}
        <input type="hidden" name="reviewed" value="" />
        <input type="hidden" name="showcased" value="" />
        {props.candidates.length === 0 ? <p>{t(lang, 'meeting.reports.noneSubmitted')}</p> : null}
        {props.candidates.map((r) => {
          const choice = props.choices.get(r.reportId);
          return (
            <fieldset class="field report-choice">
              <legend>
                {r.commitmentNumber} <Text value={r.commitmentTitle} lang={lang} /> · <Text value={r.agencyName} lang={lang} /> ·{' '}
                {t(lang, 'meeting.cycle.label', { number: r.cycleNumber })}
                {r.state === 'superseded' ? <span class="badge">{t(lang, 'meeting.report.superseded')}</span> : null}
              </legend>
              <div class="checkbox">
                <input type="checkbox" id={`f-reviewed-${r.reportId}`} name="reviewed" value={String(r.reportId)} checked={choice?.reviewed ?? false} />
                <label for={`f-reviewed-${r.reportId}`}>{t(lang, 'meeting.reports.reviewed')}</label>
              </div>
              <div class="checkbox">
                <input type="checkbox" id={`f-showcased-${r.reportId}`} name="showcased" value={String(r.reportId)} checked={choice?.showcased ?? false} />
                <label for={`f-showcased-${r.reportId}`}>{t(lang, 'meeting.reports.showcase')}</label>
              </div>
              <LocalizedField
                name={`story.${r.reportId}`}
                label={t(lang, 'meeting.reports.story')}
                value={choice?.story ?? { zh: '', en: '', status: 'missing' }}
                errors={errors}
                lang={lang}
                multiline
                rows={3}
              />
            </fieldset>
          );
        })}
      </div>
    </FormFrame>
  );
}

export type ResolutionFormValues = { number: string; body: Localized; ownerAgencyId: number | string | null; dueOn: string | null; version?: number };

export function ResolutionFormPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  meeting: ForumMeeting;
  resolution: Resolution | null;
  agencies: Agency[];
  values: ResolutionFormValues;
  errors: FieldErrors;
  conflict?: boolean;
}) {
  const { ctx, plan, meeting, resolution, values: v, errors } = props;
  const { lang } = ctx;
  const title = resolution ? `${t(lang, 'resolution.edit')}: ${resolution.number}` : t(lang, 'resolution.new');
  return (
    <FormFrame
      ctx={ctx}
      title={title}
      crumbs={meetingCrumbs(lang, plan, meeting)}
      action={href(lang, resolution ? resolutionEditPath(plan, resolution) : `${meetingPath(plan, meeting)}/resolutions/new`)}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      submitLabel={t(lang, resolution ? 'form.save' : 'form.create')}
      cancel={href(lang, resolution ? resolutionPath(plan, resolution) : meetingPath(plan, meeting))}
      intro={<p>{t(lang, 'resolution.atMeeting', { meeting: meetingLabel(meeting, lang) })}</p>}
    >
      <InputField name="number" label={t(lang, 'resolution.number')} help={t(lang, 'resolution.number.help')} value={v.number} errors={errors} lang={lang} />
      <LocalizedField name="body" label={t(lang, 'resolution.body')} value={v.body} errors={errors} lang={lang} required multiline rows={4} />
      <SelectField
        name="ownerAgencyId"
        label={t(lang, 'resolution.owner')}
        value={v.ownerAgencyId}
        errors={errors}
        lang={lang}
        includeEmpty
        options={props.agencies.map((a) => ({ value: String(a.id), label: `${pick(a.name, lang)} (${a.code})` }))}
      />
      <InputField name="dueOn" type="date" label={t(lang, 'resolution.dueOn')} value={v.dueOn ?? ''} errors={errors} lang={lang} />
    </FormFrame>
  );
}

export type DecisionFormValues = { meetingId: number | string; status: string; note: Localized; version: number };

export function DecisionFormPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  resolution: Resolution;
  madeAt: ForumMeeting;
  /** Meetings that may decide: the one that made the resolution and later ones, newest first. */
  meetings: ForumMeeting[];
  history: ResolutionDecision[];
  allMeetings: Map<number, ForumMeeting>;
  values: DecisionFormValues;
  errors: FieldErrors;
  conflict?: boolean;
}) {
  const { ctx, plan, resolution: r, values: v, errors } = props;
  const { lang } = ctx;
  const title = `${t(lang, 'resolution.decide')}: ${r.number}`;
  const intro = (
    <>
      <dl class="meta">
        <dt>{t(lang, 'resolution.body')}</dt>
        <dd>
          <Text value={r.body} lang={lang} />
        </dd>
        <dt>{t(lang, 'resolution.madeAt')}</dt>
        <dd>
          <a href={href(lang, meetingPath(plan, props.madeAt))}>{meetingLabel(props.madeAt, lang)}</a>
        </dd>
        <dt>{t(lang, 'resolution.status')}</dt>
        <dd>
          <ResolutionStatusText status={r.status} lang={lang} />
        </dd>
      </dl>
      {props.history.length > 0 ? (
        <table>
          <caption>{t(lang, 'decision.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'decision.meeting')}</th>
              <th scope="col">{t(lang, 'decision.status')}</th>
              <th scope="col">{t(lang, 'decision.note')}</th>
            </tr>
          </thead>
          <tbody>
            {props.history.map((d) => {
              const meeting = props.allMeetings.get(d.meetingId);
              return (
                <tr>
                  <th scope="row">{meeting ? <a href={href(lang, meetingPath(plan, meeting))}>{meetingLabel(meeting, lang)}</a> : null}</th>
                  <td>
                    <ResolutionStatusText status={d.status} lang={lang} />
                  </td>
                  <td>{pick(d.note, lang) ? <Text value={d.note} lang={lang} /> : t(lang, 'forum.none')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </>
  );
  const statusInvalid = errors.status !== undefined;
  return (
    <FormFrame
      ctx={ctx}
      title={title}
      crumbs={[...meetingsCrumbs(lang, plan), { label: t(lang, 'forum.resolutions'), path: resolutionsPath(plan) }]}
      action={href(lang, resolutionDecidePath(plan, r))}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      submitLabel={t(lang, 'decision.submit')}
      cancel={href(lang, resolutionPath(plan, r))}
      intro={intro}
    >
      <SelectField
        name="meetingId"
        label={t(lang, 'decision.meeting')}
        value={v.meetingId}
        errors={errors}
        lang={lang}
        required
        includeEmpty
        options={props.meetings.map((m) => ({ value: String(m.id), label: meetingLabel(m, lang) }))}
      />
      <fieldset class={`field${statusInvalid ? ' field-invalid' : ''}`} aria-describedby={statusInvalid ? 'err-status' : undefined}>
        <legend>
          {t(lang, 'decision.status')}
          <span class="required"> ({t(lang, 'form.required')})</span>
        </legend>
        {statusInvalid ? (
          <p class="field-error" id="err-status">
            {errors.status}
          </p>
        ) : null}
        {RESOLUTION_STATUSES.map((s, i) => (
          <div class="checkbox">
            <input type="radio" id={i === 0 ? 'f-status' : `f-status-${i}`} name="status" value={s} checked={v.status === s} />
            <label for={i === 0 ? 'f-status' : `f-status-${i}`}>{t(lang, `decision.status.${s}`)}</label>
          </div>
        ))}
      </fieldset>
      <LocalizedField name="note" label={t(lang, 'decision.note')} value={v.note} errors={errors} lang={lang} multiline rows={3} />
    </FormFrame>
  );
}
