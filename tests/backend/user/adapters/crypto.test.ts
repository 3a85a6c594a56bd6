/** The Crypto port: AES-256-GCM with key ids, context binding, rotation, and lookup HMACs. */
import { createCloudbaseCrypto } from '../../../../backend/adapters/cloudbase/crypto';
import {
  createAesGcmCrypto,
  masterKeysFromEnv,
  parseMasterKey,
} from '../../../../backend/ports/crypto';

const k1 = Buffer.alloc(32, 1);
const k2 = Buffer.alloc(32, 2);

describe('AES-256-GCM', () => {
  const crypto = createAesGcmCrypto({ current: k1 });

  it('round-trips strings and bytes; equal plaintexts give different ciphertexts (random IV)', () => {
    const a = crypto.encrypt('13812345678', 'users.phoneEnc:o1');
    const b = crypto.encrypt('13812345678', 'users.phoneEnc:o1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^z1\.[a-f0-9]{8}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('13812345678');
    expect(crypto.decrypt(a, 'users.phoneEnc:o1')).toBe('13812345678');
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]);
    const sealed = crypto.encryptBytes(bytes, 'file:k');
    expect(sealed.subarray(0, 4).toString()).toBe('ZYE1');
    expect(sealed.length).toBe(4 + 4 + 12 + 16 + bytes.length);
    expect(crypto.decryptBytes(sealed, 'file:k').equals(bytes)).toBe(true);
  });

  it('refuses a tampered ciphertext, another context, or garbage', () => {
    const c = crypto.encrypt('张三', 'ctx:a');
    expect(() => crypto.decrypt(c, 'ctx:b')).toThrow();
    const raw = Buffer.from(c.split('.')[2], 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(() =>
      crypto.decrypt(`z1.${c.split('.')[1]}.${raw.toString('base64url')}`, 'ctx:a'),
    ).toThrow();
    expect(() => crypto.decrypt('plaintext', 'ctx:a')).toThrow();
    const file = crypto.encryptBytes(Buffer.from('x'), 'file:a');
    file[file.length - 1] ^= 1;
    expect(() => crypto.decryptBytes(file, 'file:a')).toThrow();
  });

  it('rotates: new data uses the new key, old data still opens, lookups do not change', () => {
    const old = createAesGcmCrypto({ current: k1 });
    const rotated = createAesGcmCrypto({ current: k2, previous: [k1] });
    const before = old.encrypt('13812345678', 'c');
    expect(rotated.decrypt(before, 'c')).toBe('13812345678');
    const after = rotated.encrypt('13812345678', 'c');
    expect(after.split('.')[1]).not.toBe(before.split('.')[1]);
    expect(() => old.decrypt(after, 'c')).toThrow(/unknown encryption key/);
    expect(rotated.hmac('phone', '13812345678')).toBe(old.hmac('phone', '13812345678'));
  });

  it('hmac is keyed and separated by purpose', () => {
    const other = createAesGcmCrypto({ current: k2 });
    expect(crypto.hmac('phone', 'x')).toMatch(/^[a-f0-9]{64}$/);
    expect(crypto.hmac('phone', 'x')).not.toBe(other.hmac('phone', 'x'));
    expect(crypto.hmac('phone', 'x')).not.toBe(crypto.hmac('device', 'x'));
    expect(crypto.equal('abc', 'abc')).toBe(true);
    expect(crypto.equal('abc', 'abd')).toBe(false);
    expect(crypto.equal('abc', 'ab')).toBe(false);
  });
});

describe('keys from configuration', () => {
  it('parses a base64 32-byte key and refuses anything else, naming the variable', () => {
    expect(parseMasterKey(k1.toString('base64'), 'X').equals(k1)).toBe(true);
    expect(() => parseMasterKey('c2hvcnQ=', 'ZHUYI_MASTER_KEY')).toThrow(
      /ZHUYI_MASTER_KEY must be 32/,
    );
  });

  it('reads ZHUYI_MASTER_KEY and ZHUYI_MASTER_KEY_PREVIOUS', () => {
    expect(masterKeysFromEnv({})).toBeNull();
    const keys = masterKeysFromEnv({
      ZHUYI_MASTER_KEY: k2.toString('base64'),
      ZHUYI_MASTER_KEY_PREVIOUS: ` ${k1.toString('base64')} ,`,
    });
    expect(keys?.current.equals(k2)).toBe(true);
    expect(keys?.previous?.map((k) => k.equals(k1))).toEqual([true]);
  });

  it('CloudBase refuses to start without the key', () => {
    expect(() => createCloudbaseCrypto({})).toThrow(/ZHUYI_MASTER_KEY is not set/);
    const crypto = createCloudbaseCrypto({ ZHUYI_MASTER_KEY: k1.toString('base64') });
    expect(crypto.decrypt(createAesGcmCrypto({ current: k1 }).encrypt('a', 'c'), 'c')).toBe('a');
  });
});
