import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteDocumentStore } from '../../backend/adapters/sqlite';
import type { DocumentStore } from '../../backend/ports/document-store';
import { CONTRACT_COLLECTIONS, describeDocumentStoreContract } from './store-contract/suite';

const files = new WeakMap<DocumentStore, string>();
let dir = '';
let counter = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-contract-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const close = (store: DocumentStore) => (store as SqliteDocumentStore).close();

describeDocumentStoreContract('SQLite :memory:', {
  open: async () => openSqliteStore({ file: ':memory:', collections: CONTRACT_COLLECTIONS }),
  close,
});

describeDocumentStoreContract('SQLite file (WAL)', {
  open: async () => {
    const file = join(dir, `db-${++counter}.sqlite`);
    const store = openSqliteStore({ file, collections: CONTRACT_COLLECTIONS });
    files.set(store, file);
    return store;
  },
  close,
  reopen: async (store) => {
    const file = files.get(store)!;
    await close(store);
    const reopened = openSqliteStore({ file, collections: CONTRACT_COLLECTIONS });
    files.set(reopened, file);
    return reopened;
  },
});

// The same contract with every collection's documents cached, and a capacity small enough
// that eviction happens inside most tests: the cache must never change an answer.
const CACHED = CONTRACT_COLLECTIONS.map((spec) => ({ ...spec, cacheDocs: 3 }));
describeDocumentStoreContract('SQLite file (WAL), documents cached', {
  open: async () => {
    const file = join(dir, `db-${++counter}.sqlite`);
    const store = openSqliteStore({ file, collections: CACHED });
    files.set(store, file);
    return store;
  },
  close,
  reopen: async (store) => {
    const file = files.get(store)!;
    await close(store);
    const reopened = openSqliteStore({ file, collections: CACHED });
    files.set(reopened, file);
    return reopened;
  },
});
