import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ordinaryPenaltyProcedure, simplePenaltyProcedure } from '../../../shared/cases/procedure.ts';
import { documentKindLabels } from '../../../shared/cases/documents.ts';
import {
  fineAgainstBenchmark,
  type DiscretionTierKind,
  type ViolationType,
} from '../../../shared/cases/discretion.ts';
import {
  DeliberateInput,
  deliberationConclusionLabels,
  describeProposal,
  HoldHearingInput,
  PassLegalReviewInput,
  proposalOf,
  RecordCollectiveDeliberationInput,
} from '../../../shared/cases/payloads.ts';
import { lateFeeFen } from '../../../shared/cases/penalties.ts';
import { registerProcedure, type TransitionEvent } from '../../platform/procedure-engine/registry.ts';
import { procedureDeadlines } from '../../platform/procedure-engine/tables.ts';
import { nextDocumentNumber } from '../../platform/numbering/service.ts';
import { caseDocuments, caseOfficers, caseReviews, parties, penaltyCases, violationTypes } from './tables.ts';
import { publishDecision, withdrawDecision } from './publication.ts';
import { mitigationAtDecision } from './catalogs.ts';
import { flagsOf, loadCase, storedProposalOf } from './case-flags.ts';

async function benchmarkOf(tx: Db, violationTypeId: string | null): Promise<ViolationType | null> {
  if (!violationTypeId) return null;
  const [row] = await tx
    .select({ tiers: violationTypes.tiers })
    .from(violationTypes)
    .where(eq(violationTypes.id, violationTypeId));
  return (row?.tiers as ViolationType | undefined) ?? null;
}

type ReviewKind = 'caseDeliberation' | 'hearing' | 'legalReview' | 'collectiveDeliberation';

async function writeReview(
  tx: Db,
  event: TransitionEvent,
  review: { kind: ReviewKind; heldOn: string; participants: string[]; opinion: string; conclusion: string },
): Promise<void> {
  await tx
    .insert(caseReviews)
    .values({ ...review, caseId: event.recordId, orgId: event.orgId, createdBy: event.actor.userId });
}

/** 案件合议: stores the proposal and its discretion check, computes the flags, writes the 合议 record. */
async function deliberate(tx: Db, event: TransitionEvent, set: Partial<typeof penaltyCases.$inferInsert>) {
  const input = DeliberateInput.parse(event.input);
  const proposal = proposalOf(input);
  const { c, partyKind } = await loadCase(tx, event.recordId);
  const benchmark = await benchmarkOf(tx, c.violationTypeId);
  // The 合议 may restate the tier and the reason; otherwise those adopted with the 裁量建议 stand.
  const tier = input.discretionTier ?? (c.discretionTier as DiscretionTierKind | null) ?? undefined;
  const check =
    benchmark && proposal.fineFen > 0 ? fineAgainstBenchmark(benchmark, proposal.fineFen, tier) : null;
  set.proposal = proposal;
  if (check) {
    set.discretionTier = tier ?? 'ordinary';
    set.rangeMinFen = check.rangeFen?.min ?? null;
    set.rangeMaxFen = check.rangeFen?.max ?? null;
  }
  // Kept only when the fine is outside the range: it is what sends the case to 法制审核 (see computeCaseFlags).
  set.outOfRangeReason =
    check && !check.within ? (input.outOfRangeReason ?? c.outOfRangeReason ?? null) : null;
  Object.assign(
    set,
    await flagsOf(tx, event.orgId, { ...c, outOfRangeReason: set.outOfRangeReason }, partyKind, proposal),
  );
  const conclusion = deliberationConclusionLabels[input.conclusion];
  await writeReview(tx, event, {
    kind: 'caseDeliberation',
    heldOn: input.heldOn ?? event.today,
    participants: input.participants,
    opinion: input.opinion,
    conclusion: input.conclusion === 'penalty' ? `${conclusion}：${describeProposal(proposal)}` : conclusion,
  });
}

/** 听证 held: its record, and 第五十八条第一款第（二）项 now makes the decision major. */
async function holdHearing(tx: Db, event: TransitionEvent, set: Partial<typeof penaltyCases.$inferInsert>) {
  const input = HoldHearingInput.parse(event.input);
  await writeReview(tx, event, {
    kind: 'hearing',
    heldOn: input.hearingDate,
    participants: input.participants,
    opinion: input.partyArguments,
    conclusion: input.conclusion,
  });
  const { c, partyKind } = await loadCase(tx, event.recordId);
  const { isMajor, majorReasons, requiresCollectiveDeliberation } = await flagsOf(
    tx,
    event.orgId,
    c,
    partyKind,
    storedProposalOf(c),
  );
  // hearingOffered stays as it was: the hearing was offered, and held.
  Object.assign(set, { isMajor, majorReasons, requiresCollectiveDeliberation });
}

/** 加处罚款 (第七十二条) from the payment clock's due date to the day of performance. */
async function lateFeeAt(tx: Db, caseId: string, fineFen: number, paidOn: string): Promise<number> {
  const [deadline] = await tx
    .select({ dueDate: procedureDeadlines.dueDate })
    .from(procedureDeadlines)
    .where(and(eq(procedureDeadlines.recordId, caseId), eq(procedureDeadlines.clock, 'payment')));
  if (!deadline?.dueDate || fineFen === 0) return 0;
  return lateFeeFen({ fineFen, dueDate: deadline.dueDate, paidOn });
}

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
    case 'recordPerformance': {
      set.paidOn = (input.performedOn as string | undefined) ?? event.today;
      set.paidFen = (input.amountPaidFen as number | undefined) ?? 0;
      const { c } = await loadCase(tx, event.recordId);
      set.lateFeeFen = await lateFeeAt(tx, event.recordId, c.fineFen, set.paidOn);
      break;
    }
    case 'deliberate':
      await deliberate(tx, event, set);
      break;
    case 'serveNotice':
    case 'serveHearingRightsNotice': {
      // What the party is told is what the decision may not exceed (第四十五条第二款).
      const { c } = await loadCase(tx, event.recordId);
      set.notifiedProposal = c.proposal;
      break;
    }
    case 'holdHearing':
      await holdHearing(tx, event, set);
      break;
    case 'passLegalReview': {
      const review = PassLegalReviewInput.parse(event.input);
      await writeReview(tx, event, {
        kind: 'legalReview',
        heldOn: review.reviewedOn,
        participants: review.reviewers,
        opinion: review.opinion,
        conclusion: review.conclusion,
      });
      break;
    }
    case 'recordCollectiveDeliberation':
      await writeReview(tx, event, {
        kind: 'collectiveDeliberation',
        ...RecordCollectiveDeliberationInput.parse(event.input),
      });
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
      notifiedProposal: c?.notifiedProposal ?? null,
      discretionBenchmark: c ? await benchmarkOf(db, c.violationTypeId) : null,
      adoptedDiscretionTier: c?.discretionTier ?? null,
      adoptedOutOfRangeReason: c?.outOfRangeReason ?? null,
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
