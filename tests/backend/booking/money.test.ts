/**
 * Paying, cancelling, 停诊, the hold sweep, late payments, no-shows and check-in (issue 13),
 * on real SQLite with the payment sandbox. Clock: Monday 2026-11-30 16:00 Shanghai.
 */
import {
  APPOINTMENTS,
  BOOKING_SLOTS,
  NOTICES,
  SANDBOX_PAYMENTS,
} from '../../../backend/collections';
import { bookingPaymentNotice, runBookingSweep } from '../../../backend/booking';
import type { AppointmentView } from '../../../contract/booking';
import {
  alice,
  bookingWorldEachTest,
  bookOk,
  DR_A,
  drZhang,
  eve,
  expectError,
  expectOk,
  FEE,
  HOSPITAL,
  open,
  payOk,
  rid,
  slotId,
  type BookingEnv,
} from './support';

let env: BookingEnv;
bookingWorldEachTest((e) => (env = e));

const am = (date = '2026-12-01') => slotId(DR_A, date, 'am');
const remaining = async (id: string) =>
  (await env.store.get<{ _id: string; remaining: number }>(BOOKING_SLOTS.name, id))!.remaining;
const get = async (id: string, who = alice) =>
  expectOk<AppointmentView>(await env.booking('get', { id }, who));

describe('pay', () => {
  it('pays in the sandbox with an order that expires with the hold; 我的预约 shows the 取号码', async () => {
    await open(env, '2026-12-01');
    const v = await bookOk(env, am());
    const order = await env.store.get<{ _id: string; amount: number }>(SANDBOX_PAYMENTS.name, v.id);
    expect(order).toBeNull();
    const paid = await payOk(env, v.id);
    expect(paid).toMatchObject({ status: 'booked', holdUntil: null });
    expect(paid.visitCode).toMatch(/^\d{6}$/);
    expect(paid.bring.length).toBeGreaterThan(0);
    const list = expectOk<{ items: AppointmentView[] }>(await env.booking('list', {}));
    expect(list.items.map((a) => a.id)).toEqual([v.id]);
    expect(
      expectOk<{ items: unknown[] }>(await env.booking('list', { status: 'cancelled' })).items,
    ).toEqual([]);
    expect(
      expectOk<{ payment: null }>(await env.booking('pay', { appointmentId: v.id })).payment,
    ).toBeNull();
  });

  it('releases an unpaid place after 15 minutes (sweep), and refunds a payment that arrives after', async () => {
    await open(env, '2026-12-01');
    const v = await bookOk(env, am());
    const launch = expectOk<{ payment: { orderId: string } }>(
      await env.booking('pay', { appointmentId: v.id }),
    );
    env.clock.advance(14 * 60_000);
    expect((await runBookingSweep(env.ctx())).released).toBe(0);
    env.clock.advance(60_000);
    expect(await runBookingSweep(env.ctx())).toMatchObject({ released: 1 });
    expect(await remaining(am())).toBe(5);
    expect((await get(v.id)).status).toBe('released');
    // The patient paid at the last second; the notice comes after the release.
    await env.payment.sandbox!.decide(launch.payment.orderId, alice.openid, 'paid');
    expect(await bookingPaymentNotice(env.ctx(), v.id)).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(env.payment.refunds).toEqual([
      expect.objectContaining({ outTradeNo: v.id, refundFen: FEE }),
    ]);
    expect((await get(v.id)).refund).toEqual({ amountFen: FEE, status: 'done' });
    // The same person may book that doctor that day again.
    await bookOk(env, am());
  });

  it('the order is paid to the hospital’s sub-merchant, never the platform’s (no 二清)', async () => {
    await env.configure(HOSPITAL, { subMchId: '1900000109' });
    await open(env, '2026-12-01');
    const orders: Array<{ subMchId?: string; expiresAt?: Date }> = [];
    const start = env.payment.start;
    env.payment.start = (o) => (orders.push(o), start(o));
    const v = await bookOk(env, am());
    await payOk(env, v.id);
    expect(orders[0]).toMatchObject({ subMchId: '1900000109', expiresAt: new Date(v.holdUntil!) });
    expectOk(await env.booking('cancel', { appointmentId: v.id }));
    expect(env.payment.refunds[0]).toMatchObject({ subMchId: '1900000109' });
  });
});

