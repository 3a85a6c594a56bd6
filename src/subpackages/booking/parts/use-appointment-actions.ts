import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  bookingProblem,
  cancelAppointment,
  shanghaiTime,
  type AppointmentData,
  type BookingProblem,
} from '../../../services/booking';
import { formatPrice } from '../../../utils/format';
import { startAppointmentPayment } from './payment';

/**
 * 去支付 and 取消预约 for one appointment. Cancelling says first what happens (the rule, the
 * refund); the answer replaces the shown appointment, a refusal says why and what next.
 */
export function useAppointmentActions(reload: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<BookingProblem | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (e) {
      setProblem(bookingProblem(e));
    } finally {
      setBusy(false);
    }
  };

  const pay = (a: AppointmentData, open: 'navigate' | 'redirect') =>
    run(() => startAppointmentPayment(a.id, open));

  const cancel = async (a: AppointmentData) => {
    const refund =
      a.status === 'booked' && a.payAt === 'online' && a.feeFen > 0
        ? `挂号费 ${formatPrice(a.feeFen)} 将全额原路退回。`
        : '';
    const { confirm } = await Taro.showModal({
      title: '取消预约',
      content: `${shanghaiTime(a.cancelUntil)} 前可免费取消。${refund}取消后号源将释放给其他患者。`,
      confirmText: '确认取消',
      cancelText: '再想想',
    });
    if (!confirm) return;
    await run(async () => {
      await cancelAppointment({ appointmentId: a.id });
      void Taro.showToast({ title: '已取消预约', icon: 'none' });
      await reload();
    });
  };

  return { busy, problem, setProblem, pay, cancel };
}
