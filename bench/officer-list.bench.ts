// node --import tsx bench/officer-list.bench.ts [--connections 50] [--duration 10] [--warmup 2] [--only officers,expiring,deadlines]
// The officer list and the deadline list, as the dataset's root administrator (see bench/README.md).
import { runEndpointBench } from './lib/endpoint-bench.ts';

await runEndpointBench(() => ({
  officers: { label: '执法人员（本级及下级，第1页）', path: '/api/officers?page=1&pageSize=20' },
  expiring: { label: '60日内到期（含已过期）的执法证', path: '/api/officers?expiringWithinDays=60' },
  deadlines: { label: '本级及下级的期限', path: '/api/deadlines?scope=org' },
}));
