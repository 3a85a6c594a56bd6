/**
 * SEC (issue 15): every response carries the security headers — a malformed URL's 400 came
 * without them — and HSTS is sent when NODE_ENV=production (the production option).
 */
import type { InjectOptions } from 'fastify';
import { SECURITY_HEADERS } from '../../../server/headers';
import { json, startHarness, type Harness } from './support';

const HSTS = 'strict-transport-security';

const requests: Array<[string, InjectOptions]> = [
  ['an API call', { url: '/api/probe', ...json({ action: 'whoami', data: {} }) }],
  ['an unknown function', { url: '/api/nope', ...json({ action: 'x' }) }],
  ['malformed JSON', { url: '/api/probe', ...json({}), payload: '{"action": ' }],
  ['a malformed URL (page)', { method: 'GET', url: '/pages/%E0%A4%A' }],
  ['a malformed URL (API)', { url: '/api/%zz', ...json({ action: 'whoami' }) }],
  ['a malformed URL (file)', { method: 'GET', url: '/files/%c0%af' }],
  ['a page', { method: 'GET', url: '/pages/index/index' }],
  ['a missing file', { method: 'GET', url: '/js/missing.js' }],
  ['a wrong method', { ...json({}), method: 'PUT', url: '/api/probe' }],
];

describe.each([false, true])('production %s', (production) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ production });
  });
  afterAll(() => h.close());

  it.each(requests)('%s carries every security header', async (name, request) => {
    const res = await h.app.inject(request);
    if (name.startsWith('a malformed URL')) expect(res.statusCode).toBe(400);
    // 503 is the page without an H5 build here; never a crash.
    expect(res.statusCode).not.toBe(500);
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect([name, res.headers[name]]).toEqual([name, value]);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    if (production) expect(res.headers[HSTS]).toBe('max-age=31536000; includeSubDomains');
    else expect(res.headers[HSTS]).toBeUndefined();
  });
});
