/** Unit tests of working days, the transcript embargo and the office calendar CSV. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { taipeiDay } from './monitoring.js';
import {
  WEEKENDS_ONLY,
  addWorkingDays,
  calendarFrom,
  calendarWindow,
  embargoEnd,
  isWorkingDay,
  parseOfficeCalendarCsv,
  taipeiMidnight,
  type OfficeCalendar,
} from './working-days.js';

/** Every day from `from` to `to`, weekends off, except the listed days off and make-up workdays. */
function calendar(from: string, to: string, o: { off?: string[]; work?: string[] } = {}): OfficeCalendar {
  const rows: { day: string; isDayOff: boolean }[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    rows.push({ day, isDayOff: o.work?.includes(day) ? false : weekend || (o.off?.includes(day) ?? false) });
  }
  return calendarFrom(rows);
}

// Taiwan 2024: Lunar New Year 2-08 (Thu, bridge day) … 2-14 (Wed) off, made up on Saturday 2-17; 2-28 Peace Memorial Day.
const LUNAR_NEW_YEAR_2024 = ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'];
const TW_2024_Q1 = calendar('2024-01-01', '2024-03-31', { off: ['2024-01-01', ...LUNAR_NEW_YEAR_2024, '2024-02-28'], work: ['2024-02-17'] });

