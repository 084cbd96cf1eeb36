// 行政执法公示: what the public portal shows of a penalty decision. Natural persons are masked (个人信息保护).
import { z } from 'zod';
import { PageQuery } from '../platform/pagination.ts';

export const PublishedDecision = z.object({
  id: z.string(),
  batchTitle: z.string(),
  decisionNumber: z.string(),
  party: z.object({
    kind: z.enum(['person', 'organisation']),
    name: z.string(),
    idNumber: z.string().optional(),
    uscc: z.string().optional(),
    legalRepresentative: z.string().optional(),
  }),
  facts: z.string(),
  basis: z.string(),
  penalty: z.string(),
  organ: z.string(),
  decidedOn: z.string(),
  publishedOn: z.string(),
});
export type PublishedDecision = z.infer<typeof PublishedDecision>;

export const PublicDecisionQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().describe('文号、当事人名称或机关名称'),
});
