/**
 * The forum's roster: seats now, grouped by sector (role, holder, agency, term, how filled), vacancies shown as such
 * (出缺), then past members with their terms; links to the rules in force and to the calls for nominations.
 */
import { pick } from '../../../domain/localized.js';
import type { PublicPerson } from '../../../domain/people.js';
import type { ActionPlan, Agency } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { callPath, callsPath, forumHistoryPath, forumRulesPath, newSeatPath, seatEditPath } from '../../../web/paths.js';
import { AgencyLink, DataTable, DemoNotice, formatDate, planCrumbs, type ColumnEntry } from '../../../web/ui/index.js';
import { SECTORS, type ForumRules, type RosterView, type Seat, type Sector } from '../roster.model.js';
import { SeatHolder, SeatTerm } from './parts.js';

export interface RosterPageProps {
  ctx: PageContext;
  plan: ActionPlan;
  view: RosterView;
  people: Map<number, PublicPerson>;
  agencies: Map<number, Agency>;
  rules: ForumRules | undefined;
  canManage: boolean;
}

type Row = RosterView['current'][number];

export function RosterPage(props: RosterPageProps) {
  const { ctx, plan, view, people, agencies } = props;
  const { lang } = ctx;
  const title = t(lang, 'roster.title');
  const filledBy = (seat: Seat) =>
    seat.callId !== null ? (
      <a href={href(lang, callPath(plan, { id: seat.callId }))}>{t(lang, `roster.filledBy.${seat.filledBy}`)}</a>
    ) : (
      t(lang, `roster.filledBy.${seat.filledBy}`)
    );
  const currentColumns = (sector: Sector): ColumnEntry<Row>[] => [
    { header: t(lang, 'roster.role'), cell: (r) => t(lang, `roster.role.${r.seat.role}`) },
    {
      header: t(lang, 'roster.holder'),
      rowHeader: true,
      cell: (r) =>
        r.vacant ? (
          <>
            <strong class="status status-vacant">{t(lang, 'roster.vacant')}</strong>
            {r.state === 'ended' && r.seat.endsOn !== null ? <> ({t(lang, 'roster.vacantSince', { date: formatDate(r.seat.endsOn, lang) })})</> : null}
          </>
        ) : (
          <SeatHolder seat={r.seat} people={people} lang={lang} />
        ),
    },
    sector === 'government' && {
      header: t(lang, 'roster.agency'),
      cell: (r) => <AgencyLink agency={r.seat.agencyId === null ? undefined : agencies.get(r.seat.agencyId)} lang={lang} />,
    },
    {
      header: t(lang, 'roster.term'),
      nowrap: true,
      cell: (r) =>
        r.state === 'upcoming' ? t(lang, 'roster.termUpcoming', { date: formatDate(r.seat.startsOn, lang) }) : <SeatTerm seat={r.seat} lang={lang} />,
    },
    { header: t(lang, 'roster.filledBy'), cell: (r) => filledBy(r.seat) },
    props.canManage && { header: t(lang, 'roster.actions'), cell: (r) => <a href={href(lang, seatEditPath(plan, r.seat))}>{t(lang, 'roster.edit')}</a> },
  ];
  const isDemo = [...view.current.map((r) => r.seat), ...view.past].some((s) => s.isDemo);
  return (
    <Layout ctx={ctx} title={`${title} · ${pick(plan.title, lang)}`} crumbs={[...planCrumbs(lang, plan), { label: title }]}>
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'roster.intro')}</p>
      {isDemo ? <DemoNotice lang={lang} message={t(lang, 'roster.demoNotice')} /> : null}
      <ul class="links">
        <li>
          <a href={href(lang, forumRulesPath(plan))}>
            {props.rules
              ? t(lang, 'roster.rulesLink', { number: props.rules.number, date: formatDate(props.rules.effectiveOn, lang) })
              : t(lang, 'roster.rulesNone')}
          </a>
        </li>
        <li>
          <a href={href(lang, callsPath(plan))}>{t(lang, 'roster.callsLink')}</a>
        </li>
        <li>
          <a href={href(lang, forumHistoryPath(plan))}>{t(lang, 'roster.historyLink')}</a>
        </li>
      </ul>
      {props.canManage ? (
        <p class="actions">
          <a class="button" href={href(lang, newSeatPath(plan))}>
            {t(lang, 'roster.newSeat')}
          </a>
        </p>
      ) : null}
      {SECTORS.map((sector) => {
        const rows = view.current.filter((r) => r.seat.sector === sector);
        const sectorName = t(lang, `roster.sector.${sector}`);
        return (
          <section aria-labelledby={`s-${sector}`}>
            <h2 id={`s-${sector}`}>{sectorName}</h2>
            {sector === 'government' ? <p class="help">{t(lang, 'roster.governmentRule')}</p> : null}
            <DataTable<Row>
              caption={t(lang, 'roster.sectorSeats.caption', { sector: sectorName, count: rows.length })}
              hideCaption
              rows={rows}
              empty={t(lang, 'roster.sector.none')}
              columns={currentColumns(sector)}
            />
          </section>
        );
      })}
      <section aria-labelledby="s-past">
        <h2 id="s-past">{t(lang, 'roster.past')}</h2>
        <DataTable<Seat>
          caption={t(lang, 'roster.past.caption', { count: view.past.length })}
          rows={view.past}
          empty={t(lang, 'roster.past.none')}
          columns={[
            { header: t(lang, 'roster.holder'), rowHeader: true, cell: (s) => <SeatHolder seat={s} people={people} lang={lang} /> },
            { header: t(lang, 'roster.role'), cell: (s) => t(lang, `roster.role.${s.role}`) },
            { header: t(lang, 'roster.sector'), cell: (s) => t(lang, `roster.sector.${s.sector}`) },
            { header: t(lang, 'roster.agency'), cell: (s) => <AgencyLink agency={s.agencyId === null ? undefined : agencies.get(s.agencyId)} lang={lang} /> },
            { header: t(lang, 'roster.term'), nowrap: true, cell: (s) => <SeatTerm seat={s} lang={lang} /> },
            { header: t(lang, 'roster.filledBy'), cell: filledBy },
            props.canManage && { header: t(lang, 'roster.actions'), cell: (s) => <a href={href(lang, seatEditPath(plan, s))}>{t(lang, 'roster.edit')}</a> },
          ]}
        />
      </section>
    </Layout>
  );
}