describe('cancel', () => {
  it('is free until 18:00 the working day before: full refund, place released', async () => {
    await open(env, '2026-12-02');
    const v = await payOk(env, (await bookOk(env, am('2026-12-02'))).id);
    expect(v.cancellable).toBe(true);
    const c = expectOk<AppointmentView>(await env.booking('cancel', { appointmentId: v.id }));
    expect(c).toMatchObject({ status: 'cancelled', refund: { amountFen: FEE, status: 'done' } });
    expect(await remaining(am('2026-12-02'))).toBe(5);
    expect(env.payment.refunds).toHaveLength(1);
  });

  it('is refused after the cutoff, with the rule', async () => {
    await open(env, '2026-12-01');
    const v = await payOk(env, (await bookOk(env, am())).id);
    env.clock.set('2026-11-30T10:00:00Z'); // Monday 18:00
    expect((await get(v.id)).cancellable).toBe(false);
    expectError(await env.booking('cancel', { appointmentId: v.id }), 'FAILED_PRECONDITION', {
      reason: 'cancel_cutoff_passed',
      cancelUntil: '2026-11-30T10:00:00.000Z',
    });
    expect(env.payment.refunds).toHaveLength(0);
  });

  it('follows the 调休 calendar: a Monday visit after a 调休 Sunday can be cancelled until that Sunday 18:00', async () => {
    env.clock.set('2026-09-14T02:00:00Z');
    await open(env, '2026-09-21');
    const v = await bookOk(env, am('2026-09-21'));
    // 2026-09-20 is a Sunday worked for the National Day holiday (State Council 2026 calendar).
    expect(v.cancelUntil).toBe('2026-09-20T10:00:00.000Z');
    env.clock.set('2026-09-20T09:59:00Z');
    expectOk(await env.booking('cancel', { appointmentId: v.id }));
  });

  it('skips the National Day holiday: a visit on 10-08 is cancellable until 09-30 18:00', async () => {
    env.clock.set('2026-09-28T02:00:00Z');
    await open(env, '2026-10-08');
    expect((await bookOk(env, am('2026-10-08'))).cancelUntil).toBe('2026-09-30T10:00:00.000Z');
  });

  it('is NOT_FOUND for someone else’s appointment, and changes nothing', async () => {
    await open(env, '2026-12-01');
    const v = await bookOk(env, am());
    expectError(await env.booking('cancel', { appointmentId: v.id }, eve), 'NOT_FOUND');
    expectError(await env.booking('get', { id: v.id }, eve), 'NOT_FOUND');
    expect((await get(v.id)).status).toBe('pending_payment');
  });
});

