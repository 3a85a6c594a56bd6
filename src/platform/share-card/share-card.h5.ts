import type { ShareCardInput } from './layout';

/**
 * The share card image for a doctor: a temp file path, or null when this platform has
 * none (H5 shares by copying the link) — the share then goes out without an image.
 */
export function drawShareCard(card: ShareCardInput): Promise<string | null> {
  void card;
  return Promise.resolve(null);
}
