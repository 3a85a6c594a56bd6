import { accountActions } from '../../contract/account';
import type { BackendFunction } from '../core/action';
import { deleteHandler, deletionPreview, deletionStatusHandler } from './deletion';
import { exportData } from './export';
import { BATCH_LIMITS, type BatchLimits } from './meter';

export { runDeletionSweep } from './sweep';
export { BATCH_LIMITS, type BatchLimits } from './meter';

/** DEL: account deletion (注销账号) and export of one's data; `limits` bound each batch. */
export function createAccountFunction(
  limits: BatchLimits = BATCH_LIMITS,
): BackendFunction<'account'> {
  return {
    name: 'account',
    actions: accountActions,
    handlers: {
      deletionPreview,
      delete: deleteHandler(limits),
      deletionStatus: deletionStatusHandler(limits),
      export: exportData,
    },
  };
}

export const accountFunction = createAccountFunction();
