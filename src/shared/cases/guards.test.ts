// Each guard with a passing and a failing context. Dates are counted by hand from legal-rules.md §14.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarFromRows, officialCalendarSeed } from '../law/holiday-data.ts';
import { shanghaiDate, type ClockState, type ClockStatus, type StepRecord } from '../procedure/clocks.ts';
import type { Guard, GuardContext } from '../procedure/define-procedure.ts';
import { calendarFor, penaltyGuards, validInput, type PenaltyGuardContext } from './guards.ts';
import { FileCaseInput, HoldHearingInput, RecordOnSpotDecisionInput } from './payloads.ts';
import type { DiscretionTier, ViolationType } from './discretion.ts';

function stepOn(action: string, date: string): StepRecord {
  const at = new Date(`${date}T02:00:00Z`).toISOString();
  return { action, at, date: shanghaiDate(at) };
}

/** Steps a day apart from 2026-01-05, for guards that read only their order. */
const steps = (...actions: string[]): StepRecord[] =>
  actions.map((action, index) => stepOn(action, `2026-01-${String(5 + index).padStart(2, '0')}`));

function clock(name: string, status: ClockStatus, dueDate?: string, startedOn = '2026-02-12'): ClockState {
  return {
    clock: name,
    label: name,
    ruleId: 'XZCF-64-1',
    citation: '',
    status,
    isOverdue: false,
    ...(status === 'notStarted' ? {} : { startedOn, dueDate }),
  };
}

type Context = Partial<PenaltyGuardContext>;
const context = (partial: Context): PenaltyGuardContext => ({
  record: {},
  steps: [],
  documents: [],
  actor: { id: 'u', roles: ['officer'], isCertified: true },
  today: '2026-03-02',
  ...partial,
});

const running = (name: string, dueDate: string) => [clock(name, 'running', dueDate)];
const major = { isMajor: true };
const deliberation = { requiresCollectiveDeliberation: true };
const hearingInput = {
  notifiedOn: '2026-02-26',
  hearingDate: '2026-03-06',
  presidingOfficerId: 'p',
  isPublic: true,
};

// A benchmark whose 一般 tier fines 5000–10000元, and a 合议 proposing a fine.
const tier = (kind: DiscretionTier['tier'], minFen: number, maxFen: number): DiscretionTier => ({
  tier: kind,
  label: kind,
  circumstances: '',
  standard: `处${minFen / 100}元以上${maxFen / 100}元以下罚款`,
  fine: { minFen, maxFen },
  warning: false,
  otherPenalties: [],
  isPartial: false,
  line: 1,
});
const benchmark: ViolationType = {
  id: 'V1',
  sourceId: 'V1',
  document: '',
  specialty: '',
  sequence: null,
  title: '未取得医疗机构执业许可证擅自执业',
  legalBasis: '',
  penaltyBasis: '',
  tiers: [tier('ordinary', 500_000, 1_000_000), tier('heavier', 1_000_000, 2_000_000)],
  line: 1,
};
const deliberateFine = (fineFen: number, more: Record<string, unknown> = {}) => ({
  conclusion: 'penalty',
  participants: ['张明', '刘芳'],
  opinion: '事实清楚',
  penaltyKinds: ['fine'],
  fineFen,
  ...more,
});
const notified = {
  penaltyKinds: ['warning', 'fine'],
  fineFen: 500_000,
  confiscationFen: 0,
  involvesMajorPublicInterest: false,
  isComplex: false,
  mayCauseMajorSocialImpact: false,
  requiredByLaw: false,
  outOfRangeReason: null,
};

