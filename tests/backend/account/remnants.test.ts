/**
 * DEL: once an account is deleted, no copy of its rows stays in the database's own files —
 * not in the SQLite file's free pages (secure_delete) and not in the write-ahead log, which
 * otherwise keeps old page images until some later checkpoint. Checked on the raw bytes,
 * with the store still open, as a running server would leave them.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { DeletionStatus } from '../../../contract/account';
import { alice, expectOk, makeWorld, phoneOf, type World } from './support';
import { seedWorld, verifyCode } from './seed';
import { dumpStore, RECEIPT_COLLECTIONS, tracesOf } from './traces';

let w: World;
beforeEach(async () => {
  w = makeWorld();
  await seedWorld(w);
});
afterEach(() => w.destroy());

const rawBytes = (): Buffer =>
  Buffer.concat([w.dbFile, `${w.dbFile}-wal`].filter(existsSync).map((file) => readFileSync(file)));

const foundIn = (bytes: Buffer, traces: Set<string>): string[] =>
  [...traces].filter((t) => bytes.includes(Buffer.from(t, 'utf8')));

it('the database file and its WAL hold none of her strings after deletion', async () => {
  const code = await verifyCode(w);
  const person = { openid: alice.openid, phone: phoneOf(alice) };
  const traces = tracesOf(await dumpStore(w.store), person, w.crypto, w.clock.now());
  // The check works: before deletion her strings are in the bytes.
  expect(foundIn(rawBytes(), traces).length).toBeGreaterThan(20);

  let status = expectOk<DeletionStatus>(await w.account('delete', { confirm: true, code }));
  for (let i = 0; status.state === 'running' && i < 100; i++)
    status = expectOk<DeletionStatus>(await w.account('deletionStatus', {}));
  expect(status.state).toBe('done');

  // DEL 3: the order archive and the receipt keep order and payment ids by design (their
  // rows are checked field by field in deletion.test.ts); every other string must be gone.
  const after = await dumpStore(w.store);
  const kept = RECEIPT_COLLECTIONS.flatMap((c) =>
    (after.get(c) ?? []).map((d) => JSON.stringify(d)),
  );
  const mustBeGone = [...traces].filter((t) => !kept.some((row) => row.includes(t)));
  expect(mustBeGone.length).toBeGreaterThan(20);
  expect(foundIn(rawBytes(), new Set(mustBeGone))).toEqual([]);
});
