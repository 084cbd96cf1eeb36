import { and, asc, desc, eq, exists, gte, ilike, inArray, like, lte, or, sql } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { ordinaryPenaltyProcedure, simplePenaltyProcedure } from '../../../shared/cases/procedure.ts';
import { documentKindLabels } from '../../../shared/cases/documents.ts';
import {
  caseReviewKindLabels,
  type CaseDetail,
  type CaseListQuery,
  type CaseReview,
  type CaseSummary,
  type CreateCaseInput,
} from '../../../shared/cases/records.ts';
import { describeProposal, PenaltyProposal } from '../../../shared/cases/payloads.ts';
import { lateFeeFen } from '../../../shared/cases/penalties.ts';
import { chinaToday } from '../../../shared/officers/eligibility.ts';
import { orgs, users } from '../../platform/orgs/tables.ts';
import { storedFiles } from '../../platform/files/tables.ts';
import { procedureDeadlines } from '../../platform/procedure-engine/tables.ts';
import { type Actor, authorize, canRead, type Owned } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { findOrgOwner } from '../../platform/orgs/service.ts';
import { assertCertifiedOfficers } from '../../platform/officers/enforcement.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import { countCapped } from '../../db/count-capped.ts';
import type { PartyInput } from '../../../shared/cases/parties.ts';
import { entities } from '../entities/tables.ts';
import {
  caseDocuments,
  caseEvidence,
  caseOfficers,
  caseReviews,
  parties,
  penaltyCases,
  violationTypes,
} from './tables.ts';

const stateLabels: Record<string, string> = {
  ...ordinaryPenaltyProcedure.states,
  ...simplePenaltyProcedure.states,
};
const initialStates = {
  ordinary: ordinaryPenaltyProcedure.initial,
  simple: simplePenaltyProcedure.initial,
} as const;
const fenToYuan = (fen: number) => fen / 100;
type CaseDetailEntity = NonNullable<CaseDetail['party']['entity']>;

/** The case's owner for `authorize`, or null when no such case exists. */
export async function findCaseOwner(db: Db, caseId: string): Promise<(Owned & { state: string }) | null> {
  const [row] = await db
    .select({ orgId: penaltyCases.orgId, orgPath: orgs.path, state: penaltyCases.state })
    .from(penaltyCases)
    .innerJoin(orgs, eq(orgs.id, penaltyCases.orgId))
    .where(eq(penaltyCases.id, caseId));
  return row ?? null;
}

/**
 * The 检查对象名录库 entry an organisation party is linked to: the one picked on the form (`entityId`, checked), or
 * else the entry with the party's 统一社会信用代码. The directory is read as every record is, within the actor's
 * subtree (the case's own organisation and below) — not an ancestor's directory: the case's officers could not open
 * such an entry's page (404), and the county that inspects a unit is the one that keeps it in the directory (the
 * import and the demo seed put entries there). Another county's entry is never linked, even with the same code.
 * A code is in the directory once, so there is at most one candidate. Natural persons are never linked.
 */
async function resolvePartyEntity(db: Db, actor: Actor, party: PartyInput): Promise<string | null> {
  if (party.kind !== 'organisation') return null;
  const candidates = db
    .select({ id: entities.id, uscc: entities.uscc, orgId: entities.orgId, orgPath: orgs.path })
    .from(entities)
    .innerJoin(orgs, eq(orgs.id, entities.orgId));
  if (party.entityId) {
    const [row] = await candidates.where(eq(entities.id, party.entityId));
    if (!row || !canRead(actor, row))
      throw invalidField('party.entityId', '检查对象不存在或不在本机构可查阅的名录中');
    if (row.uscc !== party.uscc)
      throw invalidField('party.entityId', '所选检查对象的统一社会信用代码与当事人的不一致');
    return row.id;
  }
  const [row] = await candidates.where(
    and(eq(entities.uscc, party.uscc), like(orgs.path, `${actor.orgPath}%`)),
  );
  return row?.id ?? null;
}

