/**
 * `npm test`: everything, in the order a failure is cheapest to find — types (per room), lint,
 * the real builds (weapp, H5, cloud functions), then every jest project including the
 * weapp (miniprogram-simulate on dist/, plus the size budgets in tests/weapp/budgets.test.ts,
 * which read the three builds) and e2e (Chromium against `npm start`) suites.
 * Ends with one plain `N passed, N failed` line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const jestArgs = args.filter((a) => a !== '--no-build');

interface Step {
  name: string;
  cmd: string;
  argv: string[];
}

const steps: Step[] = [
  // Each room in the environment it runs in: tools and tests, the app (no Node), the back end (no DOM).
  { name: 'typecheck', cmd: 'npx', argv: ['tsc', '-p', 'tsconfig.json'] },
  { name: 'typecheck:weapp', cmd: 'npx', argv: ['tsc', '-p', 'tsconfig.app.json'] },
  { name: 'typecheck:h5', cmd: 'npx', argv: ['tsc', '-p', 'tsconfig.h5.json'] },
  { name: 'typecheck:node', cmd: 'npx', argv: ['tsc', '-p', 'tsconfig.node.json'] },
  { name: 'eslint', cmd: 'npx', argv: ['eslint', '.', '--max-warnings', '0'] },
  { name: 'prettier', cmd: 'npx', argv: ['prettier', '--check', '.', '--log-level', 'warn'] },
];
if (!skipBuild) {
  steps.push(
    { name: 'build:weapp', cmd: 'npm', argv: ['run', '--silent', 'build:weapp'] },
    { name: 'build:h5', cmd: 'npm', argv: ['run', '--silent', 'build:h5'] },
    { name: 'build:functions', cmd: 'npm', argv: ['run', '--silent', 'build:functions'] },
  );
}

const failed: string[] = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  const r = spawnSync(step.cmd, step.argv, { cwd: root, stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status === 0) console.log(`✓ ${step.name} (${secs}s)`);
  else {
    console.log(`✗ ${step.name} failed (${secs}s)`);
    failed.push(step.name);
  }
}

mkdirSync(join(root, 'coverage'), { recursive: true });

/**
 * Two jest runs: every other project in parallel, then the browser journeys alone. On 2 cores
 * the e2e app, Chromium and the backend workers starved one another (a page waited 30 s
 * behind them); alone, the journeys measure the app, not the machine's queue.
 */
const runs: Array<{ label: string; projects: string[] }> = [
  {
    label: 'unit, backend, backend-cloudbase, bundles, pages, weapp',
    projects: ['unit', 'backend', 'backend-cloudbase', 'bundles', 'pages', 'weapp'],
  },
  { label: 'e2e', projects: ['e2e'] },
];
// Arguments given to `npm test -- …` (a path, --selectProjects) go to one plain run instead.
const plan = jestArgs.length > 0 ? [{ label: jestArgs.join(' '), projects: [] }] : runs;

let passed = 0;
let failedTests = 0;
plan.forEach(({ label, projects }, i) => {
  const report = join(root, 'coverage', `jest-report-${i}.json`);
  rmSync(report, { force: true });
  console.log(`\n▶ jest (${label})`);
  const select = projects.length > 0 ? ['--selectProjects', ...projects] : [];
  const jest = spawnSync(
    'npx',
    ['jest', '--ci', '--json', `--outputFile=${report}`, ...select, ...jestArgs],
    { cwd: root, stdio: 'inherit', env: process.env },
  );
  let failedHere = 0;
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numRuntimeErrorTestSuites: number;
    };
    passed += summary.numPassedTests;
    failedHere = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
  }
  if (jest.status !== 0 && failedHere === 0) failedHere = 1;
  failedTests += failedHere;
});
// Each failed non-jest step counts as one failure, so the closing line never hides it.
failedTests += failed.length;
if (failed.length > 0) console.log(`\nFailed steps: ${failed.join(', ')}`);
console.log(`\nTests: ${passed} passed, ${failedTests} failed`);
process.exit(failedTests === 0 ? 0 : 1);
