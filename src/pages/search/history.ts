import Taro from '@tarojs/taro';

/**
 * Search history, on this device only (never sent anywhere), and only while the user has
 * agreed to the privacy policy (POL): the page neither records nor shows it otherwise, and
 * forgets it when consent is gone. Clearable from the page (清空).
 */
const STORAGE_KEY = 'searchHistory';
export const MAX_HISTORY = 10;

export function readHistory(): string[] {
  try {
    const raw: unknown = Taro.getStorageSync(STORAGE_KEY);
    return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Newest first, each search once; a search typed further (瑞 → 瑞金, paused in between)
 * replaces the shorter one.
 */
export function remember(q: string): string[] {
  const next = [q, ...readHistory().filter((v) => !q.startsWith(v))].slice(0, MAX_HISTORY);
  Taro.setStorageSync(STORAGE_KEY, next);
  return next;
}

/**
 * Forgets the history. Nothing stored, nothing touched: in browse-only mode the page must not
 * write to storage at all, not even a removal (issue 11 point 3, measured in e2e).
 */
export function forgetHistory(): void {
  let stored: unknown = '';
  try {
    stored = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    // Unreadable: remove it below all the same.
    stored = null;
  }
  if (stored === '' || stored === undefined) return;
  Taro.removeStorageSync(STORAGE_KEY);
}
