// Word pools for realistic-looking (fictional) Chinese people and places; shared by every dataset step.
import type { Random } from './random.ts';

// Weights roughly follow the frequency of the commonest surnames.
// prettier-ignore
const surnames: ReadonlyArray<readonly [string, number]> = [
  ['王', 72], ['李', 71], ['张', 68], ['刘', 53], ['陈', 46], ['杨', 33], ['黄', 24], ['赵', 20], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 12], ['郭', 11], ['何', 10], ['林', 10], ['高', 10], ['罗', 10],
  ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 7], ['唐', 7], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 5],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['潘', 4], ['袁', 4], ['蔡', 4], ['蒋', 4], ['余', 4],
  ['于', 4], ['杜', 4], ['叶', 4], ['程', 4], ['魏', 3], ['苏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['卢', 3],
  ['姚', 3], ['沈', 3], ['钟', 3], ['姜', 3], ['崔', 3], ['谭', 3], ['陆', 3], ['范', 2], ['汪', 2], ['廖', 2],
  ['石', 2], ['金', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['邹', 2], ['熊', 2], ['白', 2],
  ['欧阳', 1], ['上官', 0.3], ['司马', 0.3],
];

// prettier-ignore
const givenChars = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '英', '华', '玉', '萍', '红', '鹏', '辉', '建', '国', '文', '斌', '宇', '浩', '凯', '健', '俊', '帆', '旭',
  '宁', '亮', '欣', '婷', '雪', '琳', '晨', '颖', '倩', '丹', '佳', '慧', '鑫', '博', '志', '海', '波', '峰', '春', '梅',
  '兰', '燕', '晓', '东', '林', '成', '昊', '睿', '思', '雨', '嘉', '子', '怡', '泽', '瑞', '凡', '毅', '岚', '莉', '蕾',
];

/** A person's name: surname plus one or two given-name characters. */
export function personName(random: Random): string {
  const given = random.chance(0.72)
    ? random.pick(givenChars) + random.pick(givenChars)
    : random.pick(givenChars);
  return random.weighted(surnames) + given;
}

// prettier-ignore
const placeFirst = [
  '安', '平', '宁', '清', '永', '江', '云', '临', '东', '西', '南', '长', '新', '兴', '华', '泰', '丰', '阳', '金', '石',
  '青', '白', '龙', '凤', '桃', '松', '梅', '鹤', '鹿', '瑞', '福', '德', '文', '嘉', '常', '和', '定', '宜', '顺', '广',
  '开', '昌', '乐', '洪', '汉', '沅', '岳', '崇', '庆', '襄', '汝', '淮', '湘', '盘', '沙', '通', '富', '吉', '上', '怀',
];
// prettier-ignore
const placeSecond = [
  '州', '阳', '安', '平', '宁', '江', '山', '川', '源', '溪', '城', '原', '林', '水', '泉', '口', '陵', '台', '门', '湖',
  '田', '峰', '化', '德', '兴', '昌', '远', '丰', '都', '义', '浦', '河', '谷', '岭', '塘', '乡', '丘', '南', '桥', '坪',
];
// prettier-ignore
const provinceNames = ['江淮', '云岭', '河西', '东海', '湘南', '冀中', '岭东', '燕北', '闽西', '秦川', '黔南', '皖北'];

/** `count` distinct two-character place names that avoid every name in `taken` (which is extended). */
export function placeNames(random: Random, count: number, taken: Set<string>): string[] {
  const names: string[] = [];
  for (let attempt = 0; names.length < count; attempt++) {
    if (attempt > count * 200) throw new Error('place name pool exhausted');
    const name = random.pick(placeFirst) + random.pick(placeSecond);
    if (name[0] === name[1] || taken.has(name)) continue;
    taken.add(name);
    names.push(name);
  }
  return names;
}

export function provinceName(random: Random): string {
  return random.pick(provinceNames);
}

/** A mobile number (1[3-9]x xxxx xxxx). */
export function mobileNumber(random: Random): string {
  return `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
}
