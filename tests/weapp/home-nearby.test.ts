/**
 * The built home page in WeChat's renderer, first visit (LOC): location is asked for
 * once, the fix goes to catalog.nearby, and results show nearest first with distance.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { loadPage, wxAsync, wxStorage, type PageHandle } from './harness';

const hospital = (id: string, name: string) => ({
  id,
  name,
  shortName: null,
  grade: null,
  district: '黄浦区',
  address: '瑞金二路197号',
  phone: null,
  location: { lat: 31.21, lng: 121.47, datum: 'WGS-84' },
  departments: [],
  doctorCount: 0,
});

function answer(action: string, data: Record<string, unknown>): unknown {
  if (action === 'nearby' && data.kind === 'hospital') {
    return {
      ok: true,
      data: {
        items: [
          { kind: 'hospital', distanceMeters: 850, hospital: hospital('n1', '最近的医院') },
          { kind: 'hospital', distanceMeters: 12345, hospital: hospital('n2', '较远的医院') },
        ],
      },
    };
  }
  if (action === 'nearby') return { ok: true, data: { items: [] } };
  if (action === 'listHospitals') {
    return { ok: true, data: { items: [], page: 1, pageSize: 20, total: 0, hasMore: false } };
  }
  return { ok: false, error: { code: 'NOT_FOUND', message: `unexpected ${action}` } };
}

const callFunction = jest.fn(
  async (options: { name: string; data: { action: string; data: Record<string, unknown> } }) => ({
    errMsg: 'cloud.callFunction:ok',
    result: answer(options.data.action, options.data.data),
  }),
);
const getSetting = wxAsync(() => ({ ok: { authSetting: {}, errMsg: 'getSetting:ok' } }));
const authorize = wxAsync(() => ({ ok: { errMsg: 'authorize:ok' } }));
const getLocation = wxAsync(() => ({
  ok: { latitude: 31.2304, longitude: 121.4737, errMsg: 'getLocation:ok' },
}));
const navigateTo = wxAsync(() => ({ ok: { errMsg: 'navigateTo:ok' } }));

let page: PageHandle;

beforeAll(async () => {
  page = await loadPage('pages/home/index', {
    // A returning user who agreed to this version of the policy (POL).
    ...wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION }).apis,
    cloud: { init: jest.fn(), callFunction },
    getSetting,
    authorize,
    getLocation,
    navigateTo,
  });
});

test('asks once, reads a WGS-84 fix and shows nearby hospitals with distances, nearest first', async () => {
  await page.waitForText('最近的医院', '较远的医院', '850m', '12.3km', '附近医院');
  expect(page.text().indexOf('最近的医院')).toBeLessThan(page.text().indexOf('较远的医院'));
  expect(page.text()).not.toContain('为您展示默认推荐');
  expect(authorize).toHaveBeenCalledWith(expect.objectContaining({ scope: 'scope.userLocation' }));
  expect(getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'wgs84' }));
  expect(callFunction).toHaveBeenCalledWith({
    name: 'catalog',
    data: { action: 'nearby', data: { lat: 31.2304, lng: 121.4737, kind: 'hospital', limit: 5 } },
  });
});

test('tapping a hospital opens its page', async () => {
  page.tap('.hospital-card');
  await new Promise((r) => setTimeout(r, 50));
  expect(navigateTo).toHaveBeenCalledWith(
    expect.objectContaining({ url: '/pages/hospital/index?id=n1' }),
  );
});
