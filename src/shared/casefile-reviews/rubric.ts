// 案卷评查标准 (the rubric) and the arithmetic of a score: pure, shared by the server (which computes the total
// it stores) and the scoring page (which shows the same total live).

/** One line of the rubric: what is checked, how many points it carries, and how deductions are made. */
export type RubricItem = {
  id: string;
  category: string;
  text: string;
  maxPoints: number;
  guidance: string;
};

/** Points are counted in half points (扣0.5分 is common in 评查标准); tenths avoid floating-point drift. */
const tenths = (points: number) => Math.round(points * 10);
const fromTenths = (value: number) => value / 10;

export const isHalfPointStep = (points: number) => Number.isFinite(points) && tenths(points) % 5 === 0;

export function rubricTotal(items: readonly Pick<RubricItem, 'maxPoints'>[]): number {
  return fromTenths(items.reduce((sum, item) => sum + tenths(item.maxPoints), 0));
}

/** A rubric's total must be this, so an excellence threshold (e.g. 90) means the same in every round. */
export const rubricFullMarks = 100;

export type Deduction = { itemId: string; points: number; comment: string };
export type ScoreProblem = { path: string; message: string };

/**
 * The total of a scored file: full marks minus the points deducted item by item. Problems name the
 * offending deduction (unknown item, more than the item carries, not a half-point step, no reason given).
 */
export function scoreTotal(
  items: readonly RubricItem[],
  deductions: readonly Deduction[],
): { total: number; problems: ScoreProblem[] } {
  const byId = new Map(items.map((item) => [item.id, item]));
  const seen = new Set<string>();
  const problems: ScoreProblem[] = [];
  let deducted = 0;
  deductions.forEach((d, i) => {
    const item = byId.get(d.itemId);
    if (!item) {
      problems.push({ path: `deductions.${i}.itemId`, message: '评查项目不在本轮评查标准中' });
      return;
    }
    if (seen.has(d.itemId)) {
      problems.push({ path: `deductions.${i}.itemId`, message: `评查项目「${item.text}」重复扣分` });
      return;
    }
    seen.add(d.itemId);
    if (d.points < 0 || tenths(d.points) > tenths(item.maxPoints))
      problems.push({
        path: `deductions.${i}.points`,
        message: `「${item.text}」扣分应在0至${item.maxPoints}分之间`,
      });
    else if (!isHalfPointStep(d.points))
      problems.push({ path: `deductions.${i}.points`, message: '扣分应以0.5分为单位' });
    else if (d.points > 0 && !d.comment.trim())
      problems.push({ path: `deductions.${i}.comment`, message: `「${item.text}」扣分须写明理由` });
    else deducted += tenths(d.points);
  });
  return { total: fromTenths(tenths(rubricTotal(items)) - deducted), problems };
}

/** Problems of a rubric as edited: duplicate ids, points that are not positive half-point steps, a wrong total. */
export function rubricProblems(items: readonly RubricItem[]): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) problems.push({ path: `items.${i}.id`, message: '评查项目编号重复' });
    ids.add(item.id);
    if (item.maxPoints <= 0 || !isHalfPointStep(item.maxPoints))
      problems.push({ path: `items.${i}.maxPoints`, message: '分值应为正数，以0.5分为单位' });
  });
  const total = rubricTotal(items);
  if (problems.length === 0 && total !== rubricFullMarks)
    problems.push({
      path: 'items',
      message: `各项分值合计应为${rubricFullMarks}分，当前为${total}分`,
    });
  return problems;
}

/**
 * The default rubric, for an organisation that has not written its own. Modelled on the 行政处罚案卷评查标准
 * that provincial justice departments and health commissions publish for their yearly 行政执法案卷评查
 * (主体、证据、法律适用、程序、裁量、文书、归档, 100 points): a starting point that each organisation is
 * expected to adapt to its province's current standard in 评查标准 (the rubric editor), not a binding text.
 */