describe('working days', () => {
  test('without a calendar, Monday to Friday', () => {
    const fridayToMonday = ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04'];
    assert.deepEqual(
      fridayToMonday.map((day) => isWorkingDay(day, WEEKENDS_ONLY)),
      [true, false, false, true],
    );
    assert.equal(isWorkingDay('2024-02-08', WEEKENDS_ONLY), true, 'a holiday the calendar would know about');
  });

  test('the calendar’s answer wins, both ways; days it does not cover fall back to Monday to Friday', () => {
    const cases: [day: string, working: boolean, what: string][] = [
      ['2024-02-08', false, 'holiday on a Thursday'],
      ['2024-02-17', true, 'make-up Saturday'],
      ['2024-02-18', false, 'ordinary Sunday'],
      ['2024-04-04', true, 'not covered: a Thursday'],
      ['2024-04-06', false, 'not covered: a Saturday'],
    ];
    for (const [day, working, what] of cases) assert.equal(isWorkingDay(day, TW_2024_Q1), working, what);
    assert.equal(TW_2024_Q1.isDayOff('2024-02-17'), false);
    assert.equal(TW_2024_Q1.isDayOff('2024-04-04'), undefined);
  });

  test('weekends only: a Friday meeting plus 10 working days is the Friday two weeks later', () => {
    assert.deepEqual(addWorkingDays('2024-03-01', 10, WEEKENDS_ONLY), { day: '2024-03-15', usedCalendar: false });
    assert.deepEqual(addWorkingDays('2024-03-01', 1, WEEKENDS_ONLY), { day: '2024-03-04', usedCalendar: false }, 'over the weekend');
    assert.deepEqual(addWorkingDays('2024-03-04', 4, WEEKENDS_ONLY), { day: '2024-03-08', usedCalendar: false }, 'within a week');
    assert.deepEqual(addWorkingDays('2024-03-04', 5, WEEKENDS_ONLY), { day: '2024-03-11', usedCalendar: false });
  });

  test('with a full calendar and no holidays, the same answer, counted with the calendar', () => {
    assert.deepEqual(addWorkingDays('2024-03-01', 10, TW_2024_Q1), { day: '2024-03-15', usedCalendar: true });
  });

  test('Lunar New Year 2024: seven days off inside the span, and the make-up Saturday counts', () => {
    // Working days after Mon 2-05: 2-06, 2-07, [2-08 … 2-14 off], 2-15, 2-16, Sat 2-17, 2-19, 2-20, 2-21, 2-22, 2-23.
    assert.deepEqual(addWorkingDays('2024-02-05', 5, TW_2024_Q1), { day: '2024-02-17', usedCalendar: true });
    assert.deepEqual(addWorkingDays('2024-02-05', 10, TW_2024_Q1), { day: '2024-02-23', usedCalendar: true });
    // Without the calendar the holidays count as working days and the Saturday does not.
    assert.deepEqual(addWorkingDays('2024-02-05', 10, WEEKENDS_ONLY), { day: '2024-02-19', usedCalendar: false });
  });

  test('a holiday on a weekday in the span (Peace Memorial Day, Wed 2-28) pushes the end by a day', () => {
    assert.equal(addWorkingDays('2024-02-26', 3, TW_2024_Q1).day, '2024-03-01');
    assert.equal(addWorkingDays('2024-02-26', 3, WEEKENDS_ONLY).day, '2024-02-29');
  });

  test('a meeting on a day off: counting starts with the next working day', () => {
    assert.equal(addWorkingDays('2024-03-02', 10, TW_2024_Q1).day, '2024-03-15', 'Saturday meeting');
    assert.equal(addWorkingDays('2024-03-03', 1, TW_2024_Q1).day, '2024-03-04', 'Sunday meeting');
    assert.equal(addWorkingDays('2024-02-10', 1, TW_2024_Q1).day, '2024-02-15', 'meeting on New Year’s Day');
    assert.equal(addWorkingDays('2024-02-10', 3, TW_2024_Q1).day, '2024-02-17');
  });

  test('n = 0 is the start itself, working day or not', () => {
    assert.deepEqual(addWorkingDays('2024-03-02', 0, TW_2024_Q1), { day: '2024-03-02', usedCalendar: true });
    assert.deepEqual(addWorkingDays('2024-03-02', 0, WEEKENDS_ONLY), { day: '2024-03-02', usedCalendar: false }, 'no calendar never claims to be one');
  });

  test('partial coverage: a span running past the end of the calendar is not counted with the calendar', () => {
    const result = addWorkingDays('2024-03-25', 10, TW_2024_Q1);
    assert.deepEqual(result, { day: '2024-04-08', usedCalendar: false });
    assert.equal(addWorkingDays('2024-03-15', 10, TW_2024_Q1).usedCalendar, true, 'ends on Fri 3-29, inside the calendar');
    const gappy = calendarFrom([
      { day: '2024-03-04', isDayOff: false },
      { day: '2024-03-06', isDayOff: false },
    ]);
    assert.deepEqual(addWorkingDays('2024-03-03', 3, gappy), { day: '2024-03-06', usedCalendar: false }, 'a gap inside the span');
    assert.equal(addWorkingDays('2024-02-29', 1, TW_2024_Q1).usedCalendar, true, 'the start itself need not be covered');
  });

  test('covers: every day of the span; an empty span is covered by a calendar but not by WEEKENDS_ONLY', () => {
    assert.equal(TW_2024_Q1.covers('2024-01-01', '2024-03-31'), true);
    assert.equal(TW_2024_Q1.covers('2023-12-31', '2024-01-05'), false);
    assert.equal(TW_2024_Q1.covers('2024-03-31', '2024-04-01'), false);
    assert.equal(TW_2024_Q1.covers('2024-03-02', '2024-03-01'), true);
    assert.equal(WEEKENDS_ONLY.covers('2024-03-01', '2024-03-01'), false);
    assert.equal(WEEKENDS_ONLY.covers('2024-03-02', '2024-03-01'), false);
  });

  test('a negative or fractional count is a programming error', () => {
    assert.throws(() => addWorkingDays('2024-03-01', -1, WEEKENDS_ONLY), RangeError);
    assert.throws(() => addWorkingDays('2024-03-01', 1.5, WEEKENDS_ONLY), RangeError);
  });

  test('the calendar window reaches past the longest holiday run', () => {
    const { from, to } = calendarWindow('2024-02-05', 10);
    assert.equal(from, '2024-02-05');
    assert.ok(to >= addWorkingDays('2024-02-05', 10, TW_2024_Q1).day);
    assert.equal(calendarWindow('2024-02-05', 0).to, '2024-03-07');
  });
});

