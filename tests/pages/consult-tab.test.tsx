/** 咨询 tab: a way to log in when logged out; my consults with state, last message and unread. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ConsultPage from '../../src/pages/consult';
import { forgetAccount, loggedOut } from './account-fixtures';
import { consultBackend, consultView, givenLoggedIn } from './consult-fixtures';
import { givenConsent } from './consent-fixtures';
import { taro } from './taro-fake';

afterEach(forgetAccount);

function summary(over: Parameters<typeof consultView>[0]) {
  // The list carries summaries: no description, photos or contact.
  const {
    description: _d,
    photos: _p,
    paidAt: _pa,
    acceptedAt: _a,
    endedAt: _e,
    summary: _s,
    cancelReason: _c,
    refund: _r,
    contact: _ct,
    lastSeq: _l,
    ...rest
  } = consultView(over);
  return rest;
}

test('logged out: no list is asked for; 登录 comes back to the tab', async () => {
  givenConsent('agreed');
  const b = consultBackend({ 'user.me': () => loggedOut(true) });
  render(<ConsultPage />);
  fireEvent.click(await screen.findByText('登录 / 注册'));
  expect(taro.navigateTo).toHaveBeenCalledWith({
    url: `/subpackages/account/login/index?redirect=${encodeURIComponent('/pages/consult/index')}`,
  });
  expect(b.of('list')).toEqual([]);
});

test('lists my consults with their state, the last message and the unread count', async () => {
  givenLoggedIn();
  const b = consultBackend({
    'consult.list': () => ({
      items: [
        summary({
          id: 'c1',
          status: 'active',
          unread: 2,
          lastMessage: {
            sender: 'doctor',
            kind: 'text',
            preview: '建议做心电图',
            at: '2024-05-01T09:00:00.000Z',
          },
        }),
        summary({ id: 'c2', status: 'waiting' }),
        summary({ id: 'c3', status: 'refunded' }),
      ],
      nextCursor: null,
    }),
  });
  render(<ConsultPage />);
  expect(await screen.findByText('医生：建议做心电图')).toBeTruthy();
  expect(screen.getByText('咨询中')).toBeTruthy();
  expect(screen.getByText('待接诊')).toBeTruthy();
  expect(screen.getByText('已退款')).toBeTruthy();
  expect(screen.getByLabelText('2 条未读').textContent).toBe('2');
  expect(b.of('list')[0]).toEqual({ as: 'patient' });

  fireEvent.click(screen.getByText('医生：建议做心电图'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/consult/chat/index?id=c1' });
});

test('no consults yet: says so and offers to find a doctor', async () => {
  givenLoggedIn();
  consultBackend({ 'consult.list': () => ({ items: [], nextCursor: null }) });
  render(<ConsultPage />);
  expect(await screen.findByText('还没有咨询记录，去找医生发起图文咨询吧')).toBeTruthy();
  fireEvent.click(screen.getByText('去找医生'));
  await waitFor(() => expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' }));
});
