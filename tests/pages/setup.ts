import { cleanup } from '@testing-library/react';
import { reloadConsent } from '../../src/privacy/consent';
import { setTransport } from '../../src/services/client';
import { clearBrowserLocation } from './browser-location';
import { resetTaro } from './taro-fake';

jest.mock('@tarojs/taro', () => {
  const fake = jest.requireActual('./taro-fake');
  // Pages use both `import Taro from` and named imports.
  return new Proxy(fake.taro, {
    get: (target, key) => (key === 'default' ? target : key === '__esModule' ? true : target[key]),
  });
});

beforeEach(() => clearBrowserLocation());

afterEach(() => {
  cleanup();
  setTransport(null);
  resetTaro();
  clearBrowserLocation();
  // Every test starts at first launch: no stored decision. (Modules with platform adapters
  // are not imported here, so a test file can still point them at the weapp ones.)
  reloadConsent();
});
