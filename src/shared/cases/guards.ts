// Guards of the penalty procedures: pure checks that return true or a Chinese reason (architecture.md).
// They read PenaltyCaseFacts from `record`, the step list, the documents, the clocks and the action input.
import type { z } from 'zod';
import { CalendarRangeError, type CalendarData } from '../law/calendar.ts';
import { calendarFromRows, officialCalendarSeed } from '../law/holiday-data.ts';
import { dueDateForRule, type LegalRuleId } from '../law/legal-rules.ts';
import type { ClockState, StepRecord } from '../procedure/clocks.ts';
import type { Guard, GuardContext } from '../procedure/define-procedure.ts';
import type { PenaltyDocumentKind } from './documents.ts';
import { fineAgainstBenchmark, type DiscretionTierKind, type ViolationType } from './discretion.ts';
import { DeliberateInput, PenaltyProposal, SimplePenaltyFacts } from './payloads.ts';
import { formatYuan, isSimpleProcedureAllowed, penaltyKindLabels, type PenaltyKind } from './penalties.ts';

/** A guard context that may carry the organisation's working-day calendar (see calendarFor). */
export type PenaltyGuardContext = GuardContext & { calendar?: CalendarData };

// ---------------------------------------------------------------------------------------------------------------
// Reading the context

type Flag = 'hearingOffered' | 'isMajor' | 'requiresCollectiveDeliberation';
const flagLabels: Record<Flag, string> = {
  hearingOffered: '是否属于听证范围',
  isMajor: '是否属于重大执法决定',
  requiresCollectiveDeliberation: '是否须经集体讨论',
};

