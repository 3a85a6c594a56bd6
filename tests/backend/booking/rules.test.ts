/**
 * 预约挂号 rules on real SQLite (issue 13; docs/FACTS.md "Appointment practice"): the window
 * and release hour, slot states, 实名制, one per person per doctor per day, 3 per department
 * per week, the account's monthly cap, idempotency. Clock: Monday 2026-11-30 16:00 Shanghai.
 */
import { APPOINTMENTS, BOOKING_SLOTS } from '../../../backend/collections';
import type { AppointmentView } from '../../../contract/booking';
import {
  alice,
  bookingWorldEachTest,
  bookOk,
  DEMO_DR,
  DR_A,
  drZhang,
  eve,
  expectError,
  expectOk,
  FEE,
  HOSPITAL,
  NO_BOOKING_DR,
  open,
  rid,
  slotId,
  type BookingEnv,
} from './support';

let env: BookingEnv;
bookingWorldEachTest((e) => (env = e));

interface Schedule {
  available: boolean;
  demo: boolean;
  demoLabel: string | null;
  nextReleaseAt: string | null;
  rules: { text: string[]; payAt: string } | null;
  days: Array<{
    date: string;
    slots: Array<{
      slotId: string;
      status: string;
      statusLabel: string;
      remaining: number;
      releaseAt: string;
    }>;
  }>;
}
const schedule = async (doctorId: string, data: Record<string, unknown> = {}) =>
  expectOk<Schedule>(await env.booking('schedule', { doctorId, ...data }, null));
const remaining = async (id: string) =>
  (await env.store.get<{ _id: string; remaining: number }>(BOOKING_SLOTS.name, id))!.remaining;

describe('schedule', () => {
  it('shows 14 days from today with 可约/约满/停诊/未放号, and the rules before booking', async () => {
    await open(env, '2026-12-01', ['am'], 1);
    await open(env, '2026-12-13', ['am']);
    env.clock.set('2026-11-30T22:30:00Z'); // 12-01 06:30 Shanghai: 12-14 not released until 07:00
    await open(env, '2026-12-14', ['am']);
    await open(env, '2026-12-02', ['pm']);
    expectOk(await env.booking('stopSlot', { slotId: slotId(DR_A, '2026-12-02', 'pm') }, drZhang));
    await bookOk(env, slotId(DR_A, '2026-12-01', 'am'));
    const s = await schedule(DR_A);
    expect(s.available).toBe(true);
    expect(s.days).toHaveLength(14);
    expect(s.days[0].date).toBe('2026-12-01');
    const status = (date: string) =>
      s.days.find((d) => d.date === date)!.slots.map((x) => x.statusLabel);
    expect(status('2026-12-01')).toEqual(['约满']);
    expect(status('2026-12-02')).toEqual(['停诊']);
    expect(status('2026-12-13')).toEqual(['可约']);
    expect(status('2026-12-14')).toEqual(['未放号']);
    expect(s.nextReleaseAt).toBe('2026-11-30T23:00:00.000Z');
    expect(s.rules!.text.join()).toContain('90 天内爽约 3 次');
    env.clock.set('2026-11-30T23:00:00Z');
    expect((await schedule(DR_A)).days.at(-1)!.slots[0].statusLabel).toBe('可约');
  });

  it('answers available: false where the hospital has no booking adapter (no 预约 button)', async () => {
    const s = await schedule(NO_BOOKING_DR);
    expect(s).toMatchObject({ available: false, rules: null, days: [] });
  });

  it('generates the seeded demo doctors a clearly labelled schedule on working days', async () => {
    const s = await schedule(DEMO_DR);
    expect(s.demo).toBe(true);
    expect(s.demoLabel).toContain('演示');
    const sat = s.days.find((d) => d.date === '2026-12-05')!;
    expect(sat.slots).toEqual([]);
    const tue = s.days.find((d) => d.date === '2026-12-01')!;
    expect(tue.slots.map((x) => x.statusLabel)).toEqual(['可约', '可约']);
    const view = await bookOk(env, tue.slots[0].slotId);
    expect(view.demo).toBe(true);
  });
});

