// Penalty kinds, money, and the statutory thresholds of 行政处罚法 that depend on the penalty (pure, no I/O).
// Money is integer fen (分) everywhere; yuan appear only in labels and messages.
import { addCalendarDays, daysBetween, parseIsoDate } from '../law/calendar.ts';
import { legalRules } from '../law/legal-rules.ts';
import type { PartyKind } from './parties.ts';

/** 行政处罚法第九条, in the order of the article. */
export const penaltyKinds = [
  'warning',
  'circulatedCriticism',
  'fine',
  'confiscateIllegalIncome',
  'confiscateIllegalProperty',
  'suspendLicence',
  'lowerQualification',
  'revokeLicence',
  'restrictProduction',
  'suspendProduction',
  'orderClosure',
  'restrictPractice',
  'detention',
  'otherStatutory',
] as const;
export type PenaltyKind = (typeof penaltyKinds)[number];

export const penaltyKindLabels: Record<PenaltyKind, string> = {
  warning: '警告',
  circulatedCriticism: '通报批评',
  fine: '罚款',
  confiscateIllegalIncome: '没收违法所得',
  confiscateIllegalProperty: '没收非法财物',
  suspendLicence: '暂扣许可证件',
  lowerQualification: '降低资质等级',
  revokeLicence: '吊销许可证件',
  restrictProduction: '限制开展生产经营活动',
  suspendProduction: '责令停产停业',
  orderClosure: '责令关闭',
  restrictPractice: '限制从业',
  // 行政拘留 is for public security organs only (第十八条第三款); listed because 第九条 lists it.
  detention: '行政拘留',
  otherStatutory: '法律、行政法规规定的其他行政处罚',
};

/** An inclusive range of amounts in fen. */
export type FenRange = { min: number; max: number };

