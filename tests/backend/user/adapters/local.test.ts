/** The local adapters: master.key, the SMS outbox, files on disk and their signed links. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalCrypto, MASTER_KEY_FILE } from '../../../../backend/adapters/local/crypto';
import { createFileLinks } from '../../../../backend/adapters/local/file-links';
import { createLocalFileStore } from '../../../../backend/adapters/local/file-store';
import { createLocalPorts } from '../../../../backend/adapters/local/ports';
import {
  createOutboxSmsSender,
  SMS_OUTBOX_FILE,
} from '../../../../backend/adapters/local/sms-outbox';
import { fixedClock } from '../../../../backend/ports/clock';
import { createAesGcmCrypto } from '../../../../backend/ports/crypto';
import { silentLogger } from '../../../../backend/ports/logger';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhuyi-local-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('master.key', () => {
  it('is created once with mode 0600 and keeps decrypting across restarts', () => {
    const first = createLocalCrypto(dir, {});
    const file = join(dir, MASTER_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const sealed = first.encrypt('13812345678', 'c');
    const again = createLocalCrypto(dir, {});
    expect(again.decrypt(sealed, 'c')).toBe('13812345678');
    expect(again.hmac('phone', 'x')).toBe(first.hmac('phone', 'x'));
  });

  it('a damaged key file stops the process instead of being replaced', () => {
    writeFileSync(join(dir, MASTER_KEY_FILE), 'c2hvcnQ\n');
    expect(() => createLocalCrypto(dir, {})).toThrow(
      /master\.key is damaged.*Restore it from a backup/,
    );
  });

  it('ZHUYI_MASTER_KEY, when set, wins over the file', () => {
    const key = Buffer.alloc(32, 9);
    const crypto = createLocalCrypto(dir, { ZHUYI_MASTER_KEY: key.toString('base64') });
    expect(crypto.decrypt(createAesGcmCrypto({ current: key }).encrypt('a', 'c'), 'c')).toBe('a');
  });
});

describe('the SMS outbox', () => {
  it('appends one JSON line {phone, code, text, at} per message and logs it', async () => {
    const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    const sender = createOutboxSmsSender({
      dataDir: dir,
      log,
      clock: fixedClock('2026-11-30T08:00:00Z'),
      env: { NODE_ENV: 'development' },
    });
    await sender.send({ phone: '13812345678', code: '042917', purpose: 'register', ttlMinutes: 5 });
    await sender.send({ phone: '15900001111', code: '000001', purpose: 'verify', ttlMinutes: 5 });
    const lines = readFileSync(join(dir, SMS_OUTBOX_FILE), 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0])).toEqual({
      phone: '13812345678',
      code: '042917',
      text: '【上海助医】您的验证码为 042917，5 分钟内有效。如非本人操作，请忽略本短信。',
      at: '2026-11-30T08:00:00.000Z',
    });
    expect(Object.keys(JSON.parse(lines[1]))).toEqual(['phone', 'code', 'text', 'at']);
    expect(log.info).toHaveBeenCalledWith(
      expect.objectContaining({ sms: { phone: '138****5678', code: '042917' } }),
      expect.any(String),
    );
  });

  it('refuses to exist in production', () => {
    expect(() =>
      createOutboxSmsSender({
        dataDir: dir,
        log: silentLogger,
        clock: fixedClock('2026-11-30T08:00:00Z'),
        env: { NODE_ENV: 'production' },
      }),
    ).toThrow(/development only/);
    expect(() =>
      createLocalPorts({ dataDir: dir, log: silentLogger, env: { NODE_ENV: 'production' } }),
    ).toThrow(/development only/);
  });
});

describe('local files', () => {
  const crypto = createAesGcmCrypto({ current: Buffer.alloc(32, 3) });
  const clock = fixedClock('2026-11-30T08:00:00Z');
  const links = createFileLinks(crypto);

  it('stores by server-built keys only, 0600, and removes a whole owner folder', async () => {
    const files = createLocalFileStore({ dir, links, clock });
    await files.put('u/abc/avatar/1.png', Buffer.from('png'), 'image/png');
    await files.put('u/abc/identity/2.bin', Buffer.from('enc'), 'application/octet-stream');
    await files.put('u/def/avatar/3.jpg', Buffer.from('jpg'), 'image/jpeg');
    expect(statSync(join(dir, 'u', 'abc', 'avatar', '1.png')).mode & 0o777).toBe(0o600);
    expect(await files.get('u/abc/avatar/1.png')).toEqual({
      bytes: Buffer.from('png'),
      contentType: 'image/png',
    });
    for (const bad of [
      '../x/y.png',
      '/etc/passwd',
      'u/../../x.png',
      'U/x.png',
      'u/x/../../y.png',
      'u',
    ]) {
      await expect(files.get(bad)).rejects.toThrow(/invalid file key/);
    }
    await expect(files.put('u/abc/x.png', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(
      /content type/,
    );
    expect(await files.removePrefix('u/abc/')).toBe(2);
    expect(await files.get('u/abc/avatar/1.png')).toBeNull();
    expect(await files.get('u/def/avatar/3.jpg')).not.toBeNull();
    await expect(files.removePrefix('u/../')).rejects.toThrow(/invalid file prefix/);
    await files.remove('u/def/avatar/3.jpg');
    await files.remove('u/def/avatar/3.jpg'); // missing is fine
  });

  it('links are signed, expire, carry an owner hash, and refuse tampering', async () => {
    const token = links.sign(
      'u/abc/identity/2.bin',
      { ttlSeconds: 300, owner: 'o-alice', decrypt: true },
      clock.now(),
    );
    expect(token).not.toContain('o-alice');
    expect(links.verify(token, clock.now())).toEqual({
      key: 'u/abc/identity/2.bin',
      expiresAt: Date.parse('2026-11-30T08:05:00Z') / 1000,
      ownerHash: links.ownerHash('o-alice'),
      decrypt: true,
    });
    expect(links.verify(token, new Date('2026-11-30T08:05:00Z'))).toBeNull();
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ k: 'u/def/avatar/3.jpg', e: 9e9 })).toString(
      'base64url',
    );
    expect(links.verify(`${forged}.${mac}`, clock.now())).toBeNull();
    expect(links.verify(`${payload}.${'0'.repeat(64)}`, clock.now())).toBeNull();
    expect(
      createFileLinks(createAesGcmCrypto({ current: Buffer.alloc(32, 4) })).verify(
        token,
        clock.now(),
      ),
    ).toBeNull();
  });
});
