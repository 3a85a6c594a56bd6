/**
 * DEL: a deletion interrupted anywhere — a store or file operation failing, before or after
 * it took effect (a crash, a timeout) — is finished by the next call: no residue, nothing
 * of anyone else's touched, one receipt with the same counts. Every operation of the job
 * is tried as the failing one. Small batch limits make the job cross many batch boundaries.
 */
import { rmSync } from 'node:fs';
import { DELETION_JOBS } from '../../../backend/collections';
import type { JobDoc } from '../../../backend/account/job';
import { POLICY_VERSION } from '../../../contract/privacy/policy';
import { runDeletionSweep } from '../../../backend/account';
import type { BatchLimits } from '../../../backend/account/meter';
import type { DeletionStatus } from '../../../contract/account';
import {
  alice,
  attach,
  expectOk,
  freeze,
  makeWorld,
  newProbe,
  phoneOf,
  type Frozen,
  type Probe,
  type World,
} from './support';
import { seedWorld, verifyCode } from './seed';
import { dumpFiles, dumpStore, findTraces, othersChanged, tracesOf } from './traces';
import { BATCH_LIMITS } from '../../../backend/account';
import { TEST_STORE } from '../support/env';
import { deletionPlan } from '../../../backend/account/plan';

const SMALL: BatchLimits = {
  ...BATCH_LIMITS,
  maxOps: 20,
  removeBatch: 4,
  findBatch: 4,
  parentPage: 2,
  scanPage: 3,
};

/**
 * Which operations fail in turn: every one on SQLite; on CloudBase (every store call through
 * the real SDK and the emulator, ~25× slower) the first, the last and an even spread between —
 * the failure points are the same port calls on both adapters, what differs is how the
 * CloudBase adapter and the platform behave around one, which a spread already reaches.
 */
const CLOUDBASE_FAULTS = 12;
function faultPoints(total: number, store = TEST_STORE): number[] {
  const all = Array.from({ length: total }, (_, i) => i + 1);
  if (store === 'sqlite' || total <= CLOUDBASE_FAULTS) return all;
  const step = (total - 1) / (CLOUDBASE_FAULTS - 1);
  return [...new Set(Array.from({ length: CLOUDBASE_FAULTS }, (_, i) => 1 + Math.round(i * step)))];
}

let seed: Frozen;
beforeAll(async () => {
  const w = makeWorld();
  await seedWorld(w);
  seed = await freeze(w);
});
afterAll(() => rmSync(seed.dir, { recursive: true, force: true }));

/** Calls as the screen would (status, delete when none) until done; a refused code is replaced. */
async function drive(
  w: World,
  probe: Probe | null,
  code: string,
  resent: () => Promise<void>,
): Promise<DeletionStatus> {
  let current = code;
  for (let i = 0; i < 200; i++) {
    const s = await w.account('deletionStatus', {}, alice, SMALL);
    if (s.ok && (s.data as DeletionStatus).state === 'done') return s.data as DeletionStatus;
    if (!s.ok || (s.data as DeletionStatus).state === 'running') continue;
    const r = await w.account('delete', { confirm: true, code: current }, alice, SMALL);
    if (!r.ok && r.error.code === 'INVALID_ARGUMENT') {
      // The fault struck after the code was used: the user asks for another.
      attach(w, null);
      current = await verifyCode(w);
      await resent();
      attach(w, probe);
    }
  }
  throw new Error('deletion did not finish');
}

interface Run {
  status: DeletionStatus;
  probe: Probe;
  problems: string[];
}

async function run(failAt: number | null, mode: Probe['mode']): Promise<Run> {
  const w = makeWorld(seed);
  try {
    const person = { openid: alice.openid, phone: phoneOf(alice) };
    const code = await verifyCode(w);
    // What the world was before deletion; again after a resent code (sending one sweeps
    // expired codes and counts against the IP's limit — not deletion's doing).
    let before = await dumpStore(w.store);
    let traces = tracesOf(before, person, w.crypto, w.clock.now());
    const resent = async () => {
      before = await dumpStore(w.store);
      traces = tracesOf(before, person, w.crypto, w.clock.now());
    };
    const probe = newProbe(failAt, mode);
    attach(w, probe);
    const status = await drive(w, probe, code, resent);
    attach(w, null);
    const after = await dumpStore(w.store);
    const problems = [
      ...findTraces(after, dumpFiles(w.filesDir), traces),
      ...othersChanged(before, after, person, traces),
    ];
    return { status, probe, problems };
  } finally {
    w.destroy();
  }
}

