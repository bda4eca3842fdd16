/** A plan's inputs: filters, each input with its response and replies, a pager, and the ways to add one. */
import { pick } from '../../../domain/localized.js';
import { RESPONSE_STATES } from '../../../domain/participation.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { Pager, planCrumbs } from '../../../web/ui/index.js';
import type { Consultation } from '../participation.model.js';
import { consultationsPath, inputsPath, newProposalPath, planInputsFeedPath } from '../participation.paths.js';
import type { InputThread } from '../participation.reads.js';
import { InputItem, type InputNames } from './input-item.js';

export interface InputListFilter {
  commitment?: number | undefined;
  consultation?: number | undefined;
  kind?: 'comment' | 'proposal' | undefined;
  response?: string | undefined;
  target?: string | undefined;
}

export const inputListPath = (plan: { slug: string }, filter: InputListFilter, page = 1) => {
  const params = new URLSearchParams();
  if (filter.target) params.set('target', filter.target);
  if (filter.commitment !== undefined) params.set('commitment', String(filter.commitment));
  if (filter.consultation !== undefined) params.set('consultation', String(filter.consultation));
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.response) params.set('response', filter.response);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${inputsPath(plan)}?${query}` : inputsPath(plan);
};

export function InputsPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  threads: readonly InputThread[];
  total: number;
  page: number;
  pages: number;
  filter: InputListFilter;
  consultations: readonly Consultation[];
  names: InputNames;
  now: Date;
  figuresPath: string;
  /** The import page, for those who may import (the secretariat). */
  importPath?: string | undefined;
}) {
  const { ctx, plan, filter } = props;
  const { lang } = ctx;
  const title = t(lang, 'participation.inputs.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[...planCrumbs(lang, plan), { label: title }]}
      feeds={[{ title: t(lang, 'participation.inputs.feed'), path: planInputsFeedPath(plan) }]}
    >
      <h1>{title}</h1>
      <p>{t(lang, 'participation.inputs.intro')}</p>
      <ul class="link-list">
        <li>
          <a href={href(lang, newProposalPath(plan))}>{t(lang, 'participation.inputs.propose')}</a>
        </li>
        <li>
          <a href={href(lang, consultationsPath(plan))}>{t(lang, 'participation.consultations.title')}</a>
        </li>
        <li>
          <a href={href(lang, props.figuresPath)}>{t(lang, 'participation.inputs.figures')}</a>
        </li>
        <li>
          <a href={href(lang, planInputsFeedPath(plan))}>{t(lang, 'participation.inputs.feed')}</a>
        </li>
        {props.importPath ? (
          <li>
            <a href={href(lang, props.importPath)}>{t(lang, 'participation.import.link')}</a>
          </li>
        ) : null}
      </ul>
      <form method="get" action={href(lang, inputsPath(plan))} class="filters">
        <fieldset>
          <legend>{t(lang, 'participation.inputs.filter')}</legend>
          {filter.target ? <input type="hidden" name="target" value={filter.target} /> : null}
          {filter.commitment !== undefined ? <input type="hidden" name="commitment" value={String(filter.commitment)} /> : null}
          <label for="filter-kind">{t(lang, 'participation.kind')}</label>
          <select id="filter-kind" name="kind">
            <option value="">{t(lang, 'participation.inputs.filter.any')}</option>
            {(['comment', 'proposal'] as const).map((k) => (
              <option value={k} selected={filter.kind === k}>
                {t(lang, `participation.kind.${k}`)}
              </option>
            ))}
          </select>
          <label for="filter-response">{t(lang, 'participation.response.state')}</label>
          <select id="filter-response" name="response">
            <option value="">{t(lang, 'participation.inputs.filter.any')}</option>
            {RESPONSE_STATES.map((s) => (
              <option value={s} selected={filter.response === s}>
                {t(lang, `participation.response.state.${s}`)}
              </option>
            ))}
          </select>
          <label for="filter-consultation">{t(lang, 'participation.consultations.title')}</label>
          <select id="filter-consultation" name="consultation">
            <option value="">{t(lang, 'participation.inputs.filter.any')}</option>
            {props.consultations.map((c) => (
              <option value={String(c.id)} selected={filter.consultation === c.id}>
                {pick(c.title, lang)}
              </option>
            ))}
          </select>
          <button type="submit" class="button button-secondary">
            {t(lang, 'participation.inputs.filter.apply')}
          </button>
        </fieldset>
      </form>
      <h2>{t(lang, 'participation.inputs.caption', { count: props.total })}</h2>
      {props.threads.length === 0 ? <p>{t(lang, 'participation.inputs.none')}</p> : null}
      {props.threads.map((thread) => (
        <InputItem ctx={ctx} plan={plan} input={thread.input} replies={thread.replies} names={props.names} now={props.now} link />
      ))}
      <Pager lang={lang} page={props.page} pages={props.pages} pathFor={(p) => inputListPath(plan, filter, p)} />
    </Layout>
  );
}
