// One row of an entity import file (CSV or .xlsx): which column holds which field, and the row as EntityInput.
import { validateUscc } from '../platform/identifiers.ts';
import {
  EntityInput,
  areaCodePattern,
  creditLevels,
  entityCategories,
  entityTextLimits,
  type CreditLevel,
  entityStatusLabels,
  riskLevelLabels,
  type EntityStatus,
  type RiskLevel,
} from './payloads.ts';

export type EntityField = keyof EntityInput;

/** The header of each field in the import template, then the other names accepted for it. */
export const entityImportHeaders: Record<EntityField, readonly string[]> = {
  uscc: ['统一社会信用代码'],
  name: ['单位名称', '名称', '机构名称'],
  category: ['类别', '对象类别'],
  areaCode: ['行政区划代码', '区划代码'],
  address: ['地址', '经营地址'],
  legalRepresentative: ['法定代表人（负责人）', '法定代表人', '负责人'],
  riskLevel: ['风险等级'],
  creditLevel: ['信用等级'],
  status: ['状态', '经营状态'],
};
const requiredFields: EntityField[] = ['uscc', 'name', 'category', 'areaCode'];
const fields = Object.keys(entityImportHeaders) as EntityField[];
const columnName = (field: EntityField) => entityImportHeaders[field][0]!;

export type EntityColumns = Record<EntityField, number>;

/** Finds each field's column in the header row; names the required columns that are missing. */
export function mapEntityColumns(header: readonly string[]): { columns: EntityColumns; missing: string[] } {
  const names = header.map((cell) => cell.trim().replace(/^\uFEFF/, ''));
  const columns = Object.fromEntries(
    fields.map((field) => [field, names.findIndex((name) => entityImportHeaders[field].includes(name))]),
  ) as EntityColumns;
  return { columns, missing: requiredFields.filter((f) => columns[f] < 0).map(columnName) };
}

// Files carry the Chinese labels; the codes are what the directory stores.
const labelsToCodes = <T extends string>(labels: Record<T, string>, extra: Record<string, T>) =>
  new Map<string, T>([
    ...(Object.entries(labels) as [T, string][]).flatMap(([code, label]): [string, T][] => [
      [label, code],
      [code, code],
    ]),
    ...Object.entries(extra),
  ]);
const riskCodes = labelsToCodes<RiskLevel>(riskLevelLabels, { 低: 'low', 中: 'medium', 高: 'high' });
const statusCodes = labelsToCodes<EntityStatus>(entityStatusLabels, {
  在营: 'active',
  存续: 'active',
  歇业: 'suspended',
  关闭: 'closed',
  吊销: 'closed',
});
const creditCodes = new Map<string, string>(
  creditLevels.flatMap((c) => [[c, c] as const, [`${c}级`, c] as const]),
);

/** The cell's text, or undefined for an empty cell; a label not in the map is passed on for zod to refuse. */
const coded = (map: ReadonlyMap<string, string>, text: string | undefined) =>
  text ? (map.get(text) ?? map.get(text.toUpperCase()) ?? text) : undefined;

export type EntityRowResult = { ok: true; entity: EntityInput } | { ok: false; reasons: string[] };

const categorySet = new Set<string>(entityCategories);
const fits = (text: string | undefined, max: number) => text === undefined || text.length <= max;

/**
 * The common row without zod (a million rows through EntityInput cost ~20 s): every cell plainly valid by the same
 * checks and limits EntityInput uses, or null, and then EntityInput decides and words the reasons. A test holds
 * the two to the same answers.
 */
function plainlyValidRow(cell: (field: EntityField) => string | undefined): EntityInput | null {
  const uscc = cell('uscc')?.toUpperCase();
  const name = cell('name');
  const category = cell('category');
  const areaCode = cell('areaCode');
  const address = cell('address');
  const legalRepresentative = cell('legalRepresentative');
  const risk = cell('riskLevel');
  const credit = cell('creditLevel');
  const status = cell('status');
  const riskLevel = risk === undefined ? null : riskCodes.get(risk);
  const creditLevel = credit === undefined ? null : creditCodes.get(credit.toUpperCase());
  const statusCode = status === undefined ? 'active' : statusCodes.get(status);
  if (
    uscc === undefined ||
    validateUscc(uscc) !== true ||
    name === undefined ||
    !fits(name, entityTextLimits.name) ||
    category === undefined ||
    !categorySet.has(category) ||
    areaCode === undefined ||
    !areaCodePattern.test(areaCode) ||
    !fits(address, entityTextLimits.address) ||
    !fits(legalRepresentative, entityTextLimits.legalRepresentative) ||
    riskLevel === undefined ||
    creditLevel === undefined ||
    statusCode === undefined
  )
    return null;
  return {
    uscc,
    name,
    category: category as EntityInput['category'],
    areaCode,
    address: address ?? null,
    legalRepresentative: legalRepresentative ?? null,
    riskLevel,
    creditLevel: creditLevel as CreditLevel | null,
    status: statusCode,
  };
}

/**
 * Validates one data row with the same rules as the entry form; each reason names its column. `fast: false` skips
 * the fast path (the test compares both).
 */
export function readEntityRow(
  cells: readonly string[],
  columns: EntityColumns,
  options: { fast: boolean } = { fast: true },
): EntityRowResult {
  const cell = (field: EntityField) => {
    const text = columns[field] < 0 ? '' : (cells[columns[field]] ?? '').trim();
    return text === '' ? undefined : text;
  };
  const plain = options.fast ? plainlyValidRow(cell) : null;
  if (plain) return { ok: true, entity: plain };
  const parsed = EntityInput.safeParse({
    uscc: cell('uscc') ?? '',
    name: cell('name') ?? '',
    category: cell('category') ?? '',
    areaCode: cell('areaCode') ?? '',
    address: cell('address') ?? null,
    legalRepresentative: cell('legalRepresentative') ?? null,
    riskLevel: coded(riskCodes, cell('riskLevel')) ?? null,
    creditLevel: coded(creditCodes, cell('creditLevel')) ?? null,
    status: coded(statusCodes, cell('status')),
  });
  if (parsed.success) return { ok: true, entity: parsed.data };
  return {
    ok: false,
    reasons: parsed.error.issues.map((issue) => {
      const field = issue.path[0] as EntityField;
      const name = columnName(field);
      // validateUscc's messages already start with the column's name.
      return `${name}：${issue.message.startsWith(name) ? issue.message.slice(name.length) : issue.message}`;
    }),
  };
}
