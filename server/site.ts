import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { documentCsp, inlineScriptHashes } from './headers';

/**
 * The H5 app (dist-h5, Taro router mode "browser"): files as they are, and index.html for
 * every page path, so a reload or a shared link to /pages/doctor/index?id=… works.
 */
export interface Site {
  /** Answers a page request: the app's index.html, or a page saying how to build it. */
  sendPage(reply: FastifyReply): Promise<FastifyReply>;
  /** The CSP for HTML pages, allowing the current index.html's inline scripts. */
  documentCsp(): string;
}

export const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>上海助医 — 尚未构建 / not built yet</title>
<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em;line-height:1.6}code{background:#f2f2f2;padding:.1em .3em}</style>
</head>
<body>
<h1>上海助医：前端尚未构建</h1>
<p>服务器已启动，接口 <code>/api/…</code> 可用，但找不到 H5 页面（<code>dist-h5/index.html</code>）。</p>
<p>请在项目目录运行 <code>npm run build:h5</code>，然后刷新本页；或直接运行 <code>npm start</code>，它会自动构建。</p>
<hr>
<h2>Shanghai Zhuyi: the web app has not been built</h2>
<p>The server is running and <code>/api/…</code> works, but <code>dist-h5/index.html</code> is missing.</p>
<p>Run <code>npm run build:h5</code> in the project folder and reload this page, or run <code>npm start</code>, which builds it for you.</p>
</body>
</html>
`;

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** `app.1a2b3c4d.js`, `css/app.1a2b3c4d.css`, `logo.1a2b3c4d.png` (Taro's [contenthash:8]). */
export function isContentHashed(path: string): boolean {
  return /\.[0-9a-f]{8}\.[a-z0-9]+$/.test(path);
}

/** A page path: not under /api, and its last segment has no file extension. */
export function isPagePath(path: string): boolean {
  if (path === '/api' || path.startsWith('/api/')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/**
 * The build is looked for on every page request, not once at startup, so a server started
 * before `npm run build:h5` (or during `npm run dev:h5`) picks the app up without a restart.
 */
export async function registerSite(app: FastifyInstance, distDir: string): Promise<Site> {
  const indexFile = join(distDir, 'index.html');
  let cached: { mtimeMs: number; html: string; csp: string } | null = null;

  const loadIndex = async () => {
    let mtimeMs: number;
    try {
      ({ mtimeMs } = await stat(indexFile));
    } catch {
      return null;
    }
    if (!cached || cached.mtimeMs !== mtimeMs) {
      const html = await readFile(indexFile, 'utf8');
      cached = { mtimeMs, html, csp: documentCsp(inlineScriptHashes(html)) };
    }
    return cached;
  };

  await loadIndex();
  // A missing distDir is fine here (the plugin only warns); files appear once built.
  await app.register(fastifyStatic, {
    root: distDir,
    // `/` and page paths go to sendPage (CSP; never a cookie); files are served as-is.
    index: false,
    allowedPath: (pathName) => !isPagePath(pathName),
    dotfiles: 'ignore',
    decorateReply: false,
    // dist-h5/**/*.br|.gz, written at build time (config/precompress.ts).
    preCompressed: true,
    // Ours, from setHeaders: send's own header would overwrite whatever setHeaders sets.
    cacheControl: false,
    setHeaders: (res, sent) => {
      // `sent` is the .br or .gz copy when one was chosen.
      const path = sent.replace(/\.(br|gz)$/, '');
      // Shared caches must keep the encodings apart (text files may have .br/.gz copies).
      if (/\.(js|css|html|svg|json|txt)$/.test(path)) res.setHeader('vary', 'accept-encoding');
      // A content hash in the name: the file never changes, a new build gets a new name.
      // Anything else (index.html, unhashed images) is revalidated on each use.
      res.setHeader('cache-control', isContentHashed(path) ? IMMUTABLE : 'no-cache');
    },
  });

  return {
    async sendPage(reply) {
      const index = await loadIndex();
      if (!index) {
        return reply.code(503).type('text/html; charset=utf-8').send(MISSING_BUILD_PAGE);
      }
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(index.html);
    },
    documentCsp: () => cached?.csp ?? documentCsp([]),
  };
}
