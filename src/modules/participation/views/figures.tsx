/**
 * A plan's response figures: the totals, the inputs by response, and the figures by the agency that answers and by
 * consultation; each chart an SVG with a table of the same numbers.
 */
import { pick, type Lang } from '../../../domain/localized.js';
import { percentOf } from '../../../domain/participation-figures.js';
import { OVERDUE_AFTER_DAYS, RESPONSE_STATES, type ResponseFigures, type ResponseState } from '../../../domain/participation.js';
import type { ActionPlan, Agency } from '../../../domain/plan.js';
import { BarChart, StackedBar, type BarDatum } from '../../../web/charts.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { agencyPath } from '../../../web/paths.js';
import { clauseSeparator, formatDate, planCrumbs } from '../../../web/ui/index.js';
import type { PlanFigures } from '../figures.service.js';
import type { Consultation } from '../participation.model.js';
import { consultationPath, inputsPath } from '../participation.paths.js';
import { GroupTable, TotalsTable, daysText, shareText, type FigureGroup } from './figures-parts.js';

export interface FiguresPageProps {
  ctx: PageContext;
  plan: ActionPlan;
  figures: PlanFigures;
  agencies: Map<number, Agency>;
  consultations: Consultation[];
  /** The Taipei day the figures are counted at. */
  today: string;
}

/** Each response's colour in the stacked bar; waiting is also striped, so it reads without colour. */
const STATE_CLASS: Record<ResponseState, string> = {
  pending: 'gantt-status-no-report',
  adopted: 'gantt-status-completed',
  'partly-adopted': 'gantt-status-on-track',
  'not-adopted': 'gantt-status-not-started',
  referred: 'gantt-status-in-progress',
  noted: 'gantt-status-planned',
};

export const stateLabel = (state: ResponseState, lang: Lang) => t(lang, `participation.figures.state.${state}`);

export function FiguresPage(props: FiguresPageProps) {
  const { ctx, plan, figures } = props;
  const { lang } = ctx;
  const title = t(lang, 'participation.figures.title');
  const intro = t(lang, 'participation.figures.intro', { days: OVERDUE_AFTER_DAYS });
  return (
    <Layout
      ctx={ctx}
      title={`${title} · ${pick(plan.title, lang)}`}
      crumbs={[...planCrumbs(lang, plan), { label: t(lang, 'participation.figures.inputsLink'), path: inputsPath(plan) }, { label: title }]}
      description={intro}
    >
      <h1>{title}</h1>
      <p class="lede">{intro}</p>
      <p>
        {t(lang, 'participation.figures.asOf', { date: formatDate(props.today, lang) })}{' '}
        <a href={href(lang, inputsPath(plan))}>{t(lang, 'participation.figures.inputsLink')}</a> ·{' '}
        <a href={`/api/v1/plans/${plan.id}/input-figures`}>{t(lang, 'participation.figures.apiLink')}</a>
      </p>
      {figures.total.inputs === 0 ? (
        <p>{t(lang, 'participation.figures.none')}</p>
      ) : (
        <>
          <Totals {...props} />
          <ByAgency {...props} />
          <ByConsultation {...props} />
        </>
      )}
    </Layout>
  );
}

function Totals(props: FiguresPageProps) {
  const { figures, ctx } = props;
  const { lang } = ctx;
  const total = figures.total;
  const summary = RESPONSE_STATES.map((s) => `${stateLabel(s, lang)} ${total.byState[s]}`).join(clauseSeparator(lang));
  return (
    <section aria-labelledby="s-totals">
      <h2 id="s-totals">{t(lang, 'participation.figures.totals')}</h2>
      <TotalsTable id="figures-totals" figures={total} lang={lang} caption={t(lang, 'participation.figures.totals.caption')} />
      <h3>{t(lang, 'participation.figures.byState')}</h3>
      <StackedBar
        id="figures-states"
        title={t(lang, 'participation.figures.byState')}
        description={t(lang, 'participation.figures.byState.description', { inputs: total.inputs, summary })}
        segments={RESPONSE_STATES.map((s) => ({
          key: s,
          label: stateLabel(s, lang),
          value: total.byState[s],
          className: STATE_CLASS[s],
          hatched: s === 'pending',
        }))}
        columns={{ label: t(lang, 'participation.figures.state'), value: t(lang, 'participation.figures.count') }}
      />
    </section>
  );
}

interface Group {
  key: string;
  label: string;
  href?: string;
  figures: ResponseFigures;
}

const answeredNote = (f: ResponseFigures, lang: Lang) => t(lang, 'participation.figures.answeredNote', { answered: f.answered, inputs: f.inputs });

/** Bars of the share answered, a bar a group. */
const shareBars = (groups: readonly Group[], lang: Lang): BarDatum[] =>
  groups.map((g) => ({ key: g.key, label: g.label, href: g.href, value: percentOf(g.figures.shareAnswered), note: answeredNote(g.figures, lang) }));

