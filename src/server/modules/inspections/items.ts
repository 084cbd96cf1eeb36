import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { containing } from '../../db/search.ts';
import { parseInspectionItemsCsv, type InspectionItemListQuery } from '../../../shared/inspections/items.ts';
import type { CatalogError } from '../../../shared/platform/csv.ts';
import { orgs } from '../../platform/orgs/tables.ts';
import { type Actor, requirePermission } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { invalidField } from '../../platform/errors.ts';
import { inspectionItems } from './tables.ts';

/**
 * Imports a 检查事项清单 CSV (layout of catalogs/random_inspection_items.csv) into `orgId`; a re-import of the
 * same list updates its rows. `actor` null is the seed.
 */
export async function importInspectionItems(
  db: Db,
  actor: Actor | null,
  orgId: string,
  csv: string,
): Promise<{ imported: number; errors: CatalogError[] }> {
  if (actor) requirePermission(actor, 'inspectionItems.manage');
  const { items, errors } = parseInspectionItemsCsv(csv);
  if (items.length === 0)
    throw invalidField(
      'csv',
      errors[0] ? `第${errors[0].line}行：${errors[0].field}${errors[0].message}` : '没有可导入的事项',
    );
  await inTransaction(db, async (tx) => {
    for (const item of items) {
      const values = { ...item, orgId };
      await tx
        .insert(inspectionItems)
        .values(values)
        .onConflictDoUpdate({ target: [inspectionItems.orgId, inspectionItems.code], set: values });
    }
    await recordAudit(tx, {
      actor,
      orgId,
      action: 'inspectionItems.import',
      entityType: 'inspectionItems',
      entityId: orgId,
      after: { imported: items.length, codes: items.map((i) => i.code), errors },
    });
  });
  return { imported: items.length, errors };
}

/** The items that bind the actor: adopted by their organisation or any organisation above it (like the catalogs). */
export async function listInspectionItems(db: Db, actor: Actor, query: InspectionItemListQuery) {
  const where = and(
    sql`${inspectionItems.orgId} in (select ${orgs.id} from ${orgs} where ${actor.orgPath} like ${orgs.path} || '%')`,
    eq(inspectionItems.isActive, true),
    query.q
      ? sql`(${inspectionItems.title} || ' ' || ${inspectionItems.content}) ilike ${containing(query.q)}`
      : undefined,
    query.category ? sql`${query.category} = any(${inspectionItems.entityCategories})` : undefined,
  );
  const [total] = await db.select({ n: count() }).from(inspectionItems).where(where);
  const rows = await db
    .select()
    .from(inspectionItems)
    .where(where)
    .orderBy(asc(inspectionItems.code))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    total: total?.n ?? 0,
    items: rows.map(({ isActive: _isActive, ...item }) => item),
  };
}
