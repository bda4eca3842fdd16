/** Monitoring pages: a commitment's reports and progress, report forms, the plan's progress, cycles and the board. */
import type { Child } from 'hono/jsx';
import { pick, type Lang, type Localized } from '../../domain/localized.js';
import {
  EVIDENCE_MAX_BYTES,
  EVIDENCE_TYPES,
  HEALTH,
  MILESTONE_PROGRESS_STATUSES,
  REPORT_TIMINGS,
  commitmentPercent,
  type Health,
  type MilestoneProgress,
  type ProgressReport,
  type ReportTiming,
  type ReviewCycle,
} from '../../domain/monitoring.js';
import type { ActionPlan, Agency, Commitment, Milestone } from '../../domain/plan.js';
import { BarChart, GanttChart, LineChart, StackedBar, type GanttRow } from '../../web/charts.js';
import {
  CsrfField,
  ErrorSummary,
  FormActions,
  InputField,
  LocalizedField,
  Paragraphs,
  SelectField,
  Text,
  TranslationBadge,
  formatDate,
  formatDateTime,
  formatPeriod,
  type FieldErrors,
} from '../../web/components.js';
import { href, type PageContext } from '../../web/context.js';
import { t } from '../../web/i18n.js';
import { Layout, type Crumb } from '../../web/layout.js';
import type { ForumMeeting } from '../../domain/forum.js';
import { meetingPath } from '../forum/forum.views.js';
import { AgencyLink, DemoNotice, agencyPath, commitmentPath, planPath } from '../plans/plans.views.js';
import type { Contribution, Evidence } from './monitoring.queries.js';
import type { Board, CommitmentProgress, PlanProgress } from './monitoring.service.js';

// ------------------------------------------------------------------ paths

export const progressPath = (plan: Pick<ActionPlan, 'slug'>) => `${planPath(plan)}/progress`;
export const cyclesPath = (plan: Pick<ActionPlan, 'slug'>) => `${planPath(plan)}/cycles`;
export const boardPath = (plan: Pick<ActionPlan, 'slug'>, cycle?: Pick<ReviewCycle, 'number'>) => `${planPath(plan)}/board${cycle ? `?cycle=${cycle.number}` : ''}`;
export const reportsPath = (plan: Pick<ActionPlan, 'slug'>, c: Pick<Commitment, 'number'>) => `${commitmentPath(plan, c)}/reports`;
export const reportPath = (plan: Pick<ActionPlan, 'slug'>, c: Pick<Commitment, 'number'>, r: Pick<ProgressReport, 'id'>) => `${reportsPath(plan, c)}/${r.id}`;
export const evidencePath = (e: Pick<Evidence, 'id'>) => `/evidence/${e.id}`;

const percentText = (p: number | null, lang: Lang) => (p === null ? t(lang, 'progress.noData') : `${Math.round(p)}%`);

export const cycleLabel = (cycle: Pick<ReviewCycle, 'number'>, lang: Lang) => t(lang, 'cycle.label', { number: cycle.number });

function cycleName(cycle: ReviewCycle, lang: Lang) {
  return `${cycleLabel(cycle, lang)} (${formatPeriod(cycle.startsOn, cycle.endsOn, lang)})`;
}

export function HealthBadge(props: { health: Health; lang: Lang }) {
  return <span class={`badge health-${props.health}`}>{t(props.lang, `health.${props.health}`)}</span>;
}

export function TimingBadge(props: { timing: ReportTiming; lang: Lang }) {
  return <span class={`badge timing-${props.timing}`}>{t(props.lang, `timing.${props.timing}`)}</span>;
}

const crumbsFor = (lang: Lang, plan: ActionPlan, commitment?: Commitment): Crumb[] => [
  { label: t(lang, 'nav.home'), path: '/' },
  { label: pick(plan.title, lang), path: planPath(plan) },
  ...(commitment ? [{ label: `${commitment.number} ${pick(commitment.title, lang)}`, path: commitmentPath(plan, commitment) }] : []),
];

// ------------------------------------------------------------------ a report, read

export interface ReportView {
  report: ProgressReport;
  cycle: ReviewCycle;
  evidence: Evidence[];
  contributions: Contribution[];
  timing: ReportTiming;
}

