// The scoring form's values ↔ the API's deductions, and the live total (the same arithmetic the server uses).
import { scoreTotal, type Deduction, type RubricItem } from '../../../shared/casefile-reviews/rubric.ts';

/** One row of the form per rubric item, keyed by the item's id. */
export type ScoreFormValues = {
  items: Record<string, { points?: number | null; comment?: string }>;
  summary?: string;
  excellent?: boolean;
};

export function initialScoreValues(
  rubric: readonly RubricItem[],
  deductions: readonly Deduction[],
  summary: string,
  excellent: boolean,
): ScoreFormValues {
  const byItem = new Map(deductions.map((d) => [d.itemId, d]));
  return {
    items: Object.fromEntries(
      rubric.map((item) => [
        item.id,
        { points: byItem.get(item.id)?.points ?? 0, comment: byItem.get(item.id)?.comment ?? '' },
      ]),
    ),
    summary,
    excellent,
  };
}

/** The deductions to send: every item with points off or a comment, in rubric order. */
export function toDeductions(rubric: readonly RubricItem[], values: ScoreFormValues): Deduction[] {
  return rubric.flatMap((item) => {
    const row = values.items?.[item.id];
    const points = row?.points ?? 0;
    const comment = row?.comment?.trim() ?? '';
    return points > 0 || comment ? [{ itemId: item.id, points, comment }] : [];
  });
}

/** The total shown while the reviewer types; problems are shown under the item they concern. */
export function liveScore(rubric: readonly RubricItem[], values: ScoreFormValues) {
  const deductions = toDeductions(rubric, values);
  const { total, problems } = scoreTotal(rubric, deductions);
  const problemByItem = new Map<string, string>();
  for (const problem of problems) {
    const index = Number(problem.path.split('.')[1]);
    const itemId = deductions[index]?.itemId;
    if (itemId && !problemByItem.has(itemId)) problemByItem.set(itemId, problem.message);
  }
  return { total, deductions, problemByItem };
}

/** `deductions.3.points` (the server's path) → the form field of that rubric item. */
export function fieldOfServerPath(
  deductions: readonly Deduction[],
  path: string,
): ['items', string, 'points' | 'comment'] | undefined {
  const match = /^deductions\.(\d+)\.(points|comment|itemId)$/.exec(path);
  if (!match) return undefined;
  const itemId = deductions[Number(match[1])]?.itemId;
  if (!itemId) return undefined;
  return ['items', itemId, match[2] === 'comment' ? 'comment' : 'points'];
}
