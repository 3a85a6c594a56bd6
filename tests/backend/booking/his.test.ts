/**
 * The HIS adapter against the reference fake HIS on 127.0.0.1 (docs/his-contract.md): the
 * hospital holds the places; our rule guards still hold; a refusal or an outage undoes our
 * side; cancel and check-in reach the hospital.
 */
import { APPOINTMENTS, BOOKING_GUARDS } from '../../../backend/collections';
import type { AppointmentView } from '../../../contract/booking';
import { startFakeHis, type FakeHis } from './fake-his';
import {
  alice,
  bookingWorldEachTest,
  bookOk,
  DR_A,
  drZhang,
  eve,
  expectError,
  expectOk,
  HOSPITAL,
  payOk,
  rid,
  slotId,
  type BookingEnv,
} from './support';

let env: BookingEnv;
let his: FakeHis;
bookingWorldEachTest((e) => (env = e));

beforeEach(async () => {
  his = await startFakeHis();
  his.slots.push(
    {
      doctorId: DR_A,
      date: '2026-12-01',
      period: 'am',
      feeFen: 5000,
      capacity: 1,
      remaining: 1,
      stopped: false,
    },
    {
      doctorId: DR_A,
      date: '2026-12-01',
      period: 'pm',
      feeFen: 5000,
      capacity: 3,
      remaining: 3,
      stopped: true,
    },
  );
  await env.configure(HOSPITAL, {
    adapter: 'his',
    his: { baseUrl: his.baseUrl, token: his.token },
  });
});
afterEach(() => his.close());

const am = slotId(DR_A, '2026-12-01', 'am');

it('shows the HIS schedule and books a place the hospital holds', async () => {
  const s = expectOk<{ days: Array<{ date: string; slots: Array<{ statusLabel: string }> }> }>(
    await env.booking('schedule', { doctorId: DR_A, from: '2026-12-01', days: 1 }, null),
  );
  expect(s.days[0].slots.map((x) => x.statusLabel)).toEqual(['可约', '停诊']);
  const v = await bookOk(env, am);
  expect(v.feeFen).toBe(5000);
  expect(his.bookings.get(v.id)).toMatchObject({
    patient: { ref: 'p1', maskedName: '张*', idType: 'resident_id' },
  });
  expect(his.slots[0].remaining).toBe(0);
});

it('passes on the hospital’s 约满 and 停诊, undoing our side', async () => {
  await bookOk(env, am, 'p1', eve);
  const r = await env.booking('book', { slotId: am, patientId: 'p1', clientRequestId: rid() });
  expectError(r, 'FAILED_PRECONDITION', { reason: 'slot_full' });
  his.slots[0].remaining = 1;
  expectOk(await env.booking('book', { slotId: am, patientId: 'p1', clientRequestId: rid() }));
  expect(await env.store.count(APPOINTMENTS.name, { owner: alice.openid })).toBe(1);
});

it('an unreachable HIS is told as such and leaves nothing behind', async () => {
  const guardsBefore = await env.store.count(BOOKING_GUARDS.name, {});
  his.down = true;
  expectError(
    await env.booking('book', { slotId: am, patientId: 'p1', clientRequestId: rid() }),
    'INTERNAL',
    { reason: 'his_unavailable' },
  );
  expect(await env.store.count(APPOINTMENTS.name, {})).toBe(0);
  expect(await env.store.count(BOOKING_GUARDS.name, {})).toBe(guardsBefore);
});

it('cancel gives the place back at the hospital; check-in reaches it', async () => {
  const v = await payOk(env, (await bookOk(env, am)).id);
  expectOk<AppointmentView>(await env.booking('cancel', { appointmentId: v.id }));
  expect(his.bookings.get(v.id)!.cancelled).toBe(true);
  expect(his.slots[0].remaining).toBe(1);
  const again = await payOk(env, (await bookOk(env, am, 'p1', eve)).id, eve);
  env.clock.set('2026-12-01T00:30:00Z');
  expectOk(
    await env.booking('checkIn', { appointmentId: again.id, code: again.visitCode }, drZhang),
  );
  expect(his.bookings.get(again.id)!.checkedIn).toBe(true);
  expect(his.calls).toContain(`POST /his/bookings/${again.id}/check-in`);
});

it('refuses a wrong token as an outage, not a booking', async () => {
  await env.configure(HOSPITAL, { adapter: 'his', his: { baseUrl: his.baseUrl, token: 'wrong' } });
  expectError(await env.booking('schedule', { doctorId: DR_A }, null), 'INTERNAL', {
    reason: 'his_unavailable',
  });
});
