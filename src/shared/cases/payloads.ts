// Action inputs of the penalty procedures (zod), and the case facts their guards read.
import { z } from 'zod';
import { Id, IsoDate } from '../platform/pagination.ts';
import { partyKinds } from './parties.ts';
import { formatYuan, penaltyKindLabels, penaltyKinds, type PenaltyKind } from './penalties.ts';

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
  /** The 合议 proposal as told to the party (PenaltyProposal); the decision may not be heavier (第四十五条第二款). */
  notifiedProposal: z.unknown().optional().describe('已告知的拟处罚内容'),
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

/** Names of the people who took part (合议、听证、审核、集体讨论), one entry each. */
const participants = (label: string, min: number) =>
  z
    .array(z.string().trim().min(1, `${label}姓名不能为空`).max(50, `${label}姓名不超过50字`))
    .min(min, `${label}至少${min}人`)
    .max(30, `${label}不超过30人`)
    .describe(label);

export const deliberationConclusions = ['penalty', 'noPenalty', 'factsNotEstablished', 'transfer'] as const;
/** 行政处罚法第五十七条第一款's four outcomes, as the 合议 records them. */
export const deliberationConclusionLabels: Record<(typeof deliberationConclusions)[number], string> = {
  penalty: '拟给予行政处罚',
  noPenalty: '拟不予行政处罚',
  factsNotEstablished: '违法事实不能成立',
  transfer: '违法行为涉嫌犯罪，拟移送司法机关',
};

/**
 * 案件合议 (行政处罚法第五十七条): the conclusion and, for a penalty, the structured proposal the flags are
 * computed from (第五十八条、第六十三条) and that the notice tells the party (第四十四条、第四十五条).
 */
export const DeliberateInput = z
  .object({
    conclusion: z.enum(deliberationConclusions, { message: '合议结论不正确' }).describe('合议结论'),
    heldOn: date('合议日期').optional(),
    participants: participants('合议人员', 2),
    opinion: text('合议意见', 4000),
    penaltyKinds: PenaltyKinds.optional().describe('拟处罚种类'),
    fineFen: fen('拟罚款数额（分）').optional(),
    confiscationFen: fen('拟没收违法所得、非法财物价值（分）').optional(),
    // 行政处罚法第五十八条第一款 (and 国办发〔2018〕118号): the facts of 重大执法决定 the case team states.
    involvesMajorPublicInterest: z.boolean().optional().describe('涉及重大公共利益'),
    isComplex: z.boolean().optional().describe('案情疑难复杂、涉及多个法律关系'),
    mayCauseMajorSocialImpact: z.boolean().optional().describe('可能造成重大社会影响'),
    requiredByLaw: z.boolean().optional().describe('法律、法规规定应当法制审核'),
    discretionTier: z
      .enum(['mitigated', 'lighter', 'ordinary', 'heavier'], { message: '裁量阶次不正确' })
      .optional()
      .describe('裁量阶次'),
    outOfRangeReason: z
      .string()
      .trim()
      .max(2000, '超出裁量基准的理由不超过2000字')
      .optional()
      .describe('超出裁量基准幅度的理由'),
    proposedPenalty: z.string().trim().max(2000, '拟处罚意见不超过2000字').optional().describe('拟处罚意见'),
  })
  .superRefine((value, context) => {
    if (value.conclusion !== 'penalty') return;
    if (!value.penaltyKinds?.length)
      context.addIssue({
        code: 'custom',
        path: ['penaltyKinds'],
        message: '合议结论为给予处罚的，请选择拟处罚种类',
      });
    else if (value.penaltyKinds.includes('fine') && !value.fineFen)
      context.addIssue({ code: 'custom', path: ['fineFen'], message: '拟给予罚款的，请填写拟罚款数额' });
  });
export type DeliberateInput = z.infer<typeof DeliberateInput>;

/** The proposal of the last 案件合议, kept on the case (penalty_cases.proposal) and copied when the notice is served. */
export const PenaltyProposal = z.object({
  penaltyKinds: z.array(z.enum(penaltyKinds)),
  fineFen: z.number().int().nonnegative(),
  confiscationFen: z.number().int().nonnegative(),
  involvesMajorPublicInterest: z.boolean(),
  isComplex: z.boolean(),
  mayCauseMajorSocialImpact: z.boolean(),
  requiredByLaw: z.boolean(),
  outOfRangeReason: z.string().nullable(),
});
export type PenaltyProposal = z.infer<typeof PenaltyProposal>;

/** The stored proposal of a 合议 input. */
export function proposalOf(input: DeliberateInput): PenaltyProposal {
  const penalty = input.conclusion === 'penalty';
  return {
    penaltyKinds: penalty ? (input.penaltyKinds ?? []) : [],
    fineFen: penalty && input.penaltyKinds?.includes('fine') ? (input.fineFen ?? 0) : 0,
    confiscationFen: penalty ? (input.confiscationFen ?? 0) : 0,
    involvesMajorPublicInterest: input.involvesMajorPublicInterest ?? false,
    isComplex: input.isComplex ?? false,
    mayCauseMajorSocialImpact: input.mayCauseMajorSocialImpact ?? false,
    requiredByLaw: input.requiredByLaw ?? false,
    outOfRangeReason: input.outOfRangeReason || null,
  };
}

/** '警告，罚款5000元，没收违法所得1000元' — the proposal as the records and documents state it. */
export function describeProposal(proposal: PenaltyProposal): string {
  if (proposal.penaltyKinds.length === 0) return '不予行政处罚';
  return proposal.penaltyKinds
    .map((kind: PenaltyKind) =>
      kind === 'fine'
        ? `罚款${formatYuan(proposal.fineFen)}`
        : kind === 'confiscateIllegalIncome' && proposal.confiscationFen > 0
          ? `没收违法所得${formatYuan(proposal.confiscationFen)}`
          : penaltyKindLabels[kind],
    )
    .join('，');
}

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
  participants: participants('听证参加人员', 2),
  partyArguments: text('当事人陈述、申辩和质证意见', 4000),
  conclusion: text('听证结论（主持人意见）', 2000),
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

export const PassLegalReviewInput = z.object({
  reviewedOn: date('审核日期'),
  reviewers: participants('审核人员', 1),
  opinion: text('审核意见'),
  conclusion: text('审核结论', 500),
});
export type PassLegalReviewInput = z.infer<typeof PassLegalReviewInput>;

/** 集体讨论 (行政处罚法第五十七条第二款): the heads present, what each said (or a summary) and the decision reached. */
export const RecordCollectiveDeliberationInput = z.object({
  heldOn: date('讨论日期'),
  participants: participants('参加讨论人员', 3),
  opinion: text('参加人员意见（逐一记录或摘要）', 4000),
  conclusion: text('讨论决定', 2000),
});
export type RecordCollectiveDeliberationInput = z.infer<typeof RecordCollectiveDeliberationInput>;

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
