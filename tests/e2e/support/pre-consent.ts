import type { BrowserContext, Page } from 'playwright-core';

/**
 * Issue 11 point 3: what the app may keep on a device before the user taps 同意 — and in
 * browse-only mode after 不同意. Nothing personal and no identifier: only the decision
 * itself and display preferences. Every storage key written then must match one entry.
 */
export const PRE_CONSENT_STORAGE_ALLOWLIST: ReadonlyArray<{ key: RegExp; why: string }> = [
  {
    key: /^zhuyi\.privacy\.consent$/,
    why: 'the decision itself (不同意 is remembered so the sheet is not shown on every launch)',
  },
  {
    key: /^zhuyi\.display\./,
    why: 'display preferences such as 长辈模式 (none is written today)',
  },
];

/** Cookies allowed before consent and in browse-only mode: none (zy_sid comes after 同意). */
export const PRE_CONSENT_COOKIE_ALLOWLIST: readonly string[] = [];

/**
 * API calls allowed then, as "path action": browsing the catalog, and reading the policy's
 * supplement (shown in the consent sheet, issue 11 point 10) — neither needs a caller.
 */
export const PRE_CONSENT_API_ALLOWLIST: readonly RegExp[] = [
  /^\/api\/catalog \w+$/,
  /^\/api\/privacy getSupplement$/,
];

export const allowedStorageKey = (key: string) =>
  PRE_CONSENT_STORAGE_ALLOWLIST.some((entry) => entry.key.test(key));

export interface StorageWrite {
  area: 'localStorage' | 'sessionStorage' | 'cookie' | 'indexedDB';
  op: string;
  key: string;
}

/**
 * Records, from inside every page of the context, each write to localStorage,
 * sessionStorage, document.cookie and each indexedDB.open — before the app's own code runs.
 */
export async function recordStorageWrites(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    type Write = { area: string; op: string; key: string };
    const w = window as unknown as { __writes: Write[] };
    w.__writes = [];
    const areaOf = (s: Storage) =>
      s === window.sessionStorage ? 'sessionStorage' : 'localStorage';
    const proto = Storage.prototype;
    const { setItem, removeItem, clear } = proto;
    proto.setItem = function (key: string, value: string) {
      w.__writes.push({ area: areaOf(this), op: 'setItem', key });
      return setItem.call(this, key, value);
    };
    proto.removeItem = function (key: string) {
      w.__writes.push({ area: areaOf(this), op: 'removeItem', key });
      return removeItem.call(this, key);
    };
    proto.clear = function () {
      w.__writes.push({ area: areaOf(this), op: 'clear', key: '*' });
      return clear.call(this);
    };
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    if (cookie?.set && cookie.get) {
      const { get, set } = cookie;
      Object.defineProperty(Document.prototype, 'cookie', {
        configurable: true,
        get() {
          return get.call(this) as string;
        },
        set(value: string) {
          w.__writes.push({ area: 'cookie', op: 'set', key: String(value).split('=')[0] });
          set.call(this, value);
        },
      });
    }
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (name: string, version?: number) {
      w.__writes.push({ area: 'indexedDB', op: 'open', key: name });
      return open.call(this, name, version);
    };
  });
}

export const storageWrites = (page: Page) =>
  page.evaluate(() => (window as unknown as { __writes: StorageWrite[] }).__writes);

/** Every request the page makes (any origin), as "METHOD url-path-or-url [action]". */
export function requestLog(page: Page, origin: string): string[] {
  const log: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const where = url.origin === origin ? url.pathname : url.href;
    log.push(`${request.method()} ${where}${apiAction(request.postData())}`.trim());
  });
  return log;
}

/** " <action>" of an API call's `{ action, data }` body, or "" for anything else. */
function apiAction(body: string | null): string {
  try {
    const action = (JSON.parse(body ?? '') as { action?: unknown }).action;
    return typeof action === 'string' ? ` ${action}` : '';
  } catch {
    return '';
  }
}
