// Statutory periods and thresholds as data: one entry per rule row of legal-rules.md, under the same IDs.
// A row with several periods keeps its ID for the main one; the others get a descriptive suffix.
import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  isWorkingDay,
  subtractWorkingDays,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  type CalendarData,
} from './calendar.ts';

/** naturalDay = 自然日; workingDay = 工作日 (§0); month and year follow 民法典第二百零二条. */
export type PeriodUnit = 'naturalDay' | 'workingDay' | 'month' | 'year';

/**
 * deadline: act within the period after the start event (the default).
 * minimum: the period must be allowed at least (comment periods, review time); the date is its earliest end.
 * leadTime: act at least the period before an event (e.g. hearing notice); the start date is the event date.
 */
export type PeriodLimit = 'deadline' | 'minimum' | 'leadTime';

export type ThresholdUnit =
  | 'yuan'
  | 'person'
  | 'hour'
  | 'naturalDay'
  | 'workingDay'
  | 'timesPerYear'
  | 'yearsOfAge'
  | 'percentOfFine'
  | 'percentOfFinePerDay'
  | 'percentOfStaff';

export type Threshold = {
  label: string;
  comparison: 'atMost' | 'atLeast' | 'lessThan' | 'exactly';
  /** Absent when the value is set locally (configurable). */
  value?: number;
  unit: ThresholdUnit;
};

export type LegalRule = {
  /** Chinese short name. */
  title: string;
  period?: number;
  unit?: PeriodUnit;
  limit?: PeriodLimit;
  /** Longest approved extension, in the same unit. */
  extension?: number;
  citation: string;
  /** Whose period it is: party = time given to the party (CNT-11(a)); agency = the authority's own duty (CNT-11(b)). */
  protects?: 'party' | 'agency';
  /** V verified, S secondary source, U unverified (legal-rules.md "Confidence"). */
  confidence: 'V' | 'S' | 'U';
  /** Set per organisation; `period` is then only the default. */
  configurable?: boolean;
  threshold?: readonly Threshold[];
  /** A yearly due date written as "每年M月D日前". */
  annualDeadline?: { month: number; day: number };
  /** A one-off due date. */
  fixedDate?: string;
};

