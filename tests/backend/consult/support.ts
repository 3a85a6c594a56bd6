/**
 * A consult test world on real SQLite (makeEnv) with the consult ports: the local payment
 * sandbox behind a recorder (counts provider calls, can be made to fail), the store-backed
 * notice list and the in-process realtime hub. People register through the user function;
 * doctors bind through a real invite code.
 */
import type { Caller, Ctx } from '../../../backend/core/context';
import { dispatch } from '../../../backend/core/dispatch';
import { findFunction } from '../../../backend/functions';
import { DOCTORS } from '../../../backend/collections';
import type { DoctorDoc } from '../../../backend/catalog/model';
import { createInvite, createStoreNotifier } from '../../../backend/consult';
import {
  createLocalRealtime,
  type LocalRealtime,
} from '../../../backend/adapters/local/realtime-hub';
import { createSandboxPayment } from '../../../backend/adapters/local/sandbox-payment';
import type { PaymentProvider, RefundRequest } from '../../../backend/ports/payment';
import type { ConsultEvent } from '../../../contract/consult/events';
import type { ConsultView, MessageView } from '../../../contract/consult/views';
import type { Envelope } from '../../../contract/envelope';
import { CHECKED, expectOk, makeEnv, TEST_STORE, type TestEnv } from '../support/env';
import { consentToSensitive, freshEnvEachTest, registerUser } from '../user/support';

export { expectError, upload, imageBytes } from '../user/support';
export { expectOk };

/** A caller with a well-formed (28-character) openid made from `name`. */
export const caller = (name: string, ip: string): Caller => ({
  openid: `o-${name}-`.padEnd(28, '0'),
  clientIp: ip,
});
export const alice = caller('alice', '203.0.113.1');
export const eve = caller('eve', '203.0.113.2');
export const drWang = caller('drwang', '203.0.113.3');
export const drLi = caller('drli', '203.0.113.4');

export const PAID_DOCTOR = 'd-wang';
export const OTHER_DOCTOR = 'd-li';
export const FREE_DOCTOR = 'd-free';
export const PRICE = 3000;

export interface RecordingPayment extends PaymentProvider {
  refunds: RefundRequest[];
  failRefunds: boolean;
}

function recording(inner: PaymentProvider): RecordingPayment {
  const rec: RecordingPayment = {
    kind: inner.kind,
    sandbox: inner.sandbox,
    refunds: [],
    failRefunds: false,
    start: (order) => inner.start(order),
    query: (no) => inner.query(no),
    async refund(request) {
      if (rec.failRefunds) throw new Error('provider down');
      rec.refunds.push(request);
      await inner.refund(request);
    },
  };
  return rec;
}

export interface ConsultEnv extends TestEnv {
  payment: RecordingPayment;
  realtime: LocalRealtime;
  /** Every event published, per openid, since the env was made. */
  events: Map<string, ConsultEvent[]>;
  ctx(caller?: Caller | null): Ctx;
  consult(action: string, data: unknown, who?: Caller | null): Promise<Envelope<unknown>>;
}

/** A synthetic 皮肤科 doctor of the catalog, consulted at `price` fen. */
export function doctorDoc(id: string, name: string, price: number): DoctorDoc {
  return {
    _id: id,
    name,
    title: '主治医师',
    titleRank: 2,
    department: '皮肤科',
    hospitalId: 'h1',
    hospitalName: '示例医院',
    hospitalGradeRank: 0,
    location: { lat: 31.2, lng: 121.4 },
    specialties: ['湿疹'],
    specialtiesText: '湿疹',
    consultPrice: price,
    rating: 4.8,
    consultCount: 0,
    synthetic: true,
    bio: '示例医生',
  };
}

/**
 * `extra` ports join every context (e.g. videoRooms for 视频咨询); a getter may swap them per
 * test. `kind` picks the store (default: the project's, see TEST_STORE).
 */
