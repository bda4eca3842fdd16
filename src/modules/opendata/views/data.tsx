/** The open-data page: the downloads (the site's and each plan's, in every format), the JSON Schema, the API and the feeds. */
import type { ActionPlan } from '../../../domain/plan.js';
import { pick } from '../../../domain/localized.js';
import type { PageContext } from '../../../web/context.js';
import { href } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import type { OpenDataEntity } from '../../../web/open-data.js';
import { planFeedPath, planInputsFeedPath, transcriptsFeedPath } from '../../../web/paths.js';
import { homeCrumbs } from '../../../web/ui/index.js';
import { documentsFeedPath } from '../../repository/index.js';
import type { DataLicense } from '../opendata.license.js';
import { dataCsvPath, dataFilePath, dataImportPath, dataSchemaPath, type DataScopeRef } from '../opendata.paths.js';

function Downloads(props: { ctx: PageContext; scope: DataScopeRef; entities: readonly OpenDataEntity[]; label: string }) {
  const { lang } = props.ctx;
  const { scope } = props;
  return (
    <>
      <ul class="downloads">
        <li>
          <a href={dataFilePath(scope, 'data.zip')} download>
            {t(lang, 'opendata.format.zip')}
          </a>
        </li>
        <li>
          <a href={dataFilePath(scope, 'data.json')}>{t(lang, 'opendata.format.json')}</a>
        </li>
        <li>
          <a href={dataFilePath(scope, 'data.ods')} download>
            {t(lang, 'opendata.format.ods')}
          </a>
        </li>
        <li>
          <a href={dataFilePath(scope, 'README.md')}>{t(lang, 'opendata.readme')}</a> ·{' '}
          <a href={dataFilePath(scope, 'LICENSE.txt')}>{t(lang, 'opendata.license')}</a>
        </li>
      </ul>
      <div class="table-scroll" role="group" tabindex={0} aria-label={t(lang, 'opendata.csvCaption', { scope: props.label })}>
        <table>
          <caption>{t(lang, 'opendata.csvCaption', { scope: props.label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'opendata.table')}</th>
              <th scope="col">{t(lang, 'opendata.format.csv')}</th>
              <th scope="col">{t(lang, 'opendata.format.csvBom')}</th>
            </tr>
          </thead>
          <tbody>
            {props.entities.map((e) => (
              <tr>
                <th scope="row">{lang === 'en' ? e.title.en : e.title.zh}</th>
                <td>
                  <a href={dataCsvPath(scope, e.name)}>{`${e.name}.csv`}</a>
                </td>
                <td>
                  <a href={dataCsvPath(scope, e.name, true)} download>
                    {`${e.name}.csv`}
                    <span class="visually-hidden"> ({t(lang, 'opendata.format.csvBom')})</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function DataPage(props: {
  ctx: PageContext;
  plans: readonly ActionPlan[];
  entities: readonly OpenDataEntity[];
  license: DataLicense;
  /** The secretariat and administrators: a link to the import form. */
  canImport?: boolean;
}) {
  const { lang } = props.ctx;
  const title = t(lang, 'opendata.title');
  const site = t(lang, 'opendata.site');
  return (
    <Layout ctx={props.ctx} title={title} crumbs={[...homeCrumbs(lang), { label: title }]}>
      <h1>{title}</h1>
      <p>
        {t(lang, 'opendata.intro')}{' '}
        <a href={props.license.url} rel="license noopener">
          {props.license.name}
        </a>
      </p>
      <section aria-labelledby="d-site">
        <h2 id="d-site">{site}</h2>
        <Downloads ctx={props.ctx} scope={{ site: true }} entities={props.entities} label={site} />
      </section>
      <section aria-labelledby="d-plans">
        <h2 id="d-plans">{t(lang, 'opendata.plans')}</h2>
        {props.plans.map((plan) => (
          <section aria-labelledby={`d-plan-${plan.id}`}>
            <h3 id={`d-plan-${plan.id}`}>{pick(plan.title, lang)}</h3>
            <Downloads ctx={props.ctx} scope={{ slug: plan.slug }} entities={props.entities} label={pick(plan.title, lang)} />
          </section>
        ))}
      </section>
      <section aria-labelledby="d-schema">
        <h2 id="d-schema">{t(lang, 'opendata.schema')}</h2>
        <p>
          {t(lang, 'opendata.schemaNote')} <a href={dataSchemaPath}>{dataSchemaPath}</a>
        </p>
      </section>
      <section aria-labelledby="d-api">
        <h2 id="d-api">{t(lang, 'opendata.api')}</h2>
        <p>
          {t(lang, 'opendata.apiNote')} <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
        </p>
        <p>{t(lang, 'opendata.importNote')}</p>
        {props.canImport ? (
          <p>
            <a href={href(lang, dataImportPath)}>{t(lang, 'opendata.import.link')}</a>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="d-feeds">
        <h2 id="d-feeds">{t(lang, 'opendata.feeds')}</h2>
        <ul>
          <li>
            <a href={href(lang, transcriptsFeedPath)}>{t(lang, 'opendata.feed.transcripts')}</a>
          </li>
          <li>
            <a href={href(lang, documentsFeedPath)}>{t(lang, 'opendata.feed.documents')}</a>
          </li>
          {props.plans.map((plan) => (
            <>
              <li>
                <a href={href(lang, planFeedPath(plan))}>{t(lang, 'opendata.feed.reports', { plan: pick(plan.title, lang) })}</a>
              </li>
              <li>
                <a href={href(lang, planInputsFeedPath(plan))}>{t(lang, 'opendata.feed.inputs', { plan: pick(plan.title, lang) })}</a>
              </li>
            </>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
