/**
 * A world for account deletion on a real SQLite file and real files in a temp folder: the
 * user, consult and privacy functions with the consult ports (payment sandbox, notice list,
 * realtime hub). Tests can swap in wrapped ports (operation counting, fault injection),
 * and copy a seeded world so each run starts from the same bytes.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileDeletionLedger } from '../../../backend/adapters/local/deletion-ledger';
import { createLocalRealtime } from '../../../backend/adapters/local/realtime-hub';
import { createSandboxPayment } from '../../../backend/adapters/local/sandbox-payment';
import { createWebRtcRooms } from '../../../backend/adapters/local/webrtc-rooms';
import { createAccountFunction } from '../../../backend/account';
import type { BatchLimits } from '../../../backend/account/meter';
import type { BackendFunction } from '../../../backend/core/action';
import type { Caller, Ctx } from '../../../backend/core/context';
import { dispatch } from '../../../backend/core/dispatch';
import { createStoreNotifier } from '../../../backend/consult';
import { findFunction } from '../../../backend/functions';
import type { DocumentStore } from '../../../backend/ports/document-store';
import type { FileStore } from '../../../backend/ports/files';
import type { Envelope } from '../../../contract/envelope';
import { CHECKED, makeEnv, testRandom, type TestEnv } from '../support/env';
import { caller } from '../consult/support';

export { expectOk } from '../support/env';
export { expectError } from '../user/support';

export const alice = caller('alice', '203.0.113.1');
export const bob = caller('bob', '203.0.113.2');
export const eve = caller('eve', '203.0.113.3');
export const drWang = caller('drwang', '203.0.113.4');

export const PHONES = new Map([
  [alice.openid, '13812345678'],
  [bob.openid, '15900001111'],
  [eve.openid, '13700002222'],
  [drWang.openid, '13600003333'],
]);
export const phoneOf = (who: Caller) => PHONES.get(who.openid) as string;

export interface World extends TestEnv {
  dir: string;
  dbFile: string;
  /** Wrappers applied to the store and files every call sees (null: the real ones). */
  wrap: {
    store: ((s: DocumentStore) => DocumentStore) | null;
    files: ((f: FileStore) => FileStore) | null;
  };
  ctx(who?: Caller | null): Ctx;
  /** `account` with other batch limits (the default function otherwise). */
  account(
    action: string,
    data: unknown,
    who?: Caller | null,
    limits?: BatchLimits,
  ): Promise<Envelope<unknown>>;
  destroy(): void;
}

/** A world on `<dir>/zhuyi.sqlite`; `from` copies a closed seeded world's database and files first. */
/** Worlds are made by the hundred (fault injection): memory-backed when the machine has it. */
const TEMP = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

