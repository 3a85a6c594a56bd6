/**
 * CS risk control: finding links in message text and judging their host against an allow
 * list. Pure string work with no `URL` class (the mini-program has none), shared so the
 * server's verdict and the client's rendering cannot disagree about where a link starts.
 */

export interface FoundLink {
  /** The link as written. */
  url: string;
  /** Lower-case host without port or trailing dot; '' when none could be read. */
  host: string;
  /** UTF-16 offsets into the text: text.slice(start, end) === url. */
  start: number;
  end: number;
}

// Common TLDs a bare "example.com/x" is recognised by; scheme and www. links need none.
const BARE_TLDS =
  'com|cn|net|org|info|top|xyz|vip|cc|io|me|ly|co|site|online|shop|club|link|tk|ml|ga|cf|gq|app|icu|ink|wang|live|fun';
const LINK = new RegExp(
  [
    String.raw`[a-z][a-z0-9+.-]{1,15}:\/\/[^\s<>"'，。！？；、（）【】《》“”‘’]+`,
    String.raw`www\.[^\s<>"'，。！？；、（）【】《》“”‘’]+`,
    String.raw`(?:[a-z0-9-]+\.)+(?:${BARE_TLDS})(?::\d{1,5})?(?:\/[^\s<>"'，。！？；、（）【】《》“”‘’]*)?(?![a-z0-9-])`,
  ].join('|'),
  'giu',
);
/** Punctuation that ends a sentence rather than a link. */
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** The host of a link: after the scheme and any user:password@, before port/path. */
export function hostOf(url: string): string {
  let rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  rest = rest.split(/[/?#\\]/)[0];
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  rest = rest.replace(/:\d*$/, '').replace(/\.$/, '');
  return rest.toLowerCase();
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * SEC: what a tap may open — the link itself when its scheme is http or https, `https://`
 * before a link written without one, and null for every other scheme (javascript:, data:,
 * vbscript:, file:, weixin: …), whatever its host. Server and client both ask this.
 */
export function tappableHref(url: string): string | null {
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return /^[a-z0-9]/i.test(url) ? `https://${url}` : null;
  if (scheme !== 'http' && scheme !== 'https') return null;
  return url.slice(scheme.length, scheme.length + 3) === '://' ? url : null;
}

/** Every link in `text`, in order. */
export function findLinks(text: string): FoundLink[] {
  const out: FoundLink[] = [];
  for (const match of text.matchAll(LINK)) {
    const url = match[0].replace(TRAILING, '');
    if (url.length < 4) continue;
    const start = match.index ?? 0;
    out.push({ url, host: hostOf(url), start, end: start + url.length });
  }
  return out;
}

/**
 * True when `host` is an allowed host or a subdomain of one. A host with characters outside
 * [a-z0-9.-] (an internationalised look-alike, an IP literal in brackets) is never allowed.
 */
export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  if (!/^[a-z0-9.-]+$/.test(host)) return false;
  return allowed.some((a) => {
    const h = a.trim().toLowerCase();
    return h !== '' && (host === h || host.endsWith(`.${h}`));
  });
}

/** Parses ALLOWED_LINK_HOSTS ("a.com, b.cn"); empty or unset means the default list. */
export function parseAllowedHosts(
  value: string | undefined,
  fallback: readonly string[],
): string[] {
  const hosts = (value ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase().replace(/^\*\./, ''))
    .filter((h) => h !== '');
  return hosts.length > 0 ? hosts : [...fallback];
}
