import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS } from '../../collections';
import type { Ports } from '../../core/context';
import { systemClock } from '../../ports/clock';
import type { DocumentStore } from '../../ports/document-store';
import { consoleLogger, type Logger } from '../../ports/logger';
import { openSqliteStore } from '../sqlite';

export const DATABASE_FILE = 'zhuyi.sqlite';

export interface LocalPorts extends Ports {
  store: DocumentStore & { close(): void };
}

/**
 * The ports for one local process (`npm start`, `npm run serve`, scripts): the SQLite
 * database `<dataDir>/zhuyi.sqlite` with every collection, the system clock, and a logger.
 * Creates `dataDir` if needed. Whoever calls this closes `store` when done.
 */
export function createLocalPorts(options: { dataDir: string; log?: Logger }): LocalPorts {
  mkdirSync(options.dataDir, { recursive: true });
  const store = openSqliteStore({
    file: join(options.dataDir, DATABASE_FILE),
    collections: COLLECTIONS,
  });
  return { store, clock: systemClock, log: options.log ?? consoleLogger };
}
