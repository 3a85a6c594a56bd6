/**
 * `npm start`: everything a newcomer needs, in one command. Builds the H5 app when
 * dist-h5 is missing or older than its sources, seeds the catalog on first run, then
 * serves app and API on http://127.0.0.1:3000 (PORT, HOST, DATA_DIR as for `npm run serve`).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalPorts } from '../backend/adapters/local/ports';
import { seedCatalogIfEmpty } from '../backend/catalog/seed';
import { seedDemoSurvey } from '../backend/survey/seed';
import { readConfig } from '../server/config';
import { runServer } from '../server/run';

const ROOT = join(__dirname, '..');
const BUILT_INDEX = join(ROOT, 'dist-h5', 'index.html');
/** What the H5 build is made from: the app, its build config, and the shared contract. */
const SOURCES = ['src', 'config', 'contract'].map((dir) => join(ROOT, dir));

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  }
  return newest;
}

function h5BuildIsStale(): boolean {
  if (!existsSync(BUILT_INDEX)) return true;
  const built = statSync(BUILT_INDEX).mtimeMs;
  return SOURCES.some((dir) => newestMtimeMs(dir) > built);
}

/** `taro build --type h5`, output streamed to this terminal. */
function buildH5(): Promise<void> {
  const taro = join(ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro');
  // Always a production build: Taro's dev mode (NODE_ENV=test or development) wants
  // react-refresh and would delete dist-h5 on failure.
  const child = spawn(process.execPath, [taro, 'build', '--type', 'h5'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  // Ctrl-C reaches the build through the terminal; a bare SIGTERM to us must too.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGTERM', forward);
  process.on('SIGINT', forward);
  return new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGTERM', forward);
      process.off('SIGINT', forward);
      if (code === 0) resolve();
      else reject(new Error(`H5 build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

async function main(): Promise<void> {
  const config = readConfig();
  if (h5BuildIsStale()) {
    console.log('Building the H5 app (dist-h5 is missing or older than src/) …');
    await buildH5();
  } else {
    console.log('dist-h5 is up to date.');
  }

  const ports = createLocalPorts({ dataDir: config.dataDir });
  try {
    const seed = await seedCatalogIfEmpty(ports.store);
    // CS: the demo's one operator questionnaire, for everyone (backend/survey/seed.ts).
    await seedDemoSurvey(ports.store);
    console.log(
      seed.seeded
        ? `Seeded the catalog: ${seed.hospitals} hospitals, ${seed.doctors} doctors (${config.dataDir}).`
        : `Using the existing database in ${config.dataDir}.`,
    );
  } catch (err) {
    ports.store.close();
    throw err;
  }
  // The server takes the ports over and closes the store on Ctrl-C.
  await runServer(config, ports);
}

main().catch((err: unknown) => {
  console.error('npm start failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
