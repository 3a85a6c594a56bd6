import { POLICY_VERSION } from '../../../contract/privacy/policy';
import { makeEnv, expectOk, type TestEnv } from '../support/env';
import { alice, ALICE_PHONE, lastCode, userCall } from '../user/support';

let env: TestEnv;
beforeEach(() => {
  env = makeEnv();
});
afterEach(() => env.close());

describe('dispatch enforces the requirements table (issue 11 point 11)', () => {
  it('no registration code is sent before 同意; after it the code arrives', async () => {
    const before = await userCall(env, 'sendCode', { purpose: 'register', phone: ALICE_PHONE });
    expect(before).toEqual({
      ok: false,
      error: {
        code: 'FAILED_PRECONDITION',
        message: '请先阅读并同意隐私政策',
        details: { reason: 'policy_consent_required', requirement: 'policy' },
      },
    });
    expect(env.sms.sent).toEqual([]);
    expectOk(
      await env.call(
        'privacy',
        { action: 'recordConsent', data: { policyVersion: POLICY_VERSION } },
        alice,
      ),
    );
    expectOk(await userCall(env, 'sendCode', { purpose: 'register', phone: ALICE_PHONE }));
    expect(lastCode(env, ALICE_PHONE)).toMatch(/^\d{6}$/);
  });

  it('withdrawing the policy consent stops consultations at once, with a reason', async () => {
    expectOk(
      await env.call(
        'privacy',
        { action: 'recordConsent', data: { policyVersion: POLICY_VERSION } },
        alice,
      ),
    );
    expectOk(
      await env.call('privacy', { action: 'withdrawConsent', data: { item: 'policy' } }, alice),
    );
    const r = await env.call('consult', { action: 'list', data: {} }, alice);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', details: { reason: 'policy_consent_required' } },
    });
  });

  it('bad input is still INVALID_ARGUMENT and a missing caller still UNAUTHENTICATED', async () => {
    const bad = await userCall(env, 'sendCode', { purpose: 'register', phone: '1' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const anon = await env.call('consult', { action: 'list', data: {} }, null);
    expect(anon).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
