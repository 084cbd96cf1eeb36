// A small penalty-like procedure and the 2025–2026 calendar, shared by the procedure tests only.
import { calendarFromRows, officialCalendarSeed } from '../law/holiday-data.ts';
import { defineProcedure, type Guard } from './define-procedure.ts';
import { shanghaiDate, type StepRecord } from './clocks.ts';

export const calendar = calendarFromRows(officialCalendarSeed([2025, 2026]), [2025, 2026]);

// 行政处罚法第六十二条 in miniature: no decision while the hearing-request period runs.
const hearingWindowClosed: Guard = {
  id: 'hearingWindowClosed',
  label: '听证申请期限已届满或已申请听证',
  check: ({ clocks, today }) => {
    const hearing = clocks?.find((clock) => clock.clock === 'hearingRequest');
    if (hearing === undefined) return '未计算听证申请期限';
    if (hearing.status !== 'running' || hearing.dueDate === undefined || today > hearing.dueDate) return true;
    return `听证申请期限至${hearing.dueDate}届满，届满前不能作出决定`;
  },
};

export const sampleProcedure = defineProcedure({
  id: 'sample.penalty',
  label: '示例处罚程序',
  states: {
    lead: '线索登记',
    filed: '已立案',
    suspended: '已中止',
    noticeServed: '已告知',
    hearing: '听证',
    decided: '已决定',
    served: '已送达',
    closed: '已结案',
  },
  initial: 'lead',
  terminal: ['closed'],
  actions: {
    file: {
      label: '立案',
      from: ['lead'],
      to: 'filed',
      roles: ['sectionHead'],
      documents: ['filingApproval'],
    },
    suspend: { label: '中止调查', from: ['filed'], to: 'suspended', roles: ['sectionHead'] },
    resume: { label: '恢复调查', from: ['suspended'], to: 'filed', roles: ['sectionHead'] },
    serveNotice: {
      label: '送达告知书',
      from: ['filed'],
      to: 'noticeServed',
      requiresCertifiedOfficers: 2,
      documents: ['priorNotice'],
    },
    requestHearing: { label: '申请听证', from: ['noticeServed'], to: 'hearing' },
    decide: {
      label: '作出决定',
      from: ['noticeServed', 'hearing'],
      to: 'decided',
      roles: ['principal', 'deputyHead'],
      guards: [hearingWindowClosed],
    },
    serve: { label: '送达决定书', from: ['decided'], to: 'served', documents: ['serviceReceipt'] },
    close: { label: '结案', from: ['served'], to: 'closed' },
  },
  clocks: {
    decision: {
      label: '处罚决定期限',
      rule: 'XZCF-60',
      startsOn: 'file',
      stopsOn: ['decide'],
      pausesOn: ['suspend'],
      resumesOn: ['resume'],
    },
    hearingRequest: {
      label: '听证申请期限',
      rule: 'XZCF-64-1',
      startsOn: 'serveNotice',
      stopsOn: ['requestHearing', 'decide'],
    },
    service: { label: '决定书送达期限', rule: 'XZCF-61', startsOn: 'decide', stopsOn: ['serve'] },
  },
});

/** A step at 10:00 Beijing time on the given date. */
export function stepOn(action: string, date: string): StepRecord {
  const at = new Date(`${date}T02:00:00Z`).toISOString();
  return { action, at, date: shanghaiDate(at) };
}
