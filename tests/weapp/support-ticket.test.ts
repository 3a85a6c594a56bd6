/**
 * The built 工单详情 page (subpackages/support/ticket, CS/SEC) on the real `support` handler
 * over the CloudBase emulator: a leak report shows its automatic acknowledgement and due
 * date; a reply is stored; closing (after the confirm) and rating land on the ticket.
 */
import { SUPPORT_TICKETS } from '../../backend/collections';
import type { TicketDoc } from '../../backend/support/model';
import { LEAK_ACKNOWLEDGEMENT } from '../../contract/support/items';
import type { TicketWithMessages } from '../../contract/support';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { loadPage, waitFor, wxAsync, wxStorage, type PageHandle } from './harness';
import { registerOnBackend } from './support/account';
import { weappBackend } from './support/backend';

jest.setTimeout(20_000);
const backend = weappBackend();
const showModal = wxAsync(() => ({ ok: { confirm: true, cancel: false } }));
let page: PageHandle;
let ticketId: string;

beforeAll(async () => {
  await registerOnBackend(backend);
  const made = (await backend.call('support', 'createTicket', {
    category: '个人信息泄露举报',
    text: '我的手机号被泄露了',
  })) as TicketWithMessages;
  ticketId = made.ticket.id;
  page = await loadPage(
    'subpackages/support/ticket/index',
    {
      ...wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION }).apis,
      cloud: { init: jest.fn(), callFunction: backend.callFunction },
      showModal,
    },
    { id: ticketId },
  );
});

afterAll(() => backend.env.close());

const stored = () => backend.env.store.get<TicketDoc>(SUPPORT_TICKETS.name, ticketId);

test('the leak report shows its acknowledgement and the next working day', async () => {
  await page.waitForText('我的手机号被泄露了', LEAK_ACKNOWLEDGEMENT, '预计 2026-12-01 前答复');
});

test('a reply is stored; closing after the confirm, then a rating', async () => {
  page.dispatch('.support-textarea', 'input', { value: '是在注册后第二天开始的' });
  page.tapText('.btn', '发送');
  await page.waitForText('是在注册后第二天开始的');
  expect((await stored())?.messageCount).toBe(3);
  page.tapText('.btn', '问题已解决，关闭工单');
  await page.waitForText('为本次服务评分');
  expect(showModal).toHaveBeenCalled();
  page.tapText('.support-choice', '5 分');
  // The chosen score is rendered before 提交评价 is tapped (its handler reads that render).
  await waitFor(() =>
    expect(page.dom().querySelector('.main--support-choice--on')?.textContent).toBe('5 分'),
  );
  page.tapText('.btn', '提交评价');
  await page.waitForText('您的评价：5 分');
  expect(await stored()).toMatchObject({ status: 'closed', rated: true, rating: { score: 5 } });
});
