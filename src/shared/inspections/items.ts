// 检查事项清单 (random-inspection item lists): the CSV layout of catalogs/random_inspection_items.csv and payloads.
import { z } from 'zod';
import { PageQuery } from '../platform/pagination.ts';
import { columnIndex, parseCsv, type CatalogError } from '../platform/csv.ts';
import { entityCategories, type EntityCategory } from '../entities/payloads.ts';

export type InspectionItem = {
  /** `<source_id>-<序号>`: a re-import of the same list updates its rows. */
  code: string;
  title: string;
  content: string;
  targets: string;
  entityCategories: EntityCategory[];
  legalBasis: string;
  initiator: string;
  partners: string;
  method: string;
  ratio: string;
  frequency: string;
  level: string;
  source: string;
  isComplete: boolean;
};

const itemColumns = {
  source: 'source_id',
  number: '序号',
  title: '抽查类别或领域',
  content: '抽查事项或检查内容',
  targets: '检查对象',
  legalBasis: '抽查依据',
  initiator: '抽查主体或发起部门',
  partners: '配合部门',
  method: '抽查方式',
  ratio: '抽查比例或数量',
  frequency: '抽查频次或检查时间',
  level: '事项类别或层级',
  completeness: 'completeness',
} as const;
const requiredColumns: Array<keyof typeof itemColumns> = ['source', 'number', 'title', 'content'];

// Words of a 检查对象 description that name a directory category (住宿场所、沐浴场所 … are 公共场所).
const categoryWords: Array<[EntityCategory, RegExp]> = [
  ['医疗机构', /医疗机构|医院|诊所|卫生院/],
  ['公共场所', /公共场所|住宿|旅馆|沐浴|美发|美容|娱乐|游泳|体育场所|购物场所|等候场所/],
  ['生活饮用水供水单位', /供水单位|供水/],
  ['涉水产品', /涉水产品|涉及饮用水卫生安全产品/],
  ['消毒产品', /消毒产品/],
  ['学校', /学校/],
  ['托育机构', /托育|幼儿园|托幼/],
  ['职业病危害用人单位', /职业病|用人单位/],
  ['放射诊疗', /放射/],
  ['餐具饮具集中消毒服务单位', /餐具|饮具/],
];

/** The directory categories an item's 检查对象 (and, failing that, its title) names; empty when none. */
export function categoriesOfTargets(targets: string, title = ''): EntityCategory[] {
  const match = (text: string) => categoryWords.filter(([, words]) => words.test(text)).map(([c]) => c);
  const found = match(targets);
  const categories = found.length > 0 ? found : match(title);
  return entityCategories.filter((c) => categories.includes(c));
}

/** Reads the layout of catalogs/random_inspection_items.csv; rows missing a required cell are reported. */
export function parseInspectionItemsCsv(text: string): { items: InspectionItem[]; errors: CatalogError[] } {
  const { records, errors } = parseCsv(text);
  const [header, ...rows] = records;
  if (!header) return { items: [], errors: [...errors, { line: 1, field: '', message: '文件为空' }] };
  const index = Object.fromEntries(
    Object.entries(itemColumns).map(([key, name]) => [key, columnIndex(header.fields, name)]),
  ) as Record<keyof typeof itemColumns, number>;
  const missing = requiredColumns.filter((key) => index[key] < 0).map((key) => itemColumns[key]);
  if (missing.length > 0)
    return {
      items: [],
      errors: [...errors, { line: header.line, field: missing.join('、'), message: '缺少必需的列' }],
    };
  const items: InspectionItem[] = [];
  for (const row of rows) {
    const cell = (key: keyof typeof itemColumns) =>
      index[key] < 0 ? '' : (row.fields[index[key]] ?? '').trim();
    const empty = requiredColumns.filter((key) => cell(key) === '');
    if (empty.length > 0) {
      for (const key of empty) errors.push({ line: row.line, field: itemColumns[key], message: '不能为空' });
      continue;
    }
    items.push({
      code: `${cell('source')}-${cell('number')}`,
      title: cell('title'),
      content: cell('content'),
      targets: cell('targets'),
      entityCategories: categoriesOfTargets(cell('targets'), cell('title')),
      legalBasis: cell('legalBasis'),
      initiator: cell('initiator'),
      partners: cell('partners'),
      method: cell('method'),
      ratio: cell('ratio'),
      frequency: cell('frequency'),
      level: cell('level'),
      source: cell('source'),
      // The source lists were cut off in places; such rows are kept and marked.
      isComplete: !/^PARTIAL/i.test(cell('completeness')),
    });
  }
  return { items, errors };
}

export const InspectionItemListQuery = PageQuery.extend({
  q: z.string().trim().max(50, '查找内容不超过50个字').optional().describe('按事项名称或检查内容查找'),
  category: z.enum(entityCategories, { message: '类别不正确' }).optional().describe('适用的检查对象类别'),
});
export type InspectionItemListQuery = z.infer<typeof InspectionItemListQuery>;

export const InspectionItemSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  code: z.string(),
  title: z.string(),
  content: z.string(),
  targets: z.string(),
  entityCategories: z.array(z.string()),
  legalBasis: z.string(),
  initiator: z.string(),
  partners: z.string(),
  method: z.string(),
  ratio: z.string(),
  frequency: z.string(),
  level: z.string(),
  source: z.string(),
  isComplete: z.boolean(),
});
