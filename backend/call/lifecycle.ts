import {
  CALL_LIMIT_MINUTES,
  CALL_RING_SECONDS,
  CALL_WARN_MINUTES,
} from '../../contract/call/items';
import { ACTIVE_CALLS, CALLS } from '../collections';
import type { Handler } from '../core/action';
import { loadConsult, requireAccount } from '../consult/access';
import { portOf } from '../user/ports';
import { loadCall, requireRooms } from './access';
import { endCall, settle } from './end';
import { callError, wrongCallState } from './errors';
import { calleeOf, MINUTE_MS, type ActiveCallDoc, type CallDoc } from './model';
import { announceCall, toCallView } from './views';

/**
 * start → ringing; accept → connected (the limit starts); decline / hangup / 60 s unanswered
 * / the limit → ended. Every transition is a compare-and-set on `state`; the consult's one
 * live call is held by a guard document whose id is the consult id (CONFLICT on a second).
 */
export const start: Handler<'call', 'start'> = async (ctx, input) => {
  const rooms = requireRooms(ctx);
  const { openid } = await requireAccount(ctx);
  const { consult, role } = await loadConsult(ctx, input.consultId, openid);
  if ((consult.type ?? 'text') !== 'video')
    throw callError('FAILED_PRECONDITION', 'not_video_consult');
  if (consult.status !== 'active' || !consult.doctorOpenid)
    throw callError('FAILED_PRECONDITION', 'consult_not_active', { status: consult.status });

  // A guard left by a call that is over by now (ring or limit passed) is cleared first.
  const guard = await ctx.store.get<ActiveCallDoc>(ACTIVE_CALLS.name, consult._id);
  if (guard) {
    const live = await ctx.store.get<CallDoc>(CALLS.name, guard.callId);
    const settled = live ? (await settle(ctx, live, rooms)).call : null;
    if (settled && settled.state !== 'ended')
      throw callError('CONFLICT', 'call_in_progress', { callId: settled._id });
    if (!live) await ctx.store.remove(ACTIVE_CALLS.name, consult._id);
  }

  const now = ctx.clock.now();
  const at = now.toISOString();
  const id = `v${portOf(ctx, 'random').hex(12)}`;
  const ringDeadlineAt = new Date(now.getTime() + CALL_RING_SECONDS * 1000).toISOString();
  const call: CallDoc = {
    _id: id,
    consultId: consult._id,
    patientOpenid: consult.patientOpenid,
    doctorOpenid: consult.doctorOpenid,
    caller: role,
    state: 'ringing',
    startedAt: at,
    ringDeadlineAt,
    answeredAt: null,
    warnAt: null,
    limitAt: null,
    endedAt: null,
    endedBy: null,
    endReason: null,
    durationSeconds: 0,
    roomId: `zhuyi_${id}`,
    signalsByPatient: 0,
    signalsByDoctor: 0,
    dueAt: ringDeadlineAt,
  };
  await ctx.store.transaction(async (tx) => {
    const held = await tx.get<ActiveCallDoc>(ACTIVE_CALLS.name, consult._id);
    if (held) throw callError('CONFLICT', 'call_in_progress', { callId: held.callId });
    await tx.insert(ACTIVE_CALLS.name, {
      _id: consult._id,
      callId: id,
      patientOpenid: call.patientOpenid,
      doctorOpenid: call.doctorOpenid,
      at,
    });
    await tx.insert(CALLS.name, call);
  });
  announceCall(ctx, call, rooms);
  return toCallView(call, role, rooms, now);
};

/** The side that was rung answers: the 15-minute limit (warning at 13) runs from now. */
export const accept: Handler<'call', 'accept'> = async (ctx, input) => {
  const { call, role, rooms } = await loadCall(ctx, input.callId);
  if (role !== calleeOf(call)) throw callError('PERMISSION_DENIED', 'callee_only');
  if (call.state === 'connected') return toCallView(call, role, rooms, ctx.clock.now());
  if (call.state !== 'ringing') throw wrongCallState(call.state);
  const now = ctx.clock.now();
  const limitAt = new Date(now.getTime() + CALL_LIMIT_MINUTES * MINUTE_MS).toISOString();
  const set = {
    state: 'connected' as const,
    answeredAt: now.toISOString(),
    warnAt: new Date(now.getTime() + CALL_WARN_MINUTES * MINUTE_MS).toISOString(),
    limitAt,
    dueAt: limitAt,
  };
  const moved = await ctx.store.updateIf(CALLS.name, call._id, { state: 'ringing' }, { set });
  if (!moved) {
    const now2 = await ctx.store.get<CallDoc>(CALLS.name, call._id);
    throw wrongCallState(now2?.state ?? 'ended');
  }
  const connected: CallDoc = { ...call, ...set };
  announceCall(ctx, connected, rooms);
  return toCallView(connected, role, rooms, now);
};

/** The side that was rung refuses; the caller sees 对方已拒绝. Declining twice answers the same. */
export const decline: Handler<'call', 'decline'> = async (ctx, input) => {
  const { call, role, rooms } = await loadCall(ctx, input.callId);
  if (role !== calleeOf(call)) throw callError('PERMISSION_DENIED', 'callee_only');
  if (call.state === 'ended' && call.endReason === 'declined')
    return toCallView(call, role, rooms, ctx.clock.now());
  if (call.state !== 'ringing') throw wrongCallState(call.state);
  const { call: ended } = await endCall(ctx, call._id, 'declined', role, rooms);
  if (ended.endReason !== 'declined') throw wrongCallState(ended.state);
  return toCallView(ended, role, rooms, ctx.clock.now());
};

/**
 * Either side ends the call (the caller while it rings: cancelled; the callee while it rings:
 * declined). An ended call is answered as it is: hanging up twice is harmless.
 */
export const hangup: Handler<'call', 'hangup'> = async (ctx, input) => {
  const { call, role, rooms } = await loadCall(ctx, input.callId);
  if (call.state === 'ended') return toCallView(call, role, rooms, ctx.clock.now());
  const reason = call.state === 'ringing' && role === calleeOf(call) ? 'declined' : 'hangup';
  const { call: ended } = await endCall(ctx, call._id, reason, role, rooms);
  return toCallView(ended, role, rooms, ctx.clock.now());
};

export const get: Handler<'call', 'get'> = async (ctx, input) => {
  const { call, role, rooms } = await loadCall(ctx, input.callId);
  return toCallView(call, role, rooms, ctx.clock.now());
};
