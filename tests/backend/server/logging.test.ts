import { json, startHarness, until, type Harness } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const apiLines = () => h.logs.filter((line) => 'status' in line && 'ms' in line);

/** onResponse runs after the reply is flushed: wait until it has logged `n` API lines. */
const logged = (n: number) => until(() => apiLines().length >= n, `${n} API log lines`);

beforeEach(() => {
  h.logs.length = 0;
});

describe('request log', () => {
  it('writes exactly one line per API request with fn, action, status and ms', async () => {
    await h.app.inject({ url: '/api/probe', ...json({ action: 'slow', data: { ms: 20 } }) });
    await logged(1);
    const lines = apiLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ fn: 'probe', action: 'slow', status: 200, msg: 'api' });
    expect(lines[0].ms).toBeGreaterThanOrEqual(15);
    // fastify's own "incoming request" / "request completed" lines are off.
    expect(h.logs.filter((l) => /request/.test(String(l.msg)))).toEqual([]);
  });

  it('logs failures the same way, once each', async () => {
    await h.app.inject({
      url: '/api/probe',
      ...json({ action: 'fail', data: { code: 'CONFLICT' } }),
    });
    await h.app.inject({ url: '/api/nope', ...json({ action: 'x' }) });
    await h.app.inject({ url: '/api/probe', ...json({ action: 'x', pad: 'y'.repeat(1_100_000) }) });
    await h.app.inject({ method: 'GET', url: '/api/probe' });
    await logged(4);
    expect(apiLines().map(({ fn, action, status }) => ({ fn, action, status }))).toEqual([
      { fn: 'probe', action: 'fail', status: 409 },
      { fn: 'nope', action: 'x', status: 404 },
      { fn: 'probe', action: null, status: 413 },
      { fn: 'probe', action: null, status: 404 },
    ]);
  });

  it('keeps the crash detail in the log, not in the response', async () => {
    await h.app.inject({ url: '/api/probe', ...json({ action: 'crash' }) });
    await logged(1);
    expect(JSON.stringify(h.logs)).toContain('hunter2');
    expect(apiLines()).toHaveLength(1);
  });

  it('never logs the identity cookie', async () => {
    const first = await h.app.inject({ url: '/api/probe', ...json({ action: 'whoami' }) });
    const cookie = String(first.headers['set-cookie']).split(';')[0];
    await h.app.inject({ url: '/api/probe', ...json({ action: 'whoami' }, { cookie }) });
    await logged(2);
    expect(JSON.stringify(h.logs)).not.toContain(cookie.split('=')[1]);
  });
});
