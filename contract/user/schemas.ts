import * as z from '../zod';
import { text } from '../text';
import {
  base64DecodedLength,
  base64Head,
  BASE64_PATTERN,
  IMAGE_LABELS,
  sniffImageType,
} from './image';
import { IMAGE_TYPES, MAX_IMAGE_BYTES, NICKNAME_MAX_CHARS } from './items';
import {
  identityNameError,
  idNumberFormatError,
  nicknameError,
  PHONE_MESSAGE,
  PHONE_PATTERN,
  SMS_CODE_MESSAGE,
  SMS_CODE_PATTERN,
} from './rules';

/** A string check from ./rules.ts (message or null) as a zod refinement: one rule, two users. */
const rule =
  (check: (value: string) => string | null) => (value: string, ctx: z.RefinementCtx<string>) => {
    const message = check(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  };

/** REG: mainland mobile numbers only, 11 digits, no +86 or spaces (the UI strips them). */
export const phoneSchema = z.string().regex(PHONE_PATTERN, PHONE_MESSAGE);

export const smsCodeSchema = z.string().regex(SMS_CODE_PATTERN, SMS_CODE_MESSAGE);

/** A bounded, printable string for device facts (text()). */
const fact = (max: number) =>
  text({
    label: '设备信息',
    max,
    messages: { invisible: '不能包含控制字符', long: `设备信息最多 ${max} 个字` },
  });

/**
 * DEV: what the mini-program reads from wx.getDeviceInfo/getWindowInfo (or the browser),
 * only after the 设备信息 consent. `id` is a random id the client generates once and keeps
 * in storage; the server never stores it as sent (see backend/user/devices.ts).
 */
export const deviceFactsSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '设备标识为 16–64 位字母、数字、_ 或 -'),
    model: fact(64),
    system: fact(64),
    platform: fact(32),
    brand: fact(32).optional(),
    screenWidth: z.number().int().min(1).max(20_000),
    screenHeight: z.number().int().min(1).max(20_000),
    pixelRatio: z.number().min(0.5).max(10).optional(),
  })
  .strict();
export type DeviceFacts = z.infer<typeof deviceFactsSchema>;

/** Base64 length that decodes to at most MAX_IMAGE_BYTES. */
const MAX_BASE64_CHARS = Math.ceil(MAX_IMAGE_BYTES / 3) * 4;

/**
 * An uploaded picture (avatar, ID photo, face photo): ≤ 2 MB, JPEG/PNG/WebP judged by the
 * magic bytes. A declared type that disagrees with the bytes is refused, not corrected:
 * a mislabelled file is a client bug or an attack, and saying so helps either way.
 */
export const imageUploadSchema = z
  .object({
    contentBase64: z
      .string()
      .min(16, '文件为空或不完整')
      .max(MAX_BASE64_CHARS, '图片不能超过 2 MB')
      .regex(BASE64_PATTERN, '必须是标准 base64 编码（不含 data: 前缀）'),
    contentType: z.enum(IMAGE_TYPES, { error: '只支持 JPEG、PNG、WebP 图片' }),
  })
  .strict()
  .superRefine((file, ctx) => {
    if (base64DecodedLength(file.contentBase64) > MAX_IMAGE_BYTES) {
      ctx.addIssue({ code: 'custom', path: ['contentBase64'], message: '图片不能超过 2 MB' });
      return;
    }
    const actual = sniffImageType(base64Head(file.contentBase64, 12));
    if (!actual) {
      ctx.addIssue({
        code: 'custom',
        path: ['contentBase64'],
        message: '文件内容不是 JPEG、PNG 或 WebP 图片',
      });
    } else if (actual !== file.contentType) {
      ctx.addIssue({
        code: 'custom',
        path: ['contentType'],
        message: `文件内容是 ${IMAGE_LABELS[actual]} 图片，与声明的类型 ${file.contentType} 不符`,
      });
    }
  });
export type ImageUpload = z.infer<typeof imageUploadSchema>;

/** CAM/ALB: 1–20 characters after trimming, no control or invisible characters. */
export const nicknameSchema = text({ label: '昵称', max: NICKNAME_MAX_CHARS }).superRefine(
  rule(nicknameError),
);

/** IDV: 2–20 Chinese characters; `·` joins the parts of a name (买买提·艾力). */
export const identityNameSchema = z.string().trim().superRefine(rule(identityNameError));

/** IDV: 18 characters, upper-cased, with a real birth date and the GB 11643 check character. */
export const idNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine(rule(idNumberFormatError));
