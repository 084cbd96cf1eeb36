// What every adopted catalog (裁量基准, 减免清单, 检查事项清单) shares: it binds the adopting organisation and everything
// below it, and a CSV import upserts its rows by code in one transaction with one audit entry.
import { sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Permission } from '../../../shared/platform/access.ts';
import type { CatalogError } from '../../../shared/platform/csv.ts';
import { orgs } from '../orgs/tables.ts';
import { type Actor, requirePermission } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { invalidField } from '../errors.ts';

/** Rows adopted by the organisation at `orgPath` or any organisation above it (a province's list binds its counties). */
export const adoptedAbove = (orgIdColumn: PgColumn, orgPath: string) =>
  sql`${orgIdColumn} in (select ${orgs.id} from ${orgs} where ${orgPath} like ${orgs.path} || '%')`;

/**
 * Upserts the parsed rows of a catalog into `orgId` by (org, code); nothing is stored when no row parsed, and the
 * first error is then the answer on the `csv` field. `actor` null is the seed.
 */
export async function importCatalogRows<Row>(
  db: Db,
  actor: Actor | null,
  orgId: string,
  catalog: {
    permission: Permission;
    parsed: { rows: Row[]; errors: CatalogError[] };
    emptyMessage: string;
    describeError?: (error: CatalogError) => string;
    table: PgTable;
    conflictTarget: [PgColumn, PgColumn];
    valuesOf: (row: Row) => Record<string, unknown>;
    codeOf: (row: Row) => string;
    audit: { action: string; entityType: string };
  },
): Promise<{ imported: number; errors: CatalogError[] }> {
  if (actor) requirePermission(actor, catalog.permission);
  const { rows, errors } = catalog.parsed;
  const describe = catalog.describeError ?? ((e: CatalogError) => e.message);
  if (rows.length === 0)
    throw invalidField(
      'csv',
      errors[0] ? `第${errors[0].line}行：${describe(errors[0])}` : catalog.emptyMessage,
    );
  await inTransaction(db, async (tx) => {
    for (const row of rows) {
      const values = { ...catalog.valuesOf(row), orgId };
      await tx
        .insert(catalog.table)
        .values(values as never)
        .onConflictDoUpdate({ target: catalog.conflictTarget, set: values as never });
    }
    await recordAudit(tx, {
      actor,
      orgId,
      action: catalog.audit.action,
      entityType: catalog.audit.entityType,
      entityId: orgId,
      after: { imported: rows.length, codes: rows.map(catalog.codeOf), errors },
    });
  });
  return { imported: rows.length, errors };
}
