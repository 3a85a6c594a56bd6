import { POLICY_VERSION } from '../../../contract/privacy/policy';
import { ANALYTICS_EVENTS } from '../../../backend/collections';
import type { Caller } from '../../../backend/core/context';
import { makeEnv, expectOk, type TestEnv } from '../support/env';

const alice: Caller = { openid: 'openid-alice', clientIp: null };
const event = { name: 'page_view', at: '2026-11-30T08:00:00.000Z', props: { page: 'home' } };

let env: TestEnv;
beforeEach(() => {
  env = makeEnv();
});
afterEach(() => env.close());

const track = (data: unknown, caller: Caller | null = alice) =>
  env.call('telemetry', { action: 'track', data }, caller);

describe('telemetry.track (SDK)', () => {
  it('refuses events before any consent, and keeps nothing', async () => {
    // Before 同意 dispatch refuses (issue 11 point 11); the handler's own check is below.
    expect(await track({ events: [event] })).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', details: { reason: 'policy_consent_required' } },
    });
    expect(await env.store.count(ANALYTICS_EVENTS.name)).toBe(0);
  });

  it('refuses events when the policy was agreed but 统计分析 was not', async () => {
    await env.call(
      'privacy',
      { action: 'recordConsent', data: { policyVersion: POLICY_VERSION } },
      alice,
    );
    expect(await track({ events: [event] })).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    });
  });

  it('accepts events after consent and stops the moment it is withdrawn', async () => {
    await env.call(
      'privacy',
      {
        action: 'recordConsent',
        data: { policyVersion: POLICY_VERSION, items: { analytics: true } },
      },
      alice,
    );
    expect(
      expectOk(
        await track({
          events: [event, { ...event, name: 'search_submit', props: { kind: 'doctor' } }],
        }),
      ),
    ).toEqual({ accepted: 2 });
    await env.call('privacy', { action: 'withdrawConsent', data: { item: 'analytics' } }, alice);
    expect(await track({ events: [event] })).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    });
    expect(await env.store.count(ANALYTICS_EVENTS.name)).toBe(2);
  });

  it.each([
    [{}, 'data.events'],
    [{ events: [] }, 'data.events'],
    [{ events: [{ ...event, name: 'Bad Name' }] }, 'data.events.0.name'],
    [{ events: [{ ...event, at: 'yesterday' }] }, 'data.events.0.at'],
    [{ events: [{ ...event, props: { nested: { a: 1 } } }] }, 'data.events.0.props.nested'],
    [{ events: [{ ...event, phone: '13800138000' }] }, 'data.events.0.phone'],
    [{ events: Array.from({ length: 51 }, () => event) }, 'data.events'],
    // SEC (issue 15): a free string property once carried a phone number into the database.
    [{ events: [{ ...event, props: { page: '13800138000' } }] }, 'data.events.0.props.page'],
    [
      { events: [{ ...event, props: { page: 'home', phone: '138' } }] },
      'data.events.0.props.phone',
    ],
    [{ events: [{ ...event, name: 'made_up' }] }, 'data.events.0.name'],
    [{ events: [{ ...event, props: undefined }] }, 'data.events.0.props'],
  ])('%j → INVALID_ARGUMENT at %s', async (data, path) => {
    const r = await track(data);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_ARGUMENT');
      expect(r.error.details?.issues?.map((i) => i.path)).toContain(path);
    }
  });

  it('stores only declared properties, typed: nothing personal reaches the database', async () => {
    await env.call(
      'privacy',
      {
        action: 'recordConsent',
        data: { policyVersion: POLICY_VERSION, items: { analytics: true } },
      },
      alice,
    );
    const phoneLike = { ...event, name: 'search_submit', props: { kind: '13800138000' } };
    expect((await track({ events: [event, phoneLike] })).ok).toBe(false);
    expectOk(await track({ events: [event] }));
    const rows = await env.store.find(ANALYTICS_EVENTS.name, {});
    expect(rows.map((r) => [r.name, r.props])).toEqual([['page_view', { page: 'home' }]]);
    expect(JSON.stringify(rows)).not.toContain('13800138000');
  });
});
