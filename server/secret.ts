import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SECRET_BYTES = 32;
export const SECRET_FILE = 'secret.key';

/**
 * The server's own secret (identity cookies are signed with it and openids derived from
 * it), created on first run in `<dataDir>/secret.key` with mode 0600. Losing or changing it
 * gives every browser a new identity, so a damaged file stops the server instead of being
 * silently replaced.
 */
export function loadOrCreateSecret(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SECRET_FILE);
  try {
    // 'wx' fails if the file exists, so two processes starting together keep one secret.
    writeFileSync(file, randomBytes(SECRET_BYTES).toString('base64url') + '\n', {
      mode: 0o600,
      flag: 'wx',
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  if (secret.length < SECRET_BYTES) {
    throw new Error(
      `${file} is damaged (expected ${SECRET_BYTES} random bytes). Restore it from a backup, ` +
        'or delete it to start over (every browser then gets a new identity).',
    );
  }
  return secret;
}
