/**
 * The built home page in WeChat's renderer, location previously denied (LOC): it must not
 * prompt again, must ask the catalog cloud function for recommendations, and show them.
 */
import { loadPage, wxAsync, type PageHandle } from './harness';

const hospital = (id: string, name: string) => ({
  id,
  name,
  shortName: null,
  grade: '三级甲等',
  district: '徐汇区',
  address: '枫林路180号',
  phone: null,
  location: { lat: 31.2, lng: 121.45, datum: 'WGS-84' },
  departments: ['心内科'],
  doctorCount: 3,
});

const doctor = {
  id: 'd1',
  name: '王建国',
  title: '主任医师',
  department: '心内科',
  hospitalId: 'h1',
  hospitalName: '复旦大学附属中山医院',
  specialties: ['冠心病'],
  consultPrice: 3000,
  rating: 4.8,
  consultCount: 12,
  synthetic: true,
};

function answer(action: string, data: Record<string, unknown>): unknown {
  if (action === 'recommend') {
    return data.kind === 'hospital'
      ? {
          ok: true,
          data: { items: [{ kind: 'hospital', hospital: hospital('h1', '推荐的中山医院') }] },
        }
      : { ok: true, data: { items: [{ kind: 'doctor', doctor }] } };
  }
  if (action === 'listHospitals') {
    const page = Number(data.page);
    return {
      ok: true,
      data: {
        items: [hospital(`all${page}`, `名录第${page}页医院`)],
        page,
        pageSize: 20,
        total: 2,
        hasMore: page < 2,
      },
    };
  }
  return { ok: false, error: { code: 'NOT_FOUND', message: `unexpected ${action}` } };
}

const callFunction = jest.fn(
  async (options: { name: string; data: { action: string; data: Record<string, unknown> } }) => ({
    errMsg: 'cloud.callFunction:ok',
    result: answer(options.data.action, options.data.data),
  }),
);
const cloudInit = jest.fn();
const getSetting = wxAsync(() => ({
  ok: { authSetting: { 'scope.userLocation': false }, errMsg: 'getSetting:ok' },
}));
const authorize = wxAsync(() => ({ fail: { errMsg: 'authorize:fail auth deny' } }));
const getLocation = wxAsync(() => ({ fail: { errMsg: 'getLocation:fail auth deny' } }));

let page: PageHandle;

beforeAll(async () => {
  page = await loadPage('pages/home/index', {
    cloud: { init: cloudInit, callFunction },
    getSetting,
    authorize,
    getLocation,
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
