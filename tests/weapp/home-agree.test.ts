/**
 * The built home page at first launch, 同意 (POL, LOC): the consent is recorded through the
 * privacy cloud function and kept on the device; location is not asked for then, only
 * when the user taps 开启定位 (issue 11 point 4) — getSetting → authorize → getLocation —
 * and the nearby results shown.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { seedCatalog } from '../../backend/catalog/seed';
import type { ConsentState } from '../../contract/privacy/consent';
import { CONSENT_KEY, waitFor, wxAsync, type PageHandle } from './harness';
import { weappBackend } from './support/backend';
import { firstLaunchAtHome } from './support/home';

// The hooks seed the whole demo catalogue (60 hospitals, ~2,400 doctors with their search
// keywords) into the emulator: seconds alone, more on 2 cores shared with the backend suite.
jest.setTimeout(60_000);
// The real privacy and catalog handlers over the CloudBase emulator, with the seeded catalog.
const backend = weappBackend();
const callFunction = backend.callFunction;
/** The hospital nearest the fix (support/location.ts), as the real catalog answers it. */
let nearest = '';
const home = firstLaunchAtHome(callFunction, {
  onNeedPrivacyAuthorization: jest.fn(),
  getPrivacySetting: wxAsync(() => ({ ok: { needAuthorization: false } })),
});
const { storage, getSetting, authorize, getLocation } = home;

let page: PageHandle;

beforeAll(async () => {
  await seedCatalog(backend.env.store);
  const near = (await backend.call('catalog', 'nearby', {
    lat: 31.2304,
    lng: 121.4737,
    kind: 'hospital',
  })) as { items: Array<{ kind: string; hospital?: { name: string } }> };
  nearest = near.items[0]?.hospital?.name ?? '';
  expect(nearest).not.toBe('');
  page = await home.load();
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
  await page.waitForText('开启定位');
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
  await waitFor(() =>
    expect(storage.store.get(CONSENT_KEY)).toMatchObject({
      policyVersion: POLICY_VERSION,
      decision: 'agreed',
      synced: true,
    }),
  );
  // The consent is in the store: what the server answers now.
  const listed = (await backend.call('privacy', 'listConsents')) as {
    current: ConsentState | null;
  };
  expect(listed.current).toMatchObject({ policyVersion: POLICY_VERSION, policy: true });
});

afterAll(() => backend.env.close());

test('after 同意, no location request until the user taps 开启定位', () => {
  expect(authorize).not.toHaveBeenCalled();
  expect(getLocation).not.toHaveBeenCalled();
  expect(callFunction.mock.calls.map(([o]) => o.data.action)).not.toContain('nearby');
});

test('on the tap, and only then, location: getSetting → authorize → getLocation → nearby', async () => {
  page.tap('.home__locate');
  await page.waitForText(nearest);
  expect(authorize).toHaveBeenCalledTimes(1);
  expect(authorize).toHaveBeenCalledWith(expect.objectContaining({ scope: 'scope.userLocation' }));
  expect(getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'wgs84' }));
  expect(page.text()).toMatch(/\d+(\.\d+)?k?m/);
  expect(page.text()).not.toContain('生效日期');
  const names = callFunction.mock.calls.map(([o]) => o.name);
  expect(names).not.toContain('telemetry');
});
