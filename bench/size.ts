/**
 * Weapp package size: the production build of this project (`taro build --type weapp`
 * with NODE_ENV=production into dist/, as `npm run build:weapp` does) beside a bare Taro 4
 * React hello-world built with the same options in the same run. Target: main package
 * ≤ 700 KB (WeChat's limit is 2 MB).
 *
 * `--reuse` measures the dist/ already there instead of rebuilding it (the hello-world is
 * always built). Run it alone with `npm run bench -- size [--reuse]`.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHelloWorld } from './lib/hello-world';
import { measurePackage, type PackageSizes, taroBuildWeapp } from './lib/package-size';
import { type BenchReport, fmtKB, fmtRatio, log, verdict } from './lib/report';

const ROOT = join(__dirname, '..');
const TARO_BIN = join(ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro');
const TARGET_MAIN_BYTES = 700 * 1024;
const WECHAT_MAIN_LIMIT_BYTES = 2 * 1024 * 1024;

function build(appDir: string, label: string): PackageSizes {
  const started = Date.now();
  const secs = taroBuildWeapp(appDir, TARO_BIN);
  const dist = join(appDir, 'dist');
  // A build that "succeeds" without writing is no build: app.json must be fresh.
  if (
    !existsSync(join(dist, 'app.json')) ||
    statSync(join(dist, 'app.json')).mtimeMs < started - 1000
  ) {
    throw new Error(`${label}: taro build exited 0 but ${dist}/app.json was not written`);
  }
  log(`  ${label}: built in ${secs.toFixed(1)} s`);
  return measurePackage(dist);
}

function printSizes(label: string, s: PackageSizes): void {
  const subs =
    s.subpackages.length === 0
      ? 'no subpackages'
      : s.subpackages.map((p) => `${p.root} ${fmtKB(p.bytes)}`).join(', ');
  log(
    `  ${label.padEnd(12)} main ${fmtKB(s.mainBytes)}, total ${fmtKB(s.totalBytes)} in ${s.files} files (${subs})`,
  );
  log(
    `  ${''.padEnd(12)} largest: ${s.largest.map((f) => `${f.path} ${fmtKB(f.bytes)}`).join(', ')}`,
  );
}

export async function runSizeBench(options: { reuse: boolean }): Promise<BenchReport> {
  const report: BenchReport = { rows: [], problems: [] };
  log(`weapp package size (NODE_ENV=production):`);
  let ours: PackageSizes;
  if (options.reuse && existsSync(join(ROOT, 'dist', 'app.json'))) {
    log(
      `  ours: reusing the existing dist/ (--reuse), built ${statSync(join(ROOT, 'dist', 'app.json')).mtime.toISOString()}`,
    );
    ours = measurePackage(join(ROOT, 'dist'));
  } else {
    ours = build(ROOT, 'ours (dist/)');
  }

  const helloDir = mkdtempSync(join(tmpdir(), 'zhuyi-bench-hello-'));
  let hello: PackageSizes;
  try {
    writeHelloWorld(helloDir, ROOT);
    hello = build(helloDir, 'hello-world');
  } finally {
    rmSync(helloDir, { recursive: true, force: true });
  }

  printSizes('ours', ours);
  printSizes('hello-world', hello);
  const extra = ours.mainBytes - hello.mainBytes;
  log(
    `  our code and dependencies add ${fmtKB(extra)} to the main package over the bare framework; ` +
      `${((100 * ours.mainBytes) / WECHAT_MAIN_LIMIT_BYTES).toFixed(0)}% of WeChat's 2 MB limit`,
  );
  report.rows.push(
    {
      bench: 'weapp size',
      metric: 'main package',
      ours: fmtKB(ours.mainBytes),
      baseline: `${fmtKB(hello.mainBytes)} hello-world`,
      ratio: fmtRatio(ours.mainBytes / hello.mainBytes),
      target: '≤ 700 KB',
      status: verdict(ours.mainBytes <= TARGET_MAIN_BYTES),
    },
    {
      bench: 'weapp size',
      metric: 'total (all packages)',
      ours: fmtKB(ours.totalBytes),
      baseline: `${fmtKB(hello.totalBytes)} hello-world`,
      ratio: fmtRatio(ours.totalBytes / hello.totalBytes),
      target: '',
      status: '',
    },
  );
  return report;
}
