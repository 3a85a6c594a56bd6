import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The JavaScript an H5 build sends before a page can draw, read from the build itself:
 * the scripts index.html loads, plus the chunks Taro's router fetches for that page
 * (`"path":"pages/home/index","load":…Promise.all([w.e(666),…])` in the app chunk).
 * Sizes are of the brotli copies (config/precompress.ts), i.e. what goes on the wire.
 */

export interface FirstScreenJs {
  files: string[];
  rawBytes: number;
  brBytes: number;
}

function scriptsOfIndex(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc="\/?([^"]+)"/g)].map((m) => m[1]);
}

function chunkFiles(distDir: string): Map<string, string> {
  const byId = new Map<string, string>();
  for (const name of readdirSync(join(distDir, 'js'))) {
    const m = /^([^.]+)\.[0-9a-f]{8}\.js$/.exec(name);
    if (m) byId.set(m[1], `js/${name}`);
  }
  return byId;
}

export function firstScreenJs(distDir: string, pagePath: string): FirstScreenJs {
  const entry = scriptsOfIndex(distDir);
  const app = entry.find((f) => /(^|\/)app\.[0-9a-f]{8}\.js$/.test(f));
  if (!app) throw new Error(`${distDir}/index.html loads no app.<hash>.js`);
  const appJs = readFileSync(join(distDir, app), 'utf8');
  const route = new RegExp(
    `"path":"${pagePath.replace(/\//g, '\\/')}","load":function[^{]*\\{return\\[(?:Promise\\.all\\(\\[)?([^\\]]*?)\\]?\\)?\\.then`,
  ).exec(appJs);
  if (!route) throw new Error(`no route for ${pagePath} in ${app}`);
  const ids = [...route[1].matchAll(/\.e\(["']?([\w-]+)["']?\)/g)].map((m) => m[1]);
  const byId = chunkFiles(distDir);
  const files = [...entry];
  for (const id of ids) {
    const file = byId.get(id);
    if (!file) throw new Error(`chunk ${id} of ${pagePath} is not in ${distDir}/js`);
    files.push(file);
  }
  let rawBytes = 0;
  let brBytes = 0;
  for (const file of files) {
    const full = join(distDir, file);
    rawBytes += statSync(full).size;
    // Files under 1 KB are not precompressed: they go as they are.
    brBytes += existsSync(`${full}.br`) ? statSync(`${full}.br`).size : statSync(full).size;
  }
  return { files, rawBytes, brBytes };
}
