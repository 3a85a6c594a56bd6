import * as cloud from 'wx-server-sdk';
import {
  createCloudUserPorts,
  readCloudUserConfig,
  type UserCloud,
} from '../../backend/adapters/cloudbase/user-ports';
import { consoleLogger } from '../../backend/ports/logger';
import { userFunction } from '../../backend/user';
import { cloudMain } from '../_shared/cloud-main';
import { cloudStorageOf } from '../_shared/storage';

// DYNAMIC_CURRENT_ENV (a symbol the SDK's types do not admit) = the env this function runs in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

// Refuses to start without ZHUYI_MASTER_KEY or the Tencent SMS settings (function env vars).
const config = readCloudUserConfig(process.env);

const userCloud: UserCloud = {
  ...cloudStorageOf(cloud),
  // The SDK types openapi as Record<string, any>; config.json grants phonenumber.getPhoneNumber.
  openapi: cloud.openapi as UserCloud['openapi'],
};

export const main = cloudMain(cloud, userFunction, {
  ports: (store) => createCloudUserPorts(userCloud, store, consoleLogger, config),
});
