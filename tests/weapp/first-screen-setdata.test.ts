/**
 * The home page's first screen in WeChat's renderer, with full-sized data (5 recommended
 * hospitals, 5 recommended doctors, a 20-hospital directory page): everything setData sends
 * to the render layer until that screen shows stays under 64 KB. WeChat warns from 256 KB
 * per call, and every byte is serialised across threads on a phone; a regression here
 * (say, whole documents passed where summaries will do) is a slower first screen.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { doctor, hospital, page as listPage } from '../pages/fixtures';
import { loadPage, wxAsync, wxStorage, type PageHandle } from './harness';
import { cloudFunctions, unexpected } from './support/cloud';

const LIMIT_BYTES = 64 * 1024;

const hospitals = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => hospital({ id: `${prefix}${i}`, name: `${prefix}医院${i}` }));

const callFunction = cloudFunctions(({ action, data }) => {
  if (action === 'recommend') {
    return data.kind === 'hospital'
      ? {
          ok: true,
          data: { items: hospitals('推荐', 5).map((h) => ({ kind: 'hospital', hospital: h })) },
        }
      : {
          ok: true,
          data: {
            items: Array.from({ length: 5 }, (_, i) => ({
              kind: 'doctor',
              doctor: doctor({ id: `d${i}`, name: `医生${i}` }),
            })),
          },
        };
  }
  if (action === 'listHospitals') {
    return { ok: true, data: { ...listPage(hospitals('名录', 20), 1, true), total: 40 } };
  }
  return unexpected(action);
});

let page: PageHandle;

beforeAll(async () => {
  page = await loadPage('pages/home/index', {
    // A returning user who agreed to this policy, location not allowed: the default screen.
    ...wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION }).apis,
    cloud: { init: jest.fn(), callFunction },
    getSetting: wxAsync(() => ({ ok: { authSetting: {}, errMsg: 'getSetting:ok' } })),
    authorize: wxAsync(() => ({ fail: { errMsg: 'authorize:fail auth deny' } })),
    getLocation: wxAsync(() => ({ fail: { errMsg: 'getLocation:fail auth deny' } })),
  });
});

test(`the first screen's setData payloads add up to under ${LIMIT_BYTES / 1024} KB`, async () => {
  await page.waitForText('推荐医院0', '医生4', '名录医院19');
  const sizes = page.setDataBytes();
  const total = sizes.reduce((s, n) => s + n, 0);
  console.log(
    `first screen setData: ${(total / 1024).toFixed(1)} KB in ${sizes.length} calls ` +
      `(largest ${(Math.max(...sizes) / 1024).toFixed(1)} KB); limit ${LIMIT_BYTES / 1024} KB`,
  );
  expect(sizes.length).toBeGreaterThan(0);
  expect(total).toBeLessThan(LIMIT_BYTES);
});
