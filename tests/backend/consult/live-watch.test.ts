import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { subscribeConsult } from '../../../src/platform/consult-live/consult-live.weapp';
import { clientDatabase, PermissionDenied } from '../../support/cloudbase-emulator/client';
import type { DatabaseRules } from '../../support/cloudbase-emulator/rules';
import {
  activeConsult,
  alice,
  drWang,
  eve,
  makeConsultEnv,
  send,
  setupWorld,
  type ConsultEnv,
} from './support';

/**
 * The mini-program's live consult (src/platform/consult-live.weapp.ts) watching the emulated
 * CloudBase database as the signed-in user, with the repo's database-rules.json in force,
 * while the real handlers write through the CloudBase adapter.
 */

const RULES = JSON.parse(
  readFileSync(join(__dirname, '../../../database-rules.json'), 'utf8'),
) as DatabaseRules;

const mockWeChat: { db: unknown } = { db: null };
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { cloud: { database: () => mockWeChat.db } },
}));

let env: ConsultEnv;
beforeEach(async () => {
  env = makeConsultEnv(undefined, 'cloudbase');
  await setupWorld(env);
});
afterEach(() => env.close());

const as = (openid: string) => clientDatabase(env.emulator!, RULES, openid);

/** Counts onChange calls and lets a test wait until there have been `n`. */
function changes() {
  let count = 0;
  let waiters: Array<{ n: number; resolve: () => void }> = [];
  return {
    onChange: () => {
      count += 1;
      waiters = waiters.filter((w) => (count >= w.n ? (w.resolve(), false) : true));
    },
    get count() {
      return count;
    },
    reach: (n: number) =>
      new Promise<void>((resolve) => {
        if (count >= n) resolve();
        else waiters.push({ n, resolve });
      }),
  };
}

it('the patient and the doctor each hear of a new message through their own watch', async () => {
  const c = await activeConsult(env);
  const patient = changes();
  const doctor = changes();
  mockWeChat.db = as(alice.openid);
  const stopPatient = subscribeConsult({ consultId: c.id, role: 'patient', ...patient });
  mockWeChat.db = as(drWang.openid);
  const stopDoctor = subscribeConsult({ consultId: c.id, role: 'doctor', ...doctor });
  await send(env, drWang, c.id, '请上传一张照片');
  await Promise.all([patient.reach(1), doctor.reach(1)]);
  await send(env, alice, c.id, '好的');
  await Promise.all([patient.reach(2), doctor.reach(2)]);
  stopPatient();
  stopDoctor();
});

it("someone else's watch is let in only for their own documents: it hears nothing of this consult", async () => {
  const c = await activeConsult(env);
  const patient = changes();
  const stranger = changes();
  mockWeChat.db = as(eve.openid);
  const stopStranger = subscribeConsult({ consultId: c.id, role: 'patient', ...stranger });
  mockWeChat.db = as(alice.openid);
  const stopPatient = subscribeConsult({ consultId: c.id, role: 'patient', ...patient });
  await send(env, drWang, c.id, '请上传一张照片');
  await patient.reach(1);
  expect(stranger.count).toBe(0);
  stopPatient();
  stopStranger();
});

it('a read that does not name the caller, of a closed collection, or any write is refused', async () => {
  const c = await activeConsult(env);
  const refused = (collection: string, where: Record<string, unknown>) =>
    new Promise<Error>((resolve, reject) => {
      as(eve.openid)
        .collection(collection)
        .where(where)
        .watch({ onChange: () => reject(new Error('the watch was let in')), onError: resolve });
    });
  expect(await refused('consultMessages', { consultId: c.id })).toBeInstanceOf(PermissionDenied);
  expect(await refused('consults', { _id: c.id })).toBeInstanceOf(PermissionDenied);
  expect(await refused('users', { _id: '{openid}' })).toBeInstanceOf(PermissionDenied);
  await expect(as(alice.openid).collection('consents').where({}).get()).rejects.toThrow(
    PermissionDenied,
  );
  // Clients write nothing: every write goes through a cloud function.
  await expect(
    as(alice.openid)
      .collection('consultMessages')
      .add({ data: { consultId: c.id } }),
  ).rejects.toThrow(PermissionDenied);
  const own = await as(alice.openid)
    .collection('consults')
    .where({ patientOpenid: '{openid}' })
    .get();
  expect(own.data.map((d) => d._id)).toEqual([c.id]);
});
