import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvReader, parseCsv } from './csv.ts';

const text = '\uFEFF名称,地址\r\n"甲,乙诊所","东川县""一号""\n二楼"\r\n\r\n丙,丁\n"未闭合';

test('a text cut at every position reads the same as the whole text', () => {
  const whole = parseCsv(text);
  assert.deepEqual(whole.records, [
    { line: 1, fields: ['名称', '地址'] },
    { line: 2, fields: ['甲,乙诊所', '东川县"一号"\n二楼'] },
    { line: 5, fields: ['丙', '丁'] },
    { line: 6, fields: ['未闭合'] },
  ]);
  assert.deepEqual(whole.errors, [{ line: 6, field: '', message: '引号未闭合，文件可能被截断' }]);
  for (let cut = 0; cut <= text.length; cut += 1) {
    const reader = new CsvReader();
    const records = [...reader.push(text.slice(0, cut)), ...reader.push(text.slice(cut)), ...reader.end()];
    assert.deepEqual(records, whole.records, `cut at ${cut}`);
    assert.deepEqual(reader.errors, whole.errors, `cut at ${cut}`);
  }
});

test('characters after a closing quote are reported; a stray quote inside a field is kept', () => {
  const { records, errors } = parseCsv('"a"b,c"d\n');
  assert.deepEqual(records, [{ line: 1, fields: ['ab', 'c"d'] }]);
  assert.deepEqual(errors, [{ line: 1, field: '', message: '引号字段结束后还有多余字符' }]);
});
