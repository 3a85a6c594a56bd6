import { call, readEnvelope, setTransport } from '../../src/services/client';
import { ServiceError } from '../../src/services/errors';
import { transport as h5Transport } from '../../src/services/transport.h5';

afterEach(() => setTransport(null));

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ServiceError))
    throw new Error(`expected a ServiceError, got ${String(error)}`);
  return error;
}

describe('client.call', () => {
  test('sends fn, action and input; resolves with the envelope data', async () => {
    const transport = jest.fn(async () => ({ ok: true, data: { items: ['x'] } }));
    setTransport(transport);
    await expect(call('catalog', 'recommend', { kind: 'doctor' })).resolves.toEqual({
      items: ['x'],
    });
    expect(transport).toHaveBeenCalledWith('catalog', 'recommend', { kind: 'doctor' });
  });

  test('an error envelope becomes a ServiceError with its code, message and details', async () => {
    const details = { issues: [{ path: 'data.q', message: '请输入搜索内容' }] };
    setTransport(async () => ({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '参数错误', details },
    }));
    const error = await rejection(call('catalog', 'search', { q: ' ' }));
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '参数错误', details });
  });

  test('an unknown error code is not trusted: it reads as INTERNAL', async () => {
    setTransport(async () => ({ ok: false, error: { code: 'TEAPOT', message: '?' } }));
    expect((await rejection(call('catalog', 'getDoctor', { id: 'd1' }))).code).toBe('INTERNAL');
  });

  test.each([[null], ['<html>502</html>'], [{ data: 1 }], [{ ok: true }], [{ ok: false }]])(
    'a body that is not an envelope (%p) is a bad-response error, never data',
    async (body) => {
      setTransport(async () => body);
      const error = await rejection(call('catalog', 'getDoctor', { id: 'd1' }));
      expect(error).toMatchObject({ code: 'INTERNAL', details: { transport: 'bad-response' } });
    },
  );

  test('with no platform transport installed, calls fail loudly', async () => {
    const error = await rejection(call('catalog', 'getDoctor', { id: 'd1' }));
    expect(error.details).toMatchObject({ transport: 'unconfigured' });
  });

  test('readEnvelope passes a well-formed success through', () => {
    expect(readEnvelope({ ok: true, data: null })).toEqual({ ok: true, data: null });
  });
});

describe('H5 transport', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  function respond(status: number, body: string) {
    const fetch = jest.fn(async () => new Response(body, { status }));
    global.fetch = fetch as unknown as typeof global.fetch;
    return fetch;
  }

  test('POSTs { action, data } as JSON to /api/<fn> with the session cookie', async () => {
    const fetch = respond(200, JSON.stringify({ ok: true, data: 1 }));
    await expect(h5Transport('catalog', 'getDoctor', { id: 'd1' })).resolves.toEqual({
      ok: true,
      data: 1,
    });
    expect(fetch).toHaveBeenCalledWith('/api/catalog', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'getDoctor', data: { id: 'd1' } }),
    });
  });

  test('an error status still yields its envelope, so the code reaches the page', async () => {
    respond(
      404,
      JSON.stringify({ ok: false, error: { code: 'NOT_FOUND', message: '医生不存在' } }),
    );
    setTransport(h5Transport);
    const error = await rejection(call('catalog', 'getDoctor', { id: 'nope' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: '医生不存在' });
  });

  test('a non-JSON body (a proxy error page) is a bad-response error', async () => {
    respond(502, '<html>Bad Gateway</html>');
    const error = await rejection(h5Transport('catalog', 'getDoctor', { id: 'd1' }));
    expect(error).toMatchObject({ code: 'INTERNAL', details: { transport: 'bad-response' } });
  });

  test('no network is a network error with a message a user understands', async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof global.fetch;
    const error = await rejection(h5Transport('catalog', 'getDoctor', { id: 'd1' }));
    expect(error).toMatchObject({
      code: 'INTERNAL',
      message: '网络异常，请检查网络后重试',
      details: { transport: 'network' },
    });
  });
});
