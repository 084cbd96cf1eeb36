// The discretion benchmark (裁量基准, 行政处罚法第三十四条): catalog, fine-text reading, and the proposed range.
import {
  applicableMitigations,
  columnIndex,
  parseCsv,
  type CaseCircumstances,
  type CatalogError,
} from './mitigation.ts';
import {
  amountFen,
  assertFen,
  formatYuan,
  parseChineseNumber,
  type FenRange,
  type PenaltyKind,
} from './penalties.ts';

export type DiscretionTierKind = 'none' | 'exempt' | 'mitigated' | 'lighter' | 'ordinary' | 'heavier';

export const discretionTierLabels: Record<DiscretionTierKind, string> = {
  none: '不予处罚',
  exempt: '免予处罚',
  mitigated: '减轻处罚',
  lighter: '从轻处罚',
  ordinary: '一般',
  heavier: '从重处罚',
};

export type FineBase = 'illegalIncome' | 'goodsValue' | 'illegalTurnover';
export const fineBaseLabels: Record<FineBase, string> = {
  illegalIncome: '违法所得',
  goodsValue: '货值金额',
  illegalTurnover: '违法经营额',
};

/** A fine as written in a benchmark: fixed amounts in fen, or multiples of a base (倍数罚). */
export type Fine = {
  minFen?: number;
  maxFen?: number;
  multipleOf?: FineBase;
  minMultiple?: number;
  maxMultiple?: number;
  /** 违法所得不足一万元的，按一万元计算 → 1_000_000. */
  floorBaseFen?: number;
};

export type ParsedPenaltyText = { fine?: Fine; warning: boolean; otherPenalties: PenaltyKind[] };

export type DiscretionTier = {
  tier: DiscretionTierKind;
  /** 裁量阶次 as printed. */
  label: string;
  circumstances: string;
  standard: string;
  fine?: Fine;
  warning: boolean;
  otherPenalties: PenaltyKind[];
  isPartial: boolean;
  line: number;
};

export type ViolationType = {
  id: string;
  sourceId: string;
  document: string;
  specialty: string;
  sequence: string | null;
  title: string;
  legalBasis: string;
  penaltyBasis: string;
  tiers: DiscretionTier[];
  line: number;
};

const num = '[0-9零〇一二两三四五六七八九十百千万][0-9.,零〇一二两三四五六七八九十百千万]*';
const base = '(违法所得|货值金额|货值|违法经营金额|违法经营额)';
const baseKinds: Record<string, FineBase> = {
  违法所得: 'illegalIncome',
  货值金额: 'goodsValue',
  货值: 'goodsValue',
  违法经营额: 'illegalTurnover',
  违法经营金额: 'illegalTurnover',
};
const rangeJoin = '(?:至|到|-|~|—)';
type Groups = (string | undefined)[];

// prettier-ignore
const otherPenaltyPatterns: readonly [PenaltyKind, RegExp][] = [
  ['circulatedCriticism', /通报批评/],
  ['confiscateIllegalIncome', /没收(违法所得|非法所得)/],
  ['confiscateIllegalProperty', /没收[^,;。]*?(非法财物|药品|医疗器械|器械|工具|设备|物品|产品|器具)/],
  ['suspendLicence', /暂扣/],
  ['lowerQualification', /降低资质等级/],
  ['revokeLicence', /吊销/],
  ['restrictProduction', /限制开展生产经营活动/],
  ['suspendProduction', /停产停业|停业整顿|责令停业/],
  ['orderClosure', /责令关闭/],
  ['restrictPractice', /限制从业|禁止从业/],
];

/**
 * Reads a fine and other penalties from benchmark or statute wording ('处5000元以上1万元以下罚款',
 * '并处违法所得5倍以下罚款，违法所得不足一万元的，按一万元计算', '警告'). Returns null when the text
 * is not a penalty, names more than one fine, or has an amount it cannot place: it never guesses.
 */
