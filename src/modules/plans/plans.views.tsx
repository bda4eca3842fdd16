/** Pages for plans, areas, commitments, milestones and agencies. */
import type { Actor } from '../../domain/authorization.js';
import { pick, type Lang } from '../../domain/localized.js';
import {
  COMMITMENT_STATUSES,
  OGP_VALUES,
  ORIGINS,
  PLAN_STATUSES,
  type ActionPlan,
  type Agency,
  type Area,
  type Commitment,
  type Member,
  type Milestone,
} from '../../domain/plan.js';
import {
  CheckboxGroup,
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
  clauseSeparator,
  formatDate,
  formatPeriod,
  listSeparator,
  type FieldErrors,
  type Option,
} from '../../web/components.js';
import { href, type PageContext } from '../../web/context.js';
import type { CommitmentSummary, Transfer } from './plans.queries.js';
import type { Child } from 'hono/jsx';
import { t } from '../../web/i18n.js';
import { Layout, type Crumb } from '../../web/layout.js';

export const planPath = (plan: Pick<ActionPlan, 'slug'>) => `/plans/${plan.slug}`;
export const commitmentPath = (plan: Pick<ActionPlan, 'slug'>, c: Pick<Commitment, 'number'>) => `${planPath(plan)}/commitments/${c.number}`;
export const agencyPath = (a: Pick<Agency, 'code'>) => `/agencies/${a.code}`;

export function DemoNotice(props: { lang: Lang }) {
  return <p class="notice">{t(props.lang, 'demo.notice')}</p>;
}

function StatusText(props: { status: Commitment['status']; lang: Lang }) {
  return <span class={`status status-${props.status}`}>{t(props.lang, `commitment.status.${props.status}`)}</span>;
}

export function AgencyLink(props: { agency: Agency | undefined; lang: Lang }) {
  if (!props.agency) return <>{t(props.lang, 'commitment.none')}</>;
  return (
    <a href={href(props.lang, agencyPath(props.agency))}>
      <Text value={props.agency.name} lang={props.lang} />
    </a>
  );
}

// ------------------------------------------------------------------ home

export interface HomePlan {
  plan: ActionPlan;
  commitmentCount: number;
}

