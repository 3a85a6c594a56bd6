import * as cloud from 'wx-server-sdk';
import { createCloudbaseCrypto } from '../../backend/adapters/cloudbase/crypto';
import { systemRandom } from '../../backend/ports/random';
import { supportFunction } from '../../backend/support';
import { cloudMain } from '../_shared/cloud-main';

// DYNAMIC_CURRENT_ENV (a symbol the SDK's types do not admit) = the env this function runs in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

// Refuses to start without ZHUYI_MASTER_KEY: what patients write to 客服 is encrypted.
const crypto = createCloudbaseCrypto(process.env);

export const main = cloudMain(cloud, supportFunction, {
  ports: () => ({ crypto, random: systemRandom }),
});
