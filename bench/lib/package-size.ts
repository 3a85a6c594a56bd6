import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Sizes of a built weapp as WeChat counts them: the main package is every file not under
 * a subpackage root listed in app.json (`subPackages` or `subpackages`); WeChat limits the
 * main package to 2 MB. Source maps are left out (DevTools does not upload them).
 */

export interface PackageSizes {
  mainBytes: number;
  totalBytes: number;
  files: number;
  subpackages: Array<{ root: string; bytes: number }>;
  /** The five largest main-package files, for the printout. */
  largest: Array<{ path: string; bytes: number }>;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function subpackageRoots(distDir: string): string[] {
  const app = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => p.root);
  // "pages/a" and "pages/a/" name the same folder.
  return roots.map((r) => r.replace(/^\.?\/+/, '').replace(/\/+$/, ''));
}

export function measurePackage(distDir: string): PackageSizes {
  if (!existsSync(join(distDir, 'app.json')))
    throw new Error(`${distDir}/app.json is missing: no weapp build there`);
  const roots = subpackageRoots(distDir);
  const sub = new Map(roots.map((r) => [r, 0]));
  const main: Array<{ path: string; bytes: number }> = [];
  let total = 0;
  let files = 0;
  for (const file of walk(distDir)) {
    if (file.endsWith('.map')) continue;
    const rel = relative(distDir, file).split(sep).join('/');
    const bytes = statSync(file).size;
    total += bytes;
    files++;
    const root = roots.find((r) => rel === r || rel.startsWith(`${r}/`));
    if (root !== undefined) sub.set(root, (sub.get(root) ?? 0) + bytes);
    else main.push({ path: rel, bytes });
  }
  return {
    mainBytes: main.reduce((s, f) => s + f.bytes, 0),
    totalBytes: total,
    files,
    subpackages: [...sub].map(([root, bytes]) => ({ root, bytes })),
    largest: [...main].sort((a, b) => b.bytes - a.bytes).slice(0, 5),
  };
}

/**
 * `taro build --type weapp` in `appDir` with NODE_ENV=production; returns seconds taken.
 * Output goes to a log (printed only on failure) so the bench's own output stays readable.
 */
export function taroBuildWeapp(appDir: string, taroBin: string): number {
  return taroBuild(appDir, taroBin, 'weapp');
}

/** `taro build --type <type>` in `appDir` with NODE_ENV=production; returns seconds taken. */
export function taroBuild(appDir: string, taroBin: string, type: 'weapp' | 'h5'): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [taroBin, 'build', '--type', type], {
    cwd: appDir,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').slice(-40).join('\n');
    throw new Error(`taro build --type ${type} failed in ${appDir} (exit ${r.status}):\n${tail}`);
  }
  return (performance.now() - started) / 1000;
}
