/**
 * The built home page at first launch (POL, LOC): no stored decision, so the consent sheet
 * shows the policy and nothing personal is touched — no location API, no privacy or
 * telemetry call. 不同意 → browse-only: recommendations with the reason, still no location.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { hospital, page as listPage } from '../pages/fixtures';
import { CONSENT_KEY, wxAsync, type PageHandle } from './harness';
import { cloudFunctions, unexpected } from './support/cloud';
import { firstLaunchAtHome } from './support/home';

const callFunction = cloudFunctions(({ action, data }) => {
  if (action === 'recommend') {
    const recommended = hospital({ id: 'h1', name: '推荐的瑞金医院' });
    return data.kind === 'hospital'
      ? { ok: true, data: { items: [{ kind: 'hospital', hospital: recommended }] } }
      : { ok: true, data: { items: [] } };
  }
  if (action === 'listHospitals') return { ok: true, data: listPage([]) };
  return unexpected(action);
});
const getPrivacySetting = wxAsync(() => ({ ok: { needAuthorization: true } }));
const onNeedPrivacyAuthorization = jest.fn();
const home = firstLaunchAtHome(callFunction, { getPrivacySetting, onNeedPrivacyAuthorization });
const { storage, getSetting, authorize, getLocation } = home;

let page: PageHandle;

beforeAll(async () => {
  page = await home.load();
});

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
  // The positive signal first: the page's own loading (全部医院) has finished.
  await page.waitForText('暂无医院');
  expect(getSetting).not.toHaveBeenCalled();
  expect(authorize).not.toHaveBeenCalled();
  expect(getLocation).not.toHaveBeenCalled();
  expect(callFunction.mock.calls.map(([o]) => o.name)).not.toContain('privacy');
  expect(callFunction.mock.calls.map(([o]) => o.name)).not.toContain('telemetry');
  // WeChat's prompt is routed to our popup from launch; its setting is not read before a decision.
  expect(onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1);
  expect(getPrivacySetting).not.toHaveBeenCalled();
});

test('不同意: browse-only recommendations with the reason, still no location, nothing sent', async () => {
  page.tap('.consent-sheet__decline');
  await page.waitForText('推荐的瑞金医院', '未同意隐私政策，为您展示默认推荐', '查看隐私政策');
  expect(page.text()).not.toContain('生效日期');
  expect(storage.store.get(CONSENT_KEY)).toMatchObject({
    policyVersion: POLICY_VERSION,
    decision: 'declined',
  });
  expect(getSetting).not.toHaveBeenCalled();
  expect(getLocation).not.toHaveBeenCalled();
  expect(new Set(callFunction.mock.calls.map(([o]) => o.name))).toEqual(new Set(['catalog']));
});