describe('the transcript embargo', () => {
  test('published at 00:00 Taipei of the day after the last correction day', () => {
    const end = embargoEnd({ heldOn: '2024-03-01', workingDays: 10, releaseOn: null, calendar: WEEKENDS_ONLY });
    assert.equal(end.lastCorrectionDay, '2024-03-15');
    assert.equal(end.publishAt.toISOString(), '2024-03-15T16:00:00.000Z', '2024-03-16 00:00 in Taipei');
    assert.equal(taipeiDay(end.publishAt), '2024-03-16');
    assert.equal(taipeiDay(new Date(end.publishAt.getTime() - 1)), '2024-03-15', 'a millisecond before is still the correction day');
    assert.equal(end.countedWithCalendar, false);
  });

  test('the default 10 days across Lunar New Year 2024', () => {
    const end = embargoEnd({ heldOn: '2024-02-05', workingDays: 10, releaseOn: null, calendar: TW_2024_Q1 });
    assert.deepEqual(
      { ...end, publishAt: end.publishAt.toISOString() },
      {
        lastCorrectionDay: '2024-02-23',
        publishAt: '2024-02-23T16:00:00.000Z',
        countedWithCalendar: true,
      },
    );
  });

  test('publication the day after a make-up Saturday can fall on a Sunday', () => {
    const end = embargoEnd({ heldOn: '2024-02-05', workingDays: 5, releaseOn: null, calendar: TW_2024_Q1 });
    assert.equal(end.lastCorrectionDay, '2024-02-17');
    assert.equal(taipeiDay(end.publishAt), '2024-02-18');
  });

  test('a later release date holds publication back to its 00:00 Taipei; the correction period stays', () => {
    const end = embargoEnd({ heldOn: '2024-03-01', workingDays: 10, releaseOn: '2024-03-20', calendar: TW_2024_Q1 });
    assert.equal(end.lastCorrectionDay, '2024-03-15');
    assert.equal(end.publishAt.toISOString(), '2024-03-19T16:00:00.000Z');
  });

  test('an earlier release date, or one on the day publication falls anyway, changes nothing', () => {
    for (const releaseOn of ['2024-03-01', '2024-03-10', '2024-03-16']) {
      const end = embargoEnd({ heldOn: '2024-03-01', workingDays: 10, releaseOn, calendar: TW_2024_Q1 });
      assert.equal(end.publishAt.toISOString(), '2024-03-15T16:00:00.000Z', releaseOn);
      assert.equal(end.lastCorrectionDay, '2024-03-15');
    }
  });

  test('n = 0: corrections only on the meeting day, published at the next midnight', () => {
    const end = embargoEnd({ heldOn: '2024-03-01', workingDays: 0, releaseOn: null, calendar: TW_2024_Q1 });
    assert.equal(end.lastCorrectionDay, '2024-03-01');
    assert.equal(end.publishAt.toISOString(), '2024-03-01T16:00:00.000Z');
  });

  test('a span past the end of the calendar says it was not counted with the calendar', () => {
    const end = embargoEnd({ heldOn: '2024-03-25', workingDays: 10, releaseOn: null, calendar: TW_2024_Q1 });
    assert.equal(end.countedWithCalendar, false);
    assert.equal(end.lastCorrectionDay, '2024-04-08');
  });

  test('taipeiMidnight is UTC+8 all year, across month and year ends', () => {
    assert.equal(taipeiMidnight('2024-01-01').toISOString(), '2023-12-31T16:00:00.000Z');
    assert.equal(taipeiMidnight('2024-07-01').toISOString(), '2024-06-30T16:00:00.000Z');
    const end = embargoEnd({ heldOn: '2024-12-20', workingDays: 10, releaseOn: null, calendar: WEEKENDS_ONLY });
    assert.equal(end.lastCorrectionDay, '2025-01-03');
    assert.equal(end.publishAt.toISOString(), '2025-01-03T16:00:00.000Z');
  });
});

