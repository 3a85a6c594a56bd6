import type { CallView } from '../../contract/call/views';
import type { ConsultRole } from '../../contract/consult/views';
import type { Ctx } from '../core/context';
import { portOf } from '../user/ports';
import type { VideoRooms } from '../ports/video-rooms';
import { openidOf, type CallDoc } from './model';

/** A call as `role` sees it at `now`: the duration grows while connected. */
export function toCallView(
  call: CallDoc,
  role: ConsultRole,
  rooms: VideoRooms,
  now: Date,
): CallView {
  const connectedFor =
    call.state === 'connected' && call.answeredAt
      ? Math.max(0, Math.floor((now.getTime() - Date.parse(call.answeredAt)) / 1000))
      : call.durationSeconds;
  return {
    id: call._id,
    consultId: call.consultId,
    role,
    caller: call.caller,
    state: call.state,
    endReason: call.endReason,
    endedBy: call.endedBy,
    startedAt: call.startedAt,
    answeredAt: call.answeredAt,
    endedAt: call.endedAt,
    ringDeadline: call.state === 'ringing' ? call.ringDeadlineAt : null,
    warnAt: call.state === 'connected' ? call.warnAt : null,
    limitAt: call.state === 'connected' ? call.limitAt : null,
    durationSeconds: connectedFor,
    transport: rooms.kind,
    iceServers: rooms.kind === 'webrtc' ? [...rooms.iceServers] : [],
  };
}

/**
 * Tells both participants' open clients (a `call` event each, with their own view). Best
 * effort, as consult's announce: the change is stored already. On WeChat the clients watch
 * the `calls` collection instead (database-rules.json).
 */
export function announceCall(ctx: Ctx, call: CallDoc, rooms: VideoRooms): void {
  if (!ctx.realtime) return;
  const now = ctx.clock.now();
  for (const role of ['patient', 'doctor'] as const) {
    const openid = openidOf(call, role);
    if (!openid) continue;
    try {
      ctx.realtime.publish(openid, {
        type: 'call',
        consultId: call.consultId,
        call: toCallView(call, role, rooms, now),
      });
    } catch (err) {
      ctx.log.warn({ err: String(err) }, 'realtime publish failed');
    }
  }
}

/** A per-call pseudonym for TRTC (TPS: Tencent never learns the openid), 32 characters at most. */
export function trtcUserIdOf(ctx: Ctx, call: CallDoc, role: ConsultRole): string {
  const mac = portOf(ctx, 'crypto').hmac('trtc-user', `${call._id}:${openidOf(call, role)}`);
  return `${role[0]}_${mac.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`;
}
