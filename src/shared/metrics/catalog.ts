// The metric ids of ../shared/metrics.md: one catalog for the dashboards, the annual report and imports.
import { z } from 'zod';
import { Id, IsoDate } from '../platform/pagination.ts';

export type MetricUnit = '件' | '元' | '批次' | '件次' | '次' | '户次' | '比率' | '人';

/** Labels and units, keyed by the stable ids (never renamed); modules declare how each is computed. */
export const metricCatalog = {
  'penalty.cases_filed': { label: '行政处罚立案数', unit: '件' },
  'penalty.cases_closed': { label: '行政处罚结案数', unit: '件' },
  'penalty.fines_yuan': { label: '罚款金额', unit: '元' },
  'penalty.confiscations_yuan': { label: '没收违法所得金额', unit: '元' },
  'penalty.penalties_yuan': { label: '罚没款金额', unit: '元' },
  'penalty.published_cases': { label: '公开行政处罚信息案件数', unit: '件' },
  'penalty.published_batches': { label: '公开行政处罚信息批次', unit: '批次' },
  'penalty.major_reviews': { label: '重大执法决定法制审核件次', unit: '件次' },
  'penalty.hearings': { label: '组织听证次数', unit: '次' },
  'penalty.mitigated_cases': { label: '减免（包容免罚）案件数', unit: '件' },
  'penalty.mitigated_yuan': { label: '包容免罚金额', unit: '元' },
  'casefile.reviewed': { label: '评查执法案卷数', unit: '件' },
  'casefile.excellent': { label: '优秀案卷（案例）数', unit: '件' },
} as const satisfies Record<string, { label: string; unit: MetricUnit }>;
export type MetricId = keyof typeof metricCatalog;

export const MetricQuery = z
  .object({
    orgId: Id.optional().describe('机构（含下级）；默认为本机构'),
    from: IsoDate.describe('统计期间起（含）'),
    to: IsoDate.describe('统计期间止（含）'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: '统计期间止应不早于起' });
export type MetricQuery = z.infer<typeof MetricQuery>;

export const MetricValue = z.object({
  id: z.string(),
  label: z.string(),
  unit: z.string(),
  value: z.number(),
  orgId: z.string(),
  from: z.string(),
  to: z.string(),
});
export const MetricRecord = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  value: z.number().nullable(),
  link: z.string(),
});
