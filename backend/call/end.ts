import type { CallEndReason } from '../../contract/call/items';
import { ACTIVE_CALLS, CALLS, CONSULTS } from '../collections';
import type { Ctx } from '../core/context';
import type { VideoRooms } from '../ports/video-rooms';
import type { ConsultDoc } from '../consult/model';
import { announceCall } from './views';
import type { ActiveCallDoc, CallDoc, CallEnder } from './model';

/**
 * Ending a call, by a participant or by time. One transaction of reads and writes by id
 * only (CloudBase transactions cannot query): the call goes to 'ended' with its duration,
 * and the consult's guard document is removed when it still points at this call. A call
 * already ended is answered as it is, so two ends at once record one.
 */
export async function endCall(
  ctx: Ctx,
  callId: string,
  reason: CallEndReason,
  by: CallEnder,
  rooms: VideoRooms,
  /** For system ends: when it really ended (the deadline), not when it was noticed. */
  at?: Date,
): Promise<Ended> {
  const now = ctx.clock.now();
  const ended = await ctx.store.transaction(async (tx) => {
    const call = await tx.get<CallDoc>(CALLS.name, callId);
    if (!call || call.state === 'ended') return { call, changed: false };
    const endedAt = at && at < now ? at : now;
    const durationSeconds = call.answeredAt
      ? Math.max(0, Math.floor((endedAt.getTime() - Date.parse(call.answeredAt)) / 1000))
      : 0;
    const set = {
      state: 'ended' as const,
      endedAt: endedAt.toISOString(),
      endedBy: by,
      endReason: reason,
      durationSeconds,
      dueAt: null,
    };
    const moved = await tx.updateIf(CALLS.name, callId, { state: call.state }, { set });
    if (!moved) return { call: await tx.get<CallDoc>(CALLS.name, callId), changed: false };
    const guard = await tx.get<ActiveCallDoc>(ACTIVE_CALLS.name, call.consultId);
    if (guard && guard.callId === callId) await tx.remove(ACTIVE_CALLS.name, call.consultId);
    return { call: { ...call, ...set }, changed: true };
  });
  if (!ended.call) throw new Error(`call ${callId} vanished while ending`);
  // The caller of an unanswered call is told (a `call` event with endReason 'unanswered').
  if (ended.changed) announceCall(ctx, ended.call, rooms);
  return { call: ended.call, changed: ended.changed };
}

/** The call after an end or a settle, and whether this run is the one that ended it. */
export interface Ended {
  call: CallDoc;
  changed: boolean;
}

/**
 * The check on read (and the sweep's step): a ringing call past its 60 s ends as 未接通, a
 * connected one past its limit ends as time_limit, and a live call of a consult that is no
 * longer active ends as consult_ended. Anything else is answered unchanged.
 */
export async function settle(ctx: Ctx, call: CallDoc, rooms: VideoRooms): Promise<Ended> {
  if (call.state === 'ended') return { call, changed: false };
  const now = ctx.clock.now();
  if (call.state === 'ringing' && now.getTime() >= Date.parse(call.ringDeadlineAt))
    return endCall(ctx, call._id, 'unanswered', 'system', rooms, new Date(call.ringDeadlineAt));
  if (call.state === 'connected' && call.limitAt && now.getTime() >= Date.parse(call.limitAt))
    return endCall(ctx, call._id, 'time_limit', 'system', rooms, new Date(call.limitAt));
  const consult = await ctx.store.get<ConsultDoc>(CONSULTS.name, call.consultId);
  if (!consult || consult.status !== 'active')
    return endCall(ctx, call._id, 'consult_ended', 'system', rooms);
  return { call, changed: false };
}
