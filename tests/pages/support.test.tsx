/**
 * 我的 → 客服与反馈 (CS, SEC; PIPL art. 50): the FAQ for everyone, new ticket and my tickets
 * behind a login, WeChat's own 客服 only on WeChat, the open questionnaires; 新建工单 with
 * the privacy request kinds and the answer time said before sending.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SENSITIVE_INFO_NOTICE } from '../../contract/consult/items';
import SupportCreatePage from '../../src/subpackages/support/create';
import SupportHomePage from '../../src/subpackages/support/home';
import SupportTicketsPage from '../../src/subpackages/support/tickets';
import { FAQ } from '../../src/subpackages/support/faq';
import { forgetAccount } from './account-fixtures';
import { givenConsent } from './consent-fixtures';
import { consultBackend, Failure, givenLoggedIn } from './consult-fixtures';
import { button, isDisabled } from './forms';
import { TICKET_ID, ticketMessage, ticketView, withMessages } from './support-fixtures';
import { fire, taro } from './taro-fake';

beforeEach(() => forgetAccount());

test('the FAQ opens for anyone; tickets ask for a login first; no WeChat 客服 button in a browser', async () => {
  givenConsent('declined');
  const b = consultBackend({});
  render(<SupportHomePage />);
  await act(() => fire('componentDidShow'));
  const [first] = FAQ;
  expect(screen.queryByText(first.answer)).toBeNull();
  fireEvent.click(screen.getByText(first.question));
  expect(screen.getByText(first.answer)).toBeTruthy();
  expect(screen.queryByText('微信在线客服')).toBeNull();
  fireEvent.click(button('新建工单'));
  await waitFor(() =>
    expect(taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/subpackages/account/login/index?redirect=%2Fsubpackages%2Fsupport%2Fcreate%2Findex',
    }),
  );
  // Browse-only: nothing was asked of the server.
  expect(b.calls).toEqual([]);
});

test('logged in: 我的工单 opens, and an unanswered questionnaire is offered', async () => {
  givenLoggedIn();
  consultBackend({
    'survey.listOpen': () => ({
      items: [
        {
          id: 'experience-2026',
          title: '使用体验问卷',
          purpose: '改进服务',
          questionCount: 4,
          answered: false,
          closesAt: null,
        },
        {
          id: 'old-one',
          title: '已答过的问卷',
          purpose: '改进服务',
          questionCount: 2,
          answered: true,
          closesAt: null,
        },
      ],
    }),
  });
  render(<SupportHomePage />);
  await act(() => fire('componentDidShow'));
  fireEvent.click(await screen.findByText('使用体验问卷'));
  expect(taro.navigateTo).toHaveBeenLastCalledWith({
    url: '/subpackages/support/survey/index?id=experience-2026',
  });
  expect(screen.queryByText('已答过的问卷')).toBeNull();
  fireEvent.click(button('我的工单'));
  await waitFor(() =>
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/support/tickets/index' }),
  );
});

async function write(text: string) {
  const area = await waitFor(() => {
    const el = document.querySelector('textarea');
    if (!el) throw new Error('no textarea yet');
    return el;
  });
  fireEvent.input(area, { target: { value: text } });
  await waitFor(() => expect(area.value).toBe(text));
}

test('新建工单: a privacy request says which one and its 15 working days; sent as typed', async () => {
  givenLoggedIn();
  const b = consultBackend({
    'support.createTicket': (data) =>
      withMessages(
        ticketView({ category: '个人信息与隐私', privacyKind: 'deletion' }),
        ticketMessage(1, 'patient', String(data.text)),
      ),
  });
  render(<SupportCreatePage />);
  expect(screen.getByText(SENSITIVE_INFO_NOTICE)).toBeTruthy();
  fireEvent.click(screen.getByText('个人信息与隐私'));
  expect(screen.getByText('预计 15 个工作日内答复。')).toBeTruthy();
  await write('请删除我的咨询记录');
  expect(isDisabled(button('提交工单'))).toBe(true);
  fireEvent.click(screen.getByText('删除我的个人信息'));
  await waitFor(() => expect(isDisabled(button('提交工单'))).toBe(false));
  fireEvent.click(button('提交工单'));
  await waitFor(() =>
    expect(taro.redirectTo).toHaveBeenCalledWith({
      url: `/subpackages/support/ticket/index?id=${TICKET_ID}`,
    }),
  );
  expect(b.calls.filter((c) => c.fn === 'support').map((c) => c.data)).toEqual([
    { category: '个人信息与隐私', privacyKind: 'deletion', text: '请删除我的咨询记录' },
  ]);
});

test('新建工单: a leak report says it is acknowledged at once; a refusal is shown, the words kept', async () => {
  givenLoggedIn();
  consultBackend({
    'support.createTicket': () => {
      throw new Failure('RATE_LIMITED', '提交工单过于频繁，请稍后再试', {
        limit: 'support_hourly',
      });
    },
  });
  render(<SupportCreatePage />);
  fireEvent.click(screen.getByText('个人信息泄露举报'));
  expect(screen.getByText(/立即确认收到/)).toBeTruthy();
  await write('手机号泄露');
  fireEvent.click(button('提交工单'));
  expect(await screen.findByText('提交工单过于频繁，请稍后再试')).toBeTruthy();
  expect(document.querySelector('textarea')?.value).toBe('手机号泄露');
  expect(taro.redirectTo).not.toHaveBeenCalled();
});

test('我的工单: status, summary and the due date of each; a tap opens it', async () => {
  givenLoggedIn();
  consultBackend({
    'support.listTickets': () => ({
      items: [
        ticketView({ category: '个人信息泄露举报', summary: '手机号泄露', dueDate: '2026-12-01' }),
        ticketView({ id: 't' + 'b'.repeat(24), status: 'closed', summary: '头像问题' }),
      ],
      next: null,
    }),
  });
  render(<SupportTicketsPage />);
  expect(await screen.findByText('手机号泄露')).toBeTruthy();
  expect(screen.getByText(/预计 2026-12-01 前答复/)).toBeTruthy();
  expect(screen.getByText('使用问题 · 已关闭')).toBeTruthy();
  fireEvent.click(screen.getByText('手机号泄露'));
  expect(taro.navigateTo).toHaveBeenLastCalledWith({
    url: `/subpackages/support/ticket/index?id=${TICKET_ID}`,
  });
});

test('opened from a link (no session loaded yet): who is logged in is asked first, then the questionnaire offered', async () => {
  givenConsent('agreed');
  const b = consultBackend({
    'survey.listOpen': () => ({
      items: [
        {
          id: 'experience-2026',
          title: '使用体验问卷',
          purpose: '改进服务',
          questionCount: 4,
          answered: false,
          closesAt: null,
        },
      ],
    }),
  });
  render(<SupportHomePage />);
  await act(() => fire('componentDidShow'));
  expect(await screen.findByText('使用体验问卷')).toBeTruthy();
  expect(b.calls.map((c) => `${c.fn}.${c.action}`)).toEqual(['user.me', 'survey.listOpen']);
});
