import Taro from '@tarojs/taro';
import { requirePolicy } from '../../privacy/require-policy';
import { clampCount, type PickOptions, type PickResult } from './types';
import { askFor } from '../permissions/flow';
import type { PermissionResult } from '../permissions/types';

function errMsg(error: unknown): string {
  if (error && typeof error === 'object' && 'errMsg' in error) return String(error.errMsg);
  return String(error);
}

/**
 * Pictures for avatar and photo consultation (CAM, ALB), from the source the user chose.
 * The camera is a scope asked at this moment; the album picker is WeChat's own and shows
 * only what the user selects, so it needs the policy but no scope.
 */
export async function pickImages({ count, source }: PickOptions): Promise<PickResult> {
  if (source === 'camera') {
    const permission = await askFor('camera');
    if (permission.status !== 'granted') return permission;
  } else if (!(await requirePolicy('选择图片'))) {
    return { status: 'denied', reason: '未同意隐私政策' };
  }
  return new Promise<PickResult>((resolve) => {
    void Taro.chooseMedia({
      count: clampCount(count),
      mediaType: ['image'],
      sourceType: [source],
      sizeType: ['compressed'],
      success: (res) =>
        resolve({
          status: 'picked',
          images: res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size })),
        }),
      fail: (error: unknown) => {
        const msg = errMsg(error);
        if (/cancel/i.test(msg)) resolve({ status: 'cancelled' });
        else if (/auth|permission/i.test(msg)) resolve({ status: 'denied', reason: '未获得授权' });
        else resolve({ status: 'error', reason: '选择图片失败' });
      },
    });
  });
}

/** Saves a picture to the phone's album (ALB): scope.writePhotosAlbum, asked now. */
export async function saveImage(path: string): Promise<PermissionResult> {
  const permission = await askFor('album');
  if (permission.status !== 'granted') return permission;
  return new Promise<PermissionResult>((resolve) => {
    void Taro.saveImageToPhotosAlbum({
      filePath: path,
      success: () => resolve({ status: 'granted' }),
      fail: (error: unknown) =>
        resolve(
          /cancel/i.test(errMsg(error))
            ? { status: 'error', reason: '已取消保存' }
            : { status: 'error', reason: '保存失败' },
        ),
    });
  });
}
