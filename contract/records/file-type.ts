/**
 * Record attachments are judged by their bytes (CAM, ALB): images as the user function
 * judges them, and PDF. No zod and no Buffer, so the mini-program and the local file
 * server use the same check.
 */
import { sniffImageType } from '../user/image';
import type { AttachmentType } from './items';

/** `%PDF-`: the magic bytes of a PDF. */
const isPdf = (head: Uint8Array) => [0x25, 0x50, 0x44, 0x46, 0x2d].every((b, i) => head[i] === b);

/** The type the first bytes say, or null. */
export function sniffAttachmentType(head: Uint8Array): AttachmentType | null {
  return sniffImageType(head) ?? (isPdf(head) ? 'application/pdf' : null);
}
