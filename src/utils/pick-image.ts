import Taro from '@tarojs/taro';
import { prepareImage } from '../platform/image-upload';
import type { Fit, ImageUpload } from '../platform/image-upload/types';
import { pickImages } from '../platform/media';
import type { ImageSource } from '../platform/media/types';
import { getConsent } from '../privacy/consent';

/** What came of asking the user for one picture (CAM, ALB). */
export type PickOutcome =
  | { status: 'ready'; image: ImageUpload }
  | { status: 'cancelled' }
  | { status: 'refused'; refusal: Refusal }
  | { status: 'error'; reason: string };

/** A permission the user did not give, with what the explanation needs. */
export interface Refusal {
  text: string;
  source: ImageSource;
  /** Refused for want of the policy: no system setting helps there, the policy does. */
  policy: boolean;
}

const SOURCES: Array<{ label: string; source: ImageSource }> = [
  { label: '拍照', source: 'camera' },
  { label: '从相册选择', source: 'album' },
];

/** Which source the user wants; null when they dismissed the sheet. */
async function chooseSource(): Promise<ImageSource | null> {
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: SOURCES.map((s) => s.label) });
    return SOURCES[tapIndex]?.source ?? null;
  } catch {
    return null;
  }
}

/**
 * The user's tap → 拍照 or 从相册选择 → the permission helper (the camera is asked only
 * now) → the picture shrunk to `fit` and checked as the server will check it.
 */
export async function pickOneImage(fit: Fit): Promise<PickOutcome> {
  const source = await chooseSource();
  if (!source) return { status: 'cancelled' };
  const result = await pickImages({ count: 1, source });
  if (result.status === 'cancelled') return result;
  if (result.status === 'denied') {
    const policy = getConsent().status !== 'agreed';
    return { status: 'refused', refusal: { text: result.reason, source, policy } };
  }
  if (result.status !== 'picked') return { status: 'error', reason: result.reason };
  const prepared = await prepareImage(result.images[0].path, fit);
  return prepared.status === 'ready'
    ? { status: 'ready', image: prepared.image }
    : { status: 'error', reason: prepared.reason };
}

/** A picture as an <Image> source, without writing it anywhere. */
export const dataUrl = (image: ImageUpload): string =>
  `data:${image.contentType};base64,${image.contentBase64}`;
