import * as cloud from 'wx-server-sdk';
import { createCloudbaseCrypto } from '../../backend/adapters/cloudbase/crypto';
import { createCloudbaseFileStore } from '../../backend/adapters/cloudbase/file-store';
import { systemRandom } from '../../backend/ports/random';
import { recordsFunction } from '../../backend/records';
import { cloudMain } from '../_shared/cloud-main';
import { cloudStorageOf } from '../_shared/storage';

// DYNAMIC_CURRENT_ENV (a symbol the SDK's types do not admit) = the env this function runs in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

// Refuses to start without ZHUYI_MASTER_KEY: record texts and files are encrypted.
const crypto = createCloudbaseCrypto(process.env);

const storage = cloudStorageOf(cloud);

export const main = cloudMain(cloud, recordsFunction, {
  ports: (store) => ({
    crypto,
    random: systemRandom,
    files: createCloudbaseFileStore(storage, store),
  }),
});
