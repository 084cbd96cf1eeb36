import type { PgColumn } from 'drizzle-orm/pg-core';
import { and, asc, count, eq, ilike } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import type {
  AdoptDiscretionInput,
  UpdateMitigationRuleInput,
  UpdateViolationTypeInput,
} from '../../../shared/cases/catalogs.ts';
import {
  checkPenaltyAgainstRange,
  discretionTierLabels,
  type DiscretionTier,
  type DiscretionTierKind,
  parseDiscretionCsv,
  parseFineRange,
  proposeDiscretion,
  type ViolationType,
} from '../../../shared/cases/discretion.ts';
import {
  applicableMitigations,
  parseMitigationCsv,
  statutoryMitigationRules,
  waivedAmountFen,
  type MitigationRule,
} from '../../../shared/cases/mitigation.ts';
import { orgs } from '../../platform/orgs/tables.ts';
import { adoptedAbove, importCatalogRows } from '../../platform/catalogs/catalog-import.ts';
import { type Actor, authorize } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { mitigationRules, penaltyCases, violationTypes } from './tables.ts';

type CaseRow = typeof penaltyCases.$inferSelect;
import { requireCase } from './service.ts';
import { flagsOf, loadCase, storedProposalOf } from './case-flags.ts';

const appliesToActor = (orgIdColumn: PgColumn, actor: Actor) => adoptedAbove(orgIdColumn, actor.orgPath);

/** Imports a 裁量基准 CSV (layout of catalogs/discretion_benchmarks.csv) into the actor's organisation; re-import updates. */
export async function importDiscretionCatalog(db: Db, actor: Actor | null, orgId: string, csv: string) {
  const { violations, errors } = parseDiscretionCsv(csv);
  return importCatalogRows(db, actor, orgId, {
    permission: 'catalogs.manage',
    parsed: { rows: violations, errors },
    emptyMessage: '没有可导入的违法行为',
    table: violationTypes,
    conflictTarget: [violationTypes.orgId, violationTypes.code],
    valuesOf: (v) => ({
      code: v.id,
      specialty: v.specialty,
      title: v.title,
      legalBasis: v.legalBasis,
      penaltyBasis: v.penaltyBasis,
      source: v.document,
      tiers: v as unknown as Record<string, unknown>,
    }),
    codeOf: (v) => v.id,
    audit: { action: 'catalogs.importDiscretion', entityType: 'violationTypes' },
  });
}

/** Imports a 减免清单 CSV (layout of catalogs/mitigation_lists.csv); drafts are kept but marked. */
export async function importMitigationCatalog(db: Db, actor: Actor | null, orgId: string, csv: string) {
  const { rules, errors } = parseMitigationCsv(csv);
  return importCatalogRows(db, actor, orgId, {
    permission: 'catalogs.manage',
    parsed: { rows: rules, errors },
    emptyMessage: '没有可导入的减免事项',
    table: mitigationRules,
    conflictTarget: [mitigationRules.orgId, mitigationRules.code],
    valuesOf: (r) => ({
      code: r.id,
      listKind: r.listKind,
      matter: r.matter,
      basis: r.basis,
      conditions: r.conditions,
      source: r.source.document,
      definition: r as unknown as Record<string, unknown>,
    }),
    codeOf: (r) => r.id,
    audit: { action: 'catalogs.importMitigation', entityType: 'mitigationRules' },
  });
}

/** A catalog row with its organisation's path, for `authorize`; undefined when there is none. */
async function catalogOwner(
  db: Db,
  table: typeof violationTypes | typeof mitigationRules,
  id: string,
): Promise<{ orgId: string; orgPath: string } | undefined> {
  const [row] = await db
    .select({ orgId: table.orgId, orgPath: orgs.path })
    .from(table as typeof violationTypes)
    .innerJoin(orgs, eq(orgs.id, table.orgId))
    .where(eq(table.id, id));
  return row;
}

/**
 * 编辑裁量基准: title, bases and tiers of one violation type of the actor's organisation (a catalog adopted above
 * is edited by the organisation that adopted it). Each tier's fine range is read again from its standard; a
 * standard that cannot be read is refused (不予/免予 tiers carry no fine).
 */
