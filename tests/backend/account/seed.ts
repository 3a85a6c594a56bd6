/**
 * A populated world, made through the real handlers so every row has the shape (and the
 * encryption contexts) production writes: alice has data in every collection of the
 * personal data map — as a patient of 王医生 and as 李医生 herself — and bob, eve and
 * 王医生 have their own, some of it beside hers (eve consults alice; 王医生 answers alice).
 */
import { rmSync } from 'node:fs';
import { DOCTORS } from '../../../backend/collections';
import { createInvite } from '../../../backend/consult';
import type { Caller } from '../../../backend/core/context';
import type { ConsultView, Picture } from '../../../contract/consult/views';
import { POLICY_VERSION } from '../../../contract/privacy/policy';
import { ownerFilePrefix } from '../../../backend/user/files';
import { doctorDoc } from '../consult/support';
import { consentToSensitive, device, idNumber, upload } from '../user/support';
import { seedPatientsAndRecords } from './seed-records';
import { seedSupport } from './seed-support';

export { FATHER_ID } from './seed-records';
import {
  alice,
  bob,
  drWang,
  eve,
  expectOk,
  freeze,
  makeWorld,
  phoneOf,
  type Frozen,
  type World,
} from './support';

export const ALICE_NAME = '欧阳娜娜';
export const ALICE_ID = idNumber('310115', '19850612', '047');
export const ALICE_DESCRIPTION = '手背起红疹三天，夜间瘙痒加重，没有发烧。';
export const ALICE_DEVICE = device('alice-phone');

const call = (w: World, fn: string, action: string, data: unknown, who: Caller) =>
  w.call(fn, { action, data }, who).then((r) => expectOk<unknown>(r));
const consult = <T>(w: World, action: string, data: unknown, who: Caller) =>
  call(w, 'consult', action, data, who) as Promise<T>;

export async function register(w: World, who: Caller, withDevice = false): Promise<void> {
  const phone = phoneOf(who);
  await call(w, 'privacy', 'recordConsent', { policyVersion: POLICY_VERSION }, who);
  await call(w, 'user', 'sendCode', { purpose: 'register', phone }, who);
  const code = [...w.sms.sent].reverse().find((m) => m.phone === phone)?.code;
  await call(
    w,
    'user',
    'register',
    { phone, code, ...(withDevice ? { device: ALICE_DEVICE } : {}) },
    who,
  );
  // The separate consents a patient gives before a first consultation (PIPL art. 29, 31).
  await consentToSensitive(w, who);
  w.clock.advance(61_000);
}

async function bind(w: World, who: Caller, doctorId: string): Promise<void> {
  const deps = { store: w.store, crypto: w.crypto, random: w.random, clock: w.clock };
  const { code } = await createInvite(deps, doctorId);
  await consult(w, 'bindDoctor', { code }, who);
}

const picture = (w: World, who: Caller, fill: number) =>
  consult<Picture>(w, 'uploadAttachment', { image: upload('jpeg', 300, fill) }, who);

async function paidConsult(w: World, who: Caller, doctorId: string, extra: object = {}) {
  const c = await consult<ConsultView>(
    w,
    'create',
    { doctorId, patient: { kind: 'self' }, description: ALICE_DESCRIPTION, ...extra },
    who,
  );
  const paid = await consult<{ payment: { orderId: string } }>(w, 'pay', { consultId: c.id }, who);
  await consult(w, 'sandboxConfirm', { orderId: paid.payment.orderId, outcome: 'paid' }, who);
  return c;
}

let msg = 0;
const text = (w: World, who: Caller, consultId: string, t: string) =>
  consult(w, 'sendMessage', { consultId, clientMsgId: `seed-msg-${++msg}`, text: t }, who);
const image = async (w: World, who: Caller, consultId: string, fill: number) =>
  consult(
    w,
    'sendMessage',
    {
      consultId,
      clientMsgId: `seed-msg-${++msg}`,
      imageKey: (await picture(w, who, fill)).key,
    },
    who,
  );

