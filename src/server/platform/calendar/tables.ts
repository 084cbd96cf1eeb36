import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A year is usable for working-day arithmetic only once its notice has been loaded here. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => calendarYears.year),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    index('calendar_days_year_idx').on(t.year),
    check('calendar_days_kind_check', sql`${t.kind} in ('rest','work')`),
  ],
);
