// The administrative-penalty procedures (行政处罚法第五章): states, actions, documents, guards and clocks.
// The engine, the case pages and the tests all read these two declarations.
import type { z } from 'zod';
import { defineProcedure, type ActionDefinition, type Guard } from '../procedure/define-procedure.ts';
import type { RoleId } from '../platform/access.ts';
import { documentKindLabels, type PenaltyDocumentKind } from './documents.ts';
import * as guards from './guards.ts';
import * as inputs from './payloads.ts';

const approvers = ['sectionHead', 'deputyHead', 'principal'] as const satisfies readonly RoleId[];
/** 行政机关负责人: the heads who approve 先行登记保存, 中止, 延期, 移送 and decide (第五十六条、第五十七条). */
const heads = ['deputyHead', 'principal'] as const satisfies readonly RoleId[];
const officers = ['officer'] as const satisfies readonly RoleId[];
/** 行政处罚法第四十二条：执法人员不得少于两人. */
const twoOfficers = 2;

const docs = (...kinds: PenaltyDocumentKind[]): readonly PenaltyDocumentKind[] => kinds;
const checks = (input: z.ZodType, ...rest: Guard[]): readonly Guard[] => [guards.validInput(input), ...rest];

/** The party must have been heard (第六十二条) before review, deliberation or decision. */
const partyHeard = [guards.statementPeriodEnded, guards.hearingRequestPeriodEnded, guards.hearingConcluded];

export const ordinaryPenaltyStates = {
  lead: '线索登记',
  filed: '已立案',
  investigating: '调查取证',
  suspended: '已中止',
  deliberated: '已合议',
  noticeServed: '已告知',
  hearing: '听证',
  legalReview: '法制审核',
  collectiveDeliberation: '集体讨论',
  decided: '已决定',
  served: '已送达',
  enforcing: '执行',
  closed: '已结案',
  archived: '已归档',
  notFiled: '不予立案',
  notPenalised: '不予处罚',
  transferred: '已移送',
  revoked: '已撤销',
} as const;
export type OrdinaryPenaltyState = keyof typeof ordinaryPenaltyStates;

/**
 * 延期 is recorded without changing state. The engine's `to` is fixed, so a self-loop can leave only one
 * state: one extension action per state in which the decision period runs and the case can wait.
 */
const extensionFrom = <S extends OrdinaryPenaltyState>(state: S): ActionDefinition<OrdinaryPenaltyState> => ({
  label: '延长办案期限',
  from: [state],
  to: state,
  roles: heads,
  documents: docs('extensionApproval'),
  guards: checks(inputs.ExtendDecisionPeriodInput, guards.decisionPeriodExtendable),
});