/** Registers a lead (线索登记) in the actor's organisation with its party and at least two certified officers. */
export async function createCase(
  db: Db,
  actor: Actor,
  input: CreateCaseInput,
  options: { procedure: 'ordinary' | 'simple'; actDate?: string } = { procedure: 'ordinary' },
): Promise<CaseDetail> {
  const own = await findOrgOwner(db, actor.orgId);
  authorize(actor, own, { write: true, permission: 'procedures.act' });
  const officerIds = [...new Set([input.assigneeId, ...input.officerIds])];
  const officerRows = await db
    .select({ id: users.id, orgPath: orgs.path })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(inArray(users.id, officerIds));
  // Officers come from the case's own organisation or below it; anyone else is "not found" to this actor.
  officerIds.forEach((id, i) => {
    const row = officerRows.find((r) => r.id === id);
    if (!row || !row.orgPath.startsWith(actor.orgPath))
      throw invalidField(i === 0 ? 'assigneeId' : 'officerIds', '执法人员不存在或不属于本机构');
  });
  await assertCertifiedOfficers(db, officerIds, options.actDate ?? chinaToday());
  if (input.violationTypeId) {
    // The violation must come from a 裁量基准 adopted by the actor's organisation or one above it.
    const [violation] = await db
      .select({ id: violationTypes.id })
      .from(violationTypes)
      .innerJoin(orgs, eq(orgs.id, violationTypes.orgId))
      .where(
        and(eq(violationTypes.id, input.violationTypeId), sql`${actor.orgPath} like ${orgs.path} || '%'`),
      );
    if (!violation) throw invalidField('violationTypeId', '违法行为不在本机构适用的裁量基准中');
  }
  const entityId = await resolvePartyEntity(db, actor, input.party);
  const id = await inTransaction(db, async (tx) => {
    const party = input.party;
    const [partyRow] = await tx
      .insert(parties)
      .values({
        orgId: actor.orgId,
        kind: party.kind,
        name: party.name,
        idNumber: party.kind === 'person' ? (party.idNumber ?? null) : null,
        uscc: party.kind === 'organisation' ? party.uscc : null,
        legalRepresentative: party.kind === 'organisation' ? (party.legalRepresentative ?? null) : null,
        address: party.address ?? null,
        phone: party.phone ?? null,
        entityId,
      })
      .returning({ id: parties.id });
    const [row] = await tx
      .insert(penaltyCases)
      .values({
        orgId: actor.orgId,
        procedure: options.procedure,
        state: initialStates[options.procedure],
        title: input.title,
        source: input.source,
        sourceReference: input.sourceReference ?? null,
        partyId: partyRow!.id,
        violationTypeId: input.violationTypeId ?? null,
        facts: input.facts,
        occurredOn: input.occurredOn ?? null,
        assigneeId: input.assigneeId,
      })
      .returning();
    await tx.insert(caseOfficers).values(
      officerIds.map((userId) => ({
        caseId: row!.id,
        userId,
        orgId: actor.orgId,
        isLead: userId === input.assigneeId,
      })),
    );
    await recordAudit(tx, {
      actor,
      orgId: actor.orgId,
      action: 'cases.create',
      entityType: 'penaltyCase',
      entityId: row!.id,
      after: { ...row, party: entityId ? { ...input.party, entityId } : input.party, officerIds },
    });
    return row!.id;
  });
  return getCase(db, actor, id);
}

/**
 * Quick search by 案号, title, party name or USCC (substring, so Chinese works without word splitting). Each
 * branch is its own trigram-indexed lookup of case ids: an OR across the case and party tables would make the
 * planner scan every case.
 */
function matchesQuickSearch(db: Db, q: string) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const byCase = db
    .select({ id: penaltyCases.id })
    .from(penaltyCases)
    .where(or(ilike(penaltyCases.caseNumber, pattern), ilike(penaltyCases.title, pattern)));
  const byParty = db
    .select({ id: penaltyCases.id })
    .from(penaltyCases)
    .innerJoin(parties, eq(parties.id, penaltyCases.partyId))
    .where(or(ilike(parties.name, pattern), ilike(parties.uscc, pattern)));
  return inArray(penaltyCases.id, union(byCase, byParty));
}

