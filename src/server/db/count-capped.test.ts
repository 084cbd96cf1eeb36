import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp } from '../test/test-app.ts';
import { roles } from '../platform/orgs/tables.ts';
import { countCapped } from './count-capped.ts';

const t = await createTestApp();
const seededRoles = () =>
  t.database.db
    .select({ one: sql<number>`1`.as('one') })
    .from(roles)
    .$dynamic();

test('countCapped counts exactly up to the cap and reports a lower bound past it', async () => {
  const exact = await countCapped(t.database.db, seededRoles(), 1000);
  assert.ok(exact.total > 3, 'the reference data seeds several roles');
  assert.equal(exact.totalIsLowerBound, false);

  assert.deepEqual(await countCapped(t.database.db, seededRoles(), exact.total), {
    total: exact.total,
    totalIsLowerBound: false,
  });
  assert.deepEqual(await countCapped(t.database.db, seededRoles(), 3), { total: 3, totalIsLowerBound: true });
});
