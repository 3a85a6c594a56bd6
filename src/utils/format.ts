/** Consultation price in fen (分): 0 → "免费", 3000 → "¥30", 2550 → "¥25.5". */
export function formatPrice(fen: number): string {
  if (fen <= 0) return '免费';
  const yuan = (Math.round(fen) / 100).toFixed(2).replace(/\.?0+$/, '');
  return `¥${yuan}`;
}

/** Rating 0–5 with one decimal: 4 → "4.0". */
export function formatRating(rating: number): string {
  return rating.toFixed(1);
}

/** Large counts in Chinese units: 12345 → "1.2万". */
export function formatCount(count: number): string {
  if (count < 10_000) return String(count);
  return `${(count / 10_000).toFixed(1).replace(/\.0$/, '')}万`;
}

/** The avatar letter: the surname, skipping any label before "·" (demo names read "示例·王颖"). */
export function initialOf(name: string): string {
  const last = name.split('·').pop()?.trim() ?? '';
  return (last || name).slice(0, 1);
}

/** An ISO date as the policy prints it: "2022-01-22" → "2022年1月22日". */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A moment as the user's calendar day: "2024-05-01T16:30:00Z" → "2024年5月2日" in Shanghai. */
export function formatLocalDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** A moment in the user's time zone, to the minute: "2024年5月2日 00:30". */
export function formatLocalDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${formatLocalDate(iso)} ${hh}:${mm}`;
}
