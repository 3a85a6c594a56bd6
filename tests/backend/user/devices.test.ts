/** DEV: login devices, recorded and checked only with the 设备信息 consent. */
import { LOGIN_DEVICES } from '../../../backend/collections';
import type { AccountState, LoginDevice } from '../../../contract/user';
import { makeEnv, expectOk, type TestEnv } from '../support/env';
import {
  alice,
  ALICE_PHONE,
  consentToDevice,
  device,
  expectError,
  freshEnvEachTest,
  registerUser,
  sendCode,
  userCall,
} from './support';

let env: TestEnv;
freshEnvEachTest(makeEnv, (made) => (env = made));

const phoneA = device('phone-a', { model: 'iPhone 15' });
const phoneB = device('phone-b', {
  model: 'HUAWEI Mate 60',
  system: 'HarmonyOS 4',
  platform: 'android',
  brand: 'HUAWEI',
});

const me = async (dev = phoneA) =>
  expectOk<AccountState>(await userCall(env, 'me', { device: dev }));
const devices = async () =>
  expectOk<{ items: LoginDevice[] }>(await userCall(env, 'listDevices', {})).items;

describe('without the 设备信息 consent', () => {
  it('nothing is recorded and no check is made, whatever device facts arrive', async () => {
    await registerUser(env, alice, ALICE_PHONE, phoneA);
    expect((await me(phoneA)).session).toEqual({ trusted: true });
    expect((await me(phoneB)).session).toEqual({ trusted: true });
    expect(await env.store.count(LOGIN_DEVICES.name, {})).toBe(0);
    expect(await devices()).toEqual([]);
  });
});

