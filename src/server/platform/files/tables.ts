import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs, users } from '../orgs/tables.ts';

/** One row per upload; the bytes live once per SHA-256 under FILES_DIR (content-addressed). */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stored_files_org_idx').on(t.orgId), index('stored_files_sha_idx').on(t.sha256)],
);
