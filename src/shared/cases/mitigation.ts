// The mitigation list (减免清单): statutory no-penalty and lighter-penalty grounds, local lists, and their checks.
import { assertFen, type FenRange } from './penalties.ts';

export { columnIndex, parseCsv, type CatalogError, type CsvRecord } from '../platform/csv.ts';
import { columnIndex, parseCsv, type CatalogError } from '../platform/csv.ts';

/** 违法行为轻微、及时改正 …: what a case record says about the act; undefined means not yet established. */
export type HarmLevel = 'none' | 'minor' | 'serious';
/** 行政处罚法第三十二条第（一）至（五）项. */
export type MitigatingFactor = 'eliminatedHarm' | 'coerced' | 'confessed' | 'meritorious' | 'otherStatutory';

export type CaseCircumstances = {
  isMinorViolation?: boolean;
  isFirstOffence?: boolean;
  correctedInTime?: boolean;
  harm?: HarmLevel;
  /** false only when the party has proved it had no fault (第三十三条第二款). */
  hasSubjectiveFault?: boolean;
  mitigatingFactors?: readonly MitigatingFactor[];
  aggravatingFactors?: readonly string[];
};

export type MitigationListKind =
  | 'notPenalised'
  | 'firstOffenceNotPenalised'
  | 'minorNotPenalised'
  | 'noFaultNotPenalised'
  | 'lighterOrMitigated';

export const mitigationListKindLabels: Record<MitigationListKind, string> = {
  notPenalised: '不予处罚',
  firstOffenceNotPenalised: '首违不罚',
  minorNotPenalised: '轻微不罚',
  noFaultNotPenalised: '无主观过错不罚',
  lighterOrMitigated: '从轻减轻',
};

export type MitigationRule = {
  id: string;
  listKind: MitigationListKind;
  /** The tier it leads to: none = 不予处罚; lighter = 从轻; mitigated = 减轻. */
  outcome: 'none' | 'lighter' | 'mitigated';
  matter: string;
  basis: string;
  /** 情形 text as printed (the circumstance or the exemption described). */
  circumstance: string;
  conditions: string[];
  supervisionMeasures: string;
  source: { id: string; document: string; line: number | null };
  /** 应当 (shall) vs 可以 (may); set for statutory rules only. */
  mandatory?: boolean;
  /** Statutory rules apply to every violation. */
  appliesToAll?: boolean;
  isDraft: boolean;
  isPartial: boolean;
  /** Violation types an administrator linked to this rule. */
  violationTypeIds?: string[];
};

const statutory = { id: 'XZCF', document: '中华人民共和国行政处罚法（2021修订）', line: null };
const educate = '对当事人进行教育（行政处罚法第三十三条第三款）';

/** 行政处罚法第三十二条、第三十三条 as rules (legal-rules.md §1c, confidence V). */
// prettier-ignore
export const statutoryMitigationRules: readonly MitigationRule[] = [
  { id: 'XZCF-33-1', listKind: 'minorNotPenalised', outcome: 'none', mandatory: true, matter: '违法行为轻微并及时改正，没有造成危害后果', basis: '行政处罚法第三十三条第一款：违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。', circumstance: '轻微不罚', conditions: ['违法行为轻微', '及时改正', '没有造成危害后果'], supervisionMeasures: educate, source: statutory, appliesToAll: true, isDraft: false, isPartial: false },
  { id: 'XZCF-33-2', listKind: 'firstOffenceNotPenalised', outcome: 'none', mandatory: false, matter: '初次违法且危害后果轻微并及时改正', basis: '行政处罚法第三十三条第一款：初次违法且危害后果轻微并及时改正的，可以不予行政处罚。', circumstance: '首违不罚', conditions: ['初次违法', '危害后果轻微', '及时改正'], supervisionMeasures: educate, source: statutory, appliesToAll: true, isDraft: false, isPartial: false },
  { id: 'XZCF-33-3', listKind: 'noFaultNotPenalised', outcome: 'none', mandatory: true, matter: '当事人有证据足以证明没有主观过错', basis: '行政处罚法第三十三条第二款：当事人有证据足以证明没有主观过错的，不予行政处罚。法律、行政法规另有规定的，从其规定。', circumstance: '无主观过错不罚', conditions: ['有证据足以证明没有主观过错'], supervisionMeasures: educate, source: statutory, appliesToAll: true, isDraft: false, isPartial: false },
  { id: 'XZCF-32', listKind: 'lighterOrMitigated', outcome: 'lighter', mandatory: true, matter: '具有应当从轻或者减轻行政处罚的法定情形', basis: '行政处罚法第三十二条：主动消除或者减轻违法行为危害后果的；受他人胁迫或者诱骗实施违法行为的；主动供述行政机关尚未掌握的违法行为的；配合行政机关查处违法行为有立功表现的；法律、法规、规章规定其他应当从轻或者减轻行政处罚的。', circumstance: '应当从轻或者减轻', conditions: ['具有第三十二条规定的情形之一'], supervisionMeasures: '', source: statutory, appliesToAll: true, isDraft: false, isPartial: false },
];

