import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ordinaryPenaltyProcedure, simplePenaltyProcedure } from '../../../shared/cases/procedure.ts';
import { documentKindLabels } from '../../../shared/cases/documents.ts';
import { registerProcedure, type TransitionEvent } from '../../platform/procedure-engine/registry.ts';
import { nextDocumentNumber } from '../../platform/numbering/service.ts';
import { caseDocuments, caseOfficers, parties, penaltyCases } from './tables.ts';
import { publishDecision, withdrawDecision } from './publication.ts';
import { mitigationAtDecision } from './catalogs.ts';

/** What each action writes on the case row, in the engine's transaction (the step itself is the engine's). */
async function applyCaseEffects(tx: Db, event: TransitionEvent): Promise<void> {
  const input = (event.input ?? {}) as Record<string, unknown>;
  const set: Partial<typeof penaltyCases.$inferInsert> = {};
  switch (event.action) {
    case 'file': {
      // 立案: the case gets its 案号 from the gapless numbering (立案审批表 series) and its named officers.
      const [current] = await tx
        .select({ caseNumber: penaltyCases.caseNumber })
        .from(penaltyCases)
        .where(eq(penaltyCases.id, event.recordId));
      if (!current?.caseNumber) {
        set.caseNumber = (
          await nextDocumentNumber(tx, {
            orgId: event.orgId,
            documentType: 'filingApproval',
            year: Number(event.today.slice(0, 4)),
          })
        ).text;
      }
      set.filedOn = event.today;
      const officerIds = input.caseOfficerIds as string[] | undefined;
      if (officerIds?.length) {
        const existing = await tx
          .select({ userId: caseOfficers.userId })
          .from(caseOfficers)
          .where(eq(caseOfficers.caseId, event.recordId));
        const missing = officerIds.filter((id) => !existing.some((e) => e.userId === id));
        if (missing.length)
          await tx
            .insert(caseOfficers)
            .values(missing.map((userId) => ({ caseId: event.recordId, userId, orgId: event.orgId })));
      }
      break;
    }
    case 'recordOnSpotDecision':
    case 'decide':
      set.decidedOn = (input.decidedOn as string | undefined) ?? event.today;
      set.penaltyKinds = (input.penaltyKinds as string[] | undefined) ?? [];
      set.fineFen = (input.fineFen as number | undefined) ?? 0;
      Object.assign(set, await mitigationAtDecision(tx, event.recordId, set.fineFen));
      break;
    case 'serve':
      set.servedOn = (input.servedOn as string | undefined) ?? event.today;
      break;
    case 'recordPerformance':
      set.paidOn = (input.performedOn as string | undefined) ?? event.today;
      set.paidFen = (input.amountPaidFen as number | undefined) ?? 0;
      break;
    case 'publishDecision':
      await publishDecision(tx, event, (input.publishedOn as string | undefined) ?? event.today);
      break;
    case 'withdrawPublication':
      await withdrawDecision(
        tx,
        event.recordId,
        (input.withdrawnOn as string | undefined) ?? event.today,
        (input.explanation as string | undefined) ?? '',
      );
      break;
    case 'declinePenalty':
      Object.assign(set, await mitigationAtDecision(tx, event.recordId, 0, input.ground as string));
      set.closedOn = event.today;
      break;
    case 'close':
    case 'declineFiling':
    case 'transfer':
      set.closedOn = event.today;
      break;
  }
  if (Object.keys(set).length > 0)
    await tx
      .update(penaltyCases)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(penaltyCases.id, event.recordId));
}

/** Both penalty procedures keep their cases in penalty_cases; the `procedure` column says which one a row follows. */
const caseTable = {
  table: penaltyCases,
  columns: {
    id: penaltyCases.id,
    orgId: penaltyCases.orgId,
    state: penaltyCases.state,
    title: penaltyCases.title,
    assigneeId: penaltyCases.assigneeId,
  },
  link: (id: string) => `/cases/${id}`,
  documentsOf: async (db: Db, id: string) =>
    (
      await db
        .selectDistinct({ kind: caseDocuments.kind })
        .from(caseDocuments)
        .where(eq(caseDocuments.caseId, id))
    ).map((d) => d.kind),
  officersOf: async (db: Db, id: string) =>
    (
      await db.select({ userId: caseOfficers.userId }).from(caseOfficers).where(eq(caseOfficers.caseId, id))
    ).map((o) => o.userId),
  factsOf: async (db: Db, id: string) => {
    const [c] = await db.select().from(penaltyCases).where(eq(penaltyCases.id, id));
    const [party] = c
      ? await db.select({ kind: parties.kind }).from(parties).where(eq(parties.id, c.partyId))
      : [];
    const officers = await db
      .select({ userId: caseOfficers.userId })
      .from(caseOfficers)
      .where(eq(caseOfficers.caseId, id));
    return {
      hearingOffered: c?.hearingOffered ?? false,
      isMajor: c?.isMajor ?? false,
      requiresCollectiveDeliberation: c?.requiresCollectiveDeliberation ?? false,
      investigatingOfficerIds: officers.map((o) => o.userId),
      isExecutionComplete: Boolean(c?.paidOn),
      partyKind: party?.kind,
      penaltyKinds: c?.penaltyKinds ?? [],
      fineFen: c?.fineFen ?? 0,
    };
  },
  documentLabels: documentKindLabels,
  onTransition: applyCaseEffects,
};

registerProcedure({
  ...caseTable,
  definition: ordinaryPenaltyProcedure,
  recordFilter: eq(penaltyCases.procedure, 'ordinary'),
});
registerProcedure({
  ...caseTable,
  definition: simplePenaltyProcedure,
  recordFilter: eq(penaltyCases.procedure, 'simple'),
});