/** The 普通程序 of 行政处罚法第五章第三节, with the health-sector steps of 卫生健康行政处罚程序规定. */
export const ordinaryPenaltyProcedure = defineProcedure({
  id: 'penaltyCase.ordinary',
  label: '行政处罚（普通程序）',
  states: ordinaryPenaltyStates,
  initial: 'lead',
  terminal: ['archived'],
  actions: {
    // 线索 and 立案. The case row is created in `lead`; registerLead records 受理, which starts the filing clock.
    registerLead: {
      label: '登记受理线索',
      from: ['lead'],
      to: 'lead',
      roles: ['officer', 'complaintHandler', 'sectionHead'],
      guards: checks(inputs.RegisterLeadInput, guards.leadNotYetRegistered),
    },
    file: {
      label: '立案',
      from: ['lead'],
      to: 'filed',
      roles: approvers,
      documents: docs('filingApproval'),
      guards: checks(inputs.FileCaseInput, guards.leadRegistered),
    },
    declineFiling: {
      label: '不予立案',
      from: ['lead'],
      to: 'notFiled',
      roles: approvers,
      documents: docs('noFilingApproval'),
      guards: checks(inputs.DeclineFilingInput, guards.leadRegistered),
    },
    transfer: {
      label: '移送',
      from: ['lead', 'filed', 'investigating', 'deliberated'],
      to: 'transferred',
      roles: heads,
      documents: docs('transferApproval'),
      guards: checks(inputs.TransferInput),
    },

    // 调查取证 (第五十四条至第五十六条): every act by at least two certified officers.
    startInvestigation: {
      label: '开始调查',
      from: ['filed'],
      to: 'investigating',
      roles: officers,
      requiresCertifiedOfficers: twoOfficers,
    },
    recordInvestigation: {
      label: '记录调查取证',
      from: ['investigating'],
      to: 'investigating',
      roles: officers,
      requiresCertifiedOfficers: twoOfficers,
      guards: checks(inputs.RecordInvestigationInput, guards.investigationActDocumented),
    },
    preserveEvidence: {
      label: '先行登记保存证据',
      from: ['investigating'],
      to: 'investigating',
      roles: heads,
      requiresCertifiedOfficers: twoOfficers,
      documents: docs('evidencePreservationDecision'),
      guards: checks(inputs.PreserveEvidenceInput),
    },
    disposePreservedEvidence: {
      label: '作出登记保存处理决定',
      from: ['investigating'],
      to: 'investigating',
      roles: heads,
      documents: docs('preservedEvidenceDecision'),
      guards: checks(inputs.DisposePreservedEvidenceInput, guards.evidencePreserved),
    },
    suspend: {
      label: '中止调查',
      from: ['investigating'],
      to: 'suspended',
      roles: heads,
      documents: docs('suspensionApproval'),
      guards: checks(inputs.SuspendInput),
    },
    resume: {
      label: '恢复调查',
      from: ['suspended'],
      to: 'investigating',
      roles: heads,
      guards: checks(inputs.ResumeInput),
    },
    extendWhileInvestigating: extensionFrom('investigating'),
    deliberate: {
      label: '案件合议',
      from: ['investigating'],
      to: 'deliberated',
      roles: ['officer', 'sectionHead'],
      // 案件合议记录 is written from the 合议 step, so it is required of the notice that follows (serveNotice).
      documents: docs('investigationReport'),
      guards: checks(
        inputs.DeliberateInput,
        guards.investigationRecorded,
        guards.preservedEvidenceDisposed,
        guards.fineWithinBenchmarkOrExplained,
      ),
    },
    extendWhileDeliberated: extensionFrom('deliberated'),
    returnForInvestigation: {
      label: '退回补充调查',
      from: ['deliberated', 'noticeServed', 'hearing', 'legalReview', 'collectiveDeliberation'],
      to: 'investigating',
      roles: ['legalReviewer', ...approvers],
      guards: checks(inputs.ReturnForInvestigationInput),
    },

    // 事先告知、陈述申辩、听证 (第四十四条、第四十五条、第六十二条至第六十五条)
    serveNotice: {
      label: '送达事先告知书',
      from: ['deliberated'],
      to: 'noticeServed',
      roles: officers,
      requiresCertifiedOfficers: twoOfficers,
      documents: docs('caseDeliberationRecord', 'priorNotice'),
      guards: checks(inputs.ServeNoticeInput, guards.hearingNotOffered),
    },
    serveHearingRightsNotice: {
      label: '送达听证告知书',
      from: ['deliberated'],
      to: 'noticeServed',
      roles: officers,
      requiresCertifiedOfficers: twoOfficers,
      documents: docs('caseDeliberationRecord', 'hearingRightsNotice'),
      guards: checks(inputs.ServeNoticeInput, guards.hearingOffered),
    },
    recordStatement: {
      label: '记录陈述申辩',
      from: ['noticeServed'],
      to: 'noticeServed',
      roles: officers,
      documents: docs('statementRecord'),
      guards: checks(inputs.RecordStatementInput),
    },
    waiveStatement: {
      label: '当事人放弃陈述申辩',
      from: ['noticeServed'],
      to: 'noticeServed',
      roles: officers,
      documents: docs('waiverStatement'),
      guards: checks(inputs.WaiverInput),
    },
    waiveHearing: {
      label: '当事人放弃听证',
      from: ['noticeServed'],
      to: 'noticeServed',
      roles: officers,
      documents: docs('waiverStatement'),
      guards: checks(inputs.WaiverInput, guards.hearingRightsNotified),
    },
    extendWhileNoticeServed: extensionFrom('noticeServed'),
    requestHearing: {
      label: '当事人申请听证',
      from: ['noticeServed'],
      to: 'hearing',
      roles: officers,
      guards: checks(
        inputs.RequestHearingInput,
        guards.hearingOffered,
        guards.hearingRightsNotified,
        guards.hearingRequestedInTime,
      ),
    },
    holdHearing: {
      label: '举行听证',
      from: ['hearing'],
      to: 'hearing',
      roles: ['officer', 'legalReviewer'],
      // 听证笔录 is written from this step; hearingConcluded requires it before the case moves on.
      documents: docs('hearingNotice'),
      guards: checks(
        inputs.HoldHearingInput,
        guards.hearingNoticedInTime,
        guards.presidingOfficerIndependent,
      ),
    },
    withdrawHearing: {
      label: '终止听证',
      from: ['hearing'],
      to: 'hearing',
      roles: ['officer', 'legalReviewer'],
      guards: checks(inputs.WithdrawHearingInput),
    },
    extendWhileHearing: extensionFrom('hearing'),

    // 法制审核、集体讨论、决定 (第五十七条、第五十八条)
    submitForLegalReview: {
      label: '提请法制审核',
      from: ['noticeServed', 'hearing'],
      to: 'legalReview',
      roles: ['officer', 'sectionHead'],
      guards: checks(inputs.SubmitInput, ...partyHeard),
    },
    passLegalReview: {
      label: '法制审核通过',
      from: ['legalReview'],
      to: 'legalReview',
      roles: ['legalReviewer'],
      // 法制审核意见书 is written from this step; legalReviewPassed requires it before the decision.
      guards: checks(inputs.PassLegalReviewInput),
    },
    extendWhileLegalReview: extensionFrom('legalReview'),
    submitForCollectiveDeliberation: {
      label: '提交集体讨论',
      from: ['noticeServed', 'hearing', 'legalReview'],
      to: 'collectiveDeliberation',
      roles: approvers,
      // 国办发〔2018〕118号：法制审核在集体讨论之前
      guards: checks(inputs.SubmitInput, ...partyHeard, guards.legalReviewPassed),
    },
    recordCollectiveDeliberation: {
      label: '记录集体讨论',
      from: ['collectiveDeliberation'],
      to: 'collectiveDeliberation',
      roles: heads,
      guards: checks(inputs.RecordCollectiveDeliberationInput),
    },
    extendWhileCollectiveDeliberation: extensionFrom('collectiveDeliberation'),
    decide: {
      label: '作出处罚决定',
      from: ['noticeServed', 'hearing', 'legalReview', 'collectiveDeliberation'],
      to: 'decided',
      roles: heads,
      documents: docs('penaltyDecision'),
      guards: checks(
        inputs.DecideInput,
        ...partyHeard,
        guards.legalReviewPassed,
        guards.collectiveDeliberationHeld,
        guards.decisionNotHeavierThanNotice,
      ),
    },
    declinePenalty: {
      label: '不予行政处罚',
      from: ['deliberated', 'noticeServed', 'hearing', 'legalReview', 'collectiveDeliberation'],
      to: 'notPenalised',
      roles: heads,
      documents: docs('noPenaltyApproval', 'noPenaltyDecision'),
      guards: checks(inputs.DeclinePenaltyInput),
    },

    // 送达、公示、执行 (第六十一条、第六十六条至第七十二条；行政强制法第五十三条、第五十四条)
    serve: {
      label: '送达处罚决定书',
      from: ['decided'],
      to: 'served',
      roles: officers,
      documents: docs('serviceReceipt'),
      guards: checks(inputs.ServeDecisionInput),
    },
    beginExecution: { label: '进入执行', from: ['served'], to: 'enforcing', roles: officers },
    publishDecision: {
      label: '公示处罚决定',
      from: ['enforcing'],
      to: 'enforcing',
      roles: ['officer', 'sectionHead'],
      guards: checks(inputs.PublishDecisionInput),
    },
    withholdPublication: {
      label: '批准不予公开',
      from: ['enforcing'],
      to: 'enforcing',
      roles: heads,
      guards: checks(inputs.WithholdPublicationInput),
    },
    recordPerformance: {
      label: '记录履行',
      from: ['enforcing'],
      to: 'enforcing',
      roles: officers,
      guards: checks(inputs.RecordPerformanceInput),
    },
    serveDemand: {
      label: '送达催告书',
      from: ['enforcing'],
      to: 'enforcing',
      roles: officers,
      requiresCertifiedOfficers: twoOfficers,
      documents: docs('demandNotice'),
      guards: checks(inputs.ServeDemandInput, guards.paymentOverdue),
    },
    applyCourtEnforcement: {
      label: '申请人民法院强制执行',
      from: ['enforcing'],
      to: 'enforcing',
      roles: heads,
      documents: docs('courtEnforcementApplication'),
      guards: checks(
        inputs.ApplyCourtEnforcementInput,
        guards.demandPeriodElapsed,
        guards.remedyPeriodsExpired,
      ),
    },
    revoke: {
      label: '撤销处罚决定',
      from: ['decided', 'served', 'enforcing'],
      to: 'revoked',
      roles: heads,
      documents: docs('revocationDecision'),
      guards: checks(inputs.RevokeInput),
    },
    withdrawPublication: {
      label: '撤回公示信息',
      from: ['revoked'],
      to: 'revoked',
      roles: ['officer', 'sectionHead'],
      guards: checks(inputs.WithdrawPublicationInput, guards.decisionWasPublished),
    },

    // 结案、归档 (第四十七条：全过程记录，归档保存)
    close: {
      label: '结案',
      from: ['enforcing', 'notPenalised', 'transferred', 'revoked'],
      to: 'closed',
      roles: approvers,
      documents: docs('closingReport'),
      guards: checks(
        inputs.CloseInput,
        guards.executionConcluded,
        guards.publicationSettled,
        guards.publicationWithdrawnIfRevoked,
      ),
    },
    archive: {
      label: '归档',
      from: ['closed', 'notFiled'],
      to: 'archived',
      roles: ['officer', 'sectionHead'],
      guards: checks(inputs.ArchiveInput),
    },
  },
  clocks: {
    filing: {
      label: '立案期限',
      rule: 'WJCF-LA',
      startsOn: 'registerLead',
      stopsOn: ['file', 'declineFiling', 'transfer'],
    },
    decision: {
      label: '作出处罚决定期限',
      rule: 'XZCF-60',
      startsOn: 'file',
      stopsOn: ['decide', 'declinePenalty', 'transfer'],
      pausesOn: ['suspend'],
      resumesOn: ['resume'],
    },
    evidencePreservation: {
      label: '先行登记保存处理期限',
      rule: 'XZCF-56',
      startsOn: 'preserveEvidence',
      stopsOn: ['disposePreservedEvidence'],
    },
    statement: {
      label: '陈述申辩期限',
      rule: 'XZCF-CSSB',
      startsOn: ['serveNotice', 'serveHearingRightsNotice'],
      stopsOn: ['waiveStatement', 'requestHearing', 'returnForInvestigation', 'decide', 'declinePenalty'],
    },
    hearingRequest: {
      label: '听证申请期限',
      rule: 'XZCF-64-1',
      startsOn: 'serveHearingRightsNotice',
      stopsOn: ['requestHearing', 'waiveHearing', 'returnForInvestigation', 'decide', 'declinePenalty'],
    },
    service: {
      label: '决定书送达期限',
      rule: 'XZCF-61',
      startsOn: 'decide',
      stopsOn: ['serve', 'revoke'],
    },
    publication: {
      label: '处罚决定公示期限',
      rule: 'SX-GS-1',
      startsOn: 'decide',
      stopsOn: ['publishDecision', 'withholdPublication', 'revoke'],
    },
    payment: {
      label: '缴纳罚款期限',
      rule: 'XZCF-67',
      startsOn: 'serve',
      stopsOn: ['recordPerformance', 'revoke', 'close'],
    },
  },
});

