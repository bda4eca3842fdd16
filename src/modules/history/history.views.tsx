/** A readable change log: who, when, and each field's before and after, in the page's language. */
import { pick, type Lang, type Localized } from '../../domain/localized.js';
import { formatDateTime, listSeparator } from '../../web/components.js';
import { href, type PageContext } from '../../web/context.js';
import { isMessageKey, t } from '../../web/i18n.js';
import { Layout, type Crumb } from '../../web/layout.js';
import { PLAN_HISTORY_LIMIT, type HistoryEntry } from './history.queries.js';
import { planPath } from '../../web/paths.js';

/** Who made a change, as readers see it: the name recorded, or "former participant" once that account was deleted. */
export const actorLabel = (entry: Pick<HistoryEntry, 'actorName'>, lang: Lang): string =>
  entry.actorName === '' ? t(lang, 'people.formerParticipant') : entry.actorName;

/**
 * The ids these entries hold in these fields, before or after (one or a list), each once: what a page looks up to
 * show them by name in `names` ("field:id"), read from the entries the viewer may see and no others.
 */
export function idsIn(entries: readonly HistoryEntry[], fields: readonly string[]): number[] {
  const ids = new Set<number>();
  for (const entry of entries)
    for (const change of entry.changes)
      if (fields.includes(change.field))
        for (const value of [change.before, change.after].flat()) if (typeof value === 'number' && Number.isInteger(value)) ids.add(value);
  return [...ids];
}

const isLocalized = (v: unknown): v is Localized => typeof v === 'object' && v !== null && 'zh' in v && 'en' in v && 'status' in v;

/** The label of a field: the entity's own wording where there is one. */
function fieldLabel(entityType: string, field: string, lang: Lang): string {
  const candidates = [`${entityType}.${field}`, `commitment.${field}`, `plan.${field}`, `milestone.${field}`, `agency.${field}`];
  const key = candidates.find(isMessageKey);
  return key ? t(lang, key) : field;
}

/** Ids are shown by name where the page knows one: `names` is keyed by "field:id". */
function Value(props: { field: string; value: unknown; lang: Lang; names: Map<string, string> }) {
  const { value, lang, field } = props;
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return <em>{t(lang, 'history.empty.value')}</em>;
  const named = (v: unknown) => props.names.get(`${field}:${scalarText(v)}`);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return <>{value.map((v) => named(v) ?? scalarText(v)).join(listSeparator(lang))}</>;
  if (typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
  return <>{named(value) ?? scalarText(value)}</>;
}

/** A stored scalar as text: strings as they are, numbers and booleans printed, anything else as JSON. */
function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) ?? '';
}

interface Row {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
  lang?: string;
}

/** Localized fields become one row per language side that changed, plus the translation status. */
function rowsOf(entry: HistoryEntry, lang: Lang): Row[] {
  const rows: Row[] = [];
  for (const change of entry.changes) {
    const label = fieldLabel(entry.entityType, change.field, lang);
    const b = change.before;
    const a = change.after;
    if (isLocalized(b) || isLocalized(a)) {
      const before = isLocalized(b) ? b : null;
      const after = isLocalized(a) ? a : null;
      for (const side of ['zh', 'en'] as const) {
        if ((before?.[side] ?? '') !== (after?.[side] ?? ''))
          rows.push({
            field: change.field,
            label: `${label} (${t(lang, side === 'zh' ? 'form.zh' : 'form.en')})`,
            before: before?.[side] ?? null,
            after: after?.[side] ?? null,
            lang: side === 'zh' ? 'zh-TW' : 'en',
          });
      }
      if ((before?.status ?? null) !== (after?.status ?? null))
        rows.push({
          field: change.field,
          label: `${label} (${t(lang, 'translation.label')})`,
          before: before ? t(lang, `translation.${before.status}`) : null,
          after: after ? t(lang, `translation.${after.status}`) : null,
        });
    } else {
      rows.push({ field: change.field, label, before: b, after: a });
    }
  }
  return rows;
}

export function HistoryList(props: { entries: HistoryEntry[]; lang: Lang; names: Map<string, string> }) {
  const { lang } = props;
  if (props.entries.length === 0) return <p>{t(lang, 'history.empty')}</p>;
  return (
    <ol class="history" reversed>
      {props.entries.map((entry) => (
        <li class="history-entry" id={`h${entry.id}`}>
          <h3>
            <time datetime={entry.at.toISOString()}>{formatDateTime(entry.at, lang)}</time> · {actorLabel(entry, lang)} ·{' '}
            {t(lang, `history.action.${entry.action}`)} {t(lang, `history.entity.${entry.entityType}`)} #{entry.entityId}
          </h3>
          {(entry.action === 'update' || entry.action === 'submit') && entry.changes.length > 0 ? (
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t(lang, 'history.field')}</th>
                    <th scope="col">{t(lang, 'history.before')}</th>
                    <th scope="col">{t(lang, 'history.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rowsOf(entry, lang).map((row) => (
                    <tr>
                      <th scope="row">{row.label}</th>
                      <td class="diff-before" lang={row.lang}>
                        <Value field={row.field} value={row.before} lang={lang} names={props.names} />
                      </td>
                      <td class="diff-after" lang={row.lang}>
                        <Value field={row.field} value={row.after} lang={lang} names={props.names} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function HistoryPage(props: {
  ctx: PageContext;
  title: string;
  crumbs: Crumb[];
  backPath: string;
  /** What the back link says; "back to the commitment" when not given. */
  backLabel?: string;
  entries: HistoryEntry[];
  names: Map<string, string>;
  /** The most rows the page read (a plan's history is bounded): said on the page. */
  limit?: number;
}) {
  const { lang } = props.ctx;
  const heading = t(lang, 'history.title', { title: props.title });
  return (
    <Layout ctx={props.ctx} title={heading} crumbs={[...props.crumbs, { label: t(lang, 'commitment.history') }]}>
      <h1>{heading}</h1>
      <p>
        <a href={href(lang, props.backPath)}>{props.backLabel ?? t(lang, 'history.back')}</a>
      </p>
      {props.limit === undefined ? null : <p>{t(lang, 'history.plan.limit', { limit: props.limit })}</p>}
      <HistoryList entries={props.entries} lang={lang} names={props.names} />
    </Layout>
  );
}

/**
 * A plan-level history page (the forum, the working groups, the co-creation): crumbs to the plan and to the page the
 * history belongs to, a link back to it, and the bound on the rows read.
 */
export function PlanHistoryPage(props: {
  ctx: PageContext;
  plan: { title: Localized; slug: string };
  /** The page the history belongs to: its title and path. */
  of: { title: string; path: string };
  entries: HistoryEntry[];
  names: Map<string, string>;
}) {
  const { lang } = props.ctx;
  const { title, path } = props.of;
  return (
    <HistoryPage
      ctx={props.ctx}
      title={title}
      crumbs={[
        { label: pick(props.plan.title, lang), path: planPath(props.plan) },
        { label: title, path },
      ]}
      backPath={path}
      backLabel={t(lang, 'history.backTo', { title })}
      entries={props.entries}
      names={props.names}
      limit={PLAN_HISTORY_LIMIT}
    />
  );
}
