import { randomBytes } from 'node:crypto';
import type { CbDocRef, CbRawDoc, SdkResult } from './types';

/** 15 random bytes → 20 URL-safe characters, the same shape the SQLite adapter assigns. */
export const newId = (): string => randomBytes(15).toString('base64url');

/** The promise behind an SDK call (see SdkResult). */
export function settle<T>(result: SdkResult<T>): Promise<T> {
  if (typeof result === 'object' && result !== null && typeof result.then === 'function')
    return result;
  return Promise.reject(new Error('wx-server-sdk returned no promise'));
}

function errorText(err: unknown): string {
  if (typeof err === 'string') return err;
  if (typeof err !== 'object' || err === null) return '';
  const e = err as { message?: unknown; errMsg?: unknown };
  return `${typeof e.message === 'string' ? e.message : ''} ${typeof e.errMsg === 'string' ? e.errMsg : ''}`;
}

/** wx-server-sdk rejects `doc(id).get()` with "document with _id … does not exist". */
export const isNotFound = (err: unknown): boolean => /does not exist/i.test(errorText(err));

/**
 * A write conflict between transactions. The SDK's code for it (DATABASE_TRANSACTION_CONFLICT,
 * "database transaction conflict") does not survive wx-server-sdk, which rewraps refusals as
 * `-501001 … <message>`: only the message says it.
 */
export const isTransactionConflict = (err: unknown): boolean =>
  /transaction conflict/i.test(errorText(err));

/** The database's unique-key violation on `_id` (MongoDB's E11000). */
export const isDuplicateKey = (err: unknown): boolean =>
  /duplicate key|E11000/i.test(errorText(err));

export async function getOrNull(ref: CbDocRef): Promise<CbRawDoc | null> {
  try {
    const { data } = await settle(ref.get());
    return data ?? null;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/** Splits `_id` from a new document's body, assigning one when absent. */
export function splitNewDoc(doc: Record<string, unknown>): {
  id: string;
  body: Record<string, unknown>;
} {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new Error('a document must be an object');
  const { _id, ...body } = doc;
  const id = _id ?? newId();
  if (typeof id !== 'string' || id === '') throw new Error('_id must be a non-empty string');
  return { id, body };
}
