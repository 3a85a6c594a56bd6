/**
 * The browser's location APIs as a user would leave them: never asked, blocked, or
 * answering with a fix. Pages run the real H5 location adapter against these.
 */
type Scenario =
  /** `state: 'prompt'`: a fix once asked, but never asked before (no earlier grant). */
  | { kind: 'fix'; lat: number; lng: number; state?: 'granted' | 'prompt' }
  | { kind: 'blocked' }
  | { kind: 'position-error'; code: 1 | 2 | 3 }
  | { kind: 'no-api' };

export function setBrowserLocation(scenario: Scenario): jest.Mock {
  const getCurrentPosition = jest.fn((ok: PositionCallback, err?: PositionErrorCallback | null) => {
    if (scenario.kind === 'fix') {
      ok({ coords: { latitude: scenario.lat, longitude: scenario.lng } } as GeolocationPosition);
    } else if (scenario.kind === 'position-error') {
      err?.({
        code: scenario.code,
        message: 'fake',
        PERMISSION_DENIED: 1,
        POSITION_UNAVAILABLE: 2,
        TIMEOUT: 3,
      } as GeolocationPositionError);
    }
  });
  const geolocation = scenario.kind === 'no-api' ? undefined : { getCurrentPosition };
  const state =
    scenario.kind === 'blocked'
      ? 'denied'
      : scenario.kind === 'fix'
        ? (scenario.state ?? 'granted')
        : 'prompt';
  Object.defineProperty(navigator, 'geolocation', { value: geolocation, configurable: true });
  Object.defineProperty(navigator, 'permissions', {
    value: { query: jest.fn(async () => ({ state })) },
    configurable: true,
  });
  return getCurrentPosition;
}

export function clearBrowserLocation(): void {
  Object.defineProperty(navigator, 'geolocation', { value: undefined, configurable: true });
  Object.defineProperty(navigator, 'permissions', { value: undefined, configurable: true });
}