type Predicate = { label: string; pattern: RegExp; test: (c: CaseCircumstances) => boolean | undefined };

// Keyword readings of the condition wording used in the statute and in local lists; unknown wording is never guessed.
// prettier-ignore
const predicates: readonly Predicate[] = [
  { label: '违法行为轻微', pattern: /违法行为轻微|情节轻微/, test: (c) => c.isMinorViolation },
  { label: '初次违法', pattern: /初次违法|首次违法|首次被发现|首违/, test: (c) => c.isFirstOffence },
  { label: '及时改正', pattern: /及时改正|立即改正|期限内改正|按期改正/, test: (c) => c.correctedInTime },
  { label: '没有造成危害后果', pattern: /(没有|未|无)造成危害后果|无危害后果/, test: (c) => c.harm && c.harm === 'none' },
  { label: '危害后果轻微', pattern: /危害后果轻微/, test: (c) => c.harm && c.harm !== 'serious' },
  { label: '没有主观过错', pattern: /(没有|无)主观过错/, test: (c) => (c.hasSubjectiveFault === undefined ? undefined : !c.hasSubjectiveFault) },
  { label: '主动消除或者减轻危害后果', pattern: /主动消除或者?减轻(违法行为)?危害后果/, test: (c) => c.mitigatingFactors && c.mitigatingFactors.includes('eliminatedHarm') },
  { label: '第三十二条情形', pattern: /第三十二条规定的情形/, test: (c) => c.mitigatingFactors && c.mitigatingFactors.length > 0 },
];

export type ConditionStatus = 'met' | 'unmet' | 'unknown';
export type ConditionCheck = { text: string; status: ConditionStatus; recognised: string[] };

/** One condition: met when every fact it names holds, unmet when one does not, unknown when unrecognised or not yet established. */
export function checkCondition(text: string, circumstances: CaseCircumstances): ConditionCheck {
  const found = predicates.filter((predicate) => predicate.pattern.test(text));
  const results = found.map((predicate) => predicate.test(circumstances));
  const recognised = found.map((predicate) => predicate.label);
  if (results.includes(false)) return { text, status: 'unmet', recognised };
  if (found.length === 0 || results.includes(undefined)) return { text, status: 'unknown', recognised };
  return { text, status: 'met', recognised };
}

export type MitigationQuery = CaseCircumstances & {
  violationTypeId?: string;
  violationTitle?: string;
  /** 征求意见稿 lists are not in force; skipped unless asked for. */
  includeDrafts?: boolean;
};

export type MitigationMatch = { rule: MitigationRule; status: ConditionStatus; conditions: ConditionCheck[] };

