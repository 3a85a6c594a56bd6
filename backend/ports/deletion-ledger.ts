import type { Crypto } from './crypto';

/**
 * One finished account deletion (DEL), as the append-only ledger outside the database
 * keeps it: a keyed hash of the openid, the job's generation and the time — no personal
 * data. A restored backup predates some deletions; restore replays the ledger so that
 * none of them comes back (backend/account/replay.ts, README "Backups").
 */
export interface DeletionLedgerEntry {
  subject: string;
  generation: number;
  deletedAt: string;
}

/**
 * Where finished deletions are recorded. Local: `<dataDir>/deletion-ledger.jsonl`. Absent
 * on CloudBase, whose database backups are the console's; there the receipts are
 * re-applied by hand after a rollback (README "Backups").
 */
export interface DeletionLedger {
  record(entry: DeletionLedgerEntry): Promise<void>;
}

/** The ledger's keyed hash of an openid: the HMAC lookup key outlives key rotation. */
export const ledgerSubjectOf = (crypto: Crypto, openid: string): string =>
  crypto.hmac('deletion-ledger', openid);
