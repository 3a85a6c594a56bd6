import type { IceServer, RoomCredentials } from '../../contract/call/views';

/**
 * VideoRooms (docs/ARCHITECTURE.md "The ports", docs/video.md): where a call's media goes.
 *   webrtc — locally: browsers connect peer to peer; the `call` function relays their
 *            signalling over the realtime channel and hands out the ICE servers.
 *   trtc   — on WeChat: Tencent TRTC; the `call` function issues each participant a UserSig
 *            and a privateMapKey for the call's room only (backend/adapters/cloudbase/trtc-rooms.ts).
 * No port at all (ctx.videoRooms undefined) means the operator has video off (VIDEO_ENABLED):
 * the app then never mentions video.
 */
export interface RoomCredentialsRequest {
  /** TRTC userID: letters, digits, `_`, `-` (at most 32). */
  userId: string;
  /** A string room id (strRoomID); a numeric one would be a different room. */
  roomId: string;
  /** Seconds the UserSig and privateMapKey stay valid. */
  expiresInSeconds: number;
}

export interface VideoRooms {
  kind: 'webrtc' | 'trtc';
  /** webrtc: the RTCPeerConnection iceServers (ICE_SERVERS); [] for trtc. */
  iceServers: readonly IceServer[];
  /**
   * trtc: enterRoom parameters for one participant of one room. Absent where this function
   * only needs to know video is on (the catalog), so the TRTC secret lives in `call` alone.
   */
  credentials?(request: RoomCredentialsRequest): Omit<RoomCredentials, 'expiresAt'>;
}
