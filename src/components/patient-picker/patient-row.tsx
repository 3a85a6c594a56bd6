import { Text, View } from '@tarojs/components';
import type { PatientData } from '../../services/patients';

const SEX_LABEL = { male: '男', female: '女' } as const;

/** One 就诊人 as the back end gives it: masked name, relation, sex and age, masked document. */
export function PatientRow(props: { patient: PatientData; selected: boolean; onTap: () => void }) {
  const p = props.patient;
  return (
    <View
      className={`patient-picker__row ${props.selected ? 'patient-picker__row--on' : ''}`}
      role="radio"
      aria-checked={props.selected}
      aria-label={`${p.nameMasked} ${p.relation}`}
      onClick={props.onTap}
    >
      <View className="patient-picker__main">
        <Text className="patient-picker__name">{p.nameMasked}</Text>
        <Text className="patient-picker__tag">{p.relation}</Text>
      </View>
      <Text className="patient-picker__meta">
        {SEX_LABEL[p.sex]} · {p.age}岁{p.idNumberMasked ? ` · ${p.idNumberMasked}` : ''}
      </Text>
    </View>
  );
}