it('finishes, leaves nothing of hers and writes one receipt whichever operation fails', async () => {
  const reference = await run(null, 'before');
  expect(reference.problems).toEqual([]);
  expect(reference.probe.doneWrites).toBe(1);
  const total = reference.probe.ops;
  expect(total).toBeGreaterThan(60);
  const failures: string[] = [];
  for (const mode of ['before', 'after'] as const) {
    for (const k of faultPoints(total)) {
      const r = await run(k, mode);
      const wrong = [
        ...r.problems,
        ...(r.probe.doneWrites === 1 ? [] : [`receipt written ${r.probe.doneWrites} times`]),
        ...(JSON.stringify(r.status.receipt?.counts) ===
        JSON.stringify(reference.status.receipt?.counts)
          ? []
          : [`counts ${JSON.stringify(r.status.receipt?.counts)}`]),
      ];
      if (wrong.length > 0) failures.push(`fault ${mode} op ${k}: ${wrong.join('; ')}`);
    }
  }
  expect(failures).toEqual([]);
}, 180_000);

it('the timer sweep finishes a deletion its caller left half-way', async () => {
  const w = makeWorld(seed);
  try {
    const code = await verifyCode(w);
    const started = expectOk<DeletionStatus>(
      await w.account('delete', { confirm: true, code }, alice, SMALL),
    );
    expect(started.state).toBe('running');
    // Nobody polls. A sweep right away leaves a job its caller may still be driving.
    expect(await runDeletionSweep(w.ctx(null), { limits: SMALL })).toEqual({
      advanced: 0,
      finished: 0,
    });
    let report = { advanced: 0, finished: 0 };
    for (let i = 0; i < 100 && report.finished === 0; i++) {
      w.clock.advance(61_000);
      report = await runDeletionSweep(w.ctx(null), { limits: SMALL });
    }
    expect(report.finished).toBe(1);
    expect(expectOk<DeletionStatus>(await w.account('deletionStatus', {}))).toMatchObject({
      state: 'done',
      // 图文 ×3 and the 视频咨询 seedCalls adds
      receipt: { counts: { consultations: 4 } },
    });
    expect(expectOk(await w.call('user', { action: 'me', data: {} }, alice))).toMatchObject({
      registered: false,
    });
  } finally {
    w.destroy();
  }
});

it('rows written while the job runs (after their step) are found by verification and deleted too', async () => {
  const w = makeWorld(seed);
  try {
    const code = await verifyCode(w);
    let status = expectOk<DeletionStatus>(
      await w.account('delete', { confirm: true, code }, alice, SMALL),
    );
    const current = async () => (await w.store.find<JobDoc>(DELETION_JOBS.name, {}))[0];
    // Past the consents step, before verification counted them (it counts consents first):
    // the browser (signed out, but the same WeChat user) agrees again. Found by plan order,
    // not by one step's name, so batch boundaries moving as the map grows do not matter.
    const keys = deletionPlan().map((s) => s.key);
    const past = (j: JobDoc) =>
      j.step !== null &&
      keys.indexOf(j.step) > keys.indexOf('own:consents.owner') &&
      !(j.step === 'verify' && j.cursor !== null);
    for (let i = 0; !past(await current()) && i < 500; i++)
      status = expectOk<DeletionStatus>(await w.account('deletionStatus', {}, alice, SMALL));
    expect(past(await current())).toBe(true);
    expectOk(
      await w.call(
        'privacy',
        { action: 'recordConsent', data: { policyVersion: POLICY_VERSION, items: {} } },
        alice,
      ),
    );
    expect(await w.store.count('consents', { owner: alice.openid })).toBe(1);
    for (let i = 0; status.state !== 'done' && i < 100; i++)
      status = expectOk<DeletionStatus>(await w.account('deletionStatus', {}, alice, SMALL));
    expect(status.state).toBe('done');
    expect(await w.store.count('consents', { owner: alice.openid })).toBe(0);
    const [job] = await w.store.find(DELETION_JOBS.name, {});
    expect(job).toMatchObject({ loops: 1 });
  } finally {
    w.destroy();
  }
});
