/**
 * 视频咨询 calls (issue 14; CAM, MIC): ring, answer, limits, the 60 s 未接通 (on read and by
 * the sweep), one live call per consult, repeated calls, and the consult's call timeline.
 */
import { runCallSweep } from '../../../backend/call';
import { ACTIVE_CALLS, CALLS } from '../../../backend/collections';
import type { CallView } from '../../../contract/call/views';
import type { ConsultView } from '../../../contract/consult/views';
import {
  alice,
  callWorldEachTest,
  drWang,
  expectError,
  expectOk,
  ICE,
  startCall,
  type CallEnv,
} from './support';
import { createConsult } from '../consult/support';

let env: CallEnv;
callWorldEachTest((e) => (env = e));

/** `seconds` after `iso` (setup moves the clock, so times are relative to the call). */
const plus = (iso: string, seconds: number) =>
  new Date(Date.parse(iso) + seconds * 1000).toISOString();

const get = async (callId: string, who = alice) =>
  expectOk<CallView>(await env.callApi('get', { callId }, who));
const callEvents = (openid: string) =>
  (env.events.get(openid) ?? []).flatMap((e) => (e.type === 'call' ? [e.call] : []));

it('start rings the other side: both get a call event with their own view and deadlines', async () => {
  const call = await startCall(env);
  expect(call).toMatchObject({
    consultId: env.aliceConsult,
    role: 'patient',
    caller: 'patient',
    state: 'ringing',
    ringDeadline: plus(env.clock.now().toISOString(), 60),
    warnAt: null,
    limitAt: null,
    transport: 'webrtc',
    iceServers: ICE,
  });
  expect(callEvents(drWang.openid).at(-1)).toMatchObject({ id: call.id, role: 'doctor' });
  expect(callEvents(alice.openid).at(-1)).toMatchObject({ id: call.id, role: 'patient' });
});

it('accept connects; the limit is 15 minutes with a warning at 13, and then it ends by itself', async () => {
  const call = await startCall(env);
  env.clock.advance(10_000);
  const on = expectOk<CallView>(await env.callApi('accept', { callId: call.id }, drWang));
  expect(on).toMatchObject({
    state: 'connected',
    answeredAt: plus(call.startedAt, 10),
    warnAt: plus(call.startedAt, 10 + 13 * 60),
    limitAt: plus(call.startedAt, 10 + 15 * 60),
  });
  env.clock.advance(5 * 60_000);
  expect((await get(call.id)).durationSeconds).toBe(300);
  env.clock.advance(11 * 60_000);
  expect(await get(call.id)).toMatchObject({
    state: 'ended',
    endReason: 'time_limit',
    endedBy: 'system',
    endedAt: plus(call.startedAt, 10 + 15 * 60),
    durationSeconds: 900,
  });
});

it('a second call in the same consult is refused (CONFLICT) while one rings or runs, by either side', async () => {
  const call = await startCall(env);
  expectError(await env.callApi('start', { consultId: env.aliceConsult }, alice), 'CONFLICT', {
    reason: 'call_in_progress',
    callId: call.id,
  });
  expectOk(await env.callApi('accept', { callId: call.id }, drWang));
  expectError(await env.callApi('start', { consultId: env.aliceConsult }, drWang), 'CONFLICT');
  expect(await env.store.count(CALLS.name, { consultId: env.aliceConsult })).toBe(1);
});

