/**
 * The built home page at first launch (POL, LOC): no stored decision, so the consent sheet
 * shows the policy and nothing personal is touched — no location API, no privacy or
 * telemetry call. 不同意 → browse-only: recommendations with the reason, still no location.
 * The functions are the real handlers over the CloudBase emulator (bundled catalog seeded).
 */
import { ANALYTICS_EVENTS, CONSENTS } from '../../backend/collections';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { CONSENT_KEY, wxAsync, type PageHandle } from './harness';
import { functionsCalled, weappBackend } from './support/backend';
import { seededHome, type HomeFirstScreen } from './support/catalog';
import { firstLaunchAtHome } from './support/home';

// The hooks seed the whole demo catalogue (60 hospitals, ~2,400 doctors with their search
// keywords) into the emulator: seconds alone, more on 2 cores shared with the backend suite.
jest.setTimeout(60_000);
// The real catalog (and, were they called, privacy and telemetry) functions over the
// CloudBase emulator, with the bundled catalog seeded.
const backend = weappBackend();
const callFunction = backend.callFunction;
let catalog: HomeFirstScreen;
const getPrivacySetting = wxAsync(() => ({ ok: { needAuthorization: true } }));
const onNeedPrivacyAuthorization = jest.fn();
const home = firstLaunchAtHome(callFunction, { getPrivacySetting, onNeedPrivacyAuthorization });
const { storage, getSetting, authorize, getLocation } = home;

let page: PageHandle;

beforeAll(async () => {
  catalog = await seededHome(backend);
  page = await home.load();
});

afterAll(() => backend.env.close());

test('the consent sheet shows the policy with its dates and two real choices', async () => {
  await page.waitForText(
    '上海助医用户隐私政策协议',
    '更新日期：2022年1月22日',
    '生效日期：2022年1月22日',
    '地理位置（位置信息）',
    '不同意',
  );
  expect(page.text()).not.toContain('我知道了');
});

test('while it waits: no location API, no privacy or telemetry function', async () => {
  // The positive signal first: the page's own loading (全部医院's first page) has finished.
  await page.waitForText(...(await catalog.directory(1)), '上拉加载更多');
  expect(getSetting).not.toHaveBeenCalled();
  expect(authorize).not.toHaveBeenCalled();
  expect(getLocation).not.toHaveBeenCalled();
  expect(functionsCalled(callFunction.mock.calls)).not.toContain('privacy');
  expect(functionsCalled(callFunction.mock.calls)).not.toContain('telemetry');
  // WeChat's prompt is routed to our popup from launch; its setting is not read before a decision.
  expect(onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1);
  expect(getPrivacySetting).not.toHaveBeenCalled();
});

test('不同意: browse-only recommendations with the reason, still no location, nothing sent', async () => {
  page.tap('.consent-sheet__decline');
  await page.waitForText(
    ...catalog.hospitals,
    ...catalog.doctors,
    '未同意隐私政策，为您展示默认推荐',
    '查看隐私政策',
  );
  expect(page.text()).not.toContain('生效日期');
  expect(storage.store.get(CONSENT_KEY)).toMatchObject({
    policyVersion: POLICY_VERSION,
    decision: 'declined',
  });
  expect(getSetting).not.toHaveBeenCalled();
  expect(getLocation).not.toHaveBeenCalled();
  expect(new Set(functionsCalled(callFunction.mock.calls))).toEqual(new Set(['catalog']));
  // Nor anything the server would keep: no consent, no telemetry, only the seeded catalog.
  expect(await backend.env.store.count(CONSENTS.name)).toBe(0);
  expect(await backend.env.store.count(ANALYTICS_EVENTS.name)).toBe(0);
});
