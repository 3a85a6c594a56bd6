export { openSqliteStore, type SqliteDocumentStore, type SqliteStoreOptions } from './store';
