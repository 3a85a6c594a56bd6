/**
 * 我的 (REG): logged out it offers 登录/注册 and comes back here; logged in it shows the
 * avatar, nickname and the phone masked; in browse-only mode nothing is asked of the server.
 * 设置 → 账号设置 needs a login and returns to it.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import MinePage from '../../src/pages/mine';
import SettingsPage from '../../src/pages/settings';
import { forgetAccount, loggedIn, loggedOut, newDevice } from './account-fixtures';
import { givenConsent } from './consent-fixtures';
import { installBackend } from './fake-backend';
import { fire, taro } from './taro-fake';

beforeEach(() => forgetAccount());

test('logged out: 未登录 and 登录/注册, which opens 登录 with the way back to 我的', async () => {
  givenConsent('agreed');
  installBackend({}, { 'user.me': () => loggedOut() });
  render(<MinePage />);
  fireEvent.click(await screen.findByText('登录/注册'));
  expect(screen.getByText('未登录')).toBeTruthy();
  expect(taro.navigateTo).toHaveBeenCalledWith({
    url: '/subpackages/account/login/index?redirect=%2Fpages%2Fmine%2Findex',
  });
});

test('logged in: avatar, nickname and the masked phone; the header opens 个人资料', async () => {
  givenConsent('agreed');
  installBackend(
    {},
    {
      'user.me': () =>
        loggedIn({
          nickname: '小王',
          avatarUrl: '/files/avatar-token',
          phoneMasked: '139****5678',
        }),
    },
  );
  const { container } = render(<MinePage />);
  expect(await screen.findByText('139****5678')).toBeTruthy();
  expect(screen.getByText('小王')).toBeTruthy();
  expect(screen.queryByText('登录/注册')).toBeNull();
  // Taro's Image renders its inner <img> on its own schedule: wait for it.
  await waitFor(() =>
    expect(container.querySelector('img')?.getAttribute('src')).toBe('/files/avatar-token'),
  );
  // Nothing on the page holds more of the number than the server's mask.
  expect(container.textContent).not.toMatch(/1\d{10}/);

  fireEvent.click(screen.getByText('小王'));
  await waitFor(() =>
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/account/profile/index' }),
  );
});

test('coming back to 我的 asks again: a logout elsewhere shows at once', async () => {
  givenConsent('agreed');
  let state = loggedIn();
  installBackend({}, { 'user.me': () => state });
  render(<MinePage />);
  await screen.findByText('138****8000');
  state = loggedOut(true);
  await fire('componentDidShow');
  expect(await screen.findByText('登录/注册')).toBeTruthy();
  expect(screen.queryByText('138****8000')).toBeNull();
});

test('a new device awaiting its code: 新设备待验证 with 去验证', async () => {
  givenConsent('agreed');
  installBackend({}, { 'user.me': () => newDevice() });
  render(<MinePage />);
  fireEvent.click(await screen.findByText('去验证'));
  expect(screen.getByText('新设备待验证')).toBeTruthy();
  expect(taro.navigateTo).toHaveBeenCalledWith({
    url: '/subpackages/account/login/index?redirect=%2Fpages%2Fmine%2Findex',
  });
});

test('browse-only: 未登录, and no account call at all', async () => {
  givenConsent('declined');
  const backend = installBackend({}, { 'user.me': () => loggedIn() });
  render(<MinePage />);
  expect(screen.getByText('未登录')).toBeTruthy();
  await fire('componentDidShow');
  // Positive signal that browse-only mode had its chance to call: once the user agrees,
  // the page asks for the account and shows it. Any call made while declined would be
  // recorded before that one.
  act(() => givenConsent('agreed'));
  expect(await screen.findByText('助医用户1234')).toBeTruthy();
  const calls = backend.callsTo('user');
  expect(calls.at(-1)?.action).toBe('me');
  expect(calls.slice(0, -1)).toEqual([]);
});

test('设置 → 账号设置 without a login opens 登录, which leads on to 账号设置', async () => {
  givenConsent('agreed');
  installBackend({}, { 'user.me': () => loggedOut() });
  render(<SettingsPage />);
  fireEvent.click(screen.getByText('账号设置'));
  await waitFor(() =>
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/subpackages/account/login/index?redirect=%2Fsubpackages%2Faccount%2Fsettings%2Findex',
    }),
  );
});

test('设置 → 账号设置 when logged in goes straight there', async () => {
  givenConsent('agreed');
  installBackend({}, { 'user.me': () => loggedIn() });
  render(<SettingsPage />);
  fireEvent.click(screen.getByText('账号设置'));
  await waitFor(() =>
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/account/settings/index' }),
  );
});
