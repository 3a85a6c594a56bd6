/**
 * SDK, production weapp adapter: Umeng's umtrack-wx is loaded and initialised only after
 * the 统计分析 consent, lazily on the first event — never at launch — with no openid or
 * user info; a build without an app key never touches it; withdrawal pauses it at once.
 */
import { act } from '@testing-library/react';
import { setConsentItem } from '../../src/privacy/consent';
import { track } from '../../src/privacy/analytics';
import { givenConsent, serverState } from './consent-fixtures';
import { installBackend } from './fake-backend';

// `mock…` names may be used inside jest.mock factories.
const mockSdk = {
  init: jest.fn(),
  trackEvent: jest.fn(),
  pause: jest.fn(),
  resume: jest.fn(),
};
const mockLoads = { count: 0 };

jest.mock('umtrack-wx', () => {
  // Runs when the module is first required: that is the SDK "loading" (it patches App/Page).
  mockLoads.count += 1;
  return mockSdk;
});
// Analytics as the weapp build picks it.
jest.mock('../../src/platform/analytics', () =>
  jest.requireActual('../../src/platform/analytics/analytics.weapp'),
);

const globals = globalThis as unknown as { UMENG_APP_KEY?: string };
const flush = () => act(() => new Promise((r) => setTimeout(r, 0)));

beforeEach(() => {
  installBackend(
    {},
    {
      'privacy.withdrawConsent': () => serverState(),
      'telemetry.track': (input) => ({ accepted: input.events.length }),
    },
  );
});
afterEach(() => {
  delete globals.UMENG_APP_KEY;
});

test('no consent: the SDK is never loaded, let alone initialised', async () => {
  globals.UMENG_APP_KEY = 'um-key';
  givenConsent('agreed', { items: { analytics: false } });
  track('page_view', { page: 'home' });
  givenConsent('declined');
  track('page_view', { page: 'home' });
  await flush();
  expect(mockLoads.count).toBe(0);
  expect(mockSdk.init).not.toHaveBeenCalled();
});

test('a build without an app key: no Umeng at all, events go to our own server', async () => {
  globals.UMENG_APP_KEY = '';
  givenConsent('agreed', { items: { analytics: true } });
  track('page_view', { page: 'home' });
  await flush();
  expect(mockLoads.count).toBe(0);
  expect(mockSdk.init).not.toHaveBeenCalled();
});

test('after consent: loaded on the first event, initialised without openid, events forwarded', async () => {
  globals.UMENG_APP_KEY = 'um-key';
  givenConsent('agreed', { items: { analytics: true } });
  track('page_view', { page: 'home' });
  track('search_submit', { kind: 'doctor' });
  await flush();
  expect(mockLoads.count).toBe(1);
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
  await act(async () => {
    await setConsentItem('analytics', false);
  });
  expect(mockSdk.pause).toHaveBeenCalledTimes(1);
  track('page_view', { page: 'mine' });
  await flush();
  expect(mockSdk.trackEvent).toHaveBeenCalledTimes(2);
});
