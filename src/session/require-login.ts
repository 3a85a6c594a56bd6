import Taro from '@tarojs/taro';
import { getConsent } from '../privacy/consent';
import type { ServiceError } from '../services/errors';
import { go, routes, TAB_PAGES } from '../utils/routes';
import { accountGate } from './messages';
import { account, forgetLogin, isTrusted, refreshAccount } from './session';

/**
 * REG: browsing never needs an account; features that do send the user to 登录 with the
 * page to come back to (`redirect`), and 登录 returns there when done.
 */

const pathOf = (url: string) => url.split('?')[0].replace(/^\/?/, '/');

/** Whether the user can use an account feature now; otherwise opens 登录 and says no. */
export async function requireLogin(redirect: string): Promise<boolean> {
  if (getConsent().status === 'agreed') {
    const state = account.get() ?? (await refreshAccount().catch(() => null));
    if (isTrusted(state)) return true;
  }
  go(routes.login(redirect));
  return false;
}

/**
 * An account action was refused for want of a (trusted) login: opens 登录 in place of the
 * current page `self`, which 登录 reopens afterwards. False for any other error.
 */
export function handleAccountError(error: ServiceError, self: string): boolean {
  const gate = accountGate(error);
  if (!gate) return false;
  if (gate === 'login') forgetLogin();
  else void refreshAccount().catch(() => undefined);
  void Taro.redirectTo({ url: routes.login(self) });
  return true;
}

/**
 * The `redirect` query of 登录, decoded (platforms differ in whether they decode query
 * values) and accepted only as one of our own page paths.
 */
export function readRedirect(raw: string | undefined): string | null {
  let value = raw ?? '';
  for (let i = 0; i < 2 && /^%(2F|25)/i.test(value); i++) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  // A path of this app only: no scheme, no host, no `//`.
  return /^(\/[\w-]+)+(\?[\w%=&.-]*)?$/.test(value) ? value : null;
}

type PageLike = { route?: string; path?: string };

function previousPage(): PageLike | null {
  if (typeof Taro.getCurrentPages !== 'function') return null;
  const pages = Taro.getCurrentPages() as PageLike[];
  return pages.length >= 2 ? pages[pages.length - 2] : null;
}

/**
 * Whether `self` is the page the user is looking at. A page further down the stack must not
 * act on a change of state (redirectTo would replace the page on top, not itself).
 * Without a page stack to ask (tests, an early launch) it counts as on top.
 */
export function isTopPage(self: string): boolean {
  if (typeof Taro.getCurrentPages !== 'function') return true;
  const pages = Taro.getCurrentPages() as PageLike[];
  const top = pages[pages.length - 1];
  if (!top) return true;
  return pathOf(top.route ?? top.path ?? '') === pathOf(self);
}

/** After a login: back to `redirect` (or to the page before 登录 when there is none). */
export function finishLogin(redirect: string | null): void {
  const previous = previousPage();
  const previousPath = previous ? pathOf(previous.route ?? previous.path ?? '') : null;
  if (redirect && TAB_PAGES.includes(pathOf(redirect))) {
    void Taro.switchTab({ url: pathOf(redirect) });
  } else if (redirect && previousPath !== pathOf(redirect)) {
    void Taro.redirectTo({ url: redirect });
  } else if (previous) {
    void Taro.navigateBack();
  } else {
    void Taro.switchTab({ url: routes.mine });
  }
}