const summaryOf = (groups: readonly Group[], value: (g: Group) => string, lang: Lang) =>
  groups.map((g) => `${g.label} ${value(g)}`).join(clauseSeparator(lang));

const tableGroups = (groups: readonly Group[]): FigureGroup[] =>
  groups.map((g) => ({ key: g.key, label: g.href ? <a href={g.href}>{g.label}</a> : g.label, figures: g.figures }));

function ByAgency(props: FiguresPageProps) {
  const { figures, agencies, ctx } = props;
  const { lang } = ctx;
  const groups: Group[] = figures.byAgency.map(({ agencyId, figures: f }) => {
    const agency = agencyId === null ? undefined : agencies.get(agencyId);
    return {
      key: agencyId === null ? 'none' : String(agencyId),
      label: agency ? pick(agency.name, lang) : t(lang, 'participation.figures.secretariat'),
      href: agency ? href(lang, agencyPath(agency)) : undefined,
      figures: f,
    };
  });
  const medians = groups.map((g) => g.figures.medianDaysToAnswer ?? 0);
  return (
    <section aria-labelledby="s-agencies">
      <h2 id="s-agencies">{t(lang, 'participation.figures.byAgency')}</h2>
      <p class="help">{t(lang, 'participation.figures.byAgency.help')}</p>
      <BarChart
        id="figures-agency-share"
        title={t(lang, 'participation.figures.byAgency.chart')}
        caption={t(lang, 'participation.figures.byAgency.chart')}
        description={t(lang, 'participation.figures.byAgency.chartDescription', {
          summary: summaryOf(groups, (g) => shareText(g.figures.shareAnswered), lang),
        })}
        unit="%"
        max={100}
        bars={shareBars(groups, lang)}
        columns={{ label: t(lang, 'participation.figures.agency'), value: t(lang, 'participation.figures.shareAnswered') }}
      />
      <BarChart
        id="figures-agency-days"
        title={t(lang, 'participation.figures.byAgency.medianChart')}
        caption={t(lang, 'participation.figures.byAgency.medianChart')}
        description={t(lang, 'participation.figures.byAgency.medianDescription', {
          summary: summaryOf(groups, (g) => daysText(g.figures.medianDaysToAnswer), lang),
        })}
        unit={lang === 'en' ? ` ${t(lang, 'participation.figures.days')}` : t(lang, 'participation.figures.days')}
        max={Math.max(1, ...medians)}
        bars={groups.map((g) => ({ key: g.key, label: g.label, href: g.href, value: g.figures.medianDaysToAnswer, note: answeredNote(g.figures, lang) }))}
        columns={{ label: t(lang, 'participation.figures.agency'), value: t(lang, 'participation.figures.medianDays') }}
      />
      <GroupTable
        id="figures-agencies"
        caption={t(lang, 'participation.figures.byAgency.caption')}
        groupHeader={t(lang, 'participation.figures.agency')}
        groups={tableGroups(groups)}
        lang={lang}
      />
    </section>
  );
}

function ByConsultation(props: FiguresPageProps) {
  const { figures, consultations, plan, ctx } = props;
  const { lang } = ctx;
  const byId = new Map(consultations.map((c) => [c.id, c]));
  const groups: Group[] = figures.byConsultation.map(({ consultationId, figures: f }) => {
    const consultation = consultationId === null ? undefined : byId.get(consultationId);
    if (!consultation) return { key: 'none', label: t(lang, 'participation.figures.noConsultation'), figures: f };
    const name = pick(consultation.title, lang);
    const internal = consultation.audience === 'internal';
    // An internal round's page is its audience's; the public sees its figures and its name only.
    return {
      key: String(consultation.id),
      label: internal ? `${name} (${t(lang, 'participation.figures.internalRound')})` : name,
      href: internal ? undefined : href(lang, consultationPath(plan, consultation)),
      figures: f,
    };
  });
  return (
    <section aria-labelledby="s-consultations">
      <h2 id="s-consultations">{t(lang, 'participation.figures.byConsultation')}</h2>
      <BarChart
        id="figures-consultation-share"
        title={t(lang, 'participation.figures.byConsultation.chart')}
        caption={t(lang, 'participation.figures.byConsultation.chart')}
        description={t(lang, 'participation.figures.byConsultation.chartDescription', {
          summary: summaryOf(groups, (g) => shareText(g.figures.shareAnswered), lang),
        })}
        unit="%"
        max={100}
        bars={shareBars(groups, lang)}
        columns={{ label: t(lang, 'participation.figures.consultation'), value: t(lang, 'participation.figures.shareAnswered') }}
      />
      <GroupTable
        id="figures-consultations"
        caption={t(lang, 'participation.figures.byConsultation.caption')}
        groupHeader={t(lang, 'participation.figures.consultation')}
        groups={tableGroups(groups)}
        lang={lang}
      />
    </section>
  );
}
