/**
 * DEV: device facts (model, system, platform, screen) are read only after the 设备信息
 * consent — before it the device APIs are not even called — and not after withdrawal.
 */
import { act } from '@testing-library/react';
import { readDevice as readDeviceH5 } from '../../src/platform/device/device.h5';
import { readDevice } from '../../src/platform/device/device.weapp';
import { describeDevice } from '../../src/platform/device/types';
import { setConsentItem } from '../../src/privacy/consent';
import { givenConsent, serverState } from './consent-fixtures';
import { installBackend } from './fake-backend';
import { taro } from './taro-fake';

const deviceApis = () => [taro.getDeviceInfo, taro.getWindowInfo, taro.getAppBaseInfo];

describe('weapp', () => {
  test.each([
    ['no decision yet', () => givenConsent('none')],
    ['browse-only', () => givenConsent('declined')],
    ['policy agreed, 设备信息 off', () => givenConsent('agreed', { items: { device: false } })],
  ])('%s: nothing is read', (_, given) => {
    given();
    expect(readDevice()).toBeNull();
    for (const api of deviceApis()) expect(api).not.toHaveBeenCalled();
  });

  test('with 设备信息 on: model, system, platform and screen; withdrawn: not read again', async () => {
    installBackend({}, { 'privacy.withdrawConsent': () => serverState() });
    givenConsent('agreed', { items: { device: true } });
    const facts = readDevice();
    expect(facts).toEqual({
      brand: 'Apple',
      model: 'iPhone 14',
      system: 'iOS 17.1',
      platform: 'ios',
      screenWidth: 390,
      screenHeight: 844,
      pixelRatio: 3,
      host: '微信 8.0.40',
    });
    for (const api of deviceApis()) expect(api).toHaveBeenCalledTimes(1);
    expect(describeDevice(facts!)).toBe('Apple iPhone 14 · iOS 17.1 · 390×844');

    await act(async () => {
      await setConsentItem('device', false);
    });
    expect(readDevice()).toBeNull();
    for (const api of deviceApis()) expect(api).toHaveBeenCalledTimes(1);
  });
});

describe('H5', () => {
  test('without the consent the user agent is not read', () => {
    givenConsent('agreed');
    const userAgent = jest.spyOn(navigator, 'userAgent', 'get');
    expect(readDeviceH5()).toBeNull();
    expect(userAgent).not.toHaveBeenCalled();
    userAgent.mockRestore();
  });

  test('with it: the system from the user agent and the screen size', () => {
    givenConsent('agreed', { items: { device: true } });
    const userAgent = jest
      .spyOn(navigator, 'userAgent', 'get')
      .mockReturnValue(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
      );
    expect(readDeviceH5()).toMatchObject({
      system: 'iOS 17.1',
      platform: 'web',
      model: '手机浏览器',
    });
    userAgent.mockRestore();
  });
});
