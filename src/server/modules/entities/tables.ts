import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs, users } from '../../platform/orgs/tables.ts';
import { storedFiles } from '../../platform/files/tables.ts';

/** 检查对象名录库: one row per regulated unit, known by its 统一社会信用代码 across the deployment. */
export const entities = pgTable(
  'entities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    areaCode: text('area_code').notNull(),
    address: text('address'),
    legalRepresentative: text('legal_representative'),
    riskLevel: text('risk_level'),
    creditLevel: text('credit_level'),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Also serves the code-prefix search (a range on the code; see service.ts).
    uniqueIndex('entities_uscc_uq').on(t.uscc),
    index('entities_org_idx').on(t.orgId),
    // Name only: each indexed trigram costs a bulk import time (1M codes would add ~19 trigrams a row).
    index('entities_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    check('entities_risk_check', sql`${t.riskLevel} in ('low','medium','high')`),
    check('entities_credit_check', sql`${t.creditLevel} in ('A','B','C','D')`),
    check('entities_status_check', sql`${t.status} in ('active','suspended','closed')`),
  ],
);

/** A bulk import of one stored file; its counters are the progress the web polls. */
export const entityImportJobs = pgTable(
  'entity_import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    status: text('status').notNull().default('reading'),
    bytesTotal: bigint('bytes_total', { mode: 'number' }).notNull(),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsAccepted: integer('rows_accepted').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    rowsInserted: integer('rows_inserted').notNull().default(0),
    rowsUpdated: integer('rows_updated').notNull().default(0),
    error: text('error'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('entity_import_jobs_org_idx').on(t.orgId, t.startedAt),
    check('entity_import_jobs_status_check', sql`${t.status} in ('reading','applying','succeeded','failed')`),
  ],
);

/** The rejected rows of a job, with every reason (each naming its column): the downloadable report. */
export const entityImportRejections = pgTable(
  'entity_import_rejections',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => entityImportJobs.id),
    line: integer('line').notNull(),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    reasons: text('reasons').notNull(),
  },
  (t) => [index('entity_import_rejections_job_idx').on(t.jobId, t.line)],
);

/**
 * Valid rows of a running job, applied to `entities` in one transaction at the end, then deleted. UNLOGGED (set in
 * the migration): a crash loses them, which is what we want, since a restart fails the interrupted job anyway.
 */
export const entityImportStaging = pgTable('entity_import_staging', {
  jobId: uuid('job_id').notNull(),
  line: integer('line').notNull(),
  uscc: text('uscc').notNull(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  areaCode: text('area_code').notNull(),
  address: text('address'),
  legalRepresentative: text('legal_representative'),
  riskLevel: text('risk_level'),
  creditLevel: text('credit_level'),
  status: text('status').notNull(),
});
