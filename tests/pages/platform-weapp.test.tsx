/**
 * The weapp adapters against the WeChat APIs they call (LOC). Taro picks `*.weapp.ts`
 * at build time; here the weapp files are imported directly, and location's
 * `./permissions` and `./cloud` are pointed at the weapp ones, as the build would.
 */
import { ensure, openSettings } from '../../src/platform/permissions/permissions.weapp';
import { locate } from '../../src/platform/location/location.weapp';
import { openMap } from '../../src/platform/map/map.weapp';
import { transport } from '../../src/services/transport.weapp';
import { ServiceError } from '../../src/services/errors';
import { wgs84ToGcj02 } from '../../src/utils/geo';
import { taro } from './taro-fake';

jest.mock('../../src/platform/permissions', () =>
  jest.requireActual('../../src/platform/permissions/permissions.weapp'),
);
jest.mock('../../src/platform/cloud', () =>
  jest.requireActual('../../src/platform/cloud/cloud.weapp'),
);

const PURPOSE = '用于为您推荐附近的医院和医生';

describe('weapp location permission', () => {
  test('never asked: asks once, then takes a WGS-84 fix', async () => {
    taro.getSetting.mockResolvedValue({ authSetting: {} });
    taro.getLocation.mockResolvedValue({ latitude: 31.2, longitude: 121.45 });
    await expect(locate(PURPOSE)).resolves.toEqual({ status: 'granted', lat: 31.2, lng: 121.45 });
    expect(taro.authorize).toHaveBeenCalledWith({ scope: 'scope.userLocation' });
    expect(taro.getLocation).toHaveBeenCalledWith({ type: 'wgs84' });
  });

  test('said no before: no second prompt, no location read', async () => {
    taro.getSetting.mockResolvedValue({ authSetting: { 'scope.userLocation': false } });
    const result = await locate(PURPOSE);
    expect(result.status).toBe('denied');
    expect(taro.authorize).not.toHaveBeenCalled();
    expect(taro.getLocation).not.toHaveBeenCalled();
  });

  test('says no now: denied', async () => {
    taro.getSetting.mockResolvedValue({ authSetting: {} });
    taro.authorize.mockRejectedValue({ errMsg: 'authorize:fail auth deny' });
    await expect(ensure('location', PURPOSE)).resolves.toMatchObject({ status: 'denied' });
    expect(taro.getLocation).not.toHaveBeenCalled();
  });

  test('granted but the phone has location off: unavailable, not denied', async () => {
    taro.getSetting.mockResolvedValue({ authSetting: { 'scope.userLocation': true } });
    taro.getLocation.mockRejectedValue({ errMsg: 'getLocation:fail system permission denied' });
    await expect(locate(PURPOSE)).resolves.toMatchObject({ status: 'unavailable' });
    expect(taro.authorize).not.toHaveBeenCalled();
  });

  test('openSettings reports whether the user turned it on', async () => {
    taro.openSetting.mockResolvedValue({ authSetting: { 'scope.userLocation': true } });
    await expect(openSettings('location')).resolves.toBe(true);
    taro.openSetting.mockResolvedValue({ authSetting: { 'scope.userLocation': false } });
    await expect(openSettings('location')).resolves.toBe(false);
  });
});

test('the map opens at GCJ-02 coordinates converted from the stored WGS-84', async () => {
  await openMap({ lat: 31.2, lng: 121.45, name: '中山医院', address: '枫林路180号' });
  const expected = wgs84ToGcj02(31.2, 121.45);
  expect(taro.openLocation).toHaveBeenCalledWith({
    latitude: expected.lat,
    longitude: expected.lng,
    name: '中山医院',
    address: '枫林路180号',
    scale: 16,
  });
  expect(expected.lat).not.toBeCloseTo(31.2, 3);
});

describe('weapp transport', () => {
  test('calls the cloud function with { action, data } and returns its result', async () => {
    const envelope = { ok: true, data: { items: [] } };
    taro.cloud.callFunction.mockResolvedValue({
      result: envelope,
      errMsg: 'cloud.callFunction:ok',
    });
    await expect(transport('catalog', 'recommend', { kind: 'hospital' })).resolves.toBe(envelope);
    expect(taro.cloud.callFunction).toHaveBeenCalledWith({
      name: 'catalog',
      data: { action: 'recommend', data: { kind: 'hospital' } },
    });
    expect(taro.cloud.init).toHaveBeenCalledWith(expect.objectContaining({ traceUser: true }));
  });

  test('a call that never reached the function is a network ServiceError', async () => {
    taro.cloud.callFunction.mockRejectedValue({ errMsg: 'cloud.callFunction:fail timeout' });
    const error = await transport('catalog', 'recommend', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({
      code: 'INTERNAL',
      message: '网络异常，请检查网络后重试',
      details: { transport: 'network' },
    });
  });

  test('a function that failed to run is "service unavailable", not a network problem', async () => {
    taro.cloud.callFunction.mockRejectedValue({
      errMsg: 'cloud.callFunction:fail Error: errCode: -504002 functions execute fail',
    });
    const error = await transport('catalog', 'recommend', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'INTERNAL',
      message: '服务暂时不可用，请稍后重试',
      details: { transport: 'bad-response' },
    });
  });
});
