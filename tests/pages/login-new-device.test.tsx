/**
 * REG + DEV: WeChat's one-tap phone logs in, but does not vouch for a device the account has
 * not used; the 验证新设备 step sends a code to the bound phone and trusts this device with
 * it, then goes back. The one-tap button is WeChat's own: here a stand-in hands its code
 * over as the real one does (its presence in the weapp build is tested in tests/weapp).
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { PhoneButtonProps } from '../../src/platform/phone-button';
import LoginPage from '../../src/subpackages/account/login';
import { forgetAccount, loggedIn, loggedOut, newDevice } from './account-fixtures';
import { givenConsent } from './consent-fixtures';
import { fail, installBackend } from './fake-backend';
import { button, type } from './forms';
import { setRouterParams, taro } from './taro-fake';

jest.mock('../../src/platform/phone-button', () => ({
  HAS_WECHAT_PHONE: true,
  WeChatPhoneButton: ({ onCode }: PhoneButtonProps) => (
    <button onClick={() => onCode('wx-phone-code-1')}>微信手机号一键登录</button>
  ),
}));

beforeEach(() => {
  forgetAccount();
  givenConsent('agreed', { items: { device: true } });
  setRouterParams({ redirect: encodeURIComponent('/subpackages/account/settings/index') });
});

test('one-tap login from a new device → 验证新设备 → code to the bound phone → back', async () => {
  let verified = false;
  const backend = installBackend(
    {},
    {
      'user.me': () => (verified ? loggedIn() : loggedOut(true)),
      'user.loginWithWeChatPhone': () => newDevice(),
      'user.sendCode': () => ({ expiresInSeconds: 300, resendAfterSeconds: 60 }),
      'user.verifyDevice': (input) => {
        if (input.code !== '135790') {
          return fail('INVALID_ARGUMENT', 'data.code: 验证码错误', {
            reason: 'code_mismatch',
            attemptsLeft: 2,
          });
        }
        verified = true;
        return loggedIn();
      },
    },
  );
  const calls = (action: string) =>
    backend
      .callsTo('user')
      .filter((c) => c.action === action)
      .map((c) => c.data);

  render(<LoginPage />);
  fireEvent.click(await screen.findByText('微信手机号一键登录'));
  expect(await screen.findByText('验证新设备')).toBeTruthy();
  expect(screen.getByText(/检测到新设备登录，请验证绑定的手机号/)).toBeTruthy();
  const [login] = calls('loginWithWeChatPhone');
  expect(login).toMatchObject({ code: 'wx-phone-code-1', device: { platform: 'web' } });
  // Not trusted yet: nowhere to go back to.
  expect(taro.redirectTo).not.toHaveBeenCalled();

  fireEvent.click(button('获取验证码'));
  expect(await screen.findByText('验证码已发送至账号绑定的手机号，5 分钟内有效')).toBeTruthy();
  // The code goes to the bound phone: the page never names one.
  expect(calls('sendCode')).toEqual([{ purpose: 'verify' }]);

  await type('6 位验证码', '000000');
  fireEvent.click(button('验证'));
  expect(await screen.findByText('验证码错误，还可尝试 2 次')).toBeTruthy();

  await type('6 位验证码', '135790');
  fireEvent.click(button('验证'));
  await waitFor(() =>
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/account/settings/index' }),
  );
  const verify = calls('verifyDevice').at(-1) as { code: string; device: { id: string } };
  expect(verify.code).toBe('135790');
  expect(verify.device.id).toBe((login.device as { id: string }).id);
});

test('opened while a new device awaits its code: straight to 验证新设备', async () => {
  installBackend({}, { 'user.me': () => newDevice() });
  render(<LoginPage />);
  expect(await screen.findByText('验证新设备')).toBeTruthy();
  expect(screen.queryByText('手机号登录 / 注册')).toBeNull();
});

test('WeChat one-tap on the local server explains and leaves the SMS path open', async () => {
  installBackend(
    {},
    {
      'user.me': () => loggedOut(),
      'user.loginWithWeChatPhone': () =>
        fail('FAILED_PRECONDITION', '本地环境请使用短信验证码', {
          reason: 'wechat_phone_unavailable',
        }),
    },
  );
  render(<LoginPage />);
  fireEvent.click(await screen.findByText('微信手机号一键登录'));
  expect(await screen.findByText('本地环境请使用短信验证码')).toBeTruthy();
  expect(screen.getByText('手机号登录 / 注册')).toBeTruthy();
});
