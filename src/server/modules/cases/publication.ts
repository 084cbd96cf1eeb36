import { and, count, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { publishedParty, type Party } from '../../../shared/cases/parties.ts';
import { penaltyKindLabels, formatYuan, type PenaltyKind } from '../../../shared/cases/penalties.ts';
import type { PublishedDecision } from '../../../shared/cases/publication.ts';
import { orgs } from '../../platform/orgs/tables.ts';
import type { TransitionEvent } from '../../platform/procedure-engine/registry.ts';
import { parties, penaltyCases, publicationBatches, publications, violationTypes } from './tables.ts';

/** The published record is written once, already masked: the portal never reads the case row or the party. */
export async function publishDecision(tx: Db, event: TransitionEvent, publishedOn: string): Promise<void> {
  const [row] = await tx
    .select({ c: penaltyCases, party: parties, orgName: orgs.name, violation: violationTypes })
    .from(penaltyCases)
    .innerJoin(parties, eq(parties.id, penaltyCases.partyId))
    .innerJoin(orgs, eq(orgs.id, penaltyCases.orgId))
    .leftJoin(violationTypes, eq(violationTypes.id, penaltyCases.violationTypeId))
    .where(eq(penaltyCases.id, event.recordId));
  const { c, party, orgName, violation } = row!;
  const partyInput = (
    party.kind === 'person'
      ? {
          kind: 'person',
          name: party.name,
          idType: 'residentIdCard',
          idNumber: party.idNumber ?? '',
          address: party.address ?? '',
        }
      : {
          kind: 'organisation',
          name: party.name,
          uscc: party.uscc ?? '',
          legalRepresentative: party.legalRepresentative ?? '',
          address: party.address ?? '',
        }
  ) as Party;
  const penalty = [
    ...c.penaltyKinds.filter((k) => k !== 'fine').map((k) => penaltyKindLabels[k as PenaltyKind] ?? k),
    ...(c.fineFen > 0 ? [`罚款${formatYuan(c.fineFen)}`] : []),
    ...(c.confiscationFen > 0 ? [`没收违法所得${formatYuan(c.confiscationFen)}`] : []),
  ].join('，');
  // One batch per organisation and publication day: "公开行政处罚信息N批次" counts these.
  const batchTitle = `${orgName}行政处罚信息公开（${publishedOn}）`;
  const [existing] = await tx
    .select({ id: publicationBatches.id })
    .from(publicationBatches)
    .where(and(eq(publicationBatches.orgId, c.orgId), eq(publicationBatches.publishedOn, publishedOn)));
  const batchId =
    existing?.id ??
    (
      await tx
        .insert(publicationBatches)
        .values({ orgId: c.orgId, title: batchTitle, publishedOn })
        .returning({ id: publicationBatches.id })
    )[0]!.id;
  const content = {
    decisionNumber: c.decisionNumber ?? '',
    party: publishedParty(partyInput),
    facts: c.facts,
    basis: violation ? violation.penaltyBasis : '',
    penalty,
    organ: orgName,
    decidedOn: c.decidedOn ?? '',
  };
  await tx
    .insert(publications)
    .values({ caseId: c.id, batchId, orgId: c.orgId, content, publishedOn })
    .onConflictDoUpdate({
      target: publications.caseId,
      set: { batchId, content, publishedOn, withdrawnOn: null, withdrawReason: null },
    });
}

/** 行政处罚法第四十八条: a revoked decision's publication is withdrawn (kept, but no longer shown). */
export async function withdrawDecision(
  tx: Db,
  caseId: string,
  withdrawnOn: string,
  reason: string,
): Promise<void> {
  await tx
    .update(publications)
    .set({ withdrawnOn, withdrawReason: reason })
    .where(eq(publications.caseId, caseId));
}

/** The portal's list: published, not withdrawn, newest first; no login. */
export async function listPublishedDecisions(
  db: Db,
  query: { page: number; pageSize: number; q?: string },
): Promise<{ items: PublishedDecision[]; total: number }> {
  const content = sql`${publications.content}`;
  const where = and(
    isNull(publications.withdrawnOn),
    query.q
      ? or(
          ilike(sql`${content}->>'decisionNumber'`, `%${query.q}%`),
          ilike(sql`${content}->'party'->>'name'`, `%${query.q}%`),
          ilike(sql`${content}->>'organ'`, `%${query.q}%`),
        )
      : undefined,
  );
  const [total] = await db.select({ n: count() }).from(publications).where(where);
  const rows = await db
    .select({ p: publications, batchTitle: publicationBatches.title })
    .from(publications)
    .innerJoin(publicationBatches, eq(publicationBatches.id, publications.batchId))
    .where(where)
    .orderBy(desc(publications.publishedOn), desc(publications.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    total: total?.n ?? 0,
    items: rows.map(({ p, batchTitle }) => ({
      id: p.id,
      batchTitle,
      publishedOn: p.publishedOn,
      ...(p.content as Omit<PublishedDecision, 'id' | 'batchTitle' | 'publishedOn'>),
    })),
  };
}
