import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseCookies, serializeCookie } from './cookies';

/**
 * Each browser's stable anonymous identity — the local stand-in for WeChat's openid.
 *
 * The cookie holds a random session id `sid` (32 bytes, base64url) and an HMAC of it under
 * the server secret: `<sid>.<mac>`. The openid is a *different* HMAC of the sid, so the
 * cookie is never the openid, and nothing is stored per browser.
 *
 * Why derive instead of keeping a `sessions` collection: no write on every first visit (a
 * crawler cannot grow the database), no cleanup job, and a restored database backup keeps
 * identities as long as `secret.key` is kept with it. The cost: one browser cannot be
 * signed out on its own — rotating the secret resets everyone. Accounts (phone login) are
 * a separate, revocable layer on top of this.
 *
 * A cookie whose MAC does not verify (forged, truncated, from another server) is ignored
 * and a fresh identity issued, so nobody can choose or guess their way into someone
 * else's openid.
 *
 * Issued lazily (issue 11 point 3): app.ts resolves it only when a handler reads the caller,
 * so a page load or a catalog call never sets this 400-day identifier before 同意.
 *
 * Over HTTPS the cookie is named `__Host-zy_sid`: browsers then refuse it unless it is
 * Secure, Path=/ and host-only, so a sibling subdomain cannot plant one (session fixation).
 */
export const COOKIE_NAME = 'zy_sid';
export const SECURE_COOKIE_NAME = `__Host-${COOKIE_NAME}`;

/** 400 days, the longest lifetime browsers honour. */
export const COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

const SID_BYTES = 32;
const COOKIE_VALUE = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

export interface Identity {
  openid: string;
  /** A Set-Cookie header value when a new identity was issued, else null. */
  setCookie: string | null;
}

export interface IdentityIssuer {
  resolve(cookieHeader: string | undefined, secure: boolean): Identity;
}

export function createIdentityIssuer(secret: Buffer): IdentityIssuer {
  const mac = (purpose: string, sid: string) =>
    createHmac('sha256', secret).update(`${purpose}\0${sid}`).digest('base64url');

  const verify = (value: string): string | null => {
    const match = COOKIE_VALUE.exec(value);
    if (!match) return null;
    const [, sid, tag] = match;
    const expected = Buffer.from(mac('cookie', sid));
    return timingSafeEqual(expected, Buffer.from(tag)) ? sid : null;
  };

  return {
    resolve(cookieHeader, secure) {
      const name = secure ? SECURE_COOKIE_NAME : COOKIE_NAME;
      for (const value of parseCookies(cookieHeader).get(name) ?? []) {
        const sid = verify(value);
        if (sid) return { openid: mac('openid', sid), setCookie: null };
      }
      const sid = randomBytes(SID_BYTES).toString('base64url');
      return {
        openid: mac('openid', sid),
        setCookie: serializeCookie(name, `${sid}.${mac('cookie', sid)}`, {
          maxAgeSeconds: COOKIE_MAX_AGE_SECONDS,
          secure,
        }),
      };
    },
  };
}
