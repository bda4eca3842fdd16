/** The secretariat's board: which reports of a cycle are on time, late, in draft or missing. */
import type { Child } from 'hono/jsx';
import { REPORT_TIMINGS, type ReviewCycle } from '../../../domain/monitoring.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { boardCsvPath, boardPath, commitmentPath, progressPath } from '../../../web/paths.js';
import { AgencyLink, DataTable, SelectField, formatDate, formatDateTime, listSeparator, planCrumbs } from '../../../web/ui/index.js';
import type { Board, BoardRow } from '../monitoring.service.js';
import { TimingBadge, commitmentColumns, cycleName } from './parts.js';

/** By lead agency, then by commitment number as people count (1-2 before 1-10). */
const byAgencyThenNumber = (a: BoardRow, b: BoardRow) =>
  (a.agency?.code ?? '').localeCompare(b.agency?.code ?? '') || a.commitment.number.localeCompare(b.commitment.number, 'en', { numeric: true });

/** `sections`: what other modules add after the board's own tables (the `board` slot). */
export function BoardPage(props: { ctx: PageContext; plan: ActionPlan; board: Board; cycles: ReviewCycle[]; sections?: Child[] }) {
  const { ctx, plan, board } = props;
  const { lang } = ctx;
  const title = `${t(lang, 'board.title')} · ${cycleName(board.cycle, lang)}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[...planCrumbs(lang, plan), { label: t(lang, 'progress.title'), path: progressPath(plan) }, { label: t(lang, 'board.title') }]}
    >
      <h1>{title}</h1>
      <form method="get" action={href(lang, boardPath(plan))} class="filters">
        <SelectField
          name="cycle"
          label={t(lang, 'cycle.cycle')}
          value={board.cycle.number}
          options={props.cycles.map((c) => ({ value: String(c.number), label: cycleName(c, lang) }))}
          errors={{}}
          lang={lang}
        />
        <button type="submit" class="button">
          {t(lang, 'board.show')}
        </button>
      </form>
      <p>
        {t(lang, 'cycle.due', { date: formatDate(board.cycle.reportDue, lang) })} · {t(lang, 'board.today', { date: formatDate(board.today, lang) })} ·{' '}
        <a href={href(lang, boardCsvPath(plan, board.cycle))}>{t(lang, 'board.csv')}</a>
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
                  {i > 0 ? listSeparator(lang) : ''}
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
        <DataTable<BoardRow>
          id="board"
          caption={title}
          rows={[...board.rows].sort(byAgencyThenNumber)}
          rowAttributes={(row) => ({ 'data-timing': row.timing })}
          columns={[
            { header: t(lang, 'commitment.leadAgency'), cell: (row) => <AgencyLink agency={row.agency} lang={lang} /> },
            ...commitmentColumns<BoardRow>(lang, plan, (row) => row.commitment),
            { header: t(lang, 'board.state'), cell: (row) => <TimingBadge timing={row.timing} lang={lang} /> },
            { header: t(lang, 'board.submittedAt'), cell: (row) => (row.submittedAt ? formatDateTime(row.submittedAt, lang) : '—') },
          ]}
        />
      </section>
      {props.sections}
    </Layout>
  );
}
