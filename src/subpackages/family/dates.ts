/** Today in Shanghai as YYYY-MM-DD: the server judges "not in the future" by this day. */
export function todayInShanghai(now: number = Date.now()): string {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date, not after today; the message to show, or null. */
export function dateError(value: string, today: string, label = '日期'): string | null {
  if (!DATE_PATTERN.test(value)) return `${label}格式为 YYYY-MM-DD，例如 2024-05-01`;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return `${label}不是有效的日期`;
  if (value > today) return `${label}不能晚于今天`;
  return null;
}