function MilestoneProgressTable(props: { id: string; entries: MilestoneProgress[]; milestones: Milestone[]; lang: Lang }) {
  const { lang } = props;
  const byId = new Map(props.milestones.map((m) => [m.id, m]));
  return (
    <div class="table-scroll">
      <table id={props.id}>
        <caption>{t(lang, 'report.milestones')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'milestone.deliverable')}</th>
            <th scope="col">{t(lang, 'report.status')}</th>
            <th scope="col" class="num">{t(lang, 'report.percent')}</th>
            <th scope="col">{t(lang, 'report.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => {
            const m = byId.get(e.milestoneId);
            return (
              <tr>
                <th scope="row">{m ? <Text value={m.deliverable} lang={lang} /> : `#${e.milestoneId}`}</th>
                <td>
                  <span class={`badge mstatus-${e.status}`}>{t(lang, `mstatus.${e.status}`)}</span>
                </td>
                <td class="num">{e.percent}%</td>
                <td>
                  <Text value={e.reason} lang={lang} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function TextSection(props: { label: string; value: Localized; lang: Lang; level?: 3 | 4 }) {
  if (!pick(props.value, props.lang)) return null;
  const Heading = props.level === 4 ? 'h4' : 'h3';
  return (
    <>
      <Heading>
        {props.label}
        <TranslationBadge value={props.value} lang={props.lang} />
      </Heading>
      <Paragraphs value={props.value} lang={props.lang} />
    </>
  );
}

function formatBytes(bytes: number | null, lang: Lang): string {
  if (bytes === null) return '';
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toLocaleString(lang, { maximumFractionDigits: 1 })} MB`;
}

export function EvidenceList(props: { evidence: Evidence[]; lang: Lang; removeAction?: (e: Evidence) => string; csrfToken?: string }) {
  const { lang } = props;
  if (props.evidence.length === 0) return <p>{t(lang, 'report.noEvidence')}</p>;
  return (
    <ul class="evidence">
      {props.evidence.map((e) => (
        <li>
          {e.url ? (
            <a href={e.url} rel="noopener nofollow">
              {e.title}
            </a>
          ) : (
            <a href={evidencePath(e)} download={e.fileName ?? undefined}>
              {e.title}
            </a>
          )}
          {e.fileName ? <span class="meta-inline"> ({[e.fileName, formatBytes(e.byteSize, lang)].join(', ')})</span> : null}
          {props.removeAction && props.csrfToken ? (
            <form method="post" action={props.removeAction(e)} class="inline-form">
              <CsrfField token={props.csrfToken} />
              <button type="submit" class="link-button" aria-label={`${t(lang, 'evidence.remove')}: ${e.title}`}>
                {t(lang, 'evidence.remove')}
              </button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function ReportBody(props: { view: ReportView; milestones: Milestone[]; agencies: Map<number, Agency>; lang: Lang; headingLevel: 3 | 4 }) {
  const { view, lang } = props;
  const r = view.report;
  const cs = r.civilSocietyParticipants;
  const gov = r.governmentParticipants;
  const share = cs !== null && gov !== null && cs + gov > 0 ? Math.round((cs / (cs + gov)) * 100) : null;
  return (
    <>
      <MilestoneProgressTable id={`report-${r.id}-milestones`} entries={r.milestones} milestones={props.milestones} lang={lang} />
      <TextSection label={t(lang, 'report.achievements')} value={r.achievements} lang={lang} level={props.headingLevel} />
      <TextSection label={t(lang, 'report.participation')} value={r.participation} lang={lang} level={props.headingLevel} />
      {cs !== null || gov !== null ? (
        <p>
          {t(lang, 'report.participants', { cs: cs ?? '—', gov: gov ?? '—' })}
          {share !== null ? ` ${t(lang, 'report.share', { share })}` : ''}
        </p>
      ) : null}
      <TextSection label={t(lang, 'report.problems')} value={r.problems} lang={lang} level={props.headingLevel} />
      <TextSection label={t(lang, 'report.nextSteps')} value={r.nextSteps} lang={lang} level={props.headingLevel} />
      {r.budgetSpent !== null || pick(r.budgetNote, lang) ? (
        <p>
          <strong>{t(lang, 'report.budgetSpent')}</strong>: {r.budgetSpent !== null ? `${r.budgetCurrency ?? ''} ${Number(r.budgetSpent).toLocaleString(lang)}`.trim() : ''}{' '}
          <Text value={r.budgetNote} lang={lang} />
        </p>
      ) : null}
      {view.contributions.length > 0 ? (
        <>
          {props.headingLevel === 3 ? <h3>{t(lang, 'report.contributions')}</h3> : <h4>{t(lang, 'report.contributions')}</h4>}
          {view.contributions.map((c) => (
            <blockquote class="contribution">
              <Paragraphs value={c.body} lang={lang} />
              <p class="meta-inline">
                — <AgencyLink agency={props.agencies.get(c.agencyId)} lang={lang} />
              </p>
            </blockquote>
          ))}
        </>
      ) : null}
      {props.headingLevel === 3 ? <h3>{t(lang, 'report.evidence')}</h3> : <h4>{t(lang, 'report.evidence')}</h4>}
      <EvidenceList evidence={view.evidence} lang={lang} />
    </>
  );
}

function ReportByline(props: { view: ReportView; agencies: Map<number, Agency>; lang: Lang }) {
  const { view, lang } = props;
  const r = view.report;
  return (
    <p class="byline">
      <AgencyLink agency={props.agencies.get(r.agencyId)} lang={lang} />
      {' · '}
      {t(lang, 'report.revisionN', { revision: r.revision })}
      {' · '}
      {r.submittedAt ? t(lang, 'report.submittedOn', { date: formatDateTime(r.submittedAt, lang) }) : t(lang, 'report.draftNotice')}{' '}
      <TimingBadge timing={view.timing} lang={lang} />
      {r.state === 'superseded' ? (
        <>
          {' '}
          <span class="badge state-superseded">{t(lang, 'report.superseded')}</span>
        </>
      ) : null}
    </p>
  );
}

// ------------------------------------------------------------------ commitment page section

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
      <dl class="meta">
        <dt>{t(lang, 'progress.latestStatus')}</dt>
        <dd>
          <HealthBadge health={props.latest.health} lang={lang} />
          {props.latest.cycle ? ` ${t(lang, 'progress.asOf', { cycle: cycleName(props.latest.cycle, lang) })}` : ''}
        </dd>
        <dt>{t(lang, 'progress.percent')}</dt>
        <dd>{percentText(props.latest.percent, lang)}</dd>
      </dl>
      <p class="actions">
        {props.canWrite ? (
          <a class="button" href={href(lang, `${reportsPath(plan, commitment)}/new${props.openCycle ? `?cycle=${props.openCycle.number}` : ''}`)}>
            {t(lang, 'report.new')}
          </a>
        ) : null}
        <a href={href(lang, `${reportsPath(plan, commitment)}.atom`)}>{t(lang, 'feed.commitment')}</a>
      </p>
      {props.progress.length > 0 ? (
        <LineChart
          id="commitment-progress"
          title={t(lang, 'progress.overCycles')}
          description={t(lang, 'progress.overCyclesDesc', {
            points: props.progress.map((p) => `${cycleLabel(p.cycle, lang)} ${percentText(p.percent, lang)}`).join(lang === 'en' ? ', ' : '、'),
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

// ------------------------------------------------------------------ one report

/** A one-button form that acts on the version the page showed (a stale one gets 409). */
function VersionedAction(props: { ctx: PageContext; action: string; version: number; label: string; danger?: boolean }) {
  return (
    <form method="post" action={href(props.ctx.lang, props.action)} class="inline-form">
      <CsrfField token={props.ctx.csrfToken} />
      <input type="hidden" name="version" value={String(props.version)} />
      <button type="submit" class={props.danger ? 'button button-danger' : 'button'}>
        {props.label}
      </button>
    </form>
  );
}

export function ReportPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  commitment: Commitment;
  milestones: Milestone[];
  agencies: Map<number, Agency>;
  view: ReportView;
  revisions: ReportView[];
  canWrite: boolean;
  canContribute: boolean;
  errors?: FieldErrors;
  status?: string;
}) {
  const { ctx, plan, commitment, view } = props;
  const { lang } = ctx;
  const r = view.report;
  const base = reportPath(plan, commitment, r);
  const title = `${commitment.number} · ${cycleName(view.cycle, lang)}`;
  const isDraft = r.state === 'draft';
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={`${t(lang, 'report.title')} · ${title}`} crumbs={[...crumbsFor(lang, plan, commitment), { label: cycleLabel(view.cycle, lang) }]}>
      <h1>
        {t(lang, 'report.title')} · {title}
      </h1>
      {r.isDemo ? <DemoNotice lang={lang} /> : null}
      <ErrorSummary errors={errors} lang={lang} />
      {isDraft ? <p class="notice">{t(lang, 'report.draftNotice')}</p> : null}
      {r.state === 'superseded' ? <p class="notice">{t(lang, 'report.supersededNotice')}</p> : null}
      <ReportByline view={view} agencies={props.agencies} lang={lang} />
      {isDraft && props.canWrite ? (
        <div class="actions">
          <a class="button" href={href(lang, `${base}/edit`)}>
            {t(lang, 'report.edit')}
          </a>
          <VersionedAction ctx={ctx} action={`${base}/submit`} version={r.version} label={t(lang, 'report.submit')} />
          <VersionedAction ctx={ctx} action={`${base}/delete`} version={r.version} label={t(lang, 'report.deleteDraft')} danger />
        </div>
      ) : null}
      {r.state === 'submitted' && props.canWrite ? (
        <form method="post" action={href(lang, `${base}/revise`)} class="actions">
          <CsrfField token={ctx.csrfToken} />
          <p class="help">{t(lang, 'report.reviseHelp')}</p>
          <button type="submit" class="button button-secondary">
            {t(lang, 'report.revise')}
          </button>
        </form>
      ) : null}
      <ReportBody view={view} milestones={props.milestones} agencies={props.agencies} lang={lang} headingLevel={3} />
      {isDraft && props.canWrite ? (
        <section aria-labelledby="s-add-evidence" class="panel">
          <h2 id="s-add-evidence">{t(lang, 'evidence.add')}</h2>
          <EvidenceList evidence={view.evidence} lang={lang} csrfToken={ctx.csrfToken} removeAction={(e) => href(lang, `${base}/evidence/${e.id}/delete`)} />
          <form method="post" action={href(lang, `${base}/evidence`)} enctype="multipart/form-data" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <InputField name="title" label={t(lang, 'evidence.title')} value="" errors={errors} lang={lang} />
            <InputField name="url" type="url" label={t(lang, 'evidence.url')} value="" errors={errors} lang={lang} />
            <div class={`field${errors.file ? ' field-invalid' : ''}`}>
              <label for="f-file">{t(lang, 'evidence.file')}</label>
              <p class="help" id="f-file-help">
                {t(lang, 'evidence.fileHelp', { max: `${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`, types: Object.keys(EVIDENCE_TYPES).join(', ') })}
              </p>
              {errors.file ? (
                <p class="field-error" id="f-file-error">
                  {errors.file}
                </p>
              ) : null}
              <input id="f-file" name="file" type="file" aria-describedby={errors.file ? 'f-file-help f-file-error' : 'f-file-help'} aria-invalid={errors.file ? 'true' : undefined} />
            </div>
            <button type="submit" class="button">
              {t(lang, 'evidence.addButton')}
            </button>
          </form>
        </section>
      ) : null}
      {isDraft && props.canContribute ? (
        <section aria-labelledby="s-contribute" class="panel">
          <h2 id="s-contribute">{t(lang, 'contribution.add')}</h2>
          <form method="post" action={href(lang, `${base}/contributions`)} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <LocalizedField name="body" label={t(lang, 'contribution.body')} value={{ zh: '', en: '', status: 'draft' }} errors={errors} lang={lang} multiline rows={3} />
            <button type="submit" class="button">
              {t(lang, 'contribution.addButton')}
            </button>
          </form>
        </section>
      ) : null}
      {props.revisions.length > 1 ? (
        <section aria-labelledby="s-revisions">
          <h2 id="s-revisions">{t(lang, 'report.revisions')}</h2>
          <ol>
            {props.revisions.map((v) => (
              <li>
                {v.report.id === r.id ? (
                  <span aria-current="page">{t(lang, 'report.revisionN', { revision: v.report.revision })}</span>
                ) : (
                  <a href={href(lang, reportPath(plan, commitment, v.report))}>{t(lang, 'report.revisionN', { revision: v.report.revision })}</a>
                )}{' '}
                · {t(lang, `report.state.${v.report.state}`)}
                {v.report.submittedAt ? ` · ${formatDateTime(v.report.submittedAt, lang)}` : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p>
        <a href={href(lang, `${commitmentPath(plan, commitment)}/history`)}>{t(lang, 'commitment.history')}</a>
      </p>
    </Layout>
  );
}

// ------------------------------------------------------------------ report form

export interface ReportFormValues {
  cycleId: number;
  achievements: Localized;
  participation: Localized;
  civilSocietyParticipants: number | string | null;
  governmentParticipants: number | string | null;
  problems: Localized;
  nextSteps: Localized;
  budgetSpent: string | null;
  budgetCurrency: string | null;
  budgetNote: Localized;
  milestones: { milestoneId: number; status: string; percent: number | string; reason: Localized }[];
  version?: number;
}

export function ReportFormPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  commitment: Commitment;
  milestones: Milestone[];
  cycles: ReviewCycle[];
  report: ProgressReport | null;
  values: ReportFormValues;
  errors: FieldErrors;
  conflict?: boolean;
}) {
  const { ctx, plan, commitment, values: v, errors } = props;
  const { lang } = ctx;
  const title = props.report ? t(lang, 'report.edit') : t(lang, 'report.new');
  const action = props.report ? `${reportPath(plan, commitment, props.report)}/edit` : `${reportsPath(plan, commitment)}/new`;
  const cancel = props.report ? reportPath(plan, commitment, props.report) : commitmentPath(plan, commitment);
  return (
    <Layout ctx={ctx} title={`${title} · ${commitment.number}`} crumbs={[...crumbsFor(lang, plan, commitment), { label: title }]}>
      <h1>
        {title} · {commitment.number} <Text value={commitment.title} lang={lang} />
      </h1>
      <ErrorSummary errors={errors} lang={lang} conflict={props.conflict} />
      <form method="post" action={href(lang, action)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {v.version !== undefined ? <input type="hidden" name="version" value={String(v.version)} /> : null}
        {props.report ? (
          <p>
            {t(lang, 'cycle.cycle')}: {cycleName(props.cycles.find((c) => c.id === v.cycleId) ?? props.cycles[0] as ReviewCycle, lang)}
          </p>
        ) : (
          <SelectField
            name="cycleId"
            label={t(lang, 'cycle.cycle')}
            value={v.cycleId || ''}
            includeEmpty
            required
            options={props.cycles.map((c) => ({ value: String(c.id), label: `${cycleName(c, lang)} · ${t(lang, 'cycle.due', { date: formatDate(c.reportDue, lang) })}` }))}
            errors={errors}
            lang={lang}
          />
        )}
        <h2>{t(lang, 'report.milestones')}</h2>
        {props.milestones.length === 0 ? <p>{t(lang, 'commitment.noMilestones')}</p> : null}
        {props.milestones.map((m, i) => {
          const entry = v.milestones.find((e) => Number(e.milestoneId) === m.id) ?? { milestoneId: m.id, status: 'not-started', percent: 0, reason: { zh: '', en: '', status: 'draft' as const } };
          const name = `milestones.${i}`;
          return (
            <fieldset class="milestone-entry">
              <legend>
                <Text value={m.deliverable} lang={lang} /> ({formatPeriod(m.startDate, m.endDate, lang)})
              </legend>
              <input type="hidden" name={`${name}.milestoneId`} value={String(m.id)} />
              <SelectField
                name={`${name}.status`}
                label={t(lang, 'report.status')}
                value={entry.status}
                options={MILESTONE_PROGRESS_STATUSES.map((s) => ({ value: s, label: t(lang, `mstatus.${s}`) }))}
                errors={errors}
                lang={lang}
              />
              <InputField name={`${name}.percent`} type="number" label={t(lang, 'report.percent')} value={entry.percent} errors={errors} lang={lang} />
              <LocalizedField name={`${name}.reason`} label={t(lang, 'report.reason')} help={t(lang, 'report.reasonHelp')} value={entry.reason} errors={errors} lang={lang} multiline rows={2} />
            </fieldset>
          );
        })}
        <h2>{t(lang, 'report.narrative')}</h2>
        <LocalizedField name="achievements" label={t(lang, 'report.achievements')} help={t(lang, 'report.achievementsHelp')} value={v.achievements} errors={errors} lang={lang} multiline rows={5} />
        <LocalizedField name="participation" label={t(lang, 'report.participation')} help={t(lang, 'report.participationHelp')} value={v.participation} errors={errors} lang={lang} multiline rows={4} />
        <InputField name="civilSocietyParticipants" type="number" label={t(lang, 'report.civilSocietyParticipants')} value={v.civilSocietyParticipants} errors={errors} lang={lang} />
        <InputField name="governmentParticipants" type="number" label={t(lang, 'report.governmentParticipants')} value={v.governmentParticipants} errors={errors} lang={lang} />
        <LocalizedField name="problems" label={t(lang, 'report.problems')} value={v.problems} errors={errors} lang={lang} multiline rows={3} />
        <LocalizedField name="nextSteps" label={t(lang, 'report.nextSteps')} value={v.nextSteps} errors={errors} lang={lang} multiline rows={3} />
        <InputField name="budgetSpent" label={t(lang, 'report.budgetSpent')} help={t(lang, 'report.budgetHelp')} value={v.budgetSpent} errors={errors} lang={lang} />
        <InputField name="budgetCurrency" label={t(lang, 'report.budgetCurrency')} value={v.budgetCurrency} errors={errors} lang={lang} />
        <LocalizedField name="budgetNote" label={t(lang, 'report.budgetNote')} value={v.budgetNote} errors={errors} lang={lang} />
        <p class="help">{t(lang, 'report.saveHelp')}</p>
        <FormActions lang={lang} submitLabel={t(lang, 'report.saveDraft')} cancelHref={href(lang, cancel)} />
      </form>
    </Layout>
  );
}

// ------------------------------------------------------------------ plan progress

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
  const summary = HEALTH.map((h) => `${healthLabel(h)} ${counts[h]}`).join(lang === 'en' ? ', ' : '、');
  const areaDesc = progress.areas.map((a) => `${pick(a.area.title, lang)} ${percentText(a.percent, lang)}`).join(lang === 'en' ? '; ' : '；');
  return (
    <Layout ctx={ctx} title={title} crumbs={[...crumbsFor(lang, plan), { label: t(lang, 'progress.title') }]} feeds={[{ title: t(lang, 'feed.plan'), path: `${planPath(plan)}/reports.atom` }]}>
      <h1>{title}</h1>
      {plan.isDemo ? <DemoNotice lang={lang} /> : null}
      <p class="lede">{t(lang, 'progress.intro')}</p>
      <p class="actions">
        <a href={href(lang, cyclesPath(plan))}>{t(lang, 'cycle.listTitle')}</a>
        {props.canManage ? <a href={href(lang, boardPath(plan))}>{t(lang, 'board.title')}</a> : null}
        <a href={href(lang, `${planPath(plan)}/reports.atom`)}>{t(lang, 'feed.plan')}</a>
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
      <section aria-labelledby="s-areas">
        <h2 id="s-areas">{t(lang, 'progress.byArea')}</h2>
        <BarChart
          id="area-progress"
          title={t(lang, 'progress.byArea')}
          description={t(lang, 'progress.byAreaDesc', { summary: areaDesc })}
          unit="%"
          bars={progress.areas.map((a) => ({ key: String(a.area.id), label: pick(a.area.title, lang), value: a.percent, href: href(lang, `${progressPath(plan)}?area=${a.area.id}`) }))}
          columns={{ label: t(lang, 'commitment.area'), value: t(lang, 'progress.percent') }}
        />
      </section>
      <section aria-labelledby="s-agencies">
        <h2 id="s-agencies">{t(lang, 'progress.byAgency')}</h2>
        <BarChart
          id="agency-progress"
          title={t(lang, 'progress.byAgency')}
          description={t(lang, 'progress.byAgencyDesc', { summary: progress.agencies.map((a) => `${pick(a.agency.name, lang)} ${percentText(a.percent, lang)}`).join(lang === 'en' ? '; ' : '；') })}
          unit="%"
          bars={progress.agencies.map((a) => ({ key: String(a.agency.id), label: pick(a.agency.name, lang), value: a.percent, href: href(lang, `${progressPath(plan)}?agency=${a.agency.id}`) }))}
          columns={{ label: t(lang, 'commitment.leadAgency'), value: t(lang, 'progress.percent') }}
        />
      </section>
      <section aria-labelledby="s-timeline">
        <h2 id="s-timeline">{t(lang, 'progress.timeline')}</h2>
        <form method="get" action={href(lang, progressPath(plan))} class="filters">
          <SelectField name="area" label={t(lang, 'commitment.area')} value={filters.area ?? ''} includeEmpty options={progress.areas.map((a) => ({ value: String(a.area.id), label: pick(a.area.title, lang) }))} errors={{}} lang={lang} />
          <SelectField name="agency" label={t(lang, 'commitment.leadAgency')} value={filters.agency ?? ''} includeEmpty options={progress.agencies.map((a) => ({ value: String(a.agency.id), label: pick(a.agency.name, lang) }))} errors={{}} lang={lang} />
          <SelectField name="health" label={t(lang, 'progress.health')} value={filters.health ?? ''} includeEmpty options={HEALTH.map((h) => ({ value: h, label: healthLabel(h) }))} errors={{}} lang={lang} />
          <button type="submit" class="button">
            {t(lang, 'progress.filter')}
          </button>
        </form>
        <p role="status">{t(lang, 'progress.showing', { shown: props.shown.length, total: progress.commitments.length })}</p>
        {props.shown.length > 0 ? (
          <GanttChart
            id="timeline"
            title={t(lang, 'progress.timeline')}
            description={t(lang, 'progress.timelineDesc', { count: props.shown.length, start: formatDate(plan.periodStart, lang), end: formatDate(plan.periodEnd, lang), summary })}
            range={{ start: plan.periodStart, end: plan.periodEnd }}
            today={props.today}
            todayLabel={t(lang, 'progress.today')}
            formatDate={(iso) => formatDate(iso, lang)}
            rows={ganttRows}
            columns={{ label: t(lang, 'progress.item'), start: t(lang, 'milestone.startDate'), end: t(lang, 'milestone.endDate'), status: t(lang, 'report.status'), percent: t(lang, 'report.percent') }}
            legend={[...HEALTH.map((h) => ({ status: h, label: healthLabel(h) })), ...(['delayed', 'withdrawn', 'planned'] as const).map((s) => ({ status: s, label: t(lang, `mstatus.${s}`) }))].filter((l, i, all) => all.findIndex((x) => x.status === l.status) === i)}
          />
        ) : null}
      </section>
      <section aria-labelledby="s-table">
        <h2 id="s-table">{t(lang, 'progress.tableTitle')}</h2>
        <div class="table-scroll">
          <table>
            <caption>{t(lang, 'progress.tableTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'commitment.number')}</th>
                <th scope="col">{t(lang, 'commitment.title')}</th>
                <th scope="col">{t(lang, 'commitment.leadAgency')}</th>
                <th scope="col">{t(lang, 'progress.health')}</th>
                <th scope="col" class="num">{t(lang, 'progress.percent')}</th>
                <th scope="col">{t(lang, 'progress.latestCycle')}</th>
              </tr>
            </thead>
            <tbody>
              {props.shown.map((item) => (
                <tr>
                  <td class="num">{item.commitment.number}</td>
                  <th scope="row">
                    <a href={href(lang, commitmentPath(plan, item.commitment))}>
                      <Text value={item.commitment.title} lang={lang} />
                    </a>
                  </th>
                  <td>
                    <AgencyLink agency={progress.agencies.find((a) => a.agency.id === item.commitment.leadAgencyId)?.agency} lang={lang} />
                  </td>
                  <td>
                    <HealthBadge health={item.health} lang={lang} />
                  </td>
                  <td class="num">{percentText(item.percent, lang)}</td>
                  <td>{item.latestCycle === null ? '—' : t(lang, 'cycle.label', { number: item.latestCycle })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Layout>
  );
}

// ------------------------------------------------------------------ cycles

export function CyclesPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  cycles: ReviewCycle[];
  /** The forum meetings that reviewed each cycle, by cycle id. */
  reviewedAt: Map<number, ForumMeeting[]>;
  current: ReviewCycle | undefined;
  canManage: boolean;
  errors: FieldErrors;
  values: Record<string, string | number>;
}) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  const title = t(lang, 'cycle.listTitle');
  return (
    <Layout ctx={ctx} title={`${title} · ${pick(plan.title, lang)}`} crumbs={[...crumbsFor(lang, plan), { label: title }]}>
      <h1>{title}</h1>
      <p>{t(lang, 'cycle.intro')}</p>
      {props.cycles.length === 0 ? (
        <p>{t(lang, 'cycle.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'cycle.cycle')}</th>
                <th scope="col">{t(lang, 'cycle.period')}</th>
                <th scope="col">{t(lang, 'cycle.reportDue')}</th>
                <th scope="col">{t(lang, 'cycle.reviewOn')}</th>
                {props.canManage ? <th scope="col">{t(lang, 'board.title')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {props.cycles.map((c) => (
                <tr aria-current={props.current?.id === c.id ? 'true' : undefined} class={props.current?.id === c.id ? 'current' : undefined}>
                  <th scope="row">
                    {cycleLabel(c, lang)}
                    {props.current?.id === c.id ? ` (${t(lang, 'cycle.current')})` : ''}
                  </th>
                  <td>{formatPeriod(c.startsOn, c.endsOn, lang)}</td>
                  <td>{formatDate(c.reportDue, lang)}</td>
                  <td>
                    {(props.reviewedAt.get(c.id) ?? []).length > 0
                      ? (props.reviewedAt.get(c.id) ?? []).map((m) => (
                          <a href={href(lang, meetingPath(plan, m))}>
                            {formatDate(m.heldOn, lang)} <Text value={m.title} lang={lang} />
                          </a>
                        ))
                      : c.reviewOn
                        ? `${formatDate(c.reviewOn, lang)} (${t(lang, 'cycle.planned')})`
                        : '—'}
                  </td>
                  {props.canManage ? (
                    <td>
                      <a href={href(lang, boardPath(plan, c))}>{t(lang, 'board.open')}</a> ·{' '}
                      <a href={href(lang, `${cyclesPath(plan)}/${c.number}/edit`)} aria-label={`${t(lang, 'cycle.edit')}: ${cycleLabel(c, lang)}`}>
                        {t(lang, 'milestone.editShort')}
                      </a>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canManage ? (
        <section aria-labelledby="s-generate" class="panel">
          <h2 id="s-generate">{t(lang, 'cycle.generate')}</h2>
          <p class="help">{t(lang, 'cycle.generateHelp')}</p>
          <ErrorSummary errors={props.errors} lang={lang} />
          <form method="post" action={href(lang, `${cyclesPath(plan)}/generate`)} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <InputField name="intervalMonths" type="number" label={t(lang, 'cycle.intervalMonths')} value={props.values.intervalMonths ?? 4} errors={props.errors} lang={lang} />
            <InputField name="dueAfterDays" type="number" label={t(lang, 'cycle.dueAfterDays')} value={props.values.dueAfterDays ?? 14} errors={props.errors} lang={lang} />
            <InputField name="reviewAfterDays" type="number" label={t(lang, 'cycle.reviewAfterDays')} value={props.values.reviewAfterDays ?? 30} errors={props.errors} lang={lang} />
            <button type="submit" class="button">
              {t(lang, 'cycle.generateButton')}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

export function CycleFormPage(props: { ctx: PageContext; plan: ActionPlan; cycle: ReviewCycle; values: { startsOn: string; endsOn: string; reportDue: string; reviewOn: string | null; version?: number }; errors: FieldErrors; conflict?: boolean }) {
  const { ctx, plan, cycle, values: v, errors } = props;
  const { lang } = ctx;
  const title = `${t(lang, 'cycle.edit')} · ${cycleLabel(cycle, lang)}`;
  return (
    <Layout ctx={ctx} title={title} crumbs={[...crumbsFor(lang, plan), { label: t(lang, 'cycle.listTitle'), path: cyclesPath(plan) }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} lang={lang} conflict={props.conflict} />
      <form method="post" action={href(lang, `${cyclesPath(plan)}/${cycle.number}/edit`)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(v.version ?? cycle.version)} />
        <InputField name="startsOn" type="date" label={t(lang, 'cycle.startsOn')} value={v.startsOn} errors={errors} lang={lang} required />
        <InputField name="endsOn" type="date" label={t(lang, 'cycle.endsOn')} value={v.endsOn} errors={errors} lang={lang} required />
        <InputField name="reportDue" type="date" label={t(lang, 'cycle.reportDue')} value={v.reportDue} errors={errors} lang={lang} required />
        <InputField name="reviewOn" type="date" label={t(lang, 'cycle.reviewOn')} value={v.reviewOn} errors={errors} lang={lang} />
        <FormActions lang={lang} submitLabel={t(lang, 'form.save')} cancelHref={href(lang, cyclesPath(plan))} />
      </form>
    </Layout>
  );
}

// ------------------------------------------------------------------ the secretariat's board

export function BoardPage(props: { ctx: PageContext; plan: ActionPlan; board: Board; cycles: ReviewCycle[] }) {
  const { ctx, plan, board } = props;
  const { lang } = ctx;
  const title = `${t(lang, 'board.title')} · ${cycleName(board.cycle, lang)}`;
  return (
    <Layout ctx={ctx} title={title} crumbs={[...crumbsFor(lang, plan), { label: t(lang, 'progress.title'), path: progressPath(plan) }, { label: t(lang, 'board.title') }]}>
      <h1>{title}</h1>
      <form method="get" action={href(lang, `${planPath(plan)}/board`)} class="filters">
        <SelectField name="cycle" label={t(lang, 'cycle.cycle')} value={board.cycle.number} options={props.cycles.map((c) => ({ value: String(c.number), label: cycleName(c, lang) }))} errors={{}} lang={lang} />
        <button type="submit" class="button">
          {t(lang, 'board.show')}
        </button>
      </form>
      <p>
        {t(lang, 'cycle.due', { date: formatDate(board.cycle.reportDue, lang) })} · {t(lang, 'board.today', { date: formatDate(board.today, lang) })} ·{' '}
        <a href={href(lang, `${planPath(plan)}/board.csv?cycle=${board.cycle.number}`)}>{t(lang, 'board.csv')}</a>
      </p>
      <ul class="counts" aria-label={t(lang, 'board.counts')}>
        {REPORT_TIMINGS.map((timing) => (
          <li>
            <TimingBadge timing={timing} lang={lang} /> {board.counts[timing]}
          </li>
        ))}
      </ul>
      <section aria-labelledby="s-owed">
        <h2 id="s-owed">{t(lang, 'board.reminders')}</h2>
        {board.reminders.length === 0 ? <p>{t(lang, 'board.noneOwed')}</p> : null}
        <ul class="reminders">
          {board.reminders.map((r) => (
            <li>
              <strong>
                <AgencyLink agency={r.agency} lang={lang} />
              </strong>
              {': '}
              {r.owed.map((row, i) => (
                <>
                  {i > 0 ? (lang === 'en' ? ', ' : '、') : ''}
                  <a href={href(lang, commitmentPath(plan, row.commitment))}>{row.commitment.number}</a> ({t(lang, `timing.${row.timing}`)})
                </>
              ))}
              {' — '}
              {t(lang, 'board.reminderText', { count: r.owed.length, date: formatDate(board.cycle.reportDue, lang) })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="s-board">
        <h2 id="s-board">{t(lang, 'board.byAgency')}</h2>
        <div class="table-scroll">
          <table id="board">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'commitment.leadAgency')}</th>
                <th scope="col">{t(lang, 'commitment.number')}</th>
                <th scope="col">{t(lang, 'commitment.title')}</th>
                <th scope="col">{t(lang, 'board.state')}</th>
                <th scope="col">{t(lang, 'board.submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {[...board.rows]
                .sort((a, b) => (a.agency?.code ?? '').localeCompare(b.agency?.code ?? '') || a.commitment.number.localeCompare(b.commitment.number, 'en', { numeric: true }))
                .map((row) => (
                  <tr data-timing={row.timing}>
                    <td>
                      <AgencyLink agency={row.agency} lang={lang} />
                    </td>
                    <td class="num">{row.commitment.number}</td>
                    <th scope="row">
                      <a href={href(lang, commitmentPath(plan, row.commitment))}>
                        <Text value={row.commitment.title} lang={lang} />
                      </a>
                    </th>
                    <td>
                      <TimingBadge timing={row.timing} lang={lang} />
                    </td>
                    <td>{row.submittedAt ? formatDateTime(row.submittedAt, lang) : '—'}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </section>
    </Layout>
  );
}

// ------------------------------------------------------------------ transfers

export function TransferFormPage(props: {
  ctx: PageContext;
  plan?: ActionPlan;
  commitment?: Commitment;
  fromAgency: Agency;
  agencies: Agency[];
  action: string;
  cancel: string;
  values: { toAgencyId: number | string; effectiveOn: string; note: Localized; version?: number };
  errors: FieldErrors;
  conflict?: boolean;
  children?: Child;
}) {
  const { ctx, values: v, errors } = props;
  const { lang } = ctx;
  const title = props.commitment ? `${t(lang, 'transfer.title')} · ${props.commitment.number}` : `${t(lang, 'transfer.agencyTitle')} · ${pick(props.fromAgency.name, lang)}`;
  const crumbs: Crumb[] = props.plan && props.commitment ? [...crumbsFor(lang, props.plan, props.commitment), { label: t(lang, 'transfer.title') }] : [{ label: t(lang, 'agencies.title'), path: '/agencies' }, { label: pick(props.fromAgency.name, lang), path: agencyPath(props.fromAgency) }, { label: t(lang, 'transfer.agencyTitle') }];
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs}>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} lang={lang} conflict={props.conflict} />
      <p>{t(lang, props.commitment ? 'transfer.help' : 'transfer.agencyHelp', { agency: pick(props.fromAgency.name, lang) })}</p>
      {props.children}
      <form method="post" action={href(lang, props.action)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {v.version !== undefined ? <input type="hidden" name="version" value={String(v.version)} /> : null}
        <SelectField
          name="toAgencyId"
          label={t(lang, 'transfer.to')}
          value={v.toAgencyId}
          includeEmpty
          required
          options={props.agencies.filter((a) => a.id !== props.fromAgency.id).map((a) => ({ value: String(a.id), label: `${pick(a.name, lang)} (${a.code})` }))}
          errors={errors}
          lang={lang}
        />
        <InputField name="effectiveOn" type="date" label={t(lang, 'transfer.effectiveOn')} value={v.effectiveOn} errors={errors} lang={lang} required />
        <LocalizedField name="note" label={t(lang, 'transfer.note')} value={v.note} errors={errors} lang={lang} multiline rows={2} />
        <FormActions lang={lang} submitLabel={t(lang, 'transfer.submit')} cancelHref={href(lang, props.cancel)} />
      </form>
    </Layout>
  );
}

/** The percent a report gives its commitment (for lists and the API). */
export function reportPercent(report: ProgressReport, milestones: readonly Milestone[]): number | null {
  const weights = new Map(milestones.map((m) => [m.id, m.weight]));
  return commitmentPercent(report.milestones.map((e) => ({ status: e.status, percent: e.percent, weight: weights.get(e.milestoneId) ?? null })));
}

