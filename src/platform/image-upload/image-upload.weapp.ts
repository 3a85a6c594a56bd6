import Taro from '@tarojs/taro';
import { asUpload, fitSize, type Fit, type PreparedImage } from './types';

function readBase64(filePath: string): Promise<string | null> {
  return new Promise((resolve) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (res) => resolve(typeof res.data === 'string' ? res.data : null),
      fail: () => resolve(null),
    });
  });
}

/** The picture scaled down to fit (compressImage); the original when it already fits. */
async function compressed(path: string, fit: Fit): Promise<string> {
  try {
    const info = await Taro.getImageInfo({ src: path });
    const size = fitSize(info.width, info.height, fit.maxSide);
    if (size.width === info.width && size.height === info.height && info.type !== 'heic') {
      return path;
    }
    const res = await Taro.compressImage({
      src: path,
      quality: Math.round(fit.quality * 100),
      compressedWidth: size.width,
      compressedHeight: size.height,
    });
    return res.tempFilePath;
  } catch {
    // Older base libraries cannot resize: send the picked file; the size check still applies.
    return path;
  }
}

/**
 * WeChat: the picked temp file (chooseMedia, chooseAvatar) compressed and read as base64,
 * so the callFunction payload stays small; the bytes are checked before sending.
 */
export async function prepareImage(path: string, fit: Fit): Promise<PreparedImage> {
  const base64 = await readBase64(await compressed(path, fit));
  if (!base64) return { status: 'error', reason: '无法读取该图片' };
  return asUpload(base64);
}