export async function updateViolationType(db: Db, actor: Actor, id: string, input: UpdateViolationTypeInput) {
  const owner = await catalogOwner(db, violationTypes, id);
  authorize(actor, owner, { write: true, permission: 'catalogs.manage', what: '裁量基准' });
  const tiers = input.tiers.map((tier, index): DiscretionTier => {
    const noPenalty = tier.tier === 'none' || tier.tier === 'exempt';
    const parsed = noPenalty || tier.standard === '' ? null : parseFineRange(tier.standard);
    if (!noPenalty && tier.standard === '')
      throw invalidField(`tiers.${index}.standard`, '请填写裁量标准或罚款幅度');
    if (!noPenalty && parsed === null)
      throw invalidField(
        `tiers.${index}.standard`,
        `无法识别罚款幅度“${tier.standard}”，请写明如“处5000元以上1万元以下罚款”`,
      );
    return {
      tier: tier.tier,
      label: tier.label,
      circumstances: tier.circumstances,
      standard: tier.standard,
      ...(parsed?.fine ? { fine: parsed.fine } : {}),
      warning: parsed?.warning ?? false,
      otherPenalties: parsed?.otherPenalties ?? [],
      isPartial: false,
      line: 0,
    };
  });
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(violationTypes).where(eq(violationTypes.id, id));
    const previous = before!.tiers as ViolationType;
    const next: ViolationType = {
      ...previous,
      title: input.title,
      legalBasis: input.legalBasis,
      penaltyBasis: input.penaltyBasis,
      tiers: tiers.map((tier, index) => ({ ...tier, line: previous.tiers[index]?.line ?? previous.line })),
    };
    const [updated] = await tx
      .update(violationTypes)
      .set({
        title: input.title,
        legalBasis: input.legalBasis,
        penaltyBasis: input.penaltyBasis,
        tiers: next as unknown as Record<string, unknown>,
      })
      .where(eq(violationTypes.id, id))
      .returning();
    await recordAudit(tx, {
      actor,
      orgId: before!.orgId,
      action: 'catalogs.updateViolationType',
      entityType: 'violationTypes',
      entityId: id,
      before: violationTypeView(before!),
      after: violationTypeView(updated!),
    });
    return violationTypeView(updated!);
  });
}

/** 编辑减免清单事项: matter, basis, conditions, and whether it is in force (a deactivated rule is no longer offered). */
export async function updateMitigationRule(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateMitigationRuleInput,
) {
  const owner = await catalogOwner(db, mitigationRules, id);
  authorize(actor, owner, { write: true, permission: 'catalogs.manage', what: '减免清单事项' });
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(mitigationRules).where(eq(mitigationRules.id, id));
    const definition = before!.definition as MitigationRule | null;
    const [updated] = await tx
      .update(mitigationRules)
      .set({
        matter: input.matter,
        basis: input.basis,
        conditions: input.conditions,
        isActive: input.isActive,
        definition: definition
          ? ({
              ...definition,
              matter: input.matter,
              basis: input.basis,
              conditions: input.conditions,
            } as unknown as Record<string, unknown>)
          : null,
      })
      .where(eq(mitigationRules.id, id))
      .returning();
    await recordAudit(tx, {
      actor,
      orgId: before!.orgId,
      action: 'catalogs.updateMitigationRule',
      entityType: 'mitigationRules',
      entityId: id,
      before: mitigationRuleView(before!),
      after: mitigationRuleView(updated!),
    });
    return mitigationRuleView(updated!);
  });
}

const violationTypeView = (r: typeof violationTypes.$inferSelect) => ({
  id: r.id,
  orgId: r.orgId,
  code: r.code,
  specialty: r.specialty,
  title: r.title,
  legalBasis: r.legalBasis,
  penaltyBasis: r.penaltyBasis,
  source: r.source,
  tiers: (r.tiers as ViolationType).tiers.map((t) => ({
    tier: t.tier,
    label: t.label,
    circumstances: t.circumstances,
    standard: t.standard,
  })),
});

