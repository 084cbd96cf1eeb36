// The load generator, run as a child process (its own event loop and core): N keep-alive clients, each
// sending the next GET as soon as the previous answer has been read in full.
import http from 'node:http';

export type LoadJob = {
  url: string;
  headers: Record<string, string>;
  connections: number;
  warmupMs: number;
  durationMs: number;
};

export type LoadOutcome = {
  /** Milliseconds per request completed inside the measured window. */
  latencies: Float64Array;
  statuses: Record<string, number>;
  errors: number;
  firstError: string | null;
  measuredMs: number;
};

async function run(job: LoadJob): Promise<LoadOutcome> {
  const target = new URL(job.url);
  if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost')
    throw new Error(`loopback only, not ${target.hostname}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const measureFrom = performance.now() + job.warmupMs;
  const end = measureFrom + job.durationMs;
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let errors = 0;
  let firstError: string | null = null;
  const statuses: Record<string, number> = {};

  const request = () =>
    new Promise<number>((resolve) => {
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          agent,
          headers: job.headers,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', (e) => {
            firstError ??= e.message;
            resolve(0);
          });
        },
      );
      req.on('error', (e) => {
        firstError ??= e.message;
        resolve(0);
      });
      req.end();
    });

  const client = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      const status = await request();
      const finished = performance.now();
      if (finished < measureFrom || finished > end) continue;
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count++] = finished - started;
      statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
      if (status < 200 || status >= 300) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: job.connections }, client));
  agent.destroy();
  return { latencies: latencies.slice(0, count), statuses, errors, firstError, measuredMs: job.durationMs };
}

process.once('message', (job: LoadJob) => {
  // The parent times its CPU samples from this message, so they bracket the same window.
  process.send!({ started: true });
  run(job).then(
    (outcome) => process.send!(outcome, () => process.exit(0)),
    (error: unknown) => process.send!({ fatal: String(error) }, () => process.exit(1)),
  );
});