export function parseFineRange(text: string): ParsedPenaltyText | null {
  let s = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\(含\)|人民币/g, '');
  if (s === '' || /(不予|免予|免于)(行政)?(处罚|罚款|警告)/.test(s)) return null;
  const fines: Fine[] = [];
  let floorBaseFen: number | undefined;
  // Each reading replaces what it read with '§', so a later, looser pattern cannot read it again.
  const take = (pattern: string, build: (m: Groups) => Fine | null): boolean => {
    let ok = true;
    s = s.replace(new RegExp(pattern, 'g'), (...args: unknown[]) => {
      const fine = build(args.slice(0, -2) as Groups);
      if (fine === null) ok = false;
      else fines.push(fine);
      return '§';
    });
    return ok;
  };
  const floor = new RegExp(`${base}?不足(${num})元的?,?(?:按|以)(${num})元计(?:算)?`).exec(s);
  if (floor) {
    const [below, counted] = [amountFen(floor[2] ?? ''), amountFen(floor[3] ?? '')];
    if (below === null || below !== counted) return null;
    floorBaseFen = counted;
    s = s.replace(floor[0], '§');
  }
  const multiple = (m: Groups, min?: string, max?: string): Fine | null => {
    const minMultiple = min === undefined ? undefined : parseChineseNumber(min);
    const maxMultiple = max === undefined ? undefined : parseChineseNumber(max);
    if (minMultiple === null || maxMultiple === null) return null;
    return {
      multipleOf: baseKinds[m[1] ?? ''],
      ...(min ? { minMultiple } : {}),
      ...(max ? { maxMultiple } : {}),
    };
  };
  const amounts = (min?: string, max?: string): Fine | null => {
    const minFen = min === undefined ? undefined : amountFen(min);
    const maxFen = max === undefined ? undefined : amountFen(max);
    if (minFen === null || maxFen === null) return null;
    return { ...(min ? { minFen } : {}), ...(max ? { maxFen } : {}) };
  };
  // '1至3万元': the 万 of the upper bound also applies to the lower one.
  const lower = (min: string, hasYuan: boolean, max: string): string =>
    !hasYuan && max.endsWith('万') && !min.includes('万') ? `${min}万` : min;
  const ok = [
    take(`${base}的?(${num})倍以上[、,]?(${num})倍以下`, (m) => multiple(m, m[2], m[3])),
    take(`${base}的?(${num})倍${rangeJoin}(${num})倍`, (m) => multiple(m, m[2], m[3])),
    take(`${base}的?(${num})倍以下`, (m) => multiple(m, undefined, m[2])),
    take(`${base}的?(${num})倍以上`, (m) => multiple(m, m[2])),
    take(`${base}的?(${num})倍`, (m) => multiple(m, m[2], m[2])),
    take(`(${num})(元)?以上[、,]?(${num})元以下`, (m) =>
      amounts(lower(m[1] ?? '', !!m[2], m[3] ?? ''), m[3]),
    ),
    take(`(${num})(元)?${rangeJoin}(${num})元`, (m) => amounts(lower(m[1] ?? '', !!m[2], m[3] ?? ''), m[3])),
    take(`(?:不超过|不高于)(${num})元|(${num})元(?:以下|以内)`, (m) => amounts(undefined, m[1] ?? m[2])),
    take(`(${num})元以上`, (m) => amounts(m[1])),
    take(`罚款(${num})元|(${num})元的?罚款`, (m) => amounts(m[1] ?? m[2], m[1] ?? m[2])),
  ].every(Boolean);
  // An amount or multiple left unread, or two fines, is a text this reader does not understand.
  if (!ok || fines.length > 1 || new RegExp(`${num}(元|倍)`).test(s)) return null;
  const fine = fines[0];
  if (fine && (fine.minFen ?? 0) > (fine.maxFen ?? Infinity)) return null;
  if (fine && (fine.minMultiple ?? 0) > (fine.maxMultiple ?? Infinity)) return null;
  if (floorBaseFen !== undefined && fine?.multipleOf === undefined) return null;
  const warning = /警告/.test(s);
  const otherPenalties = otherPenaltyPatterns.filter(([, pattern]) => pattern.test(s)).map(([kind]) => kind);
  if (!fine && (/罚款/.test(s) || (!warning && otherPenalties.length === 0))) return null;
  return {
    ...(fine ? { fine: floorBaseFen === undefined ? fine : { ...fine, floorBaseFen } } : {}),
    warning,
    otherPenalties,
  };
}

