/**
 * SDK: statistics leave the device only after the 统计分析 consent — before it, not one
 * event is sent and no adapter even exists — and withdrawal stops them at once. Events
 * say what kind of thing happened, never what the user searched for or where they are.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import HomePage from '../../src/pages/home';
import SearchPage from '../../src/pages/search';
import { createAnalytics } from '../../src/platform/analytics';
import { setConsentItem, settled, withdrawPolicy } from '../../src/privacy/consent';
import { track } from '../../src/privacy/analytics';
import { setBrowserLocation } from './browser-location';
import { givenConsent, serverState } from './consent-fixtures';
import { installBackend } from './fake-backend';
import { hospital, page } from './fixtures';
import { fire } from './taro-fake';

jest.mock('../../src/platform/analytics', () => {
  const actual = jest.requireActual('../../src/platform/analytics');
  return { createAnalytics: jest.fn(actual.createAnalytics) };
});

function backend() {
  return installBackend(
    {
      recommend: () => ({ items: [] }),
      listHospitals: () => page([]),
      search: () => page([{ kind: 'hospital', hospital: hospital({ name: '瑞金医院' }) }]),
    },
    {
      'telemetry.track': (input) => ({ accepted: input.events.length }),
      'privacy.recordConsent': () => serverState(),
      'privacy.withdrawConsent': () => serverState(),
    },
  );
}

async function search(container: HTMLElement, text: string) {
  const input = await waitFor(() => {
    const el = container.querySelector('input');
    if (!el) throw new Error('no input');
    return el;
  });
  fireEvent.input(input, { target: { value: text } });
  await screen.findByText('瑞金医院');
}

/** Lets the 5 s batch timer run out (on jest's clock: the tests do not wait for real). */
const afterBatchDelay = () => act(() => jest.advanceTimersByTimeAsync(5200));

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe.each(['none', 'declined'] as const)('no consent (%s): zero events leave', (decision) => {
  test('page views and a search send nothing, and no adapter is created', async () => {
    givenConsent(decision);
    setBrowserLocation({ kind: 'blocked' });
    const api = backend();
    render(<HomePage />);
    await act(() => fire('componentDidShow'));
    const { container } = render(<SearchPage />);
    await search(container, '瑞金');
    track('search_submit', { kind: 'all' });
    await afterBatchDelay();
    expect(api.callsTo('telemetry')).toEqual([]);
    expect(createAnalytics).not.toHaveBeenCalled();
  });

  test('agreeing to the policy alone does not switch statistics on', async () => {
    givenConsent('agreed', { items: { analytics: false } });
    const api = backend();
    track('page_view', { page: 'home' });
    await afterBatchDelay();
    expect(api.callsTo('telemetry')).toEqual([]);
    expect(createAnalytics).not.toHaveBeenCalled();
  });
});

describe('with the 统计分析 consent', () => {
  test('page views and searches are batched to telemetry.track, without the query text', async () => {
    givenConsent('agreed', { items: { analytics: true } });
    setBrowserLocation({ kind: 'blocked' });
    const api = backend();
    const { container } = render(<SearchPage />);
    await act(() => fire('componentDidShow'));
    await search(container, '瑞金医院 胸痛');
    await afterBatchDelay();

    const sent = api.callsTo('telemetry');
    expect(sent).toHaveLength(1);
    const { events } = sent[0].data as { events: Array<{ name: string; props?: object }> };
    expect(events.map((e) => [e.name, e.props])).toEqual([
      ['page_view', { page: 'search' }],
      ['search_submit', { kind: 'all' }],
    ]);
    expect(JSON.stringify(sent)).not.toMatch(/瑞金|胸痛/);
  });

  test('switching it off stops at once: queued events are dropped, later ones never made', async () => {
    givenConsent('agreed', { items: { analytics: true } });
    const api = backend();
    track('page_view', { page: 'home' });
    track('page_view', { page: 'doctor' });
    await act(async () => {
      await setConsentItem('analytics', false);
    });
    track('page_view', { page: 'hospital' });
    await afterBatchDelay();
    expect(api.callsTo('telemetry')).toEqual([]);
    expect(api.callsTo('privacy').map((c) => c.data)).toEqual([{ item: 'analytics' }]);
  });

  test('withdrawing the policy stops statistics too', async () => {
    givenConsent('agreed', { items: { analytics: true } });
    const api = backend();
    track('page_view', { page: 'home' });
    await act(async () => {
      await withdrawPolicy();
      await settled();
    });
    await afterBatchDelay();
    expect(api.callsTo('telemetry')).toEqual([]);
  });

  test('a full batch goes out without waiting', async () => {
    givenConsent('agreed', { items: { analytics: true } });
    const api = backend();
    for (let i = 0; i < 20; i += 1) track('page_view', { page: 'home' });
    await waitFor(() => expect(api.callsTo('telemetry')).toHaveLength(1));
  });
});