// prettier-ignore
export const legalRules = {
  // §1 行政处罚法 (CNT-5: 二日、三日、五日、七日 are working days; 15 and 90 days are natural days)
  'XZCF-30': { title: '未成年人违法', citation: '行政处罚法第三十条', confidence: 'V', threshold: [
    { label: '不予行政处罚（不满十四周岁）', comparison: 'lessThan', value: 14, unit: 'yearsOfAge' },
    { label: '应当从轻或者减轻（不满十八周岁）', comparison: 'lessThan', value: 18, unit: 'yearsOfAge' }] },
  'XZCF-36': { title: '行政处罚追责时效', period: 2, unit: 'year', citation: '行政处罚法第三十六条', protects: 'agency', confidence: 'V' },
  'XZCF-36-aggravated': { title: '追责时效（涉及生命健康安全且有危害后果）', period: 5, unit: 'year', citation: '行政处罚法第三十六条', protects: 'agency', confidence: 'V' },
  'XZCF-42': { title: '执法人员人数', citation: '行政处罚法第四十二条', confidence: 'V', threshold: [{ label: '执法人员', comparison: 'atLeast', value: 2, unit: 'person' }] },
  'XZCF-48': { title: '撤回已公开的处罚决定信息', period: 3, unit: 'workingDay', citation: '行政处罚法第四十八条', protects: 'agency', confidence: 'V' },
  'XZCF-51': { title: '简易程序（当场处罚）适用范围', citation: '行政处罚法第五十一条', confidence: 'V', threshold: [
    { label: '对公民罚款', comparison: 'atMost', value: 200, unit: 'yuan' },
    { label: '对法人或者其他组织罚款', comparison: 'atMost', value: 3000, unit: 'yuan' }] },
  'XZCF-56': { title: '先行登记保存后作出处理决定', period: 7, unit: 'workingDay', citation: '行政处罚法第五十六条', protects: 'agency', confidence: 'V' },
  // No statutory period (第四十四条、第四十五条、第六十二条 only require hearing the party); 3 working days is the common practice.
  'XZCF-CSSB': { title: '陈述申辩期限', period: 3, unit: 'workingDay', citation: '行政处罚法第四十四条、第四十五条（法律未规定期限）', protects: 'party', confidence: 'U', configurable: true },
  'XZCF-60': { title: '作出行政处罚决定', period: 90, unit: 'naturalDay', citation: '行政处罚法第六十条', protects: 'agency', confidence: 'V' },
  'XZCF-61': { title: '送达行政处罚决定书（当事人不在场）', period: 7, unit: 'workingDay', citation: '行政处罚法第六十一条', protects: 'agency', confidence: 'V' },
  // What counts as 较大数额 is set by provincial or department rules.
  'XZCF-63': { title: '听证范围（较大数额标准）', citation: '行政处罚法第六十三条', confidence: 'U', configurable: true, threshold: [
    { label: '较大数额罚款', comparison: 'atLeast', unit: 'yuan' },
    { label: '没收较大数额违法所得、较大价值非法财物', comparison: 'atLeast', unit: 'yuan' }] },
  'XZCF-64-1': { title: '申请听证', period: 5, unit: 'workingDay', citation: '行政处罚法第六十四条第（一）项', protects: 'party', confidence: 'V' },
  'XZCF-64-2': { title: '听证通知', period: 7, unit: 'workingDay', limit: 'leadTime', citation: '行政处罚法第六十四条第（二）项', protects: 'agency', confidence: 'V' },
  'XZCF-67': { title: '缴纳罚款', period: 15, unit: 'naturalDay', citation: '行政处罚法第六十七条第三款', protects: 'party', confidence: 'V' },
  'XZCF-68': { title: '当场收缴罚款', citation: '行政处罚法第六十八条', confidence: 'V', threshold: [{ label: '当场收缴的罚款', comparison: 'atMost', value: 100, unit: 'yuan' }] },
  'XZCF-71': { title: '当场收缴的罚款交至行政机关', period: 2, unit: 'workingDay', citation: '行政处罚法第七十一条', protects: 'agency', confidence: 'V' },
  'XZCF-71-bank': { title: '罚款缴付指定银行', period: 2, unit: 'workingDay', citation: '行政处罚法第七十一条', protects: 'agency', confidence: 'V' },
  'XZCF-72': { title: '加处罚款', citation: '行政处罚法第七十二条', confidence: 'V', threshold: [
    { label: '每日加处罚款比例', comparison: 'exactly', value: 3, unit: 'percentOfFinePerDay' },
    { label: '加处罚款总额', comparison: 'atMost', value: 100, unit: 'percentOfFine' }] },
  // 行政强制法 (CNT-8: ten days or less are working days)
  'XZQZ-46': { title: '加处罚款满三十日后强制执行', period: 30, unit: 'naturalDay', limit: 'minimum', citation: '行政强制法第四十六条', protects: 'party', confidence: 'V' },
  'XZQZ-53': { title: '申请人民法院强制执行', period: 3, unit: 'month', citation: '行政强制法第五十三条', protects: 'agency', confidence: 'V' },
  'XZQZ-54': { title: '催告书送达后申请强制执行', period: 10, unit: 'workingDay', limit: 'minimum', citation: '行政强制法第五十四条', protects: 'party', confidence: 'V' },

  // §2 卫生健康行政处罚程序规定 (国家卫生健康委员会令第13号); its 立案、期限 articles were not read
  'WJCF-53': { title: '送达卫生健康行政处罚决定书', period: 7, unit: 'workingDay', citation: '卫生健康行政处罚程序规定第五十三条', protects: 'agency', confidence: 'S' },
  'WJCF-LA': { title: '立案期限（卫生健康，待核实）', period: 7, unit: 'naturalDay', citation: '卫生健康行政处罚程序规定（立案条文待核实）', protects: 'agency', confidence: 'U', configurable: true },
  'WJCF-LA-1997': { title: '立案期限（1997年旧规，已废止）', period: 7, unit: 'naturalDay', citation: '卫生行政处罚程序（卫生部令第53号，已废止）', protects: 'agency', confidence: 'S' },
  'WJCF-QX-2006': { title: '处罚决定期限（2006年旧规，已废止）', period: 3, unit: 'month', citation: '卫生行政处罚程序第二十九条（卫政法发〔2006〕68号修订，已废止）', protects: 'agency', confidence: 'S' },
  'WJCF-QX': { title: '卫生健康行政处罚决定期限', period: 90, unit: 'naturalDay', citation: '行政处罚法第六十条', protects: 'agency', confidence: 'U', configurable: true },

  // §3 行政复议法 (CNT-6: 三日、五日、七日、十日 are working days)
  'XZFY-20': { title: '申请行政复议', period: 60, unit: 'naturalDay', citation: '行政复议法第二十条', protects: 'party', confidence: 'V' },
  'XZFY-20-max': { title: '未告知复议权利时的最长申请期限', period: 1, unit: 'year', citation: '行政复议法第二十条', protects: 'party', confidence: 'V' },
  'XZFY-21': { title: '复议申请最长期限', period: 5, unit: 'year', citation: '行政复议法第二十一条', protects: 'party', confidence: 'V' },
  'XZFY-21-realProperty': { title: '复议申请最长期限（不动产）', period: 20, unit: 'year', citation: '行政复议法第二十一条', protects: 'party', confidence: 'V' },
  'XZFY-30': { title: '复议申请受理审查', period: 5, unit: 'workingDay', citation: '行政复议法第三十条', protects: 'agency', confidence: 'V' },
  'XZFY-31': { title: '通知补正复议申请', period: 5, unit: 'workingDay', citation: '行政复议法第三十一条', protects: 'agency', confidence: 'V' },
  'XZFY-31-applicant': { title: '申请人提交补正材料', period: 10, unit: 'workingDay', citation: '行政复议法第三十一条', protects: 'party', confidence: 'V' },
  'XZFY-32': { title: '转送行政复议申请', period: 5, unit: 'workingDay', citation: '行政复议法第三十二条', protects: 'agency', confidence: 'V' },
  'XZFY-34': { title: '复议前置案件起诉', period: 15, unit: 'naturalDay', citation: '行政复议法第三十四条', protects: 'party', confidence: 'V' },
  'XZFY-48': { title: '被申请人书面答复并提交证据', period: 10, unit: 'workingDay', citation: '行政复议法第四十八条', protects: 'agency', confidence: 'V' },
  'XZFY-48-copy': { title: '发送复议申请书副本', period: 7, unit: 'workingDay', citation: '行政复议法第四十八条', protects: 'agency', confidence: 'V' },
  'XZFY-50/51': { title: '复议听证通知', period: 5, unit: 'workingDay', limit: 'leadTime', citation: '行政复议法第五十一条', protects: 'agency', confidence: 'V' },
  'XZFY-53/54': { title: '简易程序书面答复', period: 5, unit: 'workingDay', citation: '行政复议法第五十三条、第五十四条', protects: 'agency', confidence: 'V', threshold: [
    { label: '适用简易程序的案件款额', comparison: 'atMost', value: 3000, unit: 'yuan' }] },
  'XZFY-53/54-copy': { title: '简易程序发送申请书副本', period: 3, unit: 'workingDay', citation: '行政复议法第五十四条', protects: 'agency', confidence: 'V' },
  'XZFY-62': { title: '作出行政复议决定（普通程序）', period: 60, unit: 'naturalDay', extension: 30, citation: '行政复议法第六十二条', protects: 'agency', confidence: 'V' },
  'XZFY-62-simple': { title: '作出行政复议决定（简易程序）', period: 30, unit: 'naturalDay', citation: '行政复议法第六十二条', protects: 'agency', confidence: 'V' },
  'XZFY-76': { title: '报送复议意见书落实情况', period: 60, unit: 'naturalDay', citation: '行政复议法第七十六条', protects: 'agency', confidence: 'V' },

  // §4 行政诉讼法 and its 2018 interpretation (CNT-9: natural days, 民事诉讼法 counting)
  'XZSS-67': { title: '提交答辩状和证据', period: 15, unit: 'naturalDay', citation: '行政诉讼法第六十七条', protects: 'agency', confidence: 'V' },
  'JS-34': { title: '申请延期提供证据', period: 15, unit: 'naturalDay', citation: '最高人民法院关于适用《中华人民共和国行政诉讼法》的解释第三十四条', protects: 'agency', confidence: 'V' },
  'JS-34-afterObstacle': { title: '正当事由消除后提供证据', period: 15, unit: 'naturalDay', citation: '最高人民法院关于适用《中华人民共和国行政诉讼法》的解释第三十四条', protects: 'agency', confidence: 'V' },
  'XZSS-45/46': { title: '复议后起诉', period: 15, unit: 'naturalDay', citation: '行政诉讼法第四十五条', protects: 'party', confidence: 'V' },
  'XZSS-45/46-direct': { title: '直接起诉', period: 6, unit: 'month', citation: '行政诉讼法第四十六条', protects: 'party', confidence: 'V' },
  'XZSS-45/46-max': { title: '起诉最长期限', period: 5, unit: 'year', citation: '行政诉讼法第四十六条', protects: 'party', confidence: 'V' },
  'XZSS-45/46-realProperty': { title: '起诉最长期限（不动产）', period: 20, unit: 'year', citation: '行政诉讼法第四十六条', protects: 'party', confidence: 'V' },
  'XZSS-81/83/85/88': { title: '不服一审判决上诉', period: 15, unit: 'naturalDay', citation: '行政诉讼法第八十五条', protects: 'party', confidence: 'V' },
  'XZSS-81/83/85/88-ruling': { title: '不服一审裁定上诉', period: 10, unit: 'naturalDay', citation: '行政诉讼法第八十五条', protects: 'party', confidence: 'V' },
  'XZSS-81/83/85/88-firstInstance': { title: '一审审理期限', period: 6, unit: 'month', citation: '行政诉讼法第八十一条', protects: 'agency', confidence: 'V' },
  'XZSS-81/83/85/88-simplified': { title: '简易程序审理期限', period: 45, unit: 'naturalDay', citation: '行政诉讼法第八十三条', protects: 'agency', confidence: 'V' },
  'XZSS-81/83/85/88-secondInstance': { title: '二审审理期限', period: 3, unit: 'month', citation: '行政诉讼法第八十八条', protects: 'agency', confidence: 'V' },

  // §5 重大行政决策程序暂行条例 (departments apply it by reference, 第四十二条)
  'ZDJC-15': { title: '重大决策公开征求意见', period: 30, unit: 'naturalDay', limit: 'minimum', citation: '重大行政决策程序暂行条例第十五条', protects: 'party', confidence: 'V' },
  'ZDJC-16': { title: '听证会材料送达', period: 7, unit: 'naturalDay', limit: 'leadTime', citation: '重大行政决策程序暂行条例第十六条', protects: 'agency', confidence: 'V' },
  'ZDJC-25/26': { title: '合法性审查时间', period: 7, unit: 'workingDay', limit: 'minimum', citation: '重大行政决策程序暂行条例第二十六条', protects: 'agency', confidence: 'V' },

  // §6 Normative documents and 规章
  'GF-ZJ-1': { title: '规范性文件公开征求意见', period: 7, unit: 'workingDay', limit: 'minimum', citation: '市县法治政府建设示范指标体系第24项', protects: 'party', confidence: 'S' },
  'GF-ZJ-2': { title: '涉企规范性文件公开征求意见', period: 30, unit: 'naturalDay', limit: 'minimum', citation: '优化营商环境条例第六十二条', protects: 'party', confidence: 'V' },
  'GF-115': { title: '规范性文件合法性审核时间', period: 5, unit: 'workingDay', limit: 'minimum', citation: '国办发〔2018〕115号', protects: 'agency', confidence: 'U' },
  'GF-115-max': { title: '规范性文件合法性审核最长时间', period: 15, unit: 'workingDay', citation: '国办发〔2018〕115号', protects: 'agency', confidence: 'U' },
  'GF-YXQ': { title: '规范性文件有效期', period: 5, unit: 'year', citation: '山东省司法厅规范性文件制定管理办法第十一条（地方示例）', protects: 'agency', confidence: 'U', configurable: true },
  'GF-YXQ-trial': { title: '规范性文件有效期（试行、暂行）', period: 2, unit: 'year', citation: '山东省司法厅规范性文件制定管理办法第十一条（地方示例）', protects: 'agency', confidence: 'U', configurable: true },
  'GF-YXQ-evaluation': { title: '有效期届满前评估', period: 6, unit: 'month', limit: 'leadTime', citation: '山东省司法厅规范性文件制定管理办法第二十三条（地方示例）', protects: 'agency', confidence: 'U', configurable: true },
  'GF-BA': { title: '规范性文件报送备案', period: 30, unit: 'naturalDay', citation: '地方规范性文件备案规定（示例）', protects: 'agency', confidence: 'U', configurable: true },
  'GZ-34': { title: '规章报送备案', period: 30, unit: 'naturalDay', citation: '规章制定程序条例第三十四条；法规规章备案审查条例第四条', protects: 'agency', confidence: 'V' },
  'GZ-15/21': { title: '规章公开征求意见', period: 30, unit: 'naturalDay', limit: 'minimum', citation: '规章制定程序条例第十五条、第二十一条', protects: 'party', confidence: 'V' },
  'GZ-16': { title: '规章听证会公告', period: 30, unit: 'naturalDay', limit: 'leadTime', citation: '规章制定程序条例第十六条', protects: 'agency', confidence: 'V' },
  'GZ-32': { title: '规章公布后施行', period: 30, unit: 'naturalDay', limit: 'minimum', citation: '规章制定程序条例第三十二条', protects: 'party', confidence: 'V' },

  // §7 双随机、一公开
  'SSJ-GS': { title: '抽查检查结果公示', period: 20, unit: 'workingDay', citation: '国发〔2019〕5号（原文未核实）', protects: 'agency', confidence: 'S', configurable: true },
  'SSJ-QYGS': { title: '涉企行政许可、行政处罚信息公示', period: 20, unit: 'workingDay', citation: '企业信息公示暂行条例第六条', protects: 'agency', confidence: 'V' },
  'SSJ-HB': { title: '随机抽取检查人员人数', citation: '行政处罚法第四十二条', confidence: 'S', threshold: [{ label: '检查人员', comparison: 'atLeast', value: 2, unit: 'person' }] },
  'SSJ-CAP': { title: '入企检查频次上限', citation: '地方卫生健康入企检查频次规定（示例）', confidence: 'S', configurable: true, threshold: [
    { label: '市、县每级每年对同一企业', comparison: 'atMost', value: 2, unit: 'timesPerYear' },
    { label: '市、县两级每年合计', comparison: 'atMost', value: 4, unit: 'timesPerYear' }] },

  // §8 行政执法三项制度 (国办发〔2018〕118号, text not read)
  'SX-GS-1': { title: '行政许可、行政处罚决定公开', period: 7, unit: 'workingDay', citation: '国办发〔2018〕118号', protects: 'agency', confidence: 'S' },
  'SX-GS-2': { title: '其他执法决定公开', period: 20, unit: 'workingDay', citation: '国办发〔2018〕118号', protects: 'agency', confidence: 'S' },
  'SX-FZ': { title: '法制审核人员比例', citation: '国办发〔2018〕118号', confidence: 'U', threshold: [{ label: '法制审核人员占执法人员总数', comparison: 'atLeast', value: 5, unit: 'percentOfStaff' }] },
  'SX-GSQX': { title: '执法结果信息公开期限', period: 5, unit: 'year', citation: '地方执法公示规定（河北示例）', protects: 'agency', confidence: 'S', configurable: true },
  'SX-GSQX-naturalPerson': { title: '执法结果信息公开期限（相对人为自然人）', period: 2, unit: 'year', citation: '地方执法公示规定（河北示例）', protects: 'agency', confidence: 'S', configurable: true },

  // §9a 信访工作条例
  'XF-22': { title: '信访部门登记转送交办', period: 15, unit: 'naturalDay', citation: '信访工作条例第二十二条', protects: 'agency', confidence: 'V' },
  'XF-23-1': { title: '书面告知信访人（直接收到）', period: 15, unit: 'naturalDay', citation: '信访工作条例第二十三条第二款', protects: 'agency', confidence: 'V' },
  'XF-23-2': { title: '书面告知信访人（转送、交办）', period: 15, unit: 'naturalDay', citation: '信访工作条例第二十三条第三款', protects: 'agency', confidence: 'V' },
  'XF-23-2-objection': { title: '对转送、交办提出异议', period: 5, unit: 'workingDay', citation: '信访工作条例第二十三条第三款', protects: 'agency', confidence: 'V' },
  'XF-34': { title: '信访事项办结', period: 60, unit: 'naturalDay', extension: 30, citation: '信访工作条例第三十四条', protects: 'agency', confidence: 'V' },
  'XF-35': { title: '请求复查', period: 30, unit: 'naturalDay', citation: '信访工作条例第三十五条', protects: 'party', confidence: 'V' },
  'XF-35-opinion': { title: '提出复查意见', period: 30, unit: 'naturalDay', citation: '信访工作条例第三十五条', protects: 'agency', confidence: 'V' },
  'XF-36': { title: '请求复核', period: 30, unit: 'naturalDay', citation: '信访工作条例第三十六条', protects: 'party', confidence: 'V' },
  'XF-36-opinion': { title: '提出复核意见', period: 30, unit: 'naturalDay', citation: '信访工作条例第三十六条', protects: 'agency', confidence: 'V' },

  // §9b 12345 hotline: no national limits; a local example as configurable defaults
  'HL-LOCAL': { title: '12345咨询、求助类工单办理', period: 3, unit: 'workingDay', citation: '地方12345热线工单办理规定（示例）', protects: 'agency', confidence: 'S', configurable: true },
  'HL-LOCAL-complaint': { title: '12345建议批评、投诉举报类工单办理', period: 13, unit: 'workingDay', citation: '地方12345热线工单办理规定（示例）', protects: 'agency', confidence: 'S', configurable: true },
  'HL-LOCAL-urgent': { title: '12345紧急类工单（当日办理）', period: 0, unit: 'workingDay', citation: '地方12345热线工单办理规定（示例）', protects: 'agency', confidence: 'S', configurable: true },
  'HL-LOCAL-overdue': { title: '12345工单超期上报', citation: '地方12345热线工单办理规定（示例）', confidence: 'S', configurable: true, threshold: [
    { label: '超期上报', comparison: 'atLeast', value: 5, unit: 'workingDay' }] },

  // §9c 医疗纠纷预防和处理条例
  'YL-38': { title: '医疗纠纷人民调解', period: 30, unit: 'workingDay', citation: '医疗纠纷预防和处理条例第三十八条', protects: 'agency', confidence: 'V' },
  'YL-40-1': { title: '医疗纠纷行政调解受理决定', period: 5, unit: 'workingDay', citation: '医疗纠纷预防和处理条例第四十条第二款', protects: 'agency', confidence: 'V' },
  'YL-40-2': { title: '医疗纠纷行政调解', period: 30, unit: 'workingDay', citation: '医疗纠纷预防和处理条例第四十条第三款', protects: 'agency', confidence: 'V' },
  'YL-32': { title: '医疗纠纷人民调解委员会备案', period: 30, unit: 'workingDay', citation: '医疗纠纷预防和处理条例第三十二条', protects: 'agency', confidence: 'V' },
  'YL-26/27': { title: '尸检与尸体存放', citation: '医疗纠纷预防和处理条例第二十六条、第二十七条', confidence: 'V', threshold: [
    { label: '患者死亡后尸检', comparison: 'atMost', value: 48, unit: 'hour' },
    { label: '具备尸体冻存条件的尸检', comparison: 'atMost', value: 7, unit: 'naturalDay' },
    { label: '尸体存放', comparison: 'atMost', value: 14, unit: 'naturalDay' }] },
  'YL-24/25': { title: '封存病历资料自行启封', period: 3, unit: 'year', limit: 'minimum', citation: '医疗纠纷预防和处理条例第二十四条、第二十五条', protects: 'party', confidence: 'V' },

  // §10 法治政府建设年度报告 and the 政府信息公开 annual report
  'DC-REPORT': { title: '法治政府建设年度报告报送', citation: '法治政府建设与责任落实督察工作规定（条文序号待核实）', confidence: 'S', annualDeadline: { month: 3, day: 1 } },
  'DC-24': { title: '法治政府建设年度报告向社会公开', citation: '法治政府建设与责任落实督察工作规定第二十四条', confidence: 'S', annualDeadline: { month: 4, day: 1 } },
  'ZXGK-49': { title: '政府信息公开工作年度报告', citation: '政府信息公开条例第四十九条', confidence: 'V', annualDeadline: { month: 1, day: 31 } },

  // §11 政府信息公开条例
  'ZXGK-33': { title: '依申请公开答复', period: 20, unit: 'workingDay', extension: 20, citation: '政府信息公开条例第三十三条', protects: 'agency', confidence: 'V' },
  'ZXGK-30': { title: '一次性告知补正', period: 7, unit: 'workingDay', citation: '政府信息公开条例第三十条', protects: 'agency', confidence: 'V' },
  'ZXGK-32': { title: '第三方提出意见', period: 15, unit: 'workingDay', citation: '政府信息公开条例第三十二条', protects: 'party', confidence: 'V' },
  'ZXGK-34': { title: '共同制作机关提出意见', period: 15, unit: 'workingDay', citation: '政府信息公开条例第三十四条', protects: 'agency', confidence: 'V' },
  'ZXGK-26': { title: '主动公开政府信息', period: 20, unit: 'workingDay', citation: '政府信息公开条例第二十六条', protects: 'agency', confidence: 'V' },

  // §12 行政许可法 (CNT-7: the authority's periods are working days) and public-place hygiene licences
  'XZXK-32': { title: '一次告知补正申请材料', period: 5, unit: 'workingDay', citation: '行政许可法第三十二条', protects: 'agency', confidence: 'V' },
  'XZXK-34': { title: '实地核查人数', citation: '行政许可法第三十四条', confidence: 'V', threshold: [{ label: '核查工作人员', comparison: 'atLeast', value: 2, unit: 'person' }] },
  'XZXK-42': { title: '作出行政许可决定', period: 20, unit: 'workingDay', extension: 10, citation: '行政许可法第四十二条', protects: 'agency', confidence: 'V' },
  'XZXK-42-joint': { title: '统一办理、联合办理的许可决定', period: 45, unit: 'workingDay', extension: 15, citation: '行政许可法第四十二条', protects: 'agency', confidence: 'V' },
  'XZXK-43': { title: '下级机关初步审查', period: 20, unit: 'workingDay', citation: '行政许可法第四十三条', protects: 'agency', confidence: 'V' },
  'XZXK-44': { title: '颁发、送达行政许可证件', period: 10, unit: 'workingDay', citation: '行政许可法第四十四条', protects: 'agency', confidence: 'V' },
  'XZXK-47/48': { title: '申请许可听证', period: 5, unit: 'workingDay', citation: '行政许可法第四十七条', protects: 'party', confidence: 'V' },
  'XZXK-47/48-hold': { title: '组织许可听证', period: 20, unit: 'workingDay', citation: '行政许可法第四十七条', protects: 'agency', confidence: 'V' },
  'XZXK-47/48-notice': { title: '许可听证通知', period: 7, unit: 'workingDay', limit: 'leadTime', citation: '行政许可法第四十八条', protects: 'agency', confidence: 'V' },
  // A party's period, so CNT-7 does not make it working days.
  'XZXK-50': { title: '申请延续行政许可', period: 30, unit: 'naturalDay', limit: 'leadTime', citation: '行政许可法第五十条', protects: 'party', confidence: 'V' },
  'GGCS-4/8': { title: '公共场所卫生许可证复核', period: 2, unit: 'year', citation: '公共场所卫生管理条例第八条', protects: 'agency', confidence: 'V' },
  'GGCS-YXQ': { title: '公共场所卫生许可证有效期', period: 4, unit: 'year', citation: '公共场所卫生管理条例实施细则（卫生部令第80号）', protects: 'party', confidence: 'S' },
  'GGCS-YXQ-renewal': { title: '申请延续公共场所卫生许可证', period: 30, unit: 'naturalDay', limit: 'leadTime', citation: '公共场所卫生管理条例实施细则（卫生部令第80号）', protects: 'party', confidence: 'S' },
  'GGCS-GZCN': { title: '告知承诺制发证后现场核查', period: 2, unit: 'month', citation: '公共场所卫生许可告知承诺制改革通知（地方做法）', protects: 'agency', confidence: 'S', configurable: true },

  // §13 涉企行政检查 (国办发〔2024〕54号)
  'SQ-PC': { title: '公布年度入企检查频次上限', citation: '国办发〔2024〕54号', confidence: 'S', fixedDate: '2025-06-30' },
} as const satisfies Record<string, LegalRule>;

