import { sql } from 'drizzle-orm';
import { boolean, check, date, index, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs, users } from '../orgs/tables.ts';

export const officerCertificates = pgTable(
  'officer_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    certificateNumber: text('certificate_number').notNull().unique(),
    issuingBody: text('issuing_body').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('valid'),
    lawAreas: text('law_areas'),
    /** A replaced certificate stays for the record; only the current one counts. */
    isCurrent: boolean('is_current').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('officer_certificates_user_idx').on(t.userId),
    index('officer_certificates_org_until_idx').on(t.orgId, t.validUntil),
    check('officer_certificates_status_check', sql`${t.status} in ('valid','suspended','revoked')`),
  ],
);

export const certificateReviews = pgTable(
  'certificate_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => officerCertificates.id),
    orgId: uuid('org_id').notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    passed: boolean('passed').notNull(),
    note: text('note'),
  },
  (t) => [index('certificate_reviews_cert_idx').on(t.certificateId)],
);

export const officerTrainings = pgTable(
  'officer_trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id').notNull(),
    trainedOn: date('trained_on', { mode: 'string' }).notNull(),
    course: text('course').notNull(),
    hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
  },
  (t) => [index('officer_trainings_user_idx').on(t.userId, t.trainedOn)],
);

export const officerExams = pgTable(
  'officer_exams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id').notNull(),
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    subject: text('subject').notNull(),
    score: numeric('score', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    passed: boolean('passed').notNull(),
  },
  (t) => [index('officer_exams_user_idx').on(t.userId)],
);
