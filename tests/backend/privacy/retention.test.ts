import { createLocalPorts } from '../../../backend/adapters/local/ports';
import {
  ANALYTICS_EVENTS,
  COLLECTIONS,
  DOCTOR_INVITES,
  DOCTORS,
  SMS_CODES,
} from '../../../backend/collections';
import { createInvite } from '../../../backend/consult';
import { runRetentionSweep } from '../../../backend/privacy/retention';
import { fixedClock } from '../../../backend/ports/clock';
import { silentLogger } from '../../../backend/ports/logger';
import { PRIVACY_MANIFEST } from '../../../contract/privacy/manifest';
import { POLICY_VERSION } from '../../../contract/privacy/policy';
import { RETENTION_RULES } from '../../../contract/privacy/retention';
import { startHarness, tempDir, until } from '../server/support';
import { expectOk, makeEnv, type TestEnv } from '../support/env';
import { alice, ALICE_PHONE, consentToPolicy, userCall } from '../user/support';

const DAY_MS = 24 * 3600_000;
let env: TestEnv;
beforeEach(() => {
  env = makeEnv();
});
afterEach(() => env.close());

const sweep = () => runRetentionSweep(env.ctx());

describe('every retention promise is kept by a sweep (issue 11 point 8)', () => {
  it('statistics events are deleted after 180 days, not before', async () => {
    const consent = { policyVersion: POLICY_VERSION, items: { analytics: true } };
    expectOk(await env.call('privacy', { action: 'recordConsent', data: consent }, alice));
    const event = {
      name: 'page_view',
      at: env.clock.now().toISOString(),
      props: { page: 'home' },
    };
    expectOk(await env.call('telemetry', { action: 'track', data: { events: [event] } }, alice));
    env.clock.advance(179 * DAY_MS);
    await sweep();
    expect(await env.store.count(ANALYTICS_EVENTS.name)).toBe(1);
    env.clock.advance(2 * DAY_MS);
    expect((await sweep())['analytics-180d']).toBe(1);
    expect(await env.store.count(ANALYTICS_EVENTS.name)).toBe(0);
  });

  it('an SMS code nobody used is gone once it has expired', async () => {
    await consentToPolicy(env, alice);
    expectOk(await userCall(env, 'sendCode', { purpose: 'register', phone: ALICE_PHONE }));
    await sweep();
    expect(await env.store.count(SMS_CODES.name)).toBe(1);
    env.clock.advance(6 * 60_000);
    await sweep();
    expect(await env.store.count(SMS_CODES.name)).toBe(0);
  });

  it('an invite never used is gone after its 7 days; a used one (the binding record) stays', async () => {
    await env.store.insert(DOCTORS.name, { _id: 'd1', name: '赵医生', consultPrice: 0 });
    const deps = { store: env.store, crypto: env.crypto, random: env.random, clock: env.clock };
    await createInvite(deps, 'd1');
    await createInvite(deps, 'd1');
    const [usedDoc] = await env.store.find<{ _id: string; expiresAt: string }>(
      DOCTOR_INVITES.name,
      {},
      { sort: [['_id', 'asc']] },
    );
    await env.store.update(DOCTOR_INVITES.name, usedDoc._id, { set: { used: true } });
    env.clock.advance(8 * DAY_MS);
    await sweep();
    const left = await env.store.find<{ _id: string; used: boolean }>(DOCTOR_INVITES.name, {});
    expect(left.map((d) => d.used)).toEqual([true]);
  });

  it('every manifest category names what keeps its promise, and every rule a real collection', () => {
    const names = new Set(COLLECTIONS.map((c) => c.name));
    for (const rule of Object.values(RETENTION_RULES))
      expect(names.has(rule.collection)).toBe(true);
    for (const category of PRIVACY_MANIFEST) {
      expect(category.enforcedBy.length).toBeGreaterThan(0);
      for (const by of category.enforcedBy) {
        const known =
          by in RETENTION_RULES ||
          ['unattached-uploads', 'account-deletion', 'consent-withdrawal', 'not-stored'].includes(
            by,
          );
        expect(known).toBe(true);
      }
    }
    // The 180 days the manifest promises for statistics is the rule's 180 days.
    const analytics = PRIVACY_MANIFEST.find((c) => c.id === 'analytics');
    expect(analytics?.retention).toContain('180 天');
    expect(analytics?.enforcedBy).toContain('analytics-180d');
    expect(RETENTION_RULES['analytics-180d'].keepMinutes).toBe(180 * 24 * 60);
  });
});

it('the local server runs the retention sweep on its interval', async () => {
  const dataDir = tempDir('retention-sweep');
  const ports = createLocalPorts({ dataDir, log: silentLogger });
  ports.clock = fixedClock('2026-11-30T08:00:00Z');
  await ports.store.insert(ANALYTICS_EVENTS.name, {
    owner: 'o-p',
    name: 'page_view',
    at: '2026-05-01T00:00:00.000Z',
    props: {},
    receivedAt: '2026-05-01T00:00:00.000Z',
  });
  const h = await startHarness({ dataDir, ports, functions: {} as never, sweepIntervalMs: 20 });
  let left = 1;
  await until(async () => {
    left = await ports.store.count(ANALYTICS_EVENTS.name);
    return left === 0;
  }, 'the sweep to delete the expired event');
  expect(left).toBe(0);
  await h.close();
});
