/** IDV: checks, masking, encryption at rest, and refusing services when verification failed. */
import { IDENTITIES } from '../../../backend/collections';
import { requireVerifiedIdentity } from '../../../backend/user';
import { checkIdNumber, maskIdNumber, maskName } from '../../../contract/user/id-number';
import type { IdentityView } from '../../../contract/user';
import { makeEnv, expectOk, type TestEnv } from '../support/env';
import {
  alice,
  ALICE_PHONE,
  expectError,
  freshEnvEachTest,
  idNumber,
  registerUser,
  upload,
  userCall,
} from './support';

const ADULT_ID = idNumber('310104', '19900307', '123'); // Shanghai Xuhui
const NAME = '张三丰';

let env: TestEnv;
freshEnvEachTest(makeEnv, (made) => (env = made));

const submit = (overrides: Record<string, unknown> = {}) =>
  userCall(env, 'submitIdentity', {
    name: NAME,
    idNumber: ADULT_ID,
    idPhoto: upload('jpeg', 4000, 0x11),
    facePhoto: upload('png', 3000, 0x22),
    consent: true,
    ...overrides,
  });

describe('ID numbers (GB 11643, ISO 7064 MOD 11-2)', () => {
  it.each([
    ['11010519491231002X', '1949-12-31'], // the standard's own example
    ['110105194912310021', null], // same digits, wrong check character
    ['310104199003071230', null],
    [ADULT_ID, '1990-03-07'],
  ])('%s', (id, birth) => {
    const check = checkIdNumber(id);
    expect(check.ok ? check.birthDate : null).toBe(birth);
  });

  it('names why a number is wrong', () => {
    expect(checkIdNumber('11010519491231002')).toEqual({ ok: false, reason: 'format' });
    expect(checkIdNumber('99010519491231002X')).toEqual({ ok: false, reason: 'province' });
    expect(checkIdNumber(idNumber('110105', '20230229'))).toEqual({
      ok: false,
      reason: 'birth_date',
    });
    expect(checkIdNumber('440524188001010014')).toEqual({ ok: false, reason: 'birth_date' }); // 1880
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, reason: 'checksum' });
    expect(checkIdNumber(idNumber('110105', '20240229')).ok).toBe(true); // a real leap day
  });

  it('masks as the owner sees them', () => {
    expect(maskIdNumber('310104199003071234')).toBe('3101**********1234');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('买买提·艾力')).toBe('买*****');
  });
});

