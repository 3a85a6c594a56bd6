import { asUpload, fitSize, type Fit, type PreparedImage } from './types';

function loadImage(src: string): Promise<HTMLImageElement | null> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = src;
  });
}

/**
 * Browser: the picked file (an object URL) drawn onto a canvas at the fitted size and
 * re-encoded as JPEG. Going through an <img> keeps within the page's CSP (img-src blob:),
 * and re-encoding drops whatever the file carried besides pixels (EXIF, GPS).
 */
export async function prepareImage(path: string, fit: Fit): Promise<PreparedImage> {
  const img = await loadImage(path);
  if (!img || !img.naturalWidth) return { status: 'error', reason: '无法读取该图片' };
  const { width, height } = fitSize(img.naturalWidth, img.naturalHeight, fit.maxSide);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return { status: 'error', reason: '当前浏览器无法处理图片' };
  // JPEG has no transparency: a white ground instead of black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(img, 0, 0, width, height);
  const dataUrl = canvas.toDataURL('image/jpeg', fit.quality);
  return asUpload(dataUrl.slice(dataUrl.indexOf(',') + 1));
}
