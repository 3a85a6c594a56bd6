import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteDocumentStore } from '../../backend/adapters/sqlite';
import type { CollectionSpec, DocumentStore } from '../../backend/ports/document-store';
import {
  CONTRACT_COLLECTIONS,
  describeDocumentStoreContract,
  type StoreHarness,
} from './store-contract/suite';

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

/** A store on its own file in the temp folder, reopened on that file. */
function fileHarness(collections: CollectionSpec[]): StoreHarness {
  const open = (file: string) => {
    const store = openSqliteStore({ file, collections });
    files.set(store, file);
    return store;
  };
  return {
    open: async () => open(join(dir, `db-${++counter}.sqlite`)),
    close,
    reopen: async (store) => {
      const file = files.get(store)!;
      await close(store);
      return open(file);
    },
  };
}

describeDocumentStoreContract('SQLite file (WAL)', fileHarness(CONTRACT_COLLECTIONS));

// The same contract with every collection's documents cached, and a capacity small enough
// that eviction happens inside most tests: the cache must never change an answer.
describeDocumentStoreContract(
  'SQLite file (WAL), documents cached',
  fileHarness(CONTRACT_COLLECTIONS.map((spec) => ({ ...spec, cacheDocs: 3 }))),
);
