/**
 * H5 first screen: our production H5 build (dist-h5, rebuilt unless `--reuse`) served by
 * our server over the seeded catalog, beside the bare Taro hello-world (bench/lib/
 * hello-world.ts) built with the same config — precompression included — and served by the
 * same server, in the same run. Each page: RUNS cold loads in Chromium with 4× CPU slowdown
 * and slow 4G (bench/lib/page-load.ts); FCP and LCP are p50s, bytes the median.
 * Targets: LCP p50 ≤ 2.0 s, first-screen JavaScript on the wire ≤ 150 KB.
 *
 * Run it alone with `npm run bench -- firstscreen [--reuse]`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createLocalPorts } from '../backend/adapters/local/ports';
import { seedCatalogIfEmpty } from '../backend/catalog/seed';
import { DOCTORS } from '../backend/collections';
import { silentLogger } from '../backend/ports/logger';
import { buildServer } from '../server/app';
import { writeHelloWorld } from './lib/hello-world';
import { taroBuild } from './lib/package-size';
import { coldLoad, EMULATION, launchChromium, type LoadFigures } from './lib/page-load';
import { type BenchReport, fmtKB, fmtRatio, log, percentile, verdict } from './lib/report';

const ROOT = join(__dirname, '..');
const TARO_BIN = join(ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro');
const RUNS = 5;
const TARGET_LCP_MS = 2000;
const TARGET_JS_BYTES = 150 * 1024;

interface Served {
  url: string;
  close(): Promise<void>;
}

async function serve(distDir: string, seed: boolean): Promise<Served & { doctorId?: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhuyi-bench-fs-'));
  const ports = createLocalPorts({ dataDir, log: silentLogger });
  let doctorId: string | undefined;
  if (seed) {
    await seedCatalogIfEmpty(ports.store);
    doctorId = (await ports.store.find(DOCTORS.name, {}, { limit: 1 }))[0]?._id;
  }
  const app: FastifyInstance = await buildServer({
    dataDir,
    distDir,
    ports,
    logger: false,
    sweepIntervalMs: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    doctorId,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function buildH5(appDir: string, label: string): void {
  const secs = taroBuild(appDir, TARO_BIN, 'h5');
  if (!existsSync(join(appDir, 'dist-h5', 'index.html')))
    throw new Error(`${label}: taro build exited 0 but dist-h5/index.html is missing`);
  log(`  ${label}: built in ${secs.toFixed(1)} s`);
}

interface Summary {
  fcp: number;
  lcp: number;
  bytes: number;
  jsBytes: number;
  requests: number;
}

function summarize(loads: LoadFigures[]): Summary {
  const p50 = (pick: (l: LoadFigures) => number) =>
    percentile(
      loads.map(pick).sort((a, b) => a - b),
      50,
    );
  return {
    fcp: p50((l) => l.fcpMs),
    lcp: p50((l) => l.lcpMs),
    bytes: p50((l) => l.bytes),
    jsBytes: p50((l) => l.jsBytes),
    requests: p50((l) => l.requests),
  };
}

const fmtS = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const line = (s: Summary): string =>
  `FCP ${fmtS(s.fcp)}, LCP ${fmtS(s.lcp)}, ${fmtKB(s.bytes)} in ${s.requests} requests (JS ${fmtKB(s.jsBytes)})`;

export async function runFirstscreenBench(options: { reuse: boolean }): Promise<BenchReport> {
  const report: BenchReport = { rows: [], problems: [] };
  log(
    `H5 first screen, ${RUNS} cold loads each: 390×844, CPU ${EMULATION.cpuSlowdown}× slower, ` +
      `${EMULATION.latencyMs} ms latency, 1.6 Mbit/s down:`,
  );
  if (options.reuse && existsSync(join(ROOT, 'dist-h5', 'index.html'))) {
    log('  ours: reusing the existing dist-h5/ (--reuse)');
  } else {
    buildH5(ROOT, 'ours (dist-h5/)');
  }
  const helloDir = mkdtempSync(join(tmpdir(), 'zhuyi-bench-hello-h5-'));
  const browser = await launchChromium();
  const servers: Served[] = [];
  try {
    writeHelloWorld(helloDir, ROOT);
    buildH5(helloDir, 'hello-world');
    const ours = await serve(join(ROOT, 'dist-h5'), true);
    servers.push(ours);
    const hello = await serve(join(helloDir, 'dist-h5'), false);
    servers.push(hello);
    if (!ours.doctorId) throw new Error('the seeded catalog has no doctor');

    const pages: Array<[string, string]> = [
      ['首页', `${ours.url}/`],
      ['医生名片 (shared link)', `${ours.url}/pages/doctor/index?id=${ours.doctorId}`],
      ['我的', `${ours.url}/pages/mine/index`],
      ['hello-world', `${hello.url}/`],
    ];
    // Interleaved runs: a burst of load on the shared machine hits every page alike.
    const loads = new Map<string, LoadFigures[]>(pages.map(([name]) => [name, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const [name, url] of pages) loads.get(name)?.push(await coldLoad(browser, url));
    }
    const base = summarize(loads.get('hello-world') ?? []);
    log(`  ${'hello-world'.padEnd(22)} ${line(base)}`);
    for (const [name] of pages.slice(0, 3)) {
      const s = summarize(loads.get(name) ?? []);
      log(`  ${name.padEnd(22)} ${line(s)}`);
      report.rows.push(
        {
          bench: 'firstscreen',
          metric: `${name} LCP p50 (FCP ${fmtS(s.fcp)})`,
          ours: fmtS(s.lcp),
          baseline: `${fmtS(base.lcp)} hello-world`,
          ratio: fmtRatio(s.lcp / base.lcp),
          target: '≤ 2.00 s',
          status: verdict(s.lcp <= TARGET_LCP_MS),
        },
        {
          bench: 'firstscreen',
          metric: `${name} JS on the wire (${s.requests} requests)`,
          ours: fmtKB(s.jsBytes),
          baseline: `${fmtKB(base.jsBytes)} hello-world`,
          ratio: fmtRatio(s.jsBytes / base.jsBytes),
          target: '≤ 150 KB',
          status: verdict(s.jsBytes <= TARGET_JS_BYTES),
        },
      );
    }
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
    rmSync(helloDir, { recursive: true, force: true });
  }
  return report;
}
