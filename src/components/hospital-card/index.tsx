import { Text, View } from '@tarojs/components';
import type { HospitalSummary } from '../../../contract/catalog';
import { formatDistance } from '../../utils/geo';
import { go, routes } from '../../utils/routes';
import './index.css';

interface Props {
  hospital: HospitalSummary;
  /** Shown when the list is "nearby" (LOC). */
  distanceMeters?: number;
}

export function HospitalCard({ hospital, distanceMeters }: Props) {
  return (
    <View className="hospital-card" onClick={() => go(routes.hospital(hospital.id))}>
      <View className="hospital-card__head">
        <Text className="hospital-card__name">{hospital.name}</Text>
        {hospital.grade ? <Text className="badge badge--grade">{hospital.grade}</Text> : null}
        {distanceMeters !== undefined ? (
          <Text className="hospital-card__distance">{formatDistance(distanceMeters)}</Text>
        ) : null}
      </View>
      <Text className="hospital-card__address">
        {hospital.district} · {hospital.address}
      </Text>
      <Text className="muted">
        {hospital.departments.length} 个科室 · {hospital.doctorCount} 位医生
      </Text>
    </View>
  );
}
