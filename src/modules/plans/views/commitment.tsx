/** A commitment's page: what it is, who leads it, its texts, links and milestones, and sections other modules add. */
import type { Child } from 'hono/jsx';
import { pick, type Lang } from '../../../domain/localized.js';
import type { ActionPlan, Agency, Area, Commitment, CommitmentStatus, Milestone } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { commitmentEditPath, commitmentHistoryPath, commitmentTransferPath, milestoneAnchor, milestoneEditPath, newMilestonePath } from '../../../web/paths.js';
import {
  AgencyLink,
  DataTable,
  DefinitionList,
  DemoNotice,
  LinksSection,
  Paragraphs,
  Text,
  TranslationBadge,
  clauseSeparator,
  formatDate,
  formatPeriod,
  listSeparator,
  planCrumbs,
} from '../../../web/ui/index.js';
import type { Transfer } from '../plans.queries.js';
import { StatusText } from './parts.js';

export interface CommitmentPageProps {
  ctx: PageContext;
  plan: ActionPlan;
  area: Area | undefined;
  commitment: Commitment;
  /** The status the public sees (derived from the latest report); the stored one when no report is known. */
  status?: CommitmentStatus;
  milestones: Milestone[];
  agencies: Map<number, Agency>;
  canEdit: boolean;
  canEditMilestones: boolean;
  /** Adding milestones (after adoption, the secretariat only: the forum decides). */
  canAddMilestones: boolean;
  canTransfer?: boolean;
  /** Earlier lead agencies, oldest first ("formerly led by …"). */
  transfers?: Transfer[];
  /** Sections other capabilities add (monitoring: status, progress over cycles, reports). */
  extra?: Child;
  /** Links other capabilities add beside the history link (list items: the changes since adoption). */
  links?: Child[];
  feeds?: { title: string; path: string }[];
}

const TEXT_SECTIONS = ['problem', 'objective', 'briefDescription', 'description', 'contribution', 'otherActors'] as const;

export function CommitmentPage(props: CommitmentPageProps) {
  const { ctx, plan, commitment: c } = props;
  const { lang } = ctx;
  const title = `${c.number} ${pick(c.title, lang)}`;
  return (
    <Layout ctx={ctx} title={title} crumbs={[...planCrumbs(lang, plan), { label: title }]} description={pick(c.briefDescription, lang)} feeds={props.feeds}>
      <h1>
        <span class="num">{c.number}</span> <Text value={c.title} lang={lang} />
        <TranslationBadge value={c.title} lang={lang} />
      </h1>
      {c.isDemo ? <DemoNotice lang={lang} /> : null}
      <p class="actions">
        {props.canEdit ? (
          <a class="button" href={href(lang, commitmentEditPath(plan, c))}>
            {t(lang, 'commitment.edit')}
          </a>
        ) : null}
        {props.canTransfer ? (
          <a class="button button-secondary" href={href(lang, commitmentTransferPath(plan, c))}>
            {t(lang, 'transfer.action')}
          </a>
        ) : null}
        <a href={href(lang, commitmentHistoryPath(plan, c))}>{t(lang, 'commitment.history')}</a>
      </p>
      {props.links && props.links.length > 0 ? <ul class="commitment-links">{props.links}</ul> : null}
      <CommitmentFacts {...props} />
      {props.extra ?? null}
      {TEXT_SECTIONS.map((key) =>
        pick(c[key], lang) ? (
          <section aria-labelledby={`s-${key}`}>
            <h2 id={`s-${key}`}>
              {t(lang, `commitment.${key}`)}
              <TranslationBadge value={c[key]} lang={lang} />
            </h2>
            <Paragraphs value={c[key]} lang={lang} />
          </section>
        ) : null,
      )}
      <LinksSection title={t(lang, 'commitment.links')} links={c.links} />
      <Milestones {...props} />
    </Layout>
  );
}

const none = (lang: Lang) => t(lang, 'commitment.none');