export type LegalRuleId = keyof typeof legalRules;

export type DueDate = {
  dueDate: string;
  /** The raw end of the period before any rest-day adjustment. */
  unshiftedDate: string;
  unit: PeriodUnit;
  citation: string;
  warning?: string;
};

export type DueDateOverride = {
  /** Organisation setting; only for configurable rules. */
  period?: number;
  /** Add the rule's approved extension (e.g. 行政复议法第六十二条 +30 日). */
  extended?: boolean;
};

function periodOf(ruleId: LegalRuleId, rule: LegalRule, override: DueDateOverride): number {
  if (override.period !== undefined && !rule.configurable) {
    throw new Error(`${rule.title}（${ruleId}）为法定期限，不能自行调整`);
  }
  if (override.period !== undefined && !(Number.isSafeInteger(override.period) && override.period >= 0)) {
    throw new RangeError(`期限必须为非负整数（收到：${override.period}）`);
  }
  const base = override.period ?? rule.period;
  if (base === undefined) throw new Error(`${rule.title}（${ruleId}）没有可计算的期限`);
  if (!override.extended) return base;
  if (rule.extension === undefined) throw new Error(`${rule.title}（${ruleId}）没有可延长的期限`);
  return base + rule.extension;
}

/**
 * The due date of a rule's period counted from startDate (for a leadTime rule: the event date).
 * Units come from the rule (CNT-5..CNT-8). A natural-day, month or year period ending on a rest day moves to
 * the next working day (CNT-3, CNT-11); for the agency's own deadlines a warning names the unshifted date.
 */
