import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs, users } from '../../platform/orgs/tables.ts';
import { storedFiles } from '../../platform/files/tables.ts';
import { entities } from '../entities/tables.ts';

/** 当事人: a natural person or an organisation, owned by the organisation that first recorded it. */
export const parties = pgTable(
  'parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    uscc: text('uscc'),
    legalRepresentative: text('legal_representative'),
    address: text('address'),
    phone: text('phone'),
    /** The 检查对象名录库 entry of an organisation party (same 统一社会信用代码, readable by the case's organisation). */
    entityId: uuid('entity_id').references(() => entities.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('parties_org_idx').on(t.orgId),
    index('parties_entity_idx').on(t.entityId),
    index('parties_uscc_idx').on(t.uscc),
    index('parties_uscc_trgm').using('gin', sql`${t.uscc} gin_trgm_ops`),
    index('parties_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    check('parties_kind_check', sql`${t.kind} in ('person','organisation')`),
  ],
);

/** 违法行为 of the 裁量基准, with its tiers (imported from the provincial benchmark, editable). */
export const violationTypes = pgTable(
  'violation_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    code: text('code').notNull(),
    specialty: text('specialty').notNull(),
    title: text('title').notNull(),
    legalBasis: text('legal_basis').notNull(),
    penaltyBasis: text('penalty_basis').notNull(),
    source: text('source').notNull(),
    tiers: jsonb('tiers').notNull(),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [
    uniqueIndex('violation_types_code_uq').on(t.orgId, t.code),
    index('violation_types_title_trgm').using('gin', sql`${t.title} gin_trgm_ops`),
  ],
);

/** 减免清单 rules (首违不罚、轻微不罚、无主观过错 …), imported from the local list. */
export const mitigationRules = pgTable(
  'mitigation_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    code: text('code').notNull(),
    listKind: text('list_kind').notNull(),
    matter: text('matter').notNull(),
    basis: text('basis').notNull(),
    conditions: text('conditions').array().notNull(),
    source: text('source').notNull(),
    /** The parsed rule as src/shared/cases/mitigation.ts reads it. */
    definition: jsonb('definition'),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [uniqueIndex('mitigation_rules_code_uq').on(t.orgId, t.code)],
);

export const penaltyCases = pgTable(
  'penalty_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    procedure: text('procedure').notNull(),
    state: text('state').notNull(),
    title: text('title').notNull(),
    source: text('source').notNull(),
    sourceReference: text('source_reference'),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id),
    violationTypeId: uuid('violation_type_id').references(() => violationTypes.id),
    facts: text('facts').notNull().default(''),
    occurredOn: date('occurred_on', { mode: 'string' }),
    assigneeId: uuid('assignee_id').references(() => users.id),
    caseNumber: text('case_number'),
    filedOn: date('filed_on', { mode: 'string' }),
    isMajor: boolean('is_major').notNull().default(false),
    majorReasons: text('major_reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    requiresCollectiveDeliberation: boolean('requires_collective_deliberation').notNull().default(false),
    hearingOffered: boolean('hearing_offered').notNull().default(false),
    discretionTier: text('discretion_tier'),
    rangeMinFen: bigint('range_min_fen', { mode: 'number' }),
    rangeMaxFen: bigint('range_max_fen', { mode: 'number' }),
    outOfRangeReason: text('out_of_range_reason'),
    penaltyKinds: text('penalty_kinds')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    fineFen: bigint('fine_fen', { mode: 'number' }).notNull().default(0),
    confiscationFen: bigint('confiscation_fen', { mode: 'number' }).notNull().default(0),
    mitigationRuleId: uuid('mitigation_rule_id').references(() => mitigationRules.id),
    // The 减免 rule adopted (statutory ones such as XZCF-33-2 have no catalog row, hence the code and label).
    mitigationRuleCode: text('mitigation_rule_code'),
    mitigationRuleLabel: text('mitigation_rule_label'),
    waiverBaselineFen: bigint('waiver_baseline_fen', { mode: 'number' }),
    waivedFen: bigint('waived_fen', { mode: 'number' }).notNull().default(0),
    decisionNumber: text('decision_number'),
    decidedOn: date('decided_on', { mode: 'string' }),
    servedOn: date('served_on', { mode: 'string' }),
    paidOn: date('paid_on', { mode: 'string' }),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
    lateFeeFen: bigint('late_fee_fen', { mode: 'number' }).notNull().default(0),
    /** The last 案件合议's proposal (PenaltyProposal): the flags are computed from it. */
    proposal: jsonb('proposal'),
    /** The proposal as told to the party when the notice was served; the decision may not be heavier (第四十五条). */
    notifiedProposal: jsonb('notified_proposal'),
    closedOn: date('closed_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('penalty_cases_org_state_idx').on(t.orgId, t.state, t.createdAt),
    // The list's capped count for a state filter: an index-only scan joined to the org subtree.
    index('penalty_cases_state_org_idx').on(t.state, t.orgId),
    index('penalty_cases_party_idx').on(t.partyId),
    index('penalty_cases_case_number_trgm').using('gin', sql`${t.caseNumber} gin_trgm_ops`),
    // The list's page order (newest first), with and without a state filter: read in order, stop after a page.
    index('penalty_cases_state_created_idx').on(t.state, t.createdAt.desc(), t.id),
    index('penalty_cases_created_idx').on(t.createdAt.desc(), t.id),
    index('penalty_cases_assignee_idx').on(t.assigneeId),
    index('penalty_cases_filed_idx').on(t.orgId, t.filedOn),
    index('penalty_cases_closed_idx').on(t.orgId, t.closedOn),
    index('penalty_cases_title_trgm').using('gin', sql`${t.title} gin_trgm_ops`),
    uniqueIndex('penalty_cases_case_number_uq').on(t.caseNumber),
    check('penalty_cases_procedure_check', sql`${t.procedure} in ('ordinary','simple')`),
  ],
);

export const caseOfficers = pgTable(
  'case_officers',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id').notNull(),
    isLead: boolean('is_lead').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] })],
);

