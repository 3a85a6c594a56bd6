import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every page is an on-demand chunk group, so on a cold load the browser learns of the
 * page's chunks only after app.js has downloaded and run — one more round trip (150 ms on
 * slow 4G) before the first screen can draw. The chunks most pages share (the Taro
 * components, the shared UI) are named in index.html as `<link rel="preload">` instead, so
 * they download alongside app.js.
 */

/** A chunk is preloaded when at least this share of the on-demand chunk groups needs it. */
const SHARE = 0.8;

interface ChunkGroupLike {
  isInitial(): boolean;
  chunks: Iterable<{ files: Iterable<string> }>;
}

interface EmitCompilation {
  chunkGroups: ChunkGroupLike[];
}

interface EmitCompiler {
  outputPath: string;
  options: { output: { publicPath?: unknown } };
  hooks: { afterEmit: { tap(name: string, fn: (c: EmitCompilation) => void): void } };
}

export function sharedAsyncScripts(groups: ChunkGroupLike[]): string[] {
  const asyncGroups = groups.filter((g) => !g.isInitial());
  const count = new Map<string, number>();
  for (const group of asyncGroups) {
    const files = new Set<string>();
    for (const chunk of group.chunks)
      for (const f of chunk.files) if (f.endsWith('.js')) files.add(f);
    for (const f of files) count.set(f, (count.get(f) ?? 0) + 1);
  }
  return [...count]
    .filter(([, n]) => asyncGroups.length > 1 && n >= SHARE * asyncGroups.length)
    .map(([f]) => f)
    .sort();
}

export class PreloadSharedChunksPlugin {
  apply(compiler: EmitCompiler): void {
    compiler.hooks.afterEmit.tap('PreloadSharedChunksPlugin', (compilation) => {
      const index = join(compiler.outputPath, 'index.html');
      if (!existsSync(index)) return;
      const publicPath = String(compiler.options.output.publicPath ?? '/');
      const links = sharedAsyncScripts(compilation.chunkGroups)
        .map((f) => `<link rel="preload" as="script" href="${publicPath}${f}">`)
        .join('');
      if (!links) return;
      const html = readFileSync(index, 'utf8');
      writeFileSync(index, html.replace('</head>', `${links}</head>`));
    });
  }
}
