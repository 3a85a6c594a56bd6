/**
 * Cloud function cold start: the production bundles (`npm run build:functions`, rebuilt
 * here) loaded the way CloudBase loads them — `require('<fn>/index.js')` in a fresh Node
 * process — beside a bare function in the same run: `require('wx-server-sdk')` and
 * `cloud.init()`, which every function does (init starts the SDK's own network set-up, so
 * it is the SDK's cost, not ours). Each child times the SDK's require apart from the rest
 * (its ~0.5 s would drown the difference); a bundle's figure is the median of RUNS fresh
 * loads of what follows the require, minus the bare function's init. Target: ≤ 50 ms.
 *
 * Run it alone with `npm run bench -- coldstart`.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { buildFunctions } from '../scripts/build-functions';
import { type BenchReport, fmtKB, fmtMs, log, summarize, verdict } from './lib/report';

const RUNS = 7;
const TARGET_BEYOND_SDK_MS = 50;

/**
 * The child: load a bundle (or, given '', the bare function) and print how long that took,
 * with the bare `require('wx-server-sdk')` part of it. Function settings are fakes (the
 * bundles refuse to load without them); no handler runs.
 */
const CHILD = `
const t0 = process.hrtime.bigint();
const cloud = require('wx-server-sdk');
const t1 = process.hrtime.bigint();
if (process.argv[1]) require(process.argv[1]);
else cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const t2 = process.hrtime.bigint();
process.stdout.write(JSON.stringify({ sdk: Number(t1 - t0) / 1e6, after: Number(t2 - t1) / 1e6 }));
`;

const FAKE_ENV = {
  ZHUYI_MASTER_KEY: randomBytes(32).toString('base64'),
  TENCENT_SMS_SDK_APP_ID: '1400000000',
  TENCENT_SMS_SIGN_NAME: 'bench',
  TENCENT_SMS_TEMPLATE_ID: '1',
  TENCENTCLOUD_SECRET_ID: 'bench',
  TENCENTCLOUD_SECRET_KEY: 'bench',
};

function loadOnce(file: string): { sdk: number; after: number } {
  const r = spawnSync(process.execPath, ['-e', CHILD, file], {
    env: { ...process.env, ...FAKE_ENV },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`loading ${file || 'wx-server-sdk'} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout) as { sdk: number; after: number };
}

export async function runColdstartBench(): Promise<BenchReport> {
  const report: BenchReport = { rows: [], problems: [] };
  const built = await buildFunctions();
  log(`cloud function load time, median of ${RUNS} fresh Node processes each:`);
  // Interleaved, so a burst of load on the shared machine hits every bundle alike.
  const sdk: number[] = [];
  const bare: number[] = [];
  const byFn = new Map<string, number[]>(built.map((fn) => [fn.name, []]));
  for (let run = 0; run < RUNS; run++) {
    const b = loadOnce('');
    sdk.push(b.sdk);
    bare.push(b.after);
    for (const fn of built) byFn.get(fn.name)?.push(loadOnce(fn.file).after);
  }
  const sdkMs = summarize(sdk).p50;
  const bareMs = summarize(bare).p50;
  // The fastest load is the least disturbed by other work on a shared machine: printed too.
  const bareMin = Math.min(...bare);
  log(
    `  require('wx-server-sdk'): ${fmtMs(sdkMs)} (fastest ${fmtMs(Math.min(...sdk))}); ` +
      `then cloud.init() in a bare function: ${fmtMs(bareMs)} (fastest ${fmtMs(bareMin)})`,
  );
  for (const fn of built) {
    const samples = byFn.get(fn.name) ?? [];
    const ms = summarize(samples).p50 - bareMs;
    const fastest = Math.min(...samples) - bareMin;
    log(
      `  ${fn.name.padEnd(14)} ${fmtKB(fn.bytes).padStart(10)}  +${fmtMs(ms)} beyond the bare function (fastest +${fmtMs(fastest)})`,
    );
    report.rows.push({
      bench: 'coldstart',
      metric: `${fn.name} (${fmtKB(fn.bytes)})`,
      ours: `+${fmtMs(ms)}`,
      baseline: `${fmtMs(sdkMs)} SDK + ${fmtMs(bareMs)} init`,
      ratio: '',
      target: `≤ +${TARGET_BEYOND_SDK_MS} ms`,
      status: verdict(ms <= TARGET_BEYOND_SDK_MS),
    });
  }
  return report;
}
