/**
 * TPS: a third-party service (腾讯云实时音视频 for video consultation) gets the account
 * name/avatar only after its own consent; declining refuses cleanly and nothing else changes.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { PrivacyHost } from '../../src/components/privacy-host';
import { getConsent, settled } from '../../src/privacy/consent';
import { requireThirdPartyConsent } from '../../src/privacy/third-party';
import { givenConsent, serverState } from './consent-fixtures';
import { installBackend } from './fake-backend';
import { taro } from './taro-fake';

function server() {
  return installBackend({}, { 'privacy.recordConsent': () => serverState() });
}

test('asks with what is shared and with whom; 同意 records the per-service consent', async () => {
  givenConsent('agreed', { items: { analytics: true } });
  const backend = server();
  render(<PrivacyHost />);
  let answer: Promise<boolean> = Promise.resolve(false);
  await act(async () => {
    answer = requireThirdPartyConsent('trtc');
  });
  const sheet = await screen.findByRole('dialog');
  expect(sheet.textContent).toContain('使用视频咨询需要您的同意');
  expect(sheet.textContent).toContain('腾讯云实时音视频');
  expect(sheet.textContent).toContain('账号昵称、头像');
  fireEvent.click(screen.getByText('同意'));
  await act(async () => {
    await expect(answer).resolves.toBe(true);
    await settled();
  });
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(getConsent().items.thirdParty.trtc).toBe(true);
  expect(backend.callsTo('privacy').map((c) => c.data.items)).toEqual([
    { thirdParty: { trtc: true } },
  ]);
  // Asked once: the next call goes straight through.
  await expect(requireThirdPartyConsent('trtc')).resolves.toBe(true);
});

test('不同意 refuses cleanly: nothing recorded, other consents untouched', async () => {
  givenConsent('agreed', { items: { analytics: true } });
  const backend = server();
  render(<PrivacyHost />);
  let answer: Promise<boolean> = Promise.resolve(true);
  await act(async () => {
    answer = requireThirdPartyConsent('trtc');
  });
  fireEvent.click(await screen.findByText('不同意'));
  await expect(answer).resolves.toBe(false);
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(getConsent()).toMatchObject({
    status: 'agreed',
    items: { analytics: true, thirdParty: { trtc: false } },
  });
  expect(backend.calls).toEqual([]);
});

test('browse-only: explains that the policy comes first, and asks nothing else', async () => {
  givenConsent('declined');
  const backend = server();
  taro.showModal.mockResolvedValue({ confirm: false, cancel: true });
  render(<PrivacyHost />);
  await expect(requireThirdPartyConsent('trtc')).resolves.toBe(false);
  expect(taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '需要同意隐私政策' }),
  );
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(backend.calls).toEqual([]);
});
