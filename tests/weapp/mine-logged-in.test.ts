/**
 * The built 我的 tab in WeChat's renderer, logged in (REG), on the real `user` handler over the
 * CloudBase emulator: the account `me` answers is shown — nickname and the phone exactly as
 * the server masked it — and the device facts are not read without the 设备信息 consent (DEV).
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { loadPage, wxStorage, type PageHandle } from './harness';
import { registerOnBackend } from './support/account';
import { weappBackend } from './support/backend';

jest.setTimeout(15_000);
const backend = weappBackend();
const getDeviceInfo = jest.fn(() => ({ brand: 'Apple', model: 'iPhone 14', system: 'iOS 17' }));

let page: PageHandle;

beforeAll(async () => {
  await registerOnBackend(backend, '13912345678');
  await backend.call('user', 'updateProfile', { nickname: '小王' });
  page = await loadPage('pages/mine/index', {
    ...wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION }).apis,
    cloud: { init: jest.fn(), callFunction: backend.callFunction },
    getDeviceInfo,
  });
});

afterAll(() => backend.env.close());

test('shows the nickname and the masked phone from the user function', async () => {
  await page.waitForText('小王', '139****5678', '我的咨询', '设置');
  expect(page.text()).not.toContain('登录/注册');
  expect(page.text()).not.toMatch(/1\d{10}/);
});

test('asked `me` of the user cloud function, with no device facts (no 设备信息 consent)', () => {
  expect(backend.callFunction).toHaveBeenCalledWith({
    name: 'user',
    data: { action: 'me', data: {} },
  });
  expect(getDeviceInfo).not.toHaveBeenCalled();
});
