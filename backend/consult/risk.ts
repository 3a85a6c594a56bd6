import { DEFAULT_ALLOWED_LINK_HOSTS } from '../../contract/consult/items';
import {
  findLinks,
  isAllowedHost,
  parseAllowedHosts,
  tappableHref,
} from '../../contract/consult/links';
import type { ConsultRole } from '../../contract/consult/views';
import { RISKY_URLS } from '../collections';
import type { Ctx } from '../core/context';
import { portOf } from '../user/ports';

/**
 * CS risk control: links in messages are judged against the allow list
 * (ALLOWED_LINK_HOSTS, comma-separated hosts; each also allows its subdomains; unset →
 * DEFAULT_ALLOWED_LINK_HOSTS). Others are recorded in `riskyUrls` and flagged, so clients
 * show them as plain text with a warning.
 */
let cached: { value: string | undefined; hosts: string[] } | null = null;

export function allowedLinkHosts(env: NodeJS.ProcessEnv = process.env): string[] {
  const value = env.ALLOWED_LINK_HOSTS;
  if (!cached || cached.value !== value)
    cached = { value, hosts: parseAllowedHosts(value, DEFAULT_ALLOWED_LINK_HOSTS) };
  return cached.hosts;
}

export interface CheckedLinks {
  links: Array<{ start: number; end: number; safe: boolean }>;
  risky: Array<{ url: string; host: string }>;
}

export function checkLinks(text: string, allowed = allowedLinkHosts()): CheckedLinks {
  const found = findLinks(text);
  const links = found.map((l) => ({
    start: l.start,
    end: l.end,
    // SEC: an allowed host is not enough; javascript://www.gov.cn/ is not a web page.
    safe: tappableHref(l.url) !== null && isAllowedHost(l.host, allowed),
  }));
  const risky = found.filter((_, i) => !links[i].safe).map((l) => ({ url: l.url, host: l.host }));
  return { links, risky };
}

/**
 * One riskyUrls row per unvetted link (consult, message, host, sender, time). CS/SEC: review
 * needs the host and a way to match a reported link, so the link itself is kept only as a
 * keyed hash (the message body holding it is encrypted; this row must not undo that).
 */
export async function recordRiskyUrls(
  ctx: Ctx,
  entry: { consultId: string; messageId: string; sender: ConsultRole; senderOpenid: string },
  risky: CheckedLinks['risky'],
): Promise<void> {
  const at = ctx.clock.now().toISOString();
  const random = portOf(ctx, 'random');
  for (const { url, host } of risky) {
    await ctx.store
      .insert(RISKY_URLS.name, {
        _id: `r${random.hex(12)}`,
        consultId: entry.consultId,
        messageId: entry.messageId,
        urlHash: portOf(ctx, 'crypto').hmac('riskyUrl', url),
        host: host.slice(0, 255),
        sender: entry.sender,
        owner: entry.senderOpenid,
        at,
      })
      .catch((err: unknown) => ctx.log.error({ err: String(err) }, 'risky url not recorded'));
  }
}
