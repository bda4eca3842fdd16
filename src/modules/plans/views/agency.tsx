/** An agency's page: the commitments it leads or supports, its feed, and its successor after a reorganization. */
import type { Child } from 'hono/jsx';
import { pick } from '../../../domain/localized.js';
import type { ActionPlan, Agency, CommitmentStatus } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import type { Feed } from '../../../web/sections.js';
import { agencyFeedPath, agencyTransferPath, commitmentPath } from '../../../web/paths.js';
import { AgencyLink, DataTable, Notice, Text, agenciesCrumbs } from '../../../web/ui/index.js';
import type { CommitmentSummary } from '../plans.queries.js';
import { StatusText, statusOf } from './parts.js';

export function AgencyPage(props: {
  ctx: PageContext;
  agency: Agency;
  successor: Agency | undefined;
  commitments: CommitmentSummary[];
  /** Each commitment's public status (derived from its latest report), by id. */
  statuses?: ReadonlyMap<number, CommitmentStatus>;
  plans: Map<number, ActionPlan>;
  canTransfer?: boolean;
  /** Sections other modules add after the agency's own content (web/sections.ts, slot `agency`), and their feeds. */
  sections: Child[];
  feeds: Feed[];
}) {
  const { ctx, agency } = props;
  const { lang } = ctx;
  const name = pick(agency.name, lang);
  const feed = agencyFeedPath(agency);
  return (
    <Layout ctx={ctx} title={name} crumbs={[...agenciesCrumbs(lang), { label: name }]} feeds={[{ title: t(lang, 'feed.agency'), path: feed }, ...props.feeds]}>
      <h1>
        <Text value={agency.name} lang={lang} /> <span class="badge">{agency.code}</span>
      </h1>
      <p class="actions">
        <a href={href(lang, feed)}>{t(lang, 'feed.agency')}</a>
        {props.canTransfer ? (
          <a class="button button-secondary" href={href(lang, agencyTransferPath(agency))}>
            {t(lang, 'transfer.agencyTitle')}
          </a>
        ) : null}
      </p>
      {props.successor ? (
        <Notice>
          {t(lang, 'agency.formerly', { name: pick(props.successor.name, lang) })} (
          <AgencyLink agency={props.successor} lang={lang} />)
        </Notice>
      ) : null}
      <h2 id="agency-commitments">{t(lang, 'agency.commitments')}</h2>
      <DataTable<CommitmentSummary>
        labelledBy="agency-commitments"
        rows={props.commitments}
        empty={t(lang, 'agency.none')}
        columns={[
          { header: t(lang, 'commitment.number'), cell: (c) => c.number, nowrap: true },
          {
            header: t(lang, 'commitment.title'),
            cell: (c) => {
              const plan = props.plans.get(c.planId);
              return plan ? (
                <a href={href(lang, commitmentPath(plan, c))}>
                  <Text value={c.title} lang={lang} />
                </a>
              ) : null;
            },
          },
          { header: t(lang, 'plan.title'), cell: (c) => <Text value={props.plans.get(c.planId)?.title} lang={lang} /> },
          { header: t(lang, 'commitment.leadAgency'), cell: (c) => (c.leadAgencyId === agency.id ? t(lang, 'agency.leads') : t(lang, 'agency.supports')) },
          { header: t(lang, 'commitment.status'), cell: (c) => <StatusText status={statusOf(props.statuses, c)} lang={lang} /> },
        ]}
      />
      {props.sections}
    </Layout>
  );
}
