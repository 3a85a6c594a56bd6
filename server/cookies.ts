/**
 * The two cookie operations the server needs, written out because `cookie@2` (already in
 * the tree) requires Node 22 and we run on Node 20.
 */

/** Parses a Cookie header. A name that appears twice keeps every value, in header order. */
export function parseCookies(header: string | undefined): Map<string, string[]> {
  const jar = new Map<string, string[]>();
  if (!header) return jar;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      value = value.slice(1, -1);
    }
    const values = jar.get(name) ?? [];
    values.push(value);
    jar.set(name, values);
  }
  return jar;
}

export interface CookieAttributes {
  maxAgeSeconds: number;
  secure: boolean;
}

const TOKEN = /^[A-Za-z0-9_.~-]+$/;

/** Serialises one session cookie: HttpOnly, SameSite=Lax, Path=/ always; Secure on request. */
export function serializeCookie(name: string, value: string, attrs: CookieAttributes): string {
  if (!TOKEN.test(name) || !TOKEN.test(value)) {
    // Only our own URL-safe tokens are ever written; anything else is a programming error.
    throw new Error('cookie name/value must be URL-safe tokens');
  }
  const parts = [
    `${name}=${value}`,
    'Path=/',
    `Max-Age=${Math.floor(attrs.maxAgeSeconds)}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (attrs.secure) parts.push('Secure');
  return parts.join('; ');
}
