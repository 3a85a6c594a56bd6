/**
 * Backups for the self-hosted (issue 15 point 6): `npm run backup` / `npm run restore` on
 * real SQLite files and a real DATA_DIR. A restore into an empty DATA_DIR has every row and
 * file; the keys are never in a backup; an account deleted after a backup stays deleted
 * when that backup is restored (the ledger outside the database is replayed).
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackupError, backupDataDir, restoreDataDir } from '../../../backend/adapters/local/backup';
import { DELETION_LEDGER_FILE } from '../../../backend/adapters/local/deletion-ledger';
import { openSqliteStore } from '../../../backend/adapters/sqlite';
import { COLLECTIONS, CONSULTS, DOCTORS, USERS } from '../../../backend/collections';
import { doctorDoc } from '../consult/support';
import { ownEntries } from '../../../backend/account/plan';
import { createAesGcmCrypto } from '../../../backend/ports/crypto';
import { ownerFilePrefix } from '../../../backend/user/files';
import type { DeletionStatus } from '../../../contract/account';
import { TEST_MASTER_KEY } from '../support/env';
import { register, seedWorld, verifyCode } from './seed';
import { alice, bob, expectOk, freeze, makeWorld, phoneOf, type Frozen } from './support';
import { dumpFiles, dumpStore } from './traces';

const SECRET_TEXT = 'c2VjcmV0LXNlcnZlci1rZXktZm9yLXRoZS10ZXN0cw\n';
const KEY_TEXT = TEST_MASTER_KEY.toString('base64url') + '\n';
const temps: string[] = [];
const temp = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `zhuyi-${name}-`));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A DATA_DIR as the server leaves it: database, files, master.key, secret.key. */
let seeded: Frozen;
beforeAll(async () => {
  const w = makeWorld();
  await seedWorld(w);
  seeded = await freeze(w);
  temps.push(seeded.dir);
  writeFileSync(join(seeded.dir, 'master.key'), KEY_TEXT, { mode: 0o600 });
  writeFileSync(join(seeded.dir, 'secret.key'), SECRET_TEXT);
});

/** An empty DATA_DIR holding only what the operator kept apart: the master key (and a ledger). */
function emptyDataDir(ledgerFrom?: string): string {
  const dir = temp('data');
  writeFileSync(join(dir, 'master.key'), KEY_TEXT, { mode: 0o600 });
  if (ledgerFrom) cpSync(join(ledgerFrom, DELETION_LEDGER_FILE), join(dir, DELETION_LEDGER_FILE));
  return dir;
}

async function dumpDataDir(dir: string) {
  const store = openSqliteStore({ file: join(dir, 'zhuyi.sqlite'), collections: COLLECTIONS });
  try {
    const files = join(dir, 'files');
    return {
      rows: await dumpStore(store),
      files: existsSync(files) ? dumpFiles(files) : new Map(),
    };
  } finally {
    await Promise.resolve(store.close());
  }
}

/** Every file under `dir` (paths). */
const allFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)],
  );

it('restores into an empty DATA_DIR every account, consult and file, byte for byte', async () => {
  const { dir } = await backupDataDir({ dataDir: seeded.dir, outDir: temp('backups') });
  const target = emptyDataDir();
  const r = await restoreDataDir({ backupDir: dir, dataDir: target });
  expect(r.deletedAgain).toBe(0);
  expect(r.secretKeyMissing).toBe(true); // the script warns: browsers would get new identities

  const before = await dumpDataDir(seeded.dir);
  const after = await dumpDataDir(target);
  expect(after.rows).toEqual(before.rows);
  expect(after.files).toEqual(before.files);
  // The comparison is not of empty worlds.
  expect(after.rows.get(USERS.name)?.length).toBe(4);
  expect(after.rows.get(CONSULTS.name)?.length).toBeGreaterThan(1);
  expect(after.files.size).toBeGreaterThan(3);
});

