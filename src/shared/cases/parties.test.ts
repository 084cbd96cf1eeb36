import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PartyInput,
  maskIdNumber,
  maskPersonName,
  maskPhone,
  publishedParty,
  validateChineseId,
  validateUscc,
} from './parties.ts';

// USCC values: 0-9 → 0-9, A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22 P23 Q24 R25 T26 U27 W28 X29 Y30.
// Weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28; check = (31 − Σ mod 31) mod 31.
test('USCC: the widely published sample 91350100M000100Y43 is valid', () => {
  // 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M(21)·20 + 0·29 + 0·25 + 0·13 + 1·8 + 0·24 + 0·10
  //   + Y(30)·30 + 4·28 = 9+3+27+135+26+420+8+900+112 = 1640; 1640 mod 31 = 28 (31·52 = 1612); 31 − 28 = 3.
  assert.equal(validateUscc('91350100M000100Y43'), true);
});

test('USCC: codes computed by hand from the weights', () => {
  // 9,1,1,1,0,1,0,8,5,5,1,3,8,5,0,8,2: 9+3+9+27+0+26+0+136+100+145+25+39+64+120+0+240+56 = 999;
  // 999 mod 31 = 7 (31·32 = 992); 31 − 7 = 24 → Q.
  assert.equal(validateUscc('91110108551385082Q'), true);
  // 9,1,4,4,0,3,0,0,7,0,8,4,6,1,1,3,6: 9+3+36+108+0+78+0+0+140+0+200+52+48+24+10+90+168 = 966;
  // 966 mod 31 = 5 (31·31 = 961); 31 − 5 = 26 → T.
  assert.equal(validateUscc('91440300708461136T'), true);
  // Remainder 0: the first 16 characters of the Q code give 943; R(25)·28 = 700; 1643 = 31·53 → (31 − 0) mod 31 = 0 → '0'.
  assert.equal(validateUscc('9111010855138508R0'), true);
});

test('USCC: wrong check character, forbidden characters, length and region code are refused in Chinese', () => {
  assert.match(String(validateUscc('91350100M000100Y44')), /校验码不正确/);
  assert.match(String(validateUscc('91110108551385082R')), /校验码不正确/);
  // I, O, S, V and Z are not in the code set; lower case is not either (the schema upper-cases first).
  assert.match(String(validateUscc('91350100M000100I43')), /第16位“I”不是允许的字符/);
  assert.match(String(validateUscc('91350100M000100O43')), /不是允许的字符/);
  assert.match(String(validateUscc('91350100m000100Y43')), /第9位“m”/);
  assert.match(String(validateUscc('91350100M000100Y4')), /应为18位（收到17位）/);
  assert.match(String(validateUscc('')), /应为18位/);
  // Positions 3–8 are the 行政区划码: 'A' there is refused even though it is in the code set.
  assert.match(String(validateUscc('913A0100M000100Y43')), /行政区划码/);
});

// GB 11643-1999 weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2; check = '10X98765432'[Σ mod 11].
test('ID number: the standard samples are valid', () => {
  // 1,1,0,1,0,5,1,9,4,9,1,2,3,1,0,0,2: 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → 'X'.
  assert.equal(validateChineseId('11010519491231002X'), true);
  // 4,4,0,5,2,4,1,8,8,0,0,1,0,1,0,0,1: 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8 → '4'.
  assert.equal(validateChineseId('440524188001010014'), true);
});

test('ID number: numbers computed by hand, including a leap day', () => {
  // 1,1,0,1,0,1,1,9,9,0,0,3,0,7,1,2,3: 7+9+0+5+0+4+2+9+54+0+0+27+0+35+8+8+6 = 174; 174 mod 11 = 9 → '3'.
  assert.equal(validateChineseId('110101199003071233'), true);
  // 2000-02-29 exists (2000 is divisible by 400). 1,1,0,1,0,1,2,0,0,0,0,2,2,9,1,2,3:
  // 7+9+0+5+0+4+4+0+0+0+0+18+20+45+8+8+6 = 134; 134 mod 11 = 2 → 'X'.
  assert.equal(validateChineseId('11010120000229123X'), true);
});

