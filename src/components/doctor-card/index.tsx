import { Text, View } from '@tarojs/components';
import type { DoctorSummary } from '../../../contract/catalog';
import { formatCount, formatPrice, formatRating, initialOf } from '../../utils/format';
import { formatDistance } from '../../utils/geo';
import { go, routes } from '../../utils/routes';
import './index.css';

interface Props {
  doctor: DoctorSummary;
  /** Shown when the list is "nearby" (LOC): the distance to the doctor's hospital. */
  distanceMeters?: number;
}

export function DoctorCard({ doctor, distanceMeters }: Props) {
  return (
    <View className="doctor-card" onClick={() => go(routes.doctor(doctor.id))}>
      <View className="doctor-card__avatar">
        <Text>{initialOf(doctor.name)}</Text>
      </View>
      <View className="doctor-card__body">
        <View className="doctor-card__head">
          <Text className="doctor-card__name">{doctor.name}</Text>
          <Text className="doctor-card__title">{doctor.title}</Text>
          {doctor.synthetic ? <Text className="badge badge--demo">示例数据</Text> : null}
          {distanceMeters !== undefined ? (
            <Text className="doctor-card__distance">{formatDistance(distanceMeters)}</Text>
          ) : null}
        </View>
        <Text className="doctor-card__where">
          {doctor.hospitalName} · {doctor.department}
        </Text>
        {doctor.specialties.length > 0 ? (
          <Text className="doctor-card__skills">擅长：{doctor.specialties.join('、')}</Text>
        ) : null}
        <View className="doctor-card__foot">
          <Text className="muted">
            评分 {formatRating(doctor.rating)} · 咨询 {formatCount(doctor.consultCount)}
          </Text>
          <Text className="doctor-card__price">{formatPrice(doctor.consultPrice)}</Text>
        </View>
      </View>
    </View>
  );
}
