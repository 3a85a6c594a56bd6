/**
 * The deployable booking and booking-sweep functions, built by `npm run build:functions` and
 * required as CloudBase would with wx-server-sdk faked: they refuse to start without their
 * key, route WeChat Pay notices apart from client calls, and the sweep runs on its timer only.
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
type Main = (event: unknown) => Promise<Record<string, unknown>>;

const saved = { ...process.env };
let quiet: jest.SpyInstance[];
beforeAll(async () => {
  await buildFunctions({ only: ['booking', 'booking-sweep'] });
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

describe('cloudfunctions/booking', () => {
  it('refuses to start without ZHUYI_MASTER_KEY', () => {
    expect(() => load('booking', {})).toThrow(/ZHUYI_MASTER_KEY/);
  });

  it('answers a malformed payment notice without touching the database', async () => {
    const { main } = load('booking', KEY);
    expect(await main({ outTradeNo: '../x', returnCode: 'SUCCESS' })).toEqual({
      errcode: 0,
      errmsg: 'IGNORED',
    });
    expect(await main({ outRefundNo: 'bkR', reqInfo: 'x' })).toEqual({ errcode: 0, errmsg: 'OK' });
  });
});

describe('cloudfunctions/booking-sweep', () => {
  it('runs every minute (a 15-minute hold ends close to its time_expire)', () => {
    const config = JSON.parse(readFileSync(join(root, 'booking-sweep', 'config.json'), 'utf8'));
    expect(config.triggers).toEqual([
      { name: 'booking-sweep', type: 'timer', config: '0 * * * * * *' },
    ]);
    const rc = JSON.parse(readFileSync(join(root, '..', 'cloudbaserc.json'), 'utf8')) as {
      functions: Array<{ name: string; triggers?: unknown }>;
    };
    expect(rc.functions.find((f) => f.name === 'booking-sweep')?.triggers).toEqual(config.triggers);
  });

  it('refuses a call from a mini-program user (it carries an OPENID)', async () => {
    const { main } = load('booking-sweep', KEY);
    mockSdk.getWXContext.mockReturnValue({ OPENID: 'o-curious' });
    expect(await main({})).toEqual({ ok: false, error: 'booking-sweep runs on its timer only' });
    expect(mockSdk.database).not.toHaveBeenCalled();
  });
});
