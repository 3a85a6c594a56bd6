import Taro from '@tarojs/taro';
import { chatPage } from '../../../../contract/consult/items';
import { payConsult } from '../../../services/consult';

/**
 * Starts paying for a consult: WeChat Pay's sheet, the local 模拟支付 page (sandbox), or
 * nothing when nothing is owed. Resolves with where the user is now: 'sandbox' means the
 * sandbox page was opened (it comes back to the chat); 'done' means go to/refresh the chat.
 */
export async function startPayment(
  consultId: string,
  open: 'navigate' | 'redirect',
): Promise<'sandbox' | 'done' | 'cancelled'> {
  const { payment } = await payConsult({ consultId });
  if (!payment) return 'done';
  if (payment.kind === 'sandbox') {
    const url = payment.sandboxUrl.startsWith('/') ? payment.sandboxUrl : `/${payment.sandboxUrl}`;
    if (open === 'redirect') await Taro.redirectTo({ url });
    else await Taro.navigateTo({ url });
    return 'sandbox';
  }
  try {
    await Taro.requestPayment(payment.params as Parameters<typeof Taro.requestPayment>[0]);
    return 'done';
  } catch {
    // Closed the sheet or failed: the consult stays 待支付 and the chat offers 去支付.
    return 'cancelled';
  }
}

export const chatUrl = (consultId: string) => `/${chatPage(consultId)}`;
