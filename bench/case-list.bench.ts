// node --import tsx bench/case-list.bench.ts [--connections 50] [--duration 10] [--warmup 2] [--only closed,all,search,overdue] [--q 美容]
// The case list (the benchmark: page 1, state filter, p95 at 50 clients, goal ≤ 30 ms) and the overdue
// deadline list, as the dataset's root administrator (see bench/README.md).
import { runEndpointBench } from './lib/endpoint-bench.ts';

await runEndpointBench(
  (options) => ({
    closed: {
      label: '案件列表第1页，状态=已结案（目标 p95 ≤ 30 ms）',
      path: '/api/cases?page=1&pageSize=20&state=closed',
    },
    all: { label: '案件列表第1页，不筛选', path: '/api/cases?page=1&pageSize=20' },
    // A fragment of generated party names (organisations end in 美容美发店, 诊所 …; see dataset/party-identities.ts).
    search: {
      label: '按当事人名称片段搜索',
      path: `/api/cases?q=${encodeURIComponent(options.q ?? '美容')}`,
    },
    overdue: { label: '本级及下级已逾期的期限', path: '/api/deadlines?scope=org&status=overdue' },
  }),
  { q: { type: 'string', default: '美容' } },
);
