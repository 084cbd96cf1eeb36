import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgs } from '../orgs/tables.ts';
import { documentNumberFormats, documentNumberSequences } from './tables.ts';

/** Short marks used in default 文号 prefixes; modules add theirs (e.g. 处罚决定书 → 罚). */
export const documentTypeMarks: Record<string, string> = {
  penaltyDecision: '罚',
  simplePenaltyDecision: '简罚',
  filingApproval: '立',
  priorNotice: '告',
  hearingNotice: '听',
  inspectionNotice: '检',
  legalOpinion: '法审',
  normativeDocument: '规',
  general: '文',
};

export type IssuedNumber = {
  orgId: string;
  documentType: string;
  year: number;
  sequence: number;
  text: string;
};

/**
 * The next 文号 for (organisation, document type, year), inside the caller's transaction. The row lock of
 * the upsert serialises concurrent callers; a rolled-back transaction gives its number back, so there are no gaps.
 */
export async function nextDocumentNumber(
  tx: Db,
  input: { orgId: string; documentType: string; year: number },
): Promise<IssuedNumber> {
  const [row] = await tx
    .insert(documentNumberSequences)
    .values({ ...input, lastSequence: 1 })
    .onConflictDoUpdate({
      target: [
        documentNumberSequences.orgId,
        documentNumberSequences.documentType,
        documentNumberSequences.year,
      ],
      set: { lastSequence: sql`${documentNumberSequences.lastSequence} + 1` },
    })
    .returning({ sequence: documentNumberSequences.lastSequence });
  const prefix = await documentNumberPrefix(tx, input.orgId, input.documentType);
  const sequence = row!.sequence;
  return { ...input, sequence, text: `${prefix}〔${input.year}〕${sequence}号` };
}

async function documentNumberPrefix(tx: Db, orgId: string, documentType: string): Promise<string> {
  const [format] = await tx
    .select({ prefix: documentNumberFormats.prefix })
    .from(documentNumberFormats)
    .where(
      sql`${documentNumberFormats.orgId} = ${orgId} and ${documentNumberFormats.documentType} = ${documentType}`,
    );
  if (format) return format.prefix;
  const [org] = await tx
    .select({ name: orgs.name, region: orgs.region })
    .from(orgs)
    .where(eq(orgs.id, orgId));
  // 东川县卫生监督所 → 东川卫监罚: region (or the first two characters) + 卫 + the type's mark.
  const place = org?.region ?? org?.name.slice(0, 2) ?? '';
  return `${place}卫${documentTypeMarks[documentType] ?? documentTypeMarks.general}`;
}
