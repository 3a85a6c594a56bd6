/**
 * The built home page in WeChat's renderer, first visit (LOC): nothing is asked on load;
 * on tapping 开启定位 location is asked for once (issue 11 point 4), the fix goes to
 * catalog.nearby — the real handler over the CloudBase emulator with the bundled catalog
 * seeded — and results show nearest first with distance.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { formatDistance } from '../../src/utils/geo';
import { loadPage, waitFor, wxAsync, wxStorage, type PageHandle } from './harness';
import { weappBackend } from './support/backend';
import { nearestHospitals, seededHome } from './support/catalog';
import { locationAllowedWhenAsked } from './support/location';

// The hooks seed the whole demo catalogue (60 hospitals, ~2,400 doctors with their search
// keywords) into the emulator: seconds alone, more on 2 cores shared with the backend suite.
jest.setTimeout(60_000);
// The real catalog function over the CloudBase emulator, with the bundled catalog seeded.
const backend = weappBackend();
const callFunction = backend.callFunction;
/** The fix getLocation answers (support/location.ts), in 黄浦区. */
const FIX = { lat: 31.2304, lng: 121.4737 };
/** The hospitals the real catalog finds nearest that fix, nearest first. */
let nearest: Awaited<ReturnType<typeof nearestHospitals>> = [];
const locationApis = locationAllowedWhenAsked();
const { authorize, getLocation } = locationApis;
const navigateTo = wxAsync(() => ({ ok: { errMsg: 'navigateTo:ok' } }));

let page: PageHandle;

beforeAll(async () => {
  await seededHome(backend);
  nearest = await nearestHospitals(backend, FIX.lat, FIX.lng);
  expect(nearest.length).toBeGreaterThan(1);
  page = await loadPage('pages/home/index', {
    // A returning user who agreed to this version of the policy (POL).
    ...wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION }).apis,
    cloud: { init: jest.fn(), callFunction },
    ...locationApis,
    navigateTo,
  });
});

afterAll(() => backend.env.close());

test('on load: the default recommendations and 开启定位, nothing asked', async () => {
  await page.waitForText('开启定位', '为您展示默认推荐');
  expect(authorize).not.toHaveBeenCalled();
  expect(getLocation).not.toHaveBeenCalled();
});

test('the tap asks once, reads a WGS-84 fix and shows nearby hospitals with distances, nearest first', async () => {
  expect(page.text()).not.toContain('附近医院');
  page.tap('.home__locate');
  const distances = nearest.map((h) => formatDistance(h.distanceMeters));
  await page.waitForText(...nearest.map((h) => h.name), ...distances, '附近医院');
  // Nearest first: the distances are shown in the order the function measured them.
  const text = page.text();
  const at = distances.map((d) => text.indexOf(d));
  expect(at).toEqual([...at].sort((a, b) => a - b));
  expect(nearest.map((h) => h.distanceMeters)).toEqual(
    [...nearest.map((h) => h.distanceMeters)].sort((a, b) => a - b),
  );
  expect(page.text()).not.toContain('为您展示默认推荐');
  expect(authorize).toHaveBeenCalledTimes(1);
  expect(authorize).toHaveBeenCalledWith(expect.objectContaining({ scope: 'scope.userLocation' }));
  expect(getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'wgs84' }));
  expect(callFunction).toHaveBeenCalledWith({
    name: 'catalog',
    data: { action: 'nearby', data: { ...FIX, kind: 'hospital', limit: 5 } },
  });
});

test('tapping the nearest hospital opens its page', async () => {
  page.tap('.hospital-card');
  await waitFor(() =>
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/pages/hospital/index?id=${nearest[0]?.id}` }),
    ),
  );
});
