/** The calls for nominations to the forum's civil-society seats: seats, how chosen, dates, stage, accepted nominations. */
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { callPath, newCallPath } from '../../../web/paths.js';
import { DataTable, Text, formatPeriod } from '../../../web/ui/index.js';
import { callPhase, type NominationCall } from '../roster.model.js';
import { rosterCrumbs } from './parts.js';

export function CallsPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  calls: NominationCall[];
  accepted: Map<number, number>;
  today: string;
  canManage: boolean;
}) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  const title = t(lang, 'roster.calls.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[...rosterCrumbs(lang, plan), { label: title }]}>
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'roster.calls.intro')}</p>
      {props.canManage ? (
        <p class="actions">
          <a class="button" href={href(lang, newCallPath(plan))}>
            {t(lang, 'roster.call.new')}
          </a>
        </p>
      ) : null}
      <DataTable<NominationCall>
        caption={t(lang, 'roster.calls.caption', { count: props.calls.length })}
        rows={props.calls}
        empty={t(lang, 'roster.calls.none')}
        columns={[
          {
            header: t(lang, 'roster.call.title'),
            rowHeader: true,
            cell: (c) => (
              <a href={href(lang, callPath(plan, c))}>
                <Text value={c.title} lang={lang} />
              </a>
            ),
          },
          { header: t(lang, 'roster.call.seats'), numeric: true, cell: (c) => c.seats },
          { header: t(lang, 'roster.call.method'), cell: (c) => t(lang, `roster.call.method.${c.method}`) },
          { header: t(lang, 'roster.call.nominations'), nowrap: true, cell: (c) => formatPeriod(c.nominationsOpenOn, c.nominationsCloseOn, lang) },
          { header: t(lang, 'roster.call.phase'), cell: (c) => t(lang, `roster.call.phase.${callPhase(c, props.today)}`) },
          { header: t(lang, 'roster.call.accepted'), numeric: true, cell: (c) => props.accepted.get(c.id) ?? 0 },
        ]}
      />
    </Layout>
  );
}
