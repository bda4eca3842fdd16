/**
 * Working days and the transcript embargo.
 *
 * A working day is what the government office calendar says it is (weekends, holidays, and the Saturdays
 * worked to make up for bridge holidays); for a day the calendar does not cover, Monday to Friday.
 * The calendar is loaded from the office calendar open-data CSV (行政機關辦公日曆表): columns
 * 西元日期 (YYYYMMDD), 星期, 是否放假 (2 = day off, 0 = workday), 備註.
 *
 * Pure: dates are 'YYYY-MM-DD' strings; the only instant is the publication time.
 */
import { parse } from 'csv-parse/sync';
import { addDays } from './monitoring.js';

export interface OfficeCalendar {
  /** true = day off, false = workday, undefined = not covered by the calendar */
  isDayOff(day: string): boolean | undefined;
  /** Whether the calendar has an answer for every day from `from` to `to` (inclusive). */
  covers(from: string, to: string): boolean;
}

/** A calendar of the given days; an empty span (from after to) counts as covered. */
export function calendarFrom(rows: readonly { day: string; isDayOff: boolean }[]): OfficeCalendar {
  const days = new Map<string, boolean>();
  for (const row of rows) days.set(row.day, row.isDayOff);
  return {
    isDayOff: (day) => days.get(day),
    covers: (from, to) => {
      for (let day = from; day <= to; day = addDays(day, 1)) if (!days.has(day)) return false;
      return true;
    },
  };
}

/** No calendar: every day falls back to Monday–Friday. It covers nothing, not even an empty span, so a count made
 * without a calendar never claims to have used one. */
export const WEEKENDS_ONLY: OfficeCalendar = { isDayOff: () => undefined, covers: () => false };

/** 0 = Sunday … 6 = Saturday. */
function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function isWorkingDay(day: string, calendar: OfficeCalendar): boolean {
  const off = calendar.isDayOff(day);
  if (off !== undefined) return !off;
  const d = weekday(day);
  return d !== 0 && d !== 6;
}

/**
 * The n-th working day strictly after `start` (n = 0: `start` itself, working day or not). `usedCalendar` is true only
 * if the calendar covered every day examined, i.e. every day after `start` up to the result.
 */
export function addWorkingDays(start: string, n: number, calendar: OfficeCalendar): { day: string; usedCalendar: boolean } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, not ${n}`);
  let day = start;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) counted++;
  }
  return { day, usedCalendar: calendar.covers(addDays(start, 1), day) };
}

/** 00:00 of `day` in Taipei (UTC+8 all year; Taiwan has had no daylight saving time since 1979). */
export function taipeiMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/**
 * When a meeting's transcript is published.
 *
 * The rule: speakers may correct the transcript through the whole n-th working day after the meeting
 * (`lastCorrectionDay`; n = 0: the meeting day itself). Publication is at 00:00 Asia/Taipei of the day after
 * that — unless a release date is set and later, then at 00:00 Taipei of the release date. An earlier release date
 * never shortens the correction period, and a later one does not lengthen it: it only holds the publication back.
 * `countedWithCalendar` is false when any day counted fell outside the office calendar (then Monday–Friday was
 * assumed for it, and the page should say so).
 */
export function embargoEnd(o: { heldOn: string; workingDays: number; releaseOn: string | null; calendar: OfficeCalendar }): {
  publishAt: Date;
  lastCorrectionDay: string;
  countedWithCalendar: boolean;
} {
  const { day: lastCorrectionDay, usedCalendar } = addWorkingDays(o.heldOn, o.workingDays, o.calendar);
  const afterCorrections = addDays(lastCorrectionDay, 1);
  const publishDay = o.releaseOn !== null && o.releaseOn > afterCorrections ? o.releaseOn : afterCorrections;
  return { publishAt: taipeiMidnight(publishDay), lastCorrectionDay, countedWithCalendar: usedCalendar };
}

/**
 * The days of the office calendar to load for counting `workingDays` after `heldOn`: generous enough for the
 * longest holiday runs (Lunar New Year, up to ten days off in a row). Days beyond it would only fall back to Monday–Friday.
 */
export function calendarWindow(heldOn: string, workingDays: number): { from: string; to: string } {
  return { from: heldOn, to: addDays(heldOn, 2 * workingDays + 31) };
}

// ---------------------------------------------------------------- the open-data CSV

export interface CalendarProblem {
  /** 1-based line of the file */
  line: number;
  key: string;
  params?: Record<string, string | number>;
}

export type CalendarRow = { day: string; isDayOff: boolean; note: string };

const COLUMNS = { day: '西元日期', weekday: '星期', flag: '是否放假', note: '備註' } as const;
const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'] as const;
const FLAGS: Record<string, boolean> = { '2': true, '0': false };

/** 'YYYYMMDD' → 'YYYY-MM-DD' when it is a real date. */
function isoFromCompact(value: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/**
 * Reads the office calendar CSV (UTF-8, with or without BOM, LF or CRLF). Columns are found by their header names,
 * so their order does not matter and extra columns are ignored; 星期, when given, must match the date.
 * Either every row is good, or the problems are listed with their lines.
 */
export function parseOfficeCalendarCsv(text: string): { ok: true; rows: CalendarRow[] } | { ok: false; problems: CalendarProblem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, trim: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
    return { ok: false, problems: [{ line, key: 'calendar.error.syntax' }] };
  }
  const [header, ...body] = records;
  const names = (header?.record ?? []).map((name) => name.replace(/^\uFEFF/, '').trim());
  const index = (name: string) => names.indexOf(name);
  const missing = [COLUMNS.day, COLUMNS.flag].filter((name) => index(name) < 0);
  if (missing.length > 0) {
    return { ok: false, problems: [{ line: header?.info.lines ?? 1, key: 'calendar.error.header', params: { columns: missing.join(', ') } }] };
  }
  const [dayAt, flagAt, weekdayAt, noteAt] = [index(COLUMNS.day), index(COLUMNS.flag), index(COLUMNS.weekday), index(COLUMNS.note)];

  const problems: CalendarProblem[] = [];
  const rows: CalendarRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    const rawDay = record[dayAt] ?? '';
    const rawFlag = record[flagAt] ?? '';
    const day = isoFromCompact(rawDay);
    const isDayOff = FLAGS[rawFlag];
    if (!day) problems.push({ line, key: 'calendar.error.date', params: { value: rawDay } });
    if (isDayOff === undefined) problems.push({ line, key: 'calendar.error.flag', params: { value: rawFlag } });
    if (!day || isDayOff === undefined) continue;
    const rawWeekday = weekdayAt >= 0 ? (record[weekdayAt] ?? '') : '';
    const expected = WEEKDAY_NAMES[weekday(day)] ?? '';
    if (rawWeekday !== '' && rawWeekday !== expected && !(rawWeekday === '天' && expected === '日')) {
      problems.push({ line, key: 'calendar.error.weekday', params: { value: rawWeekday, day, expected } });
      continue;
    }
    const firstLine = seen.get(day);
    if (firstLine !== undefined) {
      problems.push({ line, key: 'calendar.error.duplicate', params: { day, firstLine } });
      continue;
    }
    seen.set(day, line);
    rows.push({ day, isDayOff, note: noteAt >= 0 ? (record[noteAt] ?? '') : '' });
  }
  if (problems.length === 0 && rows.length === 0) problems.push({ line: header?.info.lines ?? 1, key: 'calendar.error.empty' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
