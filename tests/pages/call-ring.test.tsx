/**
 * The workbench rings for an incoming 视频咨询 while it is open (issue 14): a `call` event
 * for a call the patient started shows 视频来电 with 接听 / 拒绝; 拒绝 declines it on the
 * server; a call that ends elsewhere stops ringing; a call the doctor started does not ring.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import WorkbenchPage from '../../src/subpackages/workbench/home';
import { forgetAccount } from './account-fixtures';
import { callView } from './call-views';
import { consultBackend, givenLoggedIn } from './consult-fixtures';

class FakeEventSource {
  static last: FakeEventSource | null = null;
  readonly listeners = new Map<string, Array<(e: { data: string }) => void>>();
  onopen: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, fn: (e: { data: string }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  emit(type: string, data: unknown) {
    for (const fn of this.listeners.get(type) ?? []) fn({ data: JSON.stringify(data) });
  }
  close() {}
}

const card = {
  id: 'd1',
  name: '王建国',
  title: '主任医师' as const,
  department: '心内科',
  hospitalName: '复旦大学附属中山医院',
  consultPrice: 3000,
};
const ringing = callView({ role: 'doctor', caller: 'patient' });
const push = (call: unknown) =>
  act(() => FakeEventSource.last!.emit('call', { type: 'call', consultId: 'c1', call }));

beforeEach(() => {
  givenLoggedIn();
  FakeEventSource.last = null;
  (globalThis as { EventSource?: unknown }).EventSource = FakeEventSource;
});
afterEach(() => {
  forgetAccount();
  delete (globalThis as { EventSource?: unknown }).EventSource;
});

async function openWorkbench(extra: Record<string, (d: Record<string, unknown>) => unknown> = {}) {
  const b = consultBackend({
    'consult.workbench': () => ({ doctor: card, waiting: 0, active: 1 }),
    'consult.list': () => ({ items: [], nextCursor: null }),
    ...extra,
  });
  render(<WorkbenchPage />);
  expect(await screen.findByText('查看待接诊（0）')).toBeTruthy();
  await waitFor(() => expect(FakeEventSource.last).not.toBeNull());
  return b;
}

test('an incoming call rings with 接听 and 拒绝; 拒绝 declines it on the server', async () => {
  const b = await openWorkbench({
    'call.decline': () => ({
      ...ringing,
      state: 'ended',
      endReason: 'declined',
      endedBy: 'doctor',
    }),
  });
  expect(screen.queryByTestId('ring-banner')).toBeNull();
  push(ringing);
  expect(await screen.findByText('患者邀请您进行视频咨询')).toBeTruthy();
  expect(screen.getByText('接听')).toBeTruthy();
  fireEvent.click(screen.getByText('拒绝'));
  await waitFor(() =>
    expect(b.calls.filter((c) => c.fn === 'call')).toEqual([
      { fn: 'call', action: 'decline', data: { callId: 'v1' } },
    ]),
  );
});

test('a call that ends elsewhere stops ringing; one the doctor started never rings here', async () => {
  await openWorkbench();
  push(ringing);
  expect(await screen.findByTestId('ring-banner')).toBeTruthy();
  push({ ...ringing, state: 'ended', endReason: 'unanswered', endedBy: 'system' });
  await waitFor(() => expect(screen.queryByTestId('ring-banner')).toBeNull());
  push(callView({ id: 'v2', role: 'doctor', caller: 'doctor' }));
  expect(screen.queryByTestId('ring-banner')).toBeNull();
});
