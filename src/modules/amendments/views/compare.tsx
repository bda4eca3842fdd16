/** The field-level differences between two versions of a plan's official text. */
import { pick } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { planCrumbs } from '../../../web/ui/index.js';
import type { VersionChange } from '../amendments.model.js';
import { versionsPath } from '../amendments.paths.js';
import { DiffTable } from './diff-table.js';

export function ComparePage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  from: number;
  to: number;
  changes: VersionChange[];
  names: ReadonlyMap<string, string>;
}) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  const title = t(lang, 'amendments.compare.title', { from: props.from, to: props.to, title: pick(plan.title, lang) });
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[...planCrumbs(lang, plan), { label: t(lang, 'amendments.versions.link'), path: versionsPath(plan) }, { label: title }]}
    >
      <h1>{title}</h1>
      <p>
        <a href={href(lang, versionsPath(plan))}>{t(lang, 'amendments.versions.link')}</a>
      </p>
      {props.changes.length === 0 ? <p>{t(lang, 'amendments.compare.none')}</p> : null}
      {props.changes.map((change) => (
        <section class="version-change">
          <h2>
            {t(lang, `amendments.entity.${change.entity}`, { id: change.id, number: change.number ?? '' })}
            {change.kind === 'changed' ? '' : ` ${t(lang, `amendments.kind.${change.kind}`)}`}
          </h2>
          <DiffTable entity={change.entity} changes={change.changes} lang={lang} names={props.names} />
        </section>
      ))}
    </Layout>
  );
}
