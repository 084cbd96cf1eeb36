// Payloads of the 裁量基准 and 减免清单 catalogs and of a case's discretion proposal.
import { z } from 'zod';
import { PageQuery, QueryBoolean } from '../platform/pagination.ts';

/** A catalog as CSV text (UTF-8) or as an Excel workbook (.xlsx, base64; its first sheet is read). */
export const ImportCatalogInput = z
  .object({
    csv: z
      .string()
      .min(10, '请粘贴或上传 CSV 内容')
      .max(5_000_000, 'CSV 内容过大')
      .optional()
      .describe('CSV 内容（UTF-8）'),
    xlsxBase64: z
      .string()
      .min(10, 'Excel 文件内容为空')
      .max(7_000_000, 'Excel 文件过大（不超过5MB）')
      .optional()
      .describe('Excel 文件（.xlsx，base64）'),
  })
  .refine((input) => (input.csv === undefined) !== (input.xlsxBase64 === undefined), {
    message: '请上传 CSV 或 Excel 文件之一',
    path: ['csv'],
  });
export type ImportCatalogInput = z.infer<typeof ImportCatalogInput>;
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
  penaltyBasis: z.string().optional(),
  /** The organisation that adopted it: only that organisation edits it. */
  orgId: z.string().optional(),
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
  isActive: z.boolean().optional(),
  orgId: z.string().optional(),
});

export const MitigationListQuery = CatalogListQuery.extend({
  includeInactive: QueryBoolean.optional().describe('包括已停用的事项'),
});

const tierKinds = ['none', 'exempt', 'mitigated', 'lighter', 'ordinary', 'heavier'] as const;
const text = (label: string, max: number, required = true) =>
  required
    ? z
        .string({ message: `请填写${label}` })
        .trim()
        .min(1, `请填写${label}`)
        .max(max, `${label}不超过${max}字`)
    : z
        .string({ message: `${label}应为文字` })
        .trim()
        .max(max, `${label}不超过${max}字`);

/** 编辑裁量基准: the fine range of each tier is read again from its standard text. */
export const UpdateViolationTypeInput = z.object({
  title: text('违法行为', 500).describe('违法行为'),
  legalBasis: text('法律依据', 5000, false).describe('法律依据'),
  penaltyBasis: text('处罚依据', 5000, false).describe('处罚依据'),
  tiers: z
    .array(
      z.object({
        tier: z
          .enum(tierKinds, { message: '裁量阶次应为不予、免予、减轻、从轻、一般或从重' })
          .describe('阶次'),
        label: text('阶次名称', 50).describe('阶次名称（如“从轻处罚”）'),
        circumstances: text('适用情形', 5000, false).describe('适用情形'),
        standard: text('裁量标准', 2000, false).describe('裁量标准或罚款幅度'),
      }),
      { message: '请填写裁量阶次' },
    )
    .min(1, '至少应有一个裁量阶次')
    .max(20, '裁量阶次不超过20个'),
});
export type UpdateViolationTypeInput = z.infer<typeof UpdateViolationTypeInput>;

/** 编辑减免清单事项; a rule no longer in force is deactivated (isActive false), never deleted. */
export const UpdateMitigationRuleInput = z.object({
  matter: text('事项', 1000).describe('事项或违法行为'),
  basis: text('依据', 5000, false).describe('处罚依据或实施依据'),
  conditions: z
    .array(text('适用条件', 1000), { message: '适用条件应为文字列表' })
    .max(30, '适用条件不超过30条')
    .describe('适用条件'),
  isActive: z.boolean({ message: '应为是或否' }).describe('是否有效'),
});
export type UpdateMitigationRuleInput = z.infer<typeof UpdateMitigationRuleInput>;

/** The circumstances the officer answers; `yesNo` reads query strings for advice and JSON booleans to adopt it. */
const circumstanceFields = <B extends z.ZodType<boolean, unknown>>(yesNo: B) => ({
  illegalIncomeYuan: z.coerce
    .number({ message: '违法所得应为数字' })
    .nonnegative('违法所得不能为负')
    .optional()
    .describe('违法所得（元）'),
  isFirstOffence: yesNo.optional().describe('首次违法'),
  correctedInTime: yesNo.optional().describe('及时改正'),
  harm: z
    .enum(['none', 'minor', 'serious'], { message: '危害后果应为 none、minor 或 serious' })
    .optional()
    .describe('危害后果'),
  hasSubjectiveFault: yesNo.optional().describe('有主观过错'),
  proposedFineYuan: z.coerce
    .number({ message: '拟罚款数额应为数字' })
    .nonnegative('拟罚款数额不能为负')
    .optional()
    .describe('拟罚款数额（元）'),
});

export const DiscretionQuery = z.object(circumstanceFields(QueryBoolean));

/** 采用裁量建议: the circumstances, the reason for a fine outside the range, and the 减免 rule the case relies on. */
export const AdoptDiscretionInput = z.object({
  ...circumstanceFields(z.boolean({ message: '应为是或否' })),
  outOfRangeReason: z.string().trim().max(2000, '理由不超过2000字').optional().describe('超出裁量幅度的理由'),
  mitigationRuleCode: z.string().trim().min(1).max(100).optional().describe('适用的减免情形编号'),
});
export type AdoptDiscretionInput = z.infer<typeof AdoptDiscretionInput>;

/** What a case adopted (stored on the case): the tier, its range, the reason and the 减免 rule. */
export const AdoptedDiscretion = z.object({
  tier: z.string(),
  tierLabel: z.string(),
  minYuan: z.number().nullable(),
  maxYuan: z.number().nullable(),
  outOfRangeReason: z.string().nullable(),
  mitigationRuleCode: z.string().nullable(),
  mitigationRuleLabel: z.string().nullable(),
  /** The fine the benchmark would have imposed without the 减免 rule (its lower bound); the waiver is measured from it. */
  waiverBaselineYuan: z.number().nullable(),
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
  adopted: AdoptedDiscretion.nullable(),
});
