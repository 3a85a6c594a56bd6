import * as cloud from 'wx-server-sdk';
import { trtcListingFromEnv } from '../../backend/adapters/cloudbase/video-switch';
import { catalogFunction } from '../../backend/catalog';
import { cloudMain } from '../_shared/cloud-main';

// DYNAMIC_CURRENT_ENV (a symbol the SDK's types do not admit) = the env this function runs in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

// Only the catalog handlers are imported (not backend/functions.ts), so this bundle stays small.
// VIDEO_ENABLED=1 shows doctors' 视频咨询 offers; off (the default) the app never mentions video.
const videoRooms = trtcListingFromEnv(process.env);
export const main = cloudMain(cloud, catalogFunction, {
  ports: () => (videoRooms ? { videoRooms } : {}),
});
