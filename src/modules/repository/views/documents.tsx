/** The repository's lists: a plan's documents or the whole site's, with the MR 2.2 figure, filters (a GET form) and pages. */
import { pick, type Lang } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { planPath } from '../../../web/paths.js';
import { DataTable, DateText, DemoNotice, Pager, SelectField, formatDate, homeCrumbs, planCrumbs } from '../../../web/ui/index.js';
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES, type RepositoryDocument, type RepositoryUpdates } from '../repository.model.js';
import {
  documentEditPath,
  documentFilePath,
  documentsFeedPath,
  documentsPath,
  newDocumentPath,
  planDocumentsHistoryPath,
  planDocumentsPath,
} from '../repository.paths.js';
import type { DocumentQuery } from '../repository.schemas.js';

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function UpdatesFigure(props: { lang: Lang; updates: RepositoryUpdates }) {
  const { lang, updates } = props;
  return (
    <section aria-labelledby="repository-updates" class="repository-updates">
      <h2 id="repository-updates">{t(lang, 'repository.updates.title')}</h2>
      {updates.lastUpdate === null ? (
        <p>{t(lang, 'repository.updates.never')}</p>
      ) : (
        <p>{t(lang, 'repository.updates.last', { date: formatDate(updates.lastUpdate, lang) })}</p>
      )}
      <p>{t(lang, 'repository.updates.count', { count: updates.daysInPastYear, since: formatDate(updates.since, lang) })}</p>
      <p>
        <strong>{updates.met ? t(lang, 'repository.updates.met') : t(lang, 'repository.updates.notMet')}</strong>
      </p>
    </section>
  );
}

export function DocumentsPage(props: {
  ctx: PageContext;
  plan: ActionPlan | null;
  plans: Map<number, ActionPlan>;
  items: RepositoryDocument[];
  total: number;
  page: number;
  pages: number;
  query: DocumentQuery;
  updates: RepositoryUpdates;
  canManage: boolean;
}) {
  const { ctx, plan, query } = props;
  const { lang } = ctx;
  const title = plan ? t(lang, 'repository.planTitle') : t(lang, 'repository.siteTitle');
  const listPath = (q: Partial<DocumentQuery>) => (plan ? planDocumentsPath(plan, q) : documentsPath(q));
  const filtered = query.kind !== undefined || query.language !== undefined;
  return (
    <Layout
      ctx={ctx}
      title={plan ? `${title} · ${pick(plan.title, lang)}` : title}
      crumbs={[...(plan ? planCrumbs(lang, plan) : homeCrumbs(lang)), { label: title }]}
      feeds={[{ title: t(lang, 'repository.feed'), path: documentsFeedPath }]}
    >
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'repository.intro')}</p>
      {props.items.some((d) => d.isDemo) ? <DemoNotice lang={lang} message={t(lang, 'repository.demoNotice')} /> : null}
      <UpdatesFigure lang={lang} updates={props.updates} />
      {props.canManage ? (
        <p class="actions">
          <a class="button" href={href(lang, newDocumentPath(plan ?? undefined))}>
            {t(lang, 'repository.add')}
          </a>
        </p>
      ) : null}
      <form method="get" action={href(lang, listPath({}))} class="filters" aria-label={t(lang, 'repository.filter')}>
        <SelectField
          name="kind"
          label={t(lang, 'repository.kind')}
          lang={lang}
          errors={{}}
          value={query.kind}
          options={[{ value: '', label: t(lang, 'plan.filter.all') }, ...DOCUMENT_KINDS.map((k) => ({ value: k, label: t(lang, `repository.kind.${k}`) }))]}
        />
        <SelectField
          name="language"
          label={t(lang, 'repository.language')}
          lang={lang}
          errors={{}}
          value={query.language}
          options={[
            { value: '', label: t(lang, 'plan.filter.all') },
            ...DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: t(lang, `repository.language.${l}`) })),
          ]}
        />
        <div class="form-actions">
          <button type="submit" class="button">
            {t(lang, 'repository.filter.apply')}
          </button>
          {filtered ? <a href={href(lang, listPath({}))}>{t(lang, 'repository.filter.reset')}</a> : null}
        </div>
      </form>
      <p role="status">{t(lang, 'repository.filter.count', { total: props.total })}</p>
      <DataTable<RepositoryDocument>
        caption={t(lang, 'repository.caption')}
        rows={props.items}
        empty={filtered ? t(lang, 'repository.noneMatch') : t(lang, 'repository.none')}
        columns={[
          { header: t(lang, 'repository.date'), nowrap: true, cell: (d) => <DateText date={d.date} lang={lang} /> },
          {
            header: t(lang, 'repository.docTitle'),
            rowHeader: true,
            cell: (d) => (
              <>
                <a href={d.url ?? href(lang, documentFilePath(d))} rel={d.url ? 'noopener noreferrer' : undefined}>
                  {pick(d.title, lang)}
                </a>
                {d.file ? <span class="help">{` · ${t(lang, 'repository.download', { size: sizeText(d.file.byteSize) })}`}</span> : null}
                {d.description.zh !== '' || d.description.en !== '' ? <p class="help">{pick(d.description, lang)}</p> : null}
              </>
            ),
          },
          { header: t(lang, 'repository.kind'), cell: (d) => t(lang, `repository.kind.${d.kind}`) },
          { header: t(lang, 'repository.language'), cell: (d) => t(lang, `repository.language.${d.language}`) },
          plan
            ? null
            : {
                header: t(lang, 'repository.plan'),
                cell: (d) => {
                  const p = d.planId === null ? undefined : props.plans.get(d.planId);
                  return p ? <a href={href(lang, planPath(p))}>{pick(p.title, lang)}</a> : '–';
                },
              },
          props.canManage
            ? {
                header: t(lang, 'repository.edit'),
                nowrap: true,
                cell: (d) => (
                  <a href={href(lang, documentEditPath(d))}>
                    {t(lang, 'repository.edit')}
                    <span class="visually-hidden">{`: ${pick(d.title, lang)}`}</span>
                  </a>
                ),
              }
            : null,
        ]}
      />
      <Pager lang={lang} page={props.page} pages={props.pages} pathFor={(page) => listPath({ ...query, page })} />
      <p>
        {plan ? (
          <>
            <a href={href(lang, planDocumentsHistoryPath(plan))}>{t(lang, 'repository.history')}</a>
            {' · '}
          </>
        ) : null}
        <a href={href(lang, documentsFeedPath)}>{t(lang, 'repository.feed')}</a>
      </p>
    </Layout>
  );
}
