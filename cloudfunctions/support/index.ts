import * as cloud from 'wx-server-sdk';
import {
  createCloudContentSecurity,
  type SecurityOpenApi,
} from '../../backend/adapters/cloudbase/content-security';
import { createCloudbaseCrypto } from '../../backend/adapters/cloudbase/crypto';
import { consoleLogger } from '../../backend/ports/logger';
import { systemRandom } from '../../backend/ports/random';
import { supportFunction } from '../../backend/support';
import { cloudMain } from '../_shared/cloud-main';

// DYNAMIC_CURRENT_ENV (a symbol the SDK's types do not admit) = the env this function runs in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

// Refuses to start without ZHUYI_MASTER_KEY: what patients write to 客服 is encrypted.
const crypto = createCloudbaseCrypto(process.env);
// The SDK types openapi as Record<string, any>; config.json grants security.msgSecCheck.
const contentSecurity = createCloudContentSecurity(cloud.openapi as SecurityOpenApi, consoleLogger);

export const main = cloudMain(cloud, supportFunction, {
  ports: () => ({ crypto, random: systemRandom, contentSecurity }),
});
