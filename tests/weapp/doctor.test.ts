/**
 * The built doctor card in WeChat's renderer, on the real catalog function over the CloudBase
 * emulator: the bundled catalog is seeded and the operator imports one real (not generated)
 * doctor the way 导入 does it. The card renders from catalog.getDoctor and the page really
 * answers WeChat's share callbacks (they exist only if the page config enables them), with a
 * link that carries nothing but the doctor id.
 */
import { importCatalog } from '../../backend/catalog/import';
import { USERS } from '../../backend/collections';
import { parseCatalogJson } from '../../backend/catalog/import/load';
import { seedCatalog } from '../../backend/catalog/seed';
import { loadPage, waitFor, wxAsync, type PageHandle } from './harness';
import { functionsCalled, weappBackend } from './support/backend';

// The hooks seed the whole demo catalogue (60 hospitals, ~2,400 doctors with their search
// keywords) into the emulator: seconds alone, more on 2 cores shared with the backend suite.
jest.setTimeout(60_000);
const backend = weappBackend();
const callFunction = backend.callFunction;
const RUIJIN = '上海交通大学医学院附属瑞金医院';
/** The operator's row: a real doctor at a bundled hospital, free to consult. */
const row = {
  name: '李淑芬',
  title: '副主任医师',
  department: '消化内科',
  hospital: RUIJIN,
  specialties: ['胃炎', '胃镜检查'],
  consultPrice: 0,
  rating: 4.6,
  bio: '擅长消化道疾病的诊治。',
};
/** The doctor's id, as the catalog gives it (the link a share carries). */
let id = '';

const showToast = wxAsync(() => ({ ok: { errMsg: 'showToast:ok' } }));
const navigateTo = wxAsync(() => ({ ok: { errMsg: 'navigateTo:ok' } }));
// The share card: an offscreen 2D canvas, exported to a temp file (base library ≥ 2.16.1).
const context = { fillRect: jest.fn(), fillText: jest.fn() };
const canvas = { width: 500, height: 400, getContext: jest.fn(() => context) };
const createOffscreenCanvas = jest.fn(() => canvas);
const canvasToTempFilePath = wxAsync(() => ({
  ok: { errMsg: 'canvasToTempFilePath:ok', tempFilePath: 'wxfile://tmp/card.png' },
}));

let page: PageHandle;

beforeAll(async () => {
  await seedCatalog(backend.env.store);
  const imported = await importCatalog(
    backend.env.store,
    parseCatalogJson(JSON.stringify({ doctors: [row] })),
  );
  expect(imported).toEqual({ ok: true, hospitals: 0, doctors: 1 });
  const { items } = await backend.ask('catalog', 'search', { q: row.name, kind: 'doctor' });
  const hit = items.find((h) => h.kind === 'doctor' && h.doctor.name === row.name);
  id = hit?.kind === 'doctor' ? hit.doctor.id : '';
  expect(id).not.toBe('');
  page = await loadPage(
    'pages/doctor/index',
    {
      cloud: { init: jest.fn(), callFunction },
      showToast,
      navigateTo,
      createOffscreenCanvas,
      canvasToTempFilePath,
    },
    { id },
  );
});

afterAll(() => backend.env.close());

test('renders the card for the id in the link', async () => {
  await page.waitForText('李淑芬', '副主任医师', '消化内科', '瑞金医院', '胃镜检查', '免费', '4.6');
  expect(page.text()).not.toContain('示例数据');
  expect(callFunction).toHaveBeenCalledWith({
    name: 'catalog',
    data: { action: 'getDoctor', data: { id } },
  });
});

test('share to a chat and to Moments are wired, carry only the id and the drawn card', async () => {
  await page.waitForText('李淑芬');
  await waitFor(() =>
    expect(canvasToTempFilePath).toHaveBeenCalledWith(expect.objectContaining({ canvas })),
  );
  expect(createOffscreenCanvas).toHaveBeenCalledWith({ type: '2d', width: 500, height: 400 });
  const painted = context.fillText.mock.calls.map((call: unknown[]) => call[0]);
  expect(painted).toEqual(
    expect.arrayContaining(['李淑芬', '消化内科', '评分 4.6', '图文咨询 免费']),
  );
  // The drawn card's file arrives after canvasToTempFilePath answers: wait for it, not the call.
  await waitFor(() =>
    expect(page.instance.onShareAppMessage({ from: 'menu' } as never)).toEqual({
      title: '李淑芬 副主任医师 · 上海交通大学医学院附属瑞金医院',
      path: `/pages/doctor/index?id=${id}`,
      imageUrl: 'wxfile://tmp/card.png',
    }),
  );
  expect(page.instance.onShareTimeline()).toEqual({
    title: '李淑芬 副主任医师 · 上海交通大学医学院附属瑞金医院',
    query: `id=${id}`,
    imageUrl: 'wxfile://tmp/card.png',
  });
});

test('图文咨询 needs an account: a user with none is sent to 登录, which returns to the form', async () => {
  page.tap('.doctor__consult');
  const form = `/subpackages/consult/create/index?doctorId=${id}`;
  await waitFor(() =>
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `/subpackages/account/login/index?redirect=${encodeURIComponent(form)}`,
      }),
    ),
  );
});

test('opened first from a shared link, the consent sheet shows over the card (POL)', async () => {
  // The supplement, filled by the real privacy function, follows the policy (issue 11 point 10).
  await page.waitForText('个人信息保护提示', '生效日期：2022年1月22日', '四、存储地点', '李淑芬');
  expect(functionsCalled(callFunction.mock.calls)).toEqual(['catalog']);
  // Nobody signed in: the store holds no account for this WeChat user.
  expect(await backend.env.store.get(USERS.name, backend.caller.openid)).toBeNull();
});
