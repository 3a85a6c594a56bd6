/**
 * 视频咨询 as a consult type (issue 14): the doctor's offer (price, hours), booking one slot
 * of those hours at the video price, one consult per slot, and nothing about video when
 * the operator has it off.
 */
import { VIDEO_SLOTS } from '../../../backend/collections';
import type { Doctor } from '../../../contract/catalog';
import type { ConsultView } from '../../../contract/consult/views';
import { PAID_DOCTOR, PRICE } from '../consult/support';
import {
  alice,
  callWorldEachTest,
  drWang,
  eve,
  expectError,
  expectOk,
  slotAfter,
  VIDEO_PRICE,
  type CallEnv,
} from './support';

let env: CallEnv;
callWorldEachTest((e) => (env = e));

const book = (slot: string, who = alice) =>
  env.consult(
    'create',
    {
      doctorId: PAID_DOCTOR,
      patient: { kind: 'self' },
      description: '孩子呼吸有点急促，想让医生看看。',
      type: 'video',
      slot,
    },
    who,
  );

it('the doctor card and config say video is offered, its price and hours', async () => {
  const doctor = expectOk<Doctor>(
    await env.call('catalog', { action: 'getDoctor', data: { id: PAID_DOCTOR } }),
  );
  expect(doctor.video).toMatchObject({ price: VIDEO_PRICE });
  expect(doctor.consultPrice).toBe(PRICE);
  expect(expectOk<{ video: string | null }>(await env.consult('config', {})).video).toBe('webrtc');
});

it('books a slot at the video price; the same slot again is refused until the first is cancelled', async () => {
  const slot = slotAfter(env, 5);
  const c = expectOk<ConsultView>(await book(slot));
  expect(c).toMatchObject({ type: 'video', scheduledAt: slot, price: VIDEO_PRICE, calls: [] });
  expectError(await book(slot, eve), 'INVALID_ARGUMENT', { reason: 'slot_invalid' });
  expectOk(await env.consult('cancel', { consultId: c.id }));
  expect(expectOk<ConsultView>(await book(slot, eve)).scheduledAt).toBe(slot);
  expect(await env.store.count(VIDEO_SLOTS.name, {})).toBe(3);
});

it('refuses slots outside the hours, unaligned, too soon or too far (slot_invalid)', async () => {
  expectOk(
    await env.consult(
      'setVideoOffer',
      { offer: { price: VIDEO_PRICE, hours: [{ weekday: 3, start: '09:00', end: '10:00' }] } },
      drWang,
    ),
  );
  // The env's clock is Monday 2026-11-30 ~16:0x in Shanghai; Wednesday 09:00 Shanghai = 01:00Z.
  expectOk(await book('2026-12-02T01:00:00.000Z'));
  expectOk(await book('2026-12-02T09:30:00+08:00', eve));
  for (const slot of [
    '2026-12-02T02:00:00.000Z', // 10:00, the hours' end
    '2026-12-02T01:15:00.000Z', // not on a slot
    '2026-12-03T01:00:00.000Z', // Thursday
    '2026-12-30T01:00:00.000Z', // beyond 14 days
    slotAfter(env, 0), // too soon
  ])
    expectError(await book(slot), 'INVALID_ARGUMENT', { reason: 'slot_invalid' });
});

it('a doctor stops offering; a patient cannot set offers; video off hides it all', async () => {
  expectError(await env.consult('setVideoOffer', { offer: null }, alice), 'PERMISSION_DENIED', {
    reason: 'doctor_required',
  });
  expectOk(await env.consult('setVideoOffer', { offer: null }, drWang));
  expectError(await book(slotAfter(env, 5)), 'FAILED_PRECONDITION', {
    reason: 'video_not_offered',
  });
  env.rooms.current = undefined;
  const doctor = expectOk<Doctor>(
    await env.call('catalog', { action: 'getDoctor', data: { id: 'd-li' } }),
  );
  expect(doctor.video).toBeNull();
  expect(expectOk<{ video: string | null }>(await env.consult('config', {})).video).toBeNull();
  expectError(await book(slotAfter(env, 5)), 'FAILED_PRECONDITION', { reason: 'video_disabled' });
  expectError(await env.consult('setVideoOffer', { offer: null }, drWang), 'FAILED_PRECONDITION', {
    reason: 'video_disabled',
  });
});