export type OrdinaryPenaltyAction = keyof typeof ordinaryPenaltyProcedure.actions;

/** 延期 actions, one per state (see extensionFrom). */
export const decisionExtensionActions = [
  'extendWhileInvestigating',
  'extendWhileDeliberated',
  'extendWhileNoticeServed',
  'extendWhileHearing',
  'extendWhileLegalReview',
  'extendWhileCollectiveDeliberation',
] as const satisfies readonly OrdinaryPenaltyAction[];

/** The input schema of each action, for the route to parse `input` before calling the engine. */
export const ordinaryActionInputs: Partial<Record<OrdinaryPenaltyAction, z.ZodType>> = {
  registerLead: inputs.RegisterLeadInput,
  file: inputs.FileCaseInput,
  declineFiling: inputs.DeclineFilingInput,
  transfer: inputs.TransferInput,
  recordInvestigation: inputs.RecordInvestigationInput,
  preserveEvidence: inputs.PreserveEvidenceInput,
  disposePreservedEvidence: inputs.DisposePreservedEvidenceInput,
  suspend: inputs.SuspendInput,
  resume: inputs.ResumeInput,
  ...Object.fromEntries(decisionExtensionActions.map((action) => [action, inputs.ExtendDecisionPeriodInput])),
  deliberate: inputs.DeliberateInput,
  returnForInvestigation: inputs.ReturnForInvestigationInput,
  serveNotice: inputs.ServeNoticeInput,
  serveHearingRightsNotice: inputs.ServeNoticeInput,
  recordStatement: inputs.RecordStatementInput,
  waiveStatement: inputs.WaiverInput,
  waiveHearing: inputs.WaiverInput,
  requestHearing: inputs.RequestHearingInput,
  holdHearing: inputs.HoldHearingInput,
  withdrawHearing: inputs.WithdrawHearingInput,
  submitForLegalReview: inputs.SubmitInput,
  passLegalReview: inputs.PassLegalReviewInput,
  submitForCollectiveDeliberation: inputs.SubmitInput,
  recordCollectiveDeliberation: inputs.RecordCollectiveDeliberationInput,
  decide: inputs.DecideInput,
  declinePenalty: inputs.DeclinePenaltyInput,
  serve: inputs.ServeDecisionInput,
  publishDecision: inputs.PublishDecisionInput,
  withholdPublication: inputs.WithholdPublicationInput,
  recordPerformance: inputs.RecordPerformanceInput,
  serveDemand: inputs.ServeDemandInput,
  applyCourtEnforcement: inputs.ApplyCourtEnforcementInput,
  revoke: inputs.RevokeInput,
  withdrawPublication: inputs.WithdrawPublicationInput,
  close: inputs.CloseInput,
  archive: inputs.ArchiveInput,
};

