import * as z from '../zod';
import { idSchema } from '../common';
import { PATIENT_ID_PATTERN } from '../patients/items';
import { text } from '../text';
import { CONSULT_STATUSES, PATIENT_AGE, PATIENT_NAME_MAX_CHARS } from './items';
import {
  CLIENT_MSG_ID_PATTERN,
  DESCRIPTION_CHARS,
  INVITE_CODE_ALPHABET,
  INVITE_CODE_LENGTH,
  MAX_CONSULT_PHOTOS,
  MESSAGE_TEXT_MAX_CHARS,
  SUMMARY_CHARS,
} from './items';

/** Free text of min–max characters after trimming, printable, line breaks allowed (text()). */
export const freeText = (min: number, max: number, label: string) =>
  text({ label, min, max, multiline: true, messages: { empty: `${label}至少 ${min} 个字` } });

/** PI: the description is only what the patient chose to type; see SENSITIVE_INFO_NOTICE. */
export const descriptionSchema = freeText(DESCRIPTION_CHARS.min, DESCRIPTION_CHARS.max, '病情描述');
export const messageTextSchema = freeText(1, MESSAGE_TEXT_MAX_CHARS, '消息');
export const summarySchema = freeText(SUMMARY_CHARS.min, SUMMARY_CHARS.max, '咨询小结');

/**
 * Who the consultation is for: one of the account's 就诊人 (`patient`, the patients
 * function), or — as before 就诊人 existed — the account holder or a name typed here.
 */
export const patientSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('patient'),
      patientId: z.string().regex(PATIENT_ID_PATTERN, '无效的就诊人标识'),
    })
    .strict(),
  z.object({ kind: z.literal('self') }).strict(),
  z
    .object({
      kind: z.literal('other'),
      name: freeText(1, PATIENT_NAME_MAX_CHARS, '姓名'),
      sex: z.enum(['male', 'female'], { error: '请选择性别' }),
      age: z
        .number()
        .int('年龄须为整数')
        .min(PATIENT_AGE.min)
        .max(PATIENT_AGE.max, `年龄不能超过 ${PATIENT_AGE.max}`),
    })
    .strict(),
]);
export type PatientInput = z.infer<typeof patientSchema>;

/** What uploadAttachment answered: the handle of one uploaded picture (not a storage path). */
export const uploadKeySchema = z.string().regex(/^[a-f0-9]{24}$/, '无效的图片标识');
export const photoKeysSchema = z
  .array(uploadKeySchema)
  .max(MAX_CONSULT_PHOTOS, `最多 ${MAX_CONSULT_PHOTOS} 张图片`)
  .refine((keys) => new Set(keys).size === keys.length, '图片重复');

export const consultIdSchema = idSchema;
export const clientMsgIdSchema = z
  .string()
  .regex(CLIENT_MSG_ID_PATTERN, '消息标识为 8–64 位字母、数字、_ 或 -');

/** The code as typed: case, spaces and dashes do not matter. */
export const inviteCodeSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .refine(
    (s) => s.length === INVITE_CODE_LENGTH && [...s].every((c) => INVITE_CODE_ALPHABET.includes(c)),
    `邀请码为 ${INVITE_CODE_LENGTH} 位字母或数字`,
  );

export const consultStatusSchema = z.enum(CONSULT_STATUSES);

/** A cursor from the previous page's `nextCursor`; opaque to the client. */
export const cursorSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_:.#-]+$/, '无效的分页标记');
