import { ageOn, checkIdNumber } from '../../contract/user/id-number';
import {
  DAY_UTC_OFFSET_HOURS,
  IDENTITY_FAIL_REASONS,
  IDENTITY_NAME_CHARS,
  MIN_IDENTITY_AGE,
  NICKNAME_MAX_CHARS,
} from '../../contract/user/items';

/**
 * The form checks the server also makes (contract/user/schemas.ts), run as the user types
 * so a mistake is caught before anything is sent. The server stays the judge; these only
 * save a round trip — and, for the ID number, keep a wrong number off the wire (IDV).
 */

const chars = (s: string) => [...s].length;

/** REG: "+86 138-0013 8000" → "13800138000" (the contract takes digits only). */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/[\s-]/g, '');
  const national = /^(?:\+?86|0086)(1\d{10})$/.exec(digits);
  return national ? national[1] : digits;
}

export function phoneError(phone: string): string | null {
  return /^1[3-9]\d{9}$/.test(phone) ? null : '请输入 11 位中国大陆手机号';
}

export function codeError(code: string): string | null {
  return /^\d{6}$/.test(code) ? null : '验证码为 6 位数字';
}

/** Control and invisible characters; U+200D stays, it joins emoji. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u206f\ufeff\ue000-\uf8ff]/;

/** CAM/ALB: 1–20 characters after trimming, nothing invisible. */
export function nicknameError(nickname: string): string | null {
  const value = nickname.trim();
  if (chars(value) < 1) return '昵称不能为空';
  if (chars(value) > NICKNAME_MAX_CHARS) return `昵称最多 ${NICKNAME_MAX_CHARS} 个字`;
  if (INVISIBLE.test(value)) return '昵称不能包含控制字符或不可见字符';
  return null;
}

const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff]';
const NAME = new RegExp(`^${HAN}+(?:·${HAN}+)*$`);

/** IDV: 2–20 Chinese characters; `·` joins the parts of a name (买买提·艾力). */
export function identityNameError(name: string): string | null {
  const value = name.trim();
  if (!NAME.test(value)) return '姓名须为 2–20 个汉字，少数民族姓名可用 · 分隔';
  const n = chars(value);
  if (n < IDENTITY_NAME_CHARS.min || n > IDENTITY_NAME_CHARS.max) return '姓名须为 2–20 个汉字';
  return null;
}

/** Today's date in China (`YYYY-MM-DD`), the calendar an ID's birth date is read in. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + DAY_UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
}

/** IDV: format, region, a real birth date not after today, the check digit, and adulthood. */
export function idNumberError(raw: string, now: Date = new Date()): string | null {
  const check = checkIdNumber(raw.trim().toUpperCase());
  if (!check.ok) return IDENTITY_FAIL_REASONS[check.reason];
  const age = ageOn(check.birthDate, todayInChina(now));
  if (age < 0) return '出生日期不能晚于今天';
  if (age < MIN_IDENTITY_AGE) return IDENTITY_FAIL_REASONS.underage;
  return null;
}
