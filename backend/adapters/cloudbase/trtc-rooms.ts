// The file itself: the package.json names two `main`s, and jest's resolver takes the missing one.
import { Api } from 'tls-sig-api-v2/TLSSigAPIv2';
import type { VideoRooms } from '../../ports/video-rooms';
import { videoEnabled } from './video-switch';

/**
 * The production VideoRooms: Tencent TRTC (docs/video.md). Configured by the `call`
 * function's environment only, never the repository:
 *   VIDEO_ENABLED     1 = on (off by default on WeChat: it needs the 医疗 category and live-pusher)
 *   TRTC_SDK_APP_ID   the TRTC application's SDKAppID (a number)
 *   TRTC_SECRET_KEY   its key, for UserSig and privateMapKey
 * The UserSig lets one userID use TRTC; the privateMapKey lets it enter one room only —
 * with 启动权限密钥 on in the TRTC console, nobody but the two participants can enter (SEC).
 */
export interface TrtcConfig {
  sdkAppId: number;
  secretKey: string;
}

/** Every right in the room (enter, create, send and receive audio and video): 1111 1111. */
export const TRTC_ALL_PRIVILEGES = 255;

/** The configuration when VIDEO_ENABLED is on; throws naming what is missing (never starts half set up). */
export function trtcConfigFromEnv(env: NodeJS.ProcessEnv): TrtcConfig | null {
  if (!videoEnabled(env)) return null;
  const missing = ['TRTC_SDK_APP_ID', 'TRTC_SECRET_KEY'].filter((name) => !env[name]);
  if (missing.length > 0)
    throw new Error(`VIDEO_ENABLED is on but TRTC is not configured: set ${missing.join(', ')}`);
  const sdkAppId = Number(env.TRTC_SDK_APP_ID);
  if (!Number.isSafeInteger(sdkAppId) || sdkAppId <= 0)
    throw new Error('TRTC_SDK_APP_ID must be the numeric SDKAppID');
  return { sdkAppId, secretKey: String(env.TRTC_SECRET_KEY) };
}

/** What tls-sig-api-v2's Api offers that we use (tests pass a recorder of exactly these calls). */
export interface SigApi {
  genUserSig(userId: string, expire: number): string;
  genPrivateMapKeyWithStringRoomID(
    userId: string,
    expire: number,
    roomStr: string,
    privilegeMap: number,
  ): string;
}

export function createTrtcRooms(
  config: TrtcConfig,
  api: SigApi = new Api(config.sdkAppId, config.secretKey) as SigApi,
): VideoRooms {
  return {
    kind: 'trtc',
    iceServers: [],
    credentials({ userId, roomId, expiresInSeconds }) {
      return {
        sdkAppId: config.sdkAppId,
        userId,
        userSig: api.genUserSig(userId, expiresInSeconds),
        privateMapKey: api.genPrivateMapKeyWithStringRoomID(
          userId,
          expiresInSeconds,
          roomId,
          TRTC_ALL_PRIVILEGES,
        ),
        roomId,
      };
    },
  };
}