test('ID number: a bad date is reported even when the check character is right', () => {
  // 19990230 with a correct check: 7+9+0+5+0+4+2+9+54+27+0+18+30+0+8+8+6 = 187 = 11·17 → '1'.
  assert.match(String(validateChineseId('110101199902301231')), /出生日期19990230不存在/);
  // 1900 is not a leap year: 7+9+0+5+0+4+2+9+0+0+0+18+20+45+8+8+6 = 141; 141 mod 11 = 9 → '3'.
  assert.match(String(validateChineseId('110101190002291233')), /出生日期19000229不存在/);
  assert.match(String(validateChineseId('110101199003071233', { today: '1990-03-06' })), /晚于今天/);
  assert.equal(validateChineseId('110101199003071233', { today: '1990-03-07' }), true);
});

test('ID number: bad check character, letters, lower-case x and length', () => {
  assert.match(String(validateChineseId('110105194912310021')), /校验码不正确/);
  assert.match(String(validateChineseId('110101199003071234')), /校验码不正确/);
  assert.match(String(validateChineseId('11010519491231002x')), /17位数字加1位数字或X/);
  assert.match(String(validateChineseId('1101051949123100AX')), /17位数字加1位数字或X/);
  assert.match(String(validateChineseId('110105491231002')), /应为18位（收到15位）/);
});

test('masking for 行政执法公示: first character of the name, region and tail of the ID, mobile middle four', () => {
  assert.equal(maskPersonName('张三'), '张*');
  assert.equal(maskPersonName('欧阳娜娜'), '欧***');
  assert.equal(maskPersonName(' 李小明 '), '李**');
  assert.equal(maskPersonName('买买提·艾力'), '买**·**');
  assert.equal(maskPersonName('张'), '*');
  assert.equal(maskIdNumber('110101199003071233'), '110101********1233');
  assert.equal(maskIdNumber('11010519491231002X'), '110105********002X');
  assert.equal(maskIdNumber('E12345678'), '*****5678');
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone('0731-84561234'), '****-****1234');
});

test('PartyInput: a citizen and an organisation parse, trimmed and upper-cased', () => {
  const person = PartyInput.parse({
    kind: 'person',
    name: ' 张三 ',
    idNumber: '11010519491231002x',
    address: '北京市西城区某街1号',
    phone: '13812345678',
  });
  assert.deepEqual(person, {
    kind: 'person',
    name: '张三',
    idType: 'residentIdCard',
    idNumber: '11010519491231002X',
    address: '北京市西城区某街1号',
    phone: '13812345678',
  });
  const organisation = PartyInput.parse({
    kind: 'organisation',
    name: '某某诊所有限公司',
    uscc: '91350100m000100y43',
    legalRepresentative: '李四',
    address: '福州市某路2号',
  });
  assert.equal(organisation.kind === 'organisation' && organisation.uscc, '91350100M000100Y43');
  assert.deepEqual(publishedParty(person), { kind: 'person', name: '张*', idNumber: '110105********002X' });
  assert.deepEqual(publishedParty(organisation), {
    kind: 'organisation',
    name: '某某诊所有限公司',
    uscc: '91350100M000100Y43',
    legalRepresentative: '李四',
  });
});

test('PartyInput: errors are Chinese and name the field', () => {
  const issues = (value: unknown): Record<string, string> => {
    const result = PartyInput.safeParse(value);
    assert.equal(result.success, false);
    return Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
    );
  };
  const person = issues({
    kind: 'person',
    name: '',
    idNumber: '110105194912310021',
    address: ' ',
    phone: '12345',
  });
  assert.match(person.name ?? '', /当事人姓名/);
  assert.match(person.address ?? '', /地址/);
  assert.match(person.phone ?? '', /联系电话/);
  const id = issues({ kind: 'person', name: '张三', idNumber: '110105194912310021', address: '某地' });
  assert.match(id.idNumber ?? '', /身份证号码校验码不正确/);
  const organisation = issues({
    kind: 'organisation',
    name: '某公司',
    uscc: '91350100M000100Y44',
    address: '某地',
  });
  assert.match(organisation.uscc ?? '', /统一社会信用代码校验码不正确/);
  assert.match(organisation.legalRepresentative ?? '', /法定代表人/);
  assert.match(Object.values(issues({ kind: 'robot', name: 'x' })).join(), /当事人类型/);
  // Another identity document is not checked against GB 11643.
  assert.equal(
    PartyInput.safeParse({
      kind: 'person',
      name: 'John Smith',
      idType: 'other',
      idNumber: 'E12345678',
      address: '某地',
    }).success,
    true,
  );
});
