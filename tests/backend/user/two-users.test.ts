/** Two users: neither can read or change the other's profile, devices or identity. */
import type { AccountState, IdentityView, LoginDevice, Profile } from '../../../contract/user';
import { makeEnv, expectOk, type TestEnv } from '../support/env';
import {
  alice,
  ALICE_PHONE,
  bob,
  BOB_PHONE,
  consentToDevice,
  device,
  idNumber,
  registerUser,
  upload,
  userCall,
} from './support';

let env: TestEnv;
beforeEach(async () => {
  env = makeEnv();
  for (const [caller, phone, dev] of [
    [alice, ALICE_PHONE, device('alice-phone')],
    [bob, BOB_PHONE, device('bob-phone')],
  ] as const) {
    await consentToDevice(env, caller);
    await registerUser(env, caller, phone, dev);
  }
  expectOk(
    await userCall(env, 'updateProfile', { nickname: '爱丽丝', avatar: upload('png') }, alice),
  );
  expectOk(
    await userCall(
      env,
      'submitIdentity',
      {
        name: '艾丽丝',
        idNumber: idNumber('310104', '19900307'),
        idPhoto: upload('jpeg'),
        facePhoto: upload('jpeg'),
        consent: true,
      },
      alice,
    ),
  );
});
afterEach(() => env.close());

it("bob's own views show only bob's data", async () => {
  const state = expectOk<AccountState>(
    await userCall(env, 'me', { device: device('bob-phone') }, bob),
  );
  expect(state.profile).toMatchObject({ phoneMasked: '159****1111', avatarUrl: null });
  expect(state.profile?.nickname).not.toBe('爱丽丝');
  const devices = expectOk<{ items: LoginDevice[] }>(
    await userCall(env, 'listDevices', {}, bob),
  ).items;
  expect(devices).toHaveLength(1);
  expect(expectOk<IdentityView>(await userCall(env, 'getIdentity', {}, bob)).status).toBe('none');
});

it("bob cannot remove alice's device: NOT_FOUND, and it stays", async () => {
  const [aliceDevice] = expectOk<{ items: LoginDevice[] }>(
    await userCall(env, 'listDevices', {}, alice),
  ).items;
  const r = await userCall(env, 'removeDevice', { deviceId: aliceDevice.deviceId }, bob);
  expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '设备不存在' } });
  // Same answer as an id that exists nowhere.
  expect(await userCall(env, 'removeDevice', { deviceId: 'f'.repeat(32) }, bob)).toEqual(r);
  expect(
    expectOk<{ items: LoginDevice[] }>(await userCall(env, 'listDevices', {}, alice)).items,
  ).toHaveLength(1);
});

it("bob's profile change touches only bob", async () => {
  expectOk(await userCall(env, 'updateProfile', { nickname: '鲍勃' }, bob));
  const profile = expectOk<AccountState>(
    await userCall(env, 'me', { device: device('alice-phone') }, alice),
  ).profile as Profile;
  expect(profile.nickname).toBe('爱丽丝');
  expect(profile.avatarUrl).not.toBeNull();
});

it("alice's identity shows only alice's masked name to alice; bob sees none", async () => {
  const aliceView = expectOk<IdentityView>(await userCall(env, 'getIdentity', {}, alice));
  expect(aliceView.status).not.toBe('none');
  expect(aliceView).not.toHaveProperty('photos');
  expect(expectOk<IdentityView>(await userCall(env, 'getIdentity', {}, bob)).nameMasked).toBeNull();
});
