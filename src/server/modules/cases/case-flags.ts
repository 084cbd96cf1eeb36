// The flags a penalty case carries (听证范围, 重大执法决定, 集体讨论), recomputed from its stored proposal, the
// organisation's 处罚标准, whether a hearing was held and whether the fine left the 裁量基准 range with a reason.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { PenaltyProposal } from '../../../shared/cases/payloads.ts';
import { computeCaseFlags } from '../../../shared/cases/penalty-settings.ts';
import type { PenaltyKind } from '../../../shared/cases/penalties.ts';
import type { PartyKind } from '../../../shared/cases/parties.ts';
import { caseReviews, parties, penaltyCases } from './tables.ts';
import { settingsForOrg } from './penalty-settings.ts';

export type CaseRow = typeof penaltyCases.$inferSelect;

export const noProposal: PenaltyProposal = {
  penaltyKinds: [],
  fineFen: 0,
  confiscationFen: 0,
  involvesMajorPublicInterest: false,
  isComplex: false,
  mayCauseMajorSocialImpact: false,
  requiredByLaw: false,
  outOfRangeReason: null,
};

export async function loadCase(tx: Db, caseId: string): Promise<{ c: CaseRow; partyKind: PartyKind }> {
  const [row] = await tx
    .select({ c: penaltyCases, partyKind: parties.kind })
    .from(penaltyCases)
    .innerJoin(parties, eq(parties.id, penaltyCases.partyId))
    .where(eq(penaltyCases.id, caseId));
  return { c: row!.c, partyKind: row!.partyKind as PartyKind };
}

/** The proposal stored by 案件合议; a case deliberated before proposals were recorded falls back to its kinds. */
export function storedProposalOf(c: CaseRow): PenaltyProposal {
  const stored = PenaltyProposal.safeParse(c.proposal);
  return stored.success ? stored.data : { ...noProposal, penaltyKinds: c.penaltyKinds as PenaltyKind[] };
}

/** The flags of the case from its stored proposal, the organisation's settings and whether a hearing was held. */
export async function flagsOf(
  tx: Db,
  orgId: string,
  c: CaseRow,
  partyKind: PartyKind,
  proposal: PenaltyProposal,
) {
  const [hearing] = await tx
    .select({ id: caseReviews.id })
    .from(caseReviews)
    .where(and(eq(caseReviews.caseId, c.id), eq(caseReviews.kind, 'hearing')))
    .limit(1);
  const { settings } = await settingsForOrg(tx, orgId);
  return computeCaseFlags(
    { partyKind, proposal, hearingHeld: hearing !== undefined, fineOutOfRange: c.outOfRangeReason !== null },
    settings,
  );
}
