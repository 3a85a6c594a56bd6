import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A secret kept in a file of its own (the server's secret.key, the master.key that
 * encrypts personal data): created with `bytes` random bytes on first use, mode 0600,
 * and never silently replaced — a damaged file stops the process with `whenDamaged`,
 * because a new key would orphan everything made with the old one.
 */
export function loadOrCreateKeyFile(file: string, bytes: number, whenDamaged: string): Buffer {
  mkdirSync(dirname(file), { recursive: true });
  try {
    // 'wx' fails if the file exists, so two processes starting together keep one key.
    writeFileSync(file, randomBytes(bytes).toString('base64url') + '\n', {
      mode: 0o600,
      flag: 'wx',
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  if (key.length < bytes) {
    throw new Error(`${file} is damaged (expected ${bytes} random bytes). ${whenDamaged}`);
  }
  return key;
}