describe('the office calendar CSV', () => {
  const HEADER = '西元日期,星期,是否放假,備註';

  test('the open-data format with BOM and CRLF', () => {
    const text = `\uFEFF${HEADER}\r\n20240101,一,2,開國紀念日\r\n20240102,二,0,\r\n20240217,六,0,補行上班\r\n20240218,日,2,\r\n`;
    const result = parseOfficeCalendarCsv(text);
    assert.deepEqual(result, {
      ok: true,
      rows: [
        { day: '2024-01-01', isDayOff: true, note: '開國紀念日' },
        { day: '2024-01-02', isDayOff: false, note: '' },
        { day: '2024-02-17', isDayOff: false, note: '補行上班' },
        { day: '2024-02-18', isDayOff: true, note: '' },
      ],
    });
  });

  test('header names with spaces, columns in another order, extra columns, blank lines, no final newline', () => {
    const text = ` 備註 , 是否放假 ,西元日期 ,星期,其他\n\n開國紀念日,2,20240101,一,x\n ,0, 20240102,二,y`;
    const result = parseOfficeCalendarCsv(text);
    assert.ok(result.ok);
    assert.deepEqual(result.rows, [
      { day: '2024-01-01', isDayOff: true, note: '開國紀念日' },
      { day: '2024-01-02', isDayOff: false, note: '' },
    ]);
  });

  test('a bad header is one problem on line 1, naming the missing columns', () => {
    assert.deepEqual(parseOfficeCalendarCsv('date,weekday,off,note\n20240101,一,2,\n'), {
      ok: false,
      problems: [{ line: 1, key: 'calendar.error.header', params: { columns: '西元日期, 是否放假' } }],
    });
    assert.deepEqual(parseOfficeCalendarCsv(''), {
      ok: false,
      problems: [{ line: 1, key: 'calendar.error.header', params: { columns: '西元日期, 是否放假' } }],
    });
  });

  test('bad rows are all reported with their lines, and then no rows are returned', () => {
    const text = [
      HEADER,
      '20240101,一,2,開國紀念日', // 2 ok
      '2024-01-02,二,0,', // 3 wrong date format
      '20240230,五,0,', // 4 no such date
      '20240103,三,1,', // 5 flag 1
      '20240104,四,,', // 6 flag missing
      '20240101,一,2,again', // 7 duplicate of line 2
      '20240105,六,0,', // 8 Friday named Saturday
      '20240106', // 9 too few columns
      '',
    ].join('\r\n');
    const result = parseOfficeCalendarCsv(text);
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.deepEqual(result.problems, [
      { line: 3, key: 'calendar.error.date', params: { value: '2024-01-02' } },
      { line: 4, key: 'calendar.error.date', params: { value: '20240230' } },
      { line: 5, key: 'calendar.error.flag', params: { value: '1' } },
      { line: 6, key: 'calendar.error.flag', params: { value: '' } },
      { line: 7, key: 'calendar.error.duplicate', params: { day: '2024-01-01', firstLine: 2 } },
      { line: 8, key: 'calendar.error.weekday', params: { value: '六', day: '2024-01-05', expected: '五' } },
      { line: 9, key: 'calendar.error.flag', params: { value: '' } },
    ]);
  });

  test('lines are counted in the file even across blank lines', () => {
    const result = parseOfficeCalendarCsv(`${HEADER}\n\n\n20241301,一,2,\n`);
    assert.deepEqual(result, { ok: false, problems: [{ line: 4, key: 'calendar.error.date', params: { value: '20241301' } }] });
  });

  test('broken CSV quoting and a header without rows are problems too', () => {
    const broken = parseOfficeCalendarCsv(`${HEADER}\n20240101,一,2,"開國紀念日\n`);
    assert.equal(broken.ok, false);
    assert.ok(!broken.ok && broken.problems[0]?.key === 'calendar.error.syntax');
    assert.deepEqual(parseOfficeCalendarCsv(`\uFEFF${HEADER}\r\n`), { ok: false, problems: [{ line: 1, key: 'calendar.error.empty' }] });
  });

  test('a quoted note with a comma, and 天 for Sunday', () => {
    const result = parseOfficeCalendarCsv(`${HEADER}\n20240218,天,2,"春節, 補假"\n`);
    assert.deepEqual(result, { ok: true, rows: [{ day: '2024-02-18', isDayOff: true, note: '春節, 補假' }] });
  });

  test('parsed rows make a calendar', () => {
    const result = parseOfficeCalendarCsv(`${HEADER}\n20240216,五,0,\n20240217,六,0,補行上班\n20240218,日,2,\n`);
    assert.ok(result.ok);
    const cal = calendarFrom(result.rows);
    assert.deepEqual(addWorkingDays('2024-02-15', 2, cal), { day: '2024-02-17', usedCalendar: true });
  });
});