// prettier-ignore
const tierKinds: Record<string, DiscretionTierKind> = { 不予: 'none', 免予: 'exempt', 免于: 'exempt', 减轻: 'mitigated', 从轻: 'lighter', 一般: 'ordinary', 从重: 'heavier' };

/** 裁量阶次 as printed → tier; null for a label outside 不予/免予/减轻/从轻/一般/从重. */
export function tierKindOf(label: string): DiscretionTierKind | null {
  const core = label.trim().replace(/(行政)?(处罚|处理)$/, '');
  return tierKinds[core] ?? null;
}

// prettier-ignore
const discretionColumns = {
  sourceId: 'source_id', document: '文件', specialty: '专业', sequence: '序号', title: '违法行为',
  combinedBasis: '法律依据与处罚依据', legalBasis: '法律依据', penaltyBasis: '处罚依据', tier: '裁量阶次',
  circumstances: '适用情形', standard: '裁量标准或罚款幅度',
} as const;
type DiscretionColumn = keyof typeof discretionColumns;

/**
 * Reads the layout of catalogs/discretion_benchmarks.csv into violation types (rows grouped by source, 专业,
 * 序号 and 违法行为). A row that cannot be read is reported with its line and column, never guessed.
 */
export function parseDiscretionCsv(text: string): { violations: ViolationType[]; errors: CatalogError[] } {
  const { records, errors } = parseCsv(text);
  const [header, ...rows] = records;
  if (!header) return { violations: [], errors: [...errors, { line: 1, field: '', message: '文件为空' }] };
  const index = Object.fromEntries(
    Object.entries(discretionColumns).map(([key, name]) => [key, columnIndex(header.fields, name)]),
  ) as Record<DiscretionColumn, number>;
  const fail = (line: number, field: string, message: string): number =>
    errors.push({ line, field, message });
  const missing = (['title', 'tier', 'standard'] as const).filter((key) => index[key] < 0);
  for (const key of missing) fail(header.line, discretionColumns[key], `缺少“${discretionColumns[key]}”列`);
  if (missing.length > 0) return { violations: [], errors };
  const byKey = new Map<string, ViolationType>();
  const perSource = new Map<string, number>();
  for (const { line, fields } of rows) {
    const cell = (key: DiscretionColumn): string => (index[key] < 0 ? '' : (fields[index[key]] ?? '').trim());
    const title = cell('title');
    if (title === '') {
      fail(line, '违法行为', '违法行为为空');
      continue;
    }
    const sourceId = cell('sourceId') || 'LOCAL';
    const key = [sourceId, cell('specialty'), cell('sequence'), title].join('\u0000');
    let violation = byKey.get(key);
    if (!violation) {
      const ordinal = (perSource.get(sourceId) ?? 0) + 1;
      perSource.set(sourceId, ordinal);
      // The catalog has one column for both bases; both fields carry it until a layout separates them.
      const combined = cell('combinedBasis');
      violation = {
        id: `${sourceId}:${ordinal}`,
        sourceId,
        document: cell('document'),
        specialty: cell('specialty'),
        sequence: cell('sequence') || null,
        title,
        legalBasis: cell('legalBasis') || combined,
        penaltyBasis: cell('penaltyBasis') || combined,
        tiers: [],
        line,
      };
      byKey.set(key, violation);
    }
    const label = cell('tier');
    const tier = tierKindOf(label);
    if (tier === null) {
      fail(line, '裁量阶次', `无法识别的裁量阶次“${label}”（应为不予、免予、减轻、从轻、一般或从重）`);
      continue;
    }
    const standard = cell('standard');
    const isPartial = /PARTIAL|\[…\]/.test(fields.join('|'));
    const noPenalty = tier === 'none' || tier === 'exempt';
    const parsed = noPenalty || standard === '' ? null : parseFineRange(standard);
    if (!noPenalty && standard === '' && !isPartial) fail(line, '裁量标准或罚款幅度', '裁量标准为空');
    if (!noPenalty && standard !== '' && parsed === null) {
      fail(line, '裁量标准或罚款幅度', `无法识别罚款幅度“${standard}”，请人工核对`);
    }
    violation.tiers.push({
      tier,
      label,
      circumstances: cell('circumstances'),
      standard,
      ...(parsed?.fine ? { fine: parsed.fine } : {}),
      warning: parsed?.warning ?? false,
      otherPenalties: parsed?.otherPenalties ?? [],
      isPartial,
      line,
    });
  }
  return { violations: [...byKey.values()], errors };
}

