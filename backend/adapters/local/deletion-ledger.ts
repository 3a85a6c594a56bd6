import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { DeletionLedger, DeletionLedgerEntry } from '../../ports/deletion-ledger';

export const DELETION_LEDGER_FILE = 'deletion-ledger.jsonl';

/**
 * The local deletion ledger: `<dataDir>/deletion-ledger.jsonl`, one JSON line per finished
 * deletion, opened for append only and synced before the job is marked done (DEL). It lives
 * outside the database so that restoring an older database cannot roll it back; backup
 * copies it nowhere and restore never writes over it.
 */
export function createFileDeletionLedger(dataDir: string): DeletionLedger {
  const file = join(dataDir, DELETION_LEDGER_FILE);
  return {
    record(entry) {
      const fd = openSync(file, 'a', 0o600);
      try {
        writeSync(fd, JSON.stringify(entry) + '\n');
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      return Promise.resolve();
    },
  };
}

function isEntry(v: unknown): v is DeletionLedgerEntry {
  const e = v as Partial<DeletionLedgerEntry> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.subject === 'string' &&
    typeof e.generation === 'number' &&
    typeof e.deletedAt === 'string'
  );
}

/**
 * Every entry of the ledger in `dataDir` (none when there is no file). A damaged line stops
 * the restore: skipping it could bring a deleted account back.
 */
export function readDeletionLedger(dataDir: string): DeletionLedgerEntry[] {
  const file = join(dataDir, DELETION_LEDGER_FILE);
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.flatMap((line, i) => {
    if (line.trim() === '') return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = null;
    }
    // A torn last line (power lost mid-append) was never acknowledged: its job is still running.
    if (!isEntry(parsed)) {
      if (i === lines.length - 1) return [];
      throw new Error(`${file} line ${i + 1} is damaged; repair it before restoring`);
    }
    return [parsed];
  });
}
