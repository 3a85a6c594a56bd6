/**
 * `npm run screenshots`: refreshes the README's docs/screenshots/ on purpose. The e2e suite
 * takes the same pictures on every run but keeps them in the ignored tests/e2e/artifacts/,
 * so `npm test` never dirties the tree.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');
const run = (cmd: string, argv: string[], env: NodeJS.ProcessEnv = process.env): void => {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npm', ['run', '--silent', 'build:h5']);
run('npx', ['jest', '--ci', '--selectProjects', 'e2e', '--runInBand'], {
  ...process.env,
  ZHUYI_SCREENSHOTS: 'docs',
});
