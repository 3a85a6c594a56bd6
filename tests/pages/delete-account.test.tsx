/**
 * DEL: 注销账号 shows the policy's four consequences verbatim and what will be lost; the
 * confirmation starts unticked and nothing is deleted until it is ticked and the user is
 * re-verified (a code to the bound phone, or typing 注销); then the deletion is followed
 * to the end and the app forgets the login.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DELETION_CONSEQUENCES } from '../../contract/account';
import type { DeletionStatus } from '../../contract/account';
import { account, refreshAccount } from '../../src/session/session';
import DeleteAccountPage from '../../src/subpackages/account/delete-account';
import type { DeletionPreview } from '../../src/services/account';
import { forgetAccount, loggedIn, loggedOut } from './account-fixtures';
import { givenConsent, storedConsent } from './consent-fixtures';
import { storage } from './taro-fake';
import { DEVICE_ID_KEY } from '../../src/session/device';
import { getConsent, hasConsent } from '../../src/privacy/consent';
import { fail, installBackend } from './fake-backend';
import type { OtherHandlers } from './fake-backend';
import { button, isDisabled, type } from './forms';

beforeEach(() => {
  forgetAccount();
  givenConsent('agreed');
});

function preview(over: Partial<DeletionPreview> = {}): DeletionPreview {
  return {
    counts: {
      consultations: 3,
      messages: 41,
      appointments: 0,
      records: 0,
      patients: 0,
      files: 7,
      forfeitedOrders: 2,
    },
    consequences: [...DELETION_CONSEQUENCES],
    verification: 'sms',
    phoneMasked: '138****8000',
    deletion: 'none',
    ...over,
  };
}

const running = (stepsDone: number): DeletionStatus => ({
  state: 'running',
  progress: { stepsDone, stepsTotal: 3 },
});
const done: DeletionStatus = {
  state: 'done',
  progress: { stepsDone: 3, stepsTotal: 3 },
  receipt: {
    id: 'DEL-7f3a9c',
    startedAt: '2026-11-30T05:00:00.000Z',
    finishedAt: '2026-11-30T05:00:02.000Z',
    counts: preview().counts,
    rows: { deleted: 52, anonymised: 3 },
  },
};

/** A back end whose deletion takes three deletionStatus calls once started. */
function backend(over: Partial<DeletionPreview> = {}, extra: OtherHandlers = {}) {
  let started = false;
  let polls = 0;
  return installBackend(
    {},
    {
      'user.me': () => (started ? loggedOut() : loggedIn()),
      'user.sendCode': () => ({ expiresInSeconds: 300, resendAfterSeconds: 60 }),
      'account.deletionPreview': () => preview(over),
      'account.delete': () => {
        started = true;
        return running(1);
      },
      'account.deletionStatus': () => (++polls >= 2 ? done : running(1 + polls)),
      ...extra,
    },
  );
}

const accountCalls = (b: ReturnType<typeof installBackend>, action: string) =>
  b.callsTo('account').filter((c) => c.action === action);

const tick = () => fireEvent.click(screen.getByRole('checkbox'));

test('the four consequences as the policy words them, and what will be lost', async () => {
  backend();
  render(<DeleteAccountPage />);
  for (const line of DELETION_CONSEQUENCES) expect(await screen.findByText(line)).toBeTruthy();
  const losses = document.querySelector('.delete-account__losses')!.textContent!;
  expect(losses).toContain('咨询记录3');
  expect(losses).toContain('与医生的交流消息41');
  expect(losses).toContain('上传的图片和文件7');
  expect(losses).toContain('将放弃退款权益的订单2');
});

test('the confirmation starts unticked and blocks 确认注销', async () => {
  const b = backend();
  render(<DeleteAccountPage />);
  await screen.findByText('确认注销');
  expect(screen.getByRole('checkbox').getAttribute('aria-checked')).toBe('false');
  expect(isDisabled(button('确认注销'))).toBe(true);
  await type('6 位验证码', '123456');
  fireEvent.click(button('确认注销'));
  tick();
  await waitFor(() => expect(isDisabled(button('确认注销'))).toBe(false));
  // Positive signal that the unticked click had its chance: ticked, the same click is sent.
  // Had the unticked one gone out, it would be recorded before this one.
  fireEvent.click(button('确认注销'));
  await waitFor(() => expect(accountCalls(b, 'delete').length).toBeGreaterThan(0));
  expect(accountCalls(b, 'delete').map((c) => c.data)).toEqual([{ confirm: true, code: '123456' }]);
});