describe('停诊 and the doctor side', () => {
  it('stopSlot refunds and notifies every booked patient (SMS and in-app)', async () => {
    await open(env, '2026-12-01');
    const a = await payOk(env, (await bookOk(env, am())).id);
    const e = await bookOk(env, am(), 'p1', eve);
    const r = expectOk<{ stopped: number; refunds: number }>(
      await env.booking('stopSlot', { slotId: am() }, drZhang),
    );
    expect(r).toEqual({ slotId: am(), stopped: 2, refunds: 1 });
    expect(await get(a.id)).toMatchObject({
      status: 'stopped',
      refund: { amountFen: FEE, status: 'done' },
    });
    expect((await get(e.id, eve)).status).toBe('stopped');
    expect(env.smsNotices).toHaveLength(2);
    expect(env.smsNotices[0].params[0]).toBe('张医生');
    const notices = await env.store.find<{ _id: string; owner: string; kind: string }>(
      NOTICES.name,
      { owner: alice.openid },
    );
    expect(notices.map((n) => n.kind)).toContain('appointment_stopped');
    expectError(await env.booking('stopSlot', { slotId: am() }, alice), 'PERMISSION_DENIED', {
      reason: 'doctor_required',
    });
  });

  it('roster masks patients; checkIn takes the 取号码 on the visit day only', async () => {
    await open(env, '2026-12-01');
    const v = await payOk(env, (await bookOk(env, am())).id);
    const roster = expectOk<{ items: Array<{ maskedName: string }> }>(
      await env.booking('roster', { date: '2026-12-01' }, drZhang),
    );
    expect(roster.items).toEqual([
      expect.objectContaining({ appointmentId: v.id, maskedName: '张*', statusLabel: '待就诊' }),
    ]);
    expectError(
      await env.booking('checkIn', { appointmentId: v.id, code: v.visitCode }, drZhang),
      'FAILED_PRECONDITION',
      { reason: 'not_visit_day' },
    );
    env.clock.set('2026-12-01T00:30:00Z');
    const wrong = v.visitCode === '000000' ? '000001' : '000000';
    expectError(
      await env.booking('checkIn', { appointmentId: v.id, code: wrong }, drZhang),
      'FAILED_PRECONDITION',
      { reason: 'code_mismatch' },
    );
    expect(
      expectOk<AppointmentView>(
        await env.booking('checkIn', { appointmentId: v.id, code: v.visitCode }, drZhang),
      ).status,
    ).toBe('checked_in');
    expect(
      expectOk<{ items: AppointmentView[] }>(await env.booking('list', { status: 'past' })).items,
    ).toHaveLength(1);
  });

  it('setSlots never lowers capacity below the places taken', async () => {
    await open(env, '2026-12-01', ['am'], 2);
    await bookOk(env, am());
    await bookOk(env, am(), 'p1', eve);
    const shrink = {
      date: '2026-12-01',
      periods: [{ period: 'am', open: true, capacity: 1, feeFen: FEE }],
    };
    expectError(await env.booking('setSlots', shrink, drZhang), 'FAILED_PRECONDITION', {
      reason: 'capacity_below_taken',
      taken: 2,
    });
    const grow = {
      date: '2026-12-01',
      periods: [{ period: 'am', open: true, capacity: 4, feeFen: FEE }],
    };
    expect(
      expectOk<{ slots: Array<{ remaining: number }> }>(
        await env.booking('setSlots', grow, drZhang),
      ).slots[0].remaining,
    ).toBe(2);
  });
});

describe('爽约', () => {
  it('counts no-shows; 3 in 90 days suspend booking for 90 days, shown with the refusal', async () => {
    const days = ['2026-12-01', '2026-12-02', '2026-12-03'];
    for (const d of days) await open(env, d, ['am']);
    await open(env, '2026-12-10', ['am']);
    for (const d of days) await payOk(env, (await bookOk(env, am(d))).id);
    env.clock.set('2026-12-03T05:00:00Z'); // 13:00 on 12-03: all three mornings are over
    const report = await runBookingSweep(env.ctx());
    expect(report).toMatchObject({ noShows: 3, suspended: 1 });
    const r = await env.booking('book', {
      slotId: am('2026-12-10'),
      patientId: 'p1',
      clientRequestId: rid(),
    });
    expectError(r, 'FAILED_PRECONDITION', {
      reason: 'suspended',
      suspendedUntil: '2027-03-03T05:00:00.000Z',
    });
    expect(await env.store.count(APPOINTMENTS.name, { status: 'no_show' })).toBe(3);
    // Another 就诊人 of the same account is not suspended.
    await bookOk(env, am('2026-12-10'), 'p2');
  });

  it('reminds booked patients the day before, once', async () => {
    await open(env, '2026-12-01');
    await payOk(env, (await bookOk(env, am())).id);
    expect((await runBookingSweep(env.ctx())).reminders).toBe(1);
    expect((await runBookingSweep(env.ctx())).reminders).toBe(0);
  });
});
