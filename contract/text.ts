import * as z from './zod';

/**
 * The one text type of the contract (SEC, issue 15): every free string a caller sends goes
 * through `text()`. It refuses C0/C1 controls (NUL broke the trigram search), format,
 * private-use and unassigned characters, lone surrogates (not valid UTF-8: storage and
 * logs would mangle them) and U+2028/2029; a newline and a tab only where multi-line text
 * is allowed; U+200D only because emoji sequences join with it. It normalises to NFC, so
 * the same words are stored, searched and compared the same way, and bounds the length in
 * characters (code points) as the UI counts them. Structured strings (ids, codes, base64)
 * keep their own regex schemas instead.
 */
const ONE_LINE = /(?!\u200d)[\p{C}\u2028\u2029]/u;
const MULTI_LINE = /(?![\n\t\u200d])[\p{C}\u2028\u2029]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const chars = (s: string): number => [...s].length;

export interface TextOptions {
  /** What the UI calls the field; messages read `${label}最多 … 个字`. */
  label: string;
  min?: number;
  max: number;
  multiline?: boolean;
  /** Messages when empty, too long or not clean; defaults name the label. */
  messages?: { empty?: string; long?: string; invisible?: string };
}

/** True when `s` is what `text()` lets through (used by tests over every parsed input). */
export function isCleanText(s: string, multiline: boolean): boolean {
  return (
    !LONE_SURROGATE.test(s) && !(multiline ? MULTI_LINE : ONE_LINE).test(s) && s === s.normalize()
  );
}

export function text({ label, min = 1, max, multiline = false, messages = {} }: TextOptions) {
  const invisible = messages.invisible ?? `${label}不能包含控制字符或不可见字符`;
  const long = messages.long ?? `${label}最多 ${max} 个字`;
  const empty = messages.empty ?? (min <= 1 ? `${label}不能为空` : `${label}至少 ${min} 个字`);
  return (
    z
      .string()
      // Bound the work before any scan: no character is longer than 2 UTF-16 units, and NFC
      // of an NFD sequence is at most a few times shorter.
      .max(max * 8, long)
      // Checked before normalising: NFC would hide nothing, but a lone surrogate must be
      // refused, not passed to String.prototype.normalize.
      .refine((s) => !LONE_SURROGATE.test(s), invisible)
      .refine((s) => !(multiline ? MULTI_LINE : ONE_LINE).test(s), invisible)
      .transform((s) => s.normalize('NFC').trim())
      .refine((s) => chars(s) >= min, empty)
      .refine((s) => chars(s) <= max, long)
  );
}