const mitigationRuleView = (r: typeof mitigationRules.$inferSelect) => ({
  id: r.id,
  orgId: r.orgId,
  code: r.code,
  listKind: r.listKind,
  matter: r.matter,
  basis: r.basis,
  conditions: r.conditions,
  source: r.source,
  isActive: r.isActive,
});

type CatalogQuery = { page: number; pageSize: number; q?: string; includeInactive?: boolean };

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
    query.includeInactive ? undefined : eq(table.isActive, true),
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
  return { total, items: rows.map(violationTypeView) };
}

export async function listMitigationRules(db: Db, actor: Actor, query: CatalogQuery) {
  const { rows, total } = await catalogPage(db, mitigationRules, mitigationRules.matter, actor, query);
  return { total, items: rows.map(mitigationRuleView) };
}

const fen = (yuan: number | undefined) => (yuan === undefined ? undefined : Math.round(yuan * 100));
const yuan = (value: number | undefined | null) =>
  value === undefined || value === null ? null : value / 100;

type Circumstances = Omit<AdoptDiscretionInput, 'outOfRangeReason' | 'mitigationRuleCode'>;

/** The benchmark's advice for a case, in fen, with the rules it consulted (shared by advice and adoption). */
async function computeDiscretion(db: Db, actor: Actor, current: CaseRow, circumstances: Circumstances) {
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
      .select({ id: mitigationRules.id, definition: mitigationRules.definition })
      .from(mitigationRules)
      .where(and(appliesToActor(mitigationRules.orgId, actor), eq(mitigationRules.isActive, true)))
  ).filter((r): r is { id: string; definition: MitigationRule } => r.definition !== null);
  const matches = applicableMitigations(
    [...statutoryMitigationRules, ...localRules.map((r) => r.definition)],
    { ...circumstances, violationTitle: violation?.title, violationTypeId: violationRow?.code },
  );
  // The fine the benchmark would impose without any 减免: the no-penalty proposal's baseline, else the 一般 tier.
  const baselineRange =
    proposal?.baseline?.rangeFen ??
    (violation ? proposeDiscretion(violation, { tierHint: 'ordinary' }, facts).rangeFen : null);
  return { violationRow, proposal, check, matches, localRules, baselineRange };
}

function adoptedOf(c: CaseRow) {
  if (!c.discretionTier) return null;
  return {
    tier: c.discretionTier,
    tierLabel: discretionTierLabels[c.discretionTier as DiscretionTierKind] ?? c.discretionTier,
    minYuan: yuan(c.rangeMinFen),
    maxYuan: yuan(c.rangeMaxFen),
    outOfRangeReason: c.outOfRangeReason,
    mitigationRuleCode: c.mitigationRuleCode,
    mitigationRuleLabel: c.mitigationRuleLabel,
    waiverBaselineYuan: yuan(c.waiverBaselineFen),
  };
}

/**
 * For a case: the benchmark tier and range its violation and circumstances call for, whether a proposed
 * fine lies outside it (then a written reason and 法制审核 are needed), which 减免 rules apply, and what the case
 * has adopted so far.
 */
export async function adviseDiscretion(db: Db, actor: Actor, caseId: string, circumstances: Circumstances) {
  const current = await requireCase(db, actor, caseId);
  const { violationRow, proposal, check, matches } = await computeDiscretion(
    db,
    actor,
    current,
    circumstances,
  );
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
    adopted: adoptedOf(current),
  };
}

const decidedStates = new Set([
  'decided',
  'served',
  'enforcing',
  'closed',
  'archived',
  'revoked',
  'notPenalised',
]);

/**
 * 采用裁量建议: stores the tier, range and 减免 rule on the case before the decision. A fine outside the range needs
 * a written reason and makes the case go through 法制审核 (it joins the 重大执法决定 reasons); the rule's waiver is
 * measured at the decision from the baseline kept here.
 */
