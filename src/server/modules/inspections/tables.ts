import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/orgs/tables.ts';

/** 检查事项清单 / 随机抽查事项清单: adopted by an organisation, binding everything below it. */
export const inspectionItems = pgTable(
  'inspection_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    targets: text('targets').notNull(),
    entityCategories: text('entity_categories').array().notNull(),
    legalBasis: text('legal_basis').notNull(),
    initiator: text('initiator').notNull(),
    partners: text('partners').notNull(),
    method: text('method').notNull(),
    ratio: text('ratio').notNull(),
    frequency: text('frequency').notNull(),
    level: text('level').notNull(),
    source: text('source').notNull(),
    isComplete: boolean('is_complete').notNull(),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [
    uniqueIndex('inspection_items_code_uq').on(t.orgId, t.code),
    index('inspection_items_search_trgm').using('gin', sql`(${t.title} || ' ' || ${t.content}) gin_trgm_ops`),
  ],
);
