/**
 * Timing and reporting shared by the benchmarks. A benchmark reports: every figure is
 * printed beside a baseline from the same run, targets say PASS or MISS, and only a
 * crash or a disagreement between the indexed and naive answers makes the run fail.
 */

export interface Timing {
  calls: number;
  p50: number;
  p99: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(samplesMs: number[]): Timing {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return { calls: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean };
}

/**
 * Calls `fn(i)` one at a time (latency, not throughput): `warmup` unmeasured calls, then
 * up to `calls` measured ones or until `budgetMs` is spent, whichever comes first.
 * `samples[k]` is the time of call `warmup + k`, so callers can group by what was asked.
 */
export async function timeCalls(
  fn: (i: number) => Promise<unknown> | unknown,
  options: { calls: number; warmup: number; budgetMs: number },
): Promise<Timing & { samples: number[] }> {
  for (let i = 0; i < options.warmup; i++) await fn(i);
  const samples: number[] = [];
  const deadline = performance.now() + options.budgetMs;
  for (let i = 0; i < options.calls && performance.now() < deadline; i++) {
    const t0 = performance.now();
    await fn(options.warmup + i);
    samples.push(performance.now() - t0);
  }
  return { ...summarize(samples), samples };
}

export const fmtMs = (ms: number): string =>
  ms < 10 ? `${ms.toFixed(3)} ms` : `${ms.toFixed(1)} ms`;
/** autocannon measures latency in whole milliseconds. */
export const fmtWholeMs = (ms: number): string => (ms < 1 ? '<1 ms' : `${Math.round(ms)} ms`);
export const fmtRatio = (x: number): string => (x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(1)}×`);
export const fmtKB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** One line of the final table. */
export interface Row {
  bench: string;
  metric: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
  /** PASS/MISS for rows with a target, '' for context rows. */
  status: '' | 'PASS' | 'MISS';
}

export interface BenchReport {
  rows: Row[];
  /** Anything that makes the figures meaningless (disagreement, HTTP errors); exits non-zero. */
  problems: string[];
}

export const verdict = (pass: boolean): 'PASS' | 'MISS' => (pass ? 'PASS' : 'MISS');

const width = (s: string): number =>
  [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));

export function formatTable(rows: readonly Row[]): string {
  const header: Row = {
    bench: 'bench',
    metric: 'metric',
    ours: 'ours',
    baseline: 'baseline',
    ratio: 'ratio',
    target: 'target',
    status: '' as const,
  };
  const cols = ['bench', 'metric', 'ours', 'baseline', 'ratio', 'target', 'status'] as const;
  const all = [header, ...rows];
  const widths = cols.map((c) =>
    Math.max(...all.map((r) => width(c === 'status' && r === header ? 'result' : r[c]))),
  );
  const line = (r: Row) =>
    cols
      .map((c, i) => pad(c === 'status' && r === header ? 'result' : r[c], widths[i]))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function log(message: string): void {
  console.log(message);
}
