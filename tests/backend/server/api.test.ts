import { ERROR_CODES, HTTP_STATUS } from '../../../contract/envelope';
import { json, startHarness, type Harness } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const post = (url: string, body: unknown) => h.app.inject({ url, ...json(body) });

describe('POST /api/<fn>', () => {
  it('answers 200 with { ok: true, data }', async () => {
    const res = await post('/api/probe', { action: 'slow', data: { ms: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ ok: true, data: { waited: 1 } });
  });

  it.each(ERROR_CODES.filter((c) => c !== 'INTERNAL'))(
    'maps ApiError %s to its HTTP status and an error envelope',
    async (code) => {
      const res = await post('/api/probe', { action: 'fail', data: { code } });
      expect(res.statusCode).toBe(HTTP_STATUS[code]);
      expect(res.json()).toEqual({
        ok: false,
        error: expect.objectContaining({ code, message: `失败：${code}` }),
      });
    },
  );

  it('tells a rate-limited client when to come back', async () => {
    const res = await post('/api/probe', { action: 'fail', data: { code: 'RATE_LIMITED' } });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('30');
  });

  it('turns a crash into 500 INTERNAL without leaking the message or a stack', async () => {
    const res = await post('/api/probe', { action: 'crash' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' },
    });
    expect(res.body).not.toMatch(/hunter2|secret|at .*\.ts/);
  });

  it('answers 404 NOT_FOUND for an unknown function, including prototype names', async () => {
    for (const fn of ['nope', '__proto__', 'constructor', 'hasOwnProperty']) {
      const res = await post(`/api/${fn}`, { action: 'whoami' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('answers 404 NOT_FOUND for an unknown action', async () => {
    const res = await post('/api/probe', { action: 'dropTables' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers 400 INVALID_ARGUMENT for bad input to a known action', async () => {
    const res = await post('/api/probe', { action: 'slow', data: { ms: 'soon' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('requests fastify rejects before any handler', () => {
  const expectEnvelope = (
    res: { statusCode: number; json(): unknown },
    status: number,
    code: string,
  ) => {
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
  };

  it('413 with an envelope for a body over 1 MB', async () => {
    const res = await post('/api/probe', {
      action: 'whoami',
      data: { pad: 'x'.repeat(1_100_000) },
    });
    expectEnvelope(res, 413, 'INVALID_ARGUMENT');
    expect(res.json().error.message).toMatch(/1 MB/);
  });

  it('still accepts a body just under 1 MB (then validates it)', async () => {
    const res = await post('/api/probe', {
      action: 'whoami',
      data: { openid: 'x'.repeat(1_000_000) },
    });
    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['malformed JSON', 'application/json', '{"action": '],
    ['an empty JSON body', 'application/json', ''],
    ['text/plain', 'text/plain', '{"action":"whoami"}'],
    ['a form post', 'application/x-www-form-urlencoded', 'action=whoami'],
    ['multipart', 'multipart/form-data; boundary=x', '--x--'],
    ['prototype poisoning', 'application/json', '{"action":"whoami","__proto__":{"admin":true}}'],
  ])('400 with an envelope for %s', async (_name, type, payload) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/probe',
      headers: { 'content-type': type },
      payload,
    });
    expectEnvelope(res, 400, 'INVALID_ARGUMENT');
  });

  it.each([null, [], 'whoami', 42, { action: 'whoami', extra: 1 }, { data: {} }])(
    '400 INVALID_ARGUMENT for the JSON body %j',
    async (body) => {
      expectEnvelope(await post('/api/probe', body), 400, 'INVALID_ARGUMENT');
    },
  );

  it('400 for a POST with no body at all', async () => {
    expectEnvelope(
      await h.app.inject({ method: 'POST', url: '/api/probe' }),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('404 envelope for other methods and paths under /api', async () => {
    for (const [method, url] of [
      ['GET', '/api/probe'],
      ['PUT', '/api/probe'],
      ['DELETE', '/api/probe'],
      ['POST', '/api/probe/extra'],
      ['POST', '/api'],
      ['GET', '/api/'],
    ] as const) {
      const res = await h.app.inject({ method, url });
      expectEnvelope(res, 404, 'NOT_FOUND');
    }
  });

  it('400 envelope for a URL that cannot be decoded', async () => {
    const res = await h.app.inject({ url: '/api/%E0%A4%A', ...json({ action: 'x' }) });
    expectEnvelope(res, 400, 'INVALID_ARGUMENT');
    expect(res.json().error.details.issues[0].path).toBe('url');
  });
});

describe('headers', () => {
  it('marks API answers nosniff, uncacheable and non-renderable', async () => {
    const res = await post('/api/probe', { action: 'whoami' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });
});
