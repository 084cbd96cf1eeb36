import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { containing } from '../../db/search.ts';
import { parseInspectionItemsCsv, type InspectionItemListQuery } from '../../../shared/inspections/items.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { adoptedAbove, importCatalogRows } from '../../platform/catalogs/catalog-import.ts';
import { inspectionItems } from './tables.ts';

/**
 * Imports a 检查事项清单 CSV (layout of catalogs/random_inspection_items.csv) into `orgId`; a re-import of the
 * same list updates its rows. `actor` null is the seed.
 */
export async function importInspectionItems(db: Db, actor: Actor | null, orgId: string, csv: string) {
  const { items, errors } = parseInspectionItemsCsv(csv);
  return importCatalogRows(db, actor, orgId, {
    permission: 'inspectionItems.manage',
    parsed: { rows: items, errors },
    emptyMessage: '没有可导入的事项',
    describeError: (e) => `${e.field}${e.message}`,
    table: inspectionItems,
    conflictTarget: [inspectionItems.orgId, inspectionItems.code],
    valuesOf: (item) => ({ ...item }),
    codeOf: (item) => item.code,
    audit: { action: 'inspectionItems.import', entityType: 'inspectionItems' },
  });
}

/** The items that bind the actor: adopted by their organisation or any organisation above it (like the catalogs). */
export async function listInspectionItems(db: Db, actor: Actor, query: InspectionItemListQuery) {
  const where = and(
    adoptedAbove(inspectionItems.orgId, actor.orgPath),
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
