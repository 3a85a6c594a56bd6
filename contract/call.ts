import * as z from './zod';
import { idSchema } from './common';
import { consultIdSchema } from './consult/schemas';
import { iceCandidateSchema, sessionDescriptionSchema } from './call/signals';
import { callViewSchema, roomCredentialsSchema } from './call/views';

export * from './call/items';
export * from './call/signals';
export * from './call/views';

/**
 * The `call` function: the video call of a 视频 consult (CAM, MIC, TPS; issue 14). Every
 * action needs a trusted account (as consult) and the operator's switch VIDEO_ENABLED
 * (FAILED_PRECONDITION video_disabled otherwise). Only the consult's patient and its doctor
 * may touch a call; anyone else gets NOT_FOUND, as for a call that does not exist.
 * Reasons in `error.details.reason`: contract/call/items.ts.
 */
const byCall = z.object({ callId: idSchema }).strict();
const signalBase = { callId: idSchema };

export const callActions = {
  /**
   * Either participant, while the consult is active: rings the other side (a `call` event).
   * CONFLICT call_in_progress (details.callId) while another call of the consult rings or runs.
   */
  start: { input: z.object({ consultId: consultIdSchema }).strict(), output: callViewSchema },
  /** The side that was rung: ringing → connected; the 15-minute limit starts now. */
  accept: { input: byCall, output: callViewSchema },
  /** The side that was rung: ringing → ended (declined); the caller is told. */
  decline: { input: byCall, output: callViewSchema },
  /**
   * WebRTC only (locally): relays one signalling message to the other participant as a
   * `signal` event over the realtime channel. Payloads are typed and size-limited
   * (contract/call/signals.ts). Answers how many signals the caller has sent in this call.
   */
  signal: {
    input: z.discriminatedUnion('kind', [
      z
        .object({ ...signalBase, kind: z.literal('offer'), payload: sessionDescriptionSchema })
        .strict(),
      z
        .object({ ...signalBase, kind: z.literal('answer'), payload: sessionDescriptionSchema })
        .strict(),
      z
        .object({ ...signalBase, kind: z.literal('candidate'), payload: iceCandidateSchema })
        .strict(),
    ]),
    output: z.object({ callId: z.string(), seq: z.number().int() }),
  },
  /** Either participant: ends a ringing (the caller: cancelled) or connected call. Idempotent. */
  hangup: { input: byCall, output: callViewSchema },
  /** Either participant: the call now (a ringing call past its 60 s ends here as 未接通). */
  get: { input: byCall, output: callViewSchema },
  /**
   * TRTC only (WeChat): enterRoom parameters for the caller — a UserSig and a privateMapKey
   * for this call's room, valid until the call's limit. Needs the 腾讯云实时音视频 consent
   * (TPS): FAILED_PRECONDITION third_party_consent_required without it (dispatch, from
   * contract/privacy/requirements.ts).
   */
  credentials: { input: byCall, output: roomCredentialsSchema },
} as const;
