import type { Crypto } from '../../ports/crypto';
import { assertFileKey, type LinkOptions } from '../../ports/files';

/**
 * Signed, expiring links to local files: `/files/<payload>.<mac>`, where the payload is
 * base64url JSON { k: key, e: expiry (epoch s), o?: owner hash, d?: 1 to decrypt } and the
 * mac an HMAC of it under the Crypto lookup key. The server's GET /files/<token> route
 * (server/files.ts) checks them. The owner is a hash, so a link in a log names nobody.
 */
export interface LinkClaims {
  key: string;
  expiresAt: number;
  ownerHash: string | null;
  decrypt: boolean;
}

export interface FileLinks {
  sign(key: string, options: LinkOptions, now: Date): string;
  /** The claims of a valid, unexpired token; null for anything else. */
  verify(token: string, now: Date): LinkClaims | null;
  ownerHash(openid: string): string;
}

interface Payload {
  k: string;
  e: number;
  o?: string;
  d?: 1;
}

const TOKEN = /^([A-Za-z0-9_-]{10,600})\.([a-f0-9]{64})$/;

export function createFileLinks(crypto: Crypto): FileLinks {
  const mac = (payload: string) => crypto.hmac('file-link', payload);
  const ownerHash = (openid: string) => crypto.hmac('file-link-owner', openid).slice(0, 32);
  return {
    ownerHash,
    sign(key, options, now) {
      const payload: Payload = {
        k: assertFileKey(key),
        e: Math.floor(now.getTime() / 1000) + Math.max(1, Math.floor(options.ttlSeconds)),
        ...(options.owner ? { o: ownerHash(options.owner) } : {}),
        ...(options.decrypt ? { d: 1 as const } : {}),
      };
      const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
      return `${encoded}.${mac(encoded)}`;
    },
    verify(token, now) {
      const match = TOKEN.exec(token);
      if (!match || !crypto.equal(mac(match[1]), match[2])) return null;
      let payload: Payload;
      try {
        payload = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as Payload;
        assertFileKey(payload.k);
      } catch {
        return null;
      }
      if (typeof payload.e !== 'number' || payload.e * 1000 <= now.getTime()) return null;
      return {
        key: payload.k,
        expiresAt: payload.e,
        ownerHash: typeof payload.o === 'string' ? payload.o : null,
        decrypt: payload.d === 1,
      };
    },
  };
}