test('a wrong code says how many tries are left and deletes nothing', async () => {
  const b = backend(
    {},
    {
      'account.delete': () =>
        fail('INVALID_ARGUMENT', '验证码错误', { reason: 'code_mismatch', attemptsLeft: 4 }),
    },
  );
  account.set(loggedIn());
  render(<DeleteAccountPage />);
  await screen.findByText('获取验证码');
  fireEvent.click(button('获取验证码'));
  expect(await screen.findByText(/验证码已发送至 138\*\*\*\*8000/)).toBeTruthy();
  expect(b.callsTo('user').filter((c) => c.action === 'sendCode')[0].data).toEqual({
    purpose: 'verify',
  });
  await type('6 位验证码', '000000');
  tick();
  fireEvent.click(button('确认注销'));
  expect(await screen.findByText('验证码错误，还可尝试 4 次')).toBeTruthy();
  expect(accountCalls(b, 'delete').map((c) => c.data)).toEqual([{ confirm: true, code: '000000' }]);
  expect(accountCalls(b, 'deletionStatus')).toEqual([]);
  expect(screen.queryByText('账号已注销')).toBeNull();
  expect(account.get()).toEqual(loggedIn());
});

test('without a bound phone: type 注销; progress is followed to done and the login forgotten', async () => {
  const b = backend({ verification: 'typed', phoneMasked: null });
  render(<DeleteAccountPage />);
  await screen.findByText('确认注销');
  expect(screen.queryByText('获取验证码')).toBeNull();
  tick();
  await type('请输入“注销”', '注');
  fireEvent.click(button('确认注销'));
  expect(await screen.findByText('请输入“注销”确认')).toBeTruthy();
  expect(accountCalls(b, 'delete')).toEqual([]);

  await type('请输入“注销”', '注销');
  fireEvent.click(button('确认注销'));
  expect(await screen.findByText('正在注销账号…')).toBeTruthy();
  expect(await screen.findByText('账号已注销', {}, { timeout: 3000 })).toBeTruthy();
  expect(accountCalls(b, 'delete').map((c) => c.data)).toEqual([{ confirm: true, typed: '注销' }]);
  expect(accountCalls(b, 'deletionStatus')).toHaveLength(2);
  expect(screen.getByText(/DEL-7f3a9c/)).toBeTruthy();
  expect(account.get()).toBeNull();
});

test('afterwards the device forgets the login, the privacy decision and its device id', async () => {
  givenConsent('agreed', { items: { device: true } });
  storage.set(DEVICE_ID_KEY, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
  expect(hasConsent('device')).toBe(true);
  const b = backend({ verification: 'typed', phoneMasked: null });
  account.set(loggedIn());
  render(<DeleteAccountPage />);
  await screen.findByText('确认注销');
  tick();
  await type('请输入“注销”', '注销');
  fireEvent.click(button('确认注销'));
  expect(await screen.findByText('账号已注销', {}, { timeout: 3000 })).toBeTruthy();
  expect(screen.getByText(/再次使用时将重新征求您的同意/)).toBeTruthy();

  expect(account.get()).toBeNull();
  expect(storedConsent()).toBeUndefined();
  expect(getConsent().status).toBe('undecided');
  expect(hasConsent('device')).toBe(false);
  expect(storage.has(DEVICE_ID_KEY)).toBe(false);
  // The receipt stays readable: the policy is asked on the next page, not over it.
  expect(screen.queryByText('同意')).toBeNull();
  // Undecided: the app asks the server nothing more about the old account.
  const meCalls = b.callsTo('user').filter((c) => c.action === 'me').length;
  // Positive signal: the deletion has been followed to its end (the receipt above, with
  // the two status polls the back end needs), and the app's own account refresh, asked
  // now, answers without asking the server.
  expect(accountCalls(b, 'deletionStatus')).toHaveLength(2);
  await expect(refreshAccount()).resolves.toBeNull();
  expect(b.callsTo('user').filter((c) => c.action === 'me')).toHaveLength(meCalls);
});

test('opened while a deletion runs: no form, it is followed to done', async () => {
  const b = backend({ deletion: 'running' });
  render(<DeleteAccountPage />);
  expect(await screen.findByText('账号已注销', {}, { timeout: 3000 })).toBeTruthy();
  expect(screen.queryByText('确认注销')).toBeNull();
  expect(accountCalls(b, 'delete')).toEqual([]);
});
