import * as z from '../zod';
import { CALL_END_REASONS, CALL_STATES } from './items';

/** One RTCIceServer, as RTCPeerConnection takes it (from ICE_SERVERS; TURN with credentials). */
export const iceServerSchema = z
  .object({
    urls: z.union([
      z.string().regex(/^(stun|stuns|turn|turns):/),
      z.array(z.string().regex(/^(stun|stuns|turn|turns):/)).min(1),
    ]),
    username: z.string().optional(),
    credential: z.string().optional(),
  })
  .strict();
export type IceServer = z.infer<typeof iceServerSchema>;

/** A participant's side (as consult's roleSchema; not imported: consult/views imports this file). */
const roleSchema = z.enum(['patient', 'doctor']);

export const callEnderSchema = z.enum(['patient', 'doctor', 'system']);

/**
 * A call as either participant sees it. Deadlines are absolute times so both sides count
 * down from the server's clock: `ringDeadline` while ringing (then 未接通), `warnAt` and
 * `limitAt` once connected (a warning at 13 minutes, the end at 15).
 */
export const callViewSchema = z.object({
  id: z.string(),
  consultId: z.string(),
  /** The viewer's side. */
  role: roleSchema,
  /** Who started (rang). */
  caller: roleSchema,
  state: z.enum(CALL_STATES),
  endReason: z.enum(CALL_END_REASONS).nullable(),
  endedBy: callEnderSchema.nullable(),
  startedAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  ringDeadline: z.string().nullable(),
  warnAt: z.string().nullable(),
  limitAt: z.string().nullable(),
  /** Seconds connected (0 when never answered); grows while connected. */
  durationSeconds: z.number().int().min(0),
  /** webrtc: local/H5 peer-to-peer with `signal`; trtc: WeChat, enter the room with `credentials`. */
  transport: z.enum(['webrtc', 'trtc']),
  /** webrtc only ([] on trtc): pass to new RTCPeerConnection({ iceServers }). */
  iceServers: z.array(iceServerSchema),
});
export type CallView = z.infer<typeof callViewSchema>;

/** What the consult's timeline keeps of a call: metadata only, never audio or video. */
export const callRecordSchema = z.object({
  callId: z.string(),
  startedAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string(),
  durationSeconds: z.number().int().min(0),
  endedBy: callEnderSchema,
  endReason: z.enum(CALL_END_REASONS),
});
export type CallRecord = z.infer<typeof callRecordSchema>;

/** TRTC enterRoom parameters for this participant and this call's room only. */
export const roomCredentialsSchema = z.object({
  sdkAppId: z.number().int(),
  userId: z.string(),
  userSig: z.string(),
  privateMapKey: z.string(),
  /** Pass as strRoomID (a string room id is a different room from a numeric one). */
  roomId: z.string(),
  expiresAt: z.string(),
});
export type RoomCredentials = z.infer<typeof roomCredentialsSchema>;
