import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Crypto: encryption at rest and lookup hashes (docs/ARCHITECTURE.md "The ports"; REG, IDV).
 *
 * AES-256-GCM with a random 12-byte IV and the 16-byte tag. Every ciphertext names the key
 * it was made with (a fingerprint, not the key), so the master key can rotate: new data
 * uses the current key, old data still decrypts with a previous one. `context` is bound as
 * additional data: a ciphertext copied into another field or another person's row does not
 * decrypt.
 *
 * Lookups (find the account by phone) use HMAC-SHA256 under a separate key derived with
 * HKDF, so equal values give equal hashes without the database ever holding the value.
 */
export interface Crypto {
  encrypt(plaintext: string, context: string): string;
  /** Throws when the ciphertext was altered, moved to another context, or its key is unknown. */
  decrypt(ciphertext: string, context: string): string;
  encryptBytes(data: Uint8Array, context: string): Buffer;
  decryptBytes(data: Uint8Array, context: string): Buffer;
  /** Hex HMAC-SHA256 of `value`, domain-separated by `purpose`. */
  hmac(purpose: string, value: string): string;
  /** Constant-time equality, for comparing hashes and signatures. */
  equal(a: string, b: string): boolean;
}

export const MASTER_KEY_BYTES = 32;

export interface MasterKeys {
  /** Encrypts everything new. */
  current: Buffer;
  /**
   * Older keys, newest first, still accepted for decryption. The last one (the oldest) is
   * the root the lookup key is derived from: lookups must not change when the encryption
   * key rotates, or nobody could be found by phone. Changing the root means recomputing
   * every hash column from the decrypted values (a migration, not built).
   */
  previous?: Buffer[];
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_BYTES = 4;
const STRING_PREFIX = 'z1';
const BYTES_MAGIC = Buffer.from('ZYE1');

const derive = (master: Buffer, info: string, bytes: number) =>
  Buffer.from(hkdfSync('sha256', master, Buffer.from('zhuyi'), info, bytes));

const aad = (context: string) => Buffer.from(`zhuyi\0${context}`, 'utf8');

/** Parses a base64 (or base64url) master key; exactly 32 bytes or it throws, naming `source`. */
export function parseMasterKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== MASTER_KEY_BYTES) {
    throw new Error(`${source} must be ${MASTER_KEY_BYTES} random bytes in base64`);
  }
  return key;
}

export function createAesGcmCrypto(keys: MasterKeys): Crypto {
  const all = [keys.current, ...(keys.previous ?? [])];
  const byId = new Map<string, Buffer>();
  for (const master of all) {
    if (master.length !== MASTER_KEY_BYTES) throw new Error('a master key must be 32 bytes');
    byId.set(
      derive(master, 'key-id/v1', KEY_ID_BYTES).toString('hex'),
      derive(master, 'aes-256-gcm/v1', 32),
    );
  }
  const currentId = derive(keys.current, 'key-id/v1', KEY_ID_BYTES);
  const currentKey = derive(keys.current, 'aes-256-gcm/v1', 32);
  const lookupKey = derive(all[all.length - 1], 'hmac-lookup/v1', 32);

  const seal = (data: Uint8Array, context: string) => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', currentKey, iv);
    cipher.setAAD(aad(context));
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    return { iv, tag: cipher.getAuthTag(), body };
  };

  const open = (keyId: string, iv: Buffer, tag: Buffer, body: Buffer, context: string) => {
    const key = byId.get(keyId);
    if (!key) throw new Error(`unknown encryption key ${keyId}: was the master key replaced?`);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(aad(context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  };

  return {
    // z1.<key id hex>.<base64url(iv | tag | ciphertext)>
    encrypt(plaintext, context) {
      const { iv, tag, body } = seal(Buffer.from(plaintext, 'utf8'), context);
      const packed = Buffer.concat([iv, tag, body]).toString('base64url');
      return `${STRING_PREFIX}.${currentId.toString('hex')}.${packed}`;
    },
    decrypt(ciphertext, context) {
      const [prefix, keyId, packed, ...rest] = ciphertext.split('.');
      if (prefix !== STRING_PREFIX || !keyId || packed === undefined || rest.length > 0)
        throw new Error('not a ciphertext of this format');
      const raw = Buffer.from(packed, 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('ciphertext too short');
      const iv = raw.subarray(0, IV_BYTES);
      const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
      return open(keyId, iv, tag, raw.subarray(IV_BYTES + TAG_BYTES), context).toString('utf8');
    },
    // "ZYE1" | key id (4) | iv (12) | tag (16) | ciphertext
    encryptBytes(data, context) {
      const { iv, tag, body } = seal(data, context);
      return Buffer.concat([BYTES_MAGIC, currentId, iv, tag, body]);
    },
    decryptBytes(data, context) {
      const raw = Buffer.from(data);
      const head = BYTES_MAGIC.length + KEY_ID_BYTES;
      if (raw.length < head + IV_BYTES + TAG_BYTES || !raw.subarray(0, 4).equals(BYTES_MAGIC))
        throw new Error('not an encrypted file of this format');
      const keyId = raw.subarray(4, head).toString('hex');
      const iv = raw.subarray(head, head + IV_BYTES);
      const tag = raw.subarray(head + IV_BYTES, head + IV_BYTES + TAG_BYTES);
      return open(keyId, iv, tag, raw.subarray(head + IV_BYTES + TAG_BYTES), context);
    },
    hmac(purpose, value) {
      return createHmac('sha256', lookupKey).update(`${purpose}\0${value}`, 'utf8').digest('hex');
    },
    equal(a, b) {
      const x = Buffer.from(a, 'utf8');
      const y = Buffer.from(b, 'utf8');
      return x.length === y.length && timingSafeEqual(x, y);
    },
  };
}

/**
 * Keys from the environment: ZHUYI_MASTER_KEY (base64, 32 bytes) and, after a rotation,
 * ZHUYI_MASTER_KEY_PREVIOUS (comma-separated, newest first). Null when no key is set.
 */
export function masterKeysFromEnv(env: NodeJS.ProcessEnv): MasterKeys | null {
  if (!env.ZHUYI_MASTER_KEY) return null;
  const previous = (env.ZHUYI_MASTER_KEY_PREVIOUS ?? '')
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((s, i) => parseMasterKey(s, `ZHUYI_MASTER_KEY_PREVIOUS[${i}]`));
  return { current: parseMasterKey(env.ZHUYI_MASTER_KEY, 'ZHUYI_MASTER_KEY'), previous };
}
