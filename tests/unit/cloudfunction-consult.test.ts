/**
 * The deployable consult and consult-sweep functions: `npm run build:functions` output,
 * required as CloudBase would, with wx-server-sdk replaced by a fake. They refuse to start
 * without their key, route WeChat Pay notices apart from client calls, and the sweep runs
 * on its timer only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFunctions } from '../../scripts/build-functions';

const missing = () => Promise.reject(new Error('document with _id x does not exist'));
const mockSdk = {
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init: jest.fn(),
  getWXContext: jest.fn((): Record<string, string> => ({})),
  database: jest.fn(() => ({
    command: new Proxy({}, { get: () => () => ({}) }),
    collection: jest.fn(() => ({ doc: () => ({ get: missing }) })),
  })),
  uploadFile: jest.fn(),
  downloadFile: jest.fn(),
  getTempFileURL: jest.fn(),
  deleteFile: jest.fn(),
  cloudPay: { unifiedOrder: jest.fn(), queryOrder: jest.fn(), refund: jest.fn() },
  openapi: { subscribeMessage: { send: jest.fn() } },
};
jest.mock('wx-server-sdk', () => mockSdk);

const root = join(__dirname, '..', '..', 'cloudfunctions');
const KEY = { ZHUYI_MASTER_KEY: Buffer.alloc(32, 9).toString('base64') };
const PAY = { WX_PAY_SUB_MCH_ID: '1900000109', WX_PAY_ENV_ID: 'prod-1a2b' };
type Main = (event: unknown) => Promise<Record<string, unknown>>;

const saved = { ...process.env };
let quiet: jest.SpyInstance[];
beforeAll(async () => {
  await buildFunctions({ only: ['consult', 'consult-sweep'] });
}, 60_000);
beforeEach(() => {
  quiet = [jest.spyOn(console, 'log'), jest.spyOn(console, 'error')].map((s) =>
    s.mockImplementation(() => {}),
  );
  jest.clearAllMocks();
});
afterEach(() => {
  process.env = { ...saved };
  quiet.forEach((s) => s.mockRestore());
});

function load(fn: string, env: Record<string, string>): { main: Main } {
  process.env = { ...saved, ...env };
  let mod: { main: Main } | undefined;
  jest.isolateModules(() => {
    mod = jest.requireActual(join(root, fn, 'index.js')) as { main: Main };
  });
  return mod!;
}

describe('cloudfunctions/consult', () => {
  it('refuses to start without ZHUYI_MASTER_KEY, or with WeChat Pay half configured', () => {
    expect(() => load('consult', {})).toThrow(/ZHUYI_MASTER_KEY is not set/);
    expect(() => load('consult', { ...KEY, WX_PAY_SUB_MCH_ID: '1900000109' })).toThrow(
      /half configured/,
    );
  });

  it('answers client calls with envelopes; config tells the client about payments and templates', async () => {
    const { main } = load('consult', { ...KEY, ...PAY, WX_SUBSCRIBE_TEMPLATE_ID: 'tpl-reply' });
    mockSdk.getWXContext.mockReturnValue({ OPENID: 'o-1' });
    expect(await main({ action: 'config', data: {} })).toEqual({
      ok: true,
      // video: null — VIDEO_ENABLED is off by default on CloudBase (docs/video.md).
      data: { payment: 'wechat', subscribeTemplateIds: ['tpl-reply'], video: null },
    });
    expect(await main({ action: 'create', data: {} })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    const free = load('consult', KEY);
    expect(await free.main({ action: 'config', data: {} })).toMatchObject({
      data: { payment: 'none', subscribeTemplateIds: [] },
    });
  });

  it('takes WeChat Pay notices (no action): the order is looked up, never trusted', async () => {
    const { main } = load('consult', { ...KEY, ...PAY });
    // An unknown order: nothing to mark, and WeChat is told to stop retrying.
    expect(
      await main({
        outTradeNo: 'cnotanorder0000000000000',
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
      }),
    ).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(mockSdk.cloudPay.queryOrder).not.toHaveBeenCalled();
    expect(
      await main({ outTradeNo: '../../etc', returnCode: 'SUCCESS', resultCode: 'SUCCESS' }),
    ).toEqual({ errcode: 0, errmsg: 'IGNORED' });
    expect(await main({ outRefundNo: 'Rc1', returnCode: 'SUCCESS' })).toEqual({
      errcode: 0,
      errmsg: 'OK',
    });
  });

  it('config.json grants subscribeMessage.send', () => {
    expect(JSON.parse(readFileSync(join(root, 'consult', 'config.json'), 'utf8'))).toEqual({
      permissions: { openapi: ['subscribeMessage.send', 'security.msgSecCheck'] },
      timeout: 20,
    });
  });
});

describe('cloudfunctions/consult-sweep', () => {
  it('runs on a timer every 10 minutes', () => {
    const config = JSON.parse(readFileSync(join(root, 'consult-sweep', 'config.json'), 'utf8'));
    expect(config.triggers).toEqual([
      { name: 'consult-sweep', type: 'timer', config: '0 */10 * * * * *' },
    ]);
    const rc = JSON.parse(readFileSync(join(root, '..', 'cloudbaserc.json'), 'utf8')) as {
      functions: Array<{ name: string; triggers?: unknown }>;
    };
    expect(rc.functions.find((f) => f.name === 'consult-sweep')?.triggers).toEqual(config.triggers);
  });

  it('refuses a call from a mini-program user (it carries an OPENID)', async () => {
    const { main } = load('consult-sweep', KEY);
    mockSdk.getWXContext.mockReturnValue({ OPENID: 'o-curious' });
    expect(await main({})).toEqual({ ok: false, error: 'consult-sweep runs on its timer only' });
    expect(mockSdk.database).not.toHaveBeenCalled();
  });
});
