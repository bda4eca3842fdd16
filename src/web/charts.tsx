/**
 * Server-rendered SVG charts that read without JavaScript and print. Each chart is a figure: the SVG (role="img",
 * named by its <title> and described by its <desc>), a legend where colours need one, and a data table with the same
 * numbers for screen-reader and print users. Colour is never the only cue: bars also differ by pattern, outline or glyph,
 * and every value is also written as text.
 *
 * Every visible string comes from the caller, so this module knows no UI language. Links live in the data tables only:
 * an SVG with role="img" hides its children from assistive technology, so a link inside it would be focusable but
 * nameless (axe: nested-interactive).
 */
import type { Child } from 'hono/jsx';

// ---- helpers ------------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const MISSING = '—';

/** Days since the epoch for a YYYY-MM-DD date (a longer ISO timestamp is cut to its date); NaN when unreadable. */
function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

/** Horizontal position of a date on an axis `width` wide spanning the range, clamped to the axis. */
export function scaleDate(range: { start: string; end: string }, date: string, width: number): number {
  const start = dayNumber(range.start);
  const span = dayNumber(range.end) - start;
  const day = dayNumber(date);
  if (!Number.isFinite(span) || !Number.isFinite(day) || span <= 0) return 0;
  return clamp((day - start) / span, 0, 1) * width;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

// East Asian wide characters take about twice the room of Latin letters, so lengths count them twice.
const WIDE_CHAR =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

const charUnits = (char: string) => (WIDE_CHAR.test(char) ? 2 : 1);

function textUnits(text: string): number {
  let units = 0;
  for (const char of text) units += charUnits(char);
  return units;
}

/** Rough rendered width of text at the charts' 12px font: good enough to decide whether a label fits. */
const textWidth = (text: string) => textUnits(text) * 6.6;

/**
 * The text cut to at most `max` narrow-character widths, ending in "…" when cut. Wide (CJK) characters count as two,
 * so a limit fits about the same room in either language.
 */
export function truncate(text: string, max: number): string {
  if (textUnits(text) <= max) return text;
  if (max < 1) return '';
  let kept = '';
  let units = 0;
  for (const char of text) {
    const next = units + charUnits(char);
    if (next + 1 > max) break;
    kept += char;
    units = next;
  }
  return `${kept.trimEnd()}…`;
}

/** Whole numbers from 10 up, one decimal below, so small values keep their meaning without false precision. */
export function formatNumber(value: number): string {
  const rounded = Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

function formatValue(value: number | null | undefined, unit: string): string {
  return value === null || value === undefined || !Number.isFinite(value) ? MISSING : `${formatNumber(value)}${unit}`;
}

// SVG coordinates with at most two decimals keep the markup short.
const px = (n: number) => Math.round(n * 100) / 100;

/** Class-name safe form of a status, so odd data cannot break out of the class attribute's meaning. */
const statusClass = (status: string) => `gantt-status-${status.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`;

const GRID_FRACTIONS = [0, 0.25, 0.5, 0.75, 1] as const;

// ---- shared pieces ------------------------------------------------------------------------------------------------

/** What every chart needs: a unique id for its title, desc and pattern ids, the accessible name and text alternative, an optional visible caption. */
export interface ChartFrame {
  id: string;
  title: string;
  description: string;
  caption?: string;
}

/** The accessible SVG root: named by its title, described by its desc, scaling with the page width. */
function ChartSvg(props: { id: string; title: string; description: string; kind: string; width: number; height: number; children?: Child }) {
  return (
    <svg
      class={`chart-svg chart-svg-${props.kind}`}
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      viewBox={`0 0 ${props.width} ${px(props.height)}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      {props.children}
    </svg>
  );
}

/** Diagonal stripes laid over a bar: the delayed cue that survives greyscale print and colour blindness. */
function HatchPattern(props: { id: string }) {
  return (
    <defs>
      <pattern id={`${props.id}-hatch`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect x="0" y="0" width="2.5" height="6" fill="#ffffff" fill-opacity="0.85" />
      </pattern>
    </defs>
  );
}

interface TableRow {
  header: Child;
  cells: Child[];
  className?: string;
}

/** The chart's numbers as a table; each group becomes a tbody so related rows (a commitment and its milestones) stay together. */
function DataTable(props: { caption: string; headers: string[]; groups: TableRow[][] }) {
  return (
    <div class="table-scroll">
      <table class="chart-data">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.headers.map((header) => (
              <th scope="col">{header}</th>
            ))}
          </tr>
        </thead>
        {props.groups.map((rows) => (
          <tbody>
            {rows.map((row) => (
              <tr class={row.className}>
                <th scope="row">{row.header}</th>
                {row.cells.map((cell) => (
                  <td>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** The table of a one-series chart (bars, stacked parts, line points): captioned with its title, a label and a value column. */
function SeriesTable(props: { chart: { title: string; columns: { label: string; value: string } }; rows: TableRow[] }) {
  const { title, columns } = props.chart;
  return <DataTable caption={title} headers={[columns.label, columns.value]} groups={[props.rows]} />;
}

const linked = (label: string, href: string | undefined): Child => (href ? <a href={href}>{label}</a> : label);

function Caption(props: { caption?: string }) {
  return props.caption ? <figcaption>{props.caption}</figcaption> : null;
}

/** A small picture of a series for a legend entry; hidden from assistive technology, which gets the table. */
function Swatch(props: { width?: number; children: Child }) {
  const width = props.width ?? 18;
  return (
    <svg class="chart-swatch" aria-hidden="true" focusable="false" viewBox={`0 0 ${width} 14`} width={width} height="14">
      {props.children}
    </svg>
  );
}

// ---- Gantt chart --------------------------------------------------------------------------------------------------

export interface GanttRow {
  key: string;
  label: string;
  href?: string;
  start: string;
  end: string;
  status: string;
  statusLabel: string;
  /** Share done, 0–100; drawn as the solid part of the bar. */
  percent?: number | null;
  /** 0: a commitment; 1: one of its milestones, drawn thinner and indented under it. */
  level: 0 | 1;
}

export interface GanttChartProps extends ChartFrame {
  range: { start: string; end: string };
  today: string | null;
  todayLabel: string;
  rows: GanttRow[];
  columns: { label: string; start: string; end: string; status: string; percent?: string };
  legend: { status: string; label: string }[];
  /** How dates read in the table (e.g. 2022/01/31); ISO dates when left out. */
  formatDate?: (date: string) => string;
}

const GANTT = {
  width: 760,
  plotLeft: 236,
  plotRight: 728, // leaves room for the ✓ after a bar that ends with the range
  axisY: 24,
  rowHeight: { 0: 22, 1: 16 },
  barHeight: { 0: 14, 1: 8 },
  labelIndent: { 0: 4, 1: 18 },
  labelUnits: { 0: 28, 1: 28 },
  groupGap: 6,
} as const;

/** Non-colour cues per status: the outline's dash, stripes, and a glyph after the bar. */
const STATUS_CUES: Record<string, { dash?: string; hatch?: boolean; glyph?: string; light?: boolean }> = {
  completed: { glyph: '✓' },
  delayed: { hatch: true },
  withdrawn: { dash: '4 2', light: true },
  'no-report': { dash: '1.5 2', glyph: '?', light: true },
  'not-started': { light: true },
  planned: { light: true },
};

/** One status bar: light track plus solid done part when a percent is known, stripes and glyph by status. */
function StatusBar(props: { id: string; status: string; x: number; y: number; width: number; height: number; percent?: number | null }) {
  const { x, y, width, height } = props;
  const cues = STATUS_CUES[props.status] ?? {};
  const cls = statusClass(props.status);
  const hasPercent = props.percent !== null && props.percent !== undefined && Number.isFinite(props.percent);
  const doneWidth = hasPercent ? (width * clamp(props.percent ?? 0, 0, 100)) / 100 : 0;
  const light = hasPercent || cues.light === true;
  return (
    <>
      <rect
        class={`gantt-bar ${cls}${light ? ' gantt-track' : ''}`}
        x={px(x)}
        y={px(y)}
        width={px(width)}
        height={height}
        rx="2"
        stroke-width="1.25"
        stroke-dasharray={cues.dash}
      />
      {hasPercent && doneWidth > 0 ? <rect class={`gantt-progress ${cls}`} x={px(x)} y={px(y)} width={px(doneWidth)} height={height} rx="2" /> : null}
      {cues.hatch ? <rect class="gantt-hatch" x={px(x)} y={px(y)} width={px(width)} height={height} rx="2" fill={`url(#${props.id}-hatch)`} /> : null}
      {cues.glyph ? (
        <text class={`gantt-glyph ${cls}`} x={px(x + width + 3)} y={px(y + height / 2 + 4.5)}>
          {cues.glyph}
        </text>
      ) : null}
    </>
  );
}

interface PlacedRow {
  row: GanttRow;
  top: number;
  height: number;
  separatorY: number | null;
}

function placeRows(rows: GanttRow[]): { placed: PlacedRow[]; bottom: number } {
  let y = GANTT.axisY + 4;
  const placed = rows.map((row, index): PlacedRow => {
    let separatorY: number | null = null;
    if (row.level === 0 && index > 0) {
      separatorY = y + GANTT.groupGap / 2;
      y += GANTT.groupGap;
    }
    const height = GANTT.rowHeight[row.level];
    const result = { row, top: y, height, separatorY };
    y += height;
    return result;
  });
  return { placed, bottom: y + 4 };
}

/** Jan 1 of every year inside the range: where the year ticks go. */
function yearStarts(range: { start: string; end: string }): { year: number; date: string }[] {
  const first = Number(range.start.slice(0, 4));
  const last = Number(range.end.slice(0, 4));
  const startDay = dayNumber(range.start);
  const endDay = dayNumber(range.end);
  const years: { year: number; date: string }[] = [];
  if (!Number.isFinite(first) || !Number.isFinite(last)) return years;
  for (let year = first; year <= last; year++) {
    const date = `${String(year).padStart(4, '0')}-01-01`;
    const day = dayNumber(date);
    if (day >= startDay && day <= endDay) years.push({ year, date });
  }
  return years;
}

function inRange(range: { start: string; end: string }, date: string | null): date is string {
  if (date === null) return false;
  const day = dayNumber(date);
  return day >= dayNumber(range.start) && day <= dayNumber(range.end);
}

/** Timeline of commitments and their milestones: year ticks, a bar per row, the done share, and a line for today. */
export function GanttChart(props: GanttChartProps) {
  const { id, range } = props;
  const plotWidth = GANTT.plotRight - GANTT.plotLeft;
  const xOf = (date: string) => GANTT.plotLeft + scaleDate(range, date, plotWidth);
  const { placed, bottom } = placeRows(props.rows);
  const showToday = inRange(range, props.today);
  const height = bottom + (showToday ? 22 : 6);
  const ticks = yearStarts(range);
  const firstTickX = ticks[0] ? xOf(ticks[0].date) : GANTT.plotRight;
  // A range that does not start on Jan 1 still names its first year, when there is room before the first tick.
  const startYearLabel = range.start.slice(5) !== '01-01' && firstTickX - GANTT.plotLeft >= 40 ? range.start.slice(0, 4) : null;
  const todayX = showToday ? xOf(props.today ?? range.start) : 0;
  const todayWidth = textWidth(props.todayLabel);
  const todayAnchor = todayX - todayWidth / 2 < GANTT.plotLeft - 10 ? 'start' : todayX + todayWidth / 2 > GANTT.width ? 'end' : 'middle';
  const formatDate = props.formatDate ?? ((date: string) => date);
  const percentText = (row: GanttRow) => formatValue(row.percent, '%');

  const groups: TableRow[][] = [];
  for (const row of props.rows) {
    const tableRow: TableRow = {
      header: linked(row.label, row.href),
      className: row.level === 1 ? 'chart-data-sub' : undefined,
      cells: [formatDate(row.start), formatDate(row.end), row.statusLabel, ...(props.columns.percent !== undefined ? [percentText(row)] : [])],
    };
    const current = groups[groups.length - 1];
    if (row.level === 0 || !current) groups.push([tableRow]);
    else current.push(tableRow);
  }

  return (
    <figure class="chart chart-gantt">
      <Caption caption={props.caption} />
      <ChartSvg id={props.id} title={props.title} description={props.description} kind="gantt" width={GANTT.width} height={height}>
        <HatchPattern id={id} />
        <rect class="gantt-plot" x={GANTT.plotLeft} y={GANTT.axisY} width={plotWidth} height={px(bottom - GANTT.axisY)} fill="none" />
        <g class="chart-axis-labels">
          {startYearLabel ? (
            <text x={GANTT.plotLeft + 3} y="16">
              {startYearLabel}
            </text>
          ) : null}
          {ticks.map((tick) => {
            const x = xOf(tick.date);
            const nearEnd = x + 32 > GANTT.width;
            return (
              <>
                <line class="chart-grid" x1={px(x)} x2={px(x)} y1={GANTT.axisY - 8} y2={px(bottom)} />
                <text x={px(nearEnd ? x - 3 : x + 3)} y="16" text-anchor={nearEnd ? 'end' : undefined}>
                  {String(tick.year)}
                </text>
              </>
            );
          })}
        </g>
        <line class="chart-axis" x1={GANTT.plotLeft} x2={GANTT.plotRight} y1={GANTT.axisY} y2={GANTT.axisY} />
        {placed.map(({ row, top, height: rowHeight, separatorY }) => {
          const barHeight = GANTT.barHeight[row.level];
          const start = xOf(row.start <= row.end ? row.start : row.end);
          const end = xOf(row.start <= row.end ? row.end : row.start);
          // A one-day milestone would be invisible at its true width.
          const width = Math.max(end - start, 3);
          const x = Math.min(start, GANTT.plotRight - width);
          const tooltip = [row.label, row.statusLabel, row.percent !== null && row.percent !== undefined ? percentText(row) : null].filter(Boolean).join(' · ');
          return (
            <g class={`gantt-row gantt-row-level-${row.level}`} data-key={row.key}>
              <title>{tooltip}</title>
              {separatorY !== null ? <line class="chart-separator" x1="0" x2={GANTT.width} y1={px(separatorY)} y2={px(separatorY)} /> : null}
              <text class={row.level === 0 ? 'gantt-label' : 'gantt-label gantt-label-sub'} x={GANTT.labelIndent[row.level]} y={px(top + rowHeight / 2 + 4)}>
                {truncate(row.label, GANTT.labelUnits[row.level])}
              </text>
              <StatusBar id={id} status={row.status} x={x} y={top + (rowHeight - barHeight) / 2} width={width} height={barHeight} percent={row.percent} />
            </g>
          );
        })}
        {showToday ? (
          <g class="gantt-today">
            <line class="gantt-today-line" x1={px(todayX)} x2={px(todayX)} y1={GANTT.axisY} y2={px(bottom + 4)} stroke-dasharray="4 3" stroke-width="1.5" />
            <text class="gantt-today-label" x={px(todayX)} y={px(bottom + 17)} text-anchor={todayAnchor}>
              {props.todayLabel}
            </text>
          </g>
        ) : null}
      </ChartSvg>
      {props.legend.length > 0 ? (
        <ul class="chart-legend">
          {props.legend.map((entry) => (
            <li>
              <Swatch width={30}>
                <StatusBar id={id} status={entry.status} x={1} y={2} width={18} height={10} />
              </Swatch>
              {entry.label}
            </li>
          ))}
        </ul>
      ) : null}
      <DataTable
        caption={props.title}
        headers={[
          props.columns.label,
          props.columns.start,
          props.columns.end,
          props.columns.status,
          ...(props.columns.percent !== undefined ? [props.columns.percent] : []),
        ]}
        groups={groups}
      />
    </figure>
  );
}

// ---- bar chart ----------------------------------------------------------------------------------------------------

export interface BarDatum {
  key: string;
  label: string;
  value: number | null;
  href?: string;
  /** Shown beside the value in the table, e.g. why a value is missing. */
  note?: string;
}

export interface BarChartProps extends ChartFrame {
  /** Written right after each number, e.g. '%'. */
  unit: string;
  /** The value a full-length bar stands for; 100 when left out. */
  max?: number;
  bars: BarDatum[];
  columns: { label: string; value: string };
}

const BARS = { width: 760, plotLeft: 220, plotRight: 700, top: 26, rowHeight: 26, barHeight: 16, labelUnits: 30 } as const;

/** Horizontal bars, one per area or agency, with the value written at each bar's end ("—" when unknown). */
export function BarChart(props: BarChartProps) {
  const max = props.max !== undefined && props.max > 0 ? props.max : 100;
  const plotWidth = BARS.plotRight - BARS.plotLeft;
  const bottom = BARS.top + props.bars.length * BARS.rowHeight + 4;
  const height = bottom + 6;
  return (
    <figure class="chart chart-bars">
      <Caption caption={props.caption} />
      <ChartSvg id={props.id} title={props.title} description={props.description} kind="bars" width={BARS.width} height={height}>
        {GRID_FRACTIONS.map((fraction) => {
          const x = BARS.plotLeft + fraction * plotWidth;
          return (
            <>
              <line class={fraction === 0 ? 'chart-axis' : 'chart-grid'} x1={px(x)} x2={px(x)} y1={BARS.top - 6} y2={px(bottom)} />
              <text class="chart-tick-label" x={px(x)} y="14" text-anchor="middle">
                {formatValue(max * fraction, props.unit)}
              </text>
            </>
          );
        })}
        {props.bars.map((bar, index) => {
          const top = BARS.top + index * BARS.rowHeight;
          const barY = top + (BARS.rowHeight - BARS.barHeight) / 2;
          const known = bar.value !== null && Number.isFinite(bar.value);
          const width = known ? (clamp(bar.value ?? 0, 0, max) / max) * plotWidth : 0;
          const valueText = formatValue(bar.value, props.unit);
          return (
            <g class="chart-row" data-key={bar.key}>
              <title>{[bar.label, valueText, bar.note].filter(Boolean).join(' · ')}</title>
              <text class="chart-label" x="4" y={px(top + BARS.rowHeight / 2 + 4)}>
                {truncate(bar.label, BARS.labelUnits)}
              </text>
              {known && width > 0 ? <rect class="chart-bar" x={BARS.plotLeft} y={px(barY)} width={px(width)} height={BARS.barHeight} /> : null}
              <text class={known ? 'chart-value' : 'chart-value chart-missing'} x={px(BARS.plotLeft + width + 5)} y={px(top + BARS.rowHeight / 2 + 4)}>
                {valueText}
              </text>
            </g>
          );
        })}
      </ChartSvg>
      <SeriesTable
        chart={props}
        rows={props.bars.map((bar) => ({
          header: linked(bar.label, bar.href),
          cells: [
            <>
              <span class="num">{formatValue(bar.value, props.unit)}</span>
              {bar.note ? <span class="chart-note"> {bar.note}</span> : null}
            </>,
          ],
        }))}
      />
    </figure>
  );
}

// ---- stacked bar --------------------------------------------------------------------------------------------------

export interface StackedSegment {
  key: string;
  label: string;
  value: number;
  /** Gives the segment its fill, e.g. 'gantt-status-completed'; pick a dark fill, as the count is written on it in white. */
  className: string;
  /** Adds the stripes used for delayed work, a cue that does not rely on colour. */
  hatched?: boolean;
}

export interface StackedBarProps extends ChartFrame {
  segments: StackedSegment[];
  columns: { label: string; value: string };
}

const STACK = { width: 760, height: 40, barY: 4, barHeight: 32 } as const;

/** One full-width bar split by counts (e.g. completed / on track / delayed / no report), each part labelled when it fits. */
export function StackedBar(props: StackedBarProps) {
  const { id } = props;
  const counted = props.segments.map((segment) => ({ ...segment, value: Number.isFinite(segment.value) ? Math.max(0, segment.value) : 0 }));
  const total = counted.reduce((sum, segment) => sum + segment.value, 0);
  let x = 0;
  const placed = counted.map((segment) => {
    const width = total > 0 ? (segment.value / total) * STACK.width : 0;
    const result = { segment, x, width };
    x += width;
    return result;
  });
  const anyHatched = counted.some((segment) => segment.hatched);
  return (
    <figure class="chart chart-stacked">
      <Caption caption={props.caption} />
      <ChartSvg id={props.id} title={props.title} description={props.description} kind="stacked" width={STACK.width} height={STACK.height}>
        {anyHatched ? <HatchPattern id={id} /> : null}
        {total === 0 ? <rect class="chart-empty" x="0.5" y={STACK.barY} width={STACK.width - 1} height={STACK.barHeight} /> : null}
        {placed
          .filter((p) => p.width > 0)
          .map(({ segment, x: segmentX, width }) => {
            const label = formatNumber(segment.value);
            return (
              <g class="chart-segment-group" data-key={segment.key}>
                <title>{`${segment.label} · ${label}`}</title>
                <rect class={`chart-segment ${segment.className}`} x={px(segmentX)} y={STACK.barY} width={px(width)} height={STACK.barHeight} />
                {segment.hatched ? (
                  <rect class="chart-hatch" x={px(segmentX)} y={STACK.barY} width={px(width)} height={STACK.barHeight} fill={`url(#${id}-hatch)`} />
                ) : null}
                {width >= textWidth(label) + 10 ? (
                  <text
                    class={`chart-segment-label ${segment.className}`}
                    x={px(segmentX + width / 2)}
                    y={STACK.barY + STACK.barHeight / 2 + 4.5}
                    text-anchor="middle"
                  >
                    {label}
                  </text>
                ) : null}
              </g>
            );
          })}
      </ChartSvg>
      <ul class="chart-legend">
        {counted.map((segment) => (
          <li>
            <Swatch>
              <rect class={`chart-segment ${segment.className}`} x="1" y="1" width="16" height="12" />
              {segment.hatched ? <rect class="chart-hatch" x="1" y="1" width="16" height="12" fill={`url(#${id}-hatch)`} /> : null}
            </Swatch>
            {segment.label} <span class="chart-legend-value">{formatNumber(segment.value)}</span>
          </li>
        ))}
      </ul>
      <SeriesTable
        chart={props}
        rows={counted.map((segment) => ({ header: segment.label, cells: [<span class="num">{formatNumber(segment.value)}</span>] }))}
      />
    </figure>
  );
}

// ---- line chart ---------------------------------------------------------------------------------------------------

export interface LinePoint {
  key: string;
  /** Label on the x axis, e.g. the review cycle's name. */
  label: string;
  value: number | null;
}

export interface LineChartProps extends ChartFrame {
  unit: string;
  /** Top of the y axis; 100 when left out. */
  max?: number;
  points: LinePoint[];
  columns: { label: string; value: string };
}

const LINE = { width: 760, height: 260, plotLeft: 56, plotRight: 744, plotTop: 24, plotBottom: 224 } as const;

/** Progress over review cycles: a marker and value per cycle, joined by a line that breaks where a value is missing. */
export function LineChart(props: LineChartProps) {
  const max = props.max !== undefined && props.max > 0 ? props.max : 100;
  const plotWidth = LINE.plotRight - LINE.plotLeft;
  const plotHeight = LINE.plotBottom - LINE.plotTop;
  const band = props.points.length > 0 ? plotWidth / props.points.length : plotWidth;
  const xAt = (index: number) => LINE.plotLeft + (index + 0.5) * band;
  const yAt = (value: number) => LINE.plotBottom - (clamp(value, 0, max) / max) * plotHeight;
  const known = (value: number | null): value is number => value !== null && Number.isFinite(value);

  // Consecutive known values make one stretch of line; a missing value ends it.
  const runs: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  props.points.forEach((point, index) => {
    if (known(point.value)) run.push({ x: xAt(index), y: yAt(point.value) });
    else {
      if (run.length > 0) runs.push(run);
      run = [];
    }
  });
  if (run.length > 0) runs.push(run);

  const labelUnits = Math.max(3, Math.floor((band - 6) / 6.6));
  return (
    <figure class="chart chart-line">
      <Caption caption={props.caption} />
      <ChartSvg id={props.id} title={props.title} description={props.description} kind="line" width={LINE.width} height={LINE.height}>
        {GRID_FRACTIONS.map((fraction) => {
          const y = LINE.plotBottom - fraction * plotHeight;
          return (
            <>
              <line class={fraction === 0 ? 'chart-axis' : 'chart-grid'} x1={LINE.plotLeft} x2={LINE.plotRight} y1={px(y)} y2={px(y)} />
              <text class="chart-tick-label" x={LINE.plotLeft - 6} y={px(y + 4)} text-anchor="end">
                {formatValue(max * fraction, props.unit)}
              </text>
            </>
          );
        })}
        {runs
          .filter((stretch) => stretch.length > 1)
          .map((stretch) => (
            <polyline class="chart-line-path" points={stretch.map((p) => `${px(p.x)},${px(p.y)}`).join(' ')} fill="none" stroke-width="2.5" />
          ))}
        {props.points.map((point, index) => {
          const x = xAt(index);
          return (
            <g class="chart-point" data-key={point.key}>
              <title>{`${point.label} · ${formatValue(point.value, props.unit)}`}</title>
              {known(point.value) ? (
                <>
                  <circle class="chart-marker" cx={px(x)} cy={px(yAt(point.value))} r="4.5" stroke-width="1.5" />
                  <text class="chart-value" x={px(x)} y={px(yAt(point.value) - 9)} text-anchor="middle">
                    {formatValue(point.value, props.unit)}
                  </text>
                </>
              ) : (
                <text class="chart-value chart-missing" x={px(x)} y={LINE.plotBottom - 8} text-anchor="middle">
                  {MISSING}
                </text>
              )}
              <text class="chart-x-label" x={px(x)} y={LINE.plotBottom + 20} text-anchor="middle">
                {truncate(point.label, labelUnits)}
              </text>
            </g>
          );
        })}
      </ChartSvg>
      <SeriesTable
        chart={props}
        rows={props.points.map((point) => ({ header: point.label, cells: [<span class="num">{formatValue(point.value, props.unit)}</span>] }))}
      />
    </figure>
  );
}
