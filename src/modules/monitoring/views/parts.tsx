/** Pieces the monitoring pages share: labels, badges, and a report's read-only parts (its milestones, text, evidence). */
import { pick, type Lang, type Localized } from '../../../domain/localized.js';
import type { Health, MilestoneProgress, ProgressReport, ReportTiming, ReviewCycle } from '../../../domain/monitoring.js';
import type { Child } from 'hono/jsx';
import type { ActionPlan, Agency, Commitment, Milestone } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { commitmentPath, evidencePath } from '../../../web/paths.js';
import { AgencyLink, CsrfField, DataTable, Paragraphs, Text, TranslationBadge, formatDateTime, formatPeriod, type Column } from '../../../web/ui/index.js';
import type { Contribution, Evidence } from '../monitoring.queries.js';

export const percentText = (p: number | null, lang: Lang) => (p === null ? t(lang, 'progress.noData') : `${Math.round(p)}%`);

export const cycleLabel = (cycle: Pick<ReviewCycle, 'number'>, lang: Lang) => t(lang, 'cycle.label', { number: cycle.number });

export function cycleName(cycle: ReviewCycle, lang: Lang) {
  return `${cycleLabel(cycle, lang)} (${formatPeriod(cycle.startsOn, cycle.endsOn, lang)})`;
}

export function HealthBadge(props: { health: Health; lang: Lang }) {
  return <span class={`badge health-${props.health}`}>{t(props.lang, `health.${props.health}`)}</span>;
}

export function TimingBadge(props: { timing: ReportTiming; lang: Lang }) {
  return <span class={`badge timing-${props.timing}`}>{t(props.lang, `timing.${props.timing}`)}</span>;
}

/** A table's commitment number and title columns, the title naming the row and linking to the commitment's page. */
export function commitmentColumns<Row>(lang: Lang, plan: ActionPlan, of: (row: Row) => Pick<Commitment, 'number' | 'title'>): Column<Row>[] {
  return [
    { header: t(lang, 'commitment.number'), numeric: true, cell: (row) => of(row).number },
    {
      header: t(lang, 'commitment.title'),
      rowHeader: true,
      cell: (row) => (
        <a href={href(lang, commitmentPath(plan, of(row)))}>
          <Text value={of(row).title} lang={lang} />
        </a>
      ),
    },
  ];
}

/**
 * A panel of the page with a small post form of its own (the kit's FormPage is a whole page): a heading, what comes
 * before the form (help, messages, a list), the fields, one button.
 */
export function PanelForm(props: {
  ctx: PageContext;
  id: string;
  title: string;
  action: string;
  submitLabel: string;
  multipart?: boolean;
  before?: Child;
  children: Child;
}) {
  const { lang } = props.ctx;
  return (
    <section aria-labelledby={props.id} class="panel">
      <h2 id={props.id}>{props.title}</h2>
      {props.before ?? null}
      <form method="post" action={href(lang, props.action)} enctype={props.multipart ? 'multipart/form-data' : undefined} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        {props.children}
        <button type="submit" class="button">
          {props.submitLabel}
        </button>
      </form>
    </section>
  );
}

/** A report with what its pages show beside it. */
export interface ReportView {
  report: ProgressReport;
  cycle: ReviewCycle;
  evidence: Evidence[];
  contributions: Contribution[];
  timing: ReportTiming;
}

export function MilestoneProgressTable(props: { id: string; entries: MilestoneProgress[]; milestones: Milestone[]; lang: Lang }) {
  const { lang } = props;
  const byId = new Map(props.milestones.map((m) => [m.id, m]));
  return (
    <DataTable<MilestoneProgress>
      id={props.id}
      caption={t(lang, 'report.milestones')}
      rows={props.entries}
      columns={[
        {
          header: t(lang, 'milestone.deliverable'),
          rowHeader: true,
          cell: (e) => {
            const m = byId.get(e.milestoneId);
            return m ? <Text value={m.deliverable} lang={lang} /> : `#${e.milestoneId}`;
          },
        },
        { header: t(lang, 'report.status'), cell: (e) => <span class={`badge mstatus-${e.status}`}>{t(lang, `mstatus.${e.status}`)}</span> },
        { header: t(lang, 'report.percent'), numeric: true, cell: (e) => `${e.percent}%` },
        { header: t(lang, 'report.reason'), cell: (e) => <Text value={e.reason} lang={lang} /> },
      ]}
    />
  );
}