function CommitmentFacts(props: CommitmentPageProps) {
  const { commitment: c } = props;
  const { lang } = props.ctx;
  const contact = [c.contact.name, c.contact.title].filter(Boolean).join(listSeparator(lang));
  return (
    <DefinitionList
      items={[
        { label: t(lang, 'commitment.area'), value: props.area ? <Text value={props.area.title} lang={lang} /> : null },
        { label: t(lang, 'commitment.status'), value: <StatusText status={props.status ?? c.status} lang={lang} /> },
        { label: t(lang, 'commitment.dates'), value: formatPeriod(c.startDate, c.endDate, lang) },
        {
          label: t(lang, 'commitment.leadAgency'),
          value: (
            <>
              <AgencyLink agency={props.agencies.get(c.leadAgencyId)} lang={lang} fallback={none(lang)} />
              {(props.transfers ?? []).map((tr) => (
                <p class="former-lead">
                  {t(lang, 'transfer.formerly', { date: formatDate(tr.effectiveOn, lang) })}{' '}
                  <AgencyLink agency={props.agencies.get(tr.fromAgencyId)} lang={lang} fallback={none(lang)} />
                  {pick(tr.note, lang) ? (
                    <>
                      {clauseSeparator(lang)}
                      <Text value={tr.note} lang={lang} />
                    </>
                  ) : null}
                </p>
              ))}
            </>
          ),
        },
        {
          label: t(lang, 'commitment.coAgencies'),
          value:
            c.coAgencyIds.length === 0
              ? none(lang)
              : c.coAgencyIds.map((id, i) => (
                  <>
                    {i > 0 ? listSeparator(lang) : ''}
                    <AgencyLink agency={props.agencies.get(id)} lang={lang} fallback={none(lang)} />
                  </>
                )),
        },
        // Only a commitment in an OGP member's plan has an OGP ID; Taiwan's have none, so the row is left out.
        c.ogpId ? { label: t(lang, 'commitment.ogpId'), value: c.ogpId } : null,
        { label: t(lang, 'commitment.origin'), value: t(lang, `origin.${c.origin}`) },
        {
          label: t(lang, 'commitment.ogpValues'),
          value: c.ogpValues.length > 0 ? c.ogpValues.map((v) => t(lang, `value.${v}`)).join(listSeparator(lang)) : none(lang),
        },
        { label: t(lang, 'commitment.sdgTargets'), value: c.sdgTargets.length > 0 ? c.sdgTargets.join(', ') : none(lang) },
        {
          label: t(lang, 'commitment.budget'),
          value: (
            <>
              {c.budgetAmount !== null ? `${c.budgetCurrency ?? ''} ${Number(c.budgetAmount).toLocaleString(lang)}`.trim() : ''}
              {c.budgetAmount !== null && pick(c.budgetNote, lang) ? clauseSeparator(lang) : ''}
              <Text value={c.budgetNote} lang={lang} />
              {c.budgetAmount === null && !pick(c.budgetNote, lang) ? none(lang) : null}
            </>
          ),
        },
        {
          label: t(lang, 'commitment.contact'),
          value: (
            <>
              {contact || none(lang)}
              {c.contact.email ? (
                <>
                  {' '}
                  <a href={`mailto:${c.contact.email}`}>{c.contact.email}</a>
                </>
              ) : null}
              {c.contact.phone ? ` ${c.contact.phone}` : ''}
            </>
          ),
        },
      ]}
    />
  );
}

function Milestones(props: CommitmentPageProps) {
  const { plan, commitment: c } = props;
  const { lang } = props.ctx;
  return (
    <section aria-labelledby="s-milestones">
      <h2 id="s-milestones">{t(lang, 'commitment.milestones')}</h2>
      {props.canAddMilestones ? (
        <p class="actions">
          <a href={href(lang, newMilestonePath(plan, c))}>{t(lang, 'commitment.addMilestone')}</a>
        </p>
      ) : null}
      <DataTable<Milestone>
        labelledBy="s-milestones"
        rows={props.milestones}
        empty={t(lang, 'commitment.noMilestones')}
        rowAttributes={(m) => ({ id: milestoneAnchor(m) })}
        columns={[
          { header: t(lang, 'milestone.period'), cell: (m) => formatPeriod(m.startDate, m.endDate, lang), nowrap: true },
          { header: t(lang, 'milestone.deliverable'), cell: (m) => <Text value={m.deliverable} lang={lang} /> },
          { header: t(lang, 'milestone.indicator'), cell: (m) => <Text value={m.indicator} lang={lang} /> },
          { header: t(lang, 'milestone.target'), cell: (m) => <Text value={m.target} lang={lang} /> },
          props.canEditMilestones && {
            header: <span class="visually-hidden">{t(lang, 'milestone.edit')}</span>,
            cell: (m) => (
              <a href={href(lang, milestoneEditPath(plan, c, m))} aria-label={`${t(lang, 'milestone.edit')}: ${pick(m.deliverable, lang)}`}>
                {t(lang, 'milestone.editShort')}
              </a>
            ),
          },
        ]}
      />
    </section>
  );
}
