// Action inputs of the penalty procedures (zod), and the case facts their guards read.
import { z } from 'zod';
import { Id, IsoDate } from '../platform/pagination.ts';
import { partyKinds } from './parties.ts';
import { penaltyKinds } from './penalties.ts';

const text = (label: string, max = 2000) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}字`).describe(label);
const date = (label: string) => IsoDate.describe(label);
/** Money is integer fen (分), as in penalties.ts; yuan appear only in labels. */
const fen = (label: string) =>
  z
    .number({ message: `${label}应为数字` })
    .int(`${label}应以分为单位，为整数`)
    .nonnegative(`${label}不能为负`)
    .max(Number.MAX_SAFE_INTEGER, `${label}过大`)
    .describe(label);

/**
 * The case-row fields the guards read (the engine passes them as `record`). They are set by the case service:
 * the criteria behind the three flags (较大数额, 重大执法决定 …) are computed elsewhere, not by the guards.
 */
export const PenaltyCaseFacts = z.object({
  /** 第六十三条: the intended penalty falls within the hearing scope, so 听证告知书 is served instead of 事先告知书. */
  hearingOffered: z.boolean().describe('属于听证范围'),
  /** 第五十八条 and 国办发〔2018〕118号: 重大执法决定, legal review is mandatory before deciding. */
  isMajor: z.boolean().describe('重大执法决定'),
  /** 第五十七条第二款: 情节复杂或者重大违法行为, the heads decide collectively. */
  requiresCollectiveDeliberation: z.boolean().describe('须经集体讨论'),
  /** The officers who investigated; none of them may preside over the hearing (第六十四条第（四）项). */
  investigatingOfficerIds: z.array(z.string()).describe('调查人员'),
  /** The approved extension of the decision period (the latest 延期 input's extendedUntil); the clock keeps 第六十条's date. */
  decisionExtendedUntil: IsoDate.optional().describe('办案期限延长至'),
  /** Execution ended without a payment step: enforced by the court, 执行终结, or nothing left to perform. */
  isExecutionComplete: z.boolean().optional().describe('执行完毕'),
});
export type PenaltyCaseFacts = z.infer<typeof PenaltyCaseFacts>;

export const PenaltyKinds = z
  .array(z.enum(penaltyKinds, { message: '处罚种类不正确' }))
  .min(1, '至少选择一种处罚')
  .describe('处罚种类');

/** Facts of an on-the-spot (简易程序) record, read by its threshold guard (isSimpleProcedureAllowed). */
export const SimplePenaltyFacts = z.object({
  partyKind: z.enum(partyKinds, { message: '当事人类型应为公民或法人（其他组织）' }).describe('当事人类型'),
  penaltyKinds: PenaltyKinds,
  fineFen: fen('罚款数额（分）').optional(),
});
export type SimplePenaltyFacts = z.infer<typeof SimplePenaltyFacts>;

export const ServiceMethod = z
  .enum(['inPerson', 'leftAtResidence', 'entrusted', 'post', 'electronic', 'publicNotice'], {
    message: '送达方式应为直接、留置、委托、邮寄、电子或公告送达',
  })
  .describe('送达方式');

export const RegisterLeadInput = z.object({
  source: z
    .enum(['inspection', 'complaint', 'referral', 'randomInspection', 'other'], { message: '线索来源不正确' })
    .describe('线索来源'),
  receivedOn: date('受理日期'),
  summary: text('线索摘要'),
  sourceRecordId: Id.optional().describe('来源记录'),
});
export type RegisterLeadInput = z.infer<typeof RegisterLeadInput>;

export const FileCaseInput = z.object({
  cause: text('案由', 200),
  caseOfficerIds: z.array(Id).min(2, '应当指定至少两名承办人员（行政处罚法第四十二条）').describe('承办人员'),
});
export type FileCaseInput = z.infer<typeof FileCaseInput>;

export const DeclineFilingInput = z.object({ reason: text('不予立案理由') });
export type DeclineFilingInput = z.infer<typeof DeclineFilingInput>;

export const TransferInput = z.object({
  kind: z
    .enum(['jurisdiction', 'judicial', 'otherAgency'], { message: '移送类型不正确' })
    .describe('移送类型'),
  recipient: text('接收机关', 200),
  reason: text('移送理由'),
});
export type TransferInput = z.infer<typeof TransferInput>;

export const RecordInvestigationInput = z.object({
  kind: z
    .enum(['onSiteInspection', 'inquiry', 'sampling', 'documentCollection', 'audioVisual'], {
      message: '调查取证方式不正确',
    })
    .describe('调查取证方式'),
  occurredOn: date('调查日期'),
  officerIds: z
    .array(Id)
    .min(2, '调查取证应当由两名以上执法人员进行（行政处罚法第四十二条）')
    .describe('执法人员'),
  summary: text('调查情况', 4000),
});
export type RecordInvestigationInput = z.infer<typeof RecordInvestigationInput>;

export const PreserveEvidenceInput = z.object({
  preservedOn: date('登记保存日期'),
  items: text('登记保存物品'),
});
export type PreserveEvidenceInput = z.infer<typeof PreserveEvidenceInput>;

export const DisposePreservedEvidenceInput = z.object({
  decidedOn: date('处理决定日期'),
  disposal: z
    .enum(['release', 'seize', 'transfer', 'other'], { message: '处理方式不正确' })
    .describe('处理方式'),
});
export type DisposePreservedEvidenceInput = z.infer<typeof DisposePreservedEvidenceInput>;

export const SuspendInput = z.object({
  ground: z
    .enum(['partyMissing', 'awaitingOtherAuthority', 'awaitingExpertOpinion', 'forceMajeure', 'other'], {
      message: '中止事由不正确',
    })
    .describe('中止事由'),
  note: text('中止说明'),
});
export type SuspendInput = z.infer<typeof SuspendInput>;

export const ResumeInput = z.object({ reason: text('恢复理由') });
export type ResumeInput = z.infer<typeof ResumeInput>;

export const ExtendDecisionPeriodInput = z.object({
  extendedUntil: date('延长至'),
  reason: text('延期理由'),
});
export type ExtendDecisionPeriodInput = z.infer<typeof ExtendDecisionPeriodInput>;

export const DeliberateInput = z.object({
  conclusion: z
    .enum(['penalty', 'noPenalty', 'factsNotEstablished', 'transfer'], { message: '合议结论不正确' })
    .describe('合议结论'),
  proposedPenalty: z.string().trim().max(2000, '拟处罚意见不超过2000字').optional().describe('拟处罚意见'),
});
export type DeliberateInput = z.infer<typeof DeliberateInput>;

export const ReturnForInvestigationInput = z.object({ reason: text('退回补充调查理由') });
export type ReturnForInvestigationInput = z.infer<typeof ReturnForInvestigationInput>;

export const ServeNoticeInput = z.object({ servedOn: date('送达日期'), method: ServiceMethod });
export type ServeNoticeInput = z.infer<typeof ServeNoticeInput>;

export const RecordStatementInput = z.object({
  statedOn: date('陈述申辩日期'),
  summary: text('陈述申辩要点', 4000),
  isAccepted: z.boolean({ message: '请说明是否采纳' }).describe('是否采纳'),
});
export type RecordStatementInput = z.infer<typeof RecordStatementInput>;

export const WaiverInput = z.object({ waivedOn: date('放弃日期') });
export type WaiverInput = z.infer<typeof WaiverInput>;

export const RequestHearingInput = z.object({ requestedOn: date('申请听证日期') });
export type RequestHearingInput = z.infer<typeof RequestHearingInput>;

export const HoldHearingInput = z.object({
  notifiedOn: date('听证通知送达日期'),
  hearingDate: date('听证日期'),
  presidingOfficerId: Id.describe('听证主持人'),
  isPublic: z.boolean({ message: '请说明是否公开举行' }).describe('公开举行'),
});
export type HoldHearingInput = z.infer<typeof HoldHearingInput>;

export const WithdrawHearingInput = z.object({
  ground: z
    .enum(['withdrawn', 'absent', 'leftWithoutPermission'], { message: '终止听证事由不正确' })
    .describe('终止听证事由'),
});
export type WithdrawHearingInput = z.infer<typeof WithdrawHearingInput>;

export const SubmitInput = z.object({
  note: z.string().trim().max(2000, '说明不超过2000字').optional().describe('说明'),
});
export type SubmitInput = z.infer<typeof SubmitInput>;

export const PassLegalReviewInput = z.object({ reviewedOn: date('审核日期'), opinion: text('审核意见') });
export type PassLegalReviewInput = z.infer<typeof PassLegalReviewInput>;

export const DecideInput = z.object({
  decidedOn: date('决定日期'),
  penaltyKinds: PenaltyKinds,
  fineFen: fen('罚款数额（分）').optional(),
});
export type DecideInput = z.infer<typeof DecideInput>;

/** 第三十条、第三十一条、第三十三条、第三十六条、第五十七条第一款第（三）项. */
export const declinePenaltyGrounds = [
  'minorViolation',
  'firstViolation',
  'noFault',
  'underFourteen',
  'mentalIncapacity',
  'factsNotEstablished',
  'timeBarred',
] as const;

export const DeclinePenaltyInput = z.object({
  ground: z.enum(declinePenaltyGrounds, { message: '不予处罚情形不正确' }).describe('不予处罚情形'),
  // The 减免清单 rule is adopted with the discretion (PUT /api/cases/:id/discretion); a 第三十三条 ground implies its rule.
  // 第三十三条第三款：依法不予行政处罚的，应当对当事人进行教育
  educationMeasure: text('教育措施'),
});
export type DeclinePenaltyInput = z.infer<typeof DeclinePenaltyInput>;

export const ServeDecisionInput = z.object({ servedOn: date('送达日期'), method: ServiceMethod });
export type ServeDecisionInput = z.infer<typeof ServeDecisionInput>;

export const PublishDecisionInput = z.object({
  publishedOn: date('公示日期'),
  channel: text('公示载体', 200),
});
export type PublishDecisionInput = z.infer<typeof PublishDecisionInput>;

export const WithholdPublicationInput = z.object({
  ground: z
    .enum(['stateSecret', 'businessSecret', 'personalPrivacy', 'otherLaw'], { message: '不予公开事由不正确' })
    .describe('不予公开事由'),
  note: text('不予公开说明'),
});
export type WithholdPublicationInput = z.infer<typeof WithholdPublicationInput>;

export const RecordPerformanceInput = z.object({
  performedOn: date('履行日期'),
  amountPaidFen: fen('缴纳金额（分）').optional(),
  voucherNumber: z.string().trim().max(100, '票据号不超过100字').optional().describe('票据号'),
});
export type RecordPerformanceInput = z.infer<typeof RecordPerformanceInput>;

export const ServeDemandInput = z.object({ servedOn: date('催告书送达日期') });
export type ServeDemandInput = z.infer<typeof ServeDemandInput>;

export const ApplyCourtEnforcementInput = z.object({
  appliedOn: date('申请日期'),
  court: text('受理法院', 200),
});
export type ApplyCourtEnforcementInput = z.infer<typeof ApplyCourtEnforcementInput>;

export const RevokeInput = z.object({
  ground: z
    .enum(['selfCorrection', 'reconsideration', 'litigation'], { message: '撤销依据不正确' })
    .describe('撤销依据'),
  reference: text('撤销文书文号', 200),
});
export type RevokeInput = z.infer<typeof RevokeInput>;

export const WithdrawPublicationInput = z.object({
  withdrawnOn: date('撤回日期'),
  explanation: text('公开说明'),
});
export type WithdrawPublicationInput = z.infer<typeof WithdrawPublicationInput>;

export const CloseInput = z.object({ summary: text('结案情况') });
export type CloseInput = z.infer<typeof CloseInput>;

export const ArchiveInput = z.object({
  archiveNumber: text('档案号', 100),
  retentionYears: z
    .number()
    .int('保管期限应为整数')
    .min(1, '保管期限至少1年')
    .max(100)
    .optional()
    .describe('保管期限（年）'),
});
export type ArchiveInput = z.infer<typeof ArchiveInput>;

export const RecordOnSpotDecisionInput = SimplePenaltyFacts.extend({
  decidedOn: date('决定日期'),
  place: text('地点', 200),
  officerIds: z
    .array(Id)
    .min(2, '应当由两名以上执法人员当场作出（行政处罚法第四十二条）')
    .describe('执法人员'),
});
export type RecordOnSpotDecisionInput = z.infer<typeof RecordOnSpotDecisionInput>;

export const FileWithAgencyInput = z.object({ filedOn: date('备案日期') });
export type FileWithAgencyInput = z.infer<typeof FileWithAgencyInput>;