/** 文书 generated or uploaded for a case, with its 文号 where the kind is numbered. */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    documentNumber: text('document_number'),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_documents_case_idx').on(t.caseId, t.kind)],
);

/** 证据 and 全过程记录 (photos, recordings, video), each a stored file with its SHA-256. */
export const caseEvidence = pgTable(
  'case_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    orgId: uuid('org_id').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    stepId: uuid('step_id'),
    collectedOn: date('collected_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_evidence_case_idx').on(t.caseId)],
);

/**
 * Penalty settings of an organisation (PenaltySettingsInput, validated by zod): 较大数额 of 第六十三条 and the
 * 重大执法决定 list. The nearest ancestor's row applies; without one, the defaults of penalties.ts.
 */
export const penaltySettings = pgTable('penalty_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  settings: jsonb('settings').notNull(),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 法制审核, 集体讨论 and 听证 records: who took part, what they said, what they concluded. */
export const caseReviews = pgTable(
  'case_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    participants: text('participants').array().notNull(),
    opinion: text('opinion').notNull(),
    conclusion: text('conclusion').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_reviews_case_idx').on(t.caseId, t.kind),
    check(
      'case_reviews_kind_check',
      sql`${t.kind} in ('legalReview','collectiveDeliberation','hearing','caseDeliberation')`,
    ),
  ],
);

/** 行政执法公示 batches and the decisions in them; a revoked decision is withdrawn, not deleted. */
export const publicationBatches = pgTable('publication_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  title: text('title').notNull(),
  publishedOn: date('published_on', { mode: 'string' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const publications = pgTable(
  'penalty_publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => publicationBatches.id),
    orgId: uuid('org_id').notNull(),
    /** The published text, already masked: the portal never reads the case row. */
    content: jsonb('content').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawReason: text('withdraw_reason'),
  },
  (t) => [
    uniqueIndex('penalty_publications_case_uq').on(t.caseId),
    index('penalty_publications_org_idx').on(t.orgId, t.publishedOn),
  ],
);