export function makeWorld(from?: { dbFile: string; filesDir: string; at: string }): World {
  const dir = mkdtempSync(join(TEMP, 'zhuyi-account-'));
  const dbFile = join(dir, 'zhuyi.sqlite');
  if (from) cpSync(from.dbFile, dbFile);
  const env = makeEnv(dbFile);
  if (from) {
    cpSync(from.filesDir, env.filesDir, { recursive: true });
    env.clock.set(from.at);
  }
  // Ids made after a copy must not repeat the seeding's: another random sequence.
  const random = from ? testRandom(99) : env.random;
  const payment = createSandboxPayment({ store: env.store, clock: env.clock, random });
  const notifier = createStoreNotifier({ store: env.store, random });
  const realtime = createLocalRealtime((err) => {
    throw err;
  });
  const wrap: World['wrap'] = { store: null, files: null };
  const ctx = (who: Caller | null = null): Ctx => {
    const base = env.ctx(who);
    return {
      ...base,
      random,
      payment,
      notifier,
      realtime,
      // Booking's 就诊人: each account's holder as `self` (the patients function's double).
      patients: {
        getForBooking: async (owner, patientId) =>
          patientId === 'self'
            ? {
                patientId,
                idType: 'resident_id',
                hasValidDocument: true,
                birthDate: '1990-01-01',
                maskedName: '本*',
                identityKey: `person-${owner}`,
              }
            : null,
      },
      videoRooms: createWebRtcRooms([]),
      // As createLocalPorts: finished deletions go to <dir>/deletion-ledger.jsonl (backup.test.ts).
      deletionLedger: createFileDeletionLedger(dir),
      store: wrap.store ? wrap.store(base.store) : base.store,
      files: wrap.files && base.files ? wrap.files(base.files) : base.files,
    };
  };
  const call = (fn: string, body: unknown, who: Caller | null = null) =>
    dispatch(findFunction(fn) as BackendFunction, body, ctx(who), CHECKED);
  return {
    ...env,
    random,
    dir,
    dbFile,
    wrap,
    ctx,
    call,
    account: (action, data, who = alice, limits) =>
      dispatch(
        (limits ? createAccountFunction(limits) : findFunction('account')) as BackendFunction,
        { action, data },
        ctx(who),
        CHECKED,
      ),
    destroy() {
      env.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Frozen {
  dir: string;
  dbFile: string;
  filesDir: string;
  at: string;
}

/** Closes a world and keeps its database and files in a new folder, for makeWorld(from). */
export async function freeze(w: World): Promise<Frozen> {
  const dir = mkdtempSync(join(TEMP, 'zhuyi-frozen-'));
  const frozen = {
    dir,
    dbFile: join(dir, 'zhuyi.sqlite'),
    filesDir: join(dir, 'files'),
    at: w.clock.now().toISOString(),
  };
  cpSync(w.filesDir, frozen.filesDir, { recursive: true });
  // SQLite's close is asynchronous (queued transactions first) though typed void here.
  await Promise.resolve(w.store.close()); // checkpoints the WAL into the file
  cpSync(w.dbFile, frozen.dbFile);
  w.destroy();
  return frozen;
}

/** Counts every store and file call; can throw at call `failAt`, before or after doing it. */
export interface Probe {
  ops: number;
  failAt: number | null;
  mode: 'before' | 'after';
  /** Successful writes that marked a deletion job done (the receipt). */
  doneWrites: number;
}

export const newProbe = (failAt: number | null = null, mode: Probe['mode'] = 'before'): Probe => ({
  ops: 0,
  failAt,
  mode,
  doneWrites: 0,
});

async function step<R>(probe: Probe, run: () => Promise<R>, after?: (r: R) => void): Promise<R> {
  const n = ++probe.ops;
  if (n === probe.failAt && probe.mode === 'before') throw new Error(`injected fault at op ${n}`);
  const result = await run();
  after?.(result);
  if (n === probe.failAt) throw new Error(`injected fault after op ${n}`);
  return result;
}

export function probeStore(inner: DocumentStore, probe: Probe): DocumentStore {
  const self: DocumentStore = {
    get: (c, id) => step(probe, () => inner.get(c, id)),
    find: (c, f, o) => step(probe, () => inner.find(c, f, o)),
    count: (c, f) => step(probe, () => inner.count(c, f)),
    insert: (c, d) => step(probe, () => inner.insert(c, d)),
    insertMany: (c, d) => step(probe, () => inner.insertMany(c, d)),
    update: (c, id, p) => step(probe, () => inner.update(c, id, p)),
    updateIf: (c, id, e, p) =>
      step(
        probe,
        () => inner.updateIf(c, id, e, p),
        (won) => {
          if (won && c === 'deletionJobs' && p.set?.state === 'done') probe.doneWrites++;
        },
      ),
    remove: (c, id) => step(probe, () => inner.remove(c, id)),
    removeWhere: (c, f, l) => step(probe, () => inner.removeWhere(c, f, l)),
    near: (c, q) => step(probe, () => inner.near(c, q)),
    search: (c, q) => step(probe, () => inner.search(c, q)),
    transaction: (work) => inner.transaction((tx) => work(probeStore(tx, probe))),
  };
  return self;
}

export function probeFiles(inner: FileStore, probe: Probe): FileStore {
  return {
    put: (k, b, t) => step(probe, () => inner.put(k, b, t)),
    get: (k) => step(probe, () => inner.get(k)),
    remove: (k) => step(probe, () => inner.remove(k)),
    removePrefix: (p) => step(probe, () => inner.removePrefix(p)),
    signedUrl: (k, o) => step(probe, () => inner.signedUrl(k, o)),
  };
}

/** Routes every call of the world through `probe` (null: stop probing). */
export function attach(world: World, probe: Probe | null): void {
  world.wrap.store = probe ? (s) => probeStore(s, probe) : null;
  world.wrap.files = probe ? (f) => probeFiles(f, probe) : null;
}
