/**
 * 登录 (REG, DEV) in the browser build: phone + SMS code with the resend countdown, every
 * refusal explained (attempts left, expired, rate limits with when to retry), success back
 * to where the user came from, and the policy offered again to a browse-only user.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import LoginPage from '../../src/subpackages/account/login';
import { DEVICE_ID_KEY } from '../../src/session/device';
import { getConsent } from '../../src/privacy/consent';
import { forgetAccount, loggedIn, loggedOut } from './account-fixtures';
import { givenConsent, serverState } from './consent-fixtures';
import { fail, installBackend } from './fake-backend';
import { button, isDisabled, type } from './forms';
import { setRouterParams, storage, taro } from './taro-fake';

const PHONE = '请输入手机号';
const CODE = '6 位验证码';
const SENT = { expiresInSeconds: 300, resendAfterSeconds: 60 };

beforeEach(() => {
  forgetAccount();
  givenConsent('agreed');
});

afterEach(() => jest.useRealTimers());

function backend(handlers: Parameters<typeof installBackend>[1] = {}) {
  return installBackend(
    {},
    {
      'user.me': () => loggedOut(),
      'user.sendCode': () => SENT,
      'privacy.recordConsent': () => serverState(),
      ...handlers,
    },
  );
}

const userCalls = (b: ReturnType<typeof backend>, action: string) =>
  b
    .callsTo('user')
    .filter((c) => c.action === action)
    .map((c) => c.data);

async function renderLogin(redirect?: string) {
  if (redirect) setRouterParams({ redirect: encodeURIComponent(redirect) });
  render(<LoginPage />);
  await screen.findByText('手机号登录 / 注册');
}

test('获取验证码 sends to the typed phone and counts down the server’s resend wait', async () => {
  // Only the clock and the countdown's interval are faked; rendering keeps its own timers.
  jest.useFakeTimers({
    doNotFake: [
      'setTimeout',
      'clearTimeout',
      'setImmediate',
      'clearImmediate',
      'queueMicrotask',
      'nextTick',
      'hrtime',
      'performance',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
    ],
  });
  const b = backend();
  await renderLogin();
  await type(PHONE, '13800138000');
  fireEvent.click(button('获取验证码'));

  expect(await screen.findByText('60 秒后重新获取')).toBeTruthy();
  expect(userCalls(b, 'sendCode')).toEqual([{ purpose: 'register', phone: '13800138000' }]);
  expect(screen.getByText('验证码已发送至 138****8000，5 分钟内有效')).toBeTruthy();
  expect(isDisabled(button('60 秒后重新获取'))).toBe(true);

  act(() => jest.advanceTimersByTime(1000));
  expect(screen.getByText('59 秒后重新获取')).toBeTruthy();
  act(() => jest.advanceTimersByTime(59_000));
  await waitFor(() => expect(isDisabled(button('获取验证码'))).toBe(false));
});

test('a phone that is not a mainland mobile number is refused before anything is sent', async () => {
  const b = backend();
  await renderLogin();
  await type(PHONE, '2800138000');
  fireEvent.click(button('获取验证码'));
  expect(await screen.findByText('请输入 11 位中国大陆手机号')).toBeTruthy();
  expect(userCalls(b, 'sendCode')).toEqual([]);
});

test('RATE_LIMITED: which limit and when to retry; a short wait is counted on the button', async () => {
  backend({
    'user.sendCode': () =>
      fail('RATE_LIMITED', '发送太频繁，请稍后再试', {
        limit: 'phone_cooldown',
        retryAfterSeconds: 42,
      }),
  });
  await renderLogin();
  await type(PHONE, '13800138000');
  fireEvent.click(button('获取验证码'));
  expect(await screen.findByText('发送太频繁，请稍后再试（42 秒后可再试）')).toBeTruthy();
  expect(screen.getByText(/^4[12] 秒后重新获取$/)).toBeTruthy();
});

test('RATE_LIMITED for the day: says the day’s codes are used up and from when to retry', async () => {
  backend({
    'user.sendCode': () =>
      fail('RATE_LIMITED', '今日验证码次数已用完', {
        limit: 'phone_daily',
        retryAfterSeconds: 5 * 3600,
      }),
  });
  await renderLogin();
  await type(PHONE, '13800138000');
  fireEvent.click(button('获取验证码'));
  expect(
    await screen.findByText(/^该手机号今日验证码次数已用完（(今天|明天) \d\d:\d\d 后可再试）$/),
  ).toBeTruthy();
  // A daily limit is not a countdown: the button stays as it was.
  expect(screen.getByText('获取验证码')).toBeTruthy();
});

test('a wrong code says how many attempts are left; a locked code is cleared for a new one', async () => {
  let attempts = 0;
  const b = backend({
    'user.register': () => {
      attempts += 1;
      return attempts === 1
        ? fail('INVALID_ARGUMENT', 'data.code: 验证码错误', {
            reason: 'code_mismatch',
            attemptsLeft: 4,
          })
        : fail('INVALID_ARGUMENT', 'data.code: 验证码错误次数过多', { reason: 'code_locked' });
    },
  });
  await renderLogin();
  await type(PHONE, '13800138000');
  await type(CODE, '111111');
  fireEvent.click(button('登录'));
  expect(await screen.findByText('验证码错误，还可尝试 4 次')).toBeTruthy();
  expect(userCalls(b, 'register')).toEqual([{ phone: '13800138000', code: '111111' }]);

  fireEvent.click(button('登录'));
  expect(await screen.findByText('验证码错误次数过多，请重新获取')).toBeTruthy();
  await waitFor(async () =>
    expect(document.querySelector<HTMLInputElement>(`input[placeholder="${CODE}"]`)?.value).toBe(
      '',
    ),
  );
  expect(taro.redirectTo).not.toHaveBeenCalled();
});

test('an expired code asks for a new one', async () => {
  backend({
    'user.register': () =>
      fail('INVALID_ARGUMENT', 'data.code: 验证码已失效', { reason: 'code_expired' }),
  });
  await renderLogin();
  await type(PHONE, '13800138000');
  await type(CODE, '123456');
  fireEvent.click(button('登录'));
  expect(await screen.findByText('验证码已失效，请重新获取')).toBeTruthy();
});

test('success goes back to the page that sent the user here', async () => {
  const b = backend({ 'user.register': () => loggedIn() });
  await renderLogin('/subpackages/account/identity/index');
  await type(PHONE, '13800138000');
  await type(CODE, '246810');
  fireEvent.click(button('登录'));
  await waitFor(() =>
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/account/identity/index' }),
  );
  expect(taro.showToast).toHaveBeenCalledWith({ title: '登录成功', icon: 'success' });
  // Without the 设备信息 consent no device facts are sent (DEV).
  expect(userCalls(b, 'register')).toEqual([{ phone: '13800138000', code: '246810' }]);
});

test('back to a tab page (我的) with switchTab', async () => {
  backend({ 'user.register': () => loggedIn() });
  await renderLogin('/pages/mine/index');
  await type(PHONE, '13800138000');
  await type(CODE, '246810');
  fireEvent.click(button('登录'));
  await waitFor(() => expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' }));
  expect(taro.redirectTo).not.toHaveBeenCalled();
});

test('a redirect that is not one of our pages is ignored', async () => {
  backend({ 'user.register': () => loggedIn() });
  taro.getCurrentPages.mockReturnValue([{ route: 'pages/mine/index' }, { route: 'login' }]);
  await renderLogin('https://evil.example/phish');
  await type(PHONE, '13800138000');
  await type(CODE, '246810');
  fireEvent.click(button('登录'));
  await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
  expect(taro.redirectTo).not.toHaveBeenCalled();
});

test('with the 设备信息 consent: the device facts and a stored random id go with the login (DEV)', async () => {
  givenConsent('agreed', { items: { device: true } });
  const b = backend({ 'user.register': () => loggedIn() });
  await renderLogin();
  await type(PHONE, '13800138000');
  await type(CODE, '246810');
  fireEvent.click(button('登录'));
  await waitFor(() => expect(userCalls(b, 'register')).toHaveLength(1));
  const sent = userCalls(b, 'register')[0].device as Record<string, unknown>;
  expect(sent).toMatchObject({ platform: 'web', model: '电脑浏览器' });
  expect(sent.id).toMatch(/^[0-9a-f]{32}$/);
  expect(storage.get(DEVICE_ID_KEY)).toBe(sent.id);
  // `me` from the same browser carries the same id.
  const mine = userCalls(b, 'me').map((d) => (d.device as { id: string }).id);
  expect(new Set(mine)).toEqual(new Set([sent.id]));
});

test('the browser build has no WeChat one-tap button: SMS only', async () => {
  backend();
  await renderLogin();
  expect(screen.queryByText('微信手机号一键登录')).toBeNull();
});

test('browse-only: the policy is offered again before any login; 同意 opens the form', async () => {
  givenConsent('declined');
  const b = backend();
  render(<LoginPage />);
  expect(screen.getByText('登录前请先同意隐私政策')).toBeTruthy();
  expect(screen.queryByText('手机号登录 / 注册')).toBeNull();
  expect(b.callsTo('user')).toEqual([]);

  fireEvent.click(button('阅读隐私政策'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy-policy/index' });
  fireEvent.click(button('同意并继续'));
  expect(await screen.findByText('手机号登录 / 注册')).toBeTruthy();
  expect(getConsent().status).toBe('agreed');
});
