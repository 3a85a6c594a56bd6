/** REG: registering, logging in and out, the WeChat one-tap path, and what me says. */
import { localWeChatPhone } from '../../../backend/adapters/local/wechat-phone';
import { dispatch } from '../../../backend/core/dispatch';
import { userFunction } from '../../../backend/user';
import type { AccountState } from '../../../contract/user';
import { CHECKED, makeEnv, expectOk, type TestEnv } from '../support/env';
import {
  alice,
  ALICE_PHONE,
  bob,
  BOB_PHONE,
  expectError,
  freshEnvEachTest,
  registerUser,
  sendCode,
  userCall,
  consentToPolicy,
} from './support';

let env: TestEnv;
freshEnvEachTest(makeEnv, (made) => (env = made));

const me = async (caller = alice) => expectOk<AccountState>(await userCall(env, 'me', {}, caller));

describe('register', () => {
  it('before anything, me says not registered', async () => {
    expect(await me()).toEqual({
      registered: false,
      loggedIn: false,
      profile: null,
      session: { trusted: false, reason: 'login_required' },
    });
  });

  it('binds the phone and answers the profile with the phone masked', async () => {
    const state = await registerUser(env, alice, ALICE_PHONE);
    expect(state).toEqual({
      registered: true,
      loggedIn: true,
      profile: {
        nickname: expect.stringMatching(/^助医用户\d{4}$/),
        avatarUrl: null,
        phoneMasked: '138****5678',
      },
      session: { trusted: true },
    });
    expect(await me()).toEqual(state);
  });

  it('a phone bound to another account is CONFLICT, saying nothing about whose', async () => {
    await registerUser(env, bob, BOB_PHONE);
    const code = await sendCode(env, alice, BOB_PHONE);
    const err = expectError(
      await userCall(env, 'register', { phone: BOB_PHONE, code }),
      'CONFLICT',
      {
        reason: 'phone_taken',
      },
    );
    expect(JSON.stringify(err)).not.toMatch(/bob|o-bob|\*\*\*\*/);
    expect((await me()).registered).toBe(false);
  });

  it('an account keeps its phone: another one is refused before the code is used', async () => {
    await registerUser(env, alice, ALICE_PHONE);
    const code = await sendCode(env, alice, '13700000000');
    expectError(
      await userCall(env, 'register', { phone: '13700000000', code }),
      'FAILED_PRECONDITION',
      { reason: 'phone_mismatch' },
    );
    expect((await me()).profile?.phoneMasked).toBe('138****5678');
  });

  it('needs a caller: every action without an identity is UNAUTHENTICATED', async () => {
    for (const [action, data] of [
      ['sendCode', { purpose: 'register', phone: ALICE_PHONE }],
      ['register', { phone: ALICE_PHONE, code: '123456' }],
      ['me', {}],
      ['logout', {}],
      ['listDevices', {}],
      ['getIdentity', {}],
    ] as const) {
      expectError(await userCall(env, action, data, null), 'UNAUTHENTICATED');
    }
  });
});

describe('logout', () => {
  it('keeps the registration; me says registered but not logged in; register logs back in', async () => {
    const before = await registerUser(env, alice, ALICE_PHONE);
    const after = expectOk<AccountState>(await userCall(env, 'logout', {}));
    expect(after).toEqual({
      registered: true,
      loggedIn: false,
      profile: null,
      session: { trusted: false, reason: 'login_required' },
    });
    expect(await me()).toEqual(after);
    expectError(await userCall(env, 'listDevices', {}), 'UNAUTHENTICATED', {
      reason: 'login_required',
    });
    expectError(await userCall(env, 'sendCode', { purpose: 'verify' }), 'UNAUTHENTICATED');
    const code = await sendCode(env, alice, ALICE_PHONE);
    const back = expectOk<AccountState>(
      await userCall(env, 'register', { phone: ALICE_PHONE, code }),
    );
    expect(back).toEqual(before);
  });

  it('logging out without an account is harmless', async () => {
    expect(expectOk<AccountState>(await userCall(env, 'logout', {})).registered).toBe(false);
  });
});

describe('loginWithWeChatPhone', () => {
  beforeEach(() => consentToPolicy(env, alice));
  it('registers with the number WeChat gives for the code', async () => {
    env.wechat.answers.push({ phone: ALICE_PHONE, countryCode: '86' });
    const state = expectOk<AccountState>(
      await userCall(env, 'loginWithWeChatPhone', { code: 'wx-code-1' }),
    );
    expect(env.wechat.codes).toEqual(['wx-code-1']);
    expect(state.profile?.phoneMasked).toBe('138****5678');
    // The same phone by SMS later logs into the same account.
    await userCall(env, 'logout', {});
    const code = await sendCode(env, alice, ALICE_PHONE);
    expect(
      expectOk<AccountState>(await userCall(env, 'register', { phone: ALICE_PHONE, code }))
        .loggedIn,
    ).toBe(true);
  });

  it('refuses numbers outside mainland China', async () => {
    env.wechat.answers.push({ phone: '91234567', countryCode: '852' });
    expectError(await userCall(env, 'loginWithWeChatPhone', { code: 'c' }), 'FAILED_PRECONDITION', {
      reason: 'phone_not_mainland',
    });
    expect((await me()).registered).toBe(false);
  });

  it("another account's number is CONFLICT", async () => {
    await registerUser(env, bob, BOB_PHONE);
    env.wechat.answers.push({ phone: BOB_PHONE, countryCode: '86' });
    expectError(await userCall(env, 'loginWithWeChatPhone', { code: 'c' }), 'CONFLICT', {
      reason: 'phone_taken',
    });
  });

  it('at most 10 look-ups per caller per day (each is billed)', async () => {
    for (let i = 0; i < 10; i++) env.wechat.answers.push({ phone: ALICE_PHONE, countryCode: '86' });
    for (let i = 0; i < 10; i++)
      expectOk(await userCall(env, 'loginWithWeChatPhone', { code: `c${i}` }));
    expectError(await userCall(env, 'loginWithWeChatPhone', { code: 'c10' }), 'RATE_LIMITED', {
      limit: 'wechat_daily',
    });
    expect(env.wechat.codes).toHaveLength(10);
  });

  it('locally there is no WeChat: FAILED_PRECONDITION pointing to SMS', async () => {
    const r = await dispatch(
      userFunction,
      { action: 'loginWithWeChatPhone', data: { code: 'c' } },
      {
        ...env.ctx(alice),
        wechatPhone: localWeChatPhone,
      },
      CHECKED,
    );
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'FAILED_PRECONDITION',
        message: '本地环境请使用短信验证码',
        details: { reason: 'wechat_phone_unavailable' },
      },
    });
  });
});
