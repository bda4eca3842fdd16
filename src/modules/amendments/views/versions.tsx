/** A plan's versions (1 the adopted text, then each decision's), and a form to compare any two. */
import { pick } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { resolutionPath } from '../../../web/paths.js';
import { DataTable, SelectField, formatDate, planCrumbs } from '../../../web/ui/index.js';
import { comparePath, versionsPath } from '../amendments.paths.js';

export interface VersionRow {
  number: number;
  madeOn: string;
  resolution: { id: number; number: string } | null;
  amendments: number;
}

export function VersionsPage(props: { ctx: PageContext; plan: ActionPlan; versions: VersionRow[] }) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  const title = t(lang, 'amendments.versions.title', { title: pick(plan.title, lang) });
  const options = props.versions.map((v) => ({ value: String(v.number), label: String(v.number) }));
  const last = props.versions.at(-1)?.number ?? 1;
  return (
    <Layout ctx={ctx} title={title} crumbs={[...planCrumbs(lang, plan), { label: t(lang, 'amendments.versions.link') }]}>
      <h1>{title}</h1>
      <DataTable
        caption={t(lang, 'amendments.versions.link')}
        rows={props.versions}
        empty={<p>{t(lang, 'amendments.versions.empty')}</p>}
        columns={[
          { header: t(lang, 'amendments.versions.number'), cell: (v) => String(v.number), numeric: true },
          { header: t(lang, 'amendments.versions.madeOn'), cell: (v) => <time datetime={v.madeOn}>{formatDate(v.madeOn, lang)}</time>, nowrap: true },
          {
            header: t(lang, 'amendments.versions.basis'),
            cell: (v) =>
              v.resolution ? (
                <>
                  {t(lang, 'amendments.resolution')} <a href={href(lang, resolutionPath(plan, v.resolution))}>{v.resolution.number}</a> ·{' '}
                  {t(lang, 'amendments.versions.amendments', { count: v.amendments })}
                </>
              ) : (
                t(lang, 'amendments.versions.adopted')
              ),
          },
          {
            header: t(lang, 'amendments.compare.submit'),
            cell: (v) =>
              v.number > 1 ? (
                <a href={href(lang, comparePath(plan, v.number - 1, v.number))}>
                  {t(lang, 'amendments.versions.compareWithPrevious', { number: v.number - 1 })}
                </a>
              ) : (
                ''
              ),
          },
        ]}
      />
      {props.versions.length > 1 ? (
        <section aria-labelledby="s-compare">
          <h2 id="s-compare">{t(lang, 'amendments.compare.heading')}</h2>
          <form method="get" action={href(lang, `${versionsPath(plan)}/compare`)}>
            <SelectField name="from" label={t(lang, 'amendments.compare.from')} value="1" options={options} errors={{}} lang={lang} />
            <SelectField name="to" label={t(lang, 'amendments.compare.to')} value={String(last)} options={options} errors={{}} lang={lang} />
            <button type="submit" class="button">
              {t(lang, 'amendments.compare.submit')}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
