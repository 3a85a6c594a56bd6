/**
 * The built consult chat in WeChat's renderer: it loads through wx.cloud.callFunction
 * (consult.get, consult.listMessages), sends a typed message with consult.sendMessage and a
 * client message id, and shows the reply the function returns. The database watch is
 * refused here, so the page falls back to polling rather than failing.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { loadPage, wxAsync, wxStorage, type PageHandle } from './harness';

const consult = {
  id: 'c1',
  role: 'patient',
  status: 'active',
  doctor: {
    id: 'd1',
    name: '王建国',
    title: '主任医师',
    department: '心内科',
    hospitalName: '中山医院',
  },
  patient: { kind: 'self' },
  price: 3000,
  descriptionPreview: '胸闷气短两周',
  createdAt: '2024-05-01T08:00:00.000Z',
  updatedAt: '2024-05-01T08:00:00.000Z',
  acceptDeadline: null,
  lastMessage: null,
  unread: 0,
  description: '胸闷气短两周，活动后加重',
  photos: [],
  paidAt: '2024-05-01T08:01:00.000Z',
  acceptedAt: '2024-05-01T08:10:00.000Z',
  endedAt: null,
  summary: null,
  cancelReason: null,
  refund: null,
  contact: null,
  lastSeq: 1,
};

const message = (seq: number, over: Record<string, unknown>) => ({
  id: `m${seq}`,
  consultId: 'c1',
  seq,
  sender: 'doctor',
  mine: false,
  clientMsgId: null,
  kind: 'text',
  text: '',
  image: null,
  links: [],
  risky: false,
  at: '2024-05-01T08:20:00.000Z',
  ...over,
});

type Call = { name: string; data: { action: string; data: Record<string, unknown> } };

const callFunction = jest.fn(async ({ name, data: { action, data } }: Call) => {
  const reply = (value: unknown) => ({
    errMsg: 'cloud.callFunction:ok',
    result: { ok: true, data: value },
  });
  if (name === 'consult' && action === 'get') return reply(consult);
  if (name === 'consult' && action === 'listMessages') {
    const items = Number(data.after ?? 0) < 1 ? [message(1, { text: '您好，哪里不舒服？' })] : [];
    return reply({ items, nextAfter: 1, hasMore: false });
  }
  if (name === 'consult' && action === 'sendMessage') {
    return reply(
      message(2, {
        sender: 'patient',
        mine: true,
        clientMsgId: data.clientMsgId,
        text: `已收到：${String(data.text)}`,
      }),
    );
  }
  if (name === 'privacy')
    return reply({
      policyVersion: POLICY_VERSION,
      policy: true,
      device: false,
      analytics: false,
      thirdParty: { trtc: false },
      at: '2024-05-01T08:00:00.000Z',
    });
  return {
    errMsg: 'cloud.callFunction:ok',
    result: { ok: false, error: { code: 'NOT_FOUND', message: `unexpected ${name}.${action}` } },
  };
});

const watch = jest.fn(() => {
  throw new Error('watch unavailable');
});

let page: PageHandle;

beforeAll(async () => {
  const storage = wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION });
  page = await loadPage(
    'pages/consult-chat/index',
    {
      ...storage.apis,
      cloud: {
        init: jest.fn(),
        callFunction,
        database: () => ({ collection: () => ({ where: () => ({ watch }) }) }),
      },
      showToast: wxAsync(() => ({ ok: { errMsg: 'showToast:ok' } })),
    },
    { id: 'c1' },
  );
});

test('loads the consult and its messages through the consult function', async () => {
  await page.waitForText('咨询中', '王建国', '您好，哪里不舒服？', '请仅填写与本次就诊相关的信息');
  expect(callFunction).toHaveBeenCalledWith({
    name: 'consult',
    data: { action: 'get', data: { consultId: 'c1' } },
  });
  expect(callFunction).toHaveBeenCalledWith({
    name: 'consult',
    data: { action: 'listMessages', data: { consultId: 'c1', after: 0 } },
  });
  expect(watch).toHaveBeenCalled();
});

test('发送 calls sendMessage with the typed text and a client message id, and shows the reply', async () => {
  page.dispatch('.composer__input', 'input', { value: '胸口发紧' });
  await new Promise((r) => setTimeout(r, 50));
  page.tap('.composer__send');
  await page.waitForText('已收到：胸口发紧');
  const sent = callFunction.mock.calls.map(([c]) => c).find((c) => c.data.action === 'sendMessage');
  expect(sent?.name).toBe('consult');
  expect(sent?.data.data).toEqual(
    expect.objectContaining({
      consultId: 'c1',
      text: '胸口发紧',
      clientMsgId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    }),
  );
});