export async function adoptDiscretion(db: Db, actor: Actor, caseId: string, input: AdoptDiscretionInput) {
  const current = await requireCase(db, actor, caseId, { write: true });
  if (decidedStates.has(current.state) || current.procedure !== 'ordinary')
    throw new AppError(409, 'CONFLICT', '案件已作出决定（或适用简易程序），不能再调整裁量');
  const { proposal, check, matches, localRules, baselineRange } = await computeDiscretion(
    db,
    actor,
    current,
    input,
  );
  if (!proposal) throw invalidField('violationTypeId', '案件尚未选择裁量基准中的违法行为');
  if (check?.needsReason && !input.outOfRangeReason)
    throw invalidField('outOfRangeReason', '拟罚款超出裁量基准幅度，须书面说明理由');
  const rule = input.mitigationRuleCode
    ? matches.find((m) => m.rule.id === input.mitigationRuleCode && m.status !== 'unmet')
    : undefined;
  if (input.mitigationRuleCode && !rule)
    throw invalidField('mitigationRuleCode', '该减免情形不适用于本案（条件不符或不在本机构的减免清单中）');
  const outOfRangeReason = check?.needsReason ? (input.outOfRangeReason ?? null) : null;
  const set = {
    discretionTier: proposal.tier,
    rangeMinFen: proposal.rangeFen?.min ?? null,
    rangeMaxFen: proposal.rangeFen?.max ?? null,
    outOfRangeReason,
    mitigationRuleId: rule ? (localRules.find((r) => r.definition.id === rule.rule.id)?.id ?? null) : null,
    mitigationRuleCode: rule?.rule.id ?? null,
    mitigationRuleLabel: rule ? ruleLabel(rule.rule) : null,
    waiverBaselineFen: rule ? (baselineRange?.min ?? null) : null,
    updatedAt: new Date(),
  };
  return inTransaction(db, async (tx) => {
    // A reason for leaving the range sends the case to 法制审核: the flags are recomputed as the 合议 would.
    const { c, partyKind } = await loadCase(tx, caseId);
    const { isMajor, majorReasons, requiresCollectiveDeliberation } = await flagsOf(
      tx,
      current.orgId,
      { ...c, outOfRangeReason },
      partyKind,
      storedProposalOf(c),
    );
    const [updated] = await tx
      .update(penaltyCases)
      .set({ ...set, isMajor, majorReasons, requiresCollectiveDeliberation })
      .where(eq(penaltyCases.id, caseId))
      .returning();
    await recordAudit(tx, {
      actor,
      orgId: current.orgId,
      action: 'cases.adoptDiscretion',
      entityType: 'penaltyCase',
      entityId: caseId,
      before: adoptedOf(current),
      after: { ...adoptedOf(updated!), input },
    });
    return adoptedOf(updated!)!;
  });
}

// 不予处罚 on a 第三十三条 ground is a 减免 case even when no rule was adopted beforehand.
const statutoryRuleOfGround: Record<string, string> = {
  minorViolation: 'XZCF-33-1',
  firstViolation: 'XZCF-33-2',
  noFault: 'XZCF-33-3',
};

const ruleLabel = (rule: MitigationRule) => `${rule.circumstance || rule.matter}（${rule.id}）`;

/**
 * What the decision (or 不予处罚 on `ground`) writes about 减免: 包容免罚金额 = the adopted rule's baseline minus the
 * fine decided, and the statutory rule of a 第三十三条 ground when none was adopted.
 */
export async function mitigationAtDecision(
  db: Db,
  caseId: string,
  decidedFineFen: number,
  ground?: string,
): Promise<Partial<CaseRow>> {
  const [c] = await db
    .select({ code: penaltyCases.mitigationRuleCode, baseline: penaltyCases.waiverBaselineFen })
    .from(penaltyCases)
    .where(eq(penaltyCases.id, caseId));
  if (c?.code) {
    const waivedFen =
      c.baseline === null ? 0 : waivedAmountFen({ min: c.baseline, max: c.baseline }, decidedFineFen);
    return { waivedFen };
  }
  const statutory = statutoryMitigationRules.find((r) => r.id === statutoryRuleOfGround[ground ?? '']);
  return statutory
    ? { waivedFen: 0, mitigationRuleCode: statutory.id, mitigationRuleLabel: ruleLabel(statutory) }
    : { waivedFen: 0 };
}