export type DiscretionCircumstances = CaseCircumstances & {
  /** The officer's choice of tier; a mandatory no-penalty ground (第三十三条) still prevails. */
  tierHint?: DiscretionTierKind;
};

export type DiscretionFacts = {
  illegalIncomeFen?: number;
  goodsValueFen?: number;
  illegalTurnoverFen?: number;
};

export type DiscretionProposal = {
  tier: DiscretionTierKind;
  rangeFen: FenRange | null;
  standard: string;
  reasons: string[];
  /** For 不予/免予: the tier and range the act would otherwise fall in (the base of 包容免罚金额). */
  baseline?: { tier: DiscretionTierKind; rangeFen: FenRange | null };
};

function tierRange(tier: DiscretionTier, facts: DiscretionFacts, reasons: string[]): FenRange | null {
  if (tier.tier === 'none' || tier.tier === 'exempt') return { min: 0, max: 0 };
  const fine = tier.fine;
  if (!fine) {
    if (tier.warning) return { min: 0, max: 0 };
    reasons.push(`裁量标准“${tier.standard}”中未识别出罚款幅度`);
    return null;
  }
  if (fine.multipleOf) {
    const label = fineBaseLabels[fine.multipleOf];
    const amount = facts[`${fine.multipleOf}Fen`];
    if (amount === undefined) {
      reasons.push(`该阶次按${label}的倍数计算罚款，请先录入${label}`);
      return null;
    }
    assertFen(amount, label);
    const counted = Math.max(amount, fine.floorBaseFen ?? 0);
    if (counted !== amount) reasons.push(`${label}不足${formatYuan(counted)}，按${formatYuan(counted)}计算`);
    if (fine.maxMultiple === undefined) {
      reasons.push('裁量标准未给出倍数上限');
      return null;
    }
    return {
      min: Math.round((fine.minMultiple ?? 0) * counted),
      max: Math.round(fine.maxMultiple * counted),
    };
  }
  if (fine.maxFen === undefined) {
    reasons.push('裁量标准未给出罚款上限');
    return null;
  }
  return { min: fine.minFen ?? 0, max: fine.maxFen };
}

type TierRange = { rangeFen: FenRange | null; standard: string };

function rangeOfTier(
  violation: ViolationType,
  kind: DiscretionTierKind,
  facts: DiscretionFacts,
  reasons: string[],
): TierRange {
  const candidates = violation.tiers.filter((tier) => tier.tier === kind);
  const standard = candidates.map((tier) => tier.standard).join('；');
  if (kind === 'none' || kind === 'exempt') return { rangeFen: { min: 0, max: 0 }, standard };
  if (candidates.length === 0) {
    reasons.push(`裁量基准未列出“${discretionTierLabels[kind]}”阶次，请按法定幅度裁量并说明理由`);
    return { rangeFen: null, standard };
  }
  if (candidates.length > 1)
    reasons.push(`该阶次有${candidates.length}种适用情形，幅度为其合并范围，请按适用情形选择`);
  const ranges = candidates.map((tier) => tierRange(tier, facts, reasons));
  if (ranges.some((range) => range === null)) return { rangeFen: null, standard };
  const known = ranges as FenRange[];
  const rangeFen = { min: Math.min(...known.map((r) => r.min)), max: Math.max(...known.map((r) => r.max)) };
  return { rangeFen, standard };
}

