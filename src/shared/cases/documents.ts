// The 文书 of a penalty case. Kinds are the keys the engine's `documents` requirements name; labels are what users read.

export const documentKindLabels = {
  // 立案
  filingApproval: '立案审批表',
  noFilingApproval: '不予立案审批表',
  // 调查取证（行政处罚法第五十五条、第五十六条）
  onSiteRecord: '现场笔录',
  inquiryRecord: '询问笔录',
  evidencePreservationDecision: '先行登记保存证据决定书',
  preservedEvidenceDecision: '先行登记保存证据处理决定书',
  suspensionApproval: '中止调查审批表',
  extensionApproval: '延长办案期限审批表',
  investigationReport: '案件调查终结报告',
  caseDeliberationRecord: '案件合议记录',
  // 移送
  transferApproval: '案件移送审批表',
  transferLetter: '案件移送书',
  // 告知、陈述申辩、听证（第四十四条、第四十五条、第六十四条）
  priorNotice: '行政处罚事先告知书',
  hearingRightsNotice: '行政处罚听证告知书',
  statementRecord: '陈述申辩笔录',
  waiverStatement: '放弃陈述申辩（听证）权利声明',
  hearingNotice: '听证通知书',
  hearingRecord: '听证笔录',
  // 审核、讨论、决定（第五十七条、第五十八条）
  legalReviewOpinion: '法制审核意见书',
  collectiveDeliberationRecord: '集体讨论记录',
  penaltyDecision: '行政处罚决定书',
  noPenaltyApproval: '不予行政处罚审批表',
  noPenaltyDecision: '不予行政处罚决定书',
  // 送达、执行（第六十一条、第六十七条；行政强制法第五十四条）
  serviceReceipt: '送达回证',
  paymentVoucher: '罚没款缴纳凭证',
  demandNotice: '催告书',
  courtEnforcementApplication: '强制执行申请书',
  revocationDecision: '撤销行政处罚决定书',
  closingReport: '结案报告',
  // 简易程序（第五十二条）
  simplePenaltyDecision: '当场行政处罚决定书',
} as const;

export type PenaltyDocumentKind = keyof typeof documentKindLabels;

export const penaltyDocumentKinds = Object.keys(documentKindLabels) as PenaltyDocumentKind[];

/**
 * Documents issued to the party or another body carry a 文号 (per organisation and year, no gaps, no reuse).
 * Internal forms (审批表, 笔录, 报告, 记录) and papers the party hands in are filed under the case number instead.
 * 当场行政处罚决定书 is a "预定格式、编有号码" form (行政处罚法第五十二条), so it is numbered as well.
 */
export const numberedDocumentKinds = [
  'evidencePreservationDecision',
  'preservedEvidenceDecision',
  'transferLetter',
  'priorNotice',
  'hearingRightsNotice',
  'hearingNotice',
  'penaltyDecision',
  'noPenaltyDecision',
  'demandNotice',
  'courtEnforcementApplication',
  'revocationDecision',
  'simplePenaltyDecision',
] as const satisfies readonly PenaltyDocumentKind[];

export type NumberedDocumentKind = (typeof numberedDocumentKinds)[number];

export function isNumberedDocumentKind(kind: string): kind is NumberedDocumentKind {
  return (numberedDocumentKinds as readonly string[]).includes(kind);
}