// '对…的处罚' and '…的行为' wrap the same act in different lists; punctuation and book-title marks vary.
function normaliseMatter(text: string): string {
  return text
    .replace(/^对/, '')
    .replace(/(的)?(行政)?处罚$|(的)?行为$/, '')
    .replace(/[\s,，。;；:：、《》<>()（）“”"'…[\]]/g, '')
    .replace(/的$/, '');
}

function matchesViolation(rule: MitigationRule, query: MitigationQuery): boolean {
  if (rule.appliesToAll) return true;
  if (query.violationTypeId !== undefined && rule.violationTypeIds?.includes(query.violationTypeId))
    return true;
  if (!query.violationTitle) return false;
  const matter = normaliseMatter(rule.matter);
  const title = normaliseMatter(query.violationTitle);
  return matter.length > 0 && title.length > 0 && (matter.includes(title) || title.includes(matter));
}

const statusOrder: Record<ConditionStatus, number> = { met: 0, unknown: 1, unmet: 2 };

/**
 * The statutory rules plus the local rules for this violation, each with its conditions checked: met, unmet
 * or unknown (an officer confirms). Local conditions are matched by keywords, so the officer has the last word.
 */
export function applicableMitigations(
  rules: readonly MitigationRule[],
  query: MitigationQuery,
): MitigationMatch[] {
  const seen = new Set<string>();
  const matches: MitigationMatch[] = [];
  for (const rule of [...statutoryMitigationRules, ...rules]) {
    if (seen.has(rule.id) || (rule.isDraft && !query.includeDrafts) || !matchesViolation(rule, query))
      continue;
    seen.add(rule.id);
    const conditions = rule.conditions.map((text) => checkCondition(text, query));
    const statuses = conditions.map((check) => check.status);
    const status: ConditionStatus = statuses.includes('unmet')
      ? 'unmet'
      : statuses.length === 0 || statuses.includes('unknown')
        ? 'unknown'
        : 'met';
    matches.push({ rule, status, conditions });
  }
  return matches.sort((a, b) => statusOrder[a.status] - statusOrder[b.status]);
}

/** 包容免罚金额: the benchmark's lower bound minus the decided fine, never negative; 0 without a range. */
export function waivedAmountFen(range: FenRange | null, decidedFen: number): number {
  assertFen(decidedFen, '决定罚款金额');
  if (range === null) return 0;
  assertFen(range.min, '裁量下限');
  return Math.max(0, range.min - decidedFen);
}

function listKindOf(listType: string, circumstance: string): MitigationListKind | null {
  if (/首违/.test(circumstance)) return 'firstOffenceNotPenalised';
  if (/无主观过错|没有主观过错/.test(circumstance)) return 'noFaultNotPenalised';
  if (/轻微不罚/.test(circumstance)) return 'minorNotPenalised';
  if (/从轻|减轻/.test(listType)) return 'lighterOrMitigated';
  if (/轻微/.test(listType) && /不予|免罚/.test(listType)) return 'minorNotPenalised';
  if (/不予|免罚|免予/.test(listType)) return 'notPenalised';
  return null;
}

function splitConditions(text: string): string[] {
  return text
    .split(/[;；\n]|\s+(?=\d+[.、．])/)
    .map((part) => part.replace(/^\s*\d+\s*[.、．]\s*/, '').trim())
    .filter((part) => part !== '' && part !== '[…]');
}

const mitigationColumns = {
  sourceId: 'source_id',
  document: '文件',
  listType: '清单类型',
  sequence: '序号',
  matter: '事项或违法行为',
  basis: '处罚依据或实施依据',
  circumstance: '情形*',
  conditions: '适用条件',
  supervision: '配套监管措施',
} as const;

/** Reads the layout of catalogs/mitigation_lists.csv; rows with a missing 清单类型 or 事项 are reported, not guessed. */
export function parseMitigationCsv(text: string): { rules: MitigationRule[]; errors: CatalogError[] } {
  const { records, errors } = parseCsv(text);
  const [header, ...rows] = records;
  if (!header) return { rules: [], errors: [...errors, { line: 1, field: '', message: '文件为空' }] };
  const index = Object.fromEntries(
    Object.entries(mitigationColumns).map(([key, name]) => [key, columnIndex(header.fields, name)]),
  ) as Record<keyof typeof mitigationColumns, number>;
  for (const required of ['listType', 'matter'] as const) {
    if (index[required] < 0)
      errors.push({
        line: header.line,
        field: mitigationColumns[required],
        message: `缺少“${mitigationColumns[required]}”列`,
      });
  }
  if (index.listType < 0 || index.matter < 0) return { rules: [], errors };
  const rules: MitigationRule[] = [];
  const perSource = new Map<string, number>();
  for (const { line, fields } of rows) {
    const cell = (key: keyof typeof mitigationColumns): string =>
      index[key] < 0 ? '' : (fields[index[key]] ?? '').trim();
    const listType = cell('listType');
    const matter = cell('matter');
    const circumstance = cell('circumstance');
    if (matter === '') {
      errors.push({ line, field: '事项或违法行为', message: '事项或违法行为为空' });
      continue;
    }
    const listKind = listKindOf(listType, circumstance);
    if (listKind === null) {
      errors.push({ line, field: '清单类型', message: `无法识别的清单类型“${listType}”` });
      continue;
    }
    const sourceId = cell('sourceId') || 'LOCAL';
    const ordinal = (perSource.get(sourceId) ?? 0) + 1;
    perSource.set(sourceId, ordinal);
    const conditionText = cell('conditions');
    const kindOnly = /^(轻微不罚|首违不罚|无主观过错不罚)$/.test(circumstance);
    rules.push({
      id: `${sourceId}:${ordinal}`,
      listKind,
      outcome: listKind !== 'lighterOrMitigated' ? 'none' : /减轻/.test(listType) ? 'mitigated' : 'lighter',
      matter,
      basis: cell('basis'),
      circumstance,
      // Without a 适用条件 column value, the 情形 text is itself the condition (中山, 娄底, 和田 lists).
      conditions: splitConditions(conditionText !== '' || kindOnly ? conditionText : circumstance),
      supervisionMeasures: cell('supervision'),
      source: { id: sourceId, document: cell('document'), line },
      isDraft: /征求意见稿|草案/.test(listType),
      isPartial: /PARTIAL|\[…\]/.test(fields.join('|')),
    });
  }
  return { rules, errors };
}
