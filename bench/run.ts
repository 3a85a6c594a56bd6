/**
 * `npm run bench` — every benchmark, then one compact table. Each figure stands beside a
 * baseline measured in the same run; targets print PASS or MISS and never fail the run.
 * The exit code is non-zero only when a benchmark crashed or its indexed and naive
 * answers disagreed.
 *
 *   npm run bench                 booking, catalog, chat, deletion, size, coldstart, firstscreen
 *   npm run bench -- booking      only booking (1,000 clients race for 20 places over HTTP)
 *   npm run bench -- catalog      only the catalog (SQLite, handlers, HTTP)
 *   npm run bench -- search       patient search: index with keywords vs before vs naive scan
 *   npm run bench -- chat         only live consult messages (SSE beside 3 s polling)
 *   npm run bench -- call         only video-call signalling (start → answer beside a chat message)
 *   npm run bench -- deletion     only account deletion (bounded batches beside a naive delete)
 *   npm run bench -- overload     200 connections × 30 s (BENCH_SECONDS) on nearby/search: max, timeouts, 503
 *   npm run bench -- size         only the weapp package size
 *   npm run bench -- size --reuse measure the existing dist/ instead of rebuilding it
 *   npm run bench -- coldstart    only cloud function bundle load times (beside wx-server-sdk)
 *   npm run bench -- firstscreen  only the H5 first screen in throttled Chromium (beside hello-world)
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { runBookingBench } from './booking';
import { runCallBench } from './call';
import { runCatalogBench } from './catalog';
import { runChatBench } from './chat';
import { runColdstartBench } from './coldstart';
import { runDeletionBench } from './deletion';
import { runFirstscreenBench } from './firstscreen';
import { runOverloadBench } from './overload';
import { type BenchReport, formatTable } from './lib/report';
import { runSearchBench } from './search';
import { runSizeBench } from './size';

const BENCHES: Record<string, (flags: Set<string>) => Promise<BenchReport>> = {
  booking: () => runBookingBench(),
  catalog: () => runCatalogBench(),
  chat: () => runChatBench(),
  call: () => runCallBench(),
  deletion: () => runDeletionBench(),
  overload: () => runOverloadBench(),
  search: () => runSearchBench(),
  size: (flags) => runSizeBench({ reuse: flags.has('--reuse') }),
  coldstart: () => runColdstartBench(),
  firstscreen: (flags) => runFirstscreenBench({ reuse: flags.has('--reuse') }),
};

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length > 0) {
    console.error(
      `unknown benchmark: ${unknown.join(', ')} (choose from ${Object.keys(BENCHES).join(', ')})`,
    );
    return 2;
  }
  // overload runs 200 connections for 90 s: only when asked for by name.
  // search loads the 110,000-document catalog twice: also by name only.
  const selected =
    names.length > 0
      ? names
      : Object.keys(BENCHES).filter((n) => n !== 'overload' && n !== 'search');

  // Figures only mean something next to the machine and how busy it was.
  const load = () => loadavg()[0].toFixed(2);
  const cores = availableParallelism();
  console.log(
    `machine: ${cores} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
      `${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; load average ${load()} at start` +
      (loadavg()[0] > cores * 0.5 ? ' — other work is running: expect noisy figures' : ''),
  );

  const rows: BenchReport['rows'] = [];
  const problems: string[] = [];
  const started = performance.now();
  for (const name of selected) {
    console.log(`\n=== ${name} ===`);
    try {
      const report = await BENCHES[name](flags);
      rows.push(...report.rows);
      problems.push(...report.problems.map((p) => `${name}: ${p}`));
    } catch (err) {
      console.error(`${name} bench crashed:`, err);
      problems.push(
        `${name}: crashed (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`,
      );
    }
  }

  const secs = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`\n=== summary (${secs} s; load average ${load()} at the end) ===`);
  console.log(formatTable(rows));
  const missed = rows.filter((r) => r.status === 'MISS').length;
  const passed = rows.filter((r) => r.status === 'PASS').length;
  console.log(
    `\ntargets: ${passed} PASS, ${missed} MISS (targets report; they do not fail the run)`,
  );
  for (const p of problems) console.error(`FAILED: ${p}`);
  return problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
