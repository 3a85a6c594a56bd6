import * as z from '../zod';
import { freeText } from '../consult/schemas';
import { checkIdNumber } from '../user/id-number';
import { IDENTITY_FAIL_REASONS } from '../user/items';
import { phoneSchema } from '../user/schemas';
import { HEALTH_NOTE_MAX_CHARS, PATIENT_ID_PATTERN, PATIENT_NAME_CHARS, RELATIONS } from './items';

/** A real calendar date `YYYY-MM-DD` from 1900 on; "not in the future" needs the server's clock. */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return (
      y >= 1900 &&
      date.getUTCFullYear() === y &&
      date.getUTCMonth() === m - 1 &&
      date.getUTCDate() === d
    );
  }, '不是有效的日期');

export const sexSchema = z.enum(['male', 'female'], { error: '请选择性别' });
export const relationSchema = z.enum(RELATIONS, { error: '请选择与本人的关系' });

/** Names on Chinese IDs or on passports (Latin letters, spaces, · and -). */
export const patientNameSchema = freeText(
  PATIENT_NAME_CHARS.min,
  PATIENT_NAME_CHARS.max,
  '姓名',
).refine((s) => /^[\p{Script=Han}A-Za-z·\-' ]+$/u.test(s), '姓名只能包含汉字、字母、空格和 ·');

/** 居民身份证: 18 characters with the GB 11643 check character; birth date and sex come from it. */
const residentIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((id, ctx) => {
    const check = checkIdNumber(id);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: IDENTITY_FAIL_REASONS[check.reason] });
  });

/** 港澳台 permits and passports: letters and digits only (no check digit we can verify). */
const otherIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{5,20}$/, '证件号码为 5–20 位字母或数字');

export const documentSchema = z.discriminatedUnion('idType', [
  z.object({ idType: z.literal('id_card'), idNumber: residentIdSchema }).strict(),
  z
    .object({
      idType: z.literal('hkmt'),
      idNumber: otherIdSchema,
      birthDate: calendarDateSchema,
      sex: sexSchema,
    })
    .strict(),
  z
    .object({
      idType: z.literal('passport'),
      idNumber: otherIdSchema,
      birthDate: calendarDateSchema,
      sex: sexSchema,
    })
    .strict(),
  z.object({ idType: z.literal('none'), birthDate: calendarDateSchema, sex: sexSchema }).strict(),
]);
export type DocumentInput = z.infer<typeof documentSchema>;

/** Allergies, chronic conditions: what the patient chose to type (PI), possibly nothing. */
export const healthNoteSchema = freeText(0, HEALTH_NOTE_MAX_CHARS, '健康信息');

/** The holder's ticks (PIPL art. 13/31): recorded with the time and the policy version. */
export const declarationSchema = z
  .object({ agreed: z.literal(true).optional(), guardian: z.literal(true).optional() })
  .strict();

export const patientIdSchema = z.string().regex(PATIENT_ID_PATTERN, '无效的就诊人标识');

export { phoneSchema };