/** One page of the cases in the actor's subtree, filtered; the next open deadline comes with each row. */
export async function listCases(
  db: Db,
  actor: Actor,
  query: CaseListQuery,
): Promise<{ items: CaseSummary[]; total: number; totalIsLowerBound: boolean }> {
  let scopePath = actor.orgPath;
  if (query.orgId) {
    const owner = await findOrgOwner(db, query.orgId);
    authorize(actor, owner, { what: '机构' });
    scopePath = owner.orgPath;
  }
  if (query.entityId) {
    // The entity's own page asks for its cases: an entity outside the actor's subtree does not exist for them.
    const [entity] = await db
      .select({ orgId: entities.orgId, orgPath: orgs.path })
      .from(entities)
      .innerJoin(orgs, eq(orgs.id, entities.orgId))
      .where(eq(entities.id, query.entityId));
    authorize(actor, entity, { what: '检查对象' });
  }
  const today = chinaToday();
  const openDeadline = (condition = sql`true`) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(procedureDeadlines)
        .where(
          and(
            eq(procedureDeadlines.recordId, penaltyCases.id),
            eq(procedureDeadlines.status, 'running'),
            condition,
          ),
        ),
    );
  const where = and(
    like(orgs.path, `${scopePath}%`),
    query.state ? eq(penaltyCases.state, query.state) : undefined,
    query.violationTypeId ? eq(penaltyCases.violationTypeId, query.violationTypeId) : undefined,
    query.entityId
      ? inArray(
          penaltyCases.partyId,
          db.select({ id: parties.id }).from(parties).where(eq(parties.entityId, query.entityId)),
        )
      : undefined,
    query.officerId
      ? exists(
          db
            .select({ one: sql`1` })
            .from(caseOfficers)
            .where(and(eq(caseOfficers.caseId, penaltyCases.id), eq(caseOfficers.userId, query.officerId))),
        )
      : undefined,
    query.overdue ? openDeadline(sql`${procedureDeadlines.dueDate} < ${today}`) : undefined,
    query.from ? gte(penaltyCases.createdAt, new Date(`${query.from}T00:00:00+08:00`)) : undefined,
    query.to ? lte(penaltyCases.createdAt, new Date(`${query.to}T23:59:59.999+08:00`)) : undefined,
    query.q ? matchesQuickSearch(db, query.q) : undefined,
  );
  const counted = await countCapped(
    db,
    db
      .select({ one: sql<number>`1`.as('one') })
      .from(penaltyCases)
      .innerJoin(orgs, eq(orgs.id, penaltyCases.orgId))
      .where(where)
      .$dynamic(),
  );
  const nextDue = sql<
    string | null
  >`(select min(${procedureDeadlines.dueDate})::text from ${procedureDeadlines} where ${procedureDeadlines.recordId} = ${penaltyCases.id} and ${procedureDeadlines.status} = 'running')`;
  const rows = await db
    .select({
      c: penaltyCases,
      orgName: orgs.name,
      partyName: parties.name,
      partyKind: parties.kind,
      assigneeName: users.displayName,
      nextDue,
    })
    .from(penaltyCases)
    .innerJoin(orgs, eq(orgs.id, penaltyCases.orgId))
    .innerJoin(parties, eq(parties.id, penaltyCases.partyId))
    .leftJoin(users, eq(users.id, penaltyCases.assigneeId))
    .where(where)
    // "nulls last" as in the page-order indexes: a plain DESC means NULLS FIRST and the index would not serve it.
    .orderBy(sql`${penaltyCases.createdAt} desc nulls last`, asc(penaltyCases.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    ...counted,
    items: rows.map((r) =>
      summarise(r.c, r.orgName, r.partyName, r.partyKind, r.assigneeName, r.nextDue, today),
    ),
  };
}

function summarise(
  c: typeof penaltyCases.$inferSelect,
  orgName: string,
  partyName: string,
  partyKind: string,
  assigneeName: string | null,
  nextDue: string | null,
  today: string,
): CaseSummary {
  return {
    id: c.id,
    orgId: c.orgId,
    orgName,
    procedure: c.procedure as CaseSummary['procedure'],
    state: c.state,
    stateLabel: stateLabels[c.state] ?? c.state,
    title: c.title,
    caseNumber: c.caseNumber,
    partyName,
    partyKind: partyKind as CaseSummary['partyKind'],
    assigneeName,
    source: c.source as CaseSummary['source'],
    createdAt: c.createdAt.toISOString(),
    nextDueDate: nextDue,
    isOverdue: nextDue !== null && nextDue < today,
  };
}

