import { Text, View } from '@tarojs/components';
import type { AppointmentData } from '../../../services/booking';
import { formatPrice } from '../../../utils/format';

/** 2026-12-01 → 12月1日 周二 (the visit's own calendar day, already Shanghai's). */
export function visitDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = '日一二三四五六'[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${m}月${d}日 周${weekday}`;
}

/** One appointment: doctor, hospital, when, for whom, fee and its state. */
export function AppointmentCard({ a, onTap }: { a: AppointmentData; onTap?: () => void }) {
  return (
    <View className="booking-card" data-testid="appointment-card" onClick={onTap}>
      <View className="booking-card__top">
        <Text className="booking-card__doctor">
          {a.doctor.name} · {a.doctor.department}
        </Text>
        <Text className={`booking-status booking-status--${a.status}`}>{a.statusLabel}</Text>
      </View>
      <Text className="booking-card__line">{a.hospital.name}</Text>
      <Text className="booking-card__line">
        {visitDay(a.date)} {a.periodLabel} {a.window}
      </Text>
      <Text className="booking-card__line muted">
        就诊人 {a.patient.maskedName} · 挂号费 {formatPrice(a.feeFen)}
        {a.payAt === 'hospital' ? '（到院支付）' : ''}
      </Text>
      {a.demo ? <Text className="badge badge--demo">演示号源</Text> : null}
    </View>
  );
}
