/**
 * The 视频咨询 call screen's states (CAM, MIC; issue 14): 呼叫中 with 取消呼叫, 对方已挂断 when
 * the other side ends it (live, over the channel), 未接通 once the ring deadline passes, an
 * honest message when the operator has video off, camera and microphone asked only on the
 * 接听 tap (a browser without them: nothing is accepted and text stays the fallback), and a
 * refused camera at the start of the media explained with the way back to text.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CALL_ERROR_REASONS, VIDEO_CONSULT_NOTICE } from '../../contract/call/items';
import { MEDIA_REFUSED } from '../../src/platform/video-call/types';
import CallRoomPage from '../../src/subpackages/call/room';
import { forgetAccount } from './account-fixtures';
import { callView } from './call-views';
import { consultBackend, Failure, givenLoggedIn } from './consult-fixtures';
import { setRouterParams, taro } from './taro-fake';

/** A stand-in for EventSource: the test pushes `call` events by hand. */
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

const status = () => screen.getByTestId('call-status').textContent;

beforeEach(() => {
  givenLoggedIn();
  setRouterParams({ consultId: 'c1', callId: 'v1' });
  FakeEventSource.last = null;
  (globalThis as { EventSource?: unknown }).EventSource = FakeEventSource;
});
afterEach(() => {
  forgetAccount();
  delete (globalThis as { EventSource?: unknown }).EventSource;
  delete (navigator as { mediaDevices?: unknown }).mediaDevices;
});

test('the caller sees 呼叫中 and the notice, and 取消呼叫 hangs up', async () => {
  const b = consultBackend({
    'call.get': () => callView(),
    'call.hangup': () => callView({ state: 'ended', endReason: 'hangup', endedBy: 'patient' }),
  });
  render(<CallRoomPage />);
  await waitFor(() => expect(status()).toBe('呼叫中，等待对方接听…'));
  expect(screen.getByText(VIDEO_CONSULT_NOTICE)).toBeTruthy();
  fireEvent.click(screen.getByText('取消呼叫'));
  await waitFor(() => expect(status()).toBe('通话已结束'));
  expect(b.calls.filter((c) => c.fn === 'call' && c.action === 'hangup')).toHaveLength(1);
  expect(screen.getByText('返回咨询')).toBeTruthy();
});

test('the other side hanging up shows 对方已挂断 live, and a late event cannot revive the call', async () => {
  consultBackend({ 'call.get': () => callView() });
  render(<CallRoomPage />);
  await waitFor(() => expect(status()).toBe('呼叫中，等待对方接听…'));
  const ended = callView({ state: 'ended', endReason: 'hangup', endedBy: 'doctor' });
  act(() => FakeEventSource.last!.emit('call', { type: 'call', consultId: 'c1', call: ended }));
  await waitFor(() => expect(status()).toBe('对方已挂断'));
  act(() =>
    FakeEventSource.last!.emit('call', { type: 'call', consultId: 'c1', call: callView() }),
  );
  expect(status()).toBe('对方已挂断');
});

test('a ring past its deadline is asked again and shows 未接通', async () => {
  let first = true;
  consultBackend({
    'call.get': () => {
      if (first) {
        first = false;
        return callView({ ringDeadline: new Date(Date.now() + 1500).toISOString() });
      }
      return callView({ state: 'ended', endReason: 'unanswered', endedBy: 'system' });
    },
  });
  render(<CallRoomPage />);
  await waitFor(() => expect(status()).toBe('呼叫中，等待对方接听…'));
  await waitFor(() => expect(status()).toBe('未接通'), { timeout: 5000 });
});

test('with video off the screen says so honestly and offers the way back', async () => {
  consultBackend({
    'call.get': () => {
      throw new Failure('FAILED_PRECONDITION', '视频咨询未开通', { reason: 'video_disabled' });
    },
  });
  render(<CallRoomPage />);
  await waitFor(() => expect(status()).toBe(CALL_ERROR_REASONS.video_disabled));
  expect(screen.getByText('返回咨询')).toBeTruthy();
});

test('接听 asks for the camera on the tap; without one nothing is accepted and text stays', async () => {
  const b = consultBackend({
    'call.get': () => callView({ role: 'doctor', caller: 'patient' }),
    'call.accept': () => callView({ role: 'doctor', state: 'connected' }),
  });
  render(<CallRoomPage />);
  await waitFor(() => expect(status()).toBe('对方邀请您进行视频咨询'));
  fireEvent.click(screen.getByText('接听'));
  await waitFor(() =>
    expect(taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '未开启摄像头或麦克风，可继续图文沟通' }),
    ),
  );
  expect(b.calls.filter((c) => c.action === 'accept')).toEqual([]);
});

test('a camera refused when the media starts is explained, with text as the fallback', async () => {
  const getUserMedia = jest.fn(() =>
    Promise.reject(Object.assign(new Error('denied'), { name: 'NotAllowedError' })),
  );
  Object.defineProperty(navigator, 'mediaDevices', {
    value: { getUserMedia },
    configurable: true,
  });
  consultBackend({
    'call.get': () =>
      callView({ state: 'connected', answeredAt: new Date().toISOString(), ringDeadline: null }),
  });
  render(<CallRoomPage />);
  expect(await screen.findByText(MEDIA_REFUSED)).toBeTruthy();
  expect(getUserMedia).toHaveBeenCalledWith(expect.objectContaining({ audio: true }));
  expect(screen.getByText('挂断')).toBeTruthy();
});
