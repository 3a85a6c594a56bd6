/**
 * The race (issue 13): many parallel `book` calls never sell more places than the slot has,
 * and no rule breaks under concurrency. Runs on real SQLite here; the CloudBase emulator
 * runs the same file through the same env. Every outcome is an answer, never INTERNAL.
 */
import { APPOINTMENTS, BOOKING_SLOTS } from '../../../backend/collections';
import type { Envelope } from '../../../contract/envelope';
import { TEST_STORE } from '../support/env';
import {
  bookingWorldEachTest,
  DR_A,
  drZhang,
  expectOk,
  open,
  rid,
  slotId,
  who,
  type BookingEnv,
} from './support';

let env: BookingEnv;
bookingWorldEachTest((e) => (env = e));

const tally = (results: Envelope<unknown>[]) => {
  const codes = results.map((r) =>
    r.ok ? 'ok' : `${r.error.code}:${String(r.error.details?.reason)}`,
  );
  return { ok: codes.filter((c) => c === 'ok').length, codes };
};

async function crowd(n: number, tag: string, personKey?: (i: number) => string) {
  const people = Array.from({ length: n }, (_, i) => who(tag, i));
  for (const [i, p] of people.entries()) {
    await env.account(p);
    env.patients.add(p, 'me', { identityKey: personKey ? personKey(i) : `${tag}-${i}` });
  }
  return people;
}

// Issue 13: the race must hold on CloudBase too — in backend-cloudbase this file runs on the
// emulator, whose transactions conflict and lock as the platform's do.
it('runs on the store its jest project names', () => {
  expect(env.emulator === null ? 'sqlite' : 'cloudbase').toBe(TEST_STORE);
});

it('sells exactly the capacity when 60 people book one slot of 10 at once', async () => {
  await open(env, '2026-12-01', ['am'], 10);
  const slot = slotId(DR_A, '2026-12-01', 'am');
  const people = await crowd(60, 'crowd');
  const results = await Promise.all(
    people.map((p) =>
      env.booking('book', { slotId: slot, patientId: 'me', clientRequestId: rid() }, p),
    ),
  );
  const { ok, codes } = tally(results);
  expect(ok).toBe(10);
  // On the emulator each book went through a platform transaction (conflicts, locks).
  const began = env.emulator?.requests.filter((r) => r.action === 'database.startTransaction');
  expect(began?.length ?? 60).toBeGreaterThanOrEqual(60);
  expect(
    codes
      .filter((c) => c !== 'ok')
      .every((c) => c === 'FAILED_PRECONDITION:slot_full' || c === 'CONFLICT:retry'),
  ).toBe(true);
  expect(
    (await env.store.get<{ _id: string; remaining: number }>(BOOKING_SLOTS.name, slot))!.remaining,
  ).toBe(0);
  expect(await env.store.count(APPOINTMENTS.name, { slotId: slot })).toBe(10);
});

it('books one person once per doctor per day, however many accounts race for them', async () => {
  await open(env, '2026-12-01', ['am', 'pm'], 50);
  const people = await crowd(12, 'same', () => 'one-person');
  const results = await Promise.all(
    people.map((p, i) =>
      env.booking(
        'book',
        {
          slotId: slotId(DR_A, '2026-12-01', i % 2 ? 'am' : 'pm'),
          patientId: 'me',
          clientRequestId: rid(),
        },
        p,
      ),
    ),
  );
  expect(tally(results).ok).toBe(1);
});

it('keeps a person to 3 open appointments in a department-week under parallel bookings', async () => {
  const days = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];
  for (const d of days) await open(env, d, ['am', 'pm'], 50);
  const people = await crowd(10, 'week', () => 'busy-person');
  const results = await Promise.all(
    people.map((p, i) =>
      env.booking(
        'book',
        {
          slotId: slotId(DR_A, days[i % 5], i < 5 ? 'am' : 'pm'),
          patientId: 'me',
          clientRequestId: rid(),
        },
        p,
      ),
    ),
  );
  expect(tally(results).ok).toBe(3);
});

it('leaves no live appointment on a slot stopped while people were booking it', async () => {
  await open(env, '2026-12-01', ['am'], 30);
  const slot = slotId(DR_A, '2026-12-01', 'am');
  const people = await crowd(20, 'stop');
  const booking = people.map((p) =>
    env.booking('book', { slotId: slot, patientId: 'me', clientRequestId: rid() }, p),
  );
  const stop = env.booking('stopSlot', { slotId: slot }, drZhang);
  await Promise.all([...booking, stop]);
  expectOk(await env.booking('stopSlot', { slotId: slot }, drZhang));
  expect(
    await env.store.count(APPOINTMENTS.name, {
      slotId: slot,
      status: { $in: ['pending_payment', 'booked'] },
    }),
  ).toBe(0);
});