it('two starts at once: one rings, the other is CONFLICT', async () => {
  const results = await Promise.all([
    env.callApi('start', { consultId: env.aliceConsult }, alice),
    env.callApi('start', { consultId: env.aliceConsult }, drWang),
  ]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(1);
  expect(await env.store.count(CALLS.name, { consultId: env.aliceConsult })).toBe(1);
});

it('unanswered for 60 s: ends as 未接通 on read, the caller is told, and a new call may start', async () => {
  const call = await startCall(env);
  env.clock.advance(59_000);
  expect((await get(call.id)).state).toBe('ringing');
  env.clock.advance(1_000);
  expect(await get(call.id, drWang)).toMatchObject({
    state: 'ended',
    endReason: 'unanswered',
    endedBy: 'system',
    endedAt: plus(call.startedAt, 60),
    durationSeconds: 0,
  });
  expect(callEvents(alice.openid).at(-1)).toMatchObject({ id: call.id, endReason: 'unanswered' });
  expectError(await env.callApi('accept', { callId: call.id }, drWang), 'FAILED_PRECONDITION', {
    reason: 'wrong_call_state',
    state: 'ended',
  });
  expect(await env.store.get(ACTIVE_CALLS.name, env.aliceConsult)).toBeNull();
  expect((await startCall(env, drWang)).state).toBe('ringing');
});

it('the sweep ends unanswered calls nobody reads, once, however often it runs', async () => {
  const call = await startCall(env);
  expect(await runCallSweep(env.ctx())).toEqual({ ended: 0 });
  env.clock.advance(61_000);
  const ctx = env.ctx();
  const [a, b] = await Promise.all([runCallSweep(ctx), runCallSweep(ctx)]);
  expect(a.ended + b.ended).toBe(1);
  expect(callEvents(alice.openid).filter((c) => c.endReason === 'unanswered')).toHaveLength(1);
  expect((await get(call.id)).endReason).toBe('unanswered');
});

it('a start past a stale guard (ring over, never read) clears it and rings', async () => {
  const first = await startCall(env);
  env.clock.advance(120_000);
  const second = await startCall(env, drWang);
  expect(second.id).not.toBe(first.id);
  expect((await get(first.id)).endReason).toBe('unanswered');
});

it('decline and hang-up: who ended it, repeatable calls, metadata in the consult timeline', async () => {
  const first = await startCall(env);
  expectError(await env.callApi('decline', { callId: first.id }, alice), 'PERMISSION_DENIED', {
    reason: 'callee_only',
  });
  expectError(await env.callApi('accept', { callId: first.id }, alice), 'PERMISSION_DENIED');
  const declined = expectOk<CallView>(await env.callApi('decline', { callId: first.id }, drWang));
  expect(declined).toMatchObject({ state: 'ended', endReason: 'declined', endedBy: 'doctor' });
  expectOk(await env.callApi('decline', { callId: first.id }, drWang));

  const second = await startCall(env, drWang);
  expectOk(await env.callApi('accept', { callId: second.id }, alice));
  env.clock.advance(125_000);
  const hung = expectOk<CallView>(await env.callApi('hangup', { callId: second.id }, alice));
  expect(hung).toMatchObject({ endReason: 'hangup', endedBy: 'patient', durationSeconds: 125 });
  // Hanging up twice is harmless and changes nothing.
  expect(expectOk<CallView>(await env.callApi('hangup', { callId: second.id }, drWang))).toEqual({
    ...hung,
    role: 'doctor',
  });

  const third = await startCall(env);
  const cancelled = expectOk<CallView>(await env.callApi('hangup', { callId: third.id }, alice));
  expect(cancelled).toMatchObject({ endReason: 'hangup', endedBy: 'patient', answeredAt: null });

  const view = expectOk<ConsultView>(
    await env.consult('get', { consultId: env.aliceConsult }, drWang),
  );
  expect(view.calls).toEqual([
    expect.objectContaining({ callId: first.id, endReason: 'declined', durationSeconds: 0 }),
    {
      callId: second.id,
      startedAt: second.startedAt,
      answeredAt: second.startedAt,
      endedAt: plus(second.startedAt, 125),
      durationSeconds: 125,
      endedBy: 'patient',
      endReason: 'hangup',
    },
    expect.objectContaining({ callId: third.id, endedBy: 'patient', answeredAt: null }),
  ]);
  // Metadata only: the stored record has no field that could hold media or content.
  const stored = await env.store.get(CALLS.name, second.id);
  expect(Object.keys(stored ?? {}).sort()).toEqual([
    '_id',
    'answeredAt',
    'caller',
    'consultId',
    'doctorOpenid',
    'dueAt',
    'durationSeconds',
    'endReason',
    'endedAt',
    'endedBy',
    'limitAt',
    'patientOpenid',
    'ringDeadlineAt',
    'roomId',
    'signalsByDoctor',
    'signalsByPatient',
    'startedAt',
    'state',
    'warnAt',
  ]);
});

it('only a video consult, only while active; the consult ending ends its call', async () => {
  const text = await createConsult(env);
  expectError(await env.callApi('start', { consultId: text.id }), 'FAILED_PRECONDITION', {
    reason: 'not_video_consult',
  });
  const call = await startCall(env);
  expectOk(await env.callApi('accept', { callId: call.id }, drWang));
  expectOk(
    await env.consult('close', { consultId: env.aliceConsult, summary: '建议线下就诊。' }, drWang),
  );
  expect(await get(call.id)).toMatchObject({ state: 'ended', endReason: 'consult_ended' });
  expectError(await env.callApi('start', { consultId: env.aliceConsult }), 'FAILED_PRECONDITION', {
    reason: 'consult_not_active',
    status: 'closed',
  });
});

it('with video off (VIDEO_ENABLED) every action is FAILED_PRECONDITION video_disabled', async () => {
  const call = await startCall(env);
  env.rooms.current = undefined;
  for (const [action, data] of [
    ['start', { consultId: env.aliceConsult }],
    ['get', { callId: call.id }],
    ['hangup', { callId: call.id }],
  ] as const)
    expectError(await env.callApi(action, data), 'FAILED_PRECONDITION', {
      reason: 'video_disabled',
    });
});
