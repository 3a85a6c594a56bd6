/**
 * 我的 → 设置 → 账号设置 (DEV, DEL) and 登录设备: the devices the account used (model,
 * platform, first/last seen, 当前设备) with 移除; 退出登录; 导出我的数据 and 注销账号.
 * A page opened without a trusted login hands over to 登录 and is reopened after it.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import DevicesPage from '../../src/subpackages/account/devices';
import AccountSettingsPage from '../../src/subpackages/account/settings';
import { account, forgetDeletedAccount } from '../../src/session/session';
import { device, forgetAccount, loggedIn, loggedOut } from './account-fixtures';
import { givenConsent } from './consent-fixtures';
import { fail, installBackend } from './fake-backend';
import { fire, taro } from './taro-fake';

beforeEach(() => {
  forgetAccount();
  givenConsent('agreed', { items: { device: true } });
});

const phone = device({ deviceId: 'a'.repeat(32), current: true });
const laptop = device({
  deviceId: 'b'.repeat(32),
  brand: null,
  model: '电脑浏览器',
  system: 'Windows',
  platform: 'web',
  screen: { width: 1920, height: 1080 },
  firstSeen: '2024-04-01T02:00:00.000Z',
  lastSeen: '2024-04-02T03:04:00.000Z',
  current: false,
  trusted: false,
});

describe('登录设备', () => {
  function devicesBackend() {
    let items = [phone, laptop];
    return installBackend(
      {},
      {
        'user.me': () => loggedIn(),
        'user.listDevices': () => ({ items }),
        'user.removeDevice': ({ deviceId }) => {
          items = items.filter((d) => d.deviceId !== deviceId);
          return { removed: true as const };
        },
      },
    );
  }

  const row = (text: string) => screen.getByText(text).closest('.device-row') as HTMLElement;

  test('lists model, system and platform, first and last login, 当前设备 and 未验证', async () => {
    devicesBackend();
    render(<DevicesPage />);
    expect(await screen.findByText('电脑浏览器')).toBeTruthy();
    const mine = row('Apple iPhone 14');
    expect(within(mine).getByText('当前设备')).toBeTruthy();
    expect(mine.textContent).toContain('iOS 17.1 · ios · 390×844');
    const other = row('电脑浏览器');
    expect(within(other).queryByText('当前设备')).toBeNull();
    expect(within(other).getByText('未验证')).toBeTruthy();
    expect(other.textContent).toMatch(/首次登录 2024年4月1日 \d\d:00/);
    expect(other.textContent).toMatch(/最近登录 2024年4月2日 \d\d:04/);
  });

  test('移除 asks first, then removes that device and shows the list without it', async () => {
    const backend = devicesBackend();
    render(<DevicesPage />);
    await screen.findByText('电脑浏览器');
    fireEvent.click(within(row('电脑浏览器')).getByText('移除'));
    await waitFor(() => expect(screen.queryByText('电脑浏览器')).toBeNull());
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '移除登录设备' }));
    const removed = backend.callsTo('user').filter((c) => c.action === 'removeDevice');
    expect(removed.map((c) => c.data)).toEqual([{ deviceId: laptop.deviceId }]);
    expect(screen.getByText('Apple iPhone 14')).toBeTruthy();
  });

  test('移除 cancelled: nothing is removed', async () => {
    const backend = devicesBackend();
    taro.showModal.mockResolvedValue({ confirm: false, cancel: true });
    render(<DevicesPage />);
    await screen.findByText('电脑浏览器');
    fireEvent.click(within(row('电脑浏览器')).getByText('移除'));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalled());
    expect(backend.callsTo('user').some((c) => c.action === 'removeDevice')).toBe(false);
    expect(screen.getByText('电脑浏览器')).toBeTruthy();
  });

  test('without the 设备信息 consent: says nothing is recorded, and where to turn it on', async () => {
    givenConsent('agreed');
    installBackend({}, { 'user.me': () => loggedIn(), 'user.listDevices': () => ({ items: [] }) });
    render(<DevicesPage />);
    expect(await screen.findByText('暂无登录设备记录')).toBeTruthy();
    expect(screen.getByText(/您未开启「设备信息」授权/)).toBeTruthy();
    fireEvent.click(screen.getByText('去隐私设置'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy-settings/index' });
  });

  test('a new device not yet verified: 登录 takes over to verify it, then comes back', async () => {
    installBackend(
      {},
      {
        'user.me': () => loggedIn(),
        'user.listDevices': () =>
          fail('PERMISSION_DENIED', '检测到新设备登录，请验证绑定的手机号', {
            reason: 'device_unverified',
          }),
      },
    );
    render(<DevicesPage />);
    await waitFor(() =>
      expect(taro.redirectTo).toHaveBeenCalledWith({
        url: '/subpackages/account/login/index?redirect=%2Fsubpackages%2Faccount%2Fdevices%2Findex',
      }),
    );
  });
});

describe('账号设置', () => {
  test('the entries, 导出我的数据 and 注销账号 included', async () => {
    installBackend({}, { 'user.me': () => loggedIn() });
    render(<AccountSettingsPage />);
    fireEvent.click(await screen.findByText('登录设备'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/account/devices/index' });
    fireEvent.click(screen.getByText('实名认证'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/subpackages/account/identity/index',
    });
    fireEvent.click(screen.getByText('导出我的数据'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/account/export/index' });
    fireEvent.click(screen.getByText('注销账号'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/subpackages/account/delete-account/index',
    });
  });

  test('退出登录: asks, logs out, and returns to 我的 logged out', async () => {
    const backend = installBackend(
      {},
      { 'user.me': () => loggedIn(), 'user.logout': () => loggedOut(true) },
    );
    render(<AccountSettingsPage />);
    fireEvent.click(await screen.findByText('退出登录'));
    await waitFor(() => expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' }));
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '退出登录' }));
    expect(backend.callsTo('user').map((c) => c.action)).toContain('logout');
    expect(account.get()).toMatchObject({ loggedIn: false, profile: null });
  });

  test('opened without a login: 登录 takes its place and reopens it afterwards', async () => {
    installBackend({}, { 'user.me': () => loggedOut() });
    render(<AccountSettingsPage />);
    await waitFor(() =>
      expect(taro.redirectTo).toHaveBeenCalledWith({
        url: '/subpackages/account/login/index?redirect=%2Fsubpackages%2Faccount%2Fsettings%2Findex',
      }),
    );
    expect(screen.queryByText('退出登录')).toBeNull();
  });

  test('under 注销账号, it waits: the receipt on top is not replaced by 登录', async () => {
    installBackend({}, { 'user.me': () => loggedIn() });
    render(<AccountSettingsPage />);
    await screen.findByText('退出登录');
    taro.getCurrentPages.mockReturnValue([
      { route: 'subpackages/account/settings/index' },
      { route: 'subpackages/account/delete-account/index' },
    ]);
    const asked = taro.getCurrentPages.mock.calls.length;
    act(() => forgetDeletedAccount());
    // Positive signal that the page has made its decision: with the login gone it looks at
    // which page is on top (and redirects, if at all, in the same step).
    await waitFor(() => expect(taro.getCurrentPages.mock.calls.length).toBeGreaterThan(asked));
    expect(taro.redirectTo).not.toHaveBeenCalled();

    // Back on top later (the user came back to it): now 登录 takes its place.
    taro.getCurrentPages.mockReturnValue([{ route: 'subpackages/account/settings/index' }]);
    await act(() => fire('componentDidShow'));
    await waitFor(() =>
      expect(taro.redirectTo).toHaveBeenCalledWith({
        url: '/subpackages/account/login/index?redirect=%2Fsubpackages%2Faccount%2Fsettings%2Findex',
      }),
    );
  });
});