describe('submitIdentity', () => {
  beforeEach(async () => {
    await registerUser(env, alice, ALICE_PHONE);
  });

  it('verifies, records the consent time, and shows only masked values', async () => {
    const view = expectOk<IdentityView>(await submit());
    expect(view).toEqual({
      status: 'verified',
      nameMasked: '张**',
      idMasked: `${ADULT_ID.slice(0, 4)}**********${ADULT_ID.slice(-4)}`,
      verifier: 'builtin-local-only-v2',
      submittedAt: '2026-11-30T08:01:01.000Z',
      consentAt: '2026-11-30T08:01:01.000Z',
    });
    expect(expectOk(await userCall(env, 'getIdentity', {}))).toEqual(view);
    expect(JSON.stringify(view)).not.toContain(NAME);
    expect(JSON.stringify(view)).not.toContain(ADULT_ID);
    await expect(requireVerifiedIdentity(env.ctx(alice))).resolves.toEqual({
      openid: alice.openid,
      verifiedAt: view.submittedAt,
    });
  });

  // Issue 11 point 9: two 1×1 PNGs were "verified".
  it('refuses what is not a plausible photo: 1×1 pictures, too small, or undecodable', async () => {
    for (const photo of [
      upload('png', 3000, 0x22, 1),
      upload('jpeg', 3000, 0x22, 299),
      {
        contentBase64: Buffer.concat([
          Buffer.from([0xff, 0xd8, 0xff, 0x00]),
          Buffer.alloc(3000),
        ]).toString('base64'),
        contentType: 'image/jpeg',
      },
    ]) {
      const view = expectOk<IdentityView>(await submit({ facePhoto: photo }));
      expect(view).toMatchObject({ status: 'failed', reason: 'photo_implausible' });
      env.clock.advance(1000);
    }
    expect(
      expectOk<IdentityView>(await submit({ facePhoto: upload('webp', 3000, 0x22, 300) })),
    ).toMatchObject({ status: 'verified' });
    const doc = await env.store.get<{ _id: string; verifier: string }>(
      IDENTITIES.name,
      alice.openid,
    );
    expect(doc?.verifier).toBe('builtin-local-only-v2');
  });

  it('stores name and number encrypted, bound to owner and field', async () => {
    expectOk(await submit());
    const doc = await env.store.get<Record<string, string> & { _id: string }>(
      IDENTITIES.name,
      alice.openid,
    );
    expect(doc?.nameEnc).toMatch(/^z1\./);
    expect(JSON.stringify(doc)).not.toContain(NAME);
    expect(JSON.stringify(doc)).not.toContain(ADULT_ID);
    // A ciphertext moved into another field does not decrypt.
    expect(() =>
      env.crypto.decrypt(doc!.nameEnc, `identities.idNumberEnc:${alice.openid}`),
    ).toThrow();
  });

  it('under 18 fails verification with the reason, and services are refused with it', async () => {
    const minor = idNumber('310104', '20100101');
    const view = expectOk<IdentityView>(await submit({ idNumber: minor }));
    expect(view).toMatchObject({ status: 'failed', reason: 'underage' });
    await expect(requireVerifiedIdentity(env.ctx(alice))).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { reason: 'identity_failed', identityReason: 'underage' },
    });
  });

  it('turns 18 on the birthday, in China time', async () => {
    env.clock.set('2026-11-29T15:59:00Z'); // 23:59 on 29 Nov in Shanghai
    expect(
      expectOk<IdentityView>(await submit({ idNumber: idNumber('310104', '20081130') })).status,
    ).toBe('failed');
    env.clock.set('2026-11-29T16:00:00Z'); // midnight: 30 Nov in Shanghai
    expect(
      expectOk<IdentityView>(await submit({ idNumber: idNumber('310104', '20081130') })).status,
    ).toBe('verified');
  });

  it('a birth date after today is INVALID_ARGUMENT on the field', async () => {
    const err = expectError(
      await submit({ idNumber: idNumber('310104', '20261201') }),
      'INVALID_ARGUMENT',
    );
    expect(err.details?.issues).toEqual([
      { path: 'data.idNumber', message: '出生日期不能晚于今天' },
    ]);
    expect(await env.store.count(IDENTITIES.name, {})).toBe(0);
  });

  it('without an identity, services are refused with identity_required', async () => {
    await expect(requireVerifiedIdentity(env.ctx(alice))).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { reason: 'identity_required' },
    });
    expect(expectOk(await userCall(env, 'getIdentity', {}))).toEqual({
      status: 'none',
      nameMasked: null,
      idMasked: null,
      verifier: null,
      submittedAt: null,
      consentAt: null,
    });
  });

  it('a failed verification may be submitted again; a verified one may not', async () => {
    expectOk(await submit({ idNumber: idNumber('310104', '20100101') }));
    expect(expectOk<IdentityView>(await submit()).status).toBe('verified');
    expectError(await submit(), 'FAILED_PRECONDITION', { reason: 'already_verified' });
  });

  it('at most 5 submissions a day', async () => {
    const minor = idNumber('310104', '20100101');
    for (let i = 0; i < 5; i++) expectOk(await submit({ idNumber: minor }));
    expectError(await submit({ idNumber: minor }), 'RATE_LIMITED', { limit: 'identity_daily' });
  });

  it('the separate consent must be given', async () => {
    const err = expectError(await submit({ consent: false }), 'INVALID_ARGUMENT');
    expect(err.details?.issues?.[0]?.path).toBe('data.consent');
  });

  it('a lower-case x check character is accepted as X', async () => {
    const view = expectOk<IdentityView>(
      await submit({ idNumber: '11010519491231002x', name: '李四' }),
    );
    expect(view).toMatchObject({
      status: 'verified',
      nameMasked: '李*',
      idMasked: '1101**********002X',
    });
  });
});
