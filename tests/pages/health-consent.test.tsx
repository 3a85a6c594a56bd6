/**
 * Issue 11 point 1: before the first consultation, the health-information consent gets its
 * own screen — purpose, necessity, effect, an unticked box — and the consult goes ahead
 * only after the user ticks it and agrees; refusing says why, and nothing is recorded.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SENSITIVE_CONSENTS } from '../../contract/privacy/sensitive-consents';
import ConsultCreatePage from '../../src/subpackages/consult/create';
import PrivacySettingsPage from '../../src/pages/privacy-settings';
import { consultBackend, consultView, Failure, givenLoggedIn } from './consult-fixtures';
import { serverState } from './consent-state';
import { button } from './forms';
import { setRouterParams, taro } from './taro-fake';

const HEALTH = SENSITIVE_CONSENTS.health;

beforeEach(() => {
  givenLoggedIn();
  setRouterParams({ doctorId: 'd1' });
});

function backend() {
  let consented = false;
  const b = consultBackend({
    'privacy.recordSensitiveConsent': () => {
      consented = true;
      return serverState({ health: true, sensitiveVersions: { health: HEALTH.version } });
    },
    'consult.create': () => {
      if (!consented) {
        throw new Failure(
          'FAILED_PRECONDITION',
          '使用咨询、就诊人和病历前，请先阅读并单独同意处理您的健康信息',
          {
            reason: 'health_consent_required',
          },
        );
      }
      return consultView({ status: 'waiting' });
    },
  });
  const privacy = () => b.calls.filter((c) => c.action === 'recordSensitiveConsent');
  return { ...b, privacy };
}

async function fillAndSubmit() {
  render(<ConsultCreatePage />);
  await screen.findByText('图文咨询 ¥30');
  const area = await waitFor(() => {
    const el = document.querySelector('textarea');
    if (!el) throw new Error('no textarea yet');
    return el;
  });
  fireEvent.input(area, { target: { value: '胸闷气短两周，活动后加重，夜间偶有憋醒' } });
  fireEvent.click(button('提交并支付 ¥30'));
  await screen.findByText(HEALTH.title);
}

test('its own screen: purpose, necessity, effect, and a box that starts unticked', async () => {
  const b = backend();
  await fillAndSubmit();
  for (const text of [HEALTH.purpose, HEALTH.necessity, HEALTH.effect]) {
    expect(screen.getByText(text)).toBeTruthy();
  }
  expect(screen.getByRole('checkbox').getAttribute('aria-checked')).toBe('false');
  // Agreeing without ticking does nothing.
  fireEvent.click(button('同意并继续'));
  expect(b.privacy()).toEqual([]);
  fireEvent.click(screen.getByRole('checkbox'));
  fireEvent.click(button('同意并继续'));
  await waitFor(() => expect(b.of('create')).toHaveLength(2));
  expect(b.privacy().map((c) => c.data)).toEqual([{ item: 'health', version: HEALTH.version }]);
});

test('暂不同意 records nothing and says why the consult was not sent', async () => {
  const b = backend();
  await fillAndSubmit();
  fireEvent.click(button('暂不同意'));
  expect(await screen.findByText(/未同意健康信息单独同意，无法发起咨询/)).toBeTruthy();
  expect(b.privacy()).toEqual([]);
  expect(b.of('create')).toHaveLength(1);
});

test('隐私设置 shows the health consent and withdraws it with one tap and a confirm', async () => {
  const b = consultBackend({
    'privacy.listConsents': () => ({
      current: serverState({ health: true, sensitiveVersions: { health: HEALTH.version } }),
      records: [],
    }),
    'privacy.withdrawConsent': () => serverState({ health: false }),
  });
  render(<PrivacySettingsPage />);
  await screen.findByText(HEALTH.title);
  expect(screen.getAllByText('已同意').length).toBeGreaterThan(0);
  fireEvent.click(button('撤回'));
  await waitFor(() =>
    expect(b.calls.filter((c) => c.action === 'withdrawConsent').map((c) => c.data)).toEqual([
      { item: 'health' },
    ]),
  );
  expect(taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: `撤回${HEALTH.title}`, content: HEALTH.withdrawal }),
  );
  expect(await screen.findAllByText('未同意（发起相关咨询时询问）')).toHaveLength(2);
});
