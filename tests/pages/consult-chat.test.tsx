/**
 * The consult chat (CAM, PI, CS, SEC): both sides' messages, sending with resend under the
 * same clientMsgId, risky links as plain text with the warning, live replies without a
 * reload, cancel before acceptance with the refund note, and the closing summary.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { RISKY_LINK_WARNING, SENSITIVE_INFO_NOTICE } from '../../contract/consult/items';
import type { MessageView } from '../../contract/consult';
import ConsultChatPage from '../../src/subpackages/consult/chat';
import { forgetAccount } from './account-fixtures';
import { consultBackend, consultView, Failure, givenLoggedIn, message } from './consult-fixtures';
import { button } from './forms';
import { setRouterParams, taro } from './taro-fake';

/** A stand-in for the browser's EventSource: the test pushes server events by hand. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  readonly listeners = new Map<string, Array<() => void>>();
  onopen: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, fn: () => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  emit(type: string) {
    for (const fn of this.listeners.get(type) ?? []) fn();
  }
  close() {
    this.closed = true;
  }
}

// jsdom lays nothing out, so it has no scrollIntoView (the chat scrolls to its newest message).
beforeAll(() => {
  Element.prototype.scrollIntoView = jest.fn();
});

beforeEach(() => {
  givenLoggedIn();
  setRouterParams({ id: 'c1' });
  FakeEventSource.last = null;
  (globalThis as { EventSource?: unknown }).EventSource = FakeEventSource;
});
afterEach(() => {
  forgetAccount();
  delete (globalThis as { EventSource?: unknown }).EventSource;
});

async function typeMessage(text: string) {
  const area = await waitFor(() => {
    const el = document.querySelector<HTMLTextAreaElement>('textarea[placeholder="输入消息"]');
    if (!el) throw new Error('no input yet');
    return el;
  });
  fireEvent.input(area, { target: { value: text } });
  await waitFor(() => expect(area.value).toBe(text));
}

test('shows both sides, the PI notice above the input, and sends a text', async () => {
  const b = consultBackend({
    'consult.get': () => consultView(),
    'consult.listMessages': () => ({
      items: [
        message(1, { sender: 'patient', mine: true, clientMsgId: 'mine-0001', text: '医生您好' }),
      ],
      nextAfter: 1,
      hasMore: false,
    }),
    'consult.sendMessage': (d) =>
      message(2, {
        sender: 'patient',
        mine: true,
        clientMsgId: String(d.clientMsgId),
        text: String(d.text),
      }),
  });
  render(<ConsultChatPage />);
  expect(await screen.findByText('医生您好')).toBeTruthy();
  expect(screen.getByText('咨询中')).toBeTruthy();
  expect(screen.getByText(SENSITIVE_INFO_NOTICE)).toBeTruthy();

  await typeMessage('请问需要做什么检查？');
  fireEvent.click(button('发送'));
  expect(await screen.findByText('请问需要做什么检查？')).toBeTruthy();
  const [sent] = b.of('sendMessage');
  expect(sent).toMatchObject({ consultId: 'c1', text: '请问需要做什么检查？' });
  expect(String(sent.clientMsgId)).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
});

test('a failed send offers 重发, which reuses the same clientMsgId (no duplicate)', async () => {
  let attempts = 0;
  const b = consultBackend({
    'consult.get': () => consultView(),
    'consult.listMessages': () => ({ items: [], nextAfter: 0, hasMore: false }),
    'consult.sendMessage': (d) => {
      attempts += 1;
      if (attempts === 1) throw new Failure('INTERNAL', '网络异常，请检查网络后重试');
      return message(1, {
        sender: 'patient',
        mine: true,
        clientMsgId: String(d.clientMsgId),
        text: String(d.text),
      });
    },
  });
  render(<ConsultChatPage />);
  await typeMessage('今天又胸闷了');
  fireEvent.click(button('发送'));
  expect(await screen.findByText('网络异常，请检查网络后重试')).toBeTruthy();

  fireEvent.click(screen.getByText('重发'));
  await waitFor(() => expect(screen.queryByText('重发')).toBeNull());
  const [first, second] = b.of('sendMessage');
  expect(second.clientMsgId).toBe(first.clientMsgId);
  expect(screen.getAllByText('今天又胸闷了')).toHaveLength(1);
});

test('a risky link is plain text with the warning; a vetted one can be copied', async () => {
  const text = '请看 http://evil.example.xyz/login 和 https://www.gov.cn/a';
  const risky = text.indexOf('http://');
  const safe = text.indexOf('https://');
  const links: MessageView['links'] = [
    { start: risky, end: risky + 'http://evil.example.xyz/login'.length, safe: false },
    { start: safe, end: text.length, safe: true },
  ];
  consultBackend({
    'consult.get': () => consultView(),
    'consult.listMessages': () => ({
      items: [message(1, { text, links, risky: true })],
      nextAfter: 1,
      hasMore: false,
    }),
  });
  render(<ConsultChatPage />);
  expect(await screen.findByText(RISKY_LINK_WARNING)).toBeTruthy();
  const riskyEl = screen.getByText('http://evil.example.xyz/login');
  expect(riskyEl.closest('a')).toBeNull();
  fireEvent.click(riskyEl);
  expect(taro.setClipboardData).not.toHaveBeenCalled();

  fireEvent.click(screen.getByText('https://www.gov.cn/a'));
  expect(taro.setClipboardData).toHaveBeenCalledWith({ data: 'https://www.gov.cn/a' });
});

test('a reply pushed by the server appears without a reload', async () => {
  let items: MessageView[] = [];
  const b = consultBackend({
    'consult.get': () => consultView(),
    'consult.listMessages': (d) => ({
      items: items.filter((m) => m.seq > Number(d.after ?? 0)),
      nextAfter: items.length,
      hasMore: false,
    }),
  });
  render(<ConsultChatPage />);
  await waitFor(() => expect(FakeEventSource.last?.url).toBe('/api/consult/events?consultId=c1'));
  items = [message(1, { text: '建议做心电图' })];
  act(() => FakeEventSource.last?.emit('message'));
  expect(await screen.findByText('建议做心电图')).toBeTruthy();
  expect(b.of('listMessages').at(-1)).toEqual({ consultId: 'c1', after: 0 });
});

test('waiting: 取消咨询 explains the full refund, then shows the refunded state', async () => {
  const waiting = consultView({ status: 'waiting', acceptedAt: null });
  const b = consultBackend({
    'consult.get': () => waiting,
    'consult.listMessages': () => ({ items: [], nextAfter: 0, hasMore: false }),
    'consult.cancel': () => ({
      ...waiting,
      status: 'refunded',
      refund: { status: 'done', reason: 'cancelled', amount: 3000 },
    }),
  });
  render(<ConsultChatPage />);
  fireEvent.click(button(await screen.findByText('取消咨询').then((el) => el.textContent ?? '')));
  await waitFor(() => expect(b.of('cancel')).toEqual([{ consultId: 'c1' }]));
  expect(taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ content: '医生尚未接诊，取消后 ¥30 将全额原路退回。' }),
  );
  expect(await screen.findByText('已退款 ¥30，将按原路退回')).toBeTruthy();
  expect(screen.queryByPlaceholderText('输入消息')).toBeNull();
});

test('closed: the doctor’s summary is shown and the input is gone', async () => {
  consultBackend({
    'consult.get': () => consultView({ status: 'closed', summary: '考虑心肌缺血，建议门诊就诊' }),
    'consult.listMessages': () => ({ items: [], nextAfter: 0, hasMore: false }),
  });
  render(<ConsultChatPage />);
  expect(await screen.findByText('考虑心肌缺血，建议门诊就诊')).toBeTruthy();
  expect(screen.getByText('已结束')).toBeTruthy();
  expect(document.querySelector('textarea[placeholder="输入消息"]')).toBeNull();
});

test('the doctor sees the contact only as the server gives it, and closes with a summary', async () => {
  const active = consultView({
    role: 'doctor',
    contact: { name: '李雷', phoneMasked: '138****8000' },
  });
  const b = consultBackend({
    'consult.get': () => active,
    'consult.listMessages': () => ({ items: [], nextAfter: 0, hasMore: false }),
    'consult.close': (d) => ({
      ...active,
      status: 'closed',
      summary: String(d.summary),
      contact: null,
    }),
  });
  render(<ConsultChatPage />);
  expect(await screen.findByText('联系人：李雷 · 138****8000')).toBeTruthy();
  fireEvent.click(button('结束咨询'));
  const area = await waitFor(() => {
    const el = document.querySelector<HTMLTextAreaElement>(
      'textarea[placeholder="请填写诊断意见与建议"]',
    );
    if (!el) throw new Error('no summary box');
    return el;
  });
  fireEvent.input(area, { target: { value: '建议门诊复查' } });
  await waitFor(() => expect(area.value).toBe('建议门诊复查'));
  fireEvent.click(button('提交并结束'));
  await waitFor(() =>
    expect(b.of('close')).toEqual([{ consultId: 'c1', summary: '建议门诊复查' }]),
  );
  expect(await screen.findByText('医生总结')).toBeTruthy();
  expect(screen.queryByText(/联系人：/)).toBeNull();
});
