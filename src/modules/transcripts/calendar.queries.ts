/** All SQL for the office calendar (working days for transcript embargoes). Each function takes the db or a transaction first. */
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/connection.js';
import { calendarFrom, type OfficeCalendar } from '../../domain/working-days.js';

export interface CalendarDay {
  day: string;
  isDayOff: boolean;
  note?: string;
}

const BATCH = 500;

/** Inserts or replaces the given days (a day given twice: the last one wins). Returns how many days were written. */
export async function upsertCalendar(db: DbOrTx, rows: readonly CalendarDay[]): Promise<number> {
  const byDay = new Map<string, CalendarDay>();
  for (const row of rows) byDay.set(row.day, row);
  const values = [...byDay.values()].map((r) => ({ day: r.day, is_day_off: r.isDayOff, note: r.note ?? '' }));
  for (let i = 0; i < values.length; i += BATCH) {
    await db
      .insertInto('office_calendar')
      .values(values.slice(i, i + BATCH))
      .onConflict((oc) => oc.column('day').doUpdateSet({ is_day_off: sql`excluded.is_day_off`, note: sql`excluded.note` }))
      .execute();
  }
  return values.length;
}

/** The calendar for the days from `from` to `to` (inclusive); days outside it count as not covered. */
export async function loadCalendar(db: DbOrTx, from: string, to: string): Promise<OfficeCalendar> {
  const rows = await db.selectFrom('office_calendar').select(['day', 'is_day_off']).where('day', '>=', from).where('day', '<=', to).execute();
  return calendarFrom(rows.map((r) => ({ day: r.day, isDayOff: r.is_day_off })));
}

/** The first and last day in the calendar, or null when none has been imported. */
export async function calendarRange(db: DbOrTx): Promise<{ first: string; last: string } | null> {
  const row = await db
    .selectFrom('office_calendar')
    .select((eb) => [eb.fn.min('day').as('first'), eb.fn.max('day').as('last')])
    .executeTakeFirst();
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}
