/**
 * The deployable user function: `npm run build:functions` output, required as CloudBase
 * would, with wx-server-sdk replaced by a fake. It refuses to start without its secrets,
 * and its config.json grants the phone-number cloud call.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFunctions } from '../../scripts/build-functions';

const mockSdk = {
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init: jest.fn(),
  getWXContext: jest.fn((): Record<string, string> => ({})),
  database: jest.fn(() => ({})),
  uploadFile: jest.fn(),
  downloadFile: jest.fn(),
  getTempFileURL: jest.fn(),
  deleteFile: jest.fn(),
  openapi: { phonenumber: { getPhoneNumber: jest.fn() } },
};
jest.mock('wx-server-sdk', () => mockSdk);

const dir = join(__dirname, '..', '..', 'cloudfunctions', 'user');
const SECRETS = {
  ZHUYI_MASTER_KEY: Buffer.alloc(32, 5).toString('base64'),
  TENCENT_SMS_SDK_APP_ID: '1400000001',
  TENCENT_SMS_SIGN_NAME: '上海助医',
  TENCENT_SMS_TEMPLATE_ID: '2000001',
  TENCENTCLOUD_SECRET_ID: 'AKIDtest',
  TENCENTCLOUD_SECRET_KEY: 'secret',
};
type Main = (event: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;

const saved = { ...process.env };
let quiet: jest.SpyInstance;
beforeAll(async () => {
  await buildFunctions({ only: ['user'] });
}, 60_000);
beforeEach(() => {
  quiet = jest.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => {
  process.env = { ...saved };
  quiet.mockRestore();
});

function load(env: Record<string, string>): { main: Main } {
  process.env = { ...saved, ...env };
  let mod: { main: Main } | undefined;
  jest.isolateModules(() => {
    mod = jest.requireActual(join(dir, 'index.js')) as { main: Main };
  });
  return mod!;
}

describe('cloudfunctions/user', () => {
  it('refuses to start without ZHUYI_MASTER_KEY', () => {
    const { ZHUYI_MASTER_KEY: _omit, ...rest } = SECRETS;
    expect(() => load(rest)).toThrow(/ZHUYI_MASTER_KEY is not set/);
  });

  it('refuses to start without the Tencent SMS settings (there is no outbox in production)', () => {
    expect(() => load({ ZHUYI_MASTER_KEY: SECRETS.ZHUYI_MASTER_KEY })).toThrow(
      /Tencent Cloud SMS is not configured/,
    );
  });

  it('with its secrets it answers envelopes; identity still comes from getWXContext only', async () => {
    const { main } = load(SECRETS);
    expect(await main({ action: 'me', data: {} })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    mockSdk.getWXContext.mockReturnValueOnce({ OPENID: 'o1', CLIENTIP: '203.0.113.9' });
    expect(
      await main({ action: 'sendCode', data: { purpose: 'register', phone: '123' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('config.json grants phonenumber.getPhoneNumber', () => {
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({
      permissions: { openapi: ['phonenumber.getPhoneNumber', 'security.msgSecCheck'] },
      timeout: 20,
    });
  });
});
