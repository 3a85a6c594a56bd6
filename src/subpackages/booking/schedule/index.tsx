import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/list-states';
import { useAsync } from '../../../hooks/use-async';
import { getDoctor } from '../../../services/catalog';
import { getSchedule } from '../../../services/booking';
import { requireLogin } from '../../../session/require-login';
import { go } from '../../../utils/routes';
import { bookingUrls } from '../parts/urls';
import { DayStrip } from './day-strip';
import { SlotRow, useNow } from './slot-row';
import '../parts/booking.css';
import './index.css';

/**
 * 预约挂号 for one doctor: the 14-day strip, the chosen day's periods with places left and
 * 约满/停诊/未放号 (counting down to the release), and the hospital's rules before anything is
 * booked. Browsing needs no account; 预约 asks for 登录 first.
 */
export default function BookingSchedulePage() {
  const doctorId = useRouter().params.doctorId ?? '';
  const load = useCallback(
    () => Promise.all([getSchedule({ doctorId }), getDoctor({ id: doctorId })]),
    [doctorId],
  );
  const data = useAsync(doctorId ? load : null);
  const [chosen, setChosen] = useState('');
  // Back from 确认 (a place taken, or someone else's): the places left are read again.
  useDidShow(() => {
    if (data.status === 'ready') void data.reload();
  });

  const schedule = data.status === 'ready' ? data.data[0] : null;
  const days = useMemo(() => schedule?.days ?? [], [schedule]);
  useEffect(() => {
    if (days.length === 0 || days.some((d) => d.date === chosen)) return;
    const open = days.find((d) => d.slots.some((s) => s.status === 'open'));
    setChosen((open ?? days[0]).date);
  }, [days, chosen]);
  const day = days.find((d) => d.date === chosen);
  const now = useNow(Boolean(day?.slots.some((s) => s.status === 'unreleased')));

  if (!doctorId) return <EmptyState text="未找到该医生" />;
  if (data.status === 'error')
    return <ErrorState error={data.error} onRetry={() => void data.reload()} />;
  if (data.status !== 'ready' || !schedule) return <ListSkeleton rows={3} />;
  const doctor = data.data[1];
  if (!schedule.available)
    return <EmptyState text={`${doctor.hospital.name}暂未开通线上预约，请通过医院官方渠道挂号`} />;

  const book = async (slotId: string) => {
    const url = bookingUrls.confirm(doctorId, slotId);
    if (await requireLogin(url)) go(url);
  };

  return (
    <View className="page booking">
      <View className="booking-panel">
        <Text className="booking-panel__title">
          {doctor.name} {doctor.title}
        </Text>
        <Text className="muted">
          {doctor.hospital.name} · {doctor.department}
        </Text>
      </View>
      {schedule.demoLabel ? <Text className="booking-demo">{schedule.demoLabel}</Text> : null}
      <DayStrip days={days} chosen={chosen} onChoose={setChosen} />
      <View className="booking-panel">
        {day && day.slots.length > 0 ? (
          day.slots.map((s) => (
            <SlotRow key={s.slotId} slot={s} now={now} onBook={() => void book(s.slotId)} />
          ))
        ) : (
          <Text className="muted">当天没有出诊</Text>
        )}
      </View>
      {schedule.rules ? (
        <View className="booking-panel">
          <Text className="booking-panel__title">预约须知</Text>
          {schedule.rules.text.map((t) => (
            <Text key={t} className="booking-rules__item">
              · {t}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
