/** REG: the SMS code rules against an injected clock — limits, expiry, lock-out, reuse, races. */
import type { Caller } from '../../../backend/core/context';
import { SMS_CODES } from '../../../backend/collections';
import { makeEnv, expectOk, type TestEnv } from '../support/env';
import {
  alice,
  ALICE_PHONE,
  bob,
  BOB_PHONE,
  expectError,
  freshEnvEachTest,
  lastCode,
  registerUser,
  sendCode,
  userCall,
  consentToPolicy,
} from './support';

let env: TestEnv;
freshEnvEachTest(makeEnv, (made) => (env = made));

const send = async (phone: string, caller: Caller = alice, purpose = 'register') => {
  // A registration code comes after 同意 (contract/privacy/requirements.ts).
  if (purpose === 'register') await consentToPolicy(env, caller);
  return userCall(env, 'sendCode', { purpose, phone }, caller);
};
const register = (phone: string, code: string, caller: Caller = alice) =>
  userCall(env, 'register', { phone, code }, caller);
/** A caller of its own with its own IP, so only the limit under test can bite. */
const stranger = (n: number, ip: string | null = `198.51.100.${n}`): Caller => ({
  openid: `o-stranger-${n}`,
  clientIp: ip,
});

describe('sending codes', () => {
  it('sends a 6-digit code from the CSPRNG and stores only its HMAC', async () => {
    env.random.queue.push(42);
    expect(expectOk(await send(ALICE_PHONE))).toEqual({
      expiresInSeconds: 300,
      resendAfterSeconds: 60,
    });
    expect(env.sms.sent).toEqual([
      { phone: ALICE_PHONE, code: '000042', purpose: 'register', ttlMinutes: 5 },
    ]);
    const [doc] = await env.store.find(SMS_CODES.name, { owner: alice.openid });
    expect(JSON.stringify(doc)).not.toContain('000042');
    expect(JSON.stringify(doc)).not.toContain(ALICE_PHONE);
  });

  it('one send per phone per 60 s, whoever asks, with the seconds left', async () => {
    expectOk(await send(ALICE_PHONE));
    env.clock.advance(20_000);
    expectError(await send(ALICE_PHONE), 'RATE_LIMITED', {
      limit: 'phone_cooldown',
      retryAfterSeconds: 40,
    });
    expectError(await send(ALICE_PHONE, bob), 'RATE_LIMITED', { limit: 'phone_cooldown' });
    expectOk(await send(BOB_PHONE)); // another phone is not held up
    env.clock.advance(40_000);
    expectOk(await send(ALICE_PHONE));
    expect(env.sms.sent.filter((m) => m.phone === ALICE_PHONE)).toHaveLength(2);
  });

  it('10 per phone per day (China time), then RATE_LIMITED until midnight in Shanghai', async () => {
    // 08:00Z = 16:00 in Shanghai; midnight there is 16:00Z.
    for (let i = 0; i < 10; i++) {
      expectOk(await send(ALICE_PHONE, stranger(i)));
      env.clock.advance(61_000);
    }
    const now = env.clock.now().getTime();
    const untilMidnight = (Date.parse('2026-11-30T16:00:00Z') - now) / 1000;
    expectError(await send(ALICE_PHONE, stranger(99)), 'RATE_LIMITED', {
      limit: 'phone_daily',
      retryAfterSeconds: Math.ceil(untilMidnight),
    });
    env.clock.set('2026-11-30T16:00:00Z');
    expectOk(await send(ALICE_PHONE, stranger(100)));
  });

  it('20 per caller per day, across phones', async () => {
    for (let i = 0; i < 20; i++) {
      expectOk(await send(`1390000${String(i).padStart(4, '0')}`, alice));
    }
    expectError(await send('13911112222', alice), 'RATE_LIMITED', { limit: 'caller_daily' });
    expectOk(await send('13911112222', bob));
  });

  it('50 per client IP per day, across callers and phones', async () => {
    const sameIp = (n: number) => stranger(n, '192.0.2.7');
    for (let i = 0; i < 50; i++) {
      expectOk(await send(`1370000${String(i).padStart(4, '0')}`, sameIp(i)));
    }
    expectError(await send('13711112222', sameIp(50)), 'RATE_LIMITED', { limit: 'ip_daily' });
    expectOk(await send('13711112222', stranger(51)));
  });

  it('a refused request uses none of the other limits', async () => {
    expectOk(await send(ALICE_PHONE));
    for (let i = 0; i < 5; i++) expectError(await send(ALICE_PHONE), 'RATE_LIMITED');
    // Only the one real send counted against alice's 20.
    for (let i = 0; i < 19; i++) expectOk(await send(`1360000${String(i).padStart(4, '0')}`));
    expectError(await send('13611112222'), 'RATE_LIMITED', { limit: 'caller_daily' });
  });

  it('answers a registered and an unregistered phone identically', async () => {
    await registerUser(env, bob, BOB_PHONE);
    const taken = await send(BOB_PHONE, alice);
    const free = await send('13700000000', alice);
    expect(taken).toEqual(free);
    expect(lastCode(env, BOB_PHONE)).toMatch(/^\d{6}$/);
  });

  it('a provider failure answers INTERNAL sms_failed and leaves no usable code', async () => {
    env.sms.fail = true;
    expectError(await send(ALICE_PHONE), 'INTERNAL', { reason: 'sms_failed' });
    expect(await env.store.count(SMS_CODES.name, { owner: alice.openid })).toBe(0);
  });
});

