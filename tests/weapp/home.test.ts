/**
 * The built home page in WeChat's renderer, location previously denied (LOC): it must not
 * prompt again, must ask the catalog cloud function for recommendations, and show them —
 * the real handler over the CloudBase emulator, with the bundled catalog seeded.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { formatDistance } from '../../src/utils/geo';
import { loadPage, wxAsync, wxStorage, type PageHandle } from './harness';
import { weappBackend } from './support/backend';
import { nearestHospitals, seededHome, type HomeFirstScreen } from './support/catalog';

// The hooks seed the whole demo catalogue (60 hospitals, ~2,400 doctors with their search
// keywords) into the emulator: seconds alone, more on 2 cores shared with the backend suite.
jest.setTimeout(60_000);
// The real catalog function over the CloudBase emulator, with the bundled catalog seeded.
const backend = weappBackend();
const callFunction = backend.callFunction;
/** Where getLocation puts the user once they allow it in settings. */
const FIX = { latitude: 31.2, longitude: 121.45 };
let home: HomeFirstScreen;
const cloudInit = jest.fn();
// The user said no before; they may turn it on in WeChat's settings page (openSetting).
let locationAllowed = false;
const getSetting = wxAsync(() => ({
  ok: { authSetting: { 'scope.userLocation': locationAllowed }, errMsg: 'getSetting:ok' },
}));
const authorize = wxAsync(() => ({ fail: { errMsg: 'authorize:fail auth deny' } }));
const getLocation = wxAsync(() =>
  locationAllowed
    ? { ok: { ...FIX, errMsg: 'getLocation:ok' } }
    : { fail: { errMsg: 'getLocation:fail auth deny' } },
);
const openSetting = wxAsync(() => {
  locationAllowed = true;
  return { ok: { authSetting: { 'scope.userLocation': true }, errMsg: 'openSetting:ok' } };
});

let page: PageHandle;

beforeAll(async () => {
  home = await seededHome(backend);
  page = await loadPage('pages/home/index', {
    // A returning user who agreed to this version of the policy (POL).
    ...wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION }).apis,
    cloud: { init: cloudInit, callFunction },
    getSetting,
    authorize,
    getLocation,
    openSetting,
  });
});

afterAll(() => backend.env.close());

test('shows the recommendations the catalog function returned, with the reason', async () => {
  // The seeded doctors are generated, so their cards carry the 示例数据 mark.
  await page.waitForText(
    ...home.hospitals,
    ...home.doctors,
    '未开启定位，为您展示默认推荐',
    '示例数据',
  );
  expect(page.text()).toContain('推荐医院');
  await page.waitForText(...(await home.directory(1)), '上拉加载更多');
});

test('called the catalog function for recommendations, after initialising the cloud', () => {
  expect(cloudInit).toHaveBeenCalledWith(expect.objectContaining({ traceUser: true }));
  expect(callFunction).toHaveBeenCalledWith({
    name: 'catalog',
    data: { action: 'recommend', data: { kind: 'hospital', limit: 5 } },
  });
  expect(callFunction).toHaveBeenCalledWith({
    name: 'catalog',
    data: { action: 'recommend', data: { kind: 'doctor', limit: 5 } },
  });
  const actions = callFunction.mock.calls.map(([o]) => o.data.action);
  expect(actions).not.toContain('nearby');
});

test('a previous "no" is respected: no second prompt, no location read', () => {
  expect(getSetting).toHaveBeenCalled();
  expect(authorize).not.toHaveBeenCalled();
  expect(getLocation).not.toHaveBeenCalled();
});

test('reaching the bottom loads the next page of 全部医院, until 没有更多了', async () => {
  const pages = Math.ceil(home.total / 20);
  expect(pages).toBeGreaterThan(1);
  for (let p = 2; p <= pages; p++) {
    // A hospital of this page the screen does not show yet (not recommended, no doctor's).
    const next = (await home.directory(p)).find((name) => !page.text().includes(name));
    expect(next).toBeDefined();
    expect(page.text()).not.toContain('没有更多了');
    page.instance.onReachBottom();
    await page.waitForText(next ?? '');
  }
  await page.waitForText('没有更多了');
  expect(page.text()).toContain((await home.directory(1))[0]);
});

test('去开启 opens WeChat settings (openSetting); turned on there, nearby results replace them', async () => {
  const nearest = await nearestHospitals(backend, FIX.latitude, FIX.longitude);
  const distances = nearest.map((h) => formatDistance(h.distanceMeters));
  expect(page.text()).not.toContain('附近医院');
  expect(openSetting).not.toHaveBeenCalled();
  page.tap('.home__notice .btn');
  await page.waitForText(...nearest.map((h) => h.name), ...distances, '附近医院');
  expect(callFunction).toHaveBeenCalledWith({
    name: 'catalog',
    data: {
      action: 'nearby',
      data: { lat: FIX.latitude, lng: FIX.longitude, kind: 'hospital', limit: 5 },
    },
  });
  expect(openSetting).toHaveBeenCalledTimes(1);
  expect(page.text()).not.toContain('为您展示默认推荐');
  // Still never the authorize prompt: the switch was the user's, in settings.
  expect(authorize).not.toHaveBeenCalled();
});
