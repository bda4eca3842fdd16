/** The list of agencies, with how many commitments each leads or supports. */
import type { Agency } from '../../../domain/plan.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { AgencyLink, DataTable, homeCrumbs } from '../../../web/ui/index.js';

export function AgenciesPage(props: { ctx: PageContext; agencies: Agency[]; counts: Map<number, number> }) {
  const { lang } = props.ctx;
  const title = t(lang, 'agencies.title');
  return (
    <Layout ctx={props.ctx} title={title} crumbs={[...homeCrumbs(lang), { label: title }]}>
      <h1>{title}</h1>
      <DataTable<Agency>
        caption={title}
        hideCaption
        rows={props.agencies}
        columns={[
          { header: t(lang, 'agency.code'), cell: (a) => a.code, nowrap: true },
          { header: t(lang, 'agency.name'), cell: (a) => <AgencyLink agency={a} lang={lang} />, rowHeader: true },
          { header: t(lang, 'plan.commitments'), cell: (a) => props.counts.get(a.id) ?? 0, numeric: true },
        ]}
      />
    </Layout>
  );
}
