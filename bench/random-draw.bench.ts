// node --import tsx bench/random-draw.bench.ts [--entities 1000000] [--officers 500] [--draw 10000] [--strata 4]
// Times the verifiable 双随机 draw (src/shared/inspections/random-draw.ts) at the size: 10,000 of
// 1,000,000 entities with 500 officers, teams of 2, 1 % of pairs under 回避 (goal ≤ 2 s). Pure CPU, no database.
import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import os from 'node:os';
import { exclusionDigest, poolDigest, runDraw } from '../src/shared/inspections/random-draw.ts';

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '1000000' },
    officers: { type: 'string', default: '500' },
    draw: { type: 'string', default: '10000' },
    strata: { type: 'string', default: '4' },
  },
});
const [entityCount, officerCount, drawSize, strataCount] = [
  values.entities,
  values.officers,
  values.draw,
  values.strata,
].map(Number) as [number, number, number, number];
const sha256hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// USCC-like ids (18 characters), spread over the strata as 医疗机构 / 公共场所 … would be.
const strata = Array.from({ length: strataCount }, (_, s) => ({
  key: `stratum-${s}`,
  entityIds: [] as string[],
}));
for (let i = 0; i < entityCount; i++)
  strata[i % strataCount]!.entityIds.push(`91350100MA${String(i).padStart(8, '0')}`);
const officerIds = Array.from({ length: officerCount }, (_, i) => `officer-${String(i).padStart(5, '0')}`);
const exclusions = new Set<string>();
for (let i = 0; i < entityCount; i += 100)
  exclusions.add(
    exclusionDigest(
      strata[i % strataCount]!.entityIds[Math.floor(i / strataCount)]!,
      officerIds[i % officerCount]!,
      sha256hex,
    ),
  );

const load = () => os.loadavg()[0]!.toFixed(1);
const loadBefore = load();
let started = performance.now();
const digest = poolDigest(
  strata.flatMap((s) => s.entityIds),
  sha256hex,
);
const digestMs = performance.now() - started;
started = performance.now();
const result = runDraw(
  {
    taskId: 'bench-task',
    seed: randomBytes(32).toString('hex'),
    externalEntropy: '',
    strata,
    quota: { count: drawSize },
    officerIds,
    exclusionDigests: exclusions,
    teamSize: 2,
  },
  sha256hex,
);
const drawMs = performance.now() - started;
console.log(
  `pool ${entityCount.toLocaleString()} entities in ${strataCount} strata, ${officerCount} officers, ` +
    `${exclusions.size.toLocaleString()} 回避 pairs · Node ${process.version} · ${os.cpus().length} cores · load ${loadBefore} → ${load()}`,
);
console.log(`| step | ms |\n|---|---:|`);
console.log(
  `| pool digest (sort + SHA-256 of ${digest.size.toLocaleString()} ids) | ${digestMs.toFixed(0)} |`,
);
console.log(`| draw ${result.entities.length.toLocaleString()} + pair teams of 2 | ${drawMs.toFixed(0)} |`);