it('never puts a key (or the ledger) into the backup', async () => {
  const { dir } = await backupDataDir({ dataDir: seeded.dir, outDir: temp('backups') });
  const files = allFiles(dir);
  expect(files.length).toBeGreaterThan(3);
  expect(files.filter((p) => p.endsWith('.key') || p.endsWith(DELETION_LEDGER_FILE))).toEqual([]);
  const secrets = [KEY_TEXT.trim(), TEST_MASTER_KEY.toString('base64'), SECRET_TEXT.trim()];
  for (const file of files) {
    const bytes = readFileSync(file);
    expect(secrets.filter((s) => bytes.includes(Buffer.from(s)))).toEqual([]);
  }
});

async function deleteAccountOf(from: Frozen): Promise<string> {
  const w = makeWorld(from);
  const code = await verifyCode(w);
  let status = expectOk<DeletionStatus>(await w.account('delete', { confirm: true, code }));
  for (let i = 0; status.state === 'running' && i < 100; i++)
    status = expectOk<DeletionStatus>(await w.account('deletionStatus', {}));
  expect(status.state).toBe('done');
  const ledgerKeeper = temp('ledger');
  cpSync(join(w.dir, DELETION_LEDGER_FILE), join(ledgerKeeper, DELETION_LEDGER_FILE));
  w.destroy();
  return ledgerKeeper;
}

const ownRowsOf = async (dir: string, openid: string) => {
  const { rows } = await dumpDataDir(dir);
  return ownEntries().flatMap((e) =>
    (rows.get(e.collection) ?? []).filter(
      (row) => (row as Record<string, unknown>)[e.ownerField] === openid,
    ),
  );
};

it('an account deleted after the backup stays deleted when the backup is restored', async () => {
  const { dir } = await backupDataDir({ dataDir: seeded.dir, outDir: temp('backups') });
  const ledgerKeeper = await deleteAccountOf(seeded);
  const ledger = readFileSync(join(ledgerKeeper, DELETION_LEDGER_FILE), 'utf8');
  // One line, and nothing in it names her.
  expect(ledger.trim().split('\n')).toHaveLength(1);
  for (const s of [alice.openid, phoneOf(alice)]) expect(ledger.includes(s)).toBe(false);
  expect((await ownRowsOf(seeded.dir, alice.openid)).length).toBeGreaterThan(10);

  const target = emptyDataDir(ledgerKeeper);
  const r = await restoreDataDir({ backupDir: dir, dataDir: target });
  expect(r.deletedAgain).toBe(1);
  expect(await ownRowsOf(target, alice.openid)).toEqual([]);
  expect((await ownRowsOf(target, bob.openid)).length).toBeGreaterThan(3);
  // Her own files went with her (her prefix is empty); the ledger was only appended to.
  const prefix = ownerFilePrefix(createAesGcmCrypto({ current: TEST_MASTER_KEY }), alice.openid);
  const filesBefore = [...(await dumpDataDir(seeded.dir)).files.keys()];
  const filesAfter = [...(await dumpDataDir(target)).files.keys()];
  expect(filesBefore.filter((k) => k.startsWith(prefix)).length).toBeGreaterThan(2);
  expect(filesAfter.filter((k) => k.startsWith(prefix))).toEqual([]);
  expect(readFileSync(join(target, DELETION_LEDGER_FILE), 'utf8').startsWith(ledger)).toBe(true);

  // Restoring the same backup once more finds her deleted again, nobody else touched.
  const again = await restoreDataDir({ backupDir: dir, dataDir: target, force: true });
  expect(again.deletedAgain).toBe(1);
  expect(await ownRowsOf(target, alice.openid)).toEqual([]);
});

it('a newer account of the same user, in a backup made after the deletion, is kept', async () => {
  const w = makeWorld(seeded);
  const code = await verifyCode(w);
  let status = expectOk<DeletionStatus>(await w.account('delete', { confirm: true, code }));
  for (let i = 0; status.state === 'running' && i < 100; i++)
    status = expectOk<DeletionStatus>(await w.account('deletionStatus', {}));
  expect(status.state).toBe('done');
  await register(w, alice); // the same WeChat user comes back as a new user
  const ledgerKeeper = temp('ledger');
  cpSync(join(w.dir, DELETION_LEDGER_FILE), join(ledgerKeeper, DELETION_LEDGER_FILE));
  const later = await freeze(w);
  temps.push(later.dir);
  const newRows = (await ownRowsOf(later.dir, alice.openid)).length;
  expect(newRows).toBeGreaterThan(2);

  const { dir } = await backupDataDir({ dataDir: later.dir, outDir: temp('backups') });
  const target = emptyDataDir(ledgerKeeper);
  const r = await restoreDataDir({ backupDir: dir, dataDir: target });
  expect(r.deletedAgain).toBe(0);
  expect(await ownRowsOf(target, alice.openid)).toHaveLength(newRows);
});

