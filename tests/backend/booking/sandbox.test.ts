/**
 * The 模拟支付 page's answer for a booking (issue 13, local sandbox): the launch points at the
 * booking subpackage's own page, only the payer's own appointment can be decided, and the
 * answer is the appointment as the provider's state makes it. Real SQLite and the emulator.
 */
import { dispatch } from '../../../backend/core/dispatch';
import { findFunction } from '../../../backend/functions';
import { BOOKING_PAGES } from '../../../contract/booking/items';
import type { AppointmentView } from '../../../contract/booking';
import {
  alice,
  bookingWorldEachTest,
  bookOk,
  DR_A,
  eve,
  expectError,
  expectOk,
  open,
  slotId,
  type BookingEnv,
} from './support';

let env: BookingEnv;
bookingWorldEachTest((e) => (env = e));

const am = slotId(DR_A, '2026-12-01', 'am');
type Launch = { payment: { kind: string; orderId: string; sandboxUrl: string } };

describe('sandboxConfirm', () => {
  it('pays through the booking page of the sandbox; the answer is the booked appointment', async () => {
    await open(env, '2026-12-01');
    const v = await bookOk(env, am);
    const launch = expectOk<Launch>(await env.booking('pay', { appointmentId: v.id }));
    expect(launch.payment.sandboxUrl).toBe(
      `/${BOOKING_PAGES.sandboxPay}?orderId=${encodeURIComponent(v.id)}`,
    );
    const paid = expectOk<AppointmentView>(
      await env.booking('sandboxConfirm', { appointmentId: v.id, outcome: 'paid' }),
    );
    expect(paid).toMatchObject({ id: v.id, status: 'booked', holdUntil: null });
    expect(paid.visitCode).toMatch(/^\d{6}$/);
  });

  it('取消 on the page leaves the appointment 待支付, and 去支付 reopens the same order', async () => {
    await open(env, '2026-12-01');
    const v = await bookOk(env, am);
    expectOk(await env.booking('pay', { appointmentId: v.id }));
    const left = expectOk<AppointmentView>(
      await env.booking('sandboxConfirm', { appointmentId: v.id, outcome: 'cancelled' }),
    );
    expect(left.status).toBe('pending_payment');
    expectOk(await env.booking('pay', { appointmentId: v.id }));
    const paid = expectOk<AppointmentView>(
      await env.booking('sandboxConfirm', { appointmentId: v.id, outcome: 'paid' }),
    );
    expect(paid.status).toBe('booked');
  });

  it('nobody decides another account’s order, and an unstarted one is not found', async () => {
    await open(env, '2026-12-01');
    const v = await bookOk(env, am);
    expectError(
      await env.booking('sandboxConfirm', { appointmentId: v.id, outcome: 'paid' }),
      'NOT_FOUND',
    );
    expectOk(await env.booking('pay', { appointmentId: v.id }));
    expectError(
      await env.booking('sandboxConfirm', { appointmentId: v.id, outcome: 'paid' }, eve),
      'NOT_FOUND',
    );
    const still = expectOk<AppointmentView>(await env.booking('get', { id: v.id }, alice));
    expect(still.status).toBe('pending_payment');
  });

  it('is refused where real payments are configured', async () => {
    await open(env, '2026-12-01');
    const v = await bookOk(env, am);
    const ctx = env.ctx(alice);
    // The same world with WeChat Pay's kind: no sandbox controls exist there.
    const wechat = { ...ctx.payment!, kind: 'wechat' as const, sandbox: undefined };
    const body = { action: 'sandboxConfirm', data: { appointmentId: v.id, outcome: 'paid' } };
    const answer = await dispatch(findFunction('booking')!, body, { ...ctx, payment: wechat });
    expectError(answer, 'FAILED_PRECONDITION', { reason: 'sandbox_unavailable' });
  });
});
