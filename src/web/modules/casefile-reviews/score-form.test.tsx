import { describe, expect, it } from 'vitest';
import type { RubricItem } from '../../../shared/casefile-reviews/rubric.ts';
import { fieldOfServerPath, initialScoreValues, liveScore, toDeductions } from './score-form.ts';

const rubric: RubricItem[] = [
  { id: 'facts', category: '事实证据', text: '事实清楚', maxPoints: 60, guidance: '' },
  { id: 'steps', category: '执法程序', text: '程序合法', maxPoints: 40, guidance: '' },
];

describe('score form', () => {
  it('starts from the saved deductions, every other item at zero', () => {
    const values = initialScoreValues(
      rubric,
      [{ itemId: 'steps', points: 2, comment: '未送达' }],
      '意见',
      false,
    );
    expect(values.items).toEqual({
      facts: { points: 0, comment: '' },
      steps: { points: 2, comment: '未送达' },
    });
  });

  it('sends only items with points off or a comment, and totals them as the server does', () => {
    const values = {
      items: { facts: { points: 2.5, comment: ' 证据不足 ' }, steps: { points: null, comment: '' } },
    };
    expect(toDeductions(rubric, values)).toEqual([{ itemId: 'facts', points: 2.5, comment: '证据不足' }]);
    expect(liveScore(rubric, values).total).toBe(97.5);
  });

  it('puts a problem under its item, and maps the server’s paths back to the form fields', () => {
    const values = { items: { facts: { points: 0 }, steps: { points: 3, comment: '' } } };
    const { problemByItem, deductions } = liveScore(rubric, values);
    expect(problemByItem.get('steps')).toBe('「程序合法」扣分须写明理由');
    expect(fieldOfServerPath(deductions, 'deductions.0.comment')).toEqual(['items', 'steps', 'comment']);
    expect(fieldOfServerPath(deductions, 'deductions.0.points')).toEqual(['items', 'steps', 'points']);
    expect(fieldOfServerPath(deductions, 'summary')).toBeUndefined();
  });
});
