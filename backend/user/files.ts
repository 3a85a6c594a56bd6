import type { ImageType } from '../../contract/user/items';
import type { Crypto } from '../ports/crypto';
import type { Random } from '../ports/random';

/**
 * FileStore keys for one owner's files. The owner appears only as an HMAC, so a storage
 * path (and a link) never carries an openid; everything of one person shares one prefix,
 * which account deletion removes in one call.
 */
export function ownerFilePrefix(crypto: Crypto, owner: string): string {
  return `u/${crypto.hmac('file-owner', owner).slice(0, 32)}/`;
}

const EXTENSIONS: Record<ImageType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export function avatarKey(crypto: Crypto, random: Random, owner: string, type: ImageType): string {
  return `${ownerFilePrefix(crypto, owner)}avatar/${random.hex(12)}.${EXTENSIONS[type]}`;
}

/** Identity photos are stored encrypted, so their content is opaque bytes (`.bin`). */
export function identityPhotoKey(crypto: Crypto, random: Random, owner: string): string {
  return `${ownerFilePrefix(crypto, owner)}identity/${random.hex(12)}.bin`;
}