export interface Seeded {
  /** alice's consults: closed with 王医生 (paid), waiting (paid: refund forfeited), free. */
  closed: string;
  waiting: string;
  free: string;
  /** alice's paid 视频咨询 with 王医生, active, with calls. */
  video: string;
  /** eve's consults: with alice as 李医生, and with 王医生. */
  eveWithAlice: string;
  eveWithWang: string;
  /** alice's paid appointment tomorrow (demo schedule of 王医生). */
  appointment: string;
}

export async function seedWorld(w: World): Promise<Seeded> {
  await w.store.insertMany(DOCTORS.name, [
    doctorDoc('d-wang', '王医生', 3000),
    doctorDoc('d-li', '李医生', 2000),
    doctorDoc('d-free', '赵医生', 0),
  ]);
  const consent = (who: Caller, items: object) =>
    call(w, 'privacy', 'recordConsent', { policyVersion: POLICY_VERSION, items }, who);
  await consent(alice, { device: true, analytics: true });
  await consent(bob, { analytics: true });
  await consent(eve, {});
  await consent(drWang, {});
  await register(w, alice, true);
  for (const who of [bob, eve, drWang]) await register(w, who);
  const at = w.clock.now().toISOString();
  for (const who of [alice, bob])
    await call(
      w,
      'telemetry',
      'track',
      { events: [{ name: 'page_view', at, props: { page: 'home' } }] },
      who,
    );
  await call(
    w,
    'user',
    'updateProfile',
    { nickname: '娜娜', avatar: upload('png', 200, 1) },
    alice,
  );
  await call(w, 'user', 'updateProfile', { nickname: '小波', avatar: upload('png', 200, 2) }, bob);
  await call(
    w,
    'user',
    'submitIdentity',
    {
      name: ALICE_NAME,
      idNumber: ALICE_ID,
      idPhoto: upload('jpeg', 300, 3),
      facePhoto: upload('jpeg', 300, 4),
      consent: true,
    },
    alice,
  );
  await bind(w, drWang, 'd-wang');
  await bind(w, alice, 'd-li');

  // alice as a patient of 王医生: photos, both sides' text, images and risky links, a summary.
  const photo = await picture(w, alice, 5);
  const closed = await paidConsult(w, alice, 'd-wang', {
    patient: { kind: 'other', name: '欧阳小明', sex: 'male', age: 6 },
    photoKeys: [photo.key],
  });
  await consult(w, 'accept', { consultId: closed.id }, drWang);
  await text(w, alice, closed.id, '请看这个 http://evil.example.com/rash 上的说明');
  await text(w, drWang, closed.id, '不要点 http://phish.example.net/a 这种链接');
  await image(w, drWang, closed.id, 6);
  await image(w, alice, closed.id, 7);
  await consult(w, 'close', { consultId: closed.id, summary: '湿疹，外用药膏一周。' }, drWang);
  const waiting = await paidConsult(w, alice, 'd-wang');
  const free = await consult<ConsultView>(
    w,
    'create',
    { doctorId: 'd-free', patient: { kind: 'self' }, description: ALICE_DESCRIPTION },
    alice,
  );
  await picture(w, alice, 8); // uploaded, never attached
  // A file no row names any more (an old avatar whose removal failed).
  const orphan = `${ownerFilePrefix(w.crypto, alice.openid)}avatar/0000000000000000orphan.png`;
  await w.files.put(orphan, Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');

  // eve consults alice (李医生), and 王医生.
  const eveWithAlice = await paidConsult(w, eve, 'd-li');
  await consult(w, 'accept', { consultId: eveWithAlice.id }, alice);
  await text(w, eve, eveWithAlice.id, '李医生您好，孩子咳嗽两天了。');
  await text(w, alice, eveWithAlice.id, '请描述一下咳嗽的时间 http://alice-clinic.example.org');
  await image(w, alice, eveWithAlice.id, 9);
  const evePhoto = await picture(w, eve, 10);
  const eveWithWang = await paidConsult(w, eve, 'd-wang', { photoKeys: [evePhoto.key] });
  await consult(w, 'accept', { consultId: eveWithWang.id }, drWang);
  await text(w, drWang, eveWithWang.id, '您好，请问哪里不舒服？');
  await seedPatientsAndRecords(w, waiting.id, eveWithAlice.id);
  // 预约挂号: alice's paid visit tomorrow with the demo schedule (its refund is forfeited, DEL 3).
  const slotId = `s_20261201_am_d-wang`;
  const booked = await call(
    w,
    'booking',
    'book',
    { slotId, patientId: 'self', clientRequestId: 'seed-booking-1' },
    alice,
  );
  const order = await call(
    w,
    'booking',
    'pay',
    { appointmentId: (booked as { id: string }).id },
    alice,
  );
  await w
    .ctx(alice)
    .payment!.sandbox!.decide(
      (order as { payment: { orderId: string } }).payment.orderId,
      alice.openid,
      'paid',
    );
  await call(w, 'booking', 'get', { id: (booked as { id: string }).id }, alice);
  const video = await seedCalls(w);
  await seedSupport(w);
  return {
    video,
    closed: closed.id,
    waiting: waiting.id,
    free: free.id,
    eveWithAlice: eveWithAlice.id,
    eveWithWang: eveWithWang.id,
    appointment: (booked as { id: string }).id,
  };
}

/** Every day, all day: any 30-minute slot is bookable. */
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  start: '00:00',
  end: '24:00',
}));

