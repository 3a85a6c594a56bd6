/**
 * The built 隐私设置 page (pages/privacy-settings) on the real `privacy` handlers over the
 * CloudBase emulator: the switches and the separate-consent rows show what was consented,
 * and withdrawing one is recorded server-side — read back from the store, not from the stub.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { SENSITIVE_CONSENTS } from '../../contract/privacy/sensitive-consents';
import type { ConsentState } from '../../contract/privacy/consent';
import { CONSENT_KEY, loadPage, waitFor, wxStorage, type PageHandle } from './harness';
import { weappBackend } from './support/backend';

jest.setTimeout(15_000);
const backend = weappBackend();
const storage = wxStorage(null);
const showModal = jest.fn((options: { success?: (r: unknown) => void }) =>
  options.success?.({ confirm: true, cancel: false }),
);
let page: PageHandle;

type Node = { cl?: string; p0?: unknown; cn?: Node[] };
/** The rendered switches in page order, with Taro's `checked` binding (base.wxml: p0). */
function switches(): boolean[] {
  const out: boolean[] = [];
  const walk = (n: Node) => {
    if (n.cl?.includes('consent-switch__switch')) out.push(Boolean(n.p0));
    n.cn?.forEach(walk);
  };
  walk(page.instance.data.root as Node);
  return out;
}

const serverState = async () =>
  ((await backend.call('privacy', 'listConsents')) as { current: ConsentState | null }).current;

beforeAll(async () => {
  // The user agreed with 设备信息 on, and gave the 健康信息 consent, on the server…
  await backend.call('privacy', 'recordConsent', {
    policyVersion: POLICY_VERSION,
    items: { device: true },
  });
  await backend.call('privacy', 'recordSensitiveConsent', {
    item: 'health',
    version: SENSITIVE_CONSENTS.health.version,
  });
  // …and this phone keeps the same decision (src/privacy/record.ts), synced.
  storage.store.set(CONSENT_KEY, {
    decision: 'agreed',
    policyVersion: POLICY_VERSION,
    at: '2026-11-30T08:00:00.000Z',
    items: { device: true, analytics: false, thirdParty: { trtc: false } },
    synced: true,
  });
  page = await loadPage('pages/privacy-settings/index', {
    ...storage.apis,
    cloud: { init: jest.fn(), callFunction: backend.callFunction },
    getDeviceInfo: jest.fn(() => ({ brand: 'Apple', model: 'iPhone 15', system: 'iOS 17.2' })),
    showModal,
  });
});

afterAll(() => backend.env.close());

test('the switches and the separate consents show what the server recorded', async () => {
  await page.waitForText('已同意隐私政策', SENSITIVE_CONSENTS.health.title, '已同意');
  // 设备信息 on; 统计分析 and 第三方服务：TRTC off.
  expect(switches()).toEqual([true, false, false]);
  const server = await serverState();
  expect(server).toMatchObject({ policy: true, device: true, analytics: false, health: true });
  expect(backend.callFunction).toHaveBeenCalledWith({
    name: 'privacy',
    data: { action: 'listConsents', data: {} },
  });
});

test('turning 设备信息 off is recorded on the server (withdrawConsent) and in the store', async () => {
  page.dispatch('.consent-switch__switch', 'change', { value: false });
  await waitFor(() =>
    expect(backend.callFunction).toHaveBeenCalledWith({
      name: 'privacy',
      data: { action: 'withdrawConsent', data: { item: 'device' } },
    }),
  );
  await waitFor(() => expect(switches()[0]).toBe(false));
  expect(await serverState()).toMatchObject({ policy: true, device: false, health: true });
  expect(storage.store.get(CONSENT_KEY)).toMatchObject({ items: { device: false } });
});

test('撤回 the 健康信息 consent: confirmed, recorded server-side, the row says so', async () => {
  const notGiven = () => page.text().split('未同意（发起相关咨询时询问）').length - 1;
  expect(notGiven()).toBe(1); // the guardian consent, never given
  page.tapText('.btn', '撤回');
  await waitFor(() => expect(notGiven()).toBe(2));
  expect(backend.callFunction).toHaveBeenCalledWith({
    name: 'privacy',
    data: { action: 'withdrawConsent', data: { item: 'health' } },
  });
  expect(showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: `撤回${SENSITIVE_CONSENTS.health.title}` }),
  );
  expect(await serverState()).toMatchObject({ policy: true, health: false });
});
