import { count } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/**
 * Past this many matches a list says "more than N" instead of counting: an exact count of a province's 200,000
 * cases costs ~100 ms of database time per request, and nobody pages through 500 pages of 20 — they filter.
 */
export const listCountCap = 10_000;

/** Counts the rows a select would return, stopping at `cap` + 1: `{ total, totalIsLowerBound }`. */
export async function countCapped(
  db: Db,
  matching: PgSelect,
  cap = listCountCap,
): Promise<{ total: number; totalIsLowerBound: boolean }> {
  const [row] = await db.select({ n: count() }).from(matching.limit(cap + 1).as('matching'));
  const n = row?.n ?? 0;
  return n > cap ? { total: cap, totalIsLowerBound: true } : { total: n, totalIsLowerBound: false };
}
