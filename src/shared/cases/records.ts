// The case register's payloads: creating a case, the paginated list, the detail page.
import { z } from 'zod';
import { Id, IsoDate, PageQuery, QueryBoolean } from '../platform/pagination.ts';
import { PartyInput, partyKinds } from './parties.ts';
import { ordinaryPenaltyStates } from './procedure.ts';
import { creditLevels, riskLevels } from '../entities/payloads.ts';

export const caseProcedures = ['ordinary', 'simple'] as const;
export const caseSources = ['inspection', 'complaint', 'referral', 'randomInspection', 'other'] as const;
export const caseSourceLabels: Record<(typeof caseSources)[number], string> = {
  inspection: '监督检查',
  complaint: '投诉举报',
  referral: '移送',
  randomInspection: '双随机抽查',
  other: '其他',
};

export const CreateCaseInput = z.object({
  title: z.string().trim().min(4, '案件名称至少4个字').max(100, '案件名称不超过100字').describe('案件名称'),
  source: z.enum(caseSources, { message: '线索来源不正确' }).describe('线索来源'),
  sourceReference: z.string().trim().max(100).nullish().describe('来源编号'),
  party: PartyInput.describe('当事人'),
  occurredOn: IsoDate.nullish().describe('违法行为发生日期'),
  facts: z.string().trim().max(5000, '违法事实不超过5000字').default('').describe('违法事实'),
  violationTypeId: Id.nullish().describe('违法行为类型'),
  assigneeId: Id.describe('主办人员'),
  officerIds: z
    .array(Id)
    .min(2, '应当指定至少两名执法人员（行政处罚法第四十二条）')
    .max(10)
    .describe('承办人员'),
});
export type CreateCaseInput = z.infer<typeof CreateCaseInput>;

export const CaseListQuery = PageQuery.extend({
  state: z
    .enum(Object.keys(ordinaryPenaltyStates) as [string, ...string[]], { message: '状态不正确' })
    .optional()
    .describe('状态'),
  orgId: Id.optional().describe('机构（含下级）'),
  officerId: Id.optional().describe('承办人员'),
  overdue: QueryBoolean.optional().describe('只看有逾期期限的案件'),
  violationTypeId: Id.optional(),
  entityId: Id.optional().describe('检查对象（当事人关联的名录库单位）'),
  from: IsoDate.optional().describe('登记日期起'),
  to: IsoDate.optional().describe('登记日期止'),
  q: z.string().trim().max(50).optional().describe('案号、当事人名称或统一社会信用代码'),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  procedure: z.enum(caseProcedures),
  state: z.string(),
  stateLabel: z.string(),
  title: z.string(),
  caseNumber: z.string().nullable(),
  partyName: z.string(),
  partyKind: z.enum(partyKinds),
  assigneeName: z.string().nullable(),
  source: z.enum(caseSources),
  createdAt: z.string(),
  nextDueDate: z.string().nullable(),
  isOverdue: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseDocument = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  documentNumber: z.string().nullable(),
  fileId: z.string(),
  createdAt: z.string(),
});
export const CaseEvidence = z.object({
  id: z.string(),
  kind: z.string(),
  description: z.string(),
  fileId: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  collectedOn: z.string(),
  createdByName: z.string(),
});

export const caseReviewKindLabels = {
  caseDeliberation: '案件合议',
  hearing: '听证',
  legalReview: '法制审核',
  collectiveDeliberation: '集体讨论',
} as const;
/** A 合议/听证/法制审核/集体讨论 record: who took part, what they said, what they concluded. */
export const CaseReview = z.object({
  id: z.string(),
  kind: z.enum(Object.keys(caseReviewKindLabels) as [keyof typeof caseReviewKindLabels]),
  kindLabel: z.string(),
  heldOn: z.string(),
  participants: z.array(z.string()),
  opinion: z.string(),
  conclusion: z.string(),
  createdAt: z.string(),
});
export type CaseReview = z.infer<typeof CaseReview>;

export const CaseDetail = CaseSummary.extend({
  source: z.enum(caseSources),
  sourceReference: z.string().nullable(),
  facts: z.string(),
  occurredOn: z.string().nullable(),
  party: z.object({
    id: z.string(),
    kind: z.enum(partyKinds),
    name: z.string(),
    idNumber: z.string().nullable(),
    uscc: z.string().nullable(),
    legalRepresentative: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    /** The linked 检查对象名录库 entry (organisations only); null when none is linked. */
    entity: z
      .object({
        id: z.string(),
        name: z.string(),
        category: z.string(),
        riskLevel: z.enum(riskLevels).nullable(),
        creditLevel: z.enum(creditLevels).nullable(),
      })
      .nullable(),
  }),
  officers: z.array(z.object({ userId: z.string(), displayName: z.string(), isLead: z.boolean() })),
  isMajor: z.boolean(),
  /** Which 重大执法决定 criteria (or the discretion rule) the case meets, with their citations. */
  majorReasons: z.array(z.string()),
  hearingOffered: z.boolean(),
  requiresCollectiveDeliberation: z.boolean(),
  fineYuan: z.number(),
  confiscationYuan: z.number(),
  decisionNumber: z.string().nullable(),
  filedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  /** The last 案件合议's proposal in words ('警告，罚款5000元'); null before the 合议. */
  proposalText: z.string().nullable(),
  paymentDueDate: z.string().nullable(),
  paidOn: z.string().nullable(),
  paidYuan: z.number(),
  /** 加处罚款 (第七十二条): as recorded at performance, or accrued to today while an overdue fine is unpaid. */
  lateFeeYuan: z.number(),
  lateFeeIsAccruing: z.boolean(),
  documents: z.array(CaseDocument),
  evidence: z.array(CaseEvidence),
  reviews: z.array(CaseReview),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const GenerateDocumentParams = z.object({
  id: Id,
  kind: z.string().min(1).max(40).describe('文书种类'),
});

/** 简易程序: an on-the-spot decision (行政处罚法第五十一条、第五十二条) registered with its party. */
export const CreateSimpleCaseInput = z.object({
  title: CreateCaseInput.shape.title,
  party: PartyInput.describe('当事人'),
  facts: z.string().trim().min(4, '请填写违法事实').max(2000, '违法事实不超过2000字').describe('违法事实'),
  penaltyKinds: z
    .array(z.enum(['warning', 'fine'], { message: '简易程序只能给予警告或者罚款' }))
    .min(1, '至少选择一种处罚')
    .describe('处罚种类'),
  fineFen: z
    .number({ message: '罚款数额应为整数（分）' })
    .int('罚款数额应为整数（分）')
    .nonnegative('罚款数额不能为负')
    .optional()
    .describe('罚款数额（分）'),
  decidedOn: IsoDate.describe('决定日期'),
  place: z.string().trim().min(2, '请填写地点').max(200).describe('地点'),
  officerIds: z
    .array(Id)
    .min(2, '应当由两名以上执法人员当场作出（行政处罚法第四十二条）')
    .max(5)
    .describe('执法人员'),
});
export type CreateSimpleCaseInput = z.infer<typeof CreateSimpleCaseInput>;
