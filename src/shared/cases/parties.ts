// Parties to a penalty case (当事人): identifier checks, input schema, and masking for 行政执法公示.
import { z } from 'zod';
import { isValidIsoDate } from '../law/calendar.ts';
import { validateUscc } from '../platform/identifiers.ts';
import { Id } from '../platform/pagination.ts';

/** person = 公民 (natural person); organisation = 法人或者其他组织 (thresholds of 第五十一条、第六十三条 differ). */
export const partyKinds = ['person', 'organisation'] as const;
export type PartyKind = (typeof partyKinds)[number];

export const partyKindLabels: Record<PartyKind, string> = {
  person: '公民',
  organisation: '法人或者其他组织',
};

/** Kept here for the callers of the penalty module; the check itself lives in shared/platform/identifiers.ts. */
export { validateUscc } from '../platform/identifiers.ts';

// GB 11643-1999: weights are 2^(17-i) mod 11; the check character is indexed by Σ mod 11.
const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckChars = '10X98765432';

/** The birth date written in an 18-digit 居民身份证号码, as 'YYYY-MM-DD' (not validated). */
export function birthDateFromIdNumber(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * 公民身份号码 (GB 11643-1999): 17 digits and a check character from '10X98765432' at Σ digit×weight mod 11;
 * digits 7–14 a real birth date from 1800 on, not after `today` when given. An upper-case 'X' is required.
 */
export function validateChineseId(id: string, options: { today?: string } = {}): true | string {
  if (id.length !== 18) return `身份证号码应为18位（收到${id.length}位）`;
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为17位数字加1位数字或X';
  const birth = birthDateFromIdNumber(id);
  if (!isValidIsoDate(birth) || birth < '1800-01-01') return `身份证号码中的出生日期${id.slice(6, 14)}不存在`;
  if (options.today !== undefined && birth > options.today) return '身份证号码中的出生日期晚于今天';
  let sum = 0;
  for (const [index, weight] of idWeights.entries()) sum += Number(id[index]) * weight;
  if (id[17] !== idCheckChars[sum % 11]) return '身份证号码校验码不正确，请核对';
  return true;
}

/**
 * Keeps the first character and masks each other one ('张三' → '张*', '欧阳娜娜' → '欧***'): the surname stays
 * partly visible, as in published 处罚决定; the '·' of transliterated names is kept.
 */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.length === 1 ? '*' : '';
  return chars.map((char, index) => (index === 0 || char === '·' ? char : '*')).join('');
}

/** 18 digits: keep the 6-digit region and the last 4, mask the birth date (110101********1234); others keep only the last 4. */
export function maskIdNumber(id: string): string {
  const value = id.trim();
  if (value.length === 18) return `${value.slice(0, 6)}${'*'.repeat(8)}${value.slice(14)}`;
  if (value.length <= 4) return '*'.repeat(value.length);
  return `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

/** Mobile: 138****5678; any other number keeps its last 4 digits and separators. */
export function maskPhone(phone: string): string {
  const value = phone.trim();
  if (/^1\d{10}$/.test(value)) return `${value.slice(0, 3)}****${value.slice(7)}`;
  const digitCount = value.replace(/\D/g, '').length;
  let seen = 0;
  return [...value]
    .map((char) => {
      if (!/\d/.test(char)) return char;
      seen += 1;
      return seen <= digitCount - 4 ? '*' : char;
    })
    .join('');
}

const Phone = z
  .string({ message: '联系电话应为文字' })
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, '联系电话应为11位手机号或带区号的固定电话')
  .nullable()
  .optional();

const Address = z
  .string({ message: '请填写地址' })
  .trim()
  .min(1, '请填写地址（行政处罚决定书须载明，第五十九条）')
  .max(200, '地址不超过200个字');

export const personIdTypes = ['residentIdCard', 'other'] as const;
export const personIdTypeLabels: Record<(typeof personIdTypes)[number], string> = {
  residentIdCard: '居民身份证',
  other: '其他有效证件（护照、港澳台居民证件等）',
};

const PersonInput = z
  .object({
    kind: z.literal('person'),
    name: z
      .string({ message: '请填写当事人姓名' })
      .trim()
      .min(1, '请填写当事人姓名')
      .max(50, '当事人姓名不超过50个字'),
    idType: z.enum(personIdTypes, { message: '证件类型不正确' }).default('residentIdCard'),
    idNumber: z
      .string({ message: '请填写证件号码' })
      .trim()
      .toUpperCase()
      .min(1, '请填写证件号码')
      .max(30, '证件号码不超过30位'),
    address: Address,
    phone: Phone,
  })
  .superRefine((party, ctx) => {
    if (party.idType !== 'residentIdCard') return;
    const result = validateChineseId(party.idNumber);
    if (result !== true) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: result });
  });

const OrganisationInput = z.object({
  kind: z.literal('organisation'),
  name: z
    .string({ message: '请填写单位名称' })
    .trim()
    .min(1, '请填写单位名称')
    .max(100, '单位名称不超过100个字'),
  uscc: z
    .string({ message: '请填写统一社会信用代码' })
    .trim()
    .toUpperCase()
    .superRefine((code, ctx) => {
      const result = validateUscc(code);
      if (result !== true) ctx.addIssue({ code: 'custom', message: result });
    }),
  legalRepresentative: z
    .string({ message: '请填写法定代表人（负责人）' })
    .trim()
    .min(1, '请填写法定代表人（负责人）')
    .max(50, '法定代表人（负责人）不超过50个字'),
  address: Address,
  phone: Phone,
  /** 检查对象名录库 entry picked on the form; without it the entry with the same 统一社会信用代码 is linked. */
  entityId: Id.nullish().describe('检查对象（名录库）'),
});

/** A party as entered: 公民 with an identity document, or 法人/其他组织 with a 统一社会信用代码. */
export const PartyInput = z.discriminatedUnion('kind', [PersonInput, OrganisationInput], {
  message: '当事人类型应为公民（person）或法人或者其他组织（organisation）',
});
export type PartyInput = z.infer<typeof PartyInput>;
/** A stored party is the normalised input (trimmed; codes upper-cased). */
export type Party = PartyInput;

export type PublishedParty =
  | { kind: 'person'; name: string; idNumber: string }
  | { kind: 'organisation'; name: string; uscc: string; legalRepresentative: string };

/** What 行政执法公示 shows: a natural person's name and ID masked, no address or phone; an organisation as registered. */
export function publishedParty(party: Party): PublishedParty {
  if (party.kind === 'person') {
    return { kind: 'person', name: maskPersonName(party.name), idNumber: maskIdNumber(party.idNumber) };
  }
  const { name, uscc, legalRepresentative } = party;
  return { kind: 'organisation', name, uscc, legalRepresentative };
}
