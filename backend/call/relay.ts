import { CALL_LIMIT_MINUTES, SIGNALS_PER_CALL_MAX } from '../../contract/call/items';
import type { ConsultRole } from '../../contract/consult/views';
import { CALLS } from '../collections';
import type { Handler } from '../core/action';
import { ApiError } from '../core/errors';
import { loadCall } from './access';
import { callError, wrongCallState } from './errors';
import { MINUTE_MS, openidOf, signalField, type CallDoc } from './model';
import { trtcUserIdOf } from './views';

const other = (role: ConsultRole): ConsultRole => (role === 'patient' ? 'doctor' : 'patient');
const live = (call: CallDoc) => call.state === 'ringing' || call.state === 'connected';

/**
 * WebRTC signalling (locally): the payload was parsed by its own schema (contract/call/signals.ts)
 * before this runs; it is relayed to the other participant only, as a `signal` event on the
 * realtime channel, and never stored (MIC, CAM: the server sees no media). `seq` numbers each
 * side's signals (compare-and-set on the count) so the receiver can order them.
 */
export const signal: Handler<'call', 'signal'> = async (ctx, input) => {
  const { call, role, rooms } = await loadCall(ctx, input.callId);
  if (rooms.kind !== 'webrtc') throw callError('FAILED_PRECONDITION', 'signal_unavailable');
  if (!live(call)) throw wrongCallState(call.state);
  let current = call;
  for (let attempt = 0; attempt < 5; attempt++) {
    const field = signalField(role);
    const sent = current[field];
    if (current.signalsByPatient + current.signalsByDoctor >= SIGNALS_PER_CALL_MAX)
      throw callError('RATE_LIMITED', 'too_many_signals');
    const counted = await ctx.store.updateIf(
      CALLS.name,
      call._id,
      { state: current.state, [field]: sent },
      { inc: { [field]: 1 } },
    );
    if (counted) {
      const seq = sent + 1;
      ctx.realtime?.publish(openidOf(call, other(role)), {
        type: 'signal',
        consultId: call.consultId,
        callId: call._id,
        from: role,
        seq,
        kind: input.kind,
        payload: { ...input.payload },
      });
      return { callId: call._id, seq };
    }
    const again = await ctx.store.get<CallDoc>(CALLS.name, call._id);
    if (!again || !live(again)) throw wrongCallState(again?.state ?? 'ended');
    current = again;
  }
  throw new ApiError('CONFLICT', '信令发送冲突，请重试');
};

/**
 * TRTC (WeChat): enterRoom parameters for this participant and this call's room only. The
 * userID is a per-call pseudonym; TRTC gets live audio and video and nothing of the account
 * — and only with the user's 腾讯云实时音视频 consent (TPS), which dispatch checks from the
 * requirements table (contract/privacy/requirements.ts). Valid until the call's limit.
 */
export const credentials: Handler<'call', 'credentials'> = async (ctx, input) => {
  const { call, role, rooms } = await loadCall(ctx, input.callId);
  if (!rooms.credentials) throw callError('FAILED_PRECONDITION', 'credentials_unavailable');
  if (!live(call)) throw wrongCallState(call.state);
  const now = ctx.clock.now();
  const until = call.limitAt
    ? Date.parse(call.limitAt)
    : Date.parse(call.ringDeadlineAt) + CALL_LIMIT_MINUTES * MINUTE_MS;
  const expiresInSeconds = Math.max(60, Math.ceil((until - now.getTime()) / 1000) + 60);
  const issued = rooms.credentials({
    userId: trtcUserIdOf(ctx, call, role),
    roomId: call.roomId,
    expiresInSeconds,
  });
  return { ...issued, expiresAt: new Date(now.getTime() + expiresInSeconds * 1000).toISOString() };
};