/** 简易程序 (行政处罚法第五十一条、第五十二条): decided on the spot, filed with the agency, closed when performed. */
export const simplePenaltyProcedure = defineProcedure({
  id: 'penaltyCase.simple',
  label: '行政处罚（简易程序）',
  states: { decidedOnSpot: '已当场决定', filedWithAgency: '已备案', closed: '已结案' },
  initial: 'decidedOnSpot',
  terminal: ['closed'],
  actions: {
    // The row is created when the officer hands over the 当场行政处罚决定书; this step records it once.
    recordOnSpotDecision: {
      label: '登记当场处罚决定',
      from: ['decidedOnSpot'],
      to: 'decidedOnSpot',
      roles: officers,
      requiresCertifiedOfficers: twoOfficers,
      documents: docs('simplePenaltyDecision'),
      guards: checks(
        inputs.RecordOnSpotDecisionInput,
        guards.onSpotDecisionNotYetRecorded,
        guards.simpleProcedureAllowed,
      ),
    },
    fileWithAgency: {
      label: '报所属行政机关备案',
      from: ['decidedOnSpot'],
      to: 'filedWithAgency',
      roles: ['officer', 'sectionHead'],
      guards: checks(
        inputs.FileWithAgencyInput,
        guards.onSpotDecisionRecorded,
        guards.simpleProcedureAllowed,
      ),
    },
    recordPerformance: {
      label: '记录履行',
      from: ['filedWithAgency'],
      to: 'filedWithAgency',
      roles: officers,
      guards: checks(inputs.RecordPerformanceInput),
    },
    close: {
      label: '结案',
      from: ['filedWithAgency'],
      to: 'closed',
      roles: approvers,
      guards: checks(inputs.CloseInput, guards.onSpotPenaltyPerformed),
    },
  },
  clocks: {
    payment: {
      label: '缴纳罚款期限',
      rule: 'XZCF-67',
      startsOn: 'recordOnSpotDecision',
      stopsOn: ['recordPerformance', 'close'],
    },
  },
});

export type SimplePenaltyAction = keyof typeof simplePenaltyProcedure.actions;

export const simpleActionInputs: Partial<Record<SimplePenaltyAction, z.ZodType>> = {
  recordOnSpotDecision: inputs.RecordOnSpotDecisionInput,
  fileWithAgency: inputs.FileWithAgencyInput,
  recordPerformance: inputs.RecordPerformanceInput,
  close: inputs.CloseInput,
};

/** Labels for blocked reasons (缺少文书：…), passed to checkTransition as documentLabels. */
export const penaltyDocumentLabels: Readonly<Record<string, string>> = documentKindLabels;
