// 当事人 for generated penalty cases: organisations with a valid 统一社会信用代码 (GB 32100-2015, check character
// computed exactly as validateUscc checks it) and persons with a valid 公民身份号码 (GB 11643-1999).
import type { parties } from '../../src/server/modules/cases/tables.ts';
import type { Random } from '../lib/random.ts';
import { mobileNumber, personName } from '../lib/chinese-names.ts';
import { usccCheckCharacter } from '../../src/shared/platform/identifiers.ts';

const orgCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];
const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckChars = '10X98765432';

/** The check character of an 8-digit 组织机构代码 body (GB 11714-1997), as embedded in positions 9–17. */
export function orgCodeCheck(body: string): string {
  let sum = 0;
  for (const [index, weight] of orgCodeWeights.entries()) sum += Number(body[index]) * weight;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** A 统一社会信用代码: 登记管理部门 + 机构类别, 6-digit 行政区划码, 组织机构代码 (with its own check), check character. */
export function usccFor(random: Random, regionCode: string, category: '91' | '92' | '52' | '12'): string {
  const body = String(random.int(10_000_000, 99_999_999));
  const first17 = `${category}${regionCode}${body}${orgCodeCheck(body)}`;
  return first17 + usccCheckCharacter(first17);
}

/** The check character of the first 17 digits of a 公民身份号码 (GB 11643-1999). */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (const [index, weight] of idWeights.entries()) sum += Number(first17[index]) * weight;
  return idCheckChars[sum % 11]!;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A 公民身份号码 of someone born 1955–2004 (adults at any date from 2024 on). */
export function idNumberFor(random: Random, regionCode: string): string {
  const year = random.int(1955, 2004);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const first17 = `${regionCode}${year}${pad(month, 2)}${pad(day, 2)}${pad(random.int(1, 999), 3)}`;
  return first17 + idCheckCharacter(first17);
}

// The trades a 卫生健康 authority supervises, with the name suffix and the register they are entered in.
// prettier-ignore
const trades: ReadonlyArray<readonly [string, '91' | '92' | '52', number]> = [
  ['宾馆有限公司', '91', 8], ['酒店管理有限公司', '91', 5], ['美容美发店', '92', 12], ['理发店', '92', 6],
  ['洗浴中心', '92', 4], ['足浴店', '92', 5], ['游泳健身有限公司', '91', 3], ['口腔诊所', '92', 8],
  ['诊所', '92', 10], ['中医诊所', '92', 4], ['医院有限公司', '91', 3], ['民营医院', '52', 2],
  ['医疗美容门诊部有限公司', '91', 3], ['供水有限公司', '91', 2], ['水务有限公司', '91', 1],
  ['消毒用品有限公司', '91', 2], ['职业技能培训学校', '52', 2], ['幼儿园', '52', 2], ['机械制造有限公司', '91', 3],
  ['化工有限公司', '91', 2], ['放射诊疗门诊部', '92', 1], ['母婴护理中心有限公司', '91', 2],
];
const brandFirst = [...'华康瑞恒鑫盛佳安和泰宏兴永福新金博美丽雅顺达祥益同仁德正'];
const brandSecond = [...'源信诚丰业辉隆悦尚海宇晟利通嘉合邦誉峰荣阳福春明清远'];
const streets = [
  '人民路',
  '解放路',
  '建设路',
  '中山路',
  '文化路',
  '新华街',
  '滨河路',
  '工业大道',
  '长江路',
  '和平街',
];

export type PartyPlace = { name: string; regionCode: string };
export type GeneratedParty = typeof parties.$inferInsert & { kind: 'person' | 'organisation' };

/** One party recorded by `orgId`: 70 % organisations, 30 % persons. */
export function generateParty(random: Random, id: string, orgId: string, place: PartyPlace): GeneratedParty {
  const address = `${place.name}${random.pick(streets)}${random.int(1, 399)}号`;
  if (random.chance(0.7)) {
    const [suffix, category] = random.weighted(trades.map((t) => [t, t[2]] as const));
    const name = `${place.name}${random.pick(brandFirst)}${random.pick(brandSecond)}${suffix}`;
    return {
      id,
      orgId,
      kind: 'organisation',
      name,
      uscc: usccFor(random, place.regionCode, category),
      idNumber: null,
      legalRepresentative: personName(random),
      address,
      phone: mobileNumber(random),
    };
  }
  return {
    id,
    orgId,
    kind: 'person',
    name: personName(random),
    idNumber: idNumberFor(random, place.regionCode),
    uscc: null,
    legalRepresentative: null,
    address,
    phone: mobileNumber(random),
  };
}

// prettier-ignore
const organisationViolations = [
  '未取得卫生许可证从事公共场所经营', '公共场所卫生质量不符合卫生标准', '未取得医疗机构执业许可证擅自执业',
  '使用非卫生技术人员从事医疗卫生技术工作', '未按规定进行职业病危害因素检测', '生产经营不符合卫生标准的消毒产品',
  '集中式供水单位供应的饮用水不符合国家标准', '医疗废物未按规定分类收集', '未按规定对从业人员进行健康检查',
  '超出登记的诊疗科目范围开展诊疗活动', '未按规定开展放射诊疗设备检测', '未建立传染病疫情报告制度',
];
// prettier-ignore
const personViolations = [
  '非医师行医', '未取得健康合格证明从事直接为顾客服务工作', '未经注册在医疗机构以外场所执业', '无证从事公共场所经营',
  '违反规定开具处方', '擅自从事医疗美容项目',
];

export function caseTitle(random: Random, party: GeneratedParty): string {
  const violation = random.pick(party.kind === 'organisation' ? organisationViolations : personViolations);
  return `${party.name}${violation}案`;
}
