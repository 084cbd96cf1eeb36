// Payloads of the 裁量基准 and 减免清单 catalogs and of a case's discretion proposal.
import { z } from 'zod';
import { PageQuery, QueryBoolean } from '../platform/pagination.ts';

export const ImportCatalogInput = z.object({
  csv: z
    .string()
    .min(10, '请粘贴或上传 CSV 内容')
    .max(5_000_000, 'CSV 内容过大')
    .describe('CSV 内容（UTF-8）'),
});
export const ImportResult = z.object({
  imported: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
});

export const ViolationTypeSummary = z.object({
  id: z.string(),
  code: z.string(),
  specialty: z.string(),
  title: z.string(),
  legalBasis: z.string(),
  tiers: z.array(
    z.object({ tier: z.string(), label: z.string(), circumstances: z.string(), standard: z.string() }),
  ),
  source: z.string(),
});
export const CatalogListQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().describe('按名称查找'),
});

export const MitigationRuleSummary = z.object({
  id: z.string(),
  code: z.string(),
  listKind: z.string(),
  matter: z.string(),
  basis: z.string(),
  conditions: z.array(z.string()),
  source: z.string(),
});

export const DiscretionQuery = z.object({
  illegalIncomeYuan: z.coerce
    .number({ message: '违法所得应为数字' })
    .nonnegative('违法所得不能为负')
    .optional()
    .describe('违法所得（元）'),
  isFirstOffence: QueryBoolean.optional().describe('首次违法'),
  correctedInTime: QueryBoolean.optional().describe('及时改正'),
  harm: z
    .enum(['none', 'minor', 'serious'], { message: '危害后果应为 none、minor 或 serious' })
    .optional()
    .describe('危害后果'),
  hasSubjectiveFault: QueryBoolean.optional().describe('有主观过错'),
  proposedFineYuan: z.coerce
    .number({ message: '拟罚款数额应为数字' })
    .nonnegative()
    .optional()
    .describe('拟罚款数额（元）'),
});
export const DiscretionAdvice = z.object({
  violationTypeId: z.string().nullable(),
  proposal: z
    .object({
      tier: z.string(),
      tierLabel: z.string(),
      minYuan: z.number().nullable(),
      maxYuan: z.number().nullable(),
      standard: z.string(),
      reasons: z.array(z.string()),
    })
    .nullable(),
  check: z
    .object({ within: z.boolean(), needsReason: z.boolean(), flagForLegalReview: z.boolean() })
    .nullable(),
  mitigations: z.array(
    z.object({
      code: z.string(),
      matter: z.string(),
      basis: z.string(),
      status: z.enum(['met', 'unmet', 'unknown']),
    }),
  ),
});
