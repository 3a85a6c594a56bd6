/**
 * FileStore: personal files (avatars, identity photos) by key (docs/ARCHITECTURE.md "The
 * ports"). Keys are built by the server (backend/user/files.ts), never taken from a user:
 * lower-case segments of [a-z0-9_.-] joined by '/', first segment naming the owner.
 * Adapters: cloud storage (CloudBase) and a folder under DATA_DIR (local).
 */
export interface StoredFile {
  bytes: Buffer;
  contentType: string;
}

export interface LinkOptions {
  ttlSeconds: number;
  /** When set, the link works only for this caller (openid) — where the store can enforce it. */
  owner?: string;
  /** The file was encrypted with `fileCryptoContext(key)`; the link must serve the plaintext. */
  decrypt?: boolean;
}

export interface FileStore {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  /** Removing a missing file is not an error. */
  remove(key: string): Promise<void>;
  /** Removes every file under `prefix`, a folder ending in '/' (account deletion); returns how many. */
  removePrefix(prefix: string): Promise<number>;
  /** A short-lived URL, or null where this store cannot honour the options (CloudBase cannot decrypt). */
  signedUrl(key: string, options: LinkOptions): Promise<string | null>;
}

export const FILE_KEY_PATTERN = /^[a-z0-9][a-z0-9_-]*(?:\/[a-z0-9][a-z0-9_.-]*)+$/;

/** Refuses anything that is not a key the server would build (no '..', no absolute paths). */
export function assertFileKey(key: string): string {
  if (!FILE_KEY_PATTERN.test(key) || key.includes('..') || key.length > 200) {
    throw new Error(`invalid file key: ${JSON.stringify(key.slice(0, 80))}`);
  }
  return key;
}

/** A folder of keys: one or more segments, ending in '/'. */
export function assertFilePrefix(prefix: string): string {
  if (!/^[a-z0-9][a-z0-9_-]*\/(?:[a-z0-9][a-z0-9_.-]*\/)*$/.test(prefix) || prefix.includes('..')) {
    throw new Error(`invalid file prefix: ${JSON.stringify(prefix.slice(0, 80))}`);
  }
  return prefix;
}

/** The encryption context of an encrypted file: bound to where it is stored. */
export const fileCryptoContext = (key: string) => `file:${key}`;