describe('with the consent', () => {
  beforeEach(async () => {
    await consentToDevice(env, alice);
  });

  it('a login must say which device it comes from', async () => {
    const code = await sendCode(env, alice, ALICE_PHONE);
    const err = expectError(
      await userCall(env, 'register', { phone: ALICE_PHONE, code }),
      'INVALID_ARGUMENT',
      {
        reason: 'device_required',
      },
    );
    expect(err.details?.issues).toEqual([{ path: 'data.device', message: '请提供设备信息' }]);
    // The code was not used up by the refused call.
    expectOk(await userCall(env, 'register', { phone: ALICE_PHONE, code, device: phoneA }));
    expectError(await userCall(env, 'me', {}), 'INVALID_ARGUMENT', { reason: 'device_required' });
  });

  it('records each login with its facts, first and last seen', async () => {
    await registerUser(env, alice, ALICE_PHONE, phoneA);
    env.clock.advance(3_600_000);
    await me(phoneA);
    const [d] = await devices();
    expect(d).toEqual({
      deviceId: expect.stringMatching(/^[a-f0-9]{32}$/),
      model: 'iPhone 15',
      system: 'iOS 17.2',
      platform: 'ios',
      brand: 'Apple',
      screen: { width: 393, height: 852 },
      firstSeen: '2026-11-30T08:00:00.000Z',
      lastSeen: '2026-11-30T09:01:01.000Z',
      trusted: true,
      current: true,
    });
    // The client's own id is not what is stored.
    expect(d.deviceId).not.toContain('phone-a');
  });

  it('a new device makes the session untrusted until an SMS code to the bound phone', async () => {
    await registerUser(env, alice, ALICE_PHONE, phoneA);
    const state = await me(phoneB);
    expect(state).toEqual({
      registered: true,
      loggedIn: true,
      profile: null,
      session: { trusted: false, reason: 'new_device' },
    });
    for (const [action, data] of [
      ['listDevices', {}],
      ['updateProfile', { nickname: '新名字' }],
      ['getIdentity', {}],
      ['removeDevice', { deviceId: 'a'.repeat(32) }],
    ] as const) {
      expectError(await userCall(env, action, data), 'PERMISSION_DENIED', {
        reason: 'device_unverified',
      });
    }
    // The known device does not lift it either: only the code does.
    expect((await me(phoneA)).session.trusted).toBe(false);

    expectOk(await userCall(env, 'sendCode', { purpose: 'verify' }));
    const code = env.sms.sent.at(-1)?.code;
    expect(env.sms.sent.at(-1)?.phone).toBe(ALICE_PHONE);
    const verified = expectOk<AccountState>(
      await userCall(env, 'verifyDevice', { code, device: phoneB }),
    );
    expect(verified.session).toEqual({ trusted: true });
    expect(verified.profile?.phoneMasked).toBe('138****5678');
    expect((await devices()).map((d) => [d.model, d.trusted])).toEqual([
      ['HUAWEI Mate 60', true],
      ['iPhone 15', true],
    ]);
  });

  it('a wrong verification code keeps the session untrusted', async () => {
    await registerUser(env, alice, ALICE_PHONE, phoneA);
    await me(phoneB);
    const code = await sendCode(env, alice, ALICE_PHONE, 'verify');
    const wrong = code === '000000' ? '000001' : '000000';
    expectError(
      await userCall(env, 'verifyDevice', { code: wrong, device: phoneB }),
      'INVALID_ARGUMENT',
      {
        reason: 'code_mismatch',
      },
    );
    expect((await me(phoneB)).session.trusted).toBe(false);
  });

  it("the account's first device is trusted: there is nothing to compare it with", async () => {
    env.wechat.answers.push({ phone: ALICE_PHONE, countryCode: '86' });
    const state = expectOk<AccountState>(
      await userCall(env, 'loginWithWeChatPhone', { code: 'c', device: phoneA }),
    );
    expect(state.session).toEqual({ trusted: true });
  });

  it('WeChat one-tap from a new device still needs the SMS code', async () => {
    await registerUser(env, alice, ALICE_PHONE, phoneA);
    await userCall(env, 'logout', {});
    env.wechat.answers.push({ phone: ALICE_PHONE, countryCode: '86' });
    const state = expectOk<AccountState>(
      await userCall(env, 'loginWithWeChatPhone', { code: 'c', device: phoneB }),
    );
    expect(state.session).toEqual({ trusted: false, reason: 'new_device' });
  });

  it('an SMS login from a new device trusts it at once', async () => {
    await registerUser(env, alice, ALICE_PHONE, phoneA);
    await userCall(env, 'logout', {});
    const state = await registerUser(env, alice, ALICE_PHONE, phoneB);
    expect(state.session).toEqual({ trusted: true });
  });

  it('a removed device must verify again when it comes back', async () => {
    await registerUser(env, alice, ALICE_PHONE, phoneA);
    await me(phoneB);
    const code = await sendCode(env, alice, ALICE_PHONE, 'verify');
    expectOk(await userCall(env, 'verifyDevice', { code, device: phoneB }));
    const b = (await devices()).find((d) => d.model === 'HUAWEI Mate 60');
    expect(expectOk(await userCall(env, 'removeDevice', { deviceId: b?.deviceId }))).toEqual({
      removed: true,
    });
    expect((await devices()).map((d) => d.model)).toEqual(['iPhone 15']);
    expect((await me(phoneB)).session.reason).toBe('new_device');
  });

  it('withdrawing the consent stops the recording of new devices', async () => {
    await registerUser(env, alice, ALICE_PHONE, phoneA);
    await consentToDevice(env, alice, false);
    expect((await me(phoneB)).session).toEqual({ trusted: true });
    const before = await env.store.count(LOGIN_DEVICES.name, {});
    await me(device('phone-c'));
    expect(await env.store.count(LOGIN_DEVICES.name, {})).toBe(before);
  });

  // SEC/DEV (issue 15): a flagged session could switch its own check off by withdrawing the
  // consent; afterwards me said trusted and account.export answered everything.
  it('withdrawing the consent never lifts a restriction: the flagged session stays flagged until an SMS code', async () => {
    await registerUser(env, alice, ALICE_PHONE, phoneA);
    expect((await me(phoneB)).session.reason).toBe('new_device');
    expectOk(
      await env.call('privacy', { action: 'withdrawConsent', data: { item: 'device' } }, alice),
    );
    expect(expectOk<AccountState>(await userCall(env, 'me', {})).session).toEqual({
      trusted: false,
      reason: 'new_device',
    });
    for (const [fn, action] of [
      ['account', 'export'],
      ['consult', 'list'],
      ['user', 'listDevices'],
    ] as const) {
      expectError(await env.call(fn, { action, data: {} }, alice), 'PERMISSION_DENIED', {
        reason: 'device_unverified',
      });
    }
    // Giving the consent again and withdrawing it once more changes nothing either.
    await consentToDevice(env, alice, true);
    await consentToDevice(env, alice, false);
    expect(expectOk<AccountState>(await userCall(env, 'me', {})).session.trusted).toBe(false);

    // Only the code to the bound phone lifts it (no device facts: the consent is off).
    const code = await sendCode(env, alice, ALICE_PHONE, 'verify');
    const verified = expectOk<AccountState>(await userCall(env, 'verifyDevice', { code }));
    expect(verified.session).toEqual({ trusted: true });
    expectOk(await env.call('account', { action: 'export', data: {} }, alice));
  });
});