describe('using codes', () => {
  it('a code expires after 5 minutes', async () => {
    const code = await sendCode(env, alice, ALICE_PHONE);
    env.clock.advance(300_000);
    expectError(await register(ALICE_PHONE, code), 'INVALID_ARGUMENT', { reason: 'code_expired' });
  });

  it('works until just before 5 minutes', async () => {
    const code = await sendCode(env, alice, ALICE_PHONE);
    env.clock.advance(299_000);
    expectOk(await register(ALICE_PHONE, code));
  });

  it('5 wrong attempts invalidate the code, even the right one afterwards', async () => {
    const code = await sendCode(env, alice, ALICE_PHONE);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      const err = expectError(await register(ALICE_PHONE, wrong), 'INVALID_ARGUMENT', {
        reason: 'code_mismatch',
        attemptsLeft: left,
      });
      expect(err.details?.issues).toEqual([{ path: 'data.code', message: '验证码错误' }]);
    }
    expectError(await register(ALICE_PHONE, wrong), 'INVALID_ARGUMENT', { reason: 'code_locked' });
    expectError(await register(ALICE_PHONE, code), 'INVALID_ARGUMENT', { reason: 'code_locked' });
    // A new code (after the resend wait) starts over.
    env.clock.advance(60_000);
    const fresh = await sendCode(env, alice, ALICE_PHONE);
    expectOk(await register(ALICE_PHONE, fresh));
  });

  it('a code is single-use', async () => {
    const code = await sendCode(env, alice, ALICE_PHONE);
    expectOk(await register(ALICE_PHONE, code));
    expectError(await register(ALICE_PHONE, code), 'INVALID_ARGUMENT', { reason: 'code_expired' });
  });

  it('a resend replaces the earlier code', async () => {
    const first = await sendCode(env, alice, ALICE_PHONE);
    env.clock.advance(60_000);
    env.random.queue.push(first === '999999' ? 1 : 999_999);
    const second = await sendCode(env, alice, ALICE_PHONE);
    expect(second).not.toBe(first);
    expectError(await register(ALICE_PHONE, first), 'INVALID_ARGUMENT', {
      reason: 'code_mismatch',
    });
    expectOk(await register(ALICE_PHONE, second));
  });

  it('a code works only for the caller who asked for it', async () => {
    const code = await sendCode(env, alice, ALICE_PHONE);
    await consentToPolicy(env, bob);
    expectError(await register(ALICE_PHONE, code, bob), 'INVALID_ARGUMENT', {
      reason: 'code_expired',
    });
    expectOk(await register(ALICE_PHONE, code, alice));
  });

  it('a code for one purpose does not serve another', async () => {
    await registerUser(env, alice, ALICE_PHONE);
    const verifyCode = await sendCode(env, alice, ALICE_PHONE, 'verify');
    expectError(await register(ALICE_PHONE, verifyCode), 'INVALID_ARGUMENT', {
      reason: 'code_expired',
    });
  });

  it('two parallel registers with one code: exactly one succeeds', async () => {
    const code = await sendCode(env, alice, ALICE_PHONE);
    const results = await Promise.all(Array.from({ length: 5 }, () => register(ALICE_PHONE, code)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok))
      expectError(r, 'INVALID_ARGUMENT', { reason: 'code_expired' });
  });

  it('parallel wrong guesses cannot exceed the 5 attempts', async () => {
    const code = await sendCode(env, alice, ALICE_PHONE);
    const wrong = Array.from({ length: 12 }, (_, i) =>
      String((Number(code) + i + 1) % 1_000_000).padStart(6, '0'),
    );
    await Promise.all(wrong.map((w) => register(ALICE_PHONE, w)));
    const [doc] = await env.store.find<{ _id: string; attempts: number }>(SMS_CODES.name, {
      owner: alice.openid,
    });
    expect(doc.attempts).toBe(5);
    expectError(await register(ALICE_PHONE, code), 'INVALID_ARGUMENT', { reason: 'code_locked' });
  });
});

describe("'verify' codes go only to the bound phone", () => {
  it('needs a logged-in caller', async () => {
    expectError(await userCall(env, 'sendCode', { purpose: 'verify' }), 'UNAUTHENTICATED', {
      reason: 'login_required',
    });
  });

  it('without a phone, goes to the bound one', async () => {
    await registerUser(env, alice, ALICE_PHONE);
    expectOk(await userCall(env, 'sendCode', { purpose: 'verify' }));
    expect(env.sms.sent.at(-1)).toMatchObject({ phone: ALICE_PHONE, purpose: 'verify' });
  });

  it('another number gets the same answer, nothing is sent, and the attempt counts', async () => {
    await registerUser(env, alice, ALICE_PHONE);
    const before = env.sms.sent.length;
    const guess = await userCall(env, 'sendCode', { purpose: 'verify', phone: '13900000000' });
    const real = await userCall(env, 'sendCode', { purpose: 'verify', phone: ALICE_PHONE });
    expect(guess).toEqual(real);
    expect(env.sms.sent.slice(before).map((m) => m.phone)).toEqual([ALICE_PHONE]);
    expectError(
      await userCall(env, 'sendCode', { purpose: 'verify', phone: '13900000000' }),
      'RATE_LIMITED',
      { limit: 'phone_cooldown' },
    );
  });
});