/** A case flag; a missing flag is a reason, so an unloaded fact can never let a mandatory step be skipped. */
function flag(record: Record<string, unknown>, name: Flag): boolean | string {
  const value = record[name];
  return typeof value === 'boolean' ? value : `尚未认定本案${flagLabels[name]}`;
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

const dateField = (value: unknown, key: string): string | undefined => {
  const found = field(value, key);
  return typeof found === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(found) ? found : undefined;
};

function ordered(steps: readonly StepRecord[]): StepRecord[] {
  return [...steps].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function lastIndex(steps: readonly StepRecord[], actions: readonly string[]): number {
  return steps.findLastIndex((step) => actions.includes(step.action));
}

// A case sent back for further investigation starts its notice, review and deliberation again.
const resetActions = ['returnForInvestigation'];
const noticeActions = ['serveNotice', 'serveHearingRightsNotice'];

/** The steps since the case was last sent back for investigation, oldest first. */
function currentRound(steps: readonly StepRecord[]): StepRecord[] {
  const all = ordered(steps);
  return all.slice(lastIndex(all, resetActions) + 1);
}

const has = (steps: readonly StepRecord[], action: string): boolean =>
  steps.some((step) => step.action === action);

const clockLabels: Record<string, string> = {
  decision: '作出处罚决定期限',
  statement: '陈述申辩期限',
  hearingRequest: '听证申请期限',
  payment: '缴纳罚款期限',
};

function clockNamed(clocks: readonly ClockState[] | undefined, name: string): ClockState | string {
  const found = clocks?.find((clock) => clock.clock === name);
  return found ?? `未计算${clockLabels[name] ?? name}，无法核对`;
}

const seedYears = new Map<number, boolean>();
function seedHasYear(year: number): boolean {
  let known = seedYears.get(year);
  if (known === undefined) {
    try {
      known = officialCalendarSeed([year]).length > 0;
    } catch (error) {
      if (!(error instanceof CalendarRangeError)) throw error;
      known = false;
    }
    seedYears.set(year, known);
  }
  return known;
}

const bundledCalendars = new Map<string, CalendarData>();

/**
 * The working-day calendar for the given dates: the one the engine put on the context, else the official
 * seed (chinese-days, the data the calendar table is seeded from) with the neighbouring years it holds.
 * A year without data is a reason, never a guess; a period running into such a year fails in dueDateForRule.
 */
export function calendarFor(context: GuardContext, dates: readonly string[]): CalendarData | string {
  const years = [...new Set(dates.map((date) => Number(date.slice(0, 4))))];
  const provided = (context as PenaltyGuardContext).calendar;
  if (provided) {
    // The organisation's calendar is authoritative: a year it lacks is not filled in from the seed.
    const missing = years.find((year) => !provided.years.includes(year));
    return missing === undefined ? provided : new CalendarRangeError(missing).message;
  }
  const missing = years.find((year) => !seedHasYear(year));
  if (missing !== undefined) return new CalendarRangeError(missing).message;
  const loaded = [...new Set(years.flatMap((year) => [year - 1, year, year + 1]))]
    .filter(seedHasYear)
    .sort((a, b) => a - b);
  const key = loaded.join(',');
  let calendar = bundledCalendars.get(key);
  if (calendar === undefined) {
    calendar = calendarFromRows(officialCalendarSeed(loaded), loaded);
    bundledCalendars.set(key, calendar);
  }
  return calendar;
}

/** dueDateForRule with the calendar of the context; a calendar gap becomes a reason instead of a crash. */
function ruleDate(context: GuardContext, ruleId: LegalRuleId, start: string): string | { reason: string } {
  const calendar = calendarFor(context, [start]);
  if (typeof calendar === 'string') return { reason: calendar };
  try {
    return dueDateForRule(calendar, ruleId, start).dueDate;
  } catch (error) {
    if (error instanceof CalendarRangeError) return { reason: error.message };
    throw error;
  }
}

function guard(id: string, label: string, check: (context: PenaltyGuardContext) => true | string): Guard {
  return { id, label, check };
}

// ---------------------------------------------------------------------------------------------------------------
// Input

/** The Chinese label of a field: its `.describe()` text, looking through optional and array wrappers. */
function fieldLabel(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  type Node = { description?: string; shape?: Record<string, Node>; element?: Node; unwrap?: () => Node };
  const unwrapped = (start: Node | undefined): [Node | undefined, string | undefined] => {
    let node = start;
    let label = node?.description;
    while (node && !node.shape && !node.element && typeof node.unwrap === 'function') {
      node = node.unwrap();
      label ??= node?.description;
    }
    return [node, label];
  };
  let [node, label] = unwrapped(schema as unknown as Node);
  for (const segment of path) {
    const child = typeof segment === 'number' ? node?.element : node?.shape?.[String(segment)];
    const [next, own] = unwrapped(child);
    node = next;
    label = own ?? label;
  }
  return label;
}

/** Validates the action input against its schema; passes when there is none (allowedActions previews buttons). */
export function validInput(schema: z.ZodType, id = 'validInput'): Guard {
  return guard(id, '填写内容符合要求', ({ input }) => {
    if (input === undefined) return true;
    const result = schema.safeParse(input);
    if (result.success) return true;
    const issue = result.error.issues[0];
    if (!issue) return '填写内容有误';
    const label = fieldLabel(schema, issue.path) ?? issue.path.join('.');
    const value = issue.path.reduce<unknown>((node, key) => field(node, String(key)), input);
    if (issue.code === 'invalid_type' && value === undefined && label) return `请填写${label}`;
    const named = !label || issue.message.startsWith(label) || issue.message.startsWith('请填写');
    return named ? issue.message : `${label}：${issue.message}`;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Lead and filing

// 卫生健康行政处罚程序规定（立案期限自受理线索起算，WJCF-LA）: the lead is registered once, which starts the clock.
export const leadNotYetRegistered = guard('leadNotYetRegistered', '线索尚未登记受理', ({ steps }) =>
  has(steps, 'registerLead') ? '线索已登记受理，不能重复登记' : true,
);

// 行政处罚法第五十四条：符合立案标准的，应当及时立案 — the filing period runs from the registered lead.
export const leadRegistered = guard('leadRegistered', '线索已登记受理', ({ steps }) =>
  has(steps, 'registerLead') ? true : '线索尚未登记受理，请先登记线索',
);

// ---------------------------------------------------------------------------------------------------------------
// Investigation

const recordForAct: Record<string, PenaltyDocumentKind> = {
  onSiteInspection: 'onSiteRecord',
  inquiry: 'inquiryRecord',
};

// 行政处罚法第五十五条：询问或者检查应当制作笔录
export const investigationActDocumented = guard(
  'investigationActDocumented',
  '询问或者检查已制作笔录',
  ({ input, documents }) => {
    const kind = field(input, 'kind');
    const record = typeof kind === 'string' ? recordForAct[kind] : undefined;
    if (record === undefined || documents.includes(record)) return true;
    return kind === 'inquiry'
      ? '询问应当制作询问笔录，请先上传询问笔录'
      : '检查应当制作现场笔录，请先上传现场笔录';
  },
);

// 行政处罚法第五十五条：调查终结前应有检查或者询问笔录
export const investigationRecorded = guard(
  'investigationRecorded',
  '已开展调查取证并制作笔录',
  ({ steps, documents }) => {
    if (!has(steps, 'recordInvestigation')) return '尚未记录调查取证';
    return documents.includes('onSiteRecord') || documents.includes('inquiryRecord')
      ? true
      : '缺少现场笔录或询问笔录';
  },
);

// 行政处罚法第五十六条：先行登记保存的，应当在七日内及时作出处理决定
export const preservedEvidenceDisposed = guard(
  'preservedEvidenceDisposed',
  '先行登记保存的证据已作出处理决定',
  ({ steps }) => {
    const all = ordered(steps);
    const preserved = lastIndex(all, ['preserveEvidence']);
    if (preserved < 0 || lastIndex(all, ['disposePreservedEvidence']) > preserved) return true;
    return '先行登记保存的证据尚未作出处理决定（行政处罚法第五十六条）';
  },
);

// 行政处罚法第五十六条：处理决定针对已先行登记保存的证据
export const evidencePreserved = guard('evidencePreserved', '有待处理的先行登记保存证据', ({ steps }) => {
  const all = ordered(steps);
  const preserved = lastIndex(all, ['preserveEvidence']);
  return preserved >= 0 && lastIndex(all, ['disposePreservedEvidence']) < preserved
    ? true
    : '没有待处理的先行登记保存证据';
});

// 行政处罚法第六十条（法律、法规、规章另有规定的从其规定）：延期须在期限届满前批准，且延至原期限之后
export const decisionPeriodExtendable = guard(
  'decisionPeriodExtendable',
  '办案期限届满前批准延期',
  ({ clocks, today, input, record }) => {
    const clock = clockNamed(clocks, 'decision');
    if (typeof clock === 'string') return clock;
    if (clock.status === 'notStarted' || clock.status === 'stopped') return '办案期限未在计算中，无需延期';
    if (clock.dueDate === undefined) return clock.error ?? '办案期限无法计算';
    // The clock keeps the statutory date; an approved extension is on the case row (decisionExtendedUntil).
    const extended = dateField(record, 'decisionExtendedUntil');
    const due = extended !== undefined && extended > clock.dueDate ? extended : clock.dueDate;
    if (today > due) return `办案期限已于${due}届满，不能再批准延期`;
    const until = dateField(input, 'extendedUntil');
    if (until !== undefined && until <= due) return `延长后的期限应晚于原期限${due}`;
    return true;
  },
);

// ---------------------------------------------------------------------------------------------------------------
// Notice, statement and hearing (行政处罚法第四十四条、第四十五条、第六十二条至第六十五条)

// 行政处罚法第六十三条：属于听证范围的，应当告知听证权利（送达听证告知书）
export const hearingNotOffered = guard('hearingNotOffered', '不属于听证范围', ({ record }) => {
  const offered = flag(record, 'hearingOffered');
  if (typeof offered === 'string') return offered;
  return offered ? '本案属于听证范围，应当送达行政处罚听证告知书' : true;
});

// 行政处罚法第六十三条：只对属于听证范围的案件告知听证权利
export const hearingOffered = guard('hearingOffered', '属于听证范围', ({ record }) => {
  const offered = flag(record, 'hearingOffered');
  if (typeof offered === 'string') return offered;
  return offered ? true : '本案不属于听证范围，应当送达行政处罚事先告知书';
});

// 行政处罚法第六十四条：当事人要求听证的前提是已被告知听证权利
export const hearingRightsNotified = guard('hearingRightsNotified', '已告知听证权利', ({ steps }) => {
  const round = currentRound(steps);
  const notice = round[lastIndex(round, noticeActions)];
  return notice?.action === 'serveHearingRightsNotice' ? true : '尚未送达行政处罚听证告知书';
});

// 行政处罚法第六十四条第（一）项：当事人要求听证的，应当在行政机关告知后五日内提出
export const hearingRequestedInTime = guard(
  'hearingRequestedInTime',
  '在听证申请期限内提出',
  ({ clocks, today, input }) => {
    const clock = clockNamed(clocks, 'hearingRequest');
    if (typeof clock === 'string') return clock;
    if (clock.status !== 'running' || clock.startedOn === undefined) return '当前没有进行中的听证申请期限';
    if (clock.dueDate === undefined) return clock.error ?? '听证申请期限无法计算';
    const requestedOn = dateField(input, 'requestedOn') ?? today;
    if (requestedOn > today) return '申请听证日期不能晚于今天';
    if (requestedOn < clock.startedOn) return '申请听证日期不能早于告知日期';
    return requestedOn <= clock.dueDate
      ? true
      : `听证申请期限已于${clock.dueDate}届满（行政处罚法第六十四条）`;
  },
);

/** A party's period that must be over (or waived) before the decision. */
function periodEnded(
  clocks: readonly ClockState[] | undefined,
  today: string,
  name: string,
  what: string,
): true | string {
  const clock = clockNamed(clocks, name);
  if (typeof clock === 'string') return clock;
  if (clock.status === 'stopped') return true;
  if (clock.dueDate === undefined) return clock.error ?? `${what}无法计算`;
  return today > clock.dueDate
    ? true
    : `${what}至${clock.dueDate}届满，届满前不能作出决定（当事人明确放弃的除外）`;
}

// 行政处罚法第六十二条：未听取陈述、申辩不得作出决定，当事人明确放弃的除外
export const statementPeriodEnded = guard(
  'statementPeriodEnded',
  '陈述申辩期限已届满或当事人已放弃',
  ({ clocks, today }) => {
    const clock = clockNamed(clocks, 'statement');
    if (typeof clock !== 'string' && clock.status === 'notStarted')
      return '尚未送达行政处罚事先告知书或听证告知书（行政处罚法第四十四条）';
    return periodEnded(clocks, today, 'statement', '陈述申辩期限');
  },
);

// 行政处罚法第六十四条第（一）项、第六十二条：听证申请期限届满前不得作出决定，当事人放弃的除外
export const hearingRequestPeriodEnded = guard(
  'hearingRequestPeriodEnded',
  '听证申请期限已届满或当事人已放弃',
  ({ clocks, today, record }) => {
    const clock = clockNamed(clocks, 'hearingRequest');
    if (typeof clock === 'string') return clock;
    if (clock.status === 'notStarted') {
      // A case that came into the hearing scope after a plain notice must be told of the right first.
      return record.hearingOffered === true ? '本案属于听证范围，尚未告知听证权利' : true;
    }
    return periodEnded(clocks, today, 'hearingRequest', '听证申请期限');
  },
);

// 行政处罚法第六十五条：听证结束后，根据听证笔录作出决定
export const hearingConcluded = guard(
  'hearingConcluded',
  '已申请的听证已举行或终止',
  ({ steps, documents }) => {
    const round = currentRound(steps);
    const requested = lastIndex(round, ['requestHearing']);
    if (requested < 0 || requested < lastIndex(round, noticeActions)) return true;
    const after = round.slice(requested + 1);
    if (has(after, 'withdrawHearing')) return true;
    if (!has(after, 'holdHearing')) return '当事人已申请听证，听证结束前不能作出决定';
    // 第六十五条：根据听证笔录作出决定 — the record is written from the hearing step, so it follows it.
    return documents.includes('hearingRecord') ? true : '缺少听证笔录';
  },
);

// 行政处罚法第六十四条第（二）项：在举行听证的七日前通知当事人听证的时间、地点
export const hearingNoticedInTime = guard(
  'hearingNoticedInTime',
  '听证通知在听证七个工作日前送达',
  (context) => {
    const { input, today } = context;
    if (input === undefined) return true;
    const notifiedOn = dateField(input, 'notifiedOn');
    const hearingDate = dateField(input, 'hearingDate');
    if (notifiedOn === undefined || hearingDate === undefined) return '请填写听证通知送达日期和听证日期';
    if (hearingDate > today) return `听证日期${hearingDate}尚未到来，不能登记听证已举行`;
    const latest = ruleDate(context, 'XZCF-64-2', hearingDate);
    if (typeof latest !== 'string') return latest.reason;
    return notifiedOn <= latest
      ? true
      : `听证通知应当不迟于${latest}送达（听证七个工作日前，行政处罚法第六十四条第（二）项），实际于${notifiedOn}送达`;
  },
);

// 行政处罚法第六十四条第（四）项：听证由行政机关指定的非本案调查人员主持
export const presidingOfficerIndependent = guard(
  'presidingOfficerIndependent',
  '听证主持人非本案调查人员',
  ({ input, record }) => {
    const presiding = field(input, 'presidingOfficerId');
    if (typeof presiding !== 'string') return true;
    const investigators = record.investigatingOfficerIds;
    if (!Array.isArray(investigators)) return '尚未登记本案调查人员，无法核对听证主持人';
    return investigators.includes(presiding)
      ? '听证主持人不得由本案调查人员担任（行政处罚法第六十四条）'
      : true;
  },
);

// ---------------------------------------------------------------------------------------------------------------
// Review, deliberation and decision

// 行政处罚法第五十八条：未经法制审核或者审核未通过的，不得作出决定 (also when a case was sent for review voluntarily)
export const legalReviewPassed = guard(
  'legalReviewPassed',
  '重大执法决定须经法制审核',
  ({ record, steps, documents }) => {
    const major = flag(record, 'isMajor');
    if (typeof major === 'string') return major;
    const round = currentRound(steps);
    const submitted = lastIndex(round, ['submitForLegalReview']);
    if (!major && submitted < 0) return true;
    if (submitted < 0) return '重大执法决定须经法制审核，尚未提请法制审核（行政处罚法第五十八条）';
    if (!has(round.slice(submitted + 1), 'passLegalReview'))
      return '法制审核尚未通过，不得作出决定（行政处罚法第五十八条）';
    return documents.includes('legalReviewOpinion') ? true : '缺少法制审核意见书';
  },
);

// 行政处罚法第五十七条第二款：对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定
export const collectiveDeliberationHeld = guard(
  'collectiveDeliberationHeld',
  '须经集体讨论',
  ({ record, steps, documents }) => {
    const required = flag(record, 'requiresCollectiveDeliberation');
    if (typeof required === 'string') return required;
    if (!required) return true;
    const round = currentRound(steps);
    const submitted = lastIndex(round, ['submitForCollectiveDeliberation']);
    if (submitted < 0) {
      return '本案须经行政机关负责人集体讨论决定，尚未提交集体讨论（行政处罚法第五十七条）';
    }
    if (!has(round.slice(submitted + 1), 'recordCollectiveDeliberation'))
      return '尚未记录集体讨论的参加人员、意见和决定（行政处罚法第五十七条）';
    return documents.includes('collectiveDeliberationRecord') ? true : '缺少集体讨论记录';
  },
);

/** The proposal stored on the case under `key`, or a reason when there is none. */
function storedProposal(
  record: Record<string, unknown>,
  key: string,
  missing: string,
): PenaltyProposal | string {
  const parsed = PenaltyProposal.safeParse(record[key]);
  return parsed.success ? parsed.data : missing;
}

// 行政处罚法第五十七条、第三十四条（裁量基准）：超出裁量基准幅度的，应当书面说明理由（并经法制审核，见 computeCaseFlags）
export const fineWithinBenchmarkOrExplained = guard(
  'fineWithinBenchmarkOrExplained',
  '拟罚款在裁量基准幅度内或已说明理由',
  ({ input, record }) => {
    const parsed = DeliberateInput.safeParse(input);
    if (!parsed.success || parsed.data.conclusion !== 'penalty' || !parsed.data.fineFen) return true;
    const benchmark = record.discretionBenchmark as ViolationType | null | undefined;
    if (!benchmark) return true;
    // The tier and reason adopted with the 裁量建议 (PUT /api/cases/:id/discretion) count unless the 合议 restates them.
    const tier =
      parsed.data.discretionTier ?? (record.adoptedDiscretionTier as DiscretionTierKind | null) ?? undefined;
    const check = fineAgainstBenchmark(benchmark, parsed.data.fineFen, tier);
    if (check.within || parsed.data.outOfRangeReason || record.adoptedOutOfRangeReason) return true;
    const range = check.rangeFen
      ? `${formatYuan(check.rangeFen.min)}至${formatYuan(check.rangeFen.max)}`
      : '无法计算';
    return `拟罚款${formatYuan(parsed.data.fineFen)}超出裁量基准幅度（${range}），请填写超出裁量基准幅度的理由`;
  },
);

// 行政处罚法第四十五条第二款：不得因当事人陈述、申辩而给予更重的处罚 — a heavier decision needs a new notice.
export const decisionNotHeavierThanNotice = guard(
  'decisionNotHeavierThanNotice',
  '处罚决定不重于事先告知的拟处罚内容',
  ({ input, record }) => {
    if (input === undefined) return true;
    const notified = storedProposal(
      record,
      'notifiedProposal',
      '未记录已告知当事人的拟处罚内容，请重新合议并送达告知书',
    );
    if (typeof notified === 'string') return notified;
    const kinds = (field(input, 'penaltyKinds') as PenaltyKind[] | undefined) ?? [];
    const added = kinds.filter((kind) => !notified.penaltyKinds.includes(kind));
    const renotify = '，应当退回补充调查并重新告知当事人（行政处罚法第四十五条第二款）';
    if (added.length > 0)
      return `处罚决定增加了告知书未载明的处罚种类：${added.map((k) => penaltyKindLabels[k]).join('、')}${renotify}`;
    const fine = field(input, 'fineFen');
    if (typeof fine === 'number' && fine > notified.fineFen)
      return `罚款${formatYuan(fine)}高于告知的${formatYuan(notified.fineFen)}${renotify}`;
    return true;
  },
);

// ---------------------------------------------------------------------------------------------------------------
// Execution, publication, revocation and closure

/** Steps since the decision that is still in force: after the last decide, if no revoke followed it. */
function liveDecision(steps: readonly StepRecord[]): StepRecord[] | undefined {
  const all = ordered(steps);
  const decided = lastIndex(all, ['decide']);
  if (decided < 0 || lastIndex(all, ['revoke']) > decided) return undefined;
  return all.slice(decided + 1);
}

// 行政处罚法第六十七条第三款、第七十二条：缴纳期限届满仍未履行，方可催告和加处罚款
export const paymentOverdue = guard('paymentOverdue', '缴纳罚款期限已届满仍未履行', ({ clocks, today }) => {
  const clock = clockNamed(clocks, 'payment');
  if (typeof clock === 'string') return clock;
  if (clock.status === 'stopped') return '当事人已履行，无需催告';
  if (clock.status !== 'running' || clock.dueDate === undefined) return '缴纳罚款期限尚未开始计算';
  return today > clock.dueDate ? true : `缴纳罚款期限至${clock.dueDate}届满，届满前不能催告`;
});

// 行政强制法第五十四条：催告书送达十日后当事人仍未履行义务的，可以申请人民法院强制执行
export const demandPeriodElapsed = guard('demandPeriodElapsed', '催告书送达已满十个工作日', (context) => {
  const after = liveDecision(context.steps);
  const demand = after?.findLast((step) => step.action === 'serveDemand');
  if (demand === undefined) return '申请强制执行前应当催告当事人履行义务（行政强制法第五十四条）';
  const end = ruleDate(context, 'XZQZ-54', demand.date);
  if (typeof end !== 'string') return end.reason;
  return context.today > end
    ? true
    : `催告书送达十个工作日后（${end}之后）方可申请强制执行（行政强制法第五十四条）`;
});

// 行政强制法第五十三条：在法定期限内不申请行政复议或者提起行政诉讼，又不履行的，自期限届满之日起三个月内申请
export const remedyPeriodsExpired = guard('remedyPeriodsExpired', '复议和诉讼期限已届满', (context) => {
  const after = liveDecision(context.steps);
  const served = after?.findLast((step) => step.action === 'serve');
  if (served === undefined) return '处罚决定书尚未送达';
  // 行政诉讼法第四十六条：六个月 is the longer of the two remedy periods (复议 is 60 days, 行政复议法第二十条).
  const end = ruleDate(context, 'XZSS-45/46-direct', served.date);
  if (typeof end !== 'string') return end.reason;
  return context.today > end
    ? true
    : `起诉期限至${end}届满，届满后方可申请人民法院强制执行（行政强制法第五十三条）`;
});

// 行政处罚法第六十六条至第七十二条：处罚决定履行完毕或执行终结后方可结案
export const executionConcluded = guard(
  'executionConcluded',
  '处罚决定已履行完毕或执行终结',
  ({ steps, record }) => {
    const after = liveDecision(steps);
    if (after === undefined || record.isExecutionComplete === true) return true;
    return has(after, 'recordPerformance') ? true : '处罚决定尚未履行完毕，不能结案';
  },
);

// 国办发〔2018〕118号（SX-GS-1）：行政处罚决定应当公开，依法不予公开的须经批准
export const publicationSettled = guard(
  'publicationSettled',
  '处罚决定已公示或已批准不予公开',
  ({ steps }) => {
    const after = liveDecision(steps);
    if (after === undefined) return true;
    return has(after, 'publishDecision') || has(after, 'withholdPublication')
      ? true
      : '处罚决定尚未公示，也未批准不予公开';
  },
);

// 行政处罚法第四十八条：公开的决定被撤销的，应当在三日内撤回决定信息并说明理由
export const decisionWasPublished = guard('decisionWasPublished', '被撤销的决定曾经公示', ({ steps }) => {
  const all = ordered(steps);
  const revoked = lastIndex(all, ['revoke']);
  const published = lastIndex(all, ['publishDecision']);
  if (revoked < 0) return '处罚决定未被撤销';
  if (published < 0 || published > revoked) return '该决定未曾公示，无需撤回';
  return lastIndex(all, ['withdrawPublication']) > revoked ? '公示信息已撤回' : true;
});

// 行政处罚法第四十八条：撤销的决定曾经公示的，结案前须撤回公示信息
export const publicationWithdrawnIfRevoked = guard(
  'publicationWithdrawnIfRevoked',
  '已撤销决定的公示信息已撤回',
  ({ steps }) => {
    const all = ordered(steps);
    const revoked = lastIndex(all, ['revoke']);
    const published = lastIndex(all, ['publishDecision']);
    if (revoked < 0 || published < 0 || published > revoked) return true;
    return lastIndex(all, ['withdrawPublication']) > revoked
      ? true
      : '被撤销的处罚决定已公示，应当撤回公示信息（行政处罚法第四十八条）';
  },
);

// ---------------------------------------------------------------------------------------------------------------
// Simple procedure (行政处罚法第五十一条、第五十二条)

// 行政处罚法第五十一条：对公民二百元以下、对法人或者其他组织三千元以下罚款或者警告，可以当场作出
export const simpleProcedureAllowed = guard(
  'simpleProcedureAllowed',
  '符合当场处罚的适用条件',
  ({ input, record }) => {
    // The input of the recording step, else the facts stored on the record (re-checked when filing with the agency).
    const given = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
    const facts = SimplePenaltyFacts.safeParse({ ...record, ...given });
    if (!facts.success) return '未登记当事人类型、处罚种类或罚款数额（分），无法核对简易程序适用条件';
    return isSimpleProcedureAllowed(facts.data);
  },
);

// 行政处罚法第五十二条：当场作出的决定只登记一次，登记后报所属行政机关备案
export const onSpotDecisionNotYetRecorded = guard(
  'onSpotDecisionNotYetRecorded',
  '当场处罚决定尚未登记',
  ({ steps }) => (has(steps, 'recordOnSpotDecision') ? '当场处罚决定已登记，不能重复登记' : true),
);

// 行政处罚法第五十二条：报所属行政机关备案的是已登记的当场处罚决定
export const onSpotDecisionRecorded = guard('onSpotDecisionRecorded', '当场处罚决定已登记', ({ steps }) =>
  has(steps, 'recordOnSpotDecision') ? true : '尚未登记当场处罚决定',
);

// 行政处罚法第六十七条、第六十九条：当场处罚决定履行完毕方可结案
export const onSpotPenaltyPerformed = guard(
  'onSpotPenaltyPerformed',
  '当场处罚决定已履行',
  ({ steps, record }) =>
    record.isExecutionComplete === true || has(steps, 'recordPerformance')
      ? true
      : '当场处罚决定尚未履行，不能结案',
);

/** Every named guard, for the tests that give each one a passing and a failing context. */
export const penaltyGuards = {
  leadNotYetRegistered,
  leadRegistered,
  investigationActDocumented,
  investigationRecorded,
  preservedEvidenceDisposed,
  evidencePreserved,
  decisionPeriodExtendable,
  hearingNotOffered,
  hearingOffered,
  hearingRightsNotified,
  hearingRequestedInTime,
  statementPeriodEnded,
  hearingRequestPeriodEnded,
  hearingConcluded,
  hearingNoticedInTime,
  presidingOfficerIndependent,
  legalReviewPassed,
  collectiveDeliberationHeld,
  fineWithinBenchmarkOrExplained,
  decisionNotHeavierThanNotice,
  paymentOverdue,
  demandPeriodElapsed,
  remedyPeriodsExpired,
  executionConcluded,
  publicationSettled,
  decisionWasPublished,
  publicationWithdrawnIfRevoked,
  simpleProcedureAllowed,
  onSpotDecisionNotYetRecorded,
  onSpotDecisionRecorded,
  onSpotPenaltyPerformed,
} as const satisfies Record<string, Guard>;