export function assertFen(value: number, label: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${label}应为以分计的非负整数（收到：${value}）`);
  }
}

/** Yuan (at most two decimals) to fen; throws for sub-fen amounts. */
export function yuanToFen(yuan: number): number {
  const fen = Math.round(yuan * 100);
  if (!Number.isFinite(yuan) || Math.abs(fen - yuan * 100) > 1e-6) {
    throw new RangeError(`金额最小单位为分（收到：${yuan}元）`);
  }
  return fen;
}

/** 123450 → '1234.50元'; whole yuan print without decimals ('5000元'). */
export function formatYuan(fen: number): string {
  assertFen(fen, '金额');
  const yuan = Math.floor(fen / 100);
  const rest = fen % 100;
  return rest === 0 ? `${yuan}元` : `${yuan}.${String(rest).padStart(2, '0')}元`;
}

// prettier-ignore
const digitValues: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const unitValues: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** '5000', '1.5万', '一万五千', '二十万', '3千', '10,000' → a number; null for anything unclear ('一万五'). */
export function parseChineseNumber(text: string): number | null {
  if (text.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return null;
  const s = text.replace(/,/g, '');
  let total = 0;
  let section = 0;
  let current: number | null = null;
  let lastUnit = Infinity;
  let previous = '';
  for (let i = 0; i < s.length;) {
    const arabic = /^\d+(\.\d+)?/.exec(s.slice(i));
    const char = s[i] ?? '';
    if (arabic) {
      if (current !== null) return null;
      current = Number(arabic[0]);
      i += arabic[0].length;
      previous = '0';
      continue;
    }
    i += 1;
    if (char === '零' || char === '〇') {
      previous = char;
      continue;
    }
    const digit = digitValues[char];
    const unit = unitValues[char];
    if (digit !== undefined) {
      if (current !== null) return null;
      // '一万五' or '一千五' colloquially mean 15000 and 1500; the law never writes them, so do not guess.
      if (['百', '千', '万'].includes(previous) && unitValues[s[i] ?? ''] === undefined) return null;
      current = digit;
    } else if (unit !== undefined) {
      if (unit >= lastUnit) return null;
      section += (current ?? 1) * unit;
      lastUnit = unit;
      current = null;
    } else if (char === '万') {
      section += current ?? 0;
      if (section === 0 || total > 0) return null;
      total = section * 10_000;
      section = 0;
      current = null;
      lastUnit = Infinity;
    } else {
      return null;
    }
    previous = char;
  }
  const value = total + section + (current ?? 0);
  return s === '' ? null : value;
}

/** A yuan amount written in digits or Chinese numerals, in fen; null when unclear or below one fen. */
export function amountFen(text: string): number | null {
  const yuan = parseChineseNumber(text);
  if (yuan === null) return null;
  const fen = Math.round(yuan * 100);
  return Math.abs(fen - yuan * 100) < 1e-6 ? fen : null;
}

const [citizenLimit, organisationLimit] = legalRules['XZCF-51'].threshold;
const simpleProcedureLimitFen: Record<PartyKind, number> = {
  person: citizenLimit.value * 100,
  organisation: organisationLimit.value * 100,
};

export type SimpleProcedureInput = {
  partyKind: PartyKind;
  /** The fine in fen; required when penaltyKinds includes 'fine'. */
  fineFen?: number;
  penaltyKinds: readonly PenaltyKind[];
};

/** 行政处罚法第五十一条: only a warning, or a fine ≤200元 (公民) / ≤3000元 (法人、其他组织), may be decided on the spot. */
export function isSimpleProcedureAllowed({
  partyKind,
  fineFen,
  penaltyKinds,
}: SimpleProcedureInput): true | string {
  if (penaltyKinds.length === 0) return '请选择处罚种类';
  const other = penaltyKinds.filter((kind) => kind !== 'warning' && kind !== 'fine');
  if (other.length > 0) {
    const labels = other.map((kind) => penaltyKindLabels[kind]).join('、');
    return `简易程序只能给予警告或者罚款，不能给予${labels}（行政处罚法第五十一条）`;
  }
  if (!penaltyKinds.includes('fine')) return true;
  if (fineFen === undefined) return '请填写罚款金额';
  assertFen(fineFen, '罚款金额');
  const limit = simpleProcedureLimitFen[partyKind];
  if (fineFen > limit) {
    const who = partyKind === 'person' ? '对公民' : '对法人或者其他组织';
    return `${who}罚款超过${formatYuan(limit)}，不适用简易程序（行政处罚法第五十一条）`;
  }
  return true;
}

export type ExcludedPeriod = { from: string; to: string };

export type LateFeeInput = {
  fineFen: number;
  /** The last day to pay (the shifted XZCF-67 due date, or an approved deferral's end, 第六十六条). */
  dueDate: string;
  /** The day the fine was paid, or the as-of day for an unpaid fine. */
  paidOn: string;
  /** 复议 or 诉讼 periods, inclusive dates: no surcharge accrues in them (第七十三条第三款). */
  excludedPeriods?: readonly ExcludedPeriod[];
};

/** Natural days of 加处罚款 after dueDate up to and including paidOn, minus excluded days. */
export function lateFeeDays({
  dueDate,
  paidOn,
  excludedPeriods = [],
}: Omit<LateFeeInput, 'fineFen'>): number {
  for (const period of excludedPeriods) {
    parseIsoDate(period.from);
    parseIsoDate(period.to);
  }
  const overdue = daysBetween(dueDate, paidOn);
  let days = 0;
  for (let k = 1; k <= overdue; k += 1) {
    const day = addCalendarDays(dueDate, k);
    // ISO dates compare as strings.
    if (!excludedPeriods.some((period) => period.from <= day && day <= period.to)) days += 1;
  }
  return days;
}

const [dailyRate, capRate] = legalRules['XZCF-72'].threshold;

/**
 * 加处罚款 (行政处罚法第七十二条): 3 % of the fine per natural day after the due date, never more than the fine.
 * The total is rounded to the nearest fen (half up).
 */
export function lateFeeFen(input: LateFeeInput): number {
  assertFen(input.fineFen, '罚款金额');
  const days = lateFeeDays(input);
  const capFen = Math.floor((input.fineFen * capRate.value) / 100);
  // Past the cap the day count no longer matters, which also keeps the product below 2^53.
  if (days * dailyRate.value >= capRate.value) return capFen;
  return Math.min(capFen, Math.round((input.fineFen * dailyRate.value * days) / 100));
}

/** Per-party-kind amounts in fen. */
export type AmountByPartyKind = Record<PartyKind, number>;

export type HearingThresholds = {
  /** 较大数额罚款: a fine at or above this offers a hearing. */
  fineFen: AmountByPartyKind;
  /** 没收较大数额违法所得、较大价值非法财物. */
  confiscationFen: AmountByPartyKind;
  confidence: 'V' | 'S' | 'U';
  citation: string;
};

// 较大数额 is set by provincial or department rules (legal-rules.md XZCF-63); these are common values, unverified.
export const defaultHearingThresholds: HearingThresholds = {
  fineFen: { person: 1_000_000, organisation: 10_000_000 },
  confiscationFen: { person: 1_000_000, organisation: 10_000_000 },
  confidence: 'U',
  citation: '行政处罚法第六十三条（较大数额标准为可配置默认值，待按本省规定核实）',
};

export type HearingInput = {
  partyKind: PartyKind;
  fineFen?: number;
  /** Value of the illegal income and property to be confiscated. */
  confiscationFen?: number;
  penaltyKinds: readonly PenaltyKind[];
  /** 第六十三条第一款第（五）、（六）项: other heavy penalties, or a rule that grants a hearing. */
  otherGround?: boolean;
};

const hearingPenaltyKinds: readonly PenaltyKind[] = [
  'lowerQualification',
  'revokeLicence',
  'suspendProduction',
  'orderClosure',
  'restrictPractice',
];

/** The grounds of 行政处罚法第六十三条 that the intended penalty meets, as Chinese labels. */
export function hearingGrounds(input: HearingInput, thresholds = defaultHearingThresholds): string[] {
  const grounds: string[] = [];
  const { partyKind, fineFen, confiscationFen } = input;
  if (fineFen !== undefined) assertFen(fineFen, '罚款金额');
  if (confiscationFen !== undefined) assertFen(confiscationFen, '没收金额');
  const fineLimit = thresholds.fineFen[partyKind];
  if (input.penaltyKinds.includes('fine') && fineFen !== undefined && fineFen >= fineLimit) {
    grounds.push(`较大数额罚款（${formatYuan(fineLimit)}以上，第六十三条第一款第（一）项）`);
  }
  const confiscationLimit = thresholds.confiscationFen[partyKind];
  if (confiscationFen !== undefined && confiscationFen >= confiscationLimit) {
    grounds.push(
      `没收较大数额违法所得或者较大价值非法财物（${formatYuan(confiscationLimit)}以上，第（二）项）`,
    );
  }
  for (const kind of input.penaltyKinds) {
    if (hearingPenaltyKinds.includes(kind)) grounds.push(`${penaltyKindLabels[kind]}（第六十三条第一款）`);
  }
  if (input.otherGround)
    grounds.push('其他较重的行政处罚或者法律、法规、规章规定的其他情形（第（五）、（六）项）');
  return grounds;
}

/** 行政处罚法第六十三条: whether the notice must tell the party of the right to a hearing. */
export function isHearingOffered(input: HearingInput, thresholds = defaultHearingThresholds): boolean {
  return hearingGrounds(input, thresholds).length > 0;
}

export type MajorDecisionFacts = {
  partyKind: PartyKind;
  fineFen?: number;
  confiscationFen?: number;
  penaltyKinds: readonly PenaltyKind[];
  hearingHeld?: boolean;
  involvesMajorPublicInterest?: boolean;
  /** 案件情况疑难复杂、涉及多个法律关系. */
  isComplex?: boolean;
  mayCauseMajorSocialImpact?: boolean;
  requiredByLaw?: boolean;
};

export type MajorDecisionFlag = Exclude<
  {
    [K in keyof MajorDecisionFacts]: MajorDecisionFacts[K] extends boolean | undefined ? K : never;
  }[keyof MajorDecisionFacts],
  undefined
>;

export type MajorDecisionCriterion = {
  id: string;
  label: string;
  citation: string;
  confidence: 'V' | 'S' | 'U';
} & (
  | { test: 'flag'; flag: MajorDecisionFlag }
  | { test: 'penaltyKind'; kinds: readonly PenaltyKind[] }
  | { test: 'fineAtLeast'; fen: AmountByPartyKind }
  | { test: 'confiscationAtLeast'; fen: AmountByPartyKind }
);

// 第五十八条 items (V) first; then the 重大执法决定 items of 国办发〔2018〕118号 and local lists (U, configurable).
// prettier-ignore
export const defaultMajorDecisionCriteria: readonly MajorDecisionCriterion[] = [
  { id: 'publicInterest', test: 'flag', flag: 'involvesMajorPublicInterest', label: '涉及重大公共利益', citation: '行政处罚法第五十八条第一款第（一）项', confidence: 'V' },
  { id: 'hearingHeld', test: 'flag', flag: 'hearingHeld', label: '直接关系当事人或者第三人重大权益，经过听证程序', citation: '行政处罚法第五十八条第一款第（二）项', confidence: 'V' },
  { id: 'complex', test: 'flag', flag: 'isComplex', label: '案件情况疑难复杂、涉及多个法律关系', citation: '行政处罚法第五十八条第一款第（三）项', confidence: 'V' },
  { id: 'requiredByLaw', test: 'flag', flag: 'requiredByLaw', label: '法律、法规规定应当进行法制审核', citation: '行政处罚法第五十八条第一款第（四）项', confidence: 'V' },
  { id: 'socialImpact', test: 'flag', flag: 'mayCauseMajorSocialImpact', label: '可能造成重大社会影响或者引发社会风险', citation: '国办发〔2018〕118号（原文未核实）', confidence: 'U' },
  { id: 'largeFine', test: 'fineAtLeast', fen: defaultHearingThresholds.fineFen, label: '较大数额罚款', citation: '重大执法决定目录（地方规定，默认值待核实）', confidence: 'U' },
  { id: 'largeConfiscation', test: 'confiscationAtLeast', fen: defaultHearingThresholds.confiscationFen, label: '没收较大数额违法所得或者较大价值非法财物', citation: '重大执法决定目录（地方规定，默认值待核实）', confidence: 'U' },
  { id: 'heavyPenalty', test: 'penaltyKind', kinds: ['lowerQualification', 'revokeLicence', 'suspendProduction', 'orderClosure', 'restrictPractice'], label: '降低资质等级、吊销许可证件、责令停产停业、责令关闭或者限制从业', citation: '重大执法决定目录（地方规定，待核实）', confidence: 'U' },
];

export type MatchedCriterion = { id: string; label: string; citation: string };

function meets(criterion: MajorDecisionCriterion, facts: MajorDecisionFacts): boolean {
  switch (criterion.test) {
    case 'flag':
      return facts[criterion.flag] === true;
    case 'penaltyKind':
      return facts.penaltyKinds.some((kind) => criterion.kinds.includes(kind));
    case 'fineAtLeast':
      return facts.penaltyKinds.includes('fine') && (facts.fineFen ?? 0) >= criterion.fen[facts.partyKind];
    case 'confiscationAtLeast':
      return (facts.confiscationFen ?? 0) >= criterion.fen[facts.partyKind];
  }
}

/** The 重大执法决定 criteria a case meets; any match makes 法制审核 mandatory before the decision (第五十八条). */
export function isMajorDecision(
  facts: MajorDecisionFacts,
  criteria: readonly MajorDecisionCriterion[] = defaultMajorDecisionCriteria,
): MatchedCriterion[] {
  if (facts.fineFen !== undefined) assertFen(facts.fineFen, '罚款金额');
  if (facts.confiscationFen !== undefined) assertFen(facts.confiscationFen, '没收金额');
  return criteria
    .filter((criterion) => meets(criterion, facts))
    .map(({ id, label, citation }) => ({ id, label, citation }));
}