export const defaultRubricItems: readonly RubricItem[] = [
  {
    id: 'subject-authority',
    category: '执法主体',
    text: '执法主体合法，案件属于本机关管辖范围',
    maxPoints: 5,
    guidance: '超越职权或管辖错误的，本项不得分，且不得评为优秀案卷',
  },
  {
    id: 'subject-officers',
    category: '执法主体',
    text: '执法人员不少于两人，均持有效行政执法证件',
    maxPoints: 5,
    guidance: '执法人员不足两人或无有效执法证的，本项不得分',
  },
  {
    id: 'evidence-facts',
    category: '事实证据',
    text: '违法事实清楚，当事人认定准确',
    maxPoints: 10,
    guidance: '事实不清或当事人认定错误的，本项不得分；事实表述不完整的，酌情扣2至5分',
  },
  {
    id: 'evidence-sufficient',
    category: '事实证据',
    text: '证据确实充分，取证合法，证据之间能相互印证',
    maxPoints: 10,
    guidance: '主要证据缺失的，本项不得分；证据形式不合法或不能相互印证的，每处扣2分',
  },
  {
    id: 'evidence-form',
    category: '事实证据',
    text: '证据形式规范（现场笔录、询问笔录、视听资料等要素齐全，有当事人签字确认）',
    maxPoints: 5,
    guidance: '每缺一项要素或签字，扣1分',
  },
  {
    id: 'law-applied',
    category: '法律适用',
    text: '适用法律、法规、规章正确，定性准确',
    maxPoints: 10,
    guidance: '适用法律错误或定性错误的，本项不得分',
  },
  {
    id: 'law-cited',
    category: '法律适用',
    text: '引用法律条文具体到条、款、项、目',
    maxPoints: 5,
    guidance: '引用不具体或不完整的，每处扣1分',
  },
  {
    id: 'procedure-filing',
    category: '执法程序',
    text: '立案、调查取证符合法定程序，按规定审批',
    maxPoints: 5,
    guidance: '未经立案审批先行调查或审批手续不全的，扣3至5分',
  },
  {
    id: 'procedure-notice',
    category: '执法程序',
    text: '依法履行事先告知义务，保障当事人陈述、申辩和听证权利',
    maxPoints: 10,
    guidance: '未告知或剥夺当事人陈述申辩、听证权利的，本项不得分，且不得评为优秀案卷',
  },
  {
    id: 'procedure-review',
    category: '执法程序',
    text: '重大执法决定经法制审核，情节复杂或重大违法行为经集体讨论',
    maxPoints: 5,
    guidance: '应审核未审核、应集体讨论未讨论的，本项不得分',
  },
  {
    id: 'procedure-deadlines',
    category: '执法程序',
    text: '在法定期限内作出决定并依法送达，执行到位',
    maxPoints: 5,
    guidance: '超过办案期限或送达不符合规定的，每处扣2分',
  },
  {
    id: 'discretion-benchmark',
    category: '裁量适用',
    text: '处罚种类和幅度符合裁量基准，过罚相当',
    maxPoints: 5,
    guidance: '超出裁量基准幅度且无书面理由的，本项不得分',
  },
  {
    id: 'discretion-reasons',
    category: '裁量适用',
    text: '从轻、减轻、不予处罚或从重处罚的理由充分，说理到位',
    maxPoints: 5,
    guidance: '裁量理由缺失或不充分的，扣2至5分',
  },
  {
    id: 'documents-complete',
    category: '文书制作',
    text: '执法文书齐全，格式规范，要素完整',
    maxPoints: 5,
    guidance: '每缺一种必备文书扣2分，要素缺失每处扣0.5分',
  },
  {
    id: 'documents-wording',
    category: '文书制作',
    text: '文书用语准确，文号、日期、印章规范，无涂改',
    maxPoints: 5,
    guidance: '用语不当、文号或日期错误、涂改未签章的，每处扣0.5分',
  },
  {
    id: 'archive',
    category: '归档管理',
    text: '按时结案，立卷归档规范，卷内目录与材料一致',
    maxPoints: 5,
    guidance: '未按规定立卷归档或卷内材料顺序混乱的，扣1至3分',
  },
];

/** The categories of the default rubric, offered first in the editor (an organisation may add its own). */
export const rubricCategories = [...new Set(defaultRubricItems.map((item) => item.category))];