// Statutory no-penalty grounds in order of precedence; [rule, reason, mandatory (应当) or not (可以)].
const noPenaltyGrounds: readonly (readonly [string, string, boolean])[] = [
  ['XZCF-33-3', '当事人有证据足以证明没有主观过错，不予行政处罚（行政处罚法第三十三条第二款）', true],
  ['XZCF-33-1', '违法行为轻微并及时改正，没有造成危害后果，不予行政处罚（行政处罚法第三十三条第一款）', true],
  ['XZCF-33-2', '初次违法且危害后果轻微并及时改正，可以不予行政处罚（行政处罚法第三十三条第一款）', false],
];

/** The tier the circumstances point to, and its range in fen, with the reasons in Chinese. */
export function proposeDiscretion(
  violation: ViolationType,
  circumstances: DiscretionCircumstances,
  facts: DiscretionFacts = {},
): DiscretionProposal {
  const matches = applicableMitigations([], circumstances);
  const met = (id: string): boolean => matches.some((m) => m.rule.id === id && m.status === 'met');
  const mitigating = met('XZCF-32');
  const aggravating = circumstances.aggravatingFactors ?? [];
  const hint = circumstances.tierHint;
  let baselineKind: DiscretionTierKind = 'ordinary';
  let reasons: string[] = [];
  if (mitigating) {
    baselineKind = 'lighter';
    reasons.push('具有行政处罚法第三十二条规定的情形，应当从轻或者减轻处罚');
    if (aggravating.length > 0)
      reasons.push(`同时具有从重情节（${aggravating.join('；')}），请在从轻幅度内综合考虑`);
  } else if (aggravating.length > 0) {
    baselineKind = 'heavier';
    reasons.push(`具有从重情节：${aggravating.join('；')}`);
  }
  let kind: DiscretionTierKind = baselineKind;
  const mandatory = noPenaltyGrounds.find(([id, , isMandatory]) => isMandatory && met(id));
  const optional = noPenaltyGrounds.find(([id, , isMandatory]) => !isMandatory && met(id));
  if (mandatory) {
    [kind, reasons] = ['none', [mandatory[1]]];
    if (hint && hint !== 'none')
      reasons.push(`不予处罚为法定情形，不采用所选的“${discretionTierLabels[hint]}”阶次`);
  } else if (hint) {
    [kind, reasons] = [hint, [`执法人员选择“${discretionTierLabels[hint]}”阶次`]];
    if (mitigating && (hint === 'ordinary' || hint === 'heavier'))
      reasons.push('注意：具有第三十二条情形，应当从轻或者减轻处罚');
  } else if (optional) {
    [kind, reasons] = ['none', [optional[1]]];
  }
  const { rangeFen, standard } = rangeOfTier(violation, kind, facts, reasons);
  if (kind !== 'none' && kind !== 'exempt') return { tier: kind, rangeFen, standard, reasons };
  reasons.push('不予处罚的，应当对当事人进行教育（行政处罚法第三十三条第三款）');
  const baseline = { tier: baselineKind, rangeFen: rangeOfTier(violation, baselineKind, facts, []).rangeFen };
  return { tier: kind, rangeFen, standard, reasons, baseline };
}

export type RangeCheck = { within: boolean; needsReason: boolean; flagForLegalReview: boolean };

/** A fine outside the benchmark range (or with no range) needs a written reason and goes to 法制审核. */
export function checkPenaltyAgainstRange(range: FenRange | null, proposedFen: number): RangeCheck {
  assertFen(proposedFen, '拟处罚款金额');
  const within = range !== null && proposedFen >= range.min && proposedFen <= range.max;
  return { within, needsReason: !within, flagForLegalReview: !within };
}

/**
 * A proposed fine against the violation's benchmark, in the tier the officer chose (else the ordinary tier):
 * the 合议 guard asks for a reason when it falls outside, and the flags then send the case to 法制审核.
 */
export function fineAgainstBenchmark(
  violation: ViolationType,
  fineFen: number,
  tierHint?: DiscretionTierKind,
): RangeCheck & { rangeFen: FenRange | null } {
  const { rangeFen } = proposeDiscretion(violation, { tierHint: tierHint ?? 'ordinary' });
  return { ...checkPenaltyAgainstRange(rangeFen, fineFen), rangeFen };
}
