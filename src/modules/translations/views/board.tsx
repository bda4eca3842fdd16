/** The translation board of a plan: the English edition's figure, by area and lead agency, the filters (a GET form) and the texts. */
import { pick, type Lang, type Localized } from '../../../domain/localized.js';
import type { ActionPlan, Agency, Area } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t, type MessageKey } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { commitmentPath } from '../../../web/paths.js';
import { DataTable, Pager, SelectField, planCrumbs, type Option } from '../../../web/ui/index.js';
import {
  ALL_FIELDS,
  percentOf,
  TRANSLATION_ENTITIES,
  TRANSLATION_STATUSES,
  type EditionFigure,
  type TranslationFilter,
  type TranslationUnit,
} from '../translations.model.js';
import { translationEditorPath, translationsPath } from '../translations.paths.js';

export const fieldLabel = (lang: Lang, entity: TranslationUnit['entity'], field: string): string => t(lang, `${entity}.${field}` as MessageKey);

/** A percentage as the figure's message writes it: "99.7 %" in English, "99.7%" in Chinese. */
const percentText = (lang: Lang, percent: number | string) => (lang === 'en' ? `${percent} %` : `${percent}%`);

export const statusLabel = (lang: Lang, status: Localized['status']): string => t(lang, `translation.${status}`);

export function EditionFigureText(props: { lang: Lang; figure: EditionFigure }) {
  const { lang, figure } = props;
  if (figure.total === 0) return <p>{t(lang, 'translations.nothing')}</p>;
  const percent = percentOf(figure.share);
  return (
    <div class="edition-figure">
      <p>
        <strong>
          {t(lang, 'translations.figure', { percent, reviewed: figure.reviewed, total: figure.total, draft: figure.draft, missing: figure.missing })}
        </strong>
      </p>
      <progress max={figure.total} value={figure.reviewed} aria-label={t(lang, 'translations.share')}>
        {percentText(lang, percent)}
      </progress>
      <p>{figure.complete ? t(lang, 'translations.complete') : t(lang, 'translations.incomplete')}</p>
    </div>
  );
}

/** Where a text is, as a link to its page: the plan, an area, a commitment (and its milestone). */
function UnitPlace(props: { lang: Lang; plan: ActionPlan; unit: TranslationUnit; areaIndex: Map<number, number> }) {
  const { lang, plan, unit } = props;
  const kind = t(lang, `translations.kindLabel.${unit.entity}`);
  if (unit.entity === 'plan') return <span>{kind}</span>;
  if (unit.entity === 'area') return <span>{`${kind} ${props.areaIndex.get(unit.id) ?? ''} ${pick(unit.entityTitle, lang)}`}</span>;
  const c = unit.commitment;
  return (
    <span>
      {c ? <a href={href(lang, commitmentPath(plan, c))}>{`${c.number}`}</a> : null}
      {unit.entity === 'milestone' ? ` · ${kind}: ${pick(unit.entityTitle, lang)}` : ` ${pick(unit.entityTitle, lang)}`}
    </span>
  );
}

const excerpt = (text: string) => (text.length > 100 ? `${text.slice(0, 97)}…` : text);

export interface BoardPageProps {
  ctx: PageContext;
  plan: ActionPlan;
  areas: Area[];
  agencies: Map<number, Agency>;
  figure: EditionFigure;
  byArea: Map<number, EditionFigure>;
  byAgency: Map<number, EditionFigure>;
  filter: TranslationFilter;
  units: TranslationUnit[];
  total: number;
  page: number;
  pages: number;
  canEdit: boolean;
}

