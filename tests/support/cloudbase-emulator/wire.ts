import { BSONRegExp, EJSON, calculateObjectSize } from 'bson';

/**
 * The emulator's side of the wire: @cloudbase/database (under wx-server-sdk) serializes every
 * query, update and document as Extended JSON strings in MongoDB syntax before it sends them
 * (serializer/query.js, serializer/update.js). Decoding that text is how the emulator sees
 * exactly what the adapter sent, through the real SDK.
 */

export type Doc = Record<string, unknown>;

/** What the platform answers a refused request with: the SDK turns it into a rejection. */
export interface WireError {
  code: string;
  message: string;
  requestId: string;
}

export class EmulatorError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorError';
  }
}

/** The SDK's own error codes (@cloudbase/database dist/commonjs/const/code.js). */
export const CODES = {
  conflict: 'DATABASE_TRANSACTION_CONFLICT',
  failed: 'DATABASE_REQUEST_FAILED',
  invalid: 'INVALID_PARAM',
  permission: 'DATABASE_PERMISSION_DENIED',
} as const;

/** BSON regular expressions become JS RegExps, which mingo matches. */
function toMingo(value: unknown): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options);
  if (Array.isArray(value)) return value.map(toMingo);
  if (value instanceof Date || typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toMingo(v)]));
}

/** An EJSON string (or an already-decoded object) from a request, as plain JS. */
export function decode(text: unknown): Doc {
  if (text === undefined || text === null || text === '') return {};
  const parsed: unknown = typeof text === 'string' ? EJSON.parse(text, { relaxed: true }) : text;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new EmulatorError(CODES.invalid, 'expected an object');
  return toMingo(parsed) as Doc;
}

/** Canonical EJSON, the form the server answers documents in (the SDK EJSON.parses them). */
export const encode = (doc: Doc): string => EJSON.stringify(doc, { relaxed: false });

/** A BSON document's size in bytes: what the platform's size limits count. */
export const bsonSize = (doc: Doc): number => calculateObjectSize(doc);

export const clone = <T>(value: T): T => structuredClone(value);
