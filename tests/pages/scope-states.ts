/**
 * Every state a user can leave a permission scope in (LOC, CAM, ALB, MIC), shared by the H5
 * and the WeChat scope tests so both walk the same list.
 */
export type State = 'never asked → grant' | 'never asked → deny' | 'previously denied' | 'granted';

export const STATES: State[] = [
  'never asked → grant',
  'never asked → deny',
  'previously denied',
  'granted',
];

/** Whether the scope ends up usable once the user has answered (or had answered). */
export const allowed = (state: State) => state === 'never asked → grant' || state === 'granted';
