import type { ActionName, InputOf, OutputOf } from '../../contract';
import { call } from './client';

/**
 * The user function (REG, CAM, ALB, DEV, IDV), one wrapper per action. Pages reach it
 * through src/session (which adds the device facts) or directly for plain reads.
 */
type Action = ActionName<'user'>;
type In<A extends Action> = InputOf<'user', A>;
type Out<A extends Action> = Promise<OutputOf<'user', A>>;

export const sendCode = (input: In<'sendCode'>): Out<'sendCode'> => call('user', 'sendCode', input);

export const register = (input: In<'register'>): Out<'register'> => call('user', 'register', input);

export const loginWithWeChatPhone = (
  input: In<'loginWithWeChatPhone'>,
): Out<'loginWithWeChatPhone'> => call('user', 'loginWithWeChatPhone', input);

export const me = (input: In<'me'>): Out<'me'> => call('user', 'me', input);

export const verifyDevice = (input: In<'verifyDevice'>): Out<'verifyDevice'> =>
  call('user', 'verifyDevice', input);

export const updateProfile = (input: In<'updateProfile'>): Out<'updateProfile'> =>
  call('user', 'updateProfile', input);

export const listDevices = (): Out<'listDevices'> => call('user', 'listDevices', {});

export const removeDevice = (input: In<'removeDevice'>): Out<'removeDevice'> =>
  call('user', 'removeDevice', input);

export const logout = (): Out<'logout'> => call('user', 'logout', {});

export const submitIdentity = (input: In<'submitIdentity'>): Out<'submitIdentity'> =>
  call('user', 'submitIdentity', input);

export const getIdentity = (): Out<'getIdentity'> => call('user', 'getIdentity', {});