/** A report's text under its heading, with its translation status; nothing when the report says nothing there. */
function TextSection(props: { label: string; value: Localized; lang: Lang }) {
  if (!pick(props.value, props.lang)) return null;
  return (
    <>
      <h3>
        {props.label}
        <TranslationBadge value={props.value} lang={props.lang} />
      </h3>
      <Paragraphs value={props.value} lang={props.lang} />
    </>
  );
}

function formatBytes(bytes: number | null, lang: Lang): string {
  if (bytes === null) return '';
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toLocaleString(lang, { maximumFractionDigits: 1 })} MB`;
}

/**
 * Links and files, each with a small "remove" button when `removePath` is given. The button is a link-styled
 * one-click form named after the item, so a list of them reads apart in a screen reader (the kit's VersionedAction
 * is a full button and carries a version, which evidence has none of).
 */
export function EvidenceList(props: { evidence: Evidence[]; lang: Lang; ctx?: PageContext; removePath?: (e: Evidence) => string }) {
  const { lang, ctx, removePath } = props;
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
          {ctx && removePath ? (
            <form method="post" action={href(lang, removePath(e))} class="inline-form">
              <CsrfField token={ctx.csrfToken} />
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

/** Everything a report says: milestones, narrative, head counts, budget, the supporting agencies' parts, evidence. */
export function ReportBody(props: { view: ReportView; milestones: Milestone[]; agencies: Map<number, Agency>; lang: Lang }) {
  const { view, lang } = props;
  const r = view.report;
  const cs = r.civilSocietyParticipants;
  const gov = r.governmentParticipants;
  const share = cs !== null && gov !== null && cs + gov > 0 ? Math.round((cs / (cs + gov)) * 100) : null;
  return (
    <>
      <MilestoneProgressTable id={`report-${r.id}-milestones`} entries={r.milestones} milestones={props.milestones} lang={lang} />
      <TextSection label={t(lang, 'report.achievements')} value={r.achievements} lang={lang} />
      <TextSection label={t(lang, 'report.participation')} value={r.participation} lang={lang} />
      {cs !== null || gov !== null ? (
        <p>
          {t(lang, 'report.participants', { cs: cs ?? '—', gov: gov ?? '—' })}
          {share !== null ? ` ${t(lang, 'report.share', { share })}` : ''}
        </p>
      ) : null}
      <TextSection label={t(lang, 'report.problems')} value={r.problems} lang={lang} />
      <TextSection label={t(lang, 'report.nextSteps')} value={r.nextSteps} lang={lang} />
      {r.budgetSpent !== null || pick(r.budgetNote, lang) ? (
        <p>
          <strong>{t(lang, 'report.budgetSpent')}</strong>:{' '}
          {r.budgetSpent !== null ? `${r.budgetCurrency ?? ''} ${Number(r.budgetSpent).toLocaleString(lang)}`.trim() : ''}{' '}
          <Text value={r.budgetNote} lang={lang} />
        </p>
      ) : null}
      {view.contributions.length > 0 ? (
        <>
          <h3>{t(lang, 'report.contributions')}</h3>
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
      <h3>{t(lang, 'report.evidence')}</h3>
      <EvidenceList evidence={view.evidence} lang={lang} />
    </>
  );
}

/** Who reported, which revision, when, and whether it was on time. */
export function ReportByline(props: { view: ReportView; agencies: Map<number, Agency>; lang: Lang }) {
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
