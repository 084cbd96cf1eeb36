// Chinese labels the case pages show for the codes of src/shared/cases (states, enum options, evidence kinds).
import dayjs from 'dayjs';
import { ordinaryPenaltyStates, type OrdinaryPenaltyState } from '../../../shared/cases/procedure.ts';
import { caseSourceLabels } from '../../../shared/cases/records.ts';
import { partyKindLabels } from '../../../shared/cases/parties.ts';
import { penaltyKindLabels } from '../../../shared/cases/penalties.ts';
import { deliberationConclusionLabels } from '../../../shared/cases/payloads.ts';
import { discretionTierLabels } from '../../../shared/cases/discretion.ts';

export const evidenceKinds = ['photo', 'audio', 'video', 'document'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];
export const evidenceKindLabels: Record<EvidenceKind, string> = {
  photo: '照片',
  audio: '录音',
  video: '录像',
  document: '书证/文件',
};

export function evidenceKindLabel(kind: string): string {
  return (evidenceKindLabels as Record<string, string>)[kind] ?? kind;
}

export const stateOptions = Object.entries(ordinaryPenaltyStates).map(([value, label]) => ({ value, label }));

const stateColors: Record<OrdinaryPenaltyState, string> = {
  lead: 'default',
  filed: 'blue',
  investigating: 'processing',
  suspended: 'warning',
  deliberated: 'blue',
  noticeServed: 'cyan',
  hearing: 'purple',
  legalReview: 'geekblue',
  collectiveDeliberation: 'geekblue',
  decided: 'orange',
  served: 'orange',
  enforcing: 'volcano',
  closed: 'success',
  archived: 'default',
  notFiled: 'default',
  notPenalised: 'default',
  transferred: 'default',
  revoked: 'error',
};

export function stateColor(state: string): string {
  return (stateColors as Record<string, string>)[state] ?? 'default';
}

/**
 * Labels of the enum options in the action inputs (src/shared/cases/payloads.ts), by value. A value used by
 * two enums (移送, 其他, 违法事实不能成立) means the same in both.
 */
export const optionLabels: Readonly<Record<string, string>> = {
  // 合议结论 and 裁量阶次 first: a later, more specific label of the same code wins ('transfer' → 移送).
  ...deliberationConclusionLabels,
  ...discretionTierLabels,
  ...caseSourceLabels,
  ...penaltyKindLabels,
  ...partyKindLabels,
  // 移送类型
  jurisdiction: '移送有管辖权的行政机关',
  judicial: '移送司法机关',
  otherAgency: '移送其他有关机关',
  // 调查取证方式
  onSiteInspection: '现场检查',
  inquiry: '询问',
  sampling: '抽样取证',
  documentCollection: '调取书证、物证',
  audioVisual: '音像记录',
  // 登记保存处理方式
  release: '解除先行登记保存',
  seize: '依法查封、扣押',
  transfer: '移送',
  // 中止事由
  partyMissing: '当事人下落不明或无法联系',
  awaitingOtherAuthority: '须等待其他机关处理结果',
  awaitingExpertOpinion: '须等待检验、检测、鉴定结论',
  forceMajeure: '因不可抗力无法继续调查',
  // 送达方式
  inPerson: '直接送达',
  leftAtResidence: '留置送达',
  entrusted: '委托送达',
  post: '邮寄送达',
  electronic: '电子送达',
  publicNotice: '公告送达',
  // 终止听证事由
  withdrawn: '当事人撤回听证申请',
  absent: '当事人无正当理由不参加听证',
  leftWithoutPermission: '当事人未经许可中途退出听证',
  // 不予处罚情形（第三十条、第三十一条、第三十三条、第三十六条）
  minorViolation: '违法行为轻微并及时改正，没有造成危害后果',
  firstViolation: '初次违法且危害后果轻微并及时改正',
  noFault: '当事人有证据足以证明没有主观过错',
  underFourteen: '不满十四周岁的未成年人',
  mentalIncapacity: '精神病人、智力残疾人不能辨认或者控制自己行为',
  timeBarred: '超过追责期限',
  // 不予公开事由
  stateSecret: '涉及国家秘密',
  businessSecret: '涉及商业秘密',
  personalPrivacy: '涉及个人隐私',
  otherLaw: '法律、行政法规规定不予公开',
  // 撤销依据
  selfCorrection: '行政机关自行纠正',
  reconsideration: '行政复议决定',
  litigation: '人民法院裁判',
  // 公共
  other: '其他',
};

export function optionLabel(value: string): string {
  return optionLabels[value] ?? value;
}

/** Calendar days from today to `dueDate` (negative when overdue). */
export function daysUntil(dueDate: string, today = dayjs()): number {
  return dayjs(dueDate).startOf('day').diff(today.startOf('day'), 'day');
}

/** `剩余N天`, `今日到期` or `逾期N天`. */
export function dueText(dueDate: string, today = dayjs()): string {
  const days = daysUntil(dueDate, today);
  if (days < 0) return `逾期${-days}天`;
  if (days === 0) return '今日到期';
  return `剩余${days}天`;
}

/** 1234.5 → '1,234.50 元'. */
export function formatYuan(value: number): string {
  return `${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}
