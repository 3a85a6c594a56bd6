/**
 * The built consult chat in WeChat's renderer: it loads through wx.cloud.callFunction
 * (consult.get, consult.listMessages), sends a typed message with consult.sendMessage and a
 * client message id, and shows the reply the function returns. The database watch is
 * refused here, so the page falls back to polling rather than failing.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { serverState } from '../pages/consent-state';
import { consultView, message } from '../pages/consult-views';
import { loadPage, waitFor, wxAsync, wxStorage, type PageHandle } from './harness';
import { cloudFunctions, unexpected } from './support/cloud';

const callFunction = cloudFunctions(({ name, action, data }) => {
  const reply = (value: unknown) => ({ ok: true, data: value });
  if (name === 'consult' && action === 'get') return reply(consultView({ lastSeq: 1 }));
  if (name === 'consult' && action === 'listMessages') {
    const items = Number(data.after ?? 0) < 1 ? [message(1, { text: '您好，哪里不舒服？' })] : [];
    return reply({ items, nextAfter: 1, hasMore: false });
  }
  if (name === 'consult' && action === 'sendMessage') {
    return reply(
      message(2, {
        sender: 'patient',
        mine: true,
        clientMsgId: String(data.clientMsgId),
        text: `已收到：${String(data.text)}`,
      }),
    );
  }
  if (name === 'privacy') return reply(serverState());
  return unexpected(`${name}.${action}`);
});

const watch = jest.fn(() => {
  throw new Error('watch unavailable');
});

let page: PageHandle;

beforeAll(async () => {
  const storage = wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION });
  page = await loadPage(
    'subpackages/consult/chat/index',
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
  // 发送 reads the box as last rendered: wait until the typed text is in the page's data.
  await waitFor(() => expect(JSON.stringify(page.instance.data)).toContain('胸口发紧'));
  page.tap('.composer__send');
  await page.waitForText('已收到：胸口发紧');
  const sends = callFunction.mock.calls
    .map(([c]) => c)
    .filter((c) => c.data.action === 'sendMessage');
  expect(sends).toHaveLength(1);
  const sent = sends[0];
  expect(sent?.name).toBe('consult');
  expect(sent?.data.data).toEqual(
    expect.objectContaining({
      consultId: 'c1',
      text: '胸口发紧',
      clientMsgId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    }),
  );
});
