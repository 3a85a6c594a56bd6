import { locate } from '../../src/platform/location/location.h5';
import { setBrowserLocation } from './browser-location';

const PURPOSE = '用于为您推荐附近的医院和医生';

describe('H5 location (LOC)', () => {
  test('a fix comes back as WGS-84 lat/lng', async () => {
    setBrowserLocation({ kind: 'fix', lat: 31.23, lng: 121.47 });
    await expect(locate(PURPOSE)).resolves.toEqual({ status: 'granted', lat: 31.23, lng: 121.47 });
  });

  test('a site blocked in the browser is not asked again', async () => {
    const getCurrentPosition = setBrowserLocation({ kind: 'blocked' });
    await expect(locate(PURPOSE)).resolves.toMatchObject({ status: 'denied' });
    expect(getCurrentPosition).not.toHaveBeenCalled();
  });

  test.each([
    [1, 'denied'],
    [2, 'unavailable'],
    [3, 'error'],
  ] as const)('position error %p → %p', async (code, status) => {
    setBrowserLocation({ kind: 'position-error', code });
    await expect(locate(PURPOSE)).resolves.toMatchObject({ status });
  });

  test('no geolocation API: unavailable', async () => {
    setBrowserLocation({ kind: 'no-api' });
    await expect(locate(PURPOSE)).resolves.toMatchObject({ status: 'unavailable' });
  });

  test('a prompt left unanswered gives up after 10 s instead of hanging the page', async () => {
    jest.useFakeTimers();
    try {
      const getCurrentPosition = setBrowserLocation({ kind: 'fix', lat: 0, lng: 0 });
      getCurrentPosition.mockImplementation(() => undefined);
      const result = locate(PURPOSE);
      await jest.advanceTimersByTimeAsync(10_000);
      await expect(result).resolves.toMatchObject({ status: 'error' });
    } finally {
      jest.useRealTimers();
    }
  });
});
