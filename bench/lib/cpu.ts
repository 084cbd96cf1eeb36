// CPU time spent serving the load: this Node process, plus the PostgreSQL backends when the server is local.
// Unlike requests/s, CPU milliseconds per request hardly move when other work shares the machine.
import fs from 'node:fs';
import pg from 'pg';

// Linux reports /proc/<pid>/stat times in clock ticks (USER_HZ), 100 per second on every mainstream kernel.
const ticksPerSecond = 100;

export type CpuSample = { nodeMs: number; backendsMs: Map<number, number> | null };

function procCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

export type CpuSampler = { sample: () => Promise<CpuSample>; close: () => Promise<void> };

/**
 * Samples this process and, given a DATABASE_URL on this host, the database's other client backends
 * (through its own connection, so sampling never queues behind the load).
 */
export async function createCpuSampler(databaseUrl: string | null): Promise<CpuSampler> {
  const host = databaseUrl ? new URL(databaseUrl).hostname : null;
  const local = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  const client = databaseUrl && local ? new pg.Client({ connectionString: databaseUrl }) : null;
  await client?.connect();
  return {
    sample: async () => {
      const usage = process.cpuUsage();
      const nodeMs = (usage.user + usage.system) / 1000;
      if (!client) return { nodeMs, backendsMs: null };
      const { rows } = await client.query<{ pid: number }>(
        `select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`,
      );
      const backendsMs = new Map<number, number>();
      for (const { pid } of rows) {
        const ms = procCpuMs(Number(pid));
        if (ms === null) return { nodeMs, backendsMs: null };
        backendsMs.set(Number(pid), ms);
      }
      return { nodeMs, backendsMs };
    },
    close: async () => {
      await client?.end();
    },
  };
}

/** CPU ms per request between two samples; a backend that started in between counts from zero. */
export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number) {
  if (requests === 0) return { nodeMs: null, postgresMs: null };
  let postgresMs: number | null = null;
  if (before.backendsMs && after.backendsMs) {
    postgresMs = 0;
    for (const [pid, ms] of after.backendsMs) postgresMs += ms - (before.backendsMs.get(pid) ?? 0);
    postgresMs /= requests;
  }
  return { nodeMs: (after.nodeMs - before.nodeMs) / requests, postgresMs };
}
