/**
 * The built home page at first launch: no consent decision stored yet (POL), and a user who
 * allows location when asked (LOC). The stubs are returned so a test can check what was
 * (not) touched; `load` renders the page with `wx` adding what the scenario needs.
 */
import { loadPage, wxStorage } from '../harness';
import type { WeappBackend } from './backend';
import { locationAllowedWhenAsked } from './location';

export function firstLaunchAtHome(
  callFunction: WeappBackend['callFunction'],
  wx: Record<string, unknown>,
) {
  const storage = wxStorage(null);
  const location = locationAllowedWhenAsked();
  const load = () =>
    loadPage('pages/home/index', {
      ...storage.apis,
      cloud: { init: jest.fn(), callFunction },
      ...location,
      ...wx,
    });
  return { storage, ...location, load };
}
