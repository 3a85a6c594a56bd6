import { ACCOUNT_ERROR_REASONS } from '../../../../contract/account/items';
import type { DeletionCounts } from '../../../../contract/account';
import { accountErrorText } from '../../../session/messages';
import type { ServiceError } from '../../../services/errors';

/** What each count of deletionPreview means to the user. */
export const COUNT_LABELS: Record<keyof DeletionCounts, string> = {
  consultations: '咨询记录',
  messages: '与医生的交流消息',
  appointments: '预约信息',
  records: '个人病历',
  patients: '就诊人',
  files: '上传的图片和文件',
  forfeitedOrders: '将放弃退款权益的订单',
};

/** The sentence for a refused delete: the account function's reasons, then the user's. */
export function deletionErrorText(error: ServiceError): string {
  const reason = error.details?.reason;
  if (typeof reason === 'string' && reason in ACCOUNT_ERROR_REASONS) {
    return ACCOUNT_ERROR_REASONS[reason as keyof typeof ACCOUNT_ERROR_REASONS];
  }
  return accountErrorText(error);
}
