// Runs one load phase in a child process and turns its latencies into a report row.
import { fork } from 'node:child_process';
import type { LoadJob, LoadOutcome } from './load-client.ts';
import { cpuPerRequest, type CpuSample } from './cpu.ts';

export type LoadStats = {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  statuses: Record<string, number>;
  firstError: string | null;
};

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summariseLoad(outcome: LoadOutcome): LoadStats {
  const sorted = Float64Array.from(outcome.latencies).sort();
  return {
    requests: sorted.length,
    requestsPerSecond: sorted.length / (outcome.measuredMs / 1000),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    errors: outcome.errors,
    statuses: outcome.statuses,
    firstError: outcome.firstError,
  };
}

/** Forks `load-client.ts` (with this process's --import tsx) so the load does not share the server's event loop. */
export function runLoad(
  job: LoadJob,
  sampleCpu?: () => Promise<CpuSample>,
): Promise<LoadStats & { cpu: { nodeMs: number | null; postgresMs: number | null } | null }> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./load-client.ts', import.meta.url), [], {
      serialization: 'advanced',
      stdio: 'inherit',
    });
    let settled = false;
    // CPU samples at the start and end of the measured window, timed from the client's own start.
    let samples: Array<Promise<CpuSample>> = [];
    child.on('message', (message: LoadOutcome | { fatal: string } | { started: true }) => {
      if ('started' in message) {
        if (!sampleCpu) return;
        const at = (ms: number) =>
          new Promise<CpuSample>((done, fail) => setTimeout(() => sampleCpu().then(done, fail), ms));
        samples = [at(job.warmupMs), at(job.warmupMs + job.durationMs)];
        return;
      }
      settled = true;
      if ('fatal' in message) return reject(new Error(`load client failed: ${message.fatal}`));
      const stats = summariseLoad(message);
      if (samples.length === 0) return resolve({ ...stats, cpu: null });
      Promise.all(samples).then(
        ([before, after]) => resolve({ ...stats, cpu: cpuPerRequest(before!, after!, stats.requests) }),
        reject,
      );
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`load client exited with code ${code} before reporting`));
    });
    child.send(job);
  });
}
