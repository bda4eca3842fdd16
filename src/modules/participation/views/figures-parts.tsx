/** The response figures' tables, shared by the figures page and the co-creation record's section. */
import type { Child } from 'hono/jsx';
import type { Lang } from '../../../domain/localized.js';
import { percentOf } from '../../../domain/participation-figures.js';
import { OVERDUE_AFTER_DAYS, type ResponseFigures } from '../../../domain/participation.js';
import { formatNumber } from '../../../web/charts.js';
import { t } from '../../../web/i18n.js';
import { DataTable } from '../../../web/ui/index.js';

const MISSING = '—';

/** A share (0..1) as a percentage the way the charts write it; a dash with no input. */
export const shareText = (share: number | null) => {
  const percent = percentOf(share);
  return percent === null ? MISSING : `${formatNumber(percent)}%`;
};

/** Median days (a half day when the two middle answers differ by one); a dash with no answer. */
export const daysText = (days: number | null) => (days === null ? MISSING : formatNumber(days));

export type MeasureKey = 'inputs' | 'answered' | 'shareAnswered' | 'medianDays' | 'overdue' | 'ledToChange' | 'shareLedToChange';

interface Measure {
  key: MeasureKey;
  label: (lang: Lang) => string;
  value: (f: ResponseFigures) => string;
}

/** The measures, in the order every table shows them. */
export const MEASURES: readonly Measure[] = [
  { key: 'inputs', label: (lang) => t(lang, 'participation.figures.inputs'), value: (f) => String(f.inputs) },
  { key: 'answered', label: (lang) => t(lang, 'participation.figures.answered'), value: (f) => String(f.answered) },
  { key: 'shareAnswered', label: (lang) => t(lang, 'participation.figures.shareAnswered'), value: (f) => shareText(f.shareAnswered) },
  { key: 'medianDays', label: (lang) => t(lang, 'participation.figures.medianDays'), value: (f) => daysText(f.medianDaysToAnswer) },
  { key: 'overdue', label: (lang) => t(lang, 'participation.figures.overdue', { days: OVERDUE_AFTER_DAYS }), value: (f) => String(f.overdue) },
  { key: 'ledToChange', label: (lang) => t(lang, 'participation.figures.ledToChange'), value: (f) => String(f.ledToChange) },
  { key: 'shareLedToChange', label: (lang) => t(lang, 'participation.figures.shareLedToChange'), value: (f) => shareText(f.shareLedToChange) },
];

/** One measure a row: the plan's totals (each row's `data-figure` names its measure). */
export function TotalsTable(props: { figures: ResponseFigures; lang: Lang; id: string; caption: string }) {
  const { figures, lang } = props;
  return (
    <DataTable<Measure>
      id={props.id}
      caption={props.caption}
      rows={MEASURES}
      rowAttributes={(m) => ({ 'data-figure': m.key })}
      columns={[
        { header: t(lang, 'participation.figures.measure'), rowHeader: true, cell: (m) => m.label(lang) },
        { header: t(lang, 'participation.figures.value'), numeric: true, cell: (m) => m.value(figures) },
      ]}
    />
  );
}

export interface FigureGroup {
  /** `data-group` of the row: an agency's or consultation's id, or 'none'. */
  key: string;
  label: Child;
  figures: ResponseFigures;
}

/** One group a row (an agency, a consultation), one measure a column. */
export function GroupTable(props: { groups: readonly FigureGroup[]; lang: Lang; id: string; caption: string; groupHeader: string }) {
  const { lang } = props;
  return (
    <DataTable<FigureGroup>
      id={props.id}
      caption={props.caption}
      rows={props.groups}
      rowAttributes={(g) => ({ 'data-group': g.key })}
      columns={[
        { header: props.groupHeader, rowHeader: true, cell: (g) => g.label },
        ...MEASURES.map((m) => ({ header: m.label(lang), numeric: true, cell: (g: FigureGroup) => m.value(g.figures) })),
      ]}
    />
  );
}
