import * as z from '../zod';
import { idSchema } from '../common';
import { freeText } from '../consult/schemas';
import { base64DecodedLength, base64Head, BASE64_PATTERN } from '../user/image';
import { sniffAttachmentType } from './file-type';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, RECORD_KINDS, RECORD_TEXT } from './items';

export const recordIdSchema = z.string().regex(/^r[a-z0-9]{8,40}$/, '无效的病历标识');
export const attachmentIdSchema = z.string().regex(/^a[a-f0-9]{8,40}$/, '无效的附件标识');
export const recordKindSchema = z.enum(RECORD_KINDS, { error: '请选择病历类型' });

/** A hospital of the catalog (by id; its name is copied from there) or one typed by hand. */
export const hospitalInputSchema = z.union(
  [
    z.object({ id: idSchema }).strict(),
    z.object({ name: freeText(1, RECORD_TEXT.hospital, '医院名称') }).strict(),
  ],
  { error: '请选择医院或填写医院名称' },
);

export const departmentSchema = freeText(1, RECORD_TEXT.department, '科室');
export const diagnosisSchema = freeText(1, RECORD_TEXT.diagnosis, '诊断');
export const notesSchema = freeText(1, RECORD_TEXT.notes, '备注');

const MAX_BASE64_CHARS = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

/**
 * A photo or PDF (CAM, ALB): ≤ 2 MB, type judged by its magic bytes; a declared type that
 * disagrees with the bytes is refused, not corrected.
 */
export const attachmentUploadSchema = z
  .object({
    contentBase64: z
      .string()
      .min(16, '文件为空或不完整')
      .max(MAX_BASE64_CHARS, '文件不能超过 2 MB')
      .regex(BASE64_PATTERN, '必须是标准 base64 编码（不含 data: 前缀）'),
    contentType: z.enum(ATTACHMENT_TYPES, { error: '只支持 JPEG、PNG、WebP 图片或 PDF' }),
  })
  .strict()
  .superRefine((file, ctx) => {
    if (base64DecodedLength(file.contentBase64) > MAX_ATTACHMENT_BYTES) {
      ctx.addIssue({ code: 'custom', path: ['contentBase64'], message: '文件不能超过 2 MB' });
      return;
    }
    const actual = sniffAttachmentType(base64Head(file.contentBase64, 12));
    if (!actual)
      ctx.addIssue({
        code: 'custom',
        path: ['contentBase64'],
        message: '文件内容不是 JPEG、PNG、WebP 图片或 PDF',
      });
    else if (actual !== file.contentType)
      ctx.addIssue({
        code: 'custom',
        path: ['contentType'],
        message: `文件内容是 ${actual}，与声明的类型 ${file.contentType} 不符`,
      });
  });
