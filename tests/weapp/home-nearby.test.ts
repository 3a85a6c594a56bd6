/**
 * The built home page in WeChat's renderer, first visit (LOC): nothing is asked on load;
 * on tapping 开启定位 location is asked for once (issue 11 point 4), the fix goes to
 * catalog.nearby, and results show nearest first with distance.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { nearbyHospital, page as listPage } from '../pages/fixtures';
import { loadPage, waitFor, wxAsync, wxStorage, type PageHandle } from './harness';
import { cloudFunctions, unexpected } from './support/cloud';
import { locationAllowedWhenAsked } from './support/location';

const callFunction = cloudFunctions(({ action, data }) => {
  if (action === 'nearby' && data.kind === 'hospital') {
    return {
      ok: true,
      data: {
        items: [
          nearbyHospital(850, { id: 'n1', name: '最近的医院' }),
          nearbyHospital(12345, { id: 'n2', name: '较远的医院' }),
        ],
      },
    };
  }
  if (action === 'nearby') return { ok: true, data: { items: [] } };
  if (action === 'recommend') return { ok: true, data: { items: [] } };
  if (action === 'listHospitals') return { ok: true, data: listPage([]) };
  return unexpected(action);
});
const locationApis = locationAllowedWhenAsked();
const { authorize, getLocation } = locationApis;
const navigateTo = wxAsync(() => ({ ok: { errMsg: 'navigateTo:ok' } }));

let page: PageHandle;

beforeAll(async () => {
  page = await loadPage('pages/home/index', {
    // A returning user who agreed to this version of the policy (POL).
    ...wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION }).apis,
    cloud: { init: jest.fn(), callFunction },
    ...locationApis,
    navigateTo,
  });
});

test('on load: the default recommendations and 开启定位, nothing asked', async () => {
  await page.waitForText('开启定位', '为您展示默认推荐');
  expect(authorize).not.toHaveBeenCalled();
  expect(getLocation).not.toHaveBeenCalled();
});

test('the tap asks once, reads a WGS-84 fix and shows nearby hospitals with distances, nearest first', async () => {
  page.tap('.home__locate');
  await page.waitForText('最近的医院', '较远的医院', '850m', '12.3km', '附近医院');
  expect(page.text().indexOf('最近的医院')).toBeLessThan(page.text().indexOf('较远的医院'));
  expect(page.text()).not.toContain('为您展示默认推荐');
  expect(authorize).toHaveBeenCalledTimes(1);
  expect(authorize).toHaveBeenCalledWith(expect.objectContaining({ scope: 'scope.userLocation' }));
  expect(getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'wgs84' }));
  expect(callFunction).toHaveBeenCalledWith({
    name: 'catalog',
    data: { action: 'nearby', data: { lat: 31.2304, lng: 121.4737, kind: 'hospital', limit: 5 } },
  });
});

test('tapping a hospital opens its page', async () => {
  page.tap('.hospital-card');
  await waitFor(() =>
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/hospital/index?id=n1' }),
    ),
  );
});
