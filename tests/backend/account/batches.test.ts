/**
 * DEL: a large account (10,000 messages, 100 pictures) is deleted in batches that each fit
 * one CloudBase invocation: every call does at most BATCH_LIMITS.maxOps store and file
 * operations and stops starting new ones after BATCH_LIMITS.budgetMs, so with the ~3 s
 * function budget each call ends in time. The screen's polling finishes the job.
 */
import { BATCH_LIMITS } from '../../../backend/account';
import { CONSULT_MESSAGES, CONSULT_UPLOADS } from '../../../backend/collections';
import { ownerFilePrefix } from '../../../backend/user/files';
import type { DeletionStatus } from '../../../contract/account';
import { addBigConsult } from '../../../bench/lib/big-account';
import { register, verifyCode } from './seed';
import { alice, attach, drWang, expectOk, makeWorld, newProbe, type World } from './support';
import { dumpFiles } from './traces';

let w: World;
beforeEach(() => {
  w = makeWorld();
});
afterEach(() => w.destroy());

it('deletes 10,000 messages and 100 files in batches of at most maxOps operations, each well inside 3 s', async () => {
  await register(w, alice);
  const emulator = w.emulator;
  // On CloudBase the rows go straight into the emulated database (setup, not the thing tested).
  const bulkLoad = emulator
    ? (collection: string, docs: Array<Record<string, unknown>>) =>
        docs.forEach((doc) => emulator.store.insert(collection, doc))
    : undefined;
  await addBigConsult({ ...w, bulkLoad }, alice.openid, drWang.openid, {
    messages: 10_000,
    files: 100,
  });
  const prefix = ownerFilePrefix(w.crypto, alice.openid);
  expect([...dumpFiles(w.filesDir).keys()].filter((k) => k.startsWith(prefix))).toHaveLength(100);
  const code = await verifyCode(w);

  const perCall: Array<{ ops: number; ms: number }> = [];
  const measured = async (action: string, data: unknown) => {
    const probe = newProbe();
    attach(w, probe);
    const t0 = performance.now();
    const status = expectOk<DeletionStatus>(await w.account(action, data));
    perCall.push({ ops: probe.ops, ms: performance.now() - t0 });
    attach(w, null);
    return status;
  };
  let status = await measured('delete', { confirm: true, code });
  while (status.state === 'running' && perCall.length < 500)
    status = await measured('deletionStatus', {});

  expect(status).toMatchObject({
    state: 'done',
    receipt: { counts: { consultations: 1, messages: 10_000, files: 100 } },
  });
  expect(Math.max(...perCall.map((c) => c.ops))).toBeLessThanOrEqual(BATCH_LIMITS.maxOps);
  expect(Math.max(...perCall.map((c) => c.ms))).toBeLessThan(3000);
  // Batches are put to use, not one row at a time.
  expect(perCall.length).toBeLessThan(40);
  expect(await w.store.count(CONSULT_MESSAGES.name, { patientOpenid: alice.openid })).toBe(0);
  expect(await w.store.count(CONSULT_UPLOADS.name, { owner: alice.openid })).toBe(0);
  expect([...dumpFiles(w.filesDir).keys()].filter((k) => k.startsWith(prefix))).toEqual([]);
  // The 3 s budget is asserted per call above; the whole test seeds 10,000 rows first, which
  // on a loaded 2-core machine can pass jest's default 5 s.
}, 30_000);
