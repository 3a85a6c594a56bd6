import { userActions } from '../../contract/user';
import type { BackendFunction } from '../core/action';
import { listDevices, removeDevice } from './devices';
import { getIdentity, submitIdentity } from './identity';
import { loginWithWeChatPhone, register } from './login';
import { updateProfile } from './profile';
import { sendCode } from './send-code';
import { logout, me, verifyDevice } from './session';

export { requireVerifiedIdentity } from './require-identity';

/** Accounts (REG), profile (CAM, ALB), login devices (DEV), real-name verification (IDV). */
export const userFunction: BackendFunction<'user'> = {
  name: 'user',
  actions: userActions,
  handlers: {
    sendCode,
    register,
    loginWithWeChatPhone,
    me,
    verifyDevice,
    updateProfile,
    listDevices,
    removeDevice,
    logout,
    submitIdentity,
    getIdentity,
  },
};
