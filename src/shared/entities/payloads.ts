// The entity directory (检查对象名录库): payloads of its routes and the labels of its coded fields.
import { z } from 'zod';
import { Id, PageQuery } from '../platform/pagination.ts';
import { validateUscc } from '../platform/identifiers.ts';

/** Categories are data: a category added here needs no migration (the column is plain text). */
export const entityCategories = [
  '医疗机构',
  '公共场所',
  '生活饮用水供水单位',
  '涉水产品',
  '消毒产品',
  '学校',
  '托育机构',
  '职业病危害用人单位',
  '放射诊疗',
  '餐具饮具集中消毒服务单位',
  '其他',
] as const;
export type EntityCategory = (typeof entityCategories)[number];

export const riskLevels = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const riskLevelLabels: Record<RiskLevel, string> = { low: '低风险', medium: '中风险', high: '高风险' };

/** 信用风险分类 A (低) … D (高), as the 双随机 rules tier their inspection ratios. */
export const creditLevels = ['A', 'B', 'C', 'D'] as const;
export type CreditLevel = (typeof creditLevels)[number];
export const creditLevelLabels: Record<CreditLevel, string> = { A: 'A级', B: 'B级', C: 'C级', D: 'D级' };

export const entityStatuses = ['active', 'suspended', 'closed'] as const;
export type EntityStatus = (typeof entityStatuses)[number];
export const entityStatusLabels: Record<EntityStatus, string> = {
  active: '正常',
  suspended: '停业',
  closed: '注销',
};

const listOf = (values: readonly string[]) => values.join('、');
/** Shared with the import's fast path (import-row.ts), so both read the same limits. */
export const entityTextLimits = { name: 100, address: 200, legalRepresentative: 50 } as const;
export const areaCodePattern = /^\d{6}$/;
// An empty text is stored as null (not given), like an empty cell of an import file.
const optionalText = (label: string, max: number) =>
  z
    .string({ message: `${label}应为文字` })
    .trim()
    .max(max, `${label}不超过${max}个字`)
    .transform((value) => (value === '' ? null : value))
    .nullable();

export const Uscc = z
  .string({ message: '请填写统一社会信用代码' })
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    const result = validateUscc(code);
    if (result !== true) ctx.addIssue({ code: 'custom', message: result });
  });

// The editable fields, without defaults: an edit changes only the fields it sends.
const entityFields = {
  name: z
    .string({ message: '请填写单位名称' })
    .trim()
    .min(1, '请填写单位名称')
    .max(entityTextLimits.name, `单位名称不超过${entityTextLimits.name}个字`)
    .describe('单位名称'),
  category: z.enum(entityCategories, { message: `类别应为${listOf(entityCategories)}之一` }).describe('类别'),
  areaCode: z
    .string({ message: '请填写行政区划代码' })
    .trim()
    .regex(areaCodePattern, '行政区划代码应为6位数字')
    .describe('所在地行政区划代码（6位）'),
  address: optionalText('地址', entityTextLimits.address).describe('地址'),
  legalRepresentative: optionalText('法定代表人（负责人）', entityTextLimits.legalRepresentative).describe(
    '法定代表人（负责人）',
  ),
  riskLevel: z
    .enum(riskLevels, { message: '风险等级应为低风险、中风险或高风险' })
    .nullable()
    .describe('风险等级（空为未评定）'),
  creditLevel: z
    .enum(creditLevels, { message: '信用等级应为A、B、C或D' })
    .nullable()
    .describe('信用等级（空为未评定）'),
  status: z.enum(entityStatuses, { message: '状态应为正常、停业或注销' }).describe('经营状态'),
};

export const EntityInput = z.object({
  uscc: Uscc.describe('统一社会信用代码'),
  ...entityFields,
  address: entityFields.address.default(null),
  legalRepresentative: entityFields.legalRepresentative.default(null),
  riskLevel: entityFields.riskLevel.default(null),
  creditLevel: entityFields.creditLevel.default(null),
  status: entityFields.status.default('active'),
});
export type EntityInput = z.infer<typeof EntityInput>;

/** Edit: the fields sent change; the 统一社会信用代码 is the entity's identity and is not edited. */
export const UpdateEntityInput = z.object(entityFields).partial();
export type UpdateEntityInput = z.infer<typeof UpdateEntityInput>;

export const EntityListQuery = PageQuery.extend({
  q: z
    .string()
    .trim()
    .max(50, '查找内容不超过50个字')
    .optional()
    .describe('按单位名称或统一社会信用代码查找'),
  category: z.enum(entityCategories, { message: '类别不正确' }).optional().describe('类别'),
  riskLevel: z.enum(riskLevels, { message: '风险等级不正确' }).optional().describe('风险等级'),
  creditLevel: z.enum(creditLevels, { message: '信用等级不正确' }).optional().describe('信用等级'),
  status: z.enum(entityStatuses, { message: '状态不正确' }).optional().describe('经营状态'),
  areaCode: z
    .string()
    .regex(/^\d{2,6}$/, '行政区划代码应为2至6位数字（按前缀筛选）')
    .optional()
    .describe('行政区划代码前缀'),
});
export type EntityListQuery = z.infer<typeof EntityListQuery>;

export const Entity = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  uscc: z.string(),
  name: z.string(),
  category: z.string(),
  areaCode: z.string(),
  address: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  riskLevel: z.enum(riskLevels).nullable(),
  creditLevel: z.enum(creditLevels).nullable(),
  status: z.enum(entityStatuses),
  updatedAt: z.string(),
});
export type Entity = z.infer<typeof Entity>;

export const importJobStatuses = ['reading', 'applying', 'succeeded', 'failed'] as const;
export type ImportJobStatus = (typeof importJobStatuses)[number];
export const importJobStatusLabels: Record<ImportJobStatus, string> = {
  reading: '读取中',
  applying: '写入名录中',
  succeeded: '已完成',
  failed: '失败（名录未作更改）',
};

export const StartEntityImportInput = z.object({
  fileId: Id.describe('已上传的 CSV 或 Excel（.xlsx）文件（POST /api/files）'),
});

export const EntityImportJob = z.object({
  id: z.string(),
  orgId: z.string(),
  fileId: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  status: z.enum(importJobStatuses),
  rowsRead: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  rowsInserted: z.number().int(),
  rowsUpdated: z.number().int(),
  /** 0–100: bytes of the file read so far; 100 only when the directory has been updated. */
  percent: z.number().int(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type EntityImportJob = z.infer<typeof EntityImportJob>;
export const ImportJobListQuery = PageQuery;
