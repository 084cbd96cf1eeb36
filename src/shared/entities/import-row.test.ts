import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapEntityColumns, readEntityRow } from './import-row.ts';

// 91350100M000100Y43: a well-formed code (its check character agrees with GB 32100-2015's formula); 4 in its place does not.
const valid = '91350100M000100Y43';

test('columns are found by their template names or aliases; missing required ones are named', () => {
  const { columns, missing } = mapEntityColumns(['\uFEFF名称', '统一社会信用代码', '经营地址', '备注']);
  assert.equal(columns.name, 0);
  assert.equal(columns.uscc, 1);
  assert.equal(columns.address, 2);
  assert.equal(columns.status, -1);
  assert.deepEqual(missing, ['类别', '行政区划代码']);
});

test('labels become codes; empty cells are null or the default', () => {
  const { columns } = mapEntityColumns([
    '统一社会信用代码',
    '单位名称',
    '类别',
    '行政区划代码',
    '风险等级',
    '信用等级',
    '状态',
  ]);
  assert.deepEqual(
    readEntityRow([` ${valid.toLowerCase()} `, '甲诊所', '医疗机构', '350102', '高', 'b级', '停业'], columns),
    {
      ok: true,
      entity: {
        uscc: valid,
        name: '甲诊所',
        category: '医疗机构',
        areaCode: '350102',
        address: null,
        legalRepresentative: null,
        riskLevel: 'high',
        creditLevel: 'B',
        status: 'suspended',
      },
    },
  );
  const empty = readEntityRow([valid, '甲诊所', '医疗机构', '350102', '', '', ''], columns);
  assert.deepEqual(empty.ok && [empty.entity.riskLevel, empty.entity.creditLevel, empty.entity.status], [
    null,
    null,
    'active',
  ]);
  assert.deepEqual(
    readEntityRow([`${valid.slice(0, 17)}4`, '', '网吧', '35', '特高', 'E', '营业'], columns),
    {
      ok: false,
      reasons: [
        '统一社会信用代码：校验码不正确，请核对',
        '单位名称：请填写单位名称',
        '类别：应为医疗机构、公共场所、生活饮用水供水单位、涉水产品、消毒产品、学校、托育机构、职业病危害用人单位、放射诊疗、餐具饮具集中消毒服务单位、其他之一',
        '行政区划代码：应为6位数字',
        '风险等级：应为低风险、中风险或高风险',
        '信用等级：应为A、B、C或D',
        '状态：应为正常、停业或注销',
      ],
    },
  );
});

test('the fast path and the zod schema give the same answer on every combination of awkward cells', () => {
  const columns = mapEntityColumns([
    '统一社会信用代码',
    '单位名称',
    '类别',
    '行政区划代码',
    '地址',
    '法定代表人',
    '风险等级',
    '信用等级',
    '状态',
  ]).columns;
  const choices = [
    [valid, valid.toLowerCase(), ` ${valid}`, `${valid.slice(0, 17)}4`, '9135010', 'I1350100M000100Y43', ''],
    ['甲诊所', '', ' ', '名'.repeat(100), '名'.repeat(101)],
    ['医疗机构', '医院', '', ' 学校 '],
    ['350102', '35010', '3501023', 'ABCDEF', ''],
    ['', '某路1号', '址'.repeat(201)],
    ['', '张三', '人'.repeat(51)],
    ['', '低', '低风险', 'low', 'LOW', '极高'],
    ['', 'A', 'a', 'A级', 'a级', 'E'],
    ['', '正常', '在营', 'closed', '注销 ', '营业'],
  ];
  let combinations = 0;
  // Every value of each column against the first value of the others, and each pair of columns' values.
  for (let a = 0; a < choices.length; a += 1) {
    for (let b = a; b < choices.length; b += 1) {
      for (const x of choices[a]!) {
        for (const y of choices[b]!) {
          const cells = choices.map((values) => values[0]!);
          cells[a] = x;
          cells[b] = a === b ? x : y;
          assert.deepEqual(
            readEntityRow(cells, columns),
            readEntityRow(cells, columns, { fast: false }),
            cells.join('|'),
          );
          combinations += 1;
        }
      }
    }
  }
  assert.ok(combinations > 500);
});
