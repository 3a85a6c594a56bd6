/**
 * POL on WeChat: the platform's privacy prompt opens OUR popup, whose agree button is an
 * openType="agreePrivacyAuthorization" Button; the waiting API continues or fails with
 * the user's answer. getPrivacySetting decides whether to ask at launch. H5: no-ops.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { PrivacyHost } from '../../src/components/privacy-host';
import * as h5 from '../../src/platform/privacy/privacy.h5';
import { checkWxPrivacy, listenForWxPrivacy, wxPrivacy } from '../../src/privacy/wx-privacy';
import { givenConsent } from './consent-fixtures';
import { taro } from './taro-fake';

jest.mock('../../src/platform/privacy', () =>
  jest.requireActual('../../src/platform/privacy/privacy.weapp'),
);

type Resolve = (option: { event: string; buttonId?: string }) => void;
let wechatAsks: (resolve: Resolve, info: { referrer: string }) => void;

beforeAll(() => {
  listenForWxPrivacy();
  [[wechatAsks]] = taro.onNeedPrivacyAuthorization.mock.calls as [[typeof wechatAsks]];
});

afterEach(() => wxPrivacy.set({ request: null, needed: false }));

function weChatNeedsAgreement(): jest.Mock {
  const resolve = jest.fn();
  act(() => wechatAsks(resolve, { referrer: 'getLocation' }));
  return resolve;
}

test('WeChat asks before a privacy API: our popup; 同意 is the platform button and continues the API', async () => {
  givenConsent('agreed');
  render(<PrivacyHost />);
  const resolve = weChatNeedsAgreement();
  const dialog = await screen.findByRole('dialog');
  expect(dialog.textContent).toContain('隐私保护提示');
  const agree = screen.getByText('同意').closest('taro-button-core');
  expect(agree?.getAttribute('open-type')).toBe('agreePrivacyAuthorization');
  expect(agree?.id).toBe('wx-privacy-agree');

  fireEvent.click(agree!);
  expect(resolve).toHaveBeenCalledWith({ buttonId: 'wx-privacy-agree', event: 'agree' });
  expect(screen.queryByRole('dialog')).toBeNull();
});

test('拒绝 lets only the waiting API fail', async () => {
  givenConsent('agreed');
  render(<PrivacyHost />);
  const resolve = weChatNeedsAgreement();
  fireEvent.click(await screen.findByText('拒绝'));
  expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
  expect(screen.queryByRole('dialog')).toBeNull();
});

test('the popup offers WeChat’s own guide (openPrivacyContract)', async () => {
  givenConsent('agreed');
  render(<PrivacyHost />);
  weChatNeedsAgreement();
  fireEvent.click(await screen.findByText('查看《用户隐私保护指引》'));
  expect(taro.openPrivacyContract).toHaveBeenCalled();
});

test('at first launch our consent sheet answers WeChat too: its 同意 is the platform button', async () => {
  render(<PrivacyHost />);
  const resolve = weChatNeedsAgreement();
  const agree = (await screen.findByText('同意')).closest('taro-button-core');
  expect(agree?.getAttribute('open-type')).toBe('agreePrivacyAuthorization');
  fireEvent.click(agree!);
  expect(resolve).toHaveBeenCalledWith({ buttonId: 'consent-agree', event: 'agree' });
});

describe('getPrivacySetting decides whether to ask at launch', () => {
  test('agreed to our policy, WeChat still needs it: the popup shows', async () => {
    givenConsent('agreed');
    taro.getPrivacySetting.answer = { ok: { needAuthorization: true, privacyContractName: 'x' } };
    render(<PrivacyHost />);
    await act(() => checkWxPrivacy());
    expect(screen.getByRole('dialog').textContent).toContain('隐私保护提示');
  });

  test('WeChat has it already: nothing shows', async () => {
    givenConsent('agreed');
    render(<PrivacyHost />);
    await act(() => checkWxPrivacy());
    expect(taro.getPrivacySetting).toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('browse-only: WeChat is not even asked', async () => {
    givenConsent('declined');
    render(<PrivacyHost />);
    await act(() => checkWxPrivacy());
    expect(taro.getPrivacySetting).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

test('H5: the same hooks are no-ops, and our agree button is a plain button', async () => {
  await expect(h5.needsAuthorization()).resolves.toBe(false);
  await expect(h5.openContract()).resolves.toBe(false);
  h5.onNeedAuthorization(() => undefined);
  expect(h5.AGREE_OPEN_TYPE).toBeUndefined();
  expect(h5.HAS_PLATFORM_CONTRACT).toBe(false);
  expect(taro.onNeedPrivacyAuthorization).not.toHaveBeenCalled();
});
