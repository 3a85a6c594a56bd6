/**
 * WebRTC signalling through `call.signal` (issue 14): each payload kind has its own schema
 * (SDP whose lines end in CRLF, ICE candidates), sizes are limited, bad input is
 * INVALID_ARGUMENT with its path and changes nothing, and a valid signal reaches the other
 * participant only, numbered per side.
 */
import { SDP_MAX_BYTES, SIGNALS_PER_CALL_MAX } from '../../../contract/call/items';
import { iceCandidateSchema, sdpSchema } from '../../../contract/call/signals';
import { CALLS } from '../../../backend/collections';
import type { CallView } from '../../../contract/call/views';
import {
  alice,
  CANDIDATE,
  callWorldEachTest,
  drWang,
  expectError,
  expectOk,
  recordingSigApi,
  SDP,
  startCall,
  trtcRooms,
  type CallEnv,
} from './support';

let env: CallEnv;
let call: CallView;
callWorldEachTest((e) => (env = e));
beforeEach(async () => {
  call = await startCall(env);
  expectOk(await env.callApi('accept', { callId: call.id }, drWang));
});

const signals = (openid: string) =>
  (env.events.get(openid) ?? []).flatMap((e) => (e.type === 'signal' ? [e] : []));
const send = (kind: string, payload: unknown, who = alice) =>
  env.callApi('signal', { callId: call.id, kind, payload }, who);

it('offer, answer and candidates reach the other side only, in order, unchanged', async () => {
  expect(expectOk(await send('offer', { sdp: SDP }))).toEqual({ callId: call.id, seq: 1 });
  expectOk(await send('candidate', CANDIDATE));
  expectOk(await send('candidate', { candidate: '', sdpMid: '0', sdpMLineIndex: 0 }));
  expect(expectOk(await send('answer', { sdp: SDP }, drWang))).toEqual({ callId: call.id, seq: 1 });
  expect(signals(drWang.openid).map((s) => [s.from, s.seq, s.kind])).toEqual([
    ['patient', 1, 'offer'],
    ['patient', 2, 'candidate'],
    ['patient', 3, 'candidate'],
  ]);
  expect(signals(drWang.openid)[0]).toEqual({
    type: 'signal',
    consultId: env.aliceConsult,
    callId: call.id,
    from: 'patient',
    seq: 1,
    kind: 'offer',
    payload: { sdp: SDP },
  });
  expect(signals(drWang.openid)[1].payload).toEqual(CANDIDATE);
  expect(signals(alice.openid).map((s) => [s.from, s.kind])).toEqual([['doctor', 'answer']]);
});

const lfOnly = SDP.replace(/\r\n/g, '\n');
const bad: Array<[string, string, unknown, string]> = [
  ['LF line ends', 'offer', { sdp: lfOnly }, 'data.payload.sdp'],
  ['a last line without CRLF', 'offer', { sdp: SDP.slice(0, -2) }, 'data.payload.sdp'],
  ['a bare CR inside', 'answer', { sdp: SDP.replace('s=-', 's=-\rx') }, 'data.payload.sdp'],
  ['no v=0 first', 'offer', { sdp: SDP.replace('v=0', 'v=1') }, 'data.payload.sdp'],
  ['an empty line', 'offer', { sdp: `${SDP}\r\n` }, 'data.payload.sdp'],
  ['non-ASCII', 'offer', { sdp: SDP.replace('s=-', 's=会话') }, 'data.payload.sdp'],
  [
    'an SDP over the size limit',
    'offer',
    { sdp: `${SDP}${'a=x-pad:0000000000000000000000000000\r\n'.repeat(SDP_MAX_BYTES / 36)}` },
    'data.payload.sdp',
  ],
  ['an extra field', 'offer', { sdp: SDP, type: 'offer' }, 'data.payload.type'],
  ['an SDP as a candidate', 'candidate', { sdp: SDP }, 'data.payload.candidate'],
  [
    'a malformed candidate',
    'candidate',
    { ...CANDIDATE, candidate: 'hello' },
    'data.payload.candidate',
  ],
  [
    'a huge candidate',
    'candidate',
    { ...CANDIDATE, candidate: `${CANDIDATE.candidate} ${'x'.repeat(1100)}` },
    'data.payload.candidate',
  ],
  [
    'an m-line index out of range',
    'candidate',
    { ...CANDIDATE, sdpMLineIndex: 99 },
    'data.payload.sdpMLineIndex',
  ],
  ['an unknown kind', 'bye', { sdp: SDP }, 'data.kind'],
  ['a string payload', 'offer', SDP, 'data.payload'],
];

it.each(bad)(
  'refuses %s: INVALID_ARGUMENT, nothing relayed or counted',
  async (_name, kind, payload, path) => {
    const before = await env.store.get(CALLS.name, call.id);
    const error = expectError(await send(kind, payload), 'INVALID_ARGUMENT');
    expect(error.details?.issues?.map((i) => i.path)).toContain(path);
    expect(signals(drWang.openid)).toEqual([]);
    expect(await env.store.get(CALLS.name, call.id)).toEqual(before);
  },
);

it('the schemas accept what browsers produce and nothing longer than the limits', () => {
  expect(sdpSchema.safeParse(SDP).success).toBe(true);
  const atLimit = `${SDP}a=x:${'0'.repeat(SDP_MAX_BYTES - SDP.length - 6)}\r\n`;
  expect(new TextEncoder().encode(atLimit).length).toBe(SDP_MAX_BYTES);
  expect(sdpSchema.safeParse(atLimit).success).toBe(true);
  expect(sdpSchema.safeParse(`${atLimit.slice(0, -2)}0\r\n`).success).toBe(false);
  expect(iceCandidateSchema.safeParse({ ...CANDIDATE, usernameFragment: null }).success).toBe(true);
});

it('a call caps its signals (RATE_LIMITED), and signals stop once the call ended', async () => {
  await env.store.update(CALLS.name, call.id, {
    set: { signalsByPatient: SIGNALS_PER_CALL_MAX - 1 },
  });
  expectOk(await send('candidate', CANDIDATE));
  expectError(await send('candidate', CANDIDATE), 'RATE_LIMITED', { reason: 'too_many_signals' });
  expectOk(await env.callApi('hangup', { callId: call.id }, drWang));
  expectError(await send('answer', { sdp: SDP }, drWang), 'FAILED_PRECONDITION', {
    reason: 'wrong_call_state',
    state: 'ended',
  });
});

it('on TRTC (WeChat) there is nothing to relay: signal_unavailable', async () => {
  env.rooms.current = trtcRooms(recordingSigApi());
  expectError(await send('offer', { sdp: SDP }), 'FAILED_PRECONDITION', {
    reason: 'signal_unavailable',
  });
});
