/** The office calendar in the database: import the fixture, load a window, count an embargo across Lunar New Year 2024. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, test } from 'node:test';
import type { Database } from '../../db/connection.js';
import { createTestDatabase } from '../../db/test-database.js';
import { calendarWindow, embargoEnd, parseOfficeCalendarCsv } from '../../domain/working-days.js';
import { calendarRange, loadCalendar, upsertCalendar } from './calendar.queries.js';

const FIXTURE = new URL('../../../test/fixtures/office-calendar-2024.csv', import.meta.url);

let database: Database;
// Each test has an empty database of its own (a snapshot copy), so none relies on what another imported.
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.close());

async function importFixture(): Promise<number> {
  const parsed = parseOfficeCalendarCsv(readFileSync(FIXTURE, 'utf8'));
  assert.ok(parsed.ok, 'the fixture parses');
  return upsertCalendar(database.db, parsed.rows);
}

test('an empty calendar has no range and covers nothing', async () => {
  assert.equal(await calendarRange(database.db), null);
  const calendar = await loadCalendar(database.db, '2024-02-01', '2024-02-29');
  assert.equal(calendar.isDayOff('2024-02-08'), undefined);
  assert.equal(calendar.covers('2024-02-01', '2024-02-29'), false);
});

test('import the fixture, then count 10 working days across Lunar New Year 2024', async () => {
  assert.equal(await importFixture(), 91);
  assert.deepEqual(await calendarRange(database.db), { first: '2024-01-01', last: '2024-03-31' });

  const heldOn = '2024-02-05';
  const { from, to } = calendarWindow(heldOn, 10);
  const calendar = await loadCalendar(database.db, from, to);
  assert.equal(calendar.isDayOff('2024-02-08'), true, 'bridge holiday on a Thursday');
  assert.equal(calendar.isDayOff('2024-02-17'), false, 'make-up Saturday');
  const end = embargoEnd({ heldOn, workingDays: 10, releaseOn: null, calendar });
  assert.deepEqual(
    { ...end, publishAt: end.publishAt.toISOString() },
    {
      lastCorrectionDay: '2024-02-23',
      publishAt: '2024-02-23T16:00:00.000Z',
      countedWithCalendar: true,
    },
  );

  const window = calendarWindow('2024-03-25', 10);
  const late = embargoEnd({ heldOn: '2024-03-25', workingDays: 10, releaseOn: null, calendar: await loadCalendar(database.db, window.from, window.to) });
  assert.equal(late.countedWithCalendar, false, 'April is not in the fixture');
});

test('the window loads only its own days', async () => {
  await importFixture();
  const calendar = await loadCalendar(database.db, '2024-02-10', '2024-02-20');
  assert.equal(calendar.isDayOff('2024-02-09'), undefined);
  assert.equal(calendar.isDayOff('2024-02-10'), true);
  assert.equal(calendar.isDayOff('2024-02-20'), false);
  assert.equal(calendar.isDayOff('2024-02-21'), undefined);
});

test('re-importing updates a day in place; a day given twice in one import takes the last', async () => {
  await importFixture();
  assert.equal(
    await upsertCalendar(database.db, [
      { day: '2024-02-23', isDayOff: false, note: 'first' },
      { day: '2024-02-23', isDayOff: true, note: '颱風假' },
      { day: '2024-04-01', isDayOff: false },
    ]),
    2,
  );
  const row = await database.db.selectFrom('office_calendar').selectAll().where('day', '=', '2024-02-23').executeTakeFirstOrThrow();
  assert.deepEqual(row, { day: '2024-02-23', is_day_off: true, note: '颱風假' });
  assert.deepEqual(await calendarRange(database.db), { first: '2024-01-01', last: '2024-04-01' });
  const count = await database.db
    .selectFrom('office_calendar')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 92);

  const calendar = await loadCalendar(database.db, '2024-02-01', '2024-03-31');
  assert.equal(
    embargoEnd({ heldOn: '2024-02-05', workingDays: 10, releaseOn: null, calendar }).lastCorrectionDay,
    '2024-02-26',
    'the new day off pushes the end past the weekend',
  );
});

test('a large import goes in batches inside one transaction', async () => {
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const day = new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10);
    return { day, isDayOff: false };
  });
  const written = await database.db.transaction().execute((trx) => upsertCalendar(trx, rows));
  assert.equal(written, 1200);
  assert.equal((await calendarRange(database.db))?.last, rows.at(-1)?.day);
});
