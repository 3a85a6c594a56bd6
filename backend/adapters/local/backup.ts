import Database from 'better-sqlite3';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { replayDeletions } from '../../account/replay';
import { masterKeysFromEnv } from '../../ports/crypto';
import { silentLogger } from '../../ports/logger';
import { MASTER_KEY_FILE } from './crypto';
import { DELETION_LEDGER_FILE, readDeletionLedger } from './deletion-ledger';
import { FILES_DIR } from './file-store';
import { createLocalPorts, DATABASE_FILE } from './ports';

/** A refusal the operator can act on (bad arguments, a non-empty target, a missing key). */
export class BackupError extends Error {}

export const MANIFEST_FILE = 'backup.json';
/** server/secret.ts's file (the back end does not import the server). */
const SECRET_FILE = 'secret.key';
/** What may already be in a DATA_DIR restored into: the keys (put back first) and the ledger. */
const KEPT_ON_RESTORE = new Set([MASTER_KEY_FILE, SECRET_FILE, DELETION_LEDGER_FILE]);
const SQLITE_SIDE_FILES = ['', '-wal', '-shm', '-journal'];

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * A consistent copy of `dataDir` in a new folder `<outDir>/zhuyi-backup-<UTC time>`: the
 * database through SQLite's online backup API (the server may keep writing meanwhile) and
 * the files (consult photos, identity photos — encrypted at rest). Files are copied before
 * and again after the database snapshot, so every file a copied row names is there. The
 * keys (master.key, secret.key) and the deletion ledger are never copied: the operator
 * keeps the keys elsewhere, and the ledger must outlive every backup (README "Backups").
 */
export async function backupDataDir(options: {
  dataDir: string;
  outDir: string;
  now?: Date;
}): Promise<{ dir: string; files: number }> {
  const source = join(options.dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new BackupError(`no database at ${source} (check DATA_DIR)`);
  const dir = join(resolve(options.outDir), `zhuyi-backup-${stamp(options.now ?? new Date())}`);
  if (existsSync(dir)) throw new BackupError(`${dir} already exists`);
  if (resolve(dir).startsWith(resolve(options.dataDir) + '/'))
    throw new BackupError('the backup folder must be outside DATA_DIR');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const filesFrom = join(options.dataDir, FILES_DIR);
  const filesTo = join(dir, FILES_DIR);
  const copyFiles = () => {
    if (existsSync(filesFrom)) cpSync(filesFrom, filesTo, { recursive: true, force: false });
  };
  copyFiles();
  const db = new Database(source, { fileMustExist: true });
  try {
    await db.backup(join(dir, DATABASE_FILE));
    chmodSync(join(dir, DATABASE_FILE), 0o600);
  } finally {
    db.close();
  }
  copyFiles();
  const files = countFiles(filesTo);
  const manifest = {
    createdAt: (options.now ?? new Date()).toISOString(),
    database: DATABASE_FILE,
    files,
  };
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', {
    mode: 0o600,
  });
  return { dir, files };
}

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : 1),
    0,
  );
}

/**
 * Puts a backup made by backupDataDir into `dataDir` — the server stopped — then replays
 * the deletion ledger already in `dataDir` (DEL: accounts deleted after the backup are
 * deleted again). `dataDir` must hold nothing but the keys and the ledger unless `force`;
 * with `force` only the database and the files are replaced. The master key must be there
 * (master.key or ZHUYI_MASTER_KEY): a new one would make the restored data unreadable.
 */
export async function restoreDataDir(options: {
  backupDir: string;
  dataDir: string;
  force?: boolean;
  env?: NodeJS.ProcessEnv;
}): Promise<{ files: number; deletedAgain: number; secretKeyMissing: boolean }> {
  const env = options.env ?? process.env;
  const { backupDir, dataDir } = options;
  const backupDb = join(backupDir, DATABASE_FILE);
  if (!existsSync(join(backupDir, MANIFEST_FILE)) || !existsSync(backupDb))
    throw new BackupError(
      `${backupDir} is not a backup (no ${MANIFEST_FILE} and ${DATABASE_FILE})`,
    );
  const present = existsSync(dataDir) ? readdirSync(dataDir) : [];
  const extra = present.filter((name) => !KEPT_ON_RESTORE.has(name));
  if (extra.length > 0 && !options.force)
    throw new BackupError(
      `${dataDir} is not empty (${extra.join(', ')}); restore replaces its database and files only with --force`,
    );
  if (!masterKeysFromEnv(env) && !existsSync(join(dataDir, MASTER_KEY_FILE)))
    throw new BackupError(
      `no master key: put the ${MASTER_KEY_FILE} kept with this deployment into ${dataDir} (or set ZHUYI_MASTER_KEY) first`,
    );
  // Read first: a damaged ledger stops the restore before anything is replaced.
  const ledger = readDeletionLedger(dataDir);
  // Checked on a copy (opening the backup itself would leave WAL side files in it).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const incoming = join(dataDir, `${DATABASE_FILE}.restoring`);
  cpSync(backupDb, incoming);
  checkIntegrity(incoming);
  for (const suffix of SQLITE_SIDE_FILES)
    rmSync(join(dataDir, DATABASE_FILE + suffix), { force: true });
  rmSync(join(dataDir, FILES_DIR), { recursive: true, force: true });
  renameSync(incoming, join(dataDir, DATABASE_FILE));
  const filesFrom = join(backupDir, FILES_DIR);
  if (existsSync(filesFrom) && statSync(filesFrom).isDirectory())
    cpSync(filesFrom, join(dataDir, FILES_DIR), { recursive: true });

  const ports = createLocalPorts({ dataDir, log: silentLogger, env });
  try {
    const deletedAgain = await replayDeletions({ ...ports, caller: null }, ledger);
    return {
      files: countFiles(join(dataDir, FILES_DIR)),
      deletedAgain,
      // Without the old secret.key every browser gets a new identity (server/secret.ts).
      secretKeyMissing: !existsSync(join(dataDir, SECRET_FILE)),
    };
  } finally {
    ports.store.close();
  }
}

function checkIntegrity(file: string): void {
  chmodSync(file, 0o600);
  const db = new Database(file, { fileMustExist: true });
  let result: unknown;
  try {
    result = db.pragma('integrity_check', { simple: true });
  } catch (err) {
    result = String(err);
  } finally {
    db.close();
  }
  if (result !== 'ok') {
    for (const suffix of SQLITE_SIDE_FILES) rmSync(file + suffix, { force: true });
    throw new BackupError(`the backup's database is damaged: ${String(result)}`);
  }
}