export function BoardPage(props: BoardPageProps) {
  const { ctx, plan, filter } = props;
  const { lang } = ctx;
  const title = t(lang, 'translations.boardTitle');
  const areaIndex = new Map(props.areas.map((a, i) => [a.id, i + 1]));
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const select = (name: string, label: string, value: string | number | undefined, options: Option[]) => (
    <SelectField name={name} label={label} lang={lang} errors={{}} value={value} options={[{ value: '', label: t(lang, 'plan.filter.all') }, ...options]} />
  );
  const share = (f: EditionFigure) => percentText(lang, percentOf(f.share));
  return (
    <Layout ctx={ctx} title={`${title} · ${pick(plan.title, lang)}`} crumbs={[...planCrumbs(lang, plan), { label: title }]}>
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'translations.intro')}</p>
      <section aria-labelledby="edition-figure">
        <h2 id="edition-figure">{t(lang, 'translations.title')}</h2>
        <EditionFigureText lang={lang} figure={props.figure} />
        <DataTable<[number, EditionFigure]>
          caption={t(lang, 'translations.byArea')}
          rows={[...props.byArea]}
          columns={[
            {
              header: t(lang, 'area.label'),
              rowHeader: true,
              cell: ([id]) => `${areaIndex.get(id) ?? ''}. ${pick(props.areas.find((a) => a.id === id)?.title, lang)}`,
            },
            { header: t(lang, 'translations.count'), numeric: true, cell: ([, f]) => f.total },
            { header: t(lang, 'translations.share'), numeric: true, cell: ([, f]) => share(f) },
          ]}
        />
        <DataTable<[number, EditionFigure]>
          caption={t(lang, 'translations.byAgency')}
          rows={[...props.byAgency]}
          columns={[
            { header: t(lang, 'commitment.leadAgency'), rowHeader: true, cell: ([id]) => pick(props.agencies.get(id)?.name, lang) },
            { header: t(lang, 'translations.count'), numeric: true, cell: ([, f]) => f.total },
            { header: t(lang, 'translations.share'), numeric: true, cell: ([, f]) => share(f) },
          ]}
        />
      </section>
      <section aria-labelledby="translation-texts">
        <h2 id="translation-texts">{t(lang, 'translations.list')}</h2>
        <form method="get" action={href(lang, translationsPath(plan))} class="filters" aria-label={t(lang, 'translations.filter')}>
          {select(
            'area',
            t(lang, 'translations.filter.area'),
            filter.areaId,
            props.areas.map((a, i) => ({ value: String(a.id), label: `${i + 1}. ${pick(a.title, lang)}` })),
          )}
          {select(
            'agency',
            t(lang, 'translations.filter.agency'),
            filter.agencyId,
            [...props.byAgency.keys()].map((id) => ({ value: String(id), label: pick(props.agencies.get(id)?.name, lang) })),
          )}
          {select(
            'kind',
            t(lang, 'translations.filter.kind'),
            filter.entity,
            TRANSLATION_ENTITIES.map((e) => ({ value: e, label: t(lang, `translations.kindLabel.${e}`) })),
          )}
          {select(
            'field',
            t(lang, 'translations.filter.field'),
            filter.field,
            ALL_FIELDS.map((f) => ({ value: f, label: fieldOptionLabel(lang, f) })),
          )}
          {select(
            'status',
            t(lang, 'translations.filter.status'),
            filter.status,
            TRANSLATION_STATUSES.map((s) => ({ value: s, label: statusLabel(lang, s) })),
          )}
          <div class="form-actions">
            <button type="submit" class="button">
              {t(lang, 'translations.filter.apply')}
            </button>
            {filtered ? <a href={href(lang, translationsPath(plan))}>{t(lang, 'translations.filter.reset')}</a> : null}
          </div>
        </form>
        <p role="status">{t(lang, 'translations.filter.count', { shown: props.units.length, total: props.total })}</p>
        <DataTable<TranslationUnit>
          labelledBy="translation-texts"
          rows={props.units}
          empty={t(lang, 'translations.filter.none')}
          columns={[
            { header: t(lang, 'translations.entity'), rowHeader: true, cell: (u) => <UnitPlace lang={lang} plan={plan} unit={u} areaIndex={areaIndex} /> },
            { header: t(lang, 'translations.field'), nowrap: true, cell: (u) => fieldLabel(lang, u.entity, u.field) },
            {
              header: t(lang, 'translations.status'),
              nowrap: true,
              cell: (u) => <span class={`badge badge-${u.text.status}`}>{statusLabel(lang, u.text.status)}</span>,
            },
            { header: t(lang, 'translations.zh'), cell: (u) => <span lang="zh-TW">{excerpt(u.text.zh)}</span> },
            { header: t(lang, 'translations.en'), cell: (u) => <span lang="en">{excerpt(u.text.en)}</span> },
            props.canEdit
              ? {
                  header: t(lang, 'translations.edit'),
                  nowrap: true,
                  cell: (u) => (
                    <a href={href(lang, translationEditorPath(plan, u.entity, u.id, u.field))}>
                      {t(lang, 'translations.edit')}
                      <span class="visually-hidden">{` ${fieldLabel(lang, u.entity, u.field)} ${u.commitment?.number ?? ''}`}</span>
                    </a>
                  ),
                }
              : null,
          ]}
        />
        <Pager lang={lang} page={props.page} pages={props.pages} pathFor={(page) => translationsPath(plan, filter, page)} />
      </section>
    </Layout>
  );
}

/** A field's name in the filter, where the same name means different things in different kinds (a plan's and an area's title). */
function fieldOptionLabel(lang: Lang, field: string): string {
  for (const entity of TRANSLATION_ENTITIES) {
    const key = `${entity}.${field}` as MessageKey;
    if (t(lang, key) !== key) return t(lang, key);
  }
  return field;
}
