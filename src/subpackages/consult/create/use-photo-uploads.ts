import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { MAX_CONSULT_PHOTOS } from '../../../../contract/consult/items';
import type { Refusal } from '../../../utils/pick-image';
import { prepareImage } from '../../../platform/image-upload';
import type { Fit } from '../../../platform/image-upload/types';
import { pickImages } from '../../../platform/media';
import type { ImageSource } from '../../../platform/media/types';
import { getConsent } from '../../../privacy/consent';
import { consultErrorText, uploadAttachment } from '../../../services/consult';

/** Symptom photos must stay legible, yet nine of them go one by one through callFunction. */
export const CONSULT_PHOTO_FIT: Fit = { maxSide: 1280, quality: 0.7 };

export interface PhotoItem {
  id: number;
  /** Local path / object URL, for the thumbnail and a retry. */
  path: string;
  state: 'uploading' | 'done' | 'error';
  key: string | null;
  error: string | null;
}

const SOURCES: Array<{ label: string; source: ImageSource }> = [
  { label: '拍照', source: 'camera' },
  { label: '从相册选择', source: 'album' },
];

async function chooseSource(): Promise<ImageSource | null> {
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: SOURCES.map((s) => s.label) });
    return SOURCES[tapIndex]?.source ?? null;
  } catch {
    return null;
  }
}

/**
 * CAM, ALB: photos picked from the source the user chooses, compressed, and uploaded one
 * by one as soon as picked, each with its own state; a failed one can be retried.
 */
export function usePhotoUploads() {
  const [photos, setPhotos] = useState<PhotoItem[]>([]);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const nextId = useRef(1);
  const count = useRef(0);

  const patch = (id: number, change: Partial<PhotoItem>) =>
    setPhotos((list) => list.map((p) => (p.id === id ? { ...p, ...change } : p)));

  const upload = useCallback(async (id: number, path: string) => {
    patch(id, { state: 'uploading', error: null });
    try {
      const prepared = await prepareImage(path, CONSULT_PHOTO_FIT);
      if (prepared.status === 'error') throw new Error(prepared.reason);
      const { key } = await uploadAttachment({ image: prepared.image });
      patch(id, { state: 'done', key });
    } catch (error) {
      const text = error instanceof Error && !('code' in error) ? error.message : null;
      patch(id, { state: 'error', error: text ?? consultErrorText(error) });
    }
  }, []);

  const add = useCallback(async () => {
    const room = MAX_CONSULT_PHOTOS - count.current;
    if (room <= 0) {
      void Taro.showToast({ title: `最多上传 ${MAX_CONSULT_PHOTOS} 张图片`, icon: 'none' });
      return;
    }
    const source = await chooseSource();
    if (!source) return;
    const result = await pickImages({ count: room, source });
    if (result.status === 'cancelled') return;
    if (result.status === 'denied') {
      setRefusal({ text: result.reason, source, policy: getConsent().status !== 'agreed' });
      return;
    }
    if (result.status !== 'picked') {
      void Taro.showToast({ title: result.reason, icon: 'none' });
      return;
    }
    setRefusal(null);
    const picked = result.images.slice(0, room);
    if (picked.length < result.images.length) {
      void Taro.showToast({ title: `最多上传 ${MAX_CONSULT_PHOTOS} 张图片`, icon: 'none' });
    }
    const items = picked.map((img) => ({
      id: nextId.current++,
      path: img.path,
      state: 'uploading' as const,
      key: null,
      error: null,
    }));
    count.current += items.length;
    setPhotos((list) => [...list, ...items]);
    for (const item of items) await upload(item.id, item.path);
  }, [upload]);

  const remove = useCallback((id: number) => {
    count.current -= 1;
    setPhotos((list) => list.filter((p) => p.id !== id));
  }, []);

  const retry = useCallback((item: PhotoItem) => void upload(item.id, item.path), [upload]);

  return { photos, refusal, add, remove, retry };
}
