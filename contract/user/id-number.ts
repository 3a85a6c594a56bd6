/**
 * Resident identity card numbers (GB 11643-1999) and the masks personal data is shown with.
 * Pure functions with no zod, shared by the contract's schema, the built-in verifier and
 * the mini-program's live form checks (IDV).
 */
import type { IdentityFailReason } from './items';

/** ISO 7064 MOD 11-2 weights for the first 17 digits: 2^(17-i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/**
 * First two digits: provinces (GB/T 2260), plus 71/81/82 (Taiwan, Hong Kong, Macao
 * residence permits), 83 (Taiwan residents) and 91 (foreigners' permanent residence, 2023).
 */
const PROVINCES = new Set(
  (
    '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 ' +
    '50 51 52 53 54 61 62 63 64 65 71 81 82 83 91'
  ).split(' '),
);

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export type IdNumberCheck =
  | { ok: true; birthDate: string }
  | {
      ok: false;
      reason: Extract<IdentityFailReason, 'format' | 'province' | 'birth_date' | 'checksum'>;
    };

/**
 * Checks an 18-character number (upper-case X): format, region, a real calendar date from
 * 1900 on, and the check character. Whether the date is in the future depends on "today",
 * which the caller's clock knows (see `ageOn`).
 */
export function checkIdNumber(id: string): IdNumberCheck {
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'format' };
  if (!PROVINCES.has(id.slice(0, 2))) return { ok: false, reason: 'province' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    y < 1900 ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d
  )
    return { ok: false, reason: 'birth_date' };
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'checksum' };
  return { ok: true, birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` };
}

/** Whole years from `birthDate` to `today` (both `YYYY-MM-DD`); negative when born after today. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  const before = tm < bm || (tm === bm && td < bd);
  return ty - by - (before ? 1 : 0);
}

/** `138****8888`. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** `张*`, `欧阳**`→`欧**`: only the first character stays. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** `3101**********1234`: region prefix and last four stay. */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}
