import { CURRENT_POLICY, POLICY_VERSION, SUPPLEMENT_DATE } from '../../../contract/privacy/policy';
import type { Caller } from '../../../backend/core/context';
import { dispatch } from '../../../backend/core/dispatch';
import { privacyFunction } from '../../../backend/privacy';
import { CHECKED, makeEnv, expectOk, type TestEnv } from '../support/env';

const alice: Caller = { openid: 'openid-alice', clientIp: '127.0.0.1' };
const bob: Caller = { openid: 'openid-bob', clientIp: '127.0.0.2' };

let env: TestEnv;
beforeEach(() => {
  env = makeEnv();
});
afterEach(() => env.close());

const privacy = (action: string, data: unknown, caller: Caller | null = alice) =>
  env.call('privacy', { action, data }, caller);

describe('privacy function (POL)', () => {
  it('getPolicy gives the version derived from the policy dates', async () => {
    expect(expectOk(await privacy('getPolicy', {}, null))).toEqual({
      version: '2022-01-22',
      updatedAt: '2022-01-22',
      effectiveAt: '2022-01-22',
      title: '上海助医用户隐私政策协议',
    });
  });

  it('agreeing records the version and only the optional consents the user switched on', async () => {
    const state = expectOk(
      await privacy('recordConsent', { policyVersion: POLICY_VERSION, items: { analytics: true } }),
    );
    expect(state).toMatchObject({
      policyVersion: POLICY_VERSION,
      policy: true,
      analytics: true,
      device: false,
    });
    const list = expectOk<{ current: unknown; records: Array<{ change: string }> }>(
      await privacy('listConsents', {}),
    );
    expect(list.current).toEqual(state);
    expect(list.records.map((r) => r.change)).toEqual(['agree']);
  });

  it('getSupplement fills the supplement from the operator’s configuration, with no caller', async () => {
    const operator = {
      operatorName: '上海某某健康科技有限公司',
      phone: '021-12345678',
      email: 'privacy@example.cn',
      officerName: '王某',
      officerContact: 'dpo@example.cn',
    };
    const ctx = { ...env.ctx(null), operator };
    const filled = expectOk<{ version: string; text: string }>(
      await dispatch(privacyFunction, { action: 'getSupplement', data: {} }, ctx, CHECKED),
    );
    expect(filled.version).toBe(SUPPLEMENT_DATE);
    for (const fact of Object.values(operator)) expect(filled.text).toContain(fact);
    expect(filled.text).not.toContain('待运营者填写');
    // Nothing configured: the gaps show; no fact is invented.
    const bare = expectOk<{ text: string }>(await privacy('getSupplement', {}, null));
    expect(bare.text).toContain('【待运营者填写：运营者名称】');
    expect(bare.text).not.toContain('上海某某');
  });

  it('one version covers the policy and its supplement: agreeing to the policy alone is stale', async () => {
    expect(POLICY_VERSION).toBe(`${CURRENT_POLICY.version}_${SUPPLEMENT_DATE}`);
    const r = await privacy('recordConsent', { policyVersion: CURRENT_POLICY.version });
    expect(r).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(expectOk<{ current: unknown }>(await privacy('listConsents', {})).current).toBeNull();
  });

  it('a stale policy version is refused, so the user reads the new text first', async () => {
    const r = await privacy('recordConsent', { policyVersion: '2020-01-01' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', details: { currentVersion: POLICY_VERSION } },
    });
    expect(expectOk<{ current: unknown }>(await privacy('listConsents', {})).current).toBeNull();
  });

  it('withdrawing takes effect at once and is kept in the history', async () => {
    await privacy('recordConsent', {
      policyVersion: POLICY_VERSION,
      items: { analytics: true, device: true },
    });
    const after = expectOk(await privacy('withdrawConsent', { item: 'analytics' }));
    expect(after).toMatchObject({ policy: true, analytics: false, device: true });
    const all = expectOk(await privacy('withdrawConsent', { item: 'policy' }));
    expect(all).toMatchObject({ policy: false, analytics: false, device: false });
    const list = expectOk<{ records: Array<{ change: string }> }>(
      await privacy('listConsents', {}),
    );
    expect(list.records.map((r) => r.change)).toEqual(['withdraw', 'withdraw', 'agree']);
  });

  it('changes sent at the same moment all land, each on top of the one before', async () => {
    await privacy('recordConsent', {
      policyVersion: POLICY_VERSION,
      items: { analytics: true, device: true },
    });
    const answers = await Promise.all([
      privacy('withdrawConsent', { item: 'analytics' }),
      privacy('withdrawConsent', { item: 'device' }),
    ]);
    expect(answers.map((a) => a.ok)).toEqual([true, true]);
    const list = expectOk<{ current: unknown; records: Array<{ change: string }> }>(
      await privacy('listConsents', {}),
    );
    expect(list.current).toMatchObject({ policy: true, analytics: false, device: false });
    expect(list.records.map((r) => r.change)).toEqual(['withdraw', 'withdraw', 'agree']);
  });

  it('third-party services are consented one by one', async () => {
    const s = expectOk(
      await privacy('recordConsent', {
        policyVersion: POLICY_VERSION,
        items: { thirdParty: { trtc: true } },
      }),
    );
    expect(s).toMatchObject({ thirdParty: { trtc: true } });
    expect(expectOk(await privacy('withdrawConsent', { item: 'thirdParty.trtc' }))).toMatchObject({
      thirdParty: { trtc: false },
    });
  });

  it('one caller never sees another’s consents', async () => {
    await privacy(
      'recordConsent',
      { policyVersion: POLICY_VERSION, items: { device: true } },
      alice,
    );
    const bobs = expectOk<{ current: unknown; records: unknown[] }>(
      await privacy('listConsents', {}, bob),
    );
    expect(bobs).toEqual({ current: null, records: [] });
  });

  it('needs an identity to record anything', async () => {
    const r = await privacy('recordConsent', { policyVersion: POLICY_VERSION }, null);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it.each([
    ['recordConsent', {}, 'data.policyVersion'],
    ['recordConsent', { policyVersion: 7 }, 'data.policyVersion'],
    [
      'recordConsent',
      { policyVersion: POLICY_VERSION, items: { camera: true } },
      'data.items.camera',
    ],
    [
      'recordConsent',
      { policyVersion: POLICY_VERSION, items: { analytics: 'yes' } },
      'data.items.analytics',
    ],
    [
      'recordConsent',
      { policyVersion: POLICY_VERSION, items: { thirdParty: { evil: true } } },
      'data.items.thirdParty.evil',
    ],
    ['withdrawConsent', {}, 'data.item'],
    ['withdrawConsent', { item: 'thirdParty.evil' }, 'data.item'],
    ['withdrawConsent', { item: 'everything' }, 'data.item'],
    ['listConsents', { owner: 'openid-bob' }, 'data.owner'],
  ])('%s %j → INVALID_ARGUMENT at %s', async (action, data, path) => {
    const r = await privacy(action, data);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_ARGUMENT');
      expect(r.error.details?.issues?.map((i) => i.path)).toContain(path);
    }
  });
});
