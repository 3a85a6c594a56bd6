/**
 * The built home page in WeChat's renderer, location previously denied (LOC): it must not
 * prompt again, must ask the catalog cloud function for recommendations, and show them.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { doctor, hospital, nearbyHospital, page as listPage } from '../pages/fixtures';
import { loadPage, wxAsync, wxStorage, type PageHandle } from './harness';
import { cloudFunctions, unexpected } from './support/cloud';

// Synthetic, so the card carries the 示例数据 mark.
const recommendedDoctor = doctor({ synthetic: true });

const callFunction = cloudFunctions(({ action, data }) => {
  if (action === 'recommend') {
    return data.kind === 'hospital'
      ? {
          ok: true,
          data: { items: [{ kind: 'hospital', hospital: hospital({ name: '推荐的中山医院' }) }] },
        }
      : { ok: true, data: { items: [{ kind: 'doctor', doctor: recommendedDoctor }] } };
  }
  if (action === 'nearby') {
    return data.kind === 'hospital'
      ? { ok: true, data: { items: [nearbyHospital(420, { id: 'n1', name: '开启后的附近医院' })] } }
      : { ok: true, data: { items: [] } };
  }
  if (action === 'listHospitals') {
    const page = Number(data.page);
    const hospitals = [hospital({ id: `all${page}`, name: `名录第${page}页医院` })];
    // Two pages in all: the second is the last.
    return { ok: true, data: { ...listPage(hospitals, page, page < 2), total: 2 } };
  }
  return unexpected(action);
});
const cloudInit = jest.fn();
// The user said no before; they may turn it on in WeChat's settings page (openSetting).
let locationAllowed = false;
const getSetting = wxAsync(() => ({
  ok: { authSetting: { 'scope.userLocation': locationAllowed }, errMsg: 'getSetting:ok' },
}));
const authorize = wxAsync(() => ({ fail: { errMsg: 'authorize:fail auth deny' } }));
const getLocation = wxAsync(() =>
  locationAllowed
    ? { ok: { latitude: 31.2, longitude: 121.45, errMsg: 'getLocation:ok' } }
    : { fail: { errMsg: 'getLocation:fail auth deny' } },
);
const openSetting = wxAsync(() => {
  locationAllowed = true;
  return { ok: { authSetting: { 'scope.userLocation': true }, errMsg: 'openSetting:ok' } };
});

let page: PageHandle;

beforeAll(async () => {
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

test('shows the recommendations the catalog function returned, with the reason', async () => {
  await page.waitForText('推荐的中山医院', '王建国', '未开启定位，为您展示默认推荐', '示例数据');
  expect(page.text()).toContain('推荐医院');
  expect(page.text()).toContain('名录第1页医院');
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

test('reaching the bottom loads the next page of 全部医院', async () => {
  page.instance.onReachBottom();
  await page.waitForText('名录第2页医院', '没有更多了');
  expect(page.text()).toContain('名录第1页医院');
});

test('去开启 opens WeChat settings (openSetting); turned on there, nearby results replace them', async () => {
  expect(openSetting).not.toHaveBeenCalled();
  page.tap('.home__notice .btn');
  await page.waitForText('开启后的附近医院', '420m', '附近医院');
  expect(openSetting).toHaveBeenCalledTimes(1);
  expect(page.text()).not.toContain('为您展示默认推荐');
  // Still never the authorize prompt: the switch was the user's, in settings.
  expect(authorize).not.toHaveBeenCalled();
});
