import { createAesGcmCrypto, masterKeysFromEnv, type Crypto } from '../../ports/crypto';

/**
 * CloudBase's Crypto: the key comes only from the function's environment variables
 * (云开发控制台 → 云函数 → 版本与配置 → 环境变量): ZHUYI_MASTER_KEY, base64 of 32 random bytes
 * (`openssl rand -base64 32`), and ZHUYI_MASTER_KEY_PREVIOUS after a rotation. Without it the
 * function refuses to start: there is no safe default for a key.
 */
export function createCloudbaseCrypto(env: NodeJS.ProcessEnv = process.env): Crypto {
  const keys = masterKeysFromEnv(env);
  if (!keys) {
    throw new Error(
      'ZHUYI_MASTER_KEY is not set: this function stores personal data and refuses to start ' +
        'without its encryption key (base64 of 32 random bytes, in the function environment).',
    );
  }
  return createAesGcmCrypto(keys);
}
