import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { HOLD_MINUTES } from '../../../../contract/booking/items';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/list-states';
import { PatientPicker } from '../../../components/patient-picker';
import { useAsync } from '../../../hooks/use-async';
import { requestSubscriptions } from '../../../platform/subscribe';
import {
  bookingProblem,
  bookSlot,
  getSchedule,
  newClientRequestId,
  type BookingProblem,
} from '../../../services/booking';
import { getDoctor } from '../../../services/catalog';
import type { PatientData } from '../../../services/patients';
import { formatPrice } from '../../../utils/format';
import { go, routes } from '../../../utils/routes';
import { visitDay } from '../parts/appointment-card';
import { startAppointmentPayment } from '../parts/payment';
import { ProblemNote } from '../parts/problem';
import { bookingUrls } from '../parts/urls';
import '../parts/booking.css';
import './index.css';

/** 本人 from the verified identity, for an account that has no 就诊人 yet (the back end's "self"). */
const SELF = 'self';

/**
 * 确认预约: the slot (fee, places left), the 就诊人, the rules (实名制, the free-cancellation
 * cutoff, 爽约) — then 确认预约 books (one clientRequestId per attempt: a retry cannot take a
 * second place), asks for 就诊提醒 in the same tap, and goes on to pay.
 */
export default function BookingConfirmPage() {
  const { doctorId = '', slotId = '' } = useRouter().params;
  const load = useCallback(
    () => Promise.all([getSchedule({ doctorId }), getDoctor({ id: doctorId })]),
    [doctorId],
  );
  const data = useAsync(doctorId && slotId ? load : null);
  const [patientId, setPatientId] = useState('');
  const [patients, setPatients] = useState<PatientData[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<BookingProblem | null>(null);
  // The same attempt (slot + 就诊人) keeps its request id, so 重试 finds the same appointment.
  const attempt = useRef<{ key: string; id: string } | null>(null);

  if (!doctorId || !slotId) return <EmptyState text="未找到该号源" />;
  if (data.status === 'error')
    return <ErrorState error={data.error} onRetry={() => void data.reload()} />;
  if (data.status !== 'ready') return <ListSkeleton rows={3} />;
  const [schedule, doctor] = data.data;
  const slot = schedule.days.flatMap((d) => d.slots).find((s) => s.slotId === slotId);
  if (!slot) return <EmptyState text="该号源已不可预约，请返回重新选择" />;

  const submit = async () => {
    const key = `${slotId}/${patientId}`;
    if (attempt.current?.key !== key) attempt.current = { key, id: newClientRequestId() };
    setBusy(true);
    setProblem(null);
    try {
      const appt = await bookSlot({ slotId, patientId, clientRequestId: attempt.current.id });
      attempt.current = null;
      if (appt.status === 'pending_payment') {
        await startAppointmentPayment(appt.id, 'redirect').catch(() =>
          // Booked but the payment did not start: the result page offers 去支付 until the hold ends.
          Taro.redirectTo({ url: bookingUrls.result(appt.id) }),
        );
      } else {
        await Taro.redirectTo({ url: bookingUrls.result(appt.id) });
      }
    } catch (e) {
      const p = bookingProblem(e);
      // 本人 without a verified identity: the way on is 实名认证, not another 就诊人.
      const selfWithout = patientId === SELF && p.next === 'patients';
      setProblem(selfWithout ? { ...p, next: 'identity' } : p);
    } finally {
      setBusy(false);
    }
  };

  // WeChat shows the 订阅消息 dialog only from inside the tap: ask first, then book.
  const confirm = () => {
    if (busy) return;
    if (!patientId) {
      setProblem({ text: '请选择就诊人', next: null });
      return;
    }
    requestSubscriptions(schedule.subscribeTemplateIds);
    void submit();
  };

  const onAction = (next: NonNullable<BookingProblem['next']>) => {
    if (next === 'retry') void submit();
    else if (next === 'refresh') void data.reload();
    else if (next === 'patients') go(routes.patients);
    else return false;
    return true;
  };

  return (
    <View className="page booking">
      {schedule.demoLabel ? <Text className="booking-demo">{schedule.demoLabel}</Text> : null}
      <View className="booking-panel">
        <Text className="booking-panel__title">
          {doctor.name} {doctor.title}
        </Text>
        <Text className="muted">
          {doctor.hospital.name} · {doctor.department}
        </Text>
        <View className="booking-row">
          <Text>就诊时间</Text>
          <Text>
            {visitDay(slot.date)} {slot.periodLabel} {slot.window}
          </Text>
        </View>
        <View className="booking-row">
          <Text>挂号费</Text>
          <Text className="confirm__fee">{formatPrice(slot.feeFen)}</Text>
        </View>
        <View className="booking-row">
          <Text>支付方式</Text>
          <Text>
            {schedule.rules?.payAt === 'hospital' ? '到院支付' : '在线支付（直接付给医院）'}
          </Text>
        </View>
        <Text className="muted">
          {slot.status === 'open' ? `剩余 ${slot.remaining} 个号` : slot.statusLabel}
        </Text>
      </View>
      <View className="booking-panel">
        <Text className="booking-panel__title">就诊人</Text>
        <Text className="muted">实名制预约：就诊人须有有效身份证件，到院请携带该证件</Text>
        <PatientPicker
          value={patientId === SELF ? undefined : patientId}
          onChange={setPatientId}
          selectFirst
          onLoaded={setPatients}
          onAdd={() => go(routes.patientForm())}
        />
        {patients && patients.length === 0 ? (
          <View
            className={`confirm__self ${patientId === SELF ? 'confirm__self--on' : ''}`}
            role="radio"
            aria-checked={patientId === SELF}
            onClick={() => setPatientId(SELF)}
          >
            <Text>本人（使用实名认证信息）</Text>
          </View>
        ) : null}
      </View>
      {schedule.rules ? (
        <View className="booking-panel">
          <Text className="booking-panel__title">预约须知</Text>
          {schedule.rules.text.map((t) => (
            <Text key={t} className="booking-rules__item">
              · {t}
            </Text>
          ))}
          {schedule.rules.payAt === 'online' ? (
            <Text className="booking-rules__item">
              · 预约后请在 {HOLD_MINUTES} 分钟内完成支付，逾期号源自动释放
            </Text>
          ) : null}
        </View>
      ) : null}
      {problem ? (
        <ProblemNote
          problem={problem}
          onAction={onAction}
          self={bookingUrls.confirm(doctorId, slotId)}
        />
      ) : null}
      <Button
        className="btn btn--primary btn--block confirm__submit"
        loading={busy}
        disabled={busy || slot.status !== 'open'}
        onClick={confirm}
      >
        确认预约 {formatPrice(slot.feeFen)}
      </Button>
    </View>
  );
}