it('refuses a non-empty DATA_DIR without force, and a DATA_DIR with no master key', async () => {
  const { dir } = await backupDataDir({ dataDir: seeded.dir, outDir: temp('backups') });
  const target = emptyDataDir();
  writeFileSync(join(target, 'zhuyi.sqlite'), 'the live database');
  await expect(restoreDataDir({ backupDir: dir, dataDir: target })).rejects.toThrow(
    /not empty \(zhuyi\.sqlite\).*--force/,
  );
  expect(readFileSync(join(target, 'zhuyi.sqlite'), 'utf8')).toBe('the live database');

  const keyless = temp('keyless');
  await expect(restoreDataDir({ backupDir: dir, dataDir: keyless, env: {} })).rejects.toThrow(
    /no master key/,
  );
  expect(readdirSync(keyless)).toEqual([]);
  await expect(restoreDataDir({ backupDir: temp('nothing'), dataDir: target })).rejects.toThrow(
    BackupError,
  );
});

it('backs up a database the server holds open, its last commits still only in the WAL', async () => {
  const w = makeWorld(seeded);
  try {
    await w.store.insert(DOCTORS.name, doctorDoc('d-late', '晚到医生', 0));
    expect(statSync(`${w.dbFile}-wal`).size).toBeGreaterThan(0);
    const { dir } = await backupDataDir({ dataDir: w.dir, outDir: temp('backups') });
    // The server goes on writing meanwhile.
    await w.store.insert(DOCTORS.name, doctorDoc('d-later', '更晚医生', 0));
    const { rows } = await dumpDataDir(dir);
    const ids = (rows.get(DOCTORS.name) ?? []).map((d) => d._id);
    expect(ids).toContain('d-late');
    expect(ids).not.toContain('d-later');
  } finally {
    w.destroy();
  }
});

it('a damaged ledger line stops the restore before anything is replaced; a torn last line does not', async () => {
  const { dir } = await backupDataDir({ dataDir: seeded.dir, outDir: temp('backups') });
  const line = JSON.stringify({ subject: 'x'.repeat(64), generation: 1, deletedAt: 'T' });
  const target = emptyDataDir();
  writeFileSync(join(target, DELETION_LEDGER_FILE), `${line}\n{"subj\n${line}\n`);
  await expect(restoreDataDir({ backupDir: dir, dataDir: target })).rejects.toThrow(
    /line 2 is damaged/,
  );
  expect(readdirSync(target).sort()).toEqual([DELETION_LEDGER_FILE, 'master.key']);

  writeFileSync(join(target, DELETION_LEDGER_FILE), `${line}\n${line}\n{"subj`);
  await restoreDataDir({ backupDir: dir, dataDir: target });
  expect(readFileSync(join(target, DELETION_LEDGER_FILE), 'utf8')).toBe(`${line}\n${line}\n{"subj`);
});

const npmRun = (script: string, args: string[], dataDir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });

it('the commands answer bad arguments with their usage and a clear refusal, exit 2', () => {
  const data = temp('data');
  const noArgs = npmRun('restore', [], data);
  expect(noArgs.status).toBe(2);
  expect(noArgs.stderr).toMatch(/usage: npm run restore -- <backup folder> \[--force\]/);
  const unknownFlag = npmRun('backup', [temp('b'), '--yes'], data);
  expect(unknownFlag.status).toBe(2);
  expect(unknownFlag.stderr).toMatch(/usage: npm run backup/);
  const noDatabase = npmRun('backup', [temp('b')], data);
  expect(noDatabase.status).toBe(2);
  expect(noDatabase.stderr).toMatch(/备份失败：no database at/);
  expect(readdirSync(data)).toEqual([]);
});
