import * as cloud from 'wx-server-sdk';
import { createCloudbaseCrypto } from '../../backend/adapters/cloudbase/crypto';
import { createCloudbaseFileStore } from '../../backend/adapters/cloudbase/file-store';
import { registerBookingRemovalBlocker } from '../../backend/booking/patient-blocker';
import { patientsFunction } from '../../backend/patients';
import { systemRandom } from '../../backend/ports/random';
import { cloudMain } from '../_shared/cloud-main';
import { cloudStorageOf } from '../_shared/storage';

// DYNAMIC_CURRENT_ENV (a symbol the SDK's types do not admit) = the env this function runs in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

// Refuses to start without ZHUYI_MASTER_KEY: names, ID numbers and phones are encrypted.
const crypto = createCloudbaseCrypto(process.env);

const storage = cloudStorageOf(cloud);

// This bundle holds the patients function alone: booking's blocker (a future appointment) is
// registered here explicitly, as backend/booking/index.ts does for the local server.
registerBookingRemovalBlocker();

// files: removing a 就诊人 removes the files of their records.
export const main = cloudMain(cloud, patientsFunction, {
  ports: (store) => ({
    crypto,
    random: systemRandom,
    files: createCloudbaseFileStore(storage, store),
  }),
});
