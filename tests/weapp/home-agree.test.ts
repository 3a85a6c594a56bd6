/**
 * The built home page at first launch, 同意 (POL, LOC): the consent is recorded through the
 * privacy cloud function and kept on the device; only then is location asked for —
 * getSetting → authorize → getLocation — and the nearby results shown.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { CONSENT_KEY, loadPage, wxAsync, wxStorage, type PageHandle } from './harness';

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

const consentState = {
  policyVersion: POLICY_VERSION,
  policy: true,
  device: false,
  analytics: false,
  thirdParty: { trtc: false },
  at: '2024-05-01T08:00:00.000Z',
};

function answer(fn: string, action: string, data: Record<string, unknown>): unknown {
  if (fn === 'privacy' && action === 'recordConsent') return { ok: true, data: consentState };
  if (action === 'nearby' && data.kind === 'hospital') {
    return {
      ok: true,
      data: {
        items: [
          { kind: 'hospital', distanceMeters: 640, hospital: hospital('n1', '同意后的附近医院') },
        ],
      },
    };
  }
  if (action === 'nearby') return { ok: true, data: { items: [] } };
  if (action === 'listHospitals') {
    return { ok: true, data: { items: [], page: 1, pageSize: 20, total: 0, hasMore: false } };
  }
  return { ok: false, error: { code: 'NOT_FOUND', message: `unexpected ${fn}.${action}` } };
}

const callFunction = jest.fn(
  async (options: { name: string; data: { action: string; data: Record<string, unknown> } }) => ({
    errMsg: 'cloud.callFunction:ok',
    result: answer(options.name, options.data.action, options.data.data),
  }),
);
const getSetting = wxAsync(() => ({ ok: { authSetting: {}, errMsg: 'getSetting:ok' } }));
const authorize = wxAsync(() => ({ ok: { errMsg: 'authorize:ok' } }));
const getLocation = wxAsync(() => ({
  ok: { latitude: 31.2304, longitude: 121.4737, errMsg: 'getLocation:ok' },
}));
const storage = wxStorage(null);

let page: PageHandle;

beforeAll(async () => {
  page = await loadPage('pages/home/index', {
    ...storage.apis,
    cloud: { init: jest.fn(), callFunction },
    getSetting,
    authorize,
    getLocation,
    onNeedPrivacyAuthorization: jest.fn(),
    getPrivacySetting: wxAsync(() => ({ ok: { needAuthorization: false } })),
  });
  await page.waitForText('生效日期：2022年1月22日');
});

/** The node Taro sent to WeChat's template for the element with this class (page data). */
function renderedNode(className: string): Record<string, unknown> | undefined {
  const walk = (node: unknown): Record<string, unknown> | undefined => {
    if (!node || typeof node !== 'object') return undefined;
    const n = node as Record<string, unknown>;
    if (typeof n.cl === 'string' && n.cl.split(' ').includes(className)) return n;
    for (const child of Object.values(n)) {
      const found = walk(child);
      if (found) return found;
    }
    return undefined;
  };
  return walk(page.instance.data);
}

test('同意 is WeChat’s agreePrivacyAuthorization button: one tap agrees to both', () => {
  const agree = renderedNode('consent-sheet__agree');
  expect(Object.values(agree ?? {})).toContain('agreePrivacyAuthorization');
  expect(Object.values(renderedNode('consent-sheet__decline') ?? {})).not.toContain(
    'agreePrivacyAuthorization',
  );
});

test('nothing is located before the user answers', () => {
  expect(getSetting).not.toHaveBeenCalled();
  expect(getLocation).not.toHaveBeenCalled();
});

test('同意 records the consent on the server and the device', async () => {
  page.tap('.consent-sheet__agree');
  await page.waitForText('同意后的附近医院');
  expect(callFunction).toHaveBeenCalledWith({
    name: 'privacy',
    data: {
      action: 'recordConsent',
      data: {
        policyVersion: POLICY_VERSION,
        items: { device: false, analytics: false, thirdParty: { trtc: false } },
      },
    },
  });
  await new Promise((r) => setTimeout(r, 50));
  expect(storage.store.get(CONSENT_KEY)).toMatchObject({
    policyVersion: POLICY_VERSION,
    decision: 'agreed',
    synced: true,
  });
});

test('then, and only then, location: getSetting → authorize → getLocation → nearby', () => {
  expect(authorize).toHaveBeenCalledWith(expect.objectContaining({ scope: 'scope.userLocation' }));
  expect(getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'wgs84' }));
  expect(page.text()).toContain('640m');
  expect(page.text()).not.toContain('生效日期');
  const names = callFunction.mock.calls.map(([o]) => o.name);
  expect(names).not.toContain('telemetry');
});
