import type { VideoRooms } from '../../ports/video-rooms';

/**
 * The operator switch VIDEO_ENABLED on CloudBase: off unless set to 1/true/on, because video
 * needs an enterprise mini-program in a 医疗 category with live-pusher (docs/video.md). Kept
 * apart from the TRTC adapter so functions that only list video (catalog, consult) bundle
 * neither tls-sig-api-v2 nor the secret.
 */
export function videoEnabled(env: NodeJS.ProcessEnv): boolean {
  return /^(1|true|on|yes)$/i.test(env.VIDEO_ENABLED ?? '');
}

/** For functions that only need to know video is on: TRTC, without credentials. */
export function trtcListingFromEnv(env: NodeJS.ProcessEnv): VideoRooms | undefined {
  return videoEnabled(env) ? { kind: 'trtc', iceServers: [] } : undefined;
}