/** The next free slot start two hours or more from the world's clock (30-minute aligned). */
const slotAfter = (w: World, hours: number) => {
  const step = 30 * 60_000;
  return new Date(Math.ceil((w.clock.now().getTime() + hours * 3_600_000) / step) * step);
};

/**
 * 视频咨询 (issue 14): alice's video consult with 王医生 with one ended call (the timeline)
 * and one ringing (the live-call guard); eve's video consult with alice as 李医生, ringing.
 */
async function seedCalls(w: World): Promise<string> {
  const offer = { price: 5000, hours: ALL_WEEK };
  await consult(w, 'setVideoOffer', { offer }, drWang);
  await consult(w, 'setVideoOffer', { offer }, alice);
  const video = (hours: number) => ({ type: 'video', slot: slotAfter(w, hours).toISOString() });
  const mine = await paidConsult(w, alice, 'd-wang', video(2));
  await consult(w, 'accept', { consultId: mine.id }, drWang);
  const first = await call(w, 'call', 'start', { consultId: mine.id }, alice);
  const callId = (first as { id: string }).id;
  await call(w, 'call', 'accept', { callId }, drWang);
  w.clock.advance(90_000);
  await call(w, 'call', 'hangup', { callId }, alice);
  await call(w, 'call', 'start', { consultId: mine.id }, drWang);
  const eves = await paidConsult(w, eve, 'd-li', video(3));
  await consult(w, 'accept', { consultId: eves.id }, alice);
  await call(w, 'call', 'start', { consultId: eves.id }, eve);
  return mine.id;
}

/**
 * Jest hooks: the file seeds one world and freezes it (seeding takes seconds); every test
 * then gets its own copy of those bytes, handed to `use` with the seeded ids. `more` adds
 * to the seeded world before it is frozen.
 */
export function seededCopyEachTest(
  use: (w: World, seeded: Seeded) => void,
  more?: (w: World) => Promise<void>,
): void {
  let seed: Frozen;
  let seeded: Seeded;
  let w: World;
  beforeAll(async () => {
    const s = makeWorld();
    seeded = await seedWorld(s);
    await more?.(s);
    seed = await freeze(s);
  });
  afterAll(() => rmSync(seed.dir, { recursive: true, force: true }));
  beforeEach(() => {
    w = makeWorld(seed);
    use(w, seeded);
  });
  afterEach(() => w.destroy());
}

/** A fresh 'verify' code to alice's bound phone (past the resend wait). */
export async function verifyCode(w: World, who: Caller = alice): Promise<string> {
  w.clock.advance(61_000);
  const phone = phoneOf(who);
  expectOk(await w.call('user', { action: 'sendCode', data: { purpose: 'verify' } }, who));
  const sent = [...w.sms.sent].reverse().find((m) => m.phone === phone);
  if (!sent) throw new Error('no code sent');
  return sent.code;
}
