import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultRubricItems,
  rubricFullMarks,
  rubricProblems,
  rubricTotal,
  scoreTotal,
  type RubricItem,
} from './rubric.ts';
import { drawSample } from './sample.ts';

const item = (id: string, maxPoints: number): RubricItem => ({
  id,
  category: '执法程序',
  text: `评查项目${id}`,
  maxPoints,
  guidance: '',
});

test('the default rubric totals 100 points over the seven usual categories, with unique ids', () => {
  assert.equal(rubricTotal(defaultRubricItems), rubricFullMarks);
  assert.deepEqual(rubricProblems(defaultRubricItems), []);
  assert.deepEqual(
    [...new Set(defaultRubricItems.map((i) => i.category))],
    ['执法主体', '事实证据', '法律适用', '执法程序', '裁量适用', '文书制作', '归档管理'],
  );
});

test('a rubric must total 100 in half-point steps, without duplicate ids', () => {
  assert.equal(rubricTotal([item('a', 60.5), item('b', 39.5)]), 100);
  assert.deepEqual(rubricProblems([item('a', 60.5), item('b', 39.5)]), []);
  assert.deepEqual(rubricProblems([item('a', 60), item('b', 35)]), [
    { path: 'items', message: '各项分值合计应为100分，当前为95分' },
  ]);
  assert.deepEqual(
    rubricProblems([item('a', 50), item('a', 49.7)]).map((p) => p.path),
    ['items.1.id', 'items.1.maxPoints'],
  );
});

test('a score is full marks minus the deductions; each deduction is checked against its item', () => {
  const items = [item('a', 60), item('b', 40)];
  assert.deepEqual(
    scoreTotal(items, [
      { itemId: 'a', points: 2.5, comment: '询问笔录缺签字' },
      { itemId: 'b', points: 0, comment: '' },
    ]),
    { total: 97.5, problems: [] },
  );
  assert.deepEqual(scoreTotal(items, []), { total: 100, problems: [] });
  const { problems } = scoreTotal(items, [
    { itemId: 'x', points: 1, comment: '未知' },
    { itemId: 'a', points: 61, comment: '超过分值' },
    { itemId: 'b', points: 0.3, comment: '不是半分' },
    { itemId: 'a', points: 1, comment: '重复' },
  ]);
  assert.deepEqual(
    problems.map((p) => p.path),
    ['deductions.0.itemId', 'deductions.1.points', 'deductions.2.points', 'deductions.3.itemId'],
  );
  assert.deepEqual(scoreTotal(items, [{ itemId: 'a', points: 1, comment: ' ' }]).problems, [
    { path: 'deductions.0.comment', message: '「评查项目a」扣分须写明理由' },
  ]);
});

test('a sample is reproducible from its seed, whatever the candidates’ order, and never repeats a file', () => {
  const ids = Array.from({ length: 50 }, (_, i) => `case-${String(i).padStart(2, '0')}`);
  const drawn = drawSample(ids, 7, '2025年度评查');
  assert.equal(drawn.length, 7);
  assert.equal(new Set(drawn).size, 7);
  assert.deepEqual(drawSample([...ids].reverse(), 7, '2025年度评查'), drawn);
  assert.deepEqual(drawSample([...ids, ...ids], 7, '2025年度评查'), drawn);
  assert.notDeepEqual(drawSample(ids, 7, '另一个种子'), drawn);
  // A smaller draw with the same seed is a prefix of the larger one: asking for more never reshuffles.
  assert.deepEqual(drawSample(ids, 3, '2025年度评查'), drawn.slice(0, 3));
  assert.equal(drawSample(ids, 80, 'x').length, 50);
});