export function HomePage(props: { ctx: PageContext; members: Member[]; plans: HomePlan[]; canCreate: boolean }) {
  const { lang } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t(lang, 'home.title')} description={t(lang, 'site.tagline')}>
      <h1>{t(lang, 'home.title')}</h1>
      <p class="lede">{t(lang, 'home.intro')}</p>
      {props.canCreate ? (
        <p class="actions">
          <a class="button" href={href(lang, '/plans/new')}>
            {t(lang, 'home.newPlan')}
          </a>
        </p>
      ) : null}
      {props.plans.length === 0 ? <p>{t(lang, 'home.noPlans')}</p> : null}
      {props.members.map((member) => {
        const plans = props.plans.filter((p) => p.plan.memberId === member.id);
        if (plans.length === 0) return null;
        return (
          <section aria-labelledby={`member-${member.id}`}>
            <h2 id={`member-${member.id}`}>
              <Text value={member.name} lang={lang} /> <span class="badge">{t(lang, `member.kind.${member.kind}`)}</span>
            </h2>
            <ul class="cards">
              {plans.map(({ plan, commitmentCount }) => (
                <li class="card">
                  <h3>
                    <a href={href(lang, planPath(plan))}>
                      <Text value={plan.title} lang={lang} />
                    </a>
                  </h3>
                  <dl class="meta">
                    <dt>{t(lang, 'plan.period')}</dt>
                    <dd>{formatPeriod(plan.periodStart, plan.periodEnd, lang)}</dd>
                    <dt>{t(lang, 'plan.status')}</dt>
                    <dd>{t(lang, `plan.status.${plan.status}`)}</dd>
                    <dt>{t(lang, 'plan.commitments')}</dt>
                    <dd>{t(lang, 'home.commitments', { count: commitmentCount })}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}

// ------------------------------------------------------------------ plan

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
  total: number;
  agencies: Map<number, Agency>;
  /** Agencies leading any commitment of the plan, for the filter. */
  leadAgencies: Agency[];
  filters: PlanFilters;
  canEditPlan: boolean;
}

export function PlanPage(props: PlanPageProps) {
  const { ctx, plan, areas } = props;
  const { lang } = ctx;
  const title = pick(plan.title, lang);
  const agencyOptions: Option[] = props.leadAgencies.map((a) => ({ value: String(a.id), label: pick(a.name, lang) }));
  const filtered = props.filters.area !== undefined || props.filters.agency !== undefined || props.filters.value !== undefined || props.filters.status !== undefined;
  const sections = [
    ['introduction', plan.introduction],
    ['effortsToDate', plan.effortsToDate],
    ['developmentProcess', plan.developmentProcess],
  ] as const;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t(lang, 'nav.home'), path: '/' }, { label: title }]}>
      <h1>
        <Text value={plan.title} lang={lang} />
        <TranslationBadge value={plan.title} lang={lang} />
      </h1>
      {plan.isDemo ? <DemoNotice lang={lang} /> : null}
      <dl class="meta">
        <dt>{t(lang, 'plan.member')}</dt>
        <dd>{props.member ? <Text value={props.member.name} lang={lang} /> : null}</dd>
        <dt>{t(lang, 'plan.period')}</dt>
        <dd>{formatPeriod(plan.periodStart, plan.periodEnd, lang)}</dd>
        <dt>{t(lang, 'plan.status')}</dt>
        <dd>{t(lang, `plan.status.${plan.status}`)}</dd>
      </dl>
      {props.canEditPlan ? (
        <p class="actions">
          <a class="button" href={href(lang, `${planPath(plan)}/edit`)}>
            {t(lang, 'plan.edit')}
          </a>
          <a href={href(lang, `${planPath(plan)}/areas/new`)}>{t(lang, 'plan.addArea')}</a>
          <a href={href(lang, `${planPath(plan)}/commitments/new`)}>{t(lang, 'plan.addCommitment')}</a>
        </p>
      ) : null}
      <nav class="follow" aria-labelledby="follow-heading">
        <h2 id="follow-heading">{t(lang, 'plan.follow')}</h2>
        <ul>
          {(
            [
              ['progress', 'plan.linkProgress'],
              ['cycles', 'plan.linkCycles'],
              ['meetings', 'plan.linkMeetings'],
              ['resolutions', 'plan.linkResolutions'],
            ] as const
          ).map(([path, key]) => (
            <li>
              <a href={href(lang, `${planPath(plan)}/${path}`)}>{t(lang, key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <nav class="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">{t(lang, 'plan.contents')}</h2>
        <ol>
          {sections.map(([key]) => (
            <li>
              <a href={`#${key}`}>{t(lang, `plan.${key}`)}</a>
            </li>
          ))}
          <li>
            <a href="#commitments">{t(lang, 'plan.commitments')}</a>
          </li>
        </ol>
      </nav>
      {sections.map(([key, value]) => (
        <section aria-labelledby={key}>
          <h2 id={key}>{t(lang, `plan.${key}`)}</h2>
          <Paragraphs value={value} lang={lang} />
        </section>
      ))}
      <section aria-labelledby="commitments">
        <h2 id="commitments">{t(lang, 'plan.commitments')}</h2>
        <Paragraphs value={plan.commitmentsIntro} lang={lang} />
        <form method="get" action={`${href(lang, planPath(plan))}#commitments`} class="filters" aria-label={t(lang, 'plan.filter')}>
          <SelectField
            name="area"
            label={t(lang, 'commitment.area')}
            lang={lang}
            errors={{}}
            value={props.filters.area}
            includeEmpty
            options={areas.map((a, i) => ({ value: String(a.id), label: `${i + 1}. ${pick(a.title, lang)}` }))}
          />
          <SelectField name="agency" label={t(lang, 'commitment.leadAgency')} lang={lang} errors={{}} value={props.filters.agency} includeEmpty options={agencyOptions} />
          <SelectField
            name="value"
            label={t(lang, 'commitment.ogpValues')}
            lang={lang}
            errors={{}}
            value={props.filters.value}
            includeEmpty
            options={OGP_VALUES.map((v) => ({ value: v, label: t(lang, `value.${v}`) }))}
          />
          <SelectField
            name="status"
            label={t(lang, 'commitment.status')}
            lang={lang}
            errors={{}}
            value={props.filters.status}
            includeEmpty
            options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(lang, `commitment.status.${s}`) }))}
          />
          <div class="form-actions">
            <button type="submit" class="button">
              {t(lang, 'plan.filter.apply')}
            </button>
            {filtered ? <a href={`${href(lang, planPath(plan))}#commitments`}>{t(lang, 'plan.filter.reset')}</a> : null}
          </div>
        </form>
        <p role="status">{t(lang, 'plan.filter.count', { shown: props.commitments.length, total: props.total })}</p>
        {props.commitments.length === 0 ? <p>{t(lang, 'plan.filter.none')}</p> : null}
        {areas.map((area, index) => {
          const inArea = props.commitments.filter((c) => c.areaId === area.id);
          if (inArea.length === 0) return null;
          return (
            <section aria-labelledby={`area-${area.id}`}>
              <h3 id={`area-${area.id}`}>
                {index + 1}. <Text value={area.title} lang={lang} />
                {props.canEditPlan ? (
                  <>
                    {' '}
                    <a class="badge" href={href(lang, `${planPath(plan)}/areas/${area.id}/edit`)}>
                      {t(lang, 'area.edit')}
                    </a>
                  </>
                ) : null}
              </h3>
              <Paragraphs value={area.description} lang={lang} />
              <div class="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t(lang, 'commitment.number')}</th>
                      <th scope="col">{t(lang, 'commitment.title')}</th>
                      <th scope="col">{t(lang, 'commitment.leadAgency')}</th>
                      <th scope="col">{t(lang, 'commitment.ogpValues')}</th>
                      <th scope="col">{t(lang, 'commitment.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {inArea.map((c) => (
                      <tr>
                        <td class="num">{c.number}</td>
                        <td>
                          <a href={href(lang, commitmentPath(plan, c))}>
                            <Text value={c.title} lang={lang} />
                          </a>
                        </td>
                        <td>
                          <AgencyLink agency={props.agencies.get(c.leadAgencyId)} lang={lang} />
                        </td>
                        <td>{c.ogpValues.map((v) => t(lang, `value.${v}`)).join(listSeparator(lang))}</td>
                        <td>
                          <StatusText status={c.status} lang={lang} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          );
        })}
      </section>
    </Layout>
  );
}

// ------------------------------------------------------------------ commitment

export interface CommitmentPageProps {
  ctx: PageContext;
  plan: ActionPlan;
  area: Area | undefined;
  commitment: Commitment;
  milestones: Milestone[];
  agencies: Map<number, Agency>;
  canEdit: boolean;
  canEditMilestones: boolean;
  canTransfer?: boolean;
  /** Earlier lead agencies, oldest first ("formerly led by …"). */
  transfers?: Transfer[];
  /** Sections other capabilities add (monitoring: status, progress over cycles, reports). */
  extra?: Child;
  feeds?: { title: string; path: string }[];
}

export function CommitmentPage(props: CommitmentPageProps) {
  const { ctx, plan, commitment: c } = props;
  const { lang } = ctx;
  const title = `${c.number} ${pick(c.title, lang)}`;
  const lead = props.agencies.get(c.leadAgencyId);
  const textSections = [
    ['problem', c.problem],
    ['objective', c.objective],
    ['briefDescription', c.briefDescription],
    ['description', c.description],
    ['contribution', c.contribution],
    ['otherActors', c.otherActors],
  ] as const;
  const contact = [c.contact.name, c.contact.title].filter(Boolean).join(listSeparator(lang));
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t(lang, 'nav.home'), path: '/' },
        { label: pick(plan.title, lang), path: planPath(plan) },
        { label: title },
      ]}
      description={pick(c.briefDescription, lang)}
      feeds={props.feeds}
    >
      <h1>
        <span class="num">{c.number}</span> <Text value={c.title} lang={lang} />
        <TranslationBadge value={c.title} lang={lang} />
      </h1>
      {c.isDemo ? <DemoNotice lang={lang} /> : null}
      <p class="actions">
        {props.canEdit ? (
          <a class="button" href={href(lang, `${commitmentPath(plan, c)}/edit`)}>
            {t(lang, 'commitment.edit')}
          </a>
        ) : null}
        {props.canTransfer ? (
          <a class="button button-secondary" href={href(lang, `${commitmentPath(plan, c)}/transfer`)}>
            {t(lang, 'transfer.action')}
          </a>
        ) : null}
        <a href={href(lang, `${commitmentPath(plan, c)}/history`)}>{t(lang, 'commitment.history')}</a>
      </p>
      <dl class="meta">
        <dt>{t(lang, 'commitment.area')}</dt>
        <dd>{props.area ? <Text value={props.area.title} lang={lang} /> : null}</dd>
        <dt>{t(lang, 'commitment.status')}</dt>
        <dd>
          <StatusText status={c.status} lang={lang} />
        </dd>
        <dt>{t(lang, 'commitment.dates')}</dt>
        <dd>{formatPeriod(c.startDate, c.endDate, lang)}</dd>
        <dt>{t(lang, 'commitment.leadAgency')}</dt>
        <dd>
          <AgencyLink agency={lead} lang={lang} />
          {(props.transfers ?? []).map((tr) => (
            <p class="former-lead">
              {t(lang, 'transfer.formerly', { date: formatDate(tr.effectiveOn, lang) })} <AgencyLink agency={props.agencies.get(tr.fromAgencyId)} lang={lang} />
              {pick(tr.note, lang) ? <>{clauseSeparator(lang)}<Text value={tr.note} lang={lang} /></> : null}
            </p>
          ))}
        </dd>
        <dt>{t(lang, 'commitment.coAgencies')}</dt>
        <dd>
          {c.coAgencyIds.length === 0
            ? t(lang, 'commitment.none')
            : c.coAgencyIds.map((id, i) => (
                <>
                  {i > 0 ? listSeparator(lang) : ''}
                  <AgencyLink agency={props.agencies.get(id)} lang={lang} />
                </>
              ))}
        </dd>
        <dt>{t(lang, 'commitment.ogpId')}</dt>
        <dd>{c.ogpId ?? t(lang, 'commitment.none')}</dd>
        <dt>{t(lang, 'commitment.origin')}</dt>
        <dd>{t(lang, `origin.${c.origin}`)}</dd>
        <dt>{t(lang, 'commitment.ogpValues')}</dt>
        <dd>{c.ogpValues.length > 0 ? c.ogpValues.map((v) => t(lang, `value.${v}`)).join(listSeparator(lang)) : t(lang, 'commitment.none')}</dd>
        <dt>{t(lang, 'commitment.sdgTargets')}</dt>
        <dd>{c.sdgTargets.length > 0 ? c.sdgTargets.join(', ') : t(lang, 'commitment.none')}</dd>
        <dt>{t(lang, 'commitment.budget')}</dt>
        <dd>
          {c.budgetAmount !== null ? `${c.budgetCurrency ?? ''} ${Number(c.budgetAmount).toLocaleString(lang)}`.trim() : ''}
          {c.budgetAmount !== null && pick(c.budgetNote, lang) ? clauseSeparator(lang) : ''}
          <Text value={c.budgetNote} lang={lang} />
          {c.budgetAmount === null && !pick(c.budgetNote, lang) ? t(lang, 'commitment.none') : null}
        </dd>
        <dt>{t(lang, 'commitment.contact')}</dt>
        <dd>
          {contact || t(lang, 'commitment.none')}
          {c.contact.email ? (
            <>
              {' '}
              <a href={`mailto:${c.contact.email}`}>{c.contact.email}</a>
            </>
          ) : null}
          {c.contact.phone ? ` ${c.contact.phone}` : ''}
        </dd>
      </dl>
      {props.extra ?? null}
      {textSections.map(([key, value]) =>
        pick(value, lang) ? (
          <section aria-labelledby={`s-${key}`}>
            <h2 id={`s-${key}`}>
              {t(lang, `commitment.${key}`)}
              <TranslationBadge value={value} lang={lang} />
            </h2>
            <Paragraphs value={value} lang={lang} />
          </section>
        ) : null,
      )}
      {c.links.length > 0 ? (
        <section aria-labelledby="s-links">
          <h2 id="s-links">{t(lang, 'commitment.links')}</h2>
          <ul>
            {c.links.map((l) => (
              <li>
                <a href={l.url} rel="noopener">
                  {l.title || l.url}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="s-milestones">
        <h2 id="s-milestones">{t(lang, 'commitment.milestones')}</h2>
        {props.canEditMilestones ? (
          <p class="actions">
            <a href={href(lang, `${commitmentPath(plan, c)}/milestones/new`)}>{t(lang, 'commitment.addMilestone')}</a>
          </p>
        ) : null}
        {props.milestones.length === 0 ? (
          <p>{t(lang, 'commitment.noMilestones')}</p>
        ) : (
          <div class="table-scroll">
            <table aria-labelledby="s-milestones">
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'milestone.period')}</th>
                  <th scope="col">{t(lang, 'milestone.deliverable')}</th>
                  <th scope="col">{t(lang, 'milestone.indicator')}</th>
                  <th scope="col">{t(lang, 'milestone.target')}</th>
                  {props.canEditMilestones ? (
                    <th scope="col">
                      <span class="visually-hidden">{t(lang, 'milestone.edit')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {props.milestones.map((m) => (
                  <tr id={`m${m.id}`}>
                    <td class="num">{formatPeriod(m.startDate, m.endDate, lang)}</td>
                    <td>
                      <Text value={m.deliverable} lang={lang} />
                    </td>
                    <td>
                      <Text value={m.indicator} lang={lang} />
                    </td>
                    <td>
                      <Text value={m.target} lang={lang} />
                    </td>
                    {props.canEditMilestones ? (
                      <td>
                        <a href={href(lang, `${commitmentPath(plan, c)}/milestones/${m.id}/edit`)} aria-label={`${t(lang, 'milestone.edit')}: ${pick(m.deliverable, lang)}`}>
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
      </section>
    </Layout>
  );
}

// ------------------------------------------------------------------ agencies

export function AgenciesPage(props: { ctx: PageContext; agencies: Agency[]; counts: Map<number, number> }) {
  const { lang } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t(lang, 'agencies.title')} crumbs={[{ label: t(lang, 'nav.home'), path: '/' }, { label: t(lang, 'agencies.title') }]}>
      <h1>{t(lang, 'agencies.title')}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'agency.code')}</th>
            <th scope="col">{t(lang, 'agency.name')}</th>
            <th scope="col">{t(lang, 'plan.commitments')}</th>
          </tr>
        </thead>
        <tbody>
          {props.agencies.map((a) => (
            <tr>
              <td>{a.code}</td>
              <td>
                <AgencyLink agency={a} lang={lang} />
              </td>
              <td class="num">{props.counts.get(a.id) ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export function AgencyPage(props: {
  ctx: PageContext;
  agency: Agency;
  successor: Agency | undefined;
  commitments: CommitmentSummary[];
  plans: Map<number, ActionPlan>;
  canTransfer?: boolean;
}) {
  const { ctx, agency } = props;
  const { lang } = ctx;
  const name = pick(agency.name, lang);
  const feed = `${agencyPath(agency)}/reports.atom`;
  return (
    <Layout
      ctx={ctx}
      title={name}
      crumbs={[{ label: t(lang, 'nav.home'), path: '/' }, { label: t(lang, 'agencies.title'), path: '/agencies' }, { label: name }]}
      feeds={[{ title: t(lang, 'feed.agency'), path: feed }]}
    >
      <h1>
        <Text value={agency.name} lang={lang} /> <span class="badge">{agency.code}</span>
      </h1>
      <p class="actions">
        <a href={href(lang, feed)}>{t(lang, 'feed.agency')}</a>
        {props.canTransfer ? (
          <a class="button button-secondary" href={href(lang, `${agencyPath(agency)}/transfer`)}>
            {t(lang, 'transfer.agencyTitle')}
          </a>
        ) : null}
      </p>
      {props.successor ? (
        <p class="notice">
          {t(lang, 'agency.formerly', { name: pick(props.successor.name, lang) })} (
          <AgencyLink agency={props.successor} lang={lang} />)
        </p>
      ) : null}
      <h2>{t(lang, 'agency.commitments')}</h2>
      {props.commitments.length === 0 ? (
        <p>{t(lang, 'agency.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'commitment.number')}</th>
              <th scope="col">{t(lang, 'commitment.title')}</th>
              <th scope="col">{t(lang, 'plan.title')}</th>
              <th scope="col">{t(lang, 'commitment.leadAgency')}</th>
              <th scope="col">{t(lang, 'commitment.status')}</th>
            </tr>
          </thead>
          <tbody>
            {props.commitments.map((c) => {
              const plan = props.plans.get(c.planId);
              return (
                <tr>
                  <td class="num">{c.number}</td>
                  <td>
                    {plan ? (
                      <a href={href(lang, commitmentPath(plan, c))}>
                        <Text value={c.title} lang={lang} />
                      </a>
                    ) : null}
                  </td>
                  <td>{plan ? <Text value={plan.title} lang={lang} /> : null}</td>
                  <td>{c.leadAgencyId === agency.id ? t(lang, 'agency.leads') : t(lang, 'agency.supports')}</td>
                  <td>
                    <StatusText status={c.status} lang={lang} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

// ------------------------------------------------------------------ forms

interface FormProps<T> {
  ctx: PageContext;
  values: T;
  errors: FieldErrors;
  conflict?: boolean;
}

function FormPage(props: { ctx: PageContext; title: string; crumbs: Crumb[]; action: string; errors: FieldErrors; conflict?: boolean; children: unknown; submitLabel: string; cancel: string; version?: number }) {
  const { lang } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={props.title} crumbs={props.crumbs}>
      <h1>{props.title}</h1>
      <ErrorSummary errors={props.errors} lang={lang} conflict={props.conflict} />
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        {props.version !== undefined ? <input type="hidden" name="version" value={String(props.version)} /> : null}
        {props.children as never}
        <FormActions lang={lang} submitLabel={props.submitLabel} cancelHref={props.cancel} />
      </form>
    </Layout>
  );
}

export function DeleteForm(props: { ctx: PageContext; action: string; version: number; label: string }) {
  const { lang } = props.ctx;
  return (
    <form method="post" action={props.action} class="delete-form">
      <CsrfField token={props.ctx.csrfToken} />
      <input type="hidden" name="version" value={String(props.version)} />
      <p class="help">{t(lang, 'form.confirmDelete')}</p>
      <button type="submit" class="button button-danger">
        {props.label}
      </button>
    </form>
  );
}

export type PlanFormValues = Omit<ActionPlan, 'id' | 'isDemo' | 'version'> & { version?: number };

export function PlanFormPage(props: FormProps<PlanFormValues> & { plan: ActionPlan | null; members: Member[] }) {
  const { ctx, values: v, errors } = props;
  const { lang } = ctx;
  const title = props.plan ? `${t(lang, 'plan.edit')}: ${pick(props.plan.title, lang)}` : t(lang, 'plan.new');
  const action = href(lang, props.plan ? `${planPath(props.plan)}/edit` : '/plans/new');
  const cancel = href(lang, props.plan ? planPath(props.plan) : '/');
  return (
    <FormPage
      ctx={ctx}
      title={title}
      crumbs={[{ label: t(lang, 'nav.home'), path: '/' }, ...(props.plan ? [{ label: pick(props.plan.title, lang), path: planPath(props.plan) }] : []), { label: title }]}
      action={action}
      errors={errors}
      conflict={props.conflict}
      submitLabel={t(lang, props.plan ? 'form.save' : 'form.create')}
      cancel={cancel}
      version={v.version}
    >
      <LocalizedField name="title" label={t(lang, 'plan.title')} value={v.title} errors={errors} lang={lang} required />
      <InputField name="slug" label={t(lang, 'plan.slug')} value={v.slug} errors={errors} lang={lang} required />
      <SelectField
        name="memberId"
        label={t(lang, 'plan.member')}
        value={v.memberId || ''}
        errors={errors}
        lang={lang}
        required
        includeEmpty
        options={props.members.map((m) => ({ value: String(m.id), label: `${m.code} · ${pick(m.name, lang)}` }))}
      />
      <InputField name="periodStart" type="date" label={t(lang, 'commitment.startDate')} value={v.periodStart} errors={errors} lang={lang} required />
      <InputField name="periodEnd" type="date" label={t(lang, 'commitment.endDate')} value={v.periodEnd} errors={errors} lang={lang} required />
      <SelectField
        name="status"
        label={t(lang, 'plan.status')}
        value={v.status}
        errors={errors}
        lang={lang}
        options={PLAN_STATUSES.map((s) => ({ value: s, label: t(lang, `plan.status.${s}`) }))}
      />
      <LocalizedField name="introduction" label={t(lang, 'plan.introduction')} value={v.introduction} errors={errors} lang={lang} multiline rows={6} />
      <LocalizedField name="effortsToDate" label={t(lang, 'plan.effortsToDate')} value={v.effortsToDate} errors={errors} lang={lang} multiline rows={6} />
      <LocalizedField name="developmentProcess" label={t(lang, 'plan.developmentProcess')} value={v.developmentProcess} errors={errors} lang={lang} multiline rows={6} />
      <LocalizedField name="commitmentsIntro" label={t(lang, 'plan.commitmentsIntro')} value={v.commitmentsIntro} errors={errors} lang={lang} multiline rows={4} />
    </FormPage>
  );
}

export type AreaFormValues = Pick<Area, 'position' | 'title' | 'description'> & { version?: number };

export function AreaFormPage(props: FormProps<AreaFormValues> & { plan: ActionPlan; area: Area | null }) {
  const { ctx, values: v, errors, plan } = props;
  const { lang } = ctx;
  const title = props.area ? t(lang, 'area.edit') : t(lang, 'area.new');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t(lang, 'nav.home'), path: '/' }, { label: pick(plan.title, lang), path: planPath(plan) }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} lang={lang} conflict={props.conflict} />
      <form method="post" action={href(lang, props.area ? `${planPath(plan)}/areas/${props.area.id}/edit` : `${planPath(plan)}/areas/new`)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {v.version !== undefined ? <input type="hidden" name="version" value={String(v.version)} /> : null}
        <LocalizedField name="title" label={t(lang, 'area.title')} value={v.title} errors={errors} lang={lang} required />
        <InputField name="position" type="number" label={t(lang, 'area.position')} value={v.position} errors={errors} lang={lang} required />
        <LocalizedField name="description" label={t(lang, 'area.description')} value={v.description} errors={errors} lang={lang} multiline />
        <FormActions lang={lang} submitLabel={t(lang, props.area ? 'form.save' : 'form.create')} cancelHref={href(lang, planPath(plan))} />
      </form>
      {props.area ? <DeleteForm ctx={ctx} action={href(lang, `${planPath(plan)}/areas/${props.area.id}/delete`)} version={props.area.version} label={t(lang, 'area.delete')} /> : null}
    </Layout>
  );
}

export type CommitmentFormValues = Omit<Commitment, 'id' | 'isDemo' | 'version' | 'planId'> & { version?: number };

export function CommitmentFormPage(
  props: FormProps<CommitmentFormValues> & { plan: ActionPlan; commitment: Commitment | null; areas: Area[]; agencies: Agency[]; actor: Actor | null; lockedFields: readonly string[] },
) {
  const { ctx, values: v, errors, plan } = props;
  const { lang } = ctx;
  const locked = (field: string) => props.lockedFields.includes(field);
  const title = props.commitment ? `${t(lang, 'commitment.edit')}: ${props.commitment.number}` : t(lang, 'commitment.new');
  const base = props.commitment ? commitmentPath(plan, props.commitment) : planPath(plan);
  const agencyOptions = props.agencies.map((a) => ({ value: String(a.id), label: `${pick(a.name, lang)} (${a.code})` }));
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t(lang, 'nav.home'), path: '/' }, { label: pick(plan.title, lang), path: planPath(plan) }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} lang={lang} conflict={props.conflict} />
      <form method="post" action={href(lang, props.commitment ? `${base}/edit` : `${planPath(plan)}/commitments/new`)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {v.version !== undefined ? <input type="hidden" name="version" value={String(v.version)} /> : null}
        {props.lockedFields.length > 0 ? <p class="notice">{t(lang, 'commitment.lockedFields')}</p> : null}
        {locked('areaId') ? null : (
          <SelectField
            name="areaId"
            label={t(lang, 'commitment.area')}
            value={v.areaId || ''}
            errors={errors}
            lang={lang}
            required
            includeEmpty
            options={props.areas.map((a, i) => ({ value: String(a.id), label: `${i + 1}. ${pick(a.title, lang)}` }))}
          />
        )}
        {locked('number') ? null : <InputField name="number" label={t(lang, 'commitment.number')} value={v.number} errors={errors} lang={lang} required help="1-1" />}
        {locked('ogpId') ? null : <InputField name="ogpId" label={t(lang, 'commitment.ogpId')} value={v.ogpId ?? ''} errors={errors} lang={lang} help="TW0001" />}
        <LocalizedField name="title" label={t(lang, 'commitment.title')} value={v.title} errors={errors} lang={lang} required />
        {locked('startDate') ? null : (
          <>
            <InputField name="startDate" type="date" label={t(lang, 'commitment.startDate')} value={v.startDate} errors={errors} lang={lang} required />
            <InputField name="endDate" type="date" label={t(lang, 'commitment.endDate')} value={v.endDate} errors={errors} lang={lang} required />
          </>
        )}
        {locked('leadAgencyId') ? null : (
          <SelectField name="leadAgencyId" label={t(lang, 'commitment.leadAgency')} value={v.leadAgencyId || ''} errors={errors} lang={lang} required includeEmpty options={agencyOptions} />
        )}
        {locked('coAgencyIds') ? null : (
          <CheckboxGroup name="coAgencyIds" label={t(lang, 'commitment.coAgencies')} values={v.coAgencyIds.map(String)} options={agencyOptions} errors={errors} lang={lang} />
        )}
        {locked('origin') ? null : (
          <SelectField name="origin" label={t(lang, 'commitment.origin')} value={v.origin} errors={errors} lang={lang} required options={ORIGINS.map((o) => ({ value: o, label: t(lang, `origin.${o}`) }))} />
        )}
        <SelectField
          name="status"
          label={t(lang, 'commitment.status')}
          value={v.status}
          errors={errors}
          lang={lang}
          options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(lang, `commitment.status.${s}`) }))}
        />
        <LocalizedField name="problem" label={t(lang, 'commitment.problem')} value={v.problem} errors={errors} lang={lang} multiline />
        <LocalizedField name="objective" label={t(lang, 'commitment.objective')} value={v.objective} errors={errors} lang={lang} multiline />
        <LocalizedField name="briefDescription" label={t(lang, 'commitment.briefDescription')} value={v.briefDescription} errors={errors} lang={lang} multiline rows={2} />
        <LocalizedField name="description" label={t(lang, 'commitment.description')} value={v.description} errors={errors} lang={lang} multiline rows={6} />
        <LocalizedField name="contribution" label={t(lang, 'commitment.contribution')} value={v.contribution} errors={errors} lang={lang} multiline />
        <CheckboxGroup name="ogpValues" label={t(lang, 'commitment.ogpValues')} values={v.ogpValues} options={OGP_VALUES.map((o) => ({ value: o, label: t(lang, `value.${o}`) }))} errors={errors} lang={lang} />
        <InputField name="sdgTargets" label={t(lang, 'commitment.sdgTargets')} value={v.sdgTargets.join(', ')} errors={errors} lang={lang} help={t(lang, 'commitment.sdgHelp')} />
        <InputField name="budgetAmount" label={t(lang, 'commitment.budgetAmount')} value={v.budgetAmount ?? ''} errors={errors} lang={lang} />
        <InputField name="budgetCurrency" label={t(lang, 'commitment.budgetCurrency')} value={v.budgetCurrency ?? ''} errors={errors} lang={lang} help="TWD" />
        <LocalizedField name="budgetNote" label={t(lang, 'commitment.budgetNote')} value={v.budgetNote} errors={errors} lang={lang} multiline rows={2} />
        <LocalizedField name="otherActors" label={t(lang, 'commitment.otherActors')} value={v.otherActors} errors={errors} lang={lang} multiline rows={2} />
        <InputField name="contact.name" label={t(lang, 'commitment.contact.name')} value={v.contact.name} errors={errors} lang={lang} />
        <InputField name="contact.title" label={t(lang, 'commitment.contact.title')} value={v.contact.title} errors={errors} lang={lang} />
        <InputField name="contact.email" type="email" label={t(lang, 'commitment.contact.email')} value={v.contact.email} errors={errors} lang={lang} />
        <InputField name="contact.phone" label={t(lang, 'commitment.contact.phone')} value={v.contact.phone} errors={errors} lang={lang} />
        <TextAreaField
          name="links"
          label={t(lang, 'commitment.links')}
          help={t(lang, 'commitment.links.help')}
          value={v.links.map((l) => `${l.title} ${l.url}`.trim()).join('\n')}
          errors={errors}
          lang={lang}
        />
        <FormActions lang={lang} submitLabel={t(lang, props.commitment ? 'form.save' : 'form.create')} cancelHref={href(lang, props.commitment ? base : planPath(plan))} />
      </form>
      {props.commitment && props.lockedFields.length === 0 ? (
        <DeleteForm ctx={ctx} action={href(lang, `${base}/delete`)} version={props.commitment.version} label={t(lang, 'commitment.delete')} />
      ) : null}
    </Layout>
  );
}

export type MilestoneFormValues = Pick<Milestone, 'position' | 'deliverable' | 'indicator' | 'target' | 'startDate' | 'endDate' | 'weight'> & { version?: number };

export function MilestoneFormPage(props: FormProps<MilestoneFormValues> & { plan: ActionPlan; commitment: Commitment; milestone: Milestone | null }) {
  const { ctx, values: v, errors, plan, commitment } = props;
  const { lang } = ctx;
  const title = props.milestone ? t(lang, 'milestone.edit') : t(lang, 'milestone.new');
  const base = commitmentPath(plan, commitment);
  return (
    <Layout
      ctx={ctx}
      title={`${title} · ${commitment.number}`}
      crumbs={[
        { label: t(lang, 'nav.home'), path: '/' },
        { label: pick(plan.title, lang), path: planPath(plan) },
        { label: `${commitment.number} ${pick(commitment.title, lang)}`, path: base },
        { label: title },
      ]}
    >
      <h1>
        {title} · {commitment.number}
      </h1>
      <ErrorSummary errors={errors} lang={lang} conflict={props.conflict} />
      <p>
        {t(lang, 'commitment.dates')}: {formatPeriod(commitment.startDate, commitment.endDate, lang)}
      </p>
      <form method="post" action={href(lang, props.milestone ? `${base}/milestones/${props.milestone.id}/edit` : `${base}/milestones/new`)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {v.version !== undefined ? <input type="hidden" name="version" value={String(v.version)} /> : null}
        <LocalizedField name="deliverable" label={t(lang, 'milestone.deliverable')} value={v.deliverable} errors={errors} lang={lang} required multiline rows={2} />
        <LocalizedField name="indicator" label={t(lang, 'milestone.indicator')} value={v.indicator} errors={errors} lang={lang} multiline rows={2} />
        <LocalizedField name="target" label={t(lang, 'milestone.target')} value={v.target} errors={errors} lang={lang} />
        <InputField name="startDate" type="date" label={t(lang, 'milestone.startDate')} value={v.startDate} errors={errors} lang={lang} required />
        <InputField name="endDate" type="date" label={t(lang, 'milestone.endDate')} value={v.endDate} errors={errors} lang={lang} required />
        <InputField name="position" type="number" label={t(lang, 'milestone.position')} value={v.position} errors={errors} lang={lang} />
        <InputField name="weight" type="number" label={t(lang, 'milestone.weight')} help={t(lang, 'milestone.weightHint')} value={v.weight} errors={errors} lang={lang} />
        <FormActions lang={lang} submitLabel={t(lang, props.milestone ? 'form.save' : 'form.create')} cancelHref={href(lang, base)} />
      </form>
      {props.milestone ? (
        <DeleteForm ctx={ctx} action={href(lang, `${base}/milestones/${props.milestone.id}/delete`)} version={props.milestone.version} label={t(lang, 'milestone.delete')} />
      ) : null}
    </Layout>
  );
}
