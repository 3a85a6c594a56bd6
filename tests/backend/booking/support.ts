/**
 * A booking test world on real SQLite: the consult world's ports (sandbox payment behind a
 * recorder, store notices), a PatientDirectory test double, SMS notices captured, accounts
 * written straight into `users` (fast enough for races of hundreds), and a platform hospital.
 */
import type { Caller, Ctx } from '../../../backend/core/context';
import { dispatch } from '../../../backend/core/dispatch';
import { findFunction } from '../../../backend/functions';
import { BOOKING_CONFIGS, DOCTORS, USERS } from '../../../backend/collections';
import type { BookingConfigFields } from '../../../backend/booking/config';
import { phoneContext, type UserDoc } from '../../../backend/user/account';
import type { BookingPatient, PatientDirectory } from '../../../backend/ports/patient-directory';
import type { SmsNotice } from '../../../backend/ports/sms';
import type { AppointmentView } from '../../../contract/booking';
import { POLICY_VERSION } from '../../../contract/privacy/policy';
import type { Envelope } from '../../../contract/envelope';
import { bindAs, doctorDoc, makeConsultEnv, type ConsultEnv } from '../consult/support';
import { expectOk } from '../support/env';
import { freshEnvEachTest } from '../user/support';

export { expectOk };
export { expectError } from '../user/support';

export const HOSPITAL = 'h1';
export const DR_A = 'd-zhang';
export const DR_B = 'd-chen';
export const DEMO_DR = 'd-demo';
export const NO_BOOKING_DR = 'd-none';
export const FEE = 3000;

export const who = (name: string, n = 0): Caller => ({
  openid: `o-${name}-${n}-`.padEnd(28, '0'),
  clientIp: '203.0.113.9',
});
export const alice = who('alice');
export const eve = who('eve');
export const drZhang = who('drzhang');

export interface PatientBook extends PatientDirectory {
  add(owner: Caller, patientId: string, over?: Partial<BookingPatient>): BookingPatient;
}

export function patientBook(): PatientBook {
  const byOwner = new Map<string, Map<string, BookingPatient>>();
  return {
    async getForBooking(ownerId, patientId) {
      return byOwner.get(ownerId)?.get(patientId) ?? null;
    },
    add(owner, patientId, over = {}) {
      const p: BookingPatient = {
        patientId,
        idType: 'resident_id',
        hasValidDocument: true,
        birthDate: '1980-01-01',
        maskedName: '张*',
        identityKey: `person-${owner.openid}-${patientId}`,
        ...over,
      };
      const mine = byOwner.get(owner.openid) ?? new Map<string, BookingPatient>();
      mine.set(patientId, p);
      byOwner.set(owner.openid, mine);
      return p;
    },
  };
}

export interface BookingEnv extends ConsultEnv {
  patients: PatientBook;
  smsNotices: SmsNotice[];
  booking(action: string, data: unknown, caller?: Caller | null): Promise<Envelope<unknown>>;
  /** A logged-in account with a bound phone, written directly (the user function's tests cover registration). */
  account(caller: Caller, phone?: string): Promise<void>;
  configure(hospitalId: string, config: Partial<BookingConfigFields>): Promise<void>;
}

