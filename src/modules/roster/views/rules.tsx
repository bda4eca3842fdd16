/** The forum's rules: one version (the one in force, or an old one at its own address) and the list of every version. */
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { forumRulesEditPath, forumRulesPath, forumRulesVersionPath, newForumRulesPath } from '../../../web/paths.js';
import { DataTable, DateText, DefinitionList, DemoNotice, Notice, Paragraphs, Text, formatDateTime } from '../../../web/ui/index.js';
import type { ForumRules } from '../roster.model.js';
import { rosterCrumbs } from './parts.js';

export function RulesPage(props: { ctx: PageContext; plan: ActionPlan; shown: ForumRules | undefined; versions: ForumRules[]; canManage: boolean }) {
  const { ctx, plan, shown, versions } = props;
  const { lang } = ctx;
  const current = versions[0];
  const title = t(lang, 'roster.rules.title');
  const heading = shown ? `${title} · ${t(lang, 'roster.rules.version', { number: shown.number })}` : title;
  return (
    <Layout ctx={ctx} title={heading} crumbs={[...rosterCrumbs(lang, plan), { label: heading }]}>
      <h1>{heading}</h1>
      {shown?.isDemo ? <DemoNotice lang={lang} /> : null}
      {shown && current && shown.number !== current.number ? (
        <Notice tone="info">
          {t(lang, 'roster.rules.old', { number: shown.number, current: current.number })}{' '}
          <a href={href(lang, forumRulesPath(plan))}>{t(lang, 'roster.rules.readCurrent')}</a>
        </Notice>
      ) : null}
      {props.canManage ? (
        <p class="actions">
          <a class="button" href={href(lang, newForumRulesPath(plan))}>
            {t(lang, 'roster.rules.new')}
          </a>
          {shown ? <a href={href(lang, forumRulesEditPath(plan, shown))}>{t(lang, 'roster.rules.correct')}</a> : null}
        </p>
      ) : null}
      {shown ? (
        <>
          <DefinitionList
            items={[
              { label: t(lang, 'roster.rules.effectiveOn'), value: <DateText date={shown.effectiveOn} lang={lang} /> },
              {
                label: t(lang, 'roster.rules.publishedAt'),
                value: <time datetime={shown.publishedAt.toISOString()}>{formatDateTime(shown.publishedAt, lang)}</time>,
              },
              (shown.changeNote.zh !== '' || shown.changeNote.en !== '') && {
                label: t(lang, 'roster.rules.changeNote'),
                value: <Text value={shown.changeNote} lang={lang} />,
              },
            ]}
          />
          <Paragraphs value={shown.body} lang={lang} />
        </>
      ) : (
        <p>{t(lang, 'roster.rulesNone')}</p>
      )}
      {versions.length > 0 ? (
        <section aria-labelledby="s-versions">
          <h2 id="s-versions">{t(lang, 'roster.rules.versions')}</h2>
          <DataTable<ForumRules>
            caption={t(lang, 'roster.rules.versions.caption', { count: versions.length })}
            hideCaption
            rows={versions}
            rowAttributes={(r) => ({ 'aria-current': r.number === shown?.number ? 'true' : undefined })}
            columns={[
              {
                header: t(lang, 'roster.rules.number'),
                rowHeader: true,
                cell: (r) => (
                  <a href={href(lang, forumRulesVersionPath(plan, r))}>
                    {t(lang, 'roster.rules.version', { number: r.number })}
                    {r.number === current?.number ? ` (${t(lang, 'roster.rules.current')})` : ''}
                  </a>
                ),
              },
              {
                header: t(lang, 'roster.rules.effectiveOn'),
                nowrap: true,
                cell: (r) => <DateText date={r.effectiveOn} lang={lang} />,
              },
              { header: t(lang, 'roster.rules.changeNote'), cell: (r) => <Text value={r.changeNote} lang={lang} /> },
            ]}
          />
        </section>
      ) : null}
    </Layout>
  );
}
