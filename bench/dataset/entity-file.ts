// A deterministic entity-directory import file (CSV, UTF-8 with BOM), as a county or province would upload it.
import { usccCheckCharacter } from '../../src/shared/platform/identifiers.ts';
import { entityImportHeaders } from '../../src/shared/entities/import-row.ts';
import { createRandom } from '../lib/random.ts';
import { personName, placeNames } from '../lib/chinese-names.ts';
import { orgCodeCheck } from './party-identities.ts';

// [category, weight, name suffixes]: roughly the mix of a health commission's directory.
// prettier-ignore
const categories: ReadonlyArray<readonly [string, number, readonly string[]]> = [
  ['医疗机构', 30, ['诊所', '卫生院', '医院', '口腔门诊部', '社区卫生服务站']],
  ['公共场所', 35, ['宾馆', '浴室', '美发店', '游泳馆', '歌舞厅', '酒店']],
  ['生活饮用水供水单位', 4, ['自来水厂', '供水站']],
  ['涉水产品', 2, ['净水设备有限公司', '管材厂']],
  ['消毒产品', 2, ['消毒用品有限公司', '卫生用品厂']],
  ['学校', 8, ['小学', '中学', '职业技术学校']],
  ['托育机构', 3, ['托育中心', '幼儿园']],
  ['职业病危害用人单位', 12, ['机械厂', '化工有限公司', '建材厂']],
  ['放射诊疗', 2, ['影像中心', '放射科门诊部']],
  ['餐具饮具集中消毒服务单位', 2, ['餐具消毒服务部']],
];
const riskLabels: ReadonlyArray<readonly [string, number]> = [
  ['低', 50],
  ['中', 35],
  ['高', 15],
];
const creditLabels: ReadonlyArray<readonly [string, number]> = [
  ['A', 40],
  ['B', 40],
  ['C', 15],
  ['D', 5],
  ['', 10],
];
const statusLabels: ReadonlyArray<readonly [string, number]> = [
  ['正常', 92],
  ['停业', 5],
  ['注销', 3],
];
const streets = ['人民路', '解放路', '建设路', '中山路', '和平街', '新华路', '滨江大道', '工业园区'];

const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The header line, in the template's column names. */
export const entityFileHeader = [
  entityImportHeaders.uscc[0],
  entityImportHeaders.name[0],
  entityImportHeaders.category[0],
  entityImportHeaders.areaCode[0],
  entityImportHeaders.address[0],
  entityImportHeaders.legalRepresentative[0],
  entityImportHeaders.riskLevel[0],
  entityImportHeaders.creditLevel[0],
  entityImportHeaders.status[0],
].join(',');

/**
 * `rows` data lines in blocks of `blockSize`, the same for the same seed. Codes are unique (the 组织机构代码 body is
 * the row number); one row in 1,000 is bad on purpose (a wrong check character, or no 类别) to exercise the report;
 * about one address in ten holds a comma and so is quoted.
 */
export function* entityFileLines(rows: number, seed = 1, blockSize = 10_000): Generator<string> {
  const random = createRandom(seed, 'entity-file');
  const counties = Array.from(
    { length: 120 },
    (_, i) => `${330100 + Math.floor(i / 12) * 100 + (i % 12) + 1}`,
  );
  const towns = placeNames(random.fork('towns'), 300, new Set());
  let block: string[] = [];
  for (let i = 0; i < rows; i += 1) {
    const areaCode = random.pick(counties);
    const body = String(10_000_000 + i);
    const first17 = `91${areaCode}${body}${orgCodeCheck(body)}`;
    let uscc = first17 + usccCheckCharacter(first17);
    const [category, , suffixes] = random.weighted(categories.map((c) => [c, c[1]] as const));
    const town = random.pick(towns);
    const name = `${town}${personName(random).slice(0, 2)}${random.pick(suffixes)}`;
    const street = `${town}镇${random.pick(streets)}${random.int(1, 999)}号`;
    const address = random.chance(0.1) ? `${street},${random.int(1, 30)}楼` : street;
    let categoryCell: string = category;
    if (i % 1000 === 999) {
      if (random.chance(0.5)) uscc = first17 + (uscc.endsWith('0') ? '1' : '0');
      else categoryCell = '';
    }
    block.push(
      [
        uscc,
        name,
        categoryCell,
        areaCode,
        address,
        personName(random),
        random.weighted(riskLabels),
        random.weighted(creditLabels),
        random.weighted(statusLabels),
      ]
        .map(csvCell)
        .join(','),
    );
    if (block.length === blockSize) {
      yield `${block.join('\n')}\n`;
      block = [];
    }
  }
  if (block.length > 0) yield `${block.join('\n')}\n`;
}