export function makeBookingEnv(): BookingEnv {
  const env = makeConsultEnv();
  const patients = patientBook();
  const smsNotices: SmsNotice[] = [];
  const base = env.ctx;
  const ctx = (caller: Caller | null = null): Ctx => {
    const c = base(caller);
    return {
      ...c,
      patients,
      sms: { send: c.sms!.send, sendNotice: async (n) => void smsNotices.push(n) },
    };
  };
  const call = (fn: string, body: unknown, caller: Caller | null = null) =>
    dispatch(findFunction(fn)!, body, ctx(caller));
  let phones = 0;
  return {
    ...env,
    ctx,
    call,
    patients,
    smsNotices,
    booking: (action, data, caller = alice) => call('booking', { action, data }, caller),
    async account(caller, phone = `139${String(++phones).padStart(8, '0')}`) {
      const at = env.clock.now().toISOString();
      const doc: UserDoc = {
        _id: caller.openid,
        owner: caller.openid,
        phoneHash: env.crypto.hmac('phone', phone),
        phoneEnc: env.crypto.encrypt(phone, phoneContext(caller.openid)),
        nickname: '用户',
        avatarKey: null,
        loggedIn: true,
        pendingDevice: null,
        lastDeviceId: null,
        registeredAt: at,
        loginAt: at,
        updatedAt: at,
      };
      await env.store.insert(USERS.name, doc);
      // Dispatch enforces the requirements table: every booking action needs the policy consent.
      const consent = { action: 'recordConsent', data: { policyVersion: POLICY_VERSION } };
      expectOk(await call('privacy', consent, caller));
    },
    async configure(hospitalId, config) {
      await env.store.remove(BOOKING_CONFIGS.name, hospitalId);
      const full: BookingConfigFields = {
        adapter: 'platform',
        demo: false,
        his: null,
        payAt: 'online',
        subMchId: null,
        rules: {},
        ...config,
      };
      await env.store.insert(BOOKING_CONFIGS.name, { _id: hospitalId, ...full });
    },
  };
}

/** Two platform doctors at h1 (皮肤科), a demo doctor elsewhere, a doctor whose hospital takes no bookings. */
export async function setupBookingWorld(env: BookingEnv): Promise<void> {
  const demo = { ...doctorDoc(DEMO_DR, '演示医生', 0), hospitalId: 'h-demo' };
  const none = { ...doctorDoc(NO_BOOKING_DR, '孙医生', 0), hospitalId: 'h-none', synthetic: false };
  await env.store.insertMany(DOCTORS.name, [
    { ...doctorDoc(DR_A, '张医生', 0), synthetic: false },
    { ...doctorDoc(DR_B, '陈医生', 0), synthetic: false },
    demo,
    none,
  ]);
  await env.configure(HOSPITAL, {});
  for (const c of [alice, eve, drZhang]) await env.account(c);
  await bindAs(env, drZhang, DR_A);
  env.patients.add(alice, 'p1');
  env.patients.add(alice, 'p2', { maskedName: '李*', identityKey: 'person-alice-kid' });
  env.patients.add(eve, 'p1', { maskedName: '王*' });
}

export function bookingWorldEachTest(use: (env: BookingEnv) => void): void {
  freshEnvEachTest(makeBookingEnv, use, setupBookingWorld);
}

/** The doctor opens `date` with these periods (capacity, fee FEE). */
export async function open(
  env: BookingEnv,
  date: string,
  periods: Array<'am' | 'pm' | 'eve'> = ['am', 'pm'],
  capacity = 5,
) {
  return expectOk<{ slots: Array<{ slotId: string }> }>(
    await env.booking(
      'setSlots',
      { date, periods: periods.map((period) => ({ period, open: true, capacity, feeFen: FEE })) },
      drZhang,
    ),
  );
}

let requests = 0;
export const rid = () => `req-${(++requests).toString().padStart(8, '0')}`;

export async function bookOk(env: BookingEnv, slotId: string, patientId = 'p1', caller = alice) {
  return expectOk<AppointmentView>(
    await env.booking('book', { slotId, patientId, clientRequestId: rid() }, caller),
  );
}

/** pay → the sandbox's 确认支付 → get (which asks the provider). */
export async function payOk(env: BookingEnv, id: string, caller = alice): Promise<AppointmentView> {
  const launched = expectOk<{ payment: { orderId: string } }>(
    await env.booking('pay', { appointmentId: id }, caller),
  );
  await env.payment.sandbox!.decide(launched.payment.orderId, caller.openid, 'paid');
  return expectOk<AppointmentView>(await env.booking('get', { id }, caller));
}

export const slotId = (doctorId: string, date: string, period: string) =>
  `s_${date.replace(/-/g, '')}_${period}_${doctorId}`;
