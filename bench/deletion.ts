/**
 * Deletion benchmark (DEL): deleting an account with 10,000 consult messages and 100
 * pictures, through the `account` function as the 注销账号 screen drives it (delete, then
 * deletionStatus until done), beside a naive deletion measured in the same run on an
 * identical copy: read every row of the account, remove rows and files one at a time, in
 * one go. Figures: wall time, store/file operations, calls, the largest call. The target is
 * the one that matters on CloudBase: every call fits a ~3 s function budget, estimated at
 * CLOUD_MS_PER_OP per operation (a CloudBase database call from a function). Run it alone
 * with `npm run bench -- deletion`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountFunction, BATCH_LIMITS } from '../backend/account';
import { ownEntries } from '../backend/account/plan';
import { createLocalPorts } from '../backend/adapters/local/ports';
import type { Ctx } from '../backend/core/context';
import { dispatch } from '../backend/core/dispatch';
import type { DocumentStore, StoredDoc } from '../backend/ports/document-store';
import type { FileStore } from '../backend/ports/files';
import { silentLogger } from '../backend/ports/logger';
import { ownerFilePrefix } from '../backend/user/files';
import type { DeletionStatus } from '../contract/account';
import { addBigConsult } from './lib/big-account';
import { stringsAt } from '../backend/account/paths';
import { type BenchReport, fmtInt, fmtMs, fmtRatio, log, verdict } from './lib/report';

const SIZE = { messages: 10_000, files: 100 };
/** A CloudBase database or storage call from a function, typically 10–50 ms. */
const CLOUD_MS_PER_OP = 50;
const CLOUD_BUDGET_MS = 3000;
const PATIENT = 'o-bench-patient-000000000000';
const DOCTOR = 'o-bench-doctor-0000000000000';

interface Counted {
  ctx: Ctx;
  ops: { n: number };
  close(): void;
}

/** A fresh local deployment (SQLite file, files folder) holding the big account, every call counted. */
async function world(): Promise<Counted> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhuyi-bench-deletion-'));
  const ports = createLocalPorts({
    dataDir,
    log: silentLogger,
    env: { ZHUYI_MASTER_KEY: Buffer.alloc(32, 9).toString('base64') },
  });
  await addBigConsult(
    { store: ports.store, files: ports.files, crypto: ports.crypto },
    PATIENT,
    DOCTOR,
    SIZE,
  );
  const ops = { n: 0 };
  const count = <T extends object>(inner: T): T =>
    new Proxy(inner, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function' || key === 'close') return value;
        return (...args: unknown[]) => {
          ops.n++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const ctx: Ctx = {
    ...ports,
    store: count<DocumentStore>(ports.store),
    files: count<FileStore>(ports.files),
    caller: { openid: PATIENT, clientIp: null },
  };
  return {
    ctx,
    ops,
    close: () => {
      void ports.store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Ours: the screen's calls, each one bounded batch. */
async function ours(w: Counted) {
  const calls: Array<{ ops: number; ms: number }> = [];
  const call = async (action: string, data: unknown) => {
    const before = w.ops.n;
    const t0 = performance.now();
    const r = await dispatch(accountFunction, { action, data }, w.ctx);
    calls.push({ ops: w.ops.n - before, ms: performance.now() - t0 });
    if (!r.ok) throw new Error(`${action}: ${r.error.code} ${r.error.message}`);
    return r.data as DeletionStatus;
  };
  const t0 = performance.now();
  let status = await call('delete', { confirm: true, typed: '注销' });
  while (status.state === 'running') status = await call('deletionStatus', {});
  return { ms: performance.now() - t0, calls, status };
}

/** Naive: one row and one file at a time, all in one call. */
async function naive(w: Counted) {
  const t0 = performance.now();
  const { store, files, crypto } = w.ctx;
  for (const entry of ownEntries()) {
    const rows = await store.find<StoredDoc>(
      entry.collection,
      { [entry.ownerField]: PATIENT },
      { limit: 1_000_000 },
    );
    for (const row of rows) {
      for (const key of (entry.fileKeyFields ?? []).flatMap((f) => stringsAt(row, f)))
        await files?.remove(key);
      if (entry.onDelete === 'delete') await store.remove(entry.collection, row._id);
      else await store.update(entry.collection, row._id, { set: { [entry.ownerField]: null } });
    }
  }
  if (files && crypto) await files.removePrefix(ownerFilePrefix(crypto, PATIENT));
  return { ms: performance.now() - t0 };
}

export async function runDeletionBench(): Promise<BenchReport> {
  const report: BenchReport = { rows: [], problems: [] };
  const row = (
    metric: string,
    a: string,
    b: string,
    ratio = '',
    target = '',
    status: '' | 'PASS' | 'MISS' = '',
  ) => report.rows.push({ bench: 'deletion', metric, ours: a, baseline: b, ratio, target, status });

  log(
    `seeding two copies of an account with ${fmtInt(SIZE.messages)} messages and ${SIZE.files} pictures…`,
  );
  const a = await world();
  const b = await world();
  try {
    const o = await ours(a);
    const n = await naive(b);
    for (const w of [a, b]) {
      const left = await w.ctx.store.count('consultMessages', { patientOpenid: PATIENT });
      if (left !== 0) report.problems.push(`${left} messages left after deletion`);
    }
    if (
      o.status.receipt?.counts.messages !== SIZE.messages ||
      o.status.receipt.counts.files !== SIZE.files
    )
      report.problems.push(`receipt counts ${JSON.stringify(o.status.receipt?.counts)}`);
    const maxOps = Math.max(...o.calls.map((c) => c.ops));
    const maxMs = Math.max(...o.calls.map((c) => c.ms));
    const cloudOurs = maxOps * CLOUD_MS_PER_OP;
    const cloudNaive = b.ops.n * CLOUD_MS_PER_OP;
    row('wall time, whole deletion (SQLite)', fmtMs(o.ms), fmtMs(n.ms), fmtRatio(n.ms / o.ms));
    row('store + file operations', fmtInt(a.ops.n), fmtInt(b.ops.n), fmtRatio(b.ops.n / a.ops.n));
    row('calls (CloudBase invocations)', fmtInt(o.calls.length), '1');
    row(
      'largest call: operations',
      fmtInt(maxOps),
      fmtInt(b.ops.n),
      '',
      `≤ ${BATCH_LIMITS.maxOps}`,
      verdict(maxOps <= BATCH_LIMITS.maxOps),
    );
    row('largest call: wall time (SQLite)', fmtMs(maxMs), fmtMs(n.ms));
    row(
      `largest call on CloudBase (est. ${CLOUD_MS_PER_OP} ms/op)`,
      fmtMs(cloudOurs),
      fmtMs(cloudNaive),
      '',
      `≤ ${CLOUD_BUDGET_MS} ms`,
      verdict(cloudOurs <= CLOUD_BUDGET_MS),
    );
    log(
      `ours: ${o.calls.length} calls, operations per call: ${o.calls.map((c) => c.ops).join(' ')}`,
    );
  } finally {
    a.close();
    b.close();
  }
  return report;
}
