/**
 * Image uploads are judged by their bytes, never by a name or a declared type (CAM, ALB,
 * IDV). Pure functions with no Buffer, so the mini-program can run the same check before
 * uploading.
 */
import type { ImageType } from './items';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding, nothing else (no data: prefix, no line breaks). */
export const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Bytes a well-formed base64 string decodes to. */
export function base64DecodedLength(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - padding;
}

/** Decodes only the first `count` bytes (enough to read a file's magic number). */
export function base64Head(b64: string, count: number): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i + 4 <= b64.length && out.length < count; i += 4) {
    const n = [0, 1, 2, 3].map((k) => ALPHABET.indexOf(b64[i + k]));
    out.push((n[0] << 2) | (n[1] >> 4));
    if (n[2] >= 0) out.push(((n[1] & 15) << 4) | (n[2] >> 2));
    if (n[3] >= 0) out.push(((n[2] & 3) << 6) | n[3]);
  }
  return Uint8Array.from(out.slice(0, count));
}

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) =>
  sig.every((b, i) => bytes[at + i] === b);

/** JPEG (FF D8 FF), PNG (the 8-byte signature) or WebP (RIFF….WEBP); anything else is null. */
export function sniffImageType(head: Uint8Array): ImageType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  return null;
}

export const IMAGE_LABELS: Record<ImageType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
};
