// 结案前自查 (pre-closure self-check) and the 案卷 export's payloads. The check is pure: the server loads a
// snapshot of the record, this file decides what is missing, late or uncertified.
import { z } from 'zod';
import { documentKindLabels } from './documents.ts';
import { ordinaryPenaltyProcedure, simplePenaltyProcedure } from './procedure.ts';

export const SelfCheckItem = z.object({
  id: z.string(),
  label: z.string(),
  passed: z.boolean(),
  detail: z.string(),
});
export type SelfCheckItem = z.infer<typeof SelfCheckItem>;

export const SelfCheckResult = z.object({ ok: z.boolean(), items: z.array(SelfCheckItem) });
export type SelfCheckResult = z.infer<typeof SelfCheckResult>;

/** Everything the self-check reads, as plain data (no database). Dates are YYYY-MM-DD in Asia/Shanghai. */
export type CaseFileSnapshot = {
  procedure: 'ordinary' | 'simple';
  state: string;
  isMajor: boolean;
  requiresCollectiveDeliberation: boolean;
  today: string;
  steps: readonly { action: string; date: string }[];
  documentKinds: readonly string[];
  deadlines: readonly {
    clock: string;
    label: string;
    status: string;
    dueDate: string | null;
    stoppedOn: string | null;
    citation: string;
    /** Whose period it is (legal-rules.ts): a party's period that lapses before the next step is no delay of ours. */
    protects: 'party' | 'agency' | null;
    error: string | null;
  }[];
  /** Each 调查取证 act with its officers and, per officer, why they could not enforce that day (null = certified). */
  investigations: readonly { date: string; officers: readonly { name: string; problem: string | null }[] }[];
};

type Actions = Record<string, { label: string; from: readonly string[]; documents?: readonly string[] }>;

const labelOf = (kind: string) => (documentKindLabels as Record<string, string>)[kind] ?? kind;

function actionsOf(procedure: CaseFileSnapshot['procedure']): Actions {
  return (
    procedure === 'simple' ? simplePenaltyProcedure.actions : ordinaryPenaltyProcedure.actions
  ) as Actions;
}

/** 文书 the steps taken require (each action's `documents`), and the 结案报告 once the case can be closed. */
function documentItems(s: CaseFileSnapshot): SelfCheckItem[] {
  const actions = actionsOf(s.procedure);
  const required = new Map<string, string>();
  for (const step of s.steps) {
    const action = actions[step.action];
    for (const kind of action?.documents ?? [])
      if (!required.has(kind)) required.set(kind, `${action!.label}（${step.date}）`);
  }
  // 行政处罚法第四十七条：全过程记录，归档保存 — the closing documents must exist before 结案.
  const close = actions.close;
  if (close && (close.from.includes(s.state) || s.steps.some((st) => st.action === 'close')))
    for (const kind of close.documents ?? []) if (!required.has(kind)) required.set(kind, '结案');
  return [...required].map(([kind, reason]) => {
    const present = s.documentKinds.includes(kind);
    return {
      id: `document:${kind}`,
      label: `文书：${labelOf(kind)}`,
      passed: present,
      detail: present ? `已制作（${reason}）` : `缺少${labelOf(kind)}（${reason}应附）`,
    };
  });
}

/**
 * Every clock met: none of the agency's own periods stopped after its due date, none still running past it.
 * A party's period (陈述申辩、听证申请) ends by lapsing; acting after it is what 第六十二条 requires.
 */
