/**
 * POL: the policy and the privacy settings are always reachable (我的 → 设置 → …), and
 * every optional consent can be withdrawn as easily as it was given (DEV, SDK, TPS).
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import MinePage from '../../src/pages/mine';
import PrivacyPolicyPage from '../../src/pages/privacy-policy';
import PrivacySettingsPage from '../../src/pages/privacy-settings';
import SettingsPage from '../../src/pages/settings';
import { getConsent, settled } from '../../src/privacy/consent';
import { loggedOut } from './account-fixtures';
import { givenConsent, serverState, storedConsent } from './consent-fixtures';
import { installBackend } from './fake-backend';
import { taro } from './taro-fake';

function privacyServer() {
  return installBackend(
    {},
    {
      'privacy.recordConsent': () => serverState(),
      'privacy.withdrawConsent': () => serverState(),
    },
  );
}

/** What was sent to change something; 隐私设置 also reads the sensitive consents (listConsents). */
const isChange = (c: { action: string }) => c.action !== 'listConsents';
const changes = (backend: ReturnType<typeof privacyServer>) =>
  backend.callsTo('privacy').filter(isChange);

/** The Switch of one labelled row (Taro's H5 switch wraps a checkbox it renders a tick later). */
function switchOf(label: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const input = screen.getByText(label).closest('.consent-switch')?.querySelector('input');
    if (!input) throw new Error(`no switch for ${label}`);
    return input;
  });
}
const checked = async (label: string) =>
  (await switchOf(label)).closest('taro-switch-core')?.getAttribute('checked');

/** Renders 隐私设置 and waits for the system permission states it reads on mount. */
async function renderSettings() {
  render(<PrivacySettingsPage />);
  await waitFor(() => expect(screen.queryByText('…')).toBeNull());
}

