// One implementation of the datum shift, shared with the back end (zod-free, so the
// bundle stays small).
export { wgs84ToGcj02 } from '../../contract/geo';

/** 850 → "850m", 12345 → "12.3km". */
export function formatDistance(meters: number): string {
  const m = Math.max(0, Math.round(meters));
  if (m < 1000) return `${m}m`;
  return `${(m / 1000).toFixed(1)}km`;
}
