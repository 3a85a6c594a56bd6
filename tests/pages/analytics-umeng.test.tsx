/**
 * SDK, production weapp adapter: Umeng's umtrack-wx is loaded and initialised only after
 * the 统计分析 consent, lazily on the first event — never at launch — with no openid or
 * user info; a build without an app key never touches it; withdrawal pauses it at once.
 *
 * Every "nothing happened" check first waits for something that did: an event forwarded
 * after consent, or the batch our own server received.
 */
import { waitFor } from '@testing-library/react';

// `mock…` names may be used inside jest.mock factories.
const mockSdk = {
  init: jest.fn(),
  trackEvent: jest.fn(),
  pause: jest.fn(),
  resume: jest.fn(),
};
/** Each time the SDK module was evaluated ("loaded"): whether 统计分析 was consented then. */
const mockLoads: { consented: boolean[] } = { consented: [] };

jest.mock('umtrack-wx', () => {
  // Runs when the module is first required: that is the SDK "loading" (it patches App/Page).
  // The app's own consent module (this registry's instance), not a copy.
  const consent = jest.requireActual<typeof import('../../src/privacy/consent')>(
    '../../src/privacy/consent',
  );
  mockLoads.consented.push(consent.hasConsent('analytics'));
  return mockSdk;
});
// Analytics as the weapp build picks it.
jest.mock('../../src/platform/analytics', () =>
  jest.requireActual('../../src/platform/analytics/analytics.weapp'),
);

const globals = globalThis as unknown as { UMENG_APP_KEY?: string };

/**
 * The app as at launch: a fresh module registry, so no SDK loaded, no analytics adapter and
 * no consent in memory — each test starts where a user opening the app would.
 */
async function launch() {
  jest.resetModules();
  const { track } = await import('../../src/privacy/analytics');
  const { setConsentItem } = await import('../../src/privacy/consent');
  const { givenConsent, serverState } = await import('./consent-fixtures');
  const { installBackend } = await import('./fake-backend');
  const backend = installBackend(
    {},
    {
      'privacy.withdrawConsent': () => serverState(),
      'telemetry.track': (input) => ({ accepted: input.events.length }),
    },
  );
  return { track, setConsentItem, givenConsent, backend };
}

beforeEach(() => {
  jest.clearAllMocks();
  mockLoads.consented = [];
});
afterEach(() => {
  delete globals.UMENG_APP_KEY;
  jest.useRealTimers();
});

test('no consent: the SDK is not loaded, and nothing from before consent reaches it', async () => {
  const { track, givenConsent } = await launch();
  globals.UMENG_APP_KEY = 'um-key';
  givenConsent('agreed', { items: { analytics: false } });
  track('page_view', { page: 'home' });
  givenConsent('declined');
  track('page_view', { page: 'home' });
  // The positive signal: once 统计分析 is given, the next event does reach Umeng.
  givenConsent('agreed', { items: { analytics: true } });
  track('search_submit', { kind: 'doctor' });
  await waitFor(() => expect(mockSdk.trackEvent).toHaveBeenCalled());
  // Loaded once, and only then — with the consent — and only the consented event forwarded.
  expect(mockLoads.consented).toEqual([true]);
  expect(mockSdk.init).toHaveBeenCalledTimes(1);
  expect(mockSdk.trackEvent.mock.calls).toEqual([['search_submit', { kind: 'doctor' }]]);
});

test('a build without an app key: no Umeng at all, events go to our own server', async () => {
  const { track, givenConsent, backend } = await launch();
  globals.UMENG_APP_KEY = '';
  givenConsent('agreed', { items: { analytics: true } });
  // Events wait for company before a batch goes out: move the clock past that, not the test.
  jest.useFakeTimers();
  track('page_view', { page: 'home' });
  jest.runOnlyPendingTimers();
  jest.useRealTimers();
  await waitFor(() => expect(backend.callsTo('telemetry')).toHaveLength(1));
  expect(backend.callsTo('telemetry')[0]?.data).toMatchObject({
    events: [expect.objectContaining({ name: 'page_view', props: { page: 'home' } })],
  });
  expect(mockLoads.consented).toEqual([]);
  expect(mockSdk.init).not.toHaveBeenCalled();
  expect(mockSdk.trackEvent).not.toHaveBeenCalled();
});

test('after consent: loaded on the first event, initialised without openid, events forwarded', async () => {
  const { track, setConsentItem, givenConsent } = await launch();
  globals.UMENG_APP_KEY = 'um-key';
  givenConsent('agreed', { items: { analytics: true } });
  track('page_view', { page: 'home' });
  track('search_submit', { kind: 'doctor' });
  await waitFor(() => expect(mockSdk.trackEvent).toHaveBeenCalledTimes(2));
  expect(mockLoads.consented).toEqual([true]);
  expect(mockSdk.init).toHaveBeenCalledTimes(1);
  expect(mockSdk.init).toHaveBeenCalledWith({
    appKey: 'um-key',
    useOpenid: false,
    autoGetOpenid: false,
    uploadUserInfo: false,
    debug: false,
  });
  expect(mockSdk.trackEvent.mock.calls).toEqual([
    ['page_view', { page: 'home' }],
    ['search_submit', { kind: 'doctor' }],
  ]);

  // Withdrawal: paused at once, nothing more forwarded.
  await setConsentItem('analytics', false);
  expect(mockSdk.pause).toHaveBeenCalledTimes(1);
  track('page_view', { page: 'mine' });
  // The positive signal: consented again, the next event is forwarded (the SDK resumed) —
  // and the one from while it was withdrawn never was.
  givenConsent('agreed', { items: { analytics: true } });
  track('page_view', { page: 'search' });
  await waitFor(() => expect(mockSdk.trackEvent).toHaveBeenCalledTimes(3));
  expect(mockSdk.resume).toHaveBeenCalledTimes(1);
  expect(mockSdk.init).toHaveBeenCalledTimes(1);
  expect(mockSdk.trackEvent.mock.calls.at(-1)).toEqual(['page_view', { page: 'search' }]);
  expect(mockSdk.trackEvent.mock.calls).not.toContainEqual(['page_view', { page: 'mine' }]);
});
