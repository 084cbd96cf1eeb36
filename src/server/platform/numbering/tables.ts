import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/tables.ts';

/** The last number issued per (organisation, document type, year); incremented under the row lock. */
export const documentNumberSequences = pgTable(
  'document_number_sequences',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    documentType: text('document_type').notNull(),
    year: integer('year').notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.documentType, t.year] })],
);

/** The 文号 prefix per organisation and type, e.g. 「X卫罚」 in X卫罚〔2026〕12号. */
export const documentNumberFormats = pgTable(
  'document_number_formats',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    documentType: text('document_type').notNull(),
    prefix: text('prefix').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.documentType] })],
);