function deadlineItems(s: CaseFileSnapshot): SelfCheckItem[] {
  return s.deadlines.map((d) => {
    const base = { id: `deadline:${d.clock}`, label: `期限：${d.label}` };
    if (!d.dueDate)
      return { ...base, passed: false, detail: `期限无法计算：${d.error ?? '缺少日历'}（${d.citation}）` };
    if (d.stoppedOn && d.stoppedOn > d.dueDate && d.protects !== 'party')
      return {
        ...base,
        passed: false,
        detail: `逾期：应于${d.dueDate}前完成，实际${d.stoppedOn}（${d.citation}）`,
      };
    if (d.status === 'running' && d.dueDate < s.today)
      return { ...base, passed: false, detail: `已逾期：截止${d.dueDate}，尚未完成（${d.citation}）` };
    const detail = d.stoppedOn
      ? d.stoppedOn > d.dueDate
        ? `当事人期间${d.dueDate}届满，${d.stoppedOn}进入下一步骤（${d.citation}）`
        : `按期：截止${d.dueDate}，${d.stoppedOn}完成（${d.citation}）`
      : `进行中：截止${d.dueDate}（${d.citation}）`;
    return { ...base, passed: true, detail };
  });
}

/** 行政处罚法第四十二条：执法人员不得少于两人，且持有效执法证. */
function investigationItems(s: CaseFileSnapshot): SelfCheckItem[] {
  return s.investigations.map((inv, i) => {
    const problems = inv.officers.flatMap((o) => (o.problem ? [`${o.name}：${o.problem}`] : []));
    const names = inv.officers.map((o) => o.name).join('、') || '（未记录）';
    const detail =
      inv.officers.length < 2
        ? `执法人员不足两人（${names}）`
        : problems.length
          ? `执法人员当日不具备执法资格：${problems.join('；')}`
          : `${names}，当日均持有效执法证`;
    return {
      id: `investigation:${i + 1}`,
      label: `调查取证（${inv.date}）执法人员资格`,
      passed: inv.officers.length >= 2 && problems.length === 0,
      detail,
    };
  });
}

function has(s: CaseFileSnapshot, action: string): boolean {
  return s.steps.some((st) => st.action === action);
}

function reviewItems(s: CaseFileSnapshot): SelfCheckItem[] {
  if (s.procedure === 'simple') return [];
  const items: SelfCheckItem[] = [];
  // 行政处罚法第五十八条：重大执法决定须经法制审核.
  const reviewed = has(s, 'passLegalReview') && s.documentKinds.includes('legalReviewOpinion');
  items.push({
    id: 'legalReview',
    label: '法制审核',
    passed: !s.isMajor || reviewed,
    detail: !s.isMajor
      ? reviewed
        ? '已通过法制审核'
        : '非重大执法决定，无需法制审核'
      : reviewed
        ? '重大执法决定已通过法制审核'
        : '重大执法决定未经法制审核或缺少法制审核意见书（行政处罚法第五十八条）',
  });
  // 行政处罚法第五十七条第二款：情节复杂或者重大违法行为，应当集体讨论决定.
  const deliberated =
    has(s, 'recordCollectiveDeliberation') && s.documentKinds.includes('collectiveDeliberationRecord');
  items.push({
    id: 'collectiveDeliberation',
    label: '集体讨论',
    passed: !s.requiresCollectiveDeliberation || deliberated,
    detail: !s.requiresCollectiveDeliberation
      ? '本案无需集体讨论'
      : deliberated
        ? '已经集体讨论并有记录'
        : '本案须经集体讨论，未记录集体讨论或缺少集体讨论记录（行政处罚法第五十七条）',
  });
  // 行政处罚法第六十一条：决定书应当送达，以送达回证为凭.
  const decided = has(s, 'decide');
  const served = has(s, 'serve') && s.documentKinds.includes('serviceReceipt');
  items.push({
    id: 'service',
    label: '送达',
    passed: !decided || served,
    detail: !decided
      ? '未作出处罚决定，无需送达'
      : served
        ? '处罚决定书已送达，有送达回证'
        : '处罚决定书未送达或缺少送达回证（行政处罚法第六十一条）',
  });
  return items;
}

/** 结案前自查: every item, and ok only when all pass. */
export function runSelfCheck(snapshot: CaseFileSnapshot): SelfCheckResult {
  const items = [
    ...documentItems(snapshot),
    ...deadlineItems(snapshot),
    ...investigationItems(snapshot),
    ...reviewItems(snapshot),
  ];
  return { ok: items.every((i) => i.passed), items };
}
