/**
 * Issue 11 point 3 over the real functions: browsing the catalog sets no identity cookie;
 * the first call that needs a caller (privacy.recordConsent, after 同意) sets it once, and
 * the same browser keeps it.
 */
import { POLICY_VERSION } from '../../../contract/privacy/policy';
import { FUNCTIONS } from '../../../backend/functions';
import type { BackendFunction } from '../../../backend/core/action';
import { cookiePair, json, startHarness, type Harness } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    functions: FUNCTIONS as unknown as Readonly<Record<string, BackendFunction>>,
  });
});
afterAll(async () => {
  await h.close();
});

const post = (fn: string, action: string, data: unknown, headers: Record<string, string> = {}) =>
  h.app.inject({ url: `/api/${fn}`, ...json({ action, data }, headers) });

test('catalog calls (browse-only) work without the cookie and never set one', async () => {
  for (const [action, data] of [
    ['listHospitals', {}],
    ['search', { q: '瑞金' }],
    ['recommend', { kind: 'hospital', limit: 5 }],
  ] as const) {
    const res = await post('catalog', action, data);
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.headers['set-cookie']).toBeUndefined();
  }
});

test('recording the consent sets the identity cookie once; the same browser keeps it', async () => {
  const first = await post('privacy', 'recordConsent', { policyVersion: POLICY_VERSION });
  expect(first.json()).toMatchObject({ ok: true });
  expect(String(first.headers['set-cookie'])).toMatch(/^zy_sid=[^;]+; Path=\/; Max-Age=/);
  const cookie = cookiePair(first.headers['set-cookie']);
  const list = await post('privacy', 'listConsents', {}, { cookie });
  expect(list.json()).toMatchObject({ ok: true, data: { current: { policy: true } } });
  expect(list.headers['set-cookie']).toBeUndefined();
  const browse = await post('catalog', 'listHospitals', {}, { cookie });
  expect(browse.headers['set-cookie']).toBeUndefined();
});
