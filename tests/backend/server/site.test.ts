import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, tempDir, type Harness } from './support';

const INLINE = '!function(){document.documentElement.style.fontSize="20px"}()';
const INDEX_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>上海助医</title>
<script>${INLINE}</script><link href="/css/app.css" rel="stylesheet"></head>
<body><div id="app"></div><script src="/js/app.js"></script></body></html>`;

function makeBuild(): string {
  const dist = tempDir('dist');
  mkdirSync(join(dist, 'js'));
  writeFileSync(join(dist, 'index.html'), INDEX_HTML);
  writeFileSync(join(dist, 'js', 'app.js'), 'console.log("app")');
  writeFileSync(join(dist, '.env'), 'SECRET=1');
  return dist;
}

describe('with a built H5 app', () => {
  let h: Harness;
  let dist: string;
  beforeAll(async () => {
    dist = makeBuild();
    h = await startHarness({ distDir: dist });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each(['/', '/pages/index/index', '/pages/doctor/index?id=d1', '/pages/hospital/'])(
    'serves index.html for the page path %s',
    async (url) => {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toBe(INDEX_HTML);
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it('serves built files as they are', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/js/app.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.body).toBe('console.log("app")');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 404, not the page, for a missing file', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/js/missing.js' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<html');
  });

  it('does not serve dotfiles or escape the build folder', async () => {
    for (const url of [
      '/.env',
      '/../package.json',
      '/js/..%2f..%2fpackage.json',
      '/%2e%2e/package.json',
    ]) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toMatch(/SECRET|"name"/);
    }
  });

  it('does not answer POST to a page path with the page', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/pages/index/index' });
    expect(res.statusCode).toBe(404);
  });

  it('sends a CSP that allows the inline script by hash and nothing inline else', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/' });
    const csp = String(res.headers['content-security-policy']);
    const hash = createHash('sha256').update(INLINE).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });
});

describe('without a build', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(['/', '/pages/index/index'])(
    '%s explains in Chinese and English how to build',
    async (url) => {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('npm run build:h5');
      expect(res.body).toContain('前端尚未构建');
      expect(res.body).toMatch(/has not been built/);
    },
  );

  it('picks the app up once it is built, without a restart', async () => {
    const dist = tempDir('late-dist');
    const late = await startHarness({ distDir: dist });
    try {
      expect((await late.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(503);
      writeFileSync(join(dist, 'index.html'), INDEX_HTML);
      mkdirSync(join(dist, 'js'));
      writeFileSync(join(dist, 'js', 'app.js'), 'console.log("app")');
      const page = await late.app.inject({ method: 'GET', url: '/pages/index/index' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toBe(INDEX_HTML);
      expect((await late.app.inject({ method: 'GET', url: '/js/app.js' })).statusCode).toBe(200);
    } finally {
      await late.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('the API still works', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/probe',
      headers: { 'content-type': 'application/json' },
      payload: '{"action":"whoami"}',
    });
    expect(res.statusCode).toBe(200);
  });
});
