// Progress of a long bulk load: percent of the planned rows and rows per second, at most once a second.

export type Progress = {
  /** Adds rows to the expected total (each step declares its rows before inserting them). */
  plan: (rows: number) => void;
  /** Counts inserted rows of `table` and prints a line when due. */
  add: (step: string, table: string, rows: number) => void;
  /** Rows inserted per table, in first-insert order. */
  counts: () => Record<string, number>;
  elapsedMs: () => number;
};

export const formatCount = (n: number): string => Math.round(n).toLocaleString('en-US');

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** `write` receives whole lines (no newline); pass `() => {}` to stay quiet. */
export function createProgress(
  write: (line: string) => void,
  intervalMs = 1000,
  now: () => number = () => performance.now(),
): Progress {
  const started = now();
  let planned = 0;
  let done = 0;
  let lastPrinted = -Infinity;
  const perTable = new Map<string, number>();
  return {
    plan: (rows) => {
      planned += rows;
    },
    add: (step, table, rows) => {
      done += rows;
      perTable.set(table, (perTable.get(table) ?? 0) + rows);
      const t = now();
      if (t - lastPrinted < intervalMs && done < planned) return;
      lastPrinted = t;
      const seconds = Math.max((t - started) / 1000, 0.001);
      const percent = planned > 0 ? Math.min(100, (100 * done) / planned) : 100;
      write(
        `${percent.toFixed(0).padStart(3)}%  ${formatCount(done)}/${formatCount(Math.max(planned, done))} rows  ${formatCount(done / seconds)} rows/s  [${step}] ${table}`,
      );
    },
    counts: () => Object.fromEntries(perTable),
    elapsedMs: () => now() - started,
  };
}
