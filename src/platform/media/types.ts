import type { Refusal } from '../permissions/types';

/** Where pictures come from; the user chooses (ALB, CAM), never the app. */
export type ImageSource = 'album' | 'camera';

export interface PickOptions {
  count: number;
  source: ImageSource;
}

export interface PickedImage {
  /** A local path (weapp temp file) or object URL (H5), to preview or upload. */
  path: string;
  size: number;
}

export type PickResult =
  { status: 'picked'; images: PickedImage[] } | { status: 'cancelled' } | Refusal;

/** WeChat's chooseMedia limit, and the photo-consultation limit (up to 9 photos). */
export const MAX_IMAGES = 9;

export function clampCount(count: number): number {
  return Math.min(MAX_IMAGES, Math.max(1, Math.floor(count) || 1));
}
