import autocannon from 'autocannon';
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { BenchReport } from './report';
import { fmtInt, fmtRatio, fmtWholeMs, log, verdict } from './report';
import type { ChildArgs } from './http-server';
import type { NearbyQuery, SearchQuery } from './workload';
import { stopChild } from './child-server';

/**
 * Throughput and latency over HTTP with autocannon, against the real server in a child
 * process (see http-server.ts). Every scenario cycles through pre-built request bodies,
 * so the server does not answer one cached question; all carry one valid identity cookie,
 * as a returning browser would.
 */

const TARGET_RPS = 2000;

export interface HttpOptions {
  connections: number;
  durationSec: number;
  warmupSec: number;
  /** Only these scenarios (by name); default all. */
  only?: readonly string[];
}

interface Scenario {
  name: string;
  fn: string;
  bodies: string[];
}

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** The slowest answer, ms: what the unluckiest patient waited (issue 15). */
  max: number;
  /** Requests autocannon gave up on (10 s). */
  timeouts: number;
  /** 503 answers: load shed on purpose, each with Retry-After. */
  shed: number;
  total: number;
  bad: number;
}

function startChild(args: ChildArgs): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(__dirname, 'http-server.ts'), [JSON.stringify(args)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, port: (m as { port: number }).port }));
    child.once('exit', (code) => reject(new Error(`bench server exited early (code ${code})`)));
    child.once('error', reject);
  });
}

/** One valid identity cookie, so requests are not each minting a new one. */
async function identityCookie(base: string): Promise<string> {
  const res = await fetch(`${base}/api/bench`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'ping', data: {} }),
  });
  if (!res.ok) throw new Error(`bench ping answered HTTP ${res.status}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0];
}

async function load(
  base: string,
  cookie: string,
  s: Scenario,
  seconds: number,
  connections: number,
): Promise<Figures> {
  const headers = { 'content-type': 'application/json', cookie };
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: s.bodies.map((body) => ({
      method: 'POST' as const,
      path: `/api/${s.fn}`,
      headers,
      body,
    })),
  });
  return {
    rps: result.requests.total / Math.max(0.001, result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    timeouts: result.timeouts,
    shed: result.statusCodeStats?.['503']?.count ?? 0,
    total: result.requests.total,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

export async function benchHttp(
  args: ChildArgs,
  workload: { nearby: NearbyQuery[]; search: SearchQuery[] },
  options: HttpOptions,
): Promise<BenchReport> {
  const report: BenchReport = { rows: [], problems: [] };
  const encode = (action: string, items: readonly unknown[]) =>
    items.map((data) => JSON.stringify({ action, data }));
  const nearbyData = workload.nearby.map((q) => ({ lat: q.lat, lng: q.lng, kind: q.kind }));
  const searchData = workload.search.map((q) => ({ q: q.q, kind: q.kind }));
  // Real routes first: the child builds the naive side's in-memory catalog on first use.
  const scenarios: Scenario[] = [
    { name: 'ping (same stack, no work)', fn: 'bench', bodies: encode('ping', [{}]) },
    { name: 'nearby', fn: 'catalog', bodies: encode('nearby', nearbyData) },
    { name: 'search', fn: 'catalog', bodies: encode('search', searchData) },
    { name: 'nearby naive', fn: 'bench', bodies: encode('naiveNearby', nearbyData) },
    { name: 'search naive', fn: 'bench', bodies: encode('naiveSearch', searchData) },
  ];

  const started = Date.now();
  const { child, port } = await startChild(args);
  log(`  server child up in ${((Date.now() - started) / 1000).toFixed(1)} s on 127.0.0.1:${port}`);
  const base = `http://127.0.0.1:${port}`;
  const figures = new Map<string, Figures>();
  try {
    const cookie = await identityCookie(base);
    for (const s of scenarios) {
      if (options.only && !options.only.includes(s.name)) continue;
      if (options.warmupSec > 0)
        await load(base, cookie, s, options.warmupSec, options.connections);
      const f = await load(base, cookie, s, options.durationSec, options.connections);
      figures.set(s.name, f);
      log(
        `  ${s.name.padEnd(28)} ${fmtInt(f.rps).padStart(7)} req/s  p50 ${fmtWholeMs(f.p50)}  p99 ${fmtWholeMs(f.p99)}  ` +
          `max ${fmtWholeMs(f.max)}  timeouts ${fmtInt(f.timeouts)}  503 ${fmtInt(f.shed)}  ` +
          `(${fmtInt(f.total)} requests, ${options.connections} connections, ${options.durationSec} s)`,
      );
      if (f.bad > 0)
        report.problems.push(
          `HTTP ${s.name}: ${f.bad} of ${f.total} requests failed (non-2xx, error or timeout)`,
        );
    }
  } finally {
    await stopChild(child);
  }

  if (options.only) return overloadRows(report, figures, scenarios[0].name, options.connections);
  const ping = figures.get(scenarios[0].name)!;
  for (const name of ['nearby', 'search']) {
    const ours = figures.get(name)!;
    const naive = figures.get(`${name} naive`)!;
    report.rows.push({
      bench: 'catalog HTTP',
      metric: `${name} req/s`,
      ours: fmtInt(ours.rps),
      baseline: `${fmtInt(naive.rps)} naive; ${fmtInt(ping.rps)} ping`,
      ratio: fmtRatio(ours.rps / naive.rps),
      target: name === 'nearby' ? `≥ ${fmtInt(TARGET_RPS)}` : '',
      status: name === 'nearby' ? verdict(ours.rps >= TARGET_RPS) : '',
    });
    report.rows.push({
      bench: 'catalog HTTP',
      metric: `${name} p50 / p99`,
      ours: `${fmtWholeMs(ours.p50)} / ${fmtWholeMs(ours.p99)}`,
      baseline: `${fmtWholeMs(naive.p50)} / ${fmtWholeMs(naive.p99)} naive`,
      ratio: '',
      target: '',
      status: '',
    });
  }
  return report;
}

/** Issue 15: no request may wait more than 2 s; the no-work ping is the same run's baseline. */
const MAX_WAIT_MS = 2000;

function overloadRows(
  report: BenchReport,
  figures: Map<string, Figures>,
  baselineName: string,
  connections: number,
): BenchReport {
  const base = figures.get(baselineName);
  const show = (f: Figures) =>
    `p99 ${fmtWholeMs(f.p99)}, max ${fmtWholeMs(f.max)}, ${fmtInt(f.timeouts)} timeouts, ${fmtInt(f.shed)} × 503`;
  for (const [name, f] of figures) {
    if (name === baselineName) continue;
    report.rows.push({
      bench: `overload HTTP ${connections} conn`,
      metric: `${name}: p99 / max / timeouts / 503`,
      ours: show(f),
      baseline: base ? `ping ${show(base)}` : '',
      ratio: `${fmtInt(f.rps)} req/s`,
      target: `max ≤ ${fmtWholeMs(MAX_WAIT_MS)}, 0 timeouts`,
      status: verdict(f.max <= MAX_WAIT_MS && f.timeouts === 0),
    });
  }
  // Shed requests are answered on purpose (503 + Retry-After), not failures; timeouts are.
  report.problems = [...figures]
    .filter(([, f]) => f.timeouts > 0)
    .map(([name, f]) => `HTTP ${name}: ${f.timeouts} of ${f.total} requests timed out`);
  return report;
}
