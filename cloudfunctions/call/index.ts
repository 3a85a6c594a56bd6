import * as cloud from 'wx-server-sdk';
import {
  createCloudConsultPorts,
  readCloudConsultConfig,
} from '../../backend/adapters/cloudbase/consult-ports';
import { createTrtcRooms, trtcConfigFromEnv } from '../../backend/adapters/cloudbase/trtc-rooms';
import { callFunction } from '../../backend/call';
import type { DocumentStore } from '../../backend/ports/document-store';
import { consoleLogger } from '../../backend/ports/logger';
import { cloudMain } from '../_shared/cloud-main';
import { consultCloudOf } from '../_shared/storage';

// DYNAMIC_CURRENT_ENV (a symbol the SDK's types do not admit) = the env this function runs in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

// Refuses to start without ZHUYI_MASTER_KEY, or with VIDEO_ENABLED=1 and no TRTC_SDK_APP_ID /
// TRTC_SECRET_KEY (docs/video.md). With VIDEO_ENABLED off every action is video_disabled.
const config = readCloudConsultConfig(process.env);
const trtc = trtcConfigFromEnv(process.env);
const consultCloud = consultCloudOf(cloud);

export const main = cloudMain(cloud, callFunction, {
  ports: (store: DocumentStore) => {
    const { videoRooms: _listing, ...ports } = createCloudConsultPorts(
      consultCloud,
      store,
      consoleLogger,
      config,
    );
    return trtc ? { ...ports, videoRooms: createTrtcRooms(trtc) } : ports;
  },
});