// passes: contexts that must pass; fails: [context, the exact reason].
const cases: Record<keyof typeof penaltyGuards, { passes: Context[]; fails: [Context, string][] }> = {
  leadNotYetRegistered: {
    passes: [{}],
    fails: [[{ steps: steps('registerLead') }, '线索已登记受理，不能重复登记']],
  },
  leadRegistered: {
    passes: [{ steps: steps('registerLead') }],
    fails: [[{}, '线索尚未登记受理，请先登记线索']],
  },
  investigationActDocumented: {
    passes: [
      {},
      { input: { kind: 'inquiry' }, documents: ['inquiryRecord'] },
      { input: { kind: 'sampling' } },
    ],
    fails: [
      [
        { input: { kind: 'onSiteInspection' }, documents: ['inquiryRecord'] },
        '检查应当制作现场笔录，请先上传现场笔录',
      ],
      [{ input: { kind: 'inquiry' } }, '询问应当制作询问笔录，请先上传询问笔录'],
    ],
  },
  investigationRecorded: {
    passes: [{ steps: steps('recordInvestigation'), documents: ['onSiteRecord'] }],
    fails: [
      [{ documents: ['onSiteRecord'] }, '尚未记录调查取证'],
      [{ steps: steps('recordInvestigation') }, '缺少现场笔录或询问笔录'],
    ],
  },
  preservedEvidenceDisposed: {
    passes: [{}, { steps: steps('preserveEvidence', 'disposePreservedEvidence') }],
    fails: [
      [{ steps: steps('preserveEvidence') }, '先行登记保存的证据尚未作出处理决定（行政处罚法第五十六条）'],
      [
        { steps: steps('preserveEvidence', 'disposePreservedEvidence', 'preserveEvidence') },
        '先行登记保存的证据尚未作出处理决定（行政处罚法第五十六条）',
      ],
    ],
  },
  evidencePreserved: {
    passes: [{ steps: steps('preserveEvidence') }],
    fails: [
      [{}, '没有待处理的先行登记保存证据'],
      [{ steps: steps('preserveEvidence', 'disposePreservedEvidence') }, '没有待处理的先行登记保存证据'],
    ],
  },
  decisionPeriodExtendable: {
    passes: [
      {
        clocks: running('decision', '2026-04-07'),
        today: '2026-04-07',
        input: { extendedUntil: '2026-05-07' },
      },
      // A second extension after the statutory date, within the first one.
      {
        clocks: running('decision', '2026-04-07'),
        record: { decisionExtendedUntil: '2026-05-07' },
        today: '2026-05-06',
        input: { extendedUntil: '2026-06-05' },
      },
    ],
    fails: [
      [
        { clocks: running('decision', '2026-04-07'), today: '2026-04-08' },
        '办案期限已于2026-04-07届满，不能再批准延期',
      ],
      [
        { clocks: running('decision', '2026-04-07'), input: { extendedUntil: '2026-04-07' } },
        '延长后的期限应晚于原期限2026-04-07',
      ],
      [{ clocks: [clock('decision', 'stopped', '2026-04-07')] }, '办案期限未在计算中，无需延期'],
      [
        {
          clocks: running('decision', '2026-04-07'),
          record: { decisionExtendedUntil: '2026-05-07' },
          today: '2026-05-08',
        },
        '办案期限已于2026-05-07届满，不能再批准延期',
      ],
      [{}, '未计算作出处罚决定期限，无法核对'],
    ],
  },
  hearingNotOffered: {
    passes: [{ record: { hearingOffered: false } }],
    fails: [
      [{ record: { hearingOffered: true } }, '本案属于听证范围，应当送达行政处罚听证告知书'],
      [{}, '尚未认定本案是否属于听证范围'],
    ],
  },
  hearingOffered: {
    passes: [{ record: { hearingOffered: true } }],
    fails: [
      [{ record: { hearingOffered: false } }, '本案不属于听证范围，应当送达行政处罚事先告知书'],
      [{ record: { hearingOffered: 'yes' } }, '尚未认定本案是否属于听证范围'],
    ],
  },
  hearingRightsNotified: {
    passes: [
      { steps: steps('serveHearingRightsNotice') },
      { steps: steps('serveNotice', 'returnForInvestigation', 'serveHearingRightsNotice') },
    ],
    fails: [
      [{ steps: steps('serveNotice') }, '尚未送达行政处罚听证告知书'],
      [{ steps: steps('serveHearingRightsNotice', 'returnForInvestigation') }, '尚未送达行政处罚听证告知书'],
    ],
  },
  hearingRequestedInTime: {
    passes: [
      { clocks: running('hearingRequest', '2026-02-26'), today: '2026-02-26' },
      // Posted on the last day, registered the next (CNT-4: 期满前交邮的，不算过期).
      {
        clocks: running('hearingRequest', '2026-02-26'),
        today: '2026-02-27',
        input: { requestedOn: '2026-02-26' },
      },
    ],
    fails: [
      [
        { clocks: running('hearingRequest', '2026-02-26'), today: '2026-02-27' },
        '听证申请期限已于2026-02-26届满（行政处罚法第六十四条）',
      ],
      [
        {
          clocks: running('hearingRequest', '2026-02-26'),
          today: '2026-02-20',
          input: { requestedOn: '2026-02-21' },
        },
        '申请听证日期不能晚于今天',
      ],
      [
        {
          clocks: running('hearingRequest', '2026-02-26'),
          today: '2026-02-20',
          input: { requestedOn: '2026-02-11' },
        },
        '申请听证日期不能早于告知日期',
      ],
      [{ clocks: [clock('hearingRequest', 'notStarted')] }, '当前没有进行中的听证申请期限'],
    ],
  },
  statementPeriodEnded: {
    passes: [
      { clocks: [clock('statement', 'stopped', '2026-02-24')], today: '2026-02-13' },
      { clocks: running('statement', '2026-02-24'), today: '2026-02-25' },
    ],
    fails: [
      [
        { clocks: running('statement', '2026-02-24'), today: '2026-02-24' },
        '陈述申辩期限至2026-02-24届满，届满前不能作出决定（当事人明确放弃的除外）',
      ],
      [
        { clocks: [clock('statement', 'notStarted')] },
        '尚未送达行政处罚事先告知书或听证告知书（行政处罚法第四十四条）',
      ],
      [{}, '未计算陈述申辩期限，无法核对'],
    ],
  },
  hearingRequestPeriodEnded: {
    passes: [
      { clocks: [clock('hearingRequest', 'notStarted')], record: { hearingOffered: false } },
      { clocks: [clock('hearingRequest', 'stopped', '2026-02-26')], today: '2026-02-13' },
      { clocks: running('hearingRequest', '2026-02-26'), today: '2026-02-27' },
    ],
    fails: [
      [
        { clocks: running('hearingRequest', '2026-02-26'), today: '2026-02-26' },
        '听证申请期限至2026-02-26届满，届满前不能作出决定（当事人明确放弃的除外）',
      ],
      [
        { clocks: [clock('hearingRequest', 'notStarted')], record: { hearingOffered: true } },
        '本案属于听证范围，尚未告知听证权利',
      ],
    ],
  },
  hearingConcluded: {
    passes: [
      { steps: steps('serveHearingRightsNotice') },
      {
        steps: steps('serveHearingRightsNotice', 'requestHearing', 'holdHearing'),
        documents: ['hearingRecord'],
      },
      { steps: steps('serveHearingRightsNotice', 'requestHearing', 'withdrawHearing') },
      { steps: steps('serveHearingRightsNotice', 'requestHearing', 'returnForInvestigation', 'serveNotice') },
    ],
    fails: [
      [
        { steps: steps('serveHearingRightsNotice', 'requestHearing') },
        '当事人已申请听证，听证结束前不能作出决定',
      ],
      [{ steps: steps('serveHearingRightsNotice', 'requestHearing', 'holdHearing') }, '缺少听证笔录'],
    ],
  },
  hearingNoticedInTime: {
    // 03-06 back 7 working days: 03-05, 04, 03, 02, 02-28 (Sat, 调休), 27, 26 — notice by 02-26 is in time.
    passes: [{}, { input: hearingInput, today: '2026-03-06' }],
    fails: [
      // 03-05 back 7 working days: 03-04, 03, 02, 02-28, 27, 26, 25.
      [
        { input: { ...hearingInput, hearingDate: '2026-03-05' }, today: '2026-03-06' },
        '听证通知应当不迟于2026-02-25送达（听证七个工作日前，行政处罚法第六十四条第（二）项），实际于2026-02-26送达',
      ],
      [{ input: hearingInput, today: '2026-03-05' }, '听证日期2026-03-06尚未到来，不能登记听证已举行'],
      [{ input: { hearingDate: '2026-03-06' }, today: '2026-03-06' }, '请填写听证通知送达日期和听证日期'],
      [
        {
          input: { ...hearingInput, notifiedOn: '2026-12-20', hearingDate: '2027-01-05' },
          today: '2027-01-05',
        },
        '2027年的节假日安排尚未录入，无法计算工作日',
      ],
    ],
  },
  presidingOfficerIndependent: {
    passes: [{}, { input: { presidingOfficerId: 'c' }, record: { investigatingOfficerIds: ['a', 'b'] } }],
    fails: [
      [
        { input: { presidingOfficerId: 'a' }, record: { investigatingOfficerIds: ['a', 'b'] } },
        '听证主持人不得由本案调查人员担任（行政处罚法第六十四条）',
      ],
      [{ input: { presidingOfficerId: 'c' } }, '尚未登记本案调查人员，无法核对听证主持人'],
    ],
  },
  legalReviewPassed: {
    passes: [
      { record: { isMajor: false } },
      {
        record: major,
        steps: steps('submitForLegalReview', 'passLegalReview'),
        documents: ['legalReviewOpinion'],
      },
    ],
    fails: [
      [{}, '尚未认定本案是否属于重大执法决定'],
      [{ record: major }, '重大执法决定须经法制审核，尚未提请法制审核（行政处罚法第五十八条）'],
      [
        { record: major, steps: steps('submitForLegalReview'), documents: ['legalReviewOpinion'] },
        '法制审核尚未通过，不得作出决定（行政处罚法第五十八条）',
      ],
      [{ record: major, steps: steps('submitForLegalReview', 'passLegalReview') }, '缺少法制审核意见书'],
      // Sent for review voluntarily: the same rule applies once it is under review.
      [
        { record: { isMajor: false }, steps: steps('submitForLegalReview') },
        '法制审核尚未通过，不得作出决定（行政处罚法第五十八条）',
      ],
      // A review passed before the case went back for investigation does not count.
      [
        {
          record: major,
          steps: steps('submitForLegalReview', 'passLegalReview', 'returnForInvestigation'),
          documents: ['legalReviewOpinion'],
        },
        '重大执法决定须经法制审核，尚未提请法制审核（行政处罚法第五十八条）',
      ],
    ],
  },
  collectiveDeliberationHeld: {
    passes: [
      { record: { requiresCollectiveDeliberation: false } },
      {
        record: deliberation,
        steps: steps('submitForCollectiveDeliberation', 'recordCollectiveDeliberation'),
        documents: ['collectiveDeliberationRecord'],
      },
    ],
    fails: [
      [{}, '尚未认定本案是否须经集体讨论'],
      [
        { record: deliberation },
        '本案须经行政机关负责人集体讨论决定，尚未提交集体讨论（行政处罚法第五十七条）',
      ],
      [
        {
          record: deliberation,
          steps: steps('submitForCollectiveDeliberation'),
          documents: ['collectiveDeliberationRecord'],
        },
        '尚未记录集体讨论的参加人员、意见和决定（行政处罚法第五十七条）',
      ],
      [
        {
          record: deliberation,
          steps: steps('submitForCollectiveDeliberation', 'recordCollectiveDeliberation'),
        },
        '缺少集体讨论记录',
      ],
    ],
  },
  fineWithinBenchmarkOrExplained: {
    passes: [
      {},
      { input: deliberateFine(800_000), record: { discretionBenchmark: benchmark } },
      // 从重 chosen: 15000元 lies within that tier.
      {
        input: deliberateFine(1_500_000, { discretionTier: 'heavier' }),
        record: { discretionBenchmark: benchmark },
      },
      {
        input: deliberateFine(3_000_000, { outOfRangeReason: '违法所得巨大，社会影响恶劣' }),
        record: { discretionBenchmark: benchmark },
      },
      // No benchmark adopted for the violation: nothing to compare with.
      { input: deliberateFine(3_000_000), record: { discretionBenchmark: null } },
    ],
    fails: [
      [
        { input: deliberateFine(3_000_000), record: { discretionBenchmark: benchmark } },
        '拟罚款30000元超出裁量基准幅度（5000元至10000元），请填写超出裁量基准幅度的理由',
      ],
    ],
  },
  decisionNotHeavierThanNotice: {
    passes: [
      {},
      { input: { penaltyKinds: ['fine'], fineFen: 300_000 }, record: { notifiedProposal: notified } },
      {
        input: { penaltyKinds: ['warning', 'fine'], fineFen: 500_000 },
        record: { notifiedProposal: notified },
      },
    ],
    fails: [
      [
        { input: { penaltyKinds: ['fine'], fineFen: 600_000 }, record: { notifiedProposal: notified } },
        '罚款6000元高于告知的5000元，应当退回补充调查并重新告知当事人（行政处罚法第四十五条第二款）',
      ],
      [
        {
          input: { penaltyKinds: ['fine', 'suspendProduction'], fineFen: 500_000 },
          record: { notifiedProposal: notified },
        },
        '处罚决定增加了告知书未载明的处罚种类：责令停产停业，应当退回补充调查并重新告知当事人（行政处罚法第四十五条第二款）',
      ],
      [{ input: { penaltyKinds: ['fine'] } }, '未记录已告知当事人的拟处罚内容，请重新合议并送达告知书'],
    ],
  },
  paymentOverdue: {
    passes: [{ clocks: running('payment', '2026-02-28'), today: '2026-03-02' }],
    fails: [
      [
        { clocks: running('payment', '2026-02-28'), today: '2026-02-28' },
        '缴纳罚款期限至2026-02-28届满，届满前不能催告',
      ],
      [{ clocks: [clock('payment', 'stopped', '2026-02-28')] }, '当事人已履行，无需催告'],
      [{ clocks: [clock('payment', 'notStarted')] }, '缴纳罚款期限尚未开始计算'],
    ],
  },
  demandPeriodElapsed: {
    // Demand served 09-24 (Thu): 09-28, 29, 30, 10-08, 09, 10 (Sat, 调休), 12, 13, 14, 15 → ten working days end 10-15.
    passes: [
      {
        steps: [
          stepOn('decide', '2026-07-01'),
          stepOn('serve', '2026-07-02'),
          stepOn('serveDemand', '2026-09-24'),
        ],
        today: '2026-10-16',
      },
    ],
    fails: [
      [
        {
          steps: [
            stepOn('decide', '2026-07-01'),
            stepOn('serve', '2026-07-02'),
            stepOn('serveDemand', '2026-09-24'),
          ],
          today: '2026-10-15',
        },
        '催告书送达十个工作日后（2026-10-15之后）方可申请强制执行（行政强制法第五十四条）',
      ],
      [
        { steps: [stepOn('decide', '2026-07-01'), stepOn('serve', '2026-07-02')], today: '2026-10-16' },
        '申请强制执行前应当催告当事人履行义务（行政强制法第五十四条）',
      ],
    ],
  },
  remedyPeriodsExpired: {
    // Served 04-01 + 6 months = 10-01 (国庆 10-01..07) → 10-08.
    passes: [{ steps: [stepOn('decide', '2026-03-31'), stepOn('serve', '2026-04-01')], today: '2026-10-09' }],
    fails: [
      [
        { steps: [stepOn('decide', '2026-03-31'), stepOn('serve', '2026-04-01')], today: '2026-10-08' },
        '起诉期限至2026-10-08届满，届满后方可申请人民法院强制执行（行政强制法第五十三条）',
      ],
      [{ steps: [stepOn('decide', '2026-03-31')] }, '处罚决定书尚未送达'],
      [
        { steps: [stepOn('decide', '2026-07-01'), stepOn('serve', '2026-07-02')], today: '2027-01-05' },
        '2027年的节假日安排尚未录入，无法计算工作日',
      ],
    ],
  },
  executionConcluded: {
    passes: [
      {},
      { steps: steps('decide', 'serve', 'recordPerformance') },
      { steps: steps('decide', 'revoke') },
      { steps: steps('decide', 'serve'), record: { isExecutionComplete: true } },
    ],
    fails: [[{ steps: steps('decide', 'serve') }, '处罚决定尚未履行完毕，不能结案']],
  },
  publicationSettled: {
    passes: [
      {},
      { steps: steps('decide', 'publishDecision') },
      { steps: steps('decide', 'withholdPublication') },
      { steps: steps('decide', 'revoke') },
    ],
    fails: [[{ steps: steps('decide', 'serve') }, '处罚决定尚未公示，也未批准不予公开']],
  },
  decisionWasPublished: {
    passes: [{ steps: steps('decide', 'publishDecision', 'revoke') }],
    fails: [
      [{}, '处罚决定未被撤销'],
      [{ steps: steps('decide', 'revoke') }, '该决定未曾公示，无需撤回'],
      [{ steps: steps('decide', 'publishDecision', 'revoke', 'withdrawPublication') }, '公示信息已撤回'],
    ],
  },
  publicationWithdrawnIfRevoked: {
    passes: [
      { steps: steps('decide', 'revoke') },
      { steps: steps('decide', 'publishDecision', 'revoke', 'withdrawPublication') },
    ],
    fails: [
      [
        { steps: steps('decide', 'publishDecision', 'revoke') },
        '被撤销的处罚决定已公示，应当撤回公示信息（行政处罚法第四十八条）',
      ],
    ],
  },
  simpleProcedureAllowed: {
    passes: [
      { input: { partyKind: 'person', penaltyKinds: ['fine'], fineFen: 20000 } },
      { input: { partyKind: 'organisation', penaltyKinds: ['warning', 'fine'], fineFen: 300000 } },
      { input: { partyKind: 'person', penaltyKinds: ['warning'] } },
      {
        record: { partyKind: 'person', penaltyKinds: ['fine'], fineFen: 5000 },
        input: { filedOn: '2026-03-02' },
      },
    ],
    fails: [
      [
        { input: { partyKind: 'person', penaltyKinds: ['fine'], fineFen: 20001 } },
        '对公民罚款超过200元，不适用简易程序（行政处罚法第五十一条）',
      ],
      [
        { record: { partyKind: 'organisation', penaltyKinds: ['fine'], fineFen: 300100 } },
        '对法人或者其他组织罚款超过3000元，不适用简易程序（行政处罚法第五十一条）',
      ],
      [
        { input: { partyKind: 'person', penaltyKinds: ['warning', 'confiscateIllegalIncome'] } },
        '简易程序只能给予警告或者罚款，不能给予没收违法所得（行政处罚法第五十一条）',
      ],
      [{ input: { partyKind: 'person', penaltyKinds: ['fine'] } }, '请填写罚款金额'],
      [
        { input: { penaltyKinds: ['warning'] } },
        '未登记当事人类型、处罚种类或罚款数额（分），无法核对简易程序适用条件',
      ],
      [
        { input: { partyKind: 'person', penaltyKinds: ['fine'], fineFen: 100.5 } },
        '未登记当事人类型、处罚种类或罚款数额（分），无法核对简易程序适用条件',
      ],
    ],
  },
  onSpotDecisionNotYetRecorded: {
    passes: [{}],
    fails: [[{ steps: steps('recordOnSpotDecision') }, '当场处罚决定已登记，不能重复登记']],
  },
  onSpotDecisionRecorded: {
    passes: [{ steps: steps('recordOnSpotDecision') }],
    fails: [[{}, '尚未登记当场处罚决定']],
  },
  onSpotPenaltyPerformed: {
    passes: [
      { steps: steps('recordOnSpotDecision', 'recordPerformance') },
      { record: { isExecutionComplete: true } },
    ],
    fails: [[{ steps: steps('recordOnSpotDecision') }, '当场处罚决定尚未履行，不能结案']],
  },
};

