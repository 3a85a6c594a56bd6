/**
 * The home page's first screen in WeChat's renderer, with full-sized data from the real
 * catalog function over the CloudBase emulator and the bundled catalog (5 recommended
 * hospitals, 5 recommended doctors, a 20-hospital directory page): everything setData sends
 * to the render layer until that screen shows stays under 64 KB. WeChat warns from 256 KB
 * per call, and every byte is serialised across threads on a phone; a regression here
 * (say, whole documents passed where summaries will do) is a slower first screen.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { loadPage, wxAsync, wxStorage, type PageHandle } from './harness';
import { weappBackend } from './support/backend';
import { seededHome, type HomeFirstScreen } from './support/catalog';

// The hooks seed the whole demo catalogue (60 hospitals, ~2,400 doctors with their search
// keywords) into the emulator: seconds alone, more on 2 cores shared with the backend suite.
jest.setTimeout(60_000);
const LIMIT_BYTES = 64 * 1024;

const backend = weappBackend();
let home: HomeFirstScreen;
let directory: string[] = [];

let page: PageHandle;

beforeAll(async () => {
  home = await seededHome(backend);
  directory = await home.directory(1);
  page = await loadPage('pages/home/index', {
    // A returning user who agreed to this policy, location not allowed: the default screen.
    ...wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION }).apis,
    cloud: { init: jest.fn(), callFunction: backend.callFunction },
    getSetting: wxAsync(() => ({ ok: { authSetting: {}, errMsg: 'getSetting:ok' } })),
    authorize: wxAsync(() => ({ fail: { errMsg: 'authorize:fail auth deny' } })),
    getLocation: wxAsync(() => ({ fail: { errMsg: 'getLocation:fail auth deny' } })),
  });
});

afterAll(() => backend.env.close());

test(`the first screen's setData payloads add up to under ${LIMIT_BYTES / 1024} KB`, async () => {
  // Full-sized: five of each recommendation and a whole directory page.
  expect([home.hospitals.length, home.doctors.length, directory.length]).toEqual([5, 5, 20]);
  await page.waitForText(...home.hospitals, ...home.doctors, ...directory);
  const sizes = page.setDataBytes();
  const total = sizes.reduce((s, n) => s + n, 0);
  console.log(
    `first screen setData: ${(total / 1024).toFixed(1)} KB in ${sizes.length} calls ` +
      `(largest ${(Math.max(...sizes) / 1024).toFixed(1)} KB); limit ${LIMIT_BYTES / 1024} KB`,
  );
  expect(sizes.length).toBeGreaterThan(0);
  expect(total).toBeLessThan(LIMIT_BYTES);
});
