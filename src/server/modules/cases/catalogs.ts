import type { PgColumn } from 'drizzle-orm/pg-core';
import { and, asc, count, eq, ilike, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import {
  checkPenaltyAgainstRange,
  discretionTierLabels,
  parseDiscretionCsv,
  proposeDiscretion,
  type ViolationType,
} from '../../../shared/cases/discretion.ts';
import {
  applicableMitigations,
  parseMitigationCsv,
  statutoryMitigationRules,
  type MitigationRule,
} from '../../../shared/cases/mitigation.ts';
import { orgs } from '../../platform/orgs/tables.ts';
import { type Actor, requirePermission } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { invalidField } from '../../platform/errors.ts';
import { mitigationRules, violationTypes } from './tables.ts';
import { requireCase } from './service.ts';

// A catalog applies to the organisation that adopted it and everything below it (a province's benchmark binds its counties).
const appliesToActor = (
  orgIdColumn: typeof violationTypes.orgId | typeof mitigationRules.orgId,
  actor: Actor,
) => sql`${orgIdColumn} in (select ${orgs.id} from ${orgs} where ${actor.orgPath} like ${orgs.path} || '%')`;

type CatalogError = { line: number; field: string; message: string };

/** Imports a 裁量基准 CSV (layout of catalogs/discretion_benchmarks.csv) into the actor's organisation; re-import updates. */
export async function importDiscretionCatalog(
  db: Db,
  actor: Actor | null,
  orgId: string,
  csv: string,
): Promise<{ imported: number; errors: CatalogError[] }> {
  if (actor) requirePermission(actor, 'catalogs.manage');
  const { violations, errors } = parseDiscretionCsv(csv);
  if (violations.length === 0)
    throw invalidField(
      'csv',
      errors[0] ? `第${errors[0].line}行：${errors[0].message}` : '没有可导入的违法行为',
    );
  await inTransaction(db, async (tx) => {
    for (const v of violations) {
      const values = {
        orgId,
        code: v.id,
        specialty: v.specialty,
        title: v.title,
        legalBasis: v.legalBasis,
        penaltyBasis: v.penaltyBasis,
        source: v.document,
        tiers: v as unknown as Record<string, unknown>,
      };
      await tx
        .insert(violationTypes)
        .values(values)
        .onConflictDoUpdate({ target: [violationTypes.orgId, violationTypes.code], set: values });
    }
    await recordAudit(tx, {
      actor,
      orgId,
      action: 'catalogs.importDiscretion',
      entityType: 'violationTypes',
      entityId: orgId,
      after: { imported: violations.length, codes: violations.map((v) => v.id), errors },
    });
  });
  return { imported: violations.length, errors };
}

/** Imports a 减免清单 CSV (layout of catalogs/mitigation_lists.csv); drafts are kept but marked. */
export async function importMitigationCatalog(
  db: Db,
  actor: Actor | null,
  orgId: string,
  csv: string,
): Promise<{ imported: number; errors: CatalogError[] }> {
  if (actor) requirePermission(actor, 'catalogs.manage');
  const { rules, errors } = parseMitigationCsv(csv);
  if (rules.length === 0)
    throw invalidField(
      'csv',
      errors[0] ? `第${errors[0].line}行：${errors[0].message}` : '没有可导入的减免事项',
    );
  await inTransaction(db, async (tx) => {
    for (const r of rules) {
      const values = {
        orgId,
        code: r.id,
        listKind: r.listKind,
        matter: r.matter,
        basis: r.basis,
        conditions: r.conditions,
        source: r.source.document,
        definition: r as unknown as Record<string, unknown>,
      };
      await tx
        .insert(mitigationRules)
        .values(values)
        .onConflictDoUpdate({ target: [mitigationRules.orgId, mitigationRules.code], set: values });
    }
    await recordAudit(tx, {
      actor,
      orgId,
      action: 'catalogs.importMitigation',
      entityType: 'mitigationRules',
      entityId: orgId,
      after: { imported: rules.length, codes: rules.map((r) => r.id), errors },
    });
  });
  return { imported: rules.length, errors };
}

type CatalogQuery = { page: number; pageSize: number; q?: string };

/** One page of a catalog table that applies to the actor, searched on `searchColumn`, ordered by code. */
async function catalogPage<T extends typeof violationTypes | typeof mitigationRules>(
  db: Db,
  table: T,
  searchColumn: PgColumn,
  actor: Actor,
  query: CatalogQuery,
): Promise<{ rows: T['$inferSelect'][]; total: number }> {
  const where = and(
    appliesToActor(table.orgId, actor),
    eq(table.isActive, true),
    query.q ? ilike(searchColumn, `%${query.q}%`) : undefined,
  );
  const [total] = await db
    .select({ n: count() })
    .from(table as typeof violationTypes)
    .where(where);
  const rows = await db
    .select()
    .from(table as typeof violationTypes)
    .where(where)
    .orderBy(asc(table.code))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { rows: rows as T['$inferSelect'][], total: total?.n ?? 0 };
}

export async function listViolationTypes(db: Db, actor: Actor, query: CatalogQuery) {
  const { rows, total } = await catalogPage(db, violationTypes, violationTypes.title, actor, query);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      specialty: r.specialty,
      title: r.title,
      legalBasis: r.legalBasis,
      source: r.source,
      tiers: (r.tiers as ViolationType).tiers.map((t) => ({
        tier: t.tier,
        label: t.label,
        circumstances: t.circumstances,
        standard: t.standard,
      })),
    })),
  };
}

