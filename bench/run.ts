/**
 * `npm run bench` — every benchmark, then one compact table. Each figure stands beside a
 * baseline measured in the same run; targets print PASS or MISS and never fail the run.
 * The exit code is non-zero only when a benchmark crashed or its indexed and naive
 * answers disagreed.
 *
 *   npm run bench                 catalog, chat, then size
 *   npm run bench -- catalog      only the catalog (SQLite, handlers, HTTP)
 *   npm run bench -- chat         only live consult messages (SSE beside 3 s polling)
 *   npm run bench -- call         only video-call signalling (start → answer beside a chat message)
 *   npm run bench -- deletion     only account deletion (bounded batches beside a naive delete)
 *   npm run bench -- size         only the weapp package size
 *   npm run bench -- size --reuse measure the existing dist/ instead of rebuilding it
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { runCallBench } from './call';
import { runCatalogBench } from './catalog';
import { runChatBench } from './chat';
import { runDeletionBench } from './deletion';
import { type BenchReport, formatTable } from './lib/report';
import { runSizeBench } from './size';

const BENCHES: Record<string, (flags: Set<string>) => Promise<BenchReport>> = {
  catalog: () => runCatalogBench(),
  chat: () => runChatBench(),
  call: () => runCallBench(),
  deletion: () => runDeletionBench(),
  size: (flags) => runSizeBench({ reuse: flags.has('--reuse') }),
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
  const selected = names.length > 0 ? names : Object.keys(BENCHES);

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
