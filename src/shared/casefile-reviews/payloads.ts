// 案卷评查 payloads: the rubric, review rounds (评查轮次), the files in a round and their scores.
import { z } from 'zod';
import { SelfCheckResult } from '../cases/case-file.ts';
import { Id, IsoDate, PageQuery } from '../platform/pagination.ts';

const Points = (label: string) =>
  z
    .number({ message: `${label}应为数字` })
    .min(0, `${label}不能为负`)
    .max(100, `${label}不超过100分`);

export const RubricItem = z.object({
  id: z.string(),
  category: z.string(),
  text: z.string(),
  maxPoints: z.number(),
  guidance: z.string(),
});

export const RubricItemInput = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, '项目编号只能包含字母、数字、下划线和连字符')
    .optional()
    .describe('项目编号（新增项目可不填）'),
  category: z.string().trim().min(2, '请填写评查类别').max(20, '评查类别不超过20字').describe('评查类别'),
  text: z.string().trim().min(4, '评查内容至少4个字').max(200, '评查内容不超过200字').describe('评查内容'),
  maxPoints: Points('分值').describe('分值'),
  guidance: z.string().trim().max(500, '扣分标准不超过500字').default('').describe('扣分标准'),
});
export const RubricInput = z.object({
  items: z
    .array(RubricItemInput)
    .min(1, '评查标准至少应有一项')
    .max(100, '评查项目不超过100项')
    .describe('评查项目'),
});
export type RubricInput = z.infer<typeof RubricInput>;

export const Rubric = z.object({
  orgId: z.string(),
  orgName: z.string(),
  /** 0 for the default rubric; otherwise the version of the organisation that wrote it (each save adds one). */
  version: z.number().int(),
  isDefault: z.boolean(),
  /** Who wrote the rubric in force: this organisation, or the nearest one above it that has one; null = default. */
  sourceOrgId: z.string().nullable(),
  sourceOrgName: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  totalPoints: z.number(),
  items: z.array(RubricItem),
});
export type Rubric = z.infer<typeof Rubric>;

export const roundStatuses = ['open', 'closed'] as const;
export const roundStatusLabels: Record<(typeof roundStatuses)[number], string> = {
  open: '评查中',
  closed: '已结束',
};

export const CreateRoundInput = z
  .object({
    year: z.number({ message: '年度应为数字' }).int('年度应为整数').min(2000).max(2100).describe('年度'),
    name: z.string().trim().min(4, '轮次名称至少4个字').max(100, '轮次名称不超过100字').describe('轮次名称'),
    periodFrom: IsoDate.describe('纳入评查的结案日期起'),
    periodTo: IsoDate.describe('纳入评查的结案日期止'),
    excellenceThreshold: Points('优秀分数线').default(90).describe('优秀案卷分数线（含）'),
  })
  .refine((r) => r.periodFrom <= r.periodTo, {
    path: ['periodTo'],
    message: '结案日期止应不早于起',
  });
export type CreateRoundInput = z.infer<typeof CreateRoundInput>;

export const RoundListQuery = PageQuery.extend({
  orgId: Id.optional().describe('机构（含下级）'),
  year: z.coerce
    .number({ message: '年度应为数字' })
    .int('年度应为整数')
    .min(2000, '年度不早于2000')
    .max(2100, '年度不晚于2100')
    .optional()
    .describe('年度'),
  status: z.enum(roundStatuses, { message: '状态应为 open 或 closed' }).optional().describe('状态'),
});
export type RoundListQuery = z.infer<typeof RoundListQuery>;

export const RoundSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  name: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  excellenceThreshold: z.number(),
  status: z.enum(roundStatuses),
  fileCount: z.number().int(),
  scoredCount: z.number().int(),
  excellentCount: z.number().int(),
  createdAt: z.string(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

export const RoundDetail = RoundSummary.extend({
  rubricVersion: z.number().int(),
  rubric: z.array(RubricItem),
  totalPoints: z.number(),
  closedAt: z.string().nullable(),
});
export type RoundDetail = z.infer<typeof RoundDetail>;

export const selectionKinds = ['manual', 'sample'] as const;
export const selectionLabels: Record<(typeof selectionKinds)[number], string> = {
  manual: '指定',
  sample: '随机抽取',
};

export const RoundFile = z.object({
  id: z.string(),
  roundId: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  caseNumber: z.string().nullable(),
  caseOrgName: z.string(),
  closedOn: z.string().nullable(),
  selection: z.enum(selectionKinds),
  sampleSeed: z.string().nullable(),
  totalScore: z.number().nullable(),
  isExcellent: z.boolean(),
  reviewerName: z.string().nullable(),
  scoredOn: z.string().nullable(),
});
export type RoundFile = z.infer<typeof RoundFile>;

export const RoundFileQuery = PageQuery.extend({
  scored: z.enum(['yes', 'no'], { message: '应为 yes 或 no' }).optional().describe('是否已评分'),
});

export const CandidateQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().describe('案号或案件名称'),
});
export const CandidateCase = z.object({
  id: z.string(),
  title: z.string(),
  caseNumber: z.string().nullable(),
  orgName: z.string(),
  closedOn: z.string().nullable(),
  stateLabel: z.string(),
});
export type CandidateCase = z.infer<typeof CandidateCase>;

export const AddFilesInput = z.object({
  caseIds: z.array(Id).min(1, '请选择案卷').max(200, '一次最多加入200件案卷').describe('案件'),
});
export const SampleInput = z.object({
  size: z
    .number({ message: '抽取数量应为数字' })
    .int('抽取数量应为整数')
    .min(1, '至少抽取1件')
    .max(500, '一次最多抽取500件')
    .describe('抽取数量'),
  seed: z
    .string()
    .trim()
    .min(4, '随机种子至少4个字符')
    .max(64, '随机种子不超过64个字符')
    .describe('随机种子（公开后任何人可复核抽取结果）'),
});
export const AddFilesResult = z.object({
  added: z.array(z.string()).describe('加入的案件'),
  eligible: z.number().int().describe('可抽取的案卷数（随机抽取时）'),
});

export const DeductionInput = z.object({
  itemId: z.string().trim().min(1, '请选择评查项目').max(40).describe('评查项目'),
  points: Points('扣分').describe('扣分'),
  comment: z.string().trim().max(500, '扣分理由不超过500字').default('').describe('扣分理由'),
});
export const ScoreInput = z.object({
  deductions: z.array(DeductionInput).max(100).describe('逐项扣分'),
  summary: z.string().trim().max(2000, '评查意见不超过2000字').default('').describe('评查意见'),
  excellent: z.boolean({ message: '是否优秀应为是或否' }).default(false).describe('评为优秀案卷'),
});
export type ScoreInput = z.infer<typeof ScoreInput>;

export const FileDetail = RoundFile.extend({
  round: RoundDetail,
  deductions: z.array(z.object({ itemId: z.string(), points: z.number(), comment: z.string() })),
  summary: z.string(),
  selfCheck: SelfCheckResult,
});
export type FileDetail = z.infer<typeof FileDetail>;
