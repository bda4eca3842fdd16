/** A plan's page: its sections, the ways to follow it, and its commitments by area with filters. */
import { pick } from '../../../domain/localized.js';
import { COMMITMENT_STATUSES, OGP_VALUES, type ActionPlan, type Agency, type Area, type CommitmentStatus, type Member } from '../../../domain/plan.js';
import type { Child } from 'hono/jsx';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import type { Feed } from '../../../web/sections.js';
import { areaEditPath, commitmentPath, newAreaPath, newCommitmentPath, planEditPath, planPath } from '../../../web/paths.js';
import {
  AgencyLink,
  DataTable,
  DefinitionList,
  DemoNotice,
  Paragraphs,
  SelectField,
  Text,
  TranslationBadge,
  formatPeriod,
  homeCrumbs,
  listSeparator,
  type Option,
} from '../../../web/ui/index.js';
import type { CommitmentSummary } from '../plans.queries.js';
import { StatusText, statusOf } from './parts.js';

export interface PlanFilters {
  area?: number | undefined;
  agency?: number | undefined;
  value?: string | undefined;
  status?: string | undefined;
}

export interface PlanPageProps {
  ctx: PageContext;
  plan: ActionPlan;
  member: Member | undefined;
  areas: Area[];
  commitments: CommitmentSummary[];
  /** Each shown commitment's public status (derived from its latest report), by id. */
  statuses?: ReadonlyMap<number, CommitmentStatus>;
  total: number;
  agencies: Map<number, Agency>;
  /** Agencies leading any commitment of the plan, for the filter. */
  leadAgencies: Agency[];
  filters: PlanFilters;
  canEditPlan: boolean;
  /** List items other modules add under "Following the plan" (web/sections.ts, slot `planFollow`). */
  follow: Child[];
  /** Sections other modules add after the plan's own content (slot `plan`), and the feeds they offer. */
  sections: Child[];
  feeds: Feed[];
}

const SECTIONS = ['introduction', 'effortsToDate', 'developmentProcess'] as const;

export function PlanPage(props: PlanPageProps) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  const title = pick(plan.title, lang);
  return (
    <Layout ctx={ctx} title={title} crumbs={[...homeCrumbs(lang), { label: title }]} feeds={props.feeds}>
      <h1>
        <Text value={plan.title} lang={lang} />
        <TranslationBadge value={plan.title} lang={lang} />
      </h1>
      {plan.isDemo ? <DemoNotice lang={lang} /> : null}
      <DefinitionList
        items={[
          { label: t(lang, 'plan.member'), value: props.member ? <Text value={props.member.name} lang={lang} /> : null },
          { label: t(lang, 'plan.period'), value: formatPeriod(plan.periodStart, plan.periodEnd, lang) },
          { label: t(lang, 'plan.status'), value: t(lang, `plan.status.${plan.status}`) },
        ]}
      />
      {props.canEditPlan ? (
        <p class="actions">
          <a class="button" href={href(lang, planEditPath(plan))}>
            {t(lang, 'plan.edit')}
          </a>
          <a href={href(lang, newAreaPath(plan))}>{t(lang, 'plan.addArea')}</a>
          <a href={href(lang, newCommitmentPath(plan))}>{t(lang, 'plan.addCommitment')}</a>
        </p>
      ) : null}
      {props.follow.length > 0 ? (
        <nav class="follow" aria-labelledby="follow-heading">
          <h2 id="follow-heading">{t(lang, 'plan.follow')}</h2>
          <ul>{props.follow}</ul>
        </nav>
      ) : null}
      <nav class="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">{t(lang, 'plan.contents')}</h2>
        <ol>
          {SECTIONS.map((key) => (
            <li>
              <a href={`#${key}`}>{t(lang, `plan.${key}`)}</a>
            </li>
          ))}
          <li>
            <a href="#commitments">{t(lang, 'plan.commitments')}</a>
          </li>
        </ol>
      </nav>
      {SECTIONS.map((key) => (
        <section aria-labelledby={key}>
          <h2 id={key}>{t(lang, `plan.${key}`)}</h2>
          <Paragraphs value={plan[key]} lang={lang} />
        </section>
      ))}
      <section aria-labelledby="commitments">
        <h2 id="commitments">{t(lang, 'plan.commitments')}</h2>
        <Paragraphs value={plan.commitmentsIntro} lang={lang} />
        <CommitmentFilters {...props} />
        <p role="status">{t(lang, 'plan.filter.count', { shown: props.commitments.length, total: props.total })}</p>
        {props.commitments.length === 0 ? <p>{t(lang, 'plan.filter.none')}</p> : null}
        {props.areas.map((area, index) => (
          <AreaCommitments {...props} area={area} index={index} />
        ))}
      </section>
      {props.sections}
    </Layout>
  );
}

