import { ageOn, checkIdNumber } from './id-number';
import {
  DAY_UTC_OFFSET_HOURS,
  IDENTITY_FAIL_REASONS,
  IDENTITY_NAME_CHARS,
  MIN_IDENTITY_AGE,
  NICKNAME_MAX_CHARS,
} from './items';

/**
 * The accounts feature's validation rules as plain functions, with no zod: the schemas
 * (./schemas.ts) are built from them, and the mini-program runs the very same functions as
 * the user types (a mistake is caught before anything is sent, and the app bundle carries no
 * zod). Each returns the message to show, or null when the value passes.
 */

const chars = (s: string) => [...s].length;

/** REG: mainland mobile numbers only, 11 digits, no +86 or spaces (normalizePhone strips them). */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const PHONE_MESSAGE = '请输入 11 位中国大陆手机号';
export const SMS_CODE_PATTERN = /^\d{6}$/;
export const SMS_CODE_MESSAGE = '验证码为 6 位数字';

/** REG: "+86 138-0013 8000" → "13800138000" (the contract takes digits only). */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/[\s-]/g, '');
  const national = /^(?:\+?86|0086)(1\d{10})$/.exec(digits);
  return national ? national[1] : digits;
}

export function phoneError(phone: string): string | null {
  return PHONE_PATTERN.test(phone) ? null : PHONE_MESSAGE;
}

export function codeError(code: string): string | null {
  return SMS_CODE_PATTERN.test(code) ? null : SMS_CODE_MESSAGE;
}

/** Control, format, private-use and unassigned characters, and line/paragraph separators. */
export const INVISIBLE = /[\p{C}\u2028\u2029]/u;
/** Emoji sequences join with U+200D; it is the one format character a nickname may hold. */
const INVISIBLE_EXCEPT_ZWJ = /(?!\u200d)[\p{C}\u2028\u2029]/u;

/** CAM/ALB: 1–20 characters after trimming, no control or invisible characters. */
export function nicknameError(nickname: string): string | null {
  const value = nickname.trim();
  if (chars(value) < 1) return '昵称不能为空';
  if (chars(value) > NICKNAME_MAX_CHARS) return `昵称最多 ${NICKNAME_MAX_CHARS} 个字`;
  if (INVISIBLE_EXCEPT_ZWJ.test(value)) return '昵称不能包含控制字符或不可见字符';
  return null;
}

const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff]';
const NAME = new RegExp(`^${HAN}+(?:·${HAN}+)*$`);

/** IDV: 2–20 Chinese characters; `·` joins the parts of a name (买买提·艾力), never leads or doubles. */
export function identityNameError(name: string): string | null {
  const value = name.trim();
  if (!NAME.test(value)) return '姓名须为 2–20 个汉字，少数民族姓名可用 · 分隔';
  const n = chars(value);
  if (n < IDENTITY_NAME_CHARS.min || n > IDENTITY_NAME_CHARS.max) return '姓名须为 2–20 个汉字';
  return null;
}

/** IDV: 18 characters (upper-cased), a real birth date and the GB 11643 check character. */
export function idNumberFormatError(raw: string): string | null {
  const check = checkIdNumber(raw.trim().toUpperCase());
  return check.ok ? null : IDENTITY_FAIL_REASONS[check.reason];
}

/** Today's date in China (`YYYY-MM-DD`), the calendar an ID's birth date is read in. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + DAY_UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
}

/**
 * IDV as the form checks it: the format above, a birth date not after today, and adulthood
 * (the verifier refuses minors too, backend/user/builtin-verifier.ts).
 */
export function idNumberError(raw: string, now: Date = new Date()): string | null {
  const check = checkIdNumber(raw.trim().toUpperCase());
  if (!check.ok) return IDENTITY_FAIL_REASONS[check.reason];
  const age = ageOn(check.birthDate, todayInChina(now));
  if (age < 0) return '出生日期不能晚于今天';
  if (age < MIN_IDENTITY_AGE) return IDENTITY_FAIL_REASONS.underage;
  return null;
}
