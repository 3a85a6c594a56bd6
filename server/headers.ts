import { createHash } from 'node:crypto';

/** Sent with every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  // Page paths name doctors and consultations; other sites never see them.
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  // The app itself asks for location (LOC), camera (CAM) and microphone (MIC); nothing embedded may.
  'permissions-policy': 'geolocation=(self), camera=(self), microphone=(self), payment=()',
};

/** SEC: HTTPS only for a year, production only (a local http://localhost must keep working). */
export const HSTS_HEADER = ['strict-transport-security', 'max-age=31536000; includeSubDomains'];

/** The headers every response gets: SECURITY_HEADERS, the CSP for its type, HSTS in production. */
export function securityHeadersFor(
  contentType: string,
  documentPolicy: () => string,
  production: boolean,
): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    'content-security-policy': contentType.startsWith('text/html')
      ? documentPolicy()
      : NON_DOCUMENT_CSP,
    ...(production ? { [HSTS_HEADER[0]]: HSTS_HEADER[1] } : {}),
  };
}

/** For anything that is not an HTML page (API JSON, scripts, images): allow nothing. */
export const NON_DOCUMENT_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The H5 app's policy. Scripts only from this origin plus the inline scripts of the built
 * index.html, allowed by hash (Taro's template sets the root font size inline). Styles
 * need 'unsafe-inline' because React writes style attributes. Images may come from any
 * HTTPS host (doctor avatars, map tiles).
 */
export function documentCsp(inlineScriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScriptHashes.map((h) => `'${h}'`)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** `sha256-…` of every inline `<script>` in a page, as CSP wants them. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attrs, body] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attrs) || body.length === 0) continue;
    hashes.push(`sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
  }
  return hashes;
}
