import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BarChart,
  GanttChart,
  LineChart,
  StackedBar,
  formatNumber,
  scaleDate,
  truncate,
  type ChartFrame,
  type GanttChartProps,
  type GanttRow,
  type LinePoint,
} from './charts.js';

// hono/jsx elements render to a string; awaiting first also covers a component that turns async one day.
const render = async (element: unknown) => String(await element);

/** The opening tags of one element name, e.g. every `<rect …>`. */
const tags = (html: string, name: string) => html.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const num = (tag: string, name: string) => Number(attr(tag, name));
const svgOf = (html: string) => /<svg class="chart-svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
const tbodyRows = (html: string) => (/<tbody>[\s\S]*<\/tbody>/.exec(html)?.[0] ?? '').match(/<tr\b[\s\S]*?<\/tr>/g) ?? [];
const cellTexts = (row: string) => [...row.matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ''));
/** The SVG group drawn for one data row, found by its data-key. */
const group = (html: string, key: string) => new RegExp(`<g class="[^"]*" data-key="${key}">[\\s\\S]*?</g>`).exec(html)?.[0] ?? '';

/** Title and desc exist with the ids aria-labelledby names, and the data table comes right after the SVG. */
function assertAccessibleFigure(html: string, { id, title, description }: ChartFrame) {
  assert.match(html, /^<figure class="chart /);
  const svgTag = tags(html, 'svg')[0] ?? '';
  assert.equal(attr(svgTag, 'role'), 'img');
  assert.equal(attr(svgTag, 'width'), '100%');
  assert.match(attr(svgTag, 'viewBox') ?? '', /^0 0 \d+ [\d.]+$/);
  const [titleId, descId] = (attr(svgTag, 'aria-labelledby') ?? '').split(' ');
  assert.equal(titleId, `${id}-title`);
  assert.equal(descId, `${id}-desc`);
  assert.ok(html.includes(`<title id="${titleId}">${title}</title>`));
  assert.ok(html.includes(`<desc id="${descId}">${description}</desc>`));
  assert.ok(html.indexOf('<table class="chart-data">') > html.indexOf('</svg>'));
  assert.ok(!html.includes('style='), 'no inline styles: the CSP forbids them');
}

const range = { start: '2021-09-01', end: '2024-08-31' };
const columns = { label: 'Commitment', start: 'Start', end: 'End', status: 'Status', percent: 'Done' };
const legend = [
  { status: 'completed', label: 'Completed' },
  { status: 'delayed', label: 'Delayed' },
];

function row(overrides: Partial<GanttRow> & { key: string }): GanttRow {
  return { label: overrides.key, start: range.start, end: range.end, status: 'in-progress', statusLabel: 'In progress', level: 0, ...overrides };
}

const planGantt: ChartFrame = { id: 'plan-gantt', title: 'Commitment timeline', description: 'Two commitments, one delayed.' };

/** The plan's Gantt chart of these rows; `props` replaces any of the usual ones (caption, columns, legend …). */
const gantt = (rows: GanttRow[], today: string | null = '2023-03-15', props: Partial<GanttChartProps> = {}) =>
  render(
    <GanttChart
      {...planGantt}
      caption="Timeline of the 2021–2024 plan"
      range={range}
      today={today}
      todayLabel="Today"
      rows={rows}
      columns={columns}
      legend={legend}
      {...props}
    />,
  );

/** The plot area's left edge and width, from the frame drawn around it. */
function plotBox(html: string) {
  const frame = tags(html, 'rect').find((t) => attr(t, 'class') === 'gantt-plot') ?? '';
  return { x: num(frame, 'x'), width: num(frame, 'width') };
}

const barOf = (html: string, key: string) => tags(group(html, key), 'rect').find((t) => (attr(t, 'class') ?? '').startsWith('gantt-bar ')) ?? '';

test('scaleDate places dates on the axis and clamps outside the range', () => {
  assert.equal(scaleDate(range, range.start, 500), 0);
  assert.equal(scaleDate(range, range.end, 500), 500);
  assert.equal(scaleDate({ start: '2022-01-01', end: '2022-01-11' }, '2022-01-06', 100), 50);
  assert.equal(scaleDate(range, '2019-01-01', 500), 0);
  assert.equal(scaleDate(range, '2030-01-01', 500), 500);
  assert.equal(scaleDate({ start: '2022-01-01', end: '2022-01-01' }, '2022-01-01', 500), 0, 'an empty range does not divide by zero');
  assert.equal(scaleDate(range, 'not a date', 500), 0);
});

test('truncate cuts long text with an ellipsis and counts wide characters twice', () => {
  assert.equal(truncate('short', 28), 'short');
  assert.equal(truncate('abcdefghij', 10), 'abcdefghij');
  assert.equal(truncate('abcdefghijk', 10), 'abcdefghi…');
  assert.equal(truncate('abcd efghij', 6), 'abcd…', 'no space before the ellipsis');
  assert.equal(truncate('開放政府行動方案', 8), '開放政…');
  assert.equal(truncate('anything', 0), '');
});

test('formatNumber rounds to whole numbers from 10 and one decimal below', () => {
  assert.equal(formatNumber(66.666), '67');
  assert.equal(formatNumber(3.25), '3.3');
  assert.equal(formatNumber(0.04), '0');
  assert.equal(formatNumber(100), '100');
});

test('GanttChart is an accessible figure: named and described SVG, caption, and the same data as a table', async () => {
  const html = await gantt([
    row({ key: 'c1', label: 'Open budget data', href: '/en/plans/p/commitments/1-1', status: 'delayed', statusLabel: 'Delayed', percent: 40 }),
    row({
      key: 'm1',
      label: 'Publish the dataset',
      start: '2022-01-01',
      end: '2022-06-30',
      status: 'completed',
      statusLabel: 'Completed',
      percent: 100,
      level: 1,
    }),
    row({
      key: 'm2',
      label: 'Hold workshops',
      start: '2022-07-01',
      end: '2023-06-30',
      status: 'not-started',
      statusLabel: 'Not started',
      percent: null,
      level: 1,
    }),
  ]);
  assertAccessibleFigure(html, planGantt);
  assert.match(html, /<figcaption>Timeline of the 2021–2024 plan<\/figcaption>/);
  assert.deepEqual(tags(html, 'th').filter((t) => attr(t, 'scope') === 'col').length, 5, 'label, start, end, status and percent columns');
  assert.deepEqual(tbodyRows(html).map(cellTexts), [
    ['Open budget data', '2021-09-01', '2024-08-31', 'Delayed', '40%'],
    ['Publish the dataset', '2022-01-01', '2022-06-30', 'Completed', '100%'],
    ['Hold workshops', '2022-07-01', '2023-06-30', 'Not started', '—'],
  ]);
  assert.match(html, /<th scope="row"><a href="\/en\/plans\/p\/commitments\/1-1">Open budget data<\/a><\/th>/);
  assert.ok(!svgOf(html).includes('<a '), 'no links inside role="img", where they would be focusable but unnamed');
  assert.match(html, /<ul class="chart-legend">[\s\S]*Completed[\s\S]*Delayed[\s\S]*<\/ul>/);
});

test('GanttChart escapes text and truncates long labels, keeping the full label in the tooltip and table', async () => {
  const long = 'A very long commitment title that will not fit beside the bars';
  const html = await gantt([row({ key: 'x', label: '<script>alert(1)</script>' }), row({ key: 'long', label: long })]);
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  const longGroup = group(html, 'long');
  assert.match(longGroup, /<title>A very long commitment title that will not fit beside the bars · In progress<\/title>/);
  assert.match(longGroup, new RegExp(`>${truncate(long, 28)}</text>`));
  assert.ok(truncate(long, 28).endsWith('…'));
  assert.deepEqual(cellTexts(tbodyRows(html)[1] ?? '')[0], long);
});

test('GanttChart positions bars by date: a row spanning the range fills the plot width', async () => {
  const html = await gantt([
    row({ key: 'full' }),
    row({ key: 'second-year', start: '2022-09-01', end: '2023-08-31' }),
    row({ key: 'before', start: '2020-01-01', end: '2021-12-31', level: 1 }),
  ]);
  const plot = plotBox(html);
  assert.ok(plot.width > 400);
  const full = barOf(html, 'full');
  assert.equal(num(full, 'x'), plot.x);
  assert.equal(num(full, 'width'), plot.width);
  const second = barOf(html, 'second-year');
  const expectedX = plot.x + scaleDate(range, '2022-09-01', plot.width);
  assert.ok(Math.abs(num(second, 'x') - expectedX) < 0.01);
  assert.ok(Math.abs(num(second, 'width') - (scaleDate(range, '2023-08-31', plot.width) - scaleDate(range, '2022-09-01', plot.width))) < 0.02);
  const before = barOf(html, 'before');
  assert.equal(num(before, 'x'), plot.x, 'a bar starting before the range is clipped to its start');
  assert.ok(num(before, 'height') < num(full, 'height'), 'milestones are thinner than commitments');
});

test('GanttChart labels each Jan 1 in the range and draws the done share', async () => {
  const html = await gantt([row({ key: 'half', percent: 50 })]);
  for (const year of ['2022', '2023', '2024']) assert.match(html, new RegExp(`<text[^>]*>${year}</text>`));
  const progress = tags(group(html, 'half'), 'rect').find((t) => (attr(t, 'class') ?? '').startsWith('gantt-progress')) ?? '';
  assert.equal(num(progress, 'width'), plotBox(html).width / 2);
});

test('GanttChart draws the today line only when today is inside the range', async () => {
  const rows = [row({ key: 'a' })];
  const inside = await gantt(rows, '2023-03-15');
  assert.equal(tags(inside, 'line').filter((t) => attr(t, 'class') === 'gantt-today-line').length, 1);
  assert.match(inside, />Today<\/text>/);
  const todayLine = tags(inside, 'line').find((t) => attr(t, 'class') === 'gantt-today-line') ?? '';
  const plot = plotBox(inside);
  assert.ok(Math.abs(num(todayLine, 'x1') - (plot.x + scaleDate(range, '2023-03-15', plot.width))) < 0.01);
  for (const today of [null, '2025-01-01', '2020-12-31']) {
    const html = await gantt(rows, today);
    assert.ok(!html.includes('gantt-today'), `no today line for ${today}`);
    assert.ok(!html.includes('>Today<'));
  }
});

test('GanttChart marks statuses without relying on colour: stripes, dashes and a check mark', async () => {
  const html = await gantt([
    row({ key: 'late', status: 'delayed', statusLabel: 'Delayed' }),
    row({ key: 'done', status: 'completed', statusLabel: 'Completed' }),
    row({ key: 'gone', status: 'withdrawn', statusLabel: 'Withdrawn' }),
  ]);
  assert.match(html, /<pattern id="plan-gantt-hatch"/);
  assert.ok(group(html, 'late').includes('fill="url(#plan-gantt-hatch)"'));
  assert.ok(!group(html, 'done').includes('url(#plan-gantt-hatch)'));
  assert.ok(!group(html, 'gone').includes('url(#plan-gantt-hatch)'));
  assert.match(group(html, 'done'), /<text class="gantt-glyph gantt-status-completed"[^>]*>✓<\/text>/);
  assert.ok(attr(barOf(html, 'gone'), 'stroke-dasharray'));
  assert.equal(attr(barOf(html, 'done'), 'stroke-dasharray'), undefined);
  assert.match(attr(barOf(html, 'late'), 'class') ?? '', /\bgantt-status-delayed\b/);
});

test('GanttChart leaves out the percent column when no header is given', async () => {
  const html = await gantt([row({ key: 'a', percent: 30 })], null, {
    caption: undefined,
    columns: { label: 'L', start: 'S', end: 'E', status: 'St' },
    legend: [],
  });
  assert.deepEqual(cellTexts(tbodyRows(html)[0] ?? ''), ['a', '2021-09-01', '2024-08-31', 'In progress']);
  assert.ok(!html.includes('<figcaption>'));
  assert.ok(!html.includes('chart-legend'));
});

test('BarChart draws a bar per value with its label, and "—" for a missing value', async () => {
  const areas: ChartFrame = { id: 'areas', title: 'Progress by area', description: 'Open data leads at 75%.' };
  const html = await render(
    <BarChart
      {...areas}
      unit="%"
      bars={[
        { key: 'open-data', label: 'Open data', value: 75, href: '/en/areas/open-data' },
        { key: 'budget', label: 'Budget & <spending>', value: 37.5 },
        { key: 'justice', label: 'Justice', value: null, note: 'No report yet' },
      ]}
      columns={{ label: 'Area', value: 'Progress' }}
    />,
  );
  assertAccessibleFigure(html, areas);
  assert.deepEqual(tbodyRows(html).map(cellTexts), [
    ['Open data', '75%'],
    ['Budget &amp; &lt;spending&gt;', '38%'],
    ['Justice', '— No report yet'],
  ]);
  for (const tick of ['0%', '25%', '50%', '75%', '100%']) assert.match(html, new RegExp(`<text class="chart-tick-label"[^>]*>${tick}</text>`));
  const grid = tags(html, 'line');
  const left = num(grid[0] ?? '', 'x1');
  const right = num(grid[grid.length - 1] ?? '', 'x1');
  const openData = tags(group(html, 'open-data'), 'rect')[0] ?? '';
  assert.equal(num(openData, 'width'), (right - left) * 0.75);
  assert.match(group(html, 'open-data'), />75%<\/text>/);
  assert.equal(tags(group(html, 'justice'), 'rect').length, 0, 'no bar for a missing value');
  assert.match(group(html, 'justice'), /<text class="chart-value chart-missing"[^>]*>—<\/text>/);
});

test('StackedBar splits the full width by count, labels parts that fit, and lists every count', async () => {
  const health: ChartFrame = { id: 'health', title: 'Commitment status', description: '6 of 10 commitments are on track.' };
  const html = await render(
    <StackedBar
      {...health}
      segments={[
        { key: 'completed', label: 'Completed', value: 2, className: 'gantt-status-completed' },
        { key: 'on-track', label: 'On track', value: 6, className: 'gantt-status-on-track' },
        { key: 'delayed', label: 'Delayed', value: 2, className: 'gantt-status-delayed', hatched: true },
        { key: 'withdrawn', label: 'Withdrawn', value: 0, className: 'gantt-status-withdrawn' },
      ]}
      columns={{ label: 'Status', value: 'Commitments' }}
    />,
  );
  assertAccessibleFigure(html, health);
  const viewWidth = Number((attr(tags(html, 'svg')[0] ?? '', 'viewBox') ?? '').split(' ')[2]);
  const segments = tags(svgOf(html), 'rect').filter((t) => (attr(t, 'class') ?? '').startsWith('chart-segment '));
  assert.equal(segments.length, 3, 'an empty segment is not drawn');
  assert.equal(
    segments.reduce((sum, t) => sum + num(t, 'width'), 0),
    viewWidth,
  );
  assert.equal(num(segments[1] ?? '', 'width'), viewWidth * 0.6);
  assert.match(group(html, 'on-track'), />6<\/text>/);
  assert.ok(group(html, 'delayed').includes('url(#health-hatch)'));
  assert.deepEqual(tbodyRows(html).map(cellTexts), [
    ['Completed', '2'],
    ['On track', '6'],
    ['Delayed', '2'],
    ['Withdrawn', '0'],
  ]);
});

test('LineChart marks each known value, breaks the line at a missing one, and tabulates all', async () => {
  const cycles: ChartFrame = { id: 'cycles', title: 'Progress by review cycle', description: 'Progress rose from 20% to 90%.' };
  const points: LinePoint[] = [
    { key: 'c1', label: 'Mid-term 2022', value: 20 },
    { key: 'c2', label: 'Annual 2022', value: 45 },
    { key: 'c3', label: 'Mid-term 2023', value: null },
    { key: 'c4', label: 'Annual 2023', value: 70 },
    { key: 'c5', label: 'Final', value: 90 },
  ];
  const html = await render(<LineChart {...cycles} unit="%" points={points} columns={{ label: 'Cycle', value: 'Progress' }} />);
  assertAccessibleFigure(html, cycles);
  assert.equal(tags(html, 'circle').length, 4);
  assert.equal(tags(html, 'polyline').length, 2, 'one stretch of line each side of the gap');
  assert.equal(tags(group(html, 'c3'), 'circle').length, 0);
  assert.match(group(html, 'c3'), />—<\/text>/);
  assert.match(group(html, 'c2'), />45%<\/text>/);
  const markers = tags(html, 'circle').map((t) => num(t, 'cy'));
  assert.ok(
    markers.every((cy, i) => i === 0 || cy < (markers[i - 1] ?? 0)),
    'higher values sit higher',
  );
  assert.deepEqual(tbodyRows(html).map(cellTexts), [
    ['Mid-term 2022', '20%'],
    ['Annual 2022', '45%'],
    ['Mid-term 2023', '—'],
    ['Annual 2023', '70%'],
    ['Final', '90%'],
  ]);
});
