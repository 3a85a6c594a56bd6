import { requirePolicy } from '../../privacy/require-policy';
import { clampCount, type PickOptions, type PickResult } from './types';
import type { PermissionResult } from '../permissions/types';

/**
 * Browser: a file input, so the page sees only the files the user selects (ALB); the
 * camera source asks the phone to open its camera app (`capture`) instead of the gallery.
 */
export async function pickImages({ count, source }: PickOptions): Promise<PickResult> {
  if (!(await requirePolicy(source === 'camera' ? '拍照' : '选择图片'))) {
    return { status: 'denied', reason: '未同意隐私政策' };
  }
  if (typeof document === 'undefined') {
    return { status: 'unavailable', reason: '当前环境不支持选择图片' };
  }
  const limit = clampCount(count);
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = 'image/*';
  input.multiple = limit > 1;
  if (source === 'camera') input.setAttribute('capture', 'environment');
  return new Promise<PickResult>((resolve) => {
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []).slice(0, limit);
      if (files.length === 0) {
        resolve({ status: 'cancelled' });
        return;
      }
      resolve({
        status: 'picked',
        images: files.map((f) => ({ path: URL.createObjectURL(f), size: f.size })),
      });
    });
    input.addEventListener('cancel', () => resolve({ status: 'cancelled' }));
    input.click();
  });
}

/** Browser: a download of the picture; the browser decides where it goes. */
export async function saveImage(path: string): Promise<PermissionResult> {
  if (!(await requirePolicy('保存图片'))) return { status: 'denied', reason: '未同意隐私政策' };
  const link = document.createElement('a');
  link.href = path;
  link.download = '';
  link.click();
  return { status: 'granted' };
}
