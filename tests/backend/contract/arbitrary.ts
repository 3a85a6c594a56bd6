/**
 * fast-check arbitraries generated from a zod schema (SEC, issue 15): near-valid shapes with
 * hostile text in every string position, so a property reaches the handlers, not only the
 * parser. Reads zod 4's public `_zod.def`; an unknown kind falls back to anything at all.
 */
import fc from 'fast-check';
import type { z } from 'zod';

/** Strings an attacker tries: NUL and other C0, lone surrogates, bidi, NFD, CRLF, SQL/FTS. */
export const HOSTILE_STRINGS = [
  '',
  '\u0000',
  'ab\u0000',
  '瑞金\u0000医院',
  '\ud800',
  'a\udc00b',
  '\u202egnp.exe',
  'e\u0301',
  'a\r\nb',
  '\u001b[31m',
  '"; DROP TABLE users; --',
  '"a" OR "b"',
  'NEAR(a b)',
  '%_\\',
  '__proto__',
  '\u2028',
  '\ufeff',
  'x'.repeat(5000),
];

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  element?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

export function arbitraryOf(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const wild = fc.anything({ maxDepth: 2 });
  const self = (() => {
    switch (def.type) {
      case 'string':
        return hostileString;
      case 'number':
        return fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.constantFrom(0, -1, 1e308));
      case 'boolean':
        return fc.boolean();
      case 'literal':
        return fc.constantFrom(...(def.values ?? [null]));
      case 'enum':
        return fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }));
      case 'optional':
      case 'nullable':
      case 'default':
        return fc.option(arbitraryOf(def.innerType as z.ZodType, depth), {
          nil: def.type === 'nullable' ? null : undefined,
        });
      case 'pipe':
        return arbitraryOf(def.in as z.ZodType, depth);
      case 'union':
        return fc.oneof(...(def.options ?? []).map((o) => arbitraryOf(o, depth)));
      case 'array':
        return depth > 3
          ? fc.constant([])
          : fc.array(arbitraryOf(def.element as z.ZodType, depth + 1), { maxLength: 3 });
      case 'record':
        return fc.dictionary(hostileString, arbitraryOf(def.valueType as z.ZodType, depth + 1), {
          maxKeys: 3,
        });
      case 'object': {
        const shape = def.shape ?? {};
        return fc.record(
          Object.fromEntries(
            Object.entries(shape).map(([k, v]) => [k, arbitraryOf(v, depth + 1)]),
          ) as Record<string, fc.Arbitrary<unknown>>,
          { requiredKeys: [] },
        );
      }
      default:
        return wild;
    }
  })();
  // Now and then the wrong shape altogether.
  return fc.oneof({ weight: 9, arbitrary: self }, { weight: 1, arbitrary: wild });
}

/** Every string inside a parsed value, with its path. */
export function stringsIn(value: unknown, path = 'data'): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringsIn(v, `${path}.${k}`));
  return [];
}