describe('book', () => {
  const am = () => slotId(DR_A, '2026-12-01', 'am');

  it('holds the place 15 minutes for payment, with the cutoff of the working day before', async () => {
    await open(env, '2026-12-01');
    const v = await bookOk(env, am());
    expect(v).toMatchObject({
      status: 'pending_payment',
      feeFen: FEE,
      payAt: 'online',
      visitCode: null,
    });
    expect(v.holdUntil).toBe('2026-11-30T08:15:00.000Z');
    expect(v.cancelUntil).toBe('2026-11-30T10:00:00.000Z'); // Monday 18:00 Shanghai
    expect(await remaining(am())).toBe(4);
  });

  it('is idempotent by clientRequestId: the same appointment, one place', async () => {
    await open(env, '2026-12-01');
    const data = { slotId: am(), patientId: 'p1', clientRequestId: rid() };
    const [a, b] = await Promise.all([env.booking('book', data), env.booking('book', data)]);
    expect(expectOk<AppointmentView>(a).id).toBe(expectOk<AppointmentView>(b).id);
    expect(expectOk<AppointmentView>(await env.booking('book', data)).id).toBe(
      expectOk<AppointmentView>(a).id,
    );
    expect(await remaining(am())).toBe(4);
    expectError(await env.booking('book', { ...data, patientId: 'p2' }), 'CONFLICT');
  });

  it('allows one appointment per 就诊人 per doctor per day', async () => {
    await open(env, '2026-12-01');
    await bookOk(env, am());
    const r = await env.booking('book', {
      slotId: slotId(DR_A, '2026-12-01', 'pm'),
      patientId: 'p1',
      clientRequestId: rid(),
    });
    expectError(r, 'FAILED_PRECONDITION', { reason: 'same_doctor_day' });
    // Another 就诊人 of the same account may; the same person through another account may not.
    await bookOk(env, slotId(DR_A, '2026-12-01', 'pm'), 'p2');
    env.patients.add(eve, 'same', { identityKey: `person-${alice.openid}-p1` });
    expectError(
      await env.booking(
        'book',
        { slotId: slotId(DR_A, '2026-12-01', 'pm'), patientId: 'same', clientRequestId: rid() },
        eve,
      ),
      'FAILED_PRECONDITION',
      { reason: 'same_doctor_day' },
    );
  });

  it('allows at most 3 open appointments per 就诊人 per department per week, freed by a cancel', async () => {
    const week = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10'];
    for (const d of week) await open(env, d, ['am']);
    const views = [];
    for (const d of week.slice(0, 3)) views.push(await bookOk(env, slotId(DR_A, d, 'am')));
    const fourth = { slotId: slotId(DR_A, week[3], 'am'), patientId: 'p1', clientRequestId: rid() };
    expectError(await env.booking('book', fourth), 'FAILED_PRECONDITION', {
      reason: 'department_week_limit',
      limit: 3,
    });
    expectOk(await env.booking('cancel', { appointmentId: views[0].id }));
    expectOk(await env.booking('book', { ...fourth, clientRequestId: rid() }));
  });

  it('refuses past, full, stopped and not-yet-released slots, changing nothing', async () => {
    await open(env, '2026-11-30', ['eve']);
    await open(env, '2026-12-01', ['am'], 1);
    await bookOk(env, am(), 'p1', eve);
    const tryBook = (slot: string) =>
      env.booking('book', { slotId: slot, patientId: 'p1', clientRequestId: rid() });
    expectError(await tryBook(am()), 'FAILED_PRECONDITION', { reason: 'slot_full' });
    env.clock.set('2026-11-30T10:00:00Z'); // 18:00: the evening clinic has begun
    expectError(await tryBook(slotId(DR_A, '2026-11-30', 'eve')), 'FAILED_PRECONDITION', {
      reason: 'slot_past',
    });
    env.clock.set('2026-11-30T22:00:00Z');
    await open(env, '2026-12-14', ['am']);
    expectError(await tryBook(slotId(DR_A, '2026-12-14', 'am')), 'FAILED_PRECONDITION', {
      reason: 'slot_unreleased',
    });
    await open(env, '2026-12-02', ['am']);
    expectOk(await env.booking('stopSlot', { slotId: slotId(DR_A, '2026-12-02', 'am') }, drZhang));
    expectError(await tryBook(slotId(DR_A, '2026-12-02', 'am')), 'FAILED_PRECONDITION', {
      reason: 'slot_stopped',
    });
    expectError(await tryBook(slotId(DR_A, '2026-12-03', 'am')), 'NOT_FOUND', {
      reason: 'slot_not_found',
    });
    expect(await env.store.count(APPOINTMENTS.name, { owner: alice.openid })).toBe(0);
  });

  it('is real-name: a 就诊人 without a valid document, or not the caller’s, is refused', async () => {
    await open(env, '2026-12-01');
    env.patients.add(alice, 'nodoc', { hasValidDocument: false });
    expectError(
      await env.booking('book', { slotId: am(), patientId: 'nodoc', clientRequestId: rid() }),
      'FAILED_PRECONDITION',
      { reason: 'patient_no_document' },
    );
    expectError(
      await env.booking('book', { slotId: am(), patientId: 'p2', clientRequestId: rid() }, eve),
      'NOT_FOUND',
      { reason: 'patient_not_found' },
    );
    // A child on the guardian's document is accepted, as hospitals do.
    env.patients.add(alice, 'kid', { idType: 'guardian', identityKey: 'kid-1' });
    expect((await bookOk(env, am(), 'kid')).status).toBe('pending_payment');
    expect(await remaining(am())).toBe(4);
  });

  it('caps bookings per account per month (anti-scalping), per hospital configuration', async () => {
    await env.configure(HOSPITAL, { rules: { maxBookingsPerAccountMonth: 2 } });
    await open(env, '2026-12-01');
    await bookOk(env, am(), 'p1');
    await bookOk(env, slotId(DR_A, '2026-12-01', 'pm'), 'p2');
    env.patients.add(alice, 'p3', { identityKey: 'p3' });
    expectError(
      await env.booking('book', { slotId: am(), patientId: 'p3', clientRequestId: rid() }),
      'FAILED_PRECONDITION',
      { reason: 'account_month_limit' },
    );
  });

  it('books 到院支付 where the hospital asks for it, or has no sub-merchant of its own on WeChat Pay', async () => {
    await env.configure(HOSPITAL, { payAt: 'hospital' });
    await open(env, '2026-12-01');
    const v = await bookOk(env, am());
    expect(v).toMatchObject({ status: 'booked', payAt: 'hospital', holdUntil: null });
    expect(v.visitCode).toMatch(/^\d{6}$/);
    // Online payment configured but no sub-merchant: never the platform's own account (no 二清).
    await env.configure(HOSPITAL, { payAt: 'online', subMchId: null });
    (env.payment as { kind: string }).kind = 'wechat';
    const w = await bookOk(env, slotId(DR_A, '2026-12-01', 'pm'), 'p2');
    expect(w).toMatchObject({ status: 'booked', payAt: 'hospital' });
  });
});
