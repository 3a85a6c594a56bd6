import { join } from 'node:path';
import { loadOrCreateKeyFile } from '../backend/adapters/local/key-file';

const SECRET_BYTES = 32;
export const SECRET_FILE = 'secret.key';

/**
 * The server's own secret (identity cookies are signed with it and openids derived from
 * it), created on first run in `<dataDir>/secret.key` with mode 0600. Losing or changing it
 * gives every browser a new identity, so a damaged file stops the server instead of being
 * silently replaced.
 */
export function loadOrCreateSecret(dataDir: string): Buffer {
  return loadOrCreateKeyFile(
    join(dataDir, SECRET_FILE),
    SECRET_BYTES,
    'Restore it from a backup, or delete it to start over (every browser then gets a new identity).',
  );
}
