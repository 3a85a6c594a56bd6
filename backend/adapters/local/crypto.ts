import { join } from 'node:path';
import {
  createAesGcmCrypto,
  MASTER_KEY_BYTES,
  masterKeysFromEnv,
  type Crypto,
} from '../../ports/crypto';
import { loadOrCreateKeyFile } from './key-file';

export const MASTER_KEY_FILE = 'master.key';

/**
 * The local server's Crypto: ZHUYI_MASTER_KEY from the environment when set (a self-hosted
 * deployment with a secrets manager), else `<dataDir>/master.key`, created on first run.
 * Back the file up with the database: without it no phone number or identity can be read.
 */
export function createLocalCrypto(dataDir: string, env: NodeJS.ProcessEnv = process.env): Crypto {
  const fromEnv = masterKeysFromEnv(env);
  if (fromEnv) return createAesGcmCrypto(fromEnv);
  const current = loadOrCreateKeyFile(
    join(dataDir, MASTER_KEY_FILE),
    MASTER_KEY_BYTES,
    'Restore it from a backup: encrypted phone numbers and identity data cannot be read without it. ' +
      'Delete it only together with the database.',
  );
  return createAesGcmCrypto({ current: current.subarray(0, MASTER_KEY_BYTES) });
}
