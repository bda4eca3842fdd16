/** The secretariat's board's section: the inputs waiting for an answer past the limit, with who is invited to answer. */
import type { Lang } from '../../../domain/localized.js';
import { taipeiDay } from '../../../domain/monitoring.js';
import { OVERDUE_AFTER_DAYS } from '../../../domain/participation.js';
import type { ActionPlan, Agency } from '../../../domain/plan.js';
import { href } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { commitmentPath } from '../../../web/paths.js';
import { AgencyLink, DataTable, DateText } from '../../../web/ui/index.js';
import type { OverdueInput } from '../figures.service.js';
import { inputPath } from '../participation.paths.js';

export function OverdueBoardSection(props: {
  plan: ActionPlan;
  overdue: readonly OverdueInput[];
  agencies: Map<number, Agency>;
  /** Commitment numbers by id. */
  commitments: Map<number, string>;
  lang: Lang;
}) {
  const { plan, lang } = props;
  const days = OVERDUE_AFTER_DAYS;
  return (
    <section aria-labelledby="s-inputs-waiting">
      <h2 id="s-inputs-waiting">{t(lang, 'participation.figures.board.title', { days })}</h2>
      <p class="help">{t(lang, 'participation.figures.board.help')}</p>
      <DataTable<OverdueInput>
        id="inputs-waiting"
        caption={t(lang, 'participation.figures.board.caption', { days, count: props.overdue.length })}
        rows={props.overdue}
        empty={t(lang, 'participation.figures.board.none', { days })}
        rowAttributes={(i) => ({ 'data-input': String(i.id) })}
        columns={[
          {
            header: t(lang, 'participation.figures.board.input'),
            rowHeader: true,
            nowrap: true,
            cell: (i) => <a href={href(lang, inputPath(plan, i))}>{t(lang, `participation.figures.board.${i.kind}`, { id: i.id })}</a>,
          },
          { header: t(lang, 'participation.figures.board.about'), cell: (i) => t(lang, `participation.figures.target.${i.targetType}`) },
          {
            header: t(lang, 'participation.figures.board.commitment'),
            nowrap: true,
            cell: (i) => {
              const number = i.commitmentId === null ? undefined : props.commitments.get(i.commitmentId);
              return number ? <a href={href(lang, commitmentPath(plan, { number }))}>{number}</a> : '—';
            },
          },
          { header: t(lang, 'participation.figures.board.submitted'), nowrap: true, cell: (i) => <DateText date={taipeiDay(i.submittedAt)} lang={lang} /> },
          { header: t(lang, 'participation.figures.board.waiting'), numeric: true, cell: (i) => String(i.daysWaiting) },
          {
            header: t(lang, 'participation.figures.board.answeredBy'),
            cell: (i) => (
              <AgencyLink
                agency={i.agencyId === null ? undefined : props.agencies.get(i.agencyId)}
                lang={lang}
                fallback={t(lang, 'participation.figures.secretariat')}
              />
            ),
          },
        ]}
      />
    </section>
  );
}
