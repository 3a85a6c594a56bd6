/**
 * 工单详情 and 问卷 (CS, SEC): the conversation with its due date, 客服's answer arriving
 * without a reload (polled while the page is shown), reply, close, rate once; a
 * questionnaire's purpose before its first question, required ones enforced, one answer.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { TicketWithMessages } from '../../contract/support';
import SupportTicketPage from '../../src/subpackages/support/ticket';
import SurveyPage from '../../src/subpackages/support/survey';
import { forgetAccount } from './account-fixtures';
import { consultBackend, Failure, givenLoggedIn } from './consult-fixtures';
import { button, isDisabled } from './forms';
import { TICKET_ID, surveyView, ticketMessage, ticketView, withMessages } from './support-fixtures';
import { fire, setRouterParams, taro } from './taro-fake';

beforeEach(() => {
  forgetAccount();
  givenLoggedIn();
});
afterEach(() => jest.useRealTimers());

const LEAK = withMessages(
  ticketView({ category: '个人信息泄露举报', priority: 0, dueDate: '2026-12-01' }),
  ticketMessage(1, 'patient', '手机号被泄露了'),
  ticketMessage(2, 'system', '我们已收到您的个人信息泄露举报'),
);

test('the conversation and due date; 客服’s reply shows up on its own while the page is open', async () => {
  jest.useFakeTimers({ advanceTimers: true });
  setRouterParams({ id: TICKET_ID });
  let answer: TicketWithMessages = LEAK;
  const b = consultBackend({ 'support.getTicket': () => answer });
  render(<SupportTicketPage />);
  expect(await screen.findByText('手机号被泄露了')).toBeTruthy();
  expect(screen.getByText('我们已收到您的个人信息泄露举报')).toBeTruthy();
  expect(screen.getByText('预计 2026-12-01 前答复（按法定工作日计算）')).toBeTruthy();
  answer = withMessages(
    { ...LEAK.ticket, status: 'answered' },
    ...LEAK.messages,
    ticketMessage(3, 'support', '已为您核查，请修改密码'),
  );
  await act(async () => {
    jest.advanceTimersByTime(15_000);
  });
  expect(await screen.findByText('已为您核查，请修改密码')).toBeTruthy();
  expect(screen.getByText('个人信息泄露举报 · 客服已回复')).toBeTruthy();
  // Hidden: no more asking.
  const asked = b.calls.length;
  await act(() => fire('componentDidHide'));
  await act(async () => {
    jest.advanceTimersByTime(60_000);
  });
  expect(b.calls.length).toBe(asked);
});

test('reply, then close after confirming; a closed ticket is rated once and shows the rating', async () => {
  setRouterParams({ id: TICKET_ID });
  const open = withMessages(ticketView(), ticketMessage(1, 'patient', '怎么修改头像？'));
  let current = open;
  const b = consultBackend({
    'support.getTicket': () => current,
    'support.reply': (data) => {
      current = withMessages(
        open.ticket,
        ...open.messages,
        ticketMessage(2, 'patient', String(data.text)),
      );
      return current;
    },
    'support.close': () => {
      current = withMessages(
        { ...current.ticket, status: 'closed', closedAt: '2026-11-30T09:00:00.000Z' },
        ...current.messages,
      );
      return current;
    },
    'support.rate': (data) => {
      current = withMessages(
        { ...current.ticket, rating: { score: Number(data.score), comment: '' } },
        ...current.messages,
      );
      return current;
    },
  });
  render(<SupportTicketPage />);
  await screen.findByText('怎么修改头像？');
  // Taro's Textarea renders its <textarea> a tick after the page: wait for it.
  const area = await waitFor(() => {
    const found = document.querySelector('textarea');
    if (!found) throw new Error('no textarea yet');
    return found;
  });
  fireEvent.input(area, { target: { value: '找不到入口' } });
  await waitFor(() => expect(area.value).toBe('找不到入口'));
  fireEvent.click(button('发送'));
  expect(await screen.findByText('找不到入口')).toBeTruthy();
  fireEvent.click(button('问题已解决，关闭工单'));
  expect(await screen.findByText('为本次服务评分')).toBeTruthy();
  expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '关闭工单' }));
  expect(isDisabled(button('提交评价'))).toBe(true);
  fireEvent.click(screen.getByText('5 分'));
  await waitFor(() => expect(isDisabled(button('提交评价'))).toBe(false));
  fireEvent.click(button('提交评价'));
  expect(await screen.findByText('您的评价：5 分')).toBeTruthy();
  expect(
    b.calls
      .filter((c) => c.fn === 'support' && c.action !== 'getTicket')
      .map((c) => [c.action, c.data]),
  ).toEqual([
    ['reply', { ticketId: TICKET_ID, text: '找不到入口' }],
    ['close', { ticketId: TICKET_ID }],
    ['rate', { ticketId: TICKET_ID, score: 5 }],
  ]);
});

test('another account’s ticket (or none) says so, with a retry', async () => {
  setRouterParams({ id: TICKET_ID });
  consultBackend({
    'support.getTicket': () => {
      throw new Failure('NOT_FOUND', '工单不存在');
    },
  });
  render(<SupportTicketPage />);
  expect(await screen.findByText(/工单不存在/)).toBeTruthy();
});

test('问卷: the purpose comes first; questions only after 开始填写; required ones enforced; answers sent', async () => {
  setRouterParams({ id: 'experience-2026' });
  const b = consultBackend({
    'survey.get': () => surveyView(),
    'survey.submit': () => ({
      surveyId: 'experience-2026',
      submittedAt: '2026-11-30T08:00:00.000Z',
    }),
  });
  render(<SurveyPage />);
  expect(await screen.findByText('为了改进服务，回答完全自愿。')).toBeTruthy();
  expect(screen.queryByText(/总体满意度/)).toBeNull();
  expect(screen.getByText('暂不参与')).toBeTruthy();
  fireEvent.click(button('开始填写'));
  expect(screen.getByText('总体满意度（必答）')).toBeTruthy();
  expect(isDisabled(button('还有 1 道必答题'))).toBe(true);
  fireEvent.click(screen.getByText('4 分'));
  fireEvent.click(screen.getByText('图文咨询'));
  await waitFor(() => expect(isDisabled(button('提交'))).toBe(false));
  fireEvent.click(button('提交'));
  expect(await screen.findByText('感谢您的参与，您已提交过该问卷。')).toBeTruthy();
  expect(b.calls.filter((c) => c.action === 'submit').map((c) => c.data)).toEqual([
    {
      surveyId: 'experience-2026',
      answers: [
        { questionId: 'overall', value: 4 },
        { questionId: 'used', value: ['consult'] },
      ],
    },
  ]);
});

test('问卷 already answered says so and offers no questions', async () => {
  setRouterParams({ id: 'experience-2026' });
  consultBackend({ 'survey.get': () => surveyView({ answered: true }) });
  render(<SurveyPage />);
  expect(await screen.findByText('感谢您的参与，您已提交过该问卷。')).toBeTruthy();
  expect(screen.queryByText('开始填写')).toBeNull();
});