export function dueDateForRule(
  cal: CalendarData,
  ruleId: LegalRuleId,
  startDate: string,
  override: DueDateOverride = {},
): DueDate {
  const rule: LegalRule = legalRules[ruleId];
  const period = periodOf(ruleId, rule, override);
  const unit = rule.unit;
  if (unit === undefined) throw new Error(`${rule.title}（${ruleId}）缺少期限单位`);
  const limit = rule.limit ?? 'deadline';
  const base = { unit, citation: rule.citation };

  if (limit === 'leadTime') {
    if (unit === 'workingDay') {
      const dueDate = subtractWorkingDays(cal, startDate, period);
      return { ...base, dueDate, unshiftedDate: dueDate };
    }
    const raw =
      unit === 'naturalDay'
        ? addCalendarDays(startDate, -period)
        : addCalendarMonths(startDate, -period * monthsPer(unit));
    // Counting back has no CNT-3 extension: a rest day moves earlier, to the last working day before it.
    if (isWorkingDay(cal, raw)) return { ...base, dueDate: raw, unshiftedDate: raw };
    const dueDate = workingDayOnOrBefore(cal, raw);
    return { ...base, dueDate, unshiftedDate: raw, warning: `${raw} 为休息日，已提前至 ${dueDate}` };
  }

  if (unit === 'workingDay') {
    const dueDate = addWorkingDays(cal, startDate, period);
    return { ...base, dueDate, unshiftedDate: dueDate };
  }
  const raw =
    unit === 'naturalDay'
      ? addCalendarDays(startDate, period)
      : addCalendarMonths(startDate, period * monthsPer(unit));
  const dueDate = workingDayOnOrAfter(cal, raw);
  // CNT-11(b): the shifted date is the last lawful day, but the agency should not rely on it.
  const warn = dueDate !== raw && limit === 'deadline' && rule.protects !== 'party';
  return { ...base, dueDate, unshiftedDate: raw, ...(warn ? { warning: `建议在 ${raw} 前完成` } : {}) };
}

function monthsPer(unit: 'month' | 'year'): number {
  return unit === 'year' ? 12 : 1;
}