export async function getCase(db: Db, actor: Actor, caseId: string): Promise<CaseDetail> {
  const [row] = await db
    .select({
      c: penaltyCases,
      org: orgs,
      party: parties,
      assigneeName: users.displayName,
      entity: {
        id: entities.id,
        name: entities.name,
        category: entities.category,
        riskLevel: entities.riskLevel,
        creditLevel: entities.creditLevel,
      },
    })
    .from(penaltyCases)
    .innerJoin(orgs, eq(orgs.id, penaltyCases.orgId))
    .innerJoin(parties, eq(parties.id, penaltyCases.partyId))
    .leftJoin(entities, eq(entities.id, parties.entityId))
    .leftJoin(users, eq(users.id, penaltyCases.assigneeId))
    .where(eq(penaltyCases.id, caseId));
  authorize(actor, row ? { orgId: row.c.orgId, orgPath: row.org.path } : null, { what: '案件' });
  const { c, org, party, entity } = row!;
  const today = chinaToday();
  const [next] = await db
    .select({ due: sql<string | null>`min(${procedureDeadlines.dueDate})::text` })
    .from(procedureDeadlines)
    .where(and(eq(procedureDeadlines.recordId, caseId), eq(procedureDeadlines.status, 'running')));
  const officers = await db
    .select({ userId: caseOfficers.userId, displayName: users.displayName, isLead: caseOfficers.isLead })
    .from(caseOfficers)
    .innerJoin(users, eq(users.id, caseOfficers.userId))
    .where(eq(caseOfficers.caseId, caseId))
    .orderBy(desc(caseOfficers.isLead), asc(users.displayName));
  const documents = await db
    .select()
    .from(caseDocuments)
    .where(eq(caseDocuments.caseId, caseId))
    .orderBy(asc(caseDocuments.createdAt));
  const evidence = await db
    .select({
      e: caseEvidence,
      fileName: storedFiles.fileName,
      sha256: storedFiles.sha256,
      createdByName: users.displayName,
    })
    .from(caseEvidence)
    .innerJoin(storedFiles, eq(storedFiles.id, caseEvidence.fileId))
    .innerJoin(users, eq(users.id, caseEvidence.createdBy))
    .where(eq(caseEvidence.caseId, caseId))
    .orderBy(asc(caseEvidence.createdAt));
  const reviews = await db
    .select()
    .from(caseReviews)
    .where(eq(caseReviews.caseId, caseId))
    .orderBy(asc(caseReviews.heldOn), asc(caseReviews.createdAt));
  const [payment] = await db
    .select({ dueDate: procedureDeadlines.dueDate, status: procedureDeadlines.status })
    .from(procedureDeadlines)
    .where(and(eq(procedureDeadlines.recordId, caseId), eq(procedureDeadlines.clock, 'payment')));
  const paymentDueDate = payment?.dueDate ?? null;
  // An unpaid fine past its due date accrues 加处罚款 day by day (第七十二条); shown to today, stored when paid.
  // The clock stops on payment, revocation or closure, and so does the surcharge.
  const lateFeeIsAccruing =
    payment?.status === 'running' && c.fineFen > 0 && paymentDueDate !== null && paymentDueDate < today;
  const lateFee = lateFeeIsAccruing
    ? lateFeeFen({ fineFen: c.fineFen, dueDate: paymentDueDate, paidOn: today })
    : c.lateFeeFen;
  const proposal = PenaltyProposal.safeParse(c.proposal);
  return {
    ...summarise(c, org.name, party.name, party.kind, row!.assigneeName, next?.due ?? null, today),
    sourceReference: c.sourceReference,
    facts: c.facts,
    occurredOn: c.occurredOn,
    party: {
      id: party.id,
      kind: party.kind as CaseDetail['party']['kind'],
      name: party.name,
      idNumber: party.idNumber,
      uscc: party.uscc,
      legalRepresentative: party.legalRepresentative,
      address: party.address,
      phone: party.phone,
      entity: entity
        ? {
            ...entity,
            riskLevel: entity.riskLevel as CaseDetailEntity['riskLevel'],
            creditLevel: entity.creditLevel as CaseDetailEntity['creditLevel'],
          }
        : null,
    },
    officers,
    isMajor: c.isMajor,
    majorReasons: c.majorReasons,
    hearingOffered: c.hearingOffered,
    requiresCollectiveDeliberation: c.requiresCollectiveDeliberation,
    fineYuan: fenToYuan(c.fineFen),
    confiscationYuan: fenToYuan(c.confiscationFen),
    decisionNumber: c.decisionNumber,
    filedOn: c.filedOn,
    decidedOn: c.decidedOn,
    closedOn: c.closedOn,
    proposalText: proposal.success ? describeProposal(proposal.data) : null,
    paymentDueDate,
    paidOn: c.paidOn,
    paidYuan: fenToYuan(c.paidFen),
    lateFeeYuan: fenToYuan(lateFee),
    lateFeeIsAccruing,
    reviews: reviews.map((r) => ({
      id: r.id,
      kind: r.kind as CaseReview['kind'],
      kindLabel: caseReviewKindLabels[r.kind as CaseReview['kind']] ?? r.kind,
      heldOn: r.heldOn,
      participants: r.participants,
      opinion: r.opinion,
      conclusion: r.conclusion,
      createdAt: r.createdAt.toISOString(),
    })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      kindLabel: (documentKindLabels as Record<string, string>)[d.kind] ?? d.kind,
      documentNumber: d.documentNumber,
      fileId: d.fileId,
      createdAt: d.createdAt.toISOString(),
    })),
    evidence: evidence.map(({ e, fileName, sha256, createdByName }) => ({
      id: e.id,
      kind: e.kind,
      description: e.description,
      fileId: e.fileId,
      fileName,
      sha256,
      collectedOn: e.collectedOn,
      createdByName,
    })),
  };
}

export async function requireCase(db: Db, actor: Actor, caseId: string, need: { write?: boolean } = {}) {
  const owner = await findCaseOwner(db, caseId);
  authorize(actor, owner, {
    what: '案件',
    write: need.write,
    permission: need.write ? 'procedures.act' : undefined,
  });
  const [row] = await db.select().from(penaltyCases).where(eq(penaltyCases.id, caseId));
  if (!row) throw notFound('案件');
  return row;
}
