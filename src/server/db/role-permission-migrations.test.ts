import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { createTestApp } from '../test/test-app.ts';
import { migrationsFolder } from './migrate.ts';
import { roles } from './tables.ts';
import { defaultRoles } from './seed-roles.ts';

const t = await createTestApp();

// A permission added to the default roles after a database was seeded reaches it through a data migration
// (seedRoles never overwrites roles an admin may have edited).
test('databases seeded before 案卷评查 get its permissions from migration 0010, as the seed would grant them', async () => {
  const db = t.database.db;
  const withoutReviewWork = sql`array_remove(array_remove(${roles.permissions}, 'casefileReviews.manage'), 'casefileReviews.score')`;
  await db.update(roles).set({ permissions: withoutReviewWork });
  const file = fs
    .readdirSync(migrationsFolder)
    .find((f) => f.startsWith('0010_grant_casefile_review_permissions'));
  const statements = fs
    .readFileSync(path.join(migrationsFolder, file!), 'utf8')
    .split('--> statement-breakpoint');
  for (const statement of statements) await db.execute(sql.raw(statement));
  for (const [roleId, role] of Object.entries(defaultRoles)) {
    const [row] = await db.select({ permissions: roles.permissions }).from(roles).where(eq(roles.id, roleId));
    for (const permission of ['casefileReviews.manage', 'casefileReviews.score'] as const)
      assert.equal(
        row!.permissions.includes(permission),
        role.permissions.includes(permission),
        `${roleId} ${permission}`,
      );
  }
});
