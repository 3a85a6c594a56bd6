import {
  base64DecodedLength,
  base64Head,
  BASE64_PATTERN,
  sniffImageType,
} from '../../../contract/user/image';
import { MAX_IMAGE_BYTES, type ImageType } from '../../../contract/user/items';

/** A picture as the user function takes it (CAM, ALB, IDV): base64 bytes and their type. */
export interface ImageUpload {
  contentBase64: string;
  contentType: ImageType;
}

export type PreparedImage =
  { status: 'ready'; image: ImageUpload } | { status: 'error'; reason: string };

/**
 * How far a picture is shrunk before it is sent: a callFunction payload should stay well
 * under WeChat's ~256 KB advice, and the server refuses more than 2 MB anyway.
 */
export interface Fit {
  /** Longest side in pixels. */
  maxSide: number;
  /** JPEG quality, 0–1. */
  quality: number;
}

/** An avatar is shown at most ~120 px wide. */
export const AVATAR_FIT: Fit = { maxSide: 512, quality: 0.85 };
/** ID and face photos must stay legible; two of them go in one request. */
export const DOCUMENT_FIT: Fit = { maxSide: 1024, quality: 0.75 };

/** The size a picture of `width`×`height` is scaled to (never enlarged). */
export function fitSize(width: number, height: number, maxSide: number) {
  const scale = Math.min(1, maxSide / Math.max(width, height, 1));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** Checks the bytes as the server will: JPEG/PNG/WebP by magic number, at most 2 MB. */
export function asUpload(contentBase64: string): PreparedImage {
  if (!BASE64_PATTERN.test(contentBase64) || contentBase64.length < 16) {
    return { status: 'error', reason: '无法读取该图片' };
  }
  if (base64DecodedLength(contentBase64) > MAX_IMAGE_BYTES) {
    return { status: 'error', reason: '图片压缩后仍超过 2 MB，请换一张' };
  }
  const contentType = sniffImageType(base64Head(contentBase64, 12));
  if (!contentType) return { status: 'error', reason: '只支持 JPEG、PNG、WebP 图片' };
  return { status: 'ready', image: { contentBase64, contentType } };
}
