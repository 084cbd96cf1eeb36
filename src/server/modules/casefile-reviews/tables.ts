import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs, users } from '../../platform/orgs/tables.ts';
import { penaltyCases } from '../cases/tables.ts';

/** 评查标准 of one organisation; each save bumps `version`. A round copies the items it was opened with. */
export const casefileRubrics = pgTable('casefile_rubrics', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  version: integer('version').notNull(),
  /** RubricItem[] (src/shared/casefile-reviews/rubric.ts). */
  items: jsonb('items').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 评查轮次: which closed files of which period an organisation reviews, against which rubric. */
export const casefileReviewRounds = pgTable(
  'casefile_review_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    excellenceThreshold: numeric('excellence_threshold', {
      precision: 5,
      scale: 1,
      mode: 'number',
    }).notNull(),
    status: text('status').notNull().default('open'),
    /** The rubric as it stood when the round was opened: later edits do not change this round's scores. */
    rubric: jsonb('rubric').notNull(),
    rubricVersion: integer('rubric_version').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('casefile_review_rounds_org_idx').on(t.orgId, t.year),
    check('casefile_review_rounds_status_check', sql`${t.status} in ('open','closed')`),
  ],
);

/** A case file in a round and, once scored, its deductions, total and whether it was rated excellent. */
export const casefileReviewFiles = pgTable(
  'casefile_review_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => casefileReviewRounds.id),
    /** The round's organisation (who reviews), which the metrics count under; the case may be a county's. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    selection: text('selection').notNull(),
    /** The seed of the draw that picked this file, so the sample can be re-run. */
    sampleSeed: text('sample_seed'),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    /** Deduction[]: { itemId, points, comment } per rubric item with points taken off. */
    deductions: jsonb('deductions')
      .notNull()
      .default(sql`'[]'::jsonb`),
    totalScore: numeric('total_score', { precision: 5, scale: 1, mode: 'number' }),
    summary: text('summary').notNull().default(''),
    isExcellent: boolean('is_excellent').notNull().default(false),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    scoredOn: date('scored_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('casefile_review_files_round_case_uq').on(t.roundId, t.caseId),
    index('casefile_review_files_org_scored_idx').on(t.orgId, t.scoredOn),
    check('casefile_review_files_selection_check', sql`${t.selection} in ('manual','sample')`),
  ],
);
