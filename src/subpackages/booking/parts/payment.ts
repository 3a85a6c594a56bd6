import Taro from '@tarojs/taro';
import { payAppointment } from '../../../services/booking';
import { bookingUrls } from './urls';

/**
 * Pays a 待支付 appointment: WeChat Pay's sheet (the hospital as sub-merchant), the local
 * 模拟支付 page, or nothing when nothing is owed (到院支付, or already paid). The sandbox page
 * and the sheet both end on the result page, which asks the back end what happened.
 */
export async function startAppointmentPayment(
  appointmentId: string,
  open: 'navigate' | 'redirect',
): Promise<void> {
  const { payment } = await payAppointment({ appointmentId });
  const move = (url: string) =>
    open === 'redirect' ? Taro.redirectTo({ url }) : Taro.navigateTo({ url });
  if (payment?.kind === 'sandbox') {
    const url = payment.sandboxUrl.startsWith('/') ? payment.sandboxUrl : `/${payment.sandboxUrl}`;
    await move(url);
    return;
  }
  if (payment?.kind === 'wechat') {
    try {
      await Taro.requestPayment(payment.params as Parameters<typeof Taro.requestPayment>[0]);
    } catch {
      // Closed the sheet: the result page shows 待支付 with the hold's end and 去支付.
    }
  }
  await move(bookingUrls.result(appointmentId));
}
