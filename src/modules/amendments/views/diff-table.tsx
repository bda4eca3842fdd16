/**
 * A before/after table of field changes, as the history shows them (class `diff-before` / `diff-after`): a localized
 * field as one row per language side that differs, ids by name where the page knows one.
 */
import type { FieldChange } from '../../../domain/history.js';
import type { Lang, Localized } from '../../../domain/localized.js';
import { isMessageKey, t } from '../../../web/i18n.js';
import { listSeparator } from '../../../web/ui/index.js';

const isLocalized = (v: unknown): v is Localized => typeof v === 'object' && v !== null && 'zh' in v && 'en' in v;

/** Snapshot fields that are named differently in the catalog. */
const LABEL_KEYS: Record<string, string> = {
  areaId: 'commitment.area',
  leadAgencyId: 'commitment.leadAgency',
  coAgencyIds: 'commitment.coAgencies',
  periodStart: 'plan.period',
  periodEnd: 'plan.period',
};

export function fieldLabel(entity: string, field: string, lang: Lang): string {
  const key = [LABEL_KEYS[field], `${entity}.${field}`, `commitment.${field}`, `milestone.${field}`, `plan.${field}`].find(
    (k): k is string => k !== undefined && isMessageKey(k),
  );
  return key && isMessageKey(key) ? t(lang, key) : field;
}

function text(value: unknown, field: string, names: ReadonlyMap<string, string>, lang: Lang): string | null {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const one = (v: unknown): string => names.get(`${field}:${String(v)}`) ?? (typeof v === 'string' ? v : JSON.stringify(v));
  if (Array.isArray(value)) return value.map(one).join(listSeparator(lang));
  return one(value);
}

interface Row {
  label: string;
  before: string | null;
  after: string | null;
  lang?: string;
}

function rowsOf(entity: string, changes: readonly FieldChange[], lang: Lang, names: ReadonlyMap<string, string>, officialOnly: boolean): Row[] {
  const rows: Row[] = [];
  for (const c of changes) {
    const label = fieldLabel(entity, c.field, lang);
    if (isLocalized(c.before) || isLocalized(c.after)) {
      const b = isLocalized(c.before) ? c.before : null;
      const a = isLocalized(c.after) ? c.after : null;
      for (const side of officialOnly ? (['zh'] as const) : (['zh', 'en'] as const))
        if ((b?.[side] ?? '') !== (a?.[side] ?? ''))
          rows.push({
            label: t(lang, side === 'zh' ? 'amendments.diff.zh' : 'amendments.diff.en', { field: label }),
            before: b?.[side] || null,
            after: a?.[side] || null,
            lang: side === 'zh' ? 'zh-TW' : 'en',
          });
    } else {
      // Snapshot text is the official zh-TW text.
      const official = typeof c.before === 'string' || typeof c.after === 'string';
      rows.push({ label, before: text(c.before, c.field, names, lang), after: text(c.after, c.field, names, lang), lang: official ? 'zh-TW' : undefined });
    }
  }
  return rows;
}

export function DiffTable(props: {
  entity: string;
  changes: readonly FieldChange[];
  lang: Lang;
  names?: ReadonlyMap<string, string>;
  /** Show only the official (zh-TW) side of localized fields: what an amendment changes. */
  officialOnly?: boolean;
}) {
  const { lang } = props;
  const empty = <em>{t(lang, 'history.empty.value')}</em>;
  return (
    <div class="table-scroll">
      <table class="diff">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'history.field')}</th>
            <th scope="col">{t(lang, 'history.before')}</th>
            <th scope="col">{t(lang, 'history.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rowsOf(props.entity, props.changes, lang, props.names ?? new Map(), props.officialOnly ?? false).map((row) => (
            <tr>
              <th scope="row">{row.label}</th>
              <td class="diff-before" lang={row.lang}>
                {row.before ?? empty}
              </td>
              <td class="diff-after" lang={row.lang}>
                {row.after ?? empty}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
