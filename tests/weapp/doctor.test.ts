/**
 * The built doctor card in WeChat's renderer: it renders from catalog.getDoctor and the
 * page really answers WeChat's share callbacks (they exist only if the page config
 * enables them), with a link that carries nothing but the doctor id.
 */
import { loadPage, waitFor, wxAsync, type PageHandle } from './harness';

const doctor = {
  id: 'd7',
  name: '李淑芬',
  title: '副主任医师',
  department: '消化内科',
  hospitalId: 'h2',
  hospitalName: '上海交通大学医学院附属瑞金医院',
  specialties: ['胃炎', '胃镜检查'],
  consultPrice: 0,
  rating: 4.6,
  consultCount: 88,
  synthetic: false,
  bio: '擅长消化道疾病的诊治。',
  hospital: {
    id: 'h2',
    name: '上海交通大学医学院附属瑞金医院',
    grade: '三级甲等',
    district: '黄浦区',
    address: '瑞金二路197号',
  },
};

const callFunction = jest.fn(
  async (options: { name: string; data: { action: string; data: { id?: string } } }) => ({
    errMsg: 'cloud.callFunction:ok',
    result:
      options.data.action === 'getDoctor' && options.data.data.id === 'd7'
        ? { ok: true, data: doctor }
        : { ok: false, error: { code: 'NOT_FOUND', message: '医生不存在' } },
  }),
);
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
  page = await loadPage(
    'pages/doctor/index',
    {
      cloud: { init: jest.fn(), callFunction },
      showToast,
      navigateTo,
      createOffscreenCanvas,
      canvasToTempFilePath,
    },
    { id: 'd7' },
  );
});

test('renders the card for the id in the link', async () => {
  await page.waitForText('李淑芬', '副主任医师', '消化内科', '瑞金医院', '胃镜检查', '免费', '4.6');
  expect(page.text()).not.toContain('示例数据');
  expect(callFunction).toHaveBeenCalledWith({
    name: 'catalog',
    data: { action: 'getDoctor', data: { id: 'd7' } },
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
      path: '/pages/doctor/index?id=d7',
      imageUrl: 'wxfile://tmp/card.png',
    }),
  );
  expect(page.instance.onShareTimeline()).toEqual({
    title: '李淑芬 副主任医师 · 上海交通大学医学院附属瑞金医院',
    query: 'id=d7',
    imageUrl: 'wxfile://tmp/card.png',
  });
});

test('图文咨询 needs an account: a user with none is sent to 登录, which returns to the form', async () => {
  page.tap('.doctor__consult');
  const form = '/subpackages/consult/create/index?doctorId=d7';
  await waitFor(() =>
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `/subpackages/account/login/index?redirect=${encodeURIComponent(form)}`,
      }),
    ),
  );
});

test('opened first from a shared link, the consent sheet shows over the card (POL)', async () => {
  await page.waitForText('个人信息保护提示', '生效日期：2022年1月22日', '李淑芬');
  expect(callFunction.mock.calls.map(([o]) => o.name)).toEqual(['catalog']);
});