describe('always reachable (POL)', () => {
  test('我的 → 设置 → 隐私政策 is three taps from the tab bar, and shows the full policy', async () => {
    givenConsent('agreed');
    installBackend({}, { 'user.me': () => loggedOut() });
    let taps = 1; // the 我的 tab
    render(<MinePage />);
    await screen.findByText('登录/注册');
    fireEvent.click(screen.getByText('设置'));
    taps += 1;
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/settings/index' });

    render(<SettingsPage />);
    fireEvent.click(screen.getByText('隐私政策'));
    taps += 1;
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/privacy-policy/index' });

    render(<PrivacyPolicyPage />);
    expect(screen.getByText('更新日期：2022年1月22日')).toBeTruthy();
    expect(screen.getByText('生效日期：2022年1月22日')).toBeTruthy();
    expect(screen.getByText('账号注销')).toBeTruthy();
    expect(taps).toBeLessThanOrEqual(4);
  });

  test('我的 is a real menu: every entry leads somewhere, none says 即将上线', async () => {
    givenConsent('declined');
    render(<MinePage />);
    expect(screen.queryByText('即将上线')).toBeNull();
    // The account's own pages (issues 12, 13) ask for 登录 first, then open themselves.
    const accountPages = {
      我的预约: '/subpackages/booking/list/index',
      我的病历: '/subpackages/family/records/index',
      就诊人管理: '/subpackages/family/patients/index',
    };
    for (const [title, url] of Object.entries(accountPages)) {
      fireEvent.click(screen.getByText(title));
      await waitFor(() =>
        expect(taro.navigateTo).toHaveBeenLastCalledWith({
          url: `/subpackages/account/login/index?redirect=${encodeURIComponent(url)}`,
        }),
      );
    }
    // 客服与反馈 is built (issue 16): its FAQ needs no account.
    fireEvent.click(screen.getByText('客服与反馈'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/support/home/index' });
    // Consultations exist: 我的咨询 leads to the 咨询 tab that lists them.
    fireEvent.click(screen.getByText('我的咨询'));
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/consult/index' });
  });

  test('browse-only: the policy page offers 同意 again, which records the consent', async () => {
    givenConsent('declined');
    const backend = privacyServer();
    render(<PrivacyPolicyPage />);
    expect(screen.getByText(/目前为仅浏览模式/)).toBeTruthy();
    fireEvent.click(screen.getByText('同意'));
    await act(() => settled());
    expect(getConsent().status).toBe('agreed');
    expect(changes(backend).map((c) => c.action)).toEqual(['recordConsent']);
    expect(screen.getByText(/同意本政策/)).toBeTruthy();
  });
});

describe('隐私设置 (DEV, SDK, TPS)', () => {
  test('each optional consent shows its state; off and on are one tap each, at once', async () => {
    givenConsent('agreed', { items: { analytics: true } });
    const backend = privacyServer();
    await renderSettings();
    expect(await checked('统计分析')).toBe('true');
    expect(await checked('设备信息')).toBe('false');
    expect(await checked('第三方服务：腾讯云实时音视频')).toBe('false');

    fireEvent.click(await switchOf('统计分析'));
    // Effective on the device before the server answers.
    expect(getConsent().items.analytics).toBe(false);
    await act(() => settled());
    fireEvent.click(await switchOf('设备信息'));
    await act(() => settled());
    fireEvent.click(await switchOf('第三方服务：腾讯云实时音视频'));
    await act(() => settled());
    fireEvent.click(await switchOf('第三方服务：腾讯云实时音视频'));
    await act(() => settled());

    expect(changes(backend).map((c) => [c.action, c.data])).toEqual([
      ['withdrawConsent', { item: 'analytics' }],
      ['recordConsent', { policyVersion: POLICY_VERSION, items: { device: true } }],
      ['recordConsent', { policyVersion: POLICY_VERSION, items: { thirdParty: { trtc: true } } }],
      ['withdrawConsent', { item: 'thirdParty.trtc' }],
    ]);
    expect(storedConsent()).toMatchObject({
      decision: 'agreed',
      items: { device: true, analytics: false, thirdParty: { trtc: false } },
      synced: true,
    });
    expect(await checked('设备信息')).toBe('true');
  });

  test('with 设备信息 on, the page shows what would be recorded about this device', async () => {
    givenConsent('agreed', { items: { device: true } });
    privacyServer();
    await renderSettings();
    expect(screen.getByText(/^本机：/)).toBeTruthy();
  });

  test('撤回隐私政策同意 → browse-only at once, withdrawn on the server, switches locked', async () => {
    givenConsent('agreed', { items: { analytics: true, device: true } });
    const backend = privacyServer();
    await renderSettings();
    fireEvent.click(screen.getByText('撤回隐私政策同意'));
    await waitFor(() => expect(getConsent().status).toBe('declined'));
    await act(() => settled());
    // Issue 11 point 5: as easy as consent — one tap on this page and one confirm, no more.
    expect(taro.showModal).toHaveBeenCalledTimes(1);
    expect(taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '撤回隐私政策同意', confirmText: '撤回' }),
    );
    expect(changes(backend).map((c) => c.data)).toEqual([{ item: 'policy' }]);
    expect(storedConsent()).toMatchObject({
      policyVersion: POLICY_VERSION,
      decision: 'declined',
      items: { device: false, analytics: false },
      synced: true,
    });
    expect(screen.getByText('未同意隐私政策（仅浏览模式）')).toBeTruthy();
    expect((await switchOf('统计分析')).closest('taro-switch-core')?.getAttribute('disabled')).toBe(
      'true',
    );
    expect(screen.queryByText(/^本机：/)).toBeNull();
  });

  test('cancelling the withdrawal changes nothing', async () => {
    givenConsent('agreed');
    const backend = privacyServer();
    taro.showModal.mockResolvedValue({ confirm: false, cancel: true });
    await renderSettings();
    fireEvent.click(screen.getByText('撤回隐私政策同意'));
    await act(() => settled());
    expect(getConsent().status).toBe('agreed');
    expect(backend.calls.filter(isChange)).toEqual([]);
  });

  test('browse-only: nothing can be switched on and nothing is sent', async () => {
    givenConsent('declined');
    const backend = privacyServer();
    await renderSettings();
    expect(screen.getByText('同意隐私政策后才能开启以下授权。')).toBeTruthy();
    fireEvent.click(await switchOf('统计分析'));
    await act(() => settled());
    expect(getConsent().items.analytics).toBe(false);
    expect(backend.calls.filter(isChange)).toEqual([]);
  });
});