export async function listMitigationRules(db: Db, actor: Actor, query: CatalogQuery) {
  const { rows, total } = await catalogPage(db, mitigationRules, mitigationRules.matter, actor, query);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      listKind: r.listKind,
      matter: r.matter,
      basis: r.basis,
      conditions: r.conditions,
      source: r.source,
    })),
  };
}

const fen = (yuan: number | undefined) => (yuan === undefined ? undefined : Math.round(yuan * 100));
const yuan = (value: number | undefined | null) =>
  value === undefined || value === null ? null : value / 100;

/**
 * For a case: the benchmark tier and range its violation and circumstances call for, whether a proposed
 * fine lies outside it (then a written reason and 法制审核 are needed), and which 减免 rules apply.
 */
export async function adviseDiscretion(
  db: Db,
  actor: Actor,
  caseId: string,
  circumstances: {
    illegalIncomeYuan?: number;
    isFirstOffence?: boolean;
    correctedInTime?: boolean;
    harm?: 'none' | 'minor' | 'serious';
    hasSubjectiveFault?: boolean;
    proposedFineYuan?: number;
  },
) {
  const current = await requireCase(db, actor, caseId);
  const [violationRow] = current.violationTypeId
    ? await db.select().from(violationTypes).where(eq(violationTypes.id, current.violationTypeId))
    : [];
  const violation = violationRow ? (violationRow.tiers as ViolationType) : null;
  const facts = { illegalIncomeFen: fen(circumstances.illegalIncomeYuan) };
  const proposal = violation ? proposeDiscretion(violation, circumstances, facts) : null;
  const proposedFen = fen(circumstances.proposedFineYuan);
  const check =
    proposal && proposedFen !== undefined ? checkPenaltyAgainstRange(proposal.rangeFen, proposedFen) : null;
  const localRules = (
    await db
      .select({ definition: mitigationRules.definition })
      .from(mitigationRules)
      .where(and(appliesToActor(mitigationRules.orgId, actor), eq(mitigationRules.isActive, true)))
  )
    .map((r) => r.definition as MitigationRule | null)
    .filter((r): r is MitigationRule => r !== null);
  const matches = applicableMitigations([...statutoryMitigationRules, ...localRules], {
    ...circumstances,
    violationTitle: violation?.title,
    violationTypeId: violationRow?.code,
  });
  return {
    violationTypeId: violationRow?.id ?? null,
    proposal: proposal
      ? {
          tier: proposal.tier,
          tierLabel: discretionTierLabels[proposal.tier],
          minYuan: yuan(proposal.rangeFen?.min),
          maxYuan: yuan(proposal.rangeFen?.max),
          standard: proposal.standard,
          reasons: proposal.reasons,
        }
      : null,
    check,
    mitigations: matches.map((m) => ({
      code: m.rule.id,
      matter: m.rule.matter,
      basis: m.rule.basis,
      status: m.status,
    })),
  };
}
