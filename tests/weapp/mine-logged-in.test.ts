/**
 * The built 我的 tab in WeChat's renderer, logged in (REG): the `user` cloud function's `me`
 * answer is shown — nickname and the phone exactly as the server masked it — and the
 * device facts are not read without the 设备信息 consent (DEV).
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { loadPage, wxStorage, type PageHandle } from './harness';

type Call = { name: string; data: { action: string; data: Record<string, unknown> } };

const callFunction = jest.fn(async ({ name, data }: Call) => ({
  errMsg: 'cloud.callFunction:ok',
  result:
    name === 'user' && data.action === 'me'
      ? {
          ok: true,
          data: {
            registered: true,
            loggedIn: true,
            profile: { nickname: '小王', avatarUrl: null, phoneMasked: '139****5678' },
            session: { trusted: true },
          },
        }
      : { ok: false, error: { code: 'NOT_FOUND', message: `unexpected ${data.action}` } },
}));
const getDeviceInfo = jest.fn(() => ({ brand: 'Apple', model: 'iPhone 14', system: 'iOS 17' }));

let page: PageHandle;

beforeAll(async () => {
  page = await loadPage('pages/mine/index', {
    ...wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION }).apis,
    cloud: { init: jest.fn(), callFunction },
    getDeviceInfo,
  });
});

test('shows the nickname and the masked phone from the user function', async () => {
  await page.waitForText('小王', '139****5678', '我的咨询', '设置');
  expect(page.text()).not.toContain('登录/注册');
  expect(page.text()).not.toMatch(/1\d{10}/);
});

test('asked `me` of the user cloud function, with no device facts (no 设备信息 consent)', () => {
  expect(callFunction).toHaveBeenCalledWith({ name: 'user', data: { action: 'me', data: {} } });
  expect(getDeviceInfo).not.toHaveBeenCalled();
});