export function makeConsultEnv(
  extra: () => Partial<Ctx> = () => ({}),
  kind = TEST_STORE,
): ConsultEnv {
  const env = makeEnv(':memory:', kind);
  const payment = recording(
    createSandboxPayment({ store: env.store, clock: env.clock, random: env.random }),
  );
  const realtime = createLocalRealtime((err) => {
    throw err;
  });
  const events = new Map<string, ConsultEvent[]>();
  const publish = realtime.publish.bind(realtime);
  realtime.publish = (openid, event) => {
    events.set(openid, [...(events.get(openid) ?? []), event]);
    publish(openid, event);
  };
  const notifier = createStoreNotifier({ store: env.store, random: env.random });
  const ctx = (who: Caller | null = null): Ctx => ({
    ...env.ctx(who),
    payment,
    notifier,
    realtime,
    ...extra(),
  });
  const call = async (fn: string, body: unknown, who: Caller | null = null) =>
    dispatch(findFunction(fn)!, body, ctx(who), CHECKED);
  return {
    ...env,
    payment,
    realtime,
    events,
    ctx,
    call,
    consult: (action, data, who = alice) => call('consult', { action, data }, who),
  };
}

/** Doctors in the catalog, four registered accounts, two of them bound as doctors. */
export async function setupWorld(env: ConsultEnv): Promise<void> {
  await env.store.insertMany(DOCTORS.name, [
    doctorDoc(PAID_DOCTOR, '王医生', PRICE),
    doctorDoc(OTHER_DOCTOR, '李医生', 2000),
    doctorDoc(FREE_DOCTOR, '赵医生', 0),
  ]);
  const phones = ['13800000001', '13800000002', '13800000003', '13800000004'];
  for (const [i, who] of [alice, eve, drWang, drLi].entries()) {
    await registerUser(env, who, phones[i]);
    await consentToSensitive(env, who);
  }
  await bindAs(env, drWang, PAID_DOCTOR);
  await bindAs(env, drLi, OTHER_DOCTOR);
}

/** Jest hooks: every test gets its own env with setupWorld's catalog and accounts. */
export function consultWorldEachTest(use: (env: ConsultEnv) => void): void {
  freshEnvEachTest(makeConsultEnv, use, setupWorld);
}

export async function inviteCode(env: ConsultEnv, doctorId: string): Promise<string> {
  const { code } = await createInvite(
    { store: env.store, crypto: env.crypto, random: env.random, clock: env.clock },
    doctorId,
  );
  return code;
}

export async function bindAs(env: ConsultEnv, who: Caller, doctorId: string): Promise<void> {
  expectOk(await env.consult('bindDoctor', { code: await inviteCode(env, doctorId) }, who));
}

export const DESCRIPTION = '手背起红疹三天，夜间瘙痒加重，没有发烧。';

export async function createConsult(
  env: ConsultEnv,
  who = alice,
  data: Record<string, unknown> = {},
): Promise<ConsultView> {
  return expectOk<ConsultView>(
    await env.consult(
      'create',
      { doctorId: PAID_DOCTOR, patient: { kind: 'self' }, description: DESCRIPTION, ...data },
      who,
    ),
  );
}

/** pay → the sandbox page → 确认支付. */
export async function payInSandbox(env: ConsultEnv, consultId: string, who = alice) {
  const paid = expectOk<{ payment: { kind: string; orderId: string; sandboxUrl: string } }>(
    await env.consult('pay', { consultId }, who),
  );
  return expectOk<{ status: string }>(
    await env.consult('sandboxConfirm', { orderId: paid.payment.orderId, outcome: 'paid' }, who),
  );
}

export async function paidConsult(env: ConsultEnv): Promise<ConsultView> {
  const c = await createConsult(env);
  await payInSandbox(env, c.id);
  return c;
}

export async function activeConsult(env: ConsultEnv): Promise<ConsultView> {
  const c = await paidConsult(env);
  expectOk(await env.consult('accept', { consultId: c.id }, drWang));
  return c;
}

let msgCounter = 0;
export const newMsgId = () => `cmsg-${(++msgCounter).toString().padStart(8, '0')}`;

export async function send(
  env: ConsultEnv,
  who: Caller,
  consultId: string,
  text: string,
  clientMsgId = newMsgId(),
): Promise<MessageView> {
  return expectOk<MessageView>(
    await env.consult('sendMessage', { consultId, clientMsgId, text }, who),
  );
}

export const HOUR = 3_600_000;
