/** Precompressed H5 assets (config/precompress.ts) and their cache headers (server/site.ts). */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompressDir } from '../../../config/precompress';
import { IMMUTABLE, isContentHashed } from '../../../server/site';
import { startHarness, tempDir, type Harness } from './support';

const APP_JS = `console.log(${JSON.stringify('上海助医 '.repeat(400))});`;

describe('precompressed, content-hashed assets', () => {
  let h: Harness;
  let dist: string;
  beforeAll(async () => {
    dist = tempDir('dist');
    mkdirSync(join(dist, 'js'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(dist, 'js', 'app.0123abcd.js'), APP_JS);
    writeFileSync(join(dist, 'js', 'tiny.0123abcd.js'), '1');
    writeFileSync(join(dist, 'js', 'plain.js'), APP_JS);
    precompressDir(dist);
    h = await startHarness({ distDir: dist });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('writes brotli and gzip copies that decompress to the file, and skips tiny files', () => {
    const file = join(dist, 'js', 'app.0123abcd.js');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(APP_JS);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(APP_JS);
    expect(() => readFileSync(join(dist, 'js', 'tiny.0123abcd.js.br'))).toThrow();
  });

  it.each([
    ['br, gzip', 'br'],
    ['gzip', 'gzip'],
  ])('Accept-Encoding: %s → %s, cached for a year', async (accept, encoding) => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/js/app.0123abcd.js',
      headers: { 'accept-encoding': accept },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    const body =
      encoding === 'br' ? brotliDecompressSync(res.rawPayload) : gunzipSync(res.rawPayload);
    expect(body.toString()).toBe(APP_JS);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(APP_JS) / 5);
  });

  it('sends the file as it is to a client that accepts no encoding', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/js/app.0123abcd.js' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(APP_JS);
  });

  it('a name without a content hash may change: revalidated, not immutable', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/js/plain.js' });
    expect(res.headers['cache-control']).not.toContain('immutable');
  });

  it('recognises content-hashed names only', () => {
    expect(isContentHashed('/d/js/app.f9ad938c.js')).toBe(true);
    expect(isContentHashed('/d/css/app.51b849cb.css')).toBe(true);
    expect(isContentHashed('/d/js/app.js')).toBe(false);
    expect(isContentHashed('/d/js/app.f9ad938c.js.LICENSE.txt')).toBe(false);
  });
});
