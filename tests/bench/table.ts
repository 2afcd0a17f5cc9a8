// Benchmark rows and the printed table (ratios and counts; no pass/fail timing).
export interface BenchRow {
  case: string;
  ours_ms: number;
  theirs_ms: number;
  /** what "theirs" is (geoblaze, a plain turf loop…) */
  baseline: string;
  /** e.g. "count 1234 = 1234, sum 5678 = 5678" */
  check: string;
  /** extra figure, e.g. pixels per second */
  note?: string;
}

export type BenchModule = { name: string; run(): Promise<BenchRow[]> };

export async function timeIt<T>(fn: () => Promise<T> | T, repeat = 1): Promise<{ ms: number; value: T }> {
  let value = await fn();
  const start = performance.now();
  for (let i = 0; i < repeat; i++) value = await fn();
  return { ms: (performance.now() - start) / repeat, value };
}

/**
 * Median time of `runs` calls after one warm-up call: on a shared, loaded machine one slow
 * run (another process's burst) would otherwise decide a ratio. Use the same `runs` for both sides.
 */
export async function medianTime<T>(fn: () => Promise<T> | T, runs = 5): Promise<{ ms: number; value: T }> {
  let value = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)] as number, value };
}

export function printTable(rows: BenchRow[]): void {
  const lines = rows.map((r) => [r.case, r.baseline, r.ours_ms.toFixed(1), r.theirs_ms.toFixed(1), `${(r.theirs_ms / Math.max(r.ours_ms, 1e-3)).toFixed(1)}×`, r.check, r.note ?? '']);
  const head = ['case', 'baseline', 'ours ms', 'baseline ms', 'ratio', 'check', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ');
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(fmt(l));
}