for (const [name, guard] of Object.entries(penaltyGuards) as [keyof typeof penaltyGuards, Guard][]) {
  test(`guard ${name}: passes and fails with its reason`, () => {
    assert.equal(guard.id, name);
    assert.match(guard.label, /\p{Script=Han}/u);
    const { passes, fails } = cases[name];
    assert.ok(passes.length > 0 && fails.length > 0, `${name} needs both kinds of context`);
    for (const partial of passes) assert.equal(guard.check(context(partial)), true, JSON.stringify(partial));
    for (const [partial, reason] of fails)
      assert.equal(guard.check(context(partial)), reason, JSON.stringify(partial));
  });
}

test('every exported guard is in penaltyGuards, so none escapes the table above', async () => {
  const module: Record<string, unknown> = await import('./guards.ts');
  const exported = Object.entries(module).filter(
    ([, value]) => typeof value === 'object' && value !== null && 'check' in value && 'id' in value,
  );
  assert.deepEqual(exported.map(([key]) => key).sort(), Object.keys(penaltyGuards).sort());
});

test('validInput: passes a preview, names the field in Chinese otherwise', () => {
  const guard = validInput(FileCaseInput);
  const check = (input: unknown) => guard.check(context({ input }));
  assert.equal(check(undefined), true);
  const id = '00000000-0000-4000-8000-000000000001';
  assert.equal(check({ cause: '超范围执业', caseOfficerIds: [id, id.replace(/1$/, '2')] }), true);
  assert.equal(
    check({ cause: '超范围执业', caseOfficerIds: [id] }),
    '承办人员：应当指定至少两名承办人员（行政处罚法第四十二条）',
  );
  assert.equal(check({ caseOfficerIds: [id, id] }), '请填写案由');
  assert.equal(check({ cause: ' ', caseOfficerIds: [id, id] }), '请填写案由');
  const hearing = validInput(HoldHearingInput);
  assert.equal(
    hearing.check(
      context({
        input: {
          notifiedOn: '2026-02-30',
          hearingDate: '2026-03-06',
          presidingOfficerId: id,
          isPublic: true,
        },
      }),
    ),
    '听证通知送达日期：不是有效日期',
  );
  const onSpot = validInput(RecordOnSpotDecisionInput);
  assert.equal(
    onSpot.check(
      context({
        input: {
          partyKind: 'person',
          penaltyKinds: ['fine'],
          fineFen: -1,
          decidedOn: '2026-03-02',
          place: '街道',
          officerIds: [id, id],
        },
      }),
    ),
    '罚款数额（分）不能为负',
  );
});

test('calendarFor: the organisation calendar wins, and a year it lacks is a reason', () => {
  const base: GuardContext = context({});
  const seeded = calendarFor(base, ['2026-03-06']);
  assert.ok(typeof seeded !== 'string' && seeded.years.includes(2026), 'the official seed covers 2026');
  assert.equal(calendarFor(base, ['2027-01-04']), '2027年的节假日安排尚未录入，无法计算工作日');
  // An organisation calendar with 2026-03-02 as an extra rest day moves the latest notice date one day earlier.
  const rows = [...officialCalendarSeed([2026]), { date: '2026-03-02', kind: 'rest' as const }];
  const calendar = calendarFromRows(rows, [2026]);
  const guard = penaltyGuards.hearingNoticedInTime;
  const withOwn = context({ calendar, input: hearingInput, today: '2026-03-06' });
  assert.equal(
    guard.check(withOwn),
    '听证通知应当不迟于2026-02-25送达（听证七个工作日前，行政处罚法第六十四条第（二）项），实际于2026-02-26送达',
  );
  assert.equal(
    calendarFor(context({ calendar }), ['2025-12-31']),
    '2025年的节假日安排尚未录入，无法计算工作日',
  );
});
