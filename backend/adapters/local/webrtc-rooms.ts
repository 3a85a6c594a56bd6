import { z } from 'zod';
import { iceServerSchema, type IceServer } from '../../../contract/call/views';
import type { VideoRooms } from '../../ports/video-rooms';

/**
 * The local VideoRooms: WebRTC peer to peer; the server only relays signalling (MIC, CAM:
 * media never passes through it, nothing is recorded). ICE servers from ICE_SERVERS, a JSON
 * array of RTCIceServer, e.g. a self-hosted coturn (README, docs/video.md):
 *   ICE_SERVERS='[{"urls":"stun:turn.example.org:3478"},
 *                 {"urls":"turn:turn.example.org:3478","username":"zhuyi","credential":"…"}]'
 * Unset: no ICE servers, enough for two browsers on one machine or one LAN.
 */
export function parseIceServers(value: string | undefined): IceServer[] {
  if (value === undefined || value.trim() === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new Error('ICE_SERVERS must be a JSON array of {urls, username?, credential?}');
  }
  const parsed = z.array(iceServerSchema).max(8).safeParse(json);
  if (!parsed.success)
    throw new Error(
      `ICE_SERVERS is not a valid RTCIceServer list: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}

export function createWebRtcRooms(iceServers: readonly IceServer[]): VideoRooms {
  return { kind: 'webrtc', iceServers };
}

/**
 * The operator switch VIDEO_ENABLED for the local server: on unless set to 0/false/off, so
 * `npm start` lets anyone try video in a browser.
 */
export function localVideoRoomsFromEnv(env: NodeJS.ProcessEnv): VideoRooms | undefined {
  if (/^(0|false|off|no)$/i.test(env.VIDEO_ENABLED ?? '')) return undefined;
  return createWebRtcRooms(parseIceServers(env.ICE_SERVERS));
}
