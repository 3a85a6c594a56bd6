/** What every cloud function does with an event, exercised with a fake SDK and a probe function. */
import { z } from 'zod';
import type { BackendFunction } from '../../backend/core/action';
import type { Ctx } from '../../backend/core/context';
import { cloudMain, type WxCloud } from '../../cloudfunctions/_shared/cloud-main';

const probe = {
  name: 'probe',
  actions: {
    whoami: { input: z.object({ openid: z.string().optional() }).strict(), output: z.unknown() },
    crash: { input: z.object({}).strict(), output: z.unknown() },
  },
  handlers: {
    whoami: async (ctx: Ctx) => ({ caller: ctx.caller }),
    crash: async () => {
      throw new Error('connection string mongodb://admin:pw@internal');
    },
  },
} as unknown as BackendFunction;

function fakeCloud(context: { OPENID?: string; CLIENTIP?: string }) {
  return {
    getWXContext: jest.fn(() => context),
    database: jest.fn(() => ({}) as ReturnType<WxCloud['database']>),
  };
}

let quiet: jest.SpyInstance[];
beforeEach(() => {
  quiet = [jest.spyOn(console, 'log'), jest.spyOn(console, 'error')].map((s) =>
    s.mockImplementation(() => {}),
  );
});
afterEach(() => quiet.forEach((s) => s.mockRestore()));

describe('cloudMain', () => {
  it('takes the caller from getWXContext, never from the event', async () => {
    const main = cloudMain(fakeCloud({ OPENID: 'o-real', CLIENTIP: '203.0.113.5' }), probe);
    const envelope = await main({
      action: 'whoami',
      data: { openid: 'o-victim' },
      userInfo: { openId: 'o-victim', appId: 'wx1' },
    });
    expect(envelope).toEqual({
      ok: true,
      data: { caller: { openid: 'o-real', clientIp: '203.0.113.5' } },
    });
  });

  it('has no caller when WeChat gives no OPENID', async () => {
    const main = cloudMain(fakeCloud({}), probe);
    expect(await main({ action: 'whoami', data: { openid: 'o-victim' } })).toEqual({
      ok: true,
      data: { caller: null },
    });
  });

  it('treats omitted data as {} and drops the keys WeChat adds to the event', async () => {
    const main = cloudMain(fakeCloud({ OPENID: 'o1' }), probe);
    expect(await main({ action: 'whoami', userInfo: { openId: 'o1' } })).toMatchObject({
      ok: true,
    });
  });

  it('answers a crash with INTERNAL and keeps the detail in the log only', async () => {
    const main = cloudMain(fakeCloud({ OPENID: 'o1' }), probe);
    const envelope = await main({ action: 'crash' });
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' },
    });
    expect(JSON.stringify(envelope)).not.toContain('mongodb');
  });

  it('answers a malformed event with INVALID_ARGUMENT', async () => {
    const main = cloudMain(fakeCloud({}), probe);
    for (const event of [undefined, null, 'whoami', [], { data: {} }, { action: 42 }]) {
      expect(await main(event)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
  });

  it('logs one line per call with fn, action, code and ms', async () => {
    const main = cloudMain(fakeCloud({}), probe);
    await main({ action: 'whoami' });
    const lines = (console.log as jest.Mock).mock.calls.map(([line]) => JSON.parse(String(line)));
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'call',
        fn: 'probe',
        action: 'whoami',
        code: 'OK',
        ms: expect.any(Number),
      }),
    ]);
  });
});