function CommitmentFilters(props: PlanPageProps) {
  const { plan, filters } = props;
  const { lang } = props.ctx;
  const filtered = filters.area !== undefined || filters.agency !== undefined || filters.value !== undefined || filters.status !== undefined;
  const select = (name: keyof PlanFilters, label: string, options: Option[]) => (
    <SelectField name={name} label={label} lang={lang} errors={{}} value={filters[name]} includeEmpty options={options} />
  );
  return (
    <form method="get" action={`${href(lang, planPath(plan))}#commitments`} class="filters" aria-label={t(lang, 'plan.filter')}>
      {select(
        'area',
        t(lang, 'commitment.area'),
        props.areas.map((a, i) => ({ value: String(a.id), label: `${i + 1}. ${pick(a.title, lang)}` })),
      )}
      {select(
        'agency',
        t(lang, 'commitment.leadAgency'),
        props.leadAgencies.map((a) => ({ value: String(a.id), label: pick(a.name, lang) })),
      )}
      {select(
        'value',
        t(lang, 'commitment.ogpValues'),
        OGP_VALUES.map((v) => ({ value: v, label: t(lang, `value.${v}`) })),
      )}
      {select(
        'status',
        t(lang, 'commitment.status'),
        COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(lang, `commitment.status.${s}`) })),
      )}
      <div class="form-actions">
        <button type="submit" class="button">
          {t(lang, 'plan.filter.apply')}
        </button>
        {filtered ? <a href={`${href(lang, planPath(plan))}#commitments`}>{t(lang, 'plan.filter.reset')}</a> : null}
      </div>
    </form>
  );
}

function AreaCommitments(props: PlanPageProps & { area: Area; index: number }) {
  const { plan, area } = props;
  const { lang } = props.ctx;
  const inArea = props.commitments.filter((c) => c.areaId === area.id);
  if (inArea.length === 0) return null;
  const headingId = `area-${area.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        {props.index + 1}. <Text value={area.title} lang={lang} />
        {props.canEditPlan ? (
          <>
            {' '}
            <a class="badge" href={href(lang, areaEditPath(plan, area))}>
              {t(lang, 'area.edit')}
            </a>
          </>
        ) : null}
      </h3>
      <Paragraphs value={area.description} lang={lang} />
      <DataTable<CommitmentSummary>
        labelledBy={headingId}
        rows={inArea}
        columns={[
          { header: t(lang, 'commitment.number'), cell: (c) => c.number, nowrap: true },
          {
            header: t(lang, 'commitment.title'),
            cell: (c) => (
              <a href={href(lang, commitmentPath(plan, c))}>
                <Text value={c.title} lang={lang} />
              </a>
            ),
          },
          { header: t(lang, 'commitment.leadAgency'), cell: (c) => <AgencyLink agency={props.agencies.get(c.leadAgencyId)} lang={lang} /> },
          { header: t(lang, 'commitment.ogpValues'), cell: (c) => c.ogpValues.map((v) => t(lang, `value.${v}`)).join(listSeparator(lang)) },
          { header: t(lang, 'commitment.status'), cell: (c) => <StatusText status={statusOf(props.statuses, c)} lang={lang} /> },
        ]}
      />
    </section>
  );
}
