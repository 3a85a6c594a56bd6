import { Button, Text, View } from '@tarojs/components';
import { ID_TYPE_LABELS } from '../../../../contract/patients/items';
import type { PatientData } from '../../../services/patients';

const SEX = { male: '男', female: '女' } as const;

/** One 就诊人 as the server masks them, with 病历, 编辑 and 删除. */
export function PatientCard(props: {
  patient: PatientData;
  onRecords: () => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const p = props.patient;
  return (
    <View className="family-card" data-testid="patient-card">
      <View className="family-card__head">
        <Text className="family-card__title">{p.nameMasked}</Text>
        <Text className="family-card__tag">{p.relation}</Text>
        {p.fromIdentity ? <Text className="family-card__tag">已实名</Text> : null}
      </View>
      <Text className="family-card__text">
        {SEX[p.sex]} · {p.age}岁 · {ID_TYPE_LABELS[p.idType]}
        {p.idNumberMasked ? ` ${p.idNumberMasked}` : ''}
      </Text>
      {p.phoneMasked ? <Text className="family-card__text">手机 {p.phoneMasked}</Text> : null}
      {p.allergies ? <Text className="family-card__text">过敏史：{p.allergies}</Text> : null}
      {p.chronicConditions ? (
        <Text className="family-card__text">慢性病：{p.chronicConditions}</Text>
      ) : null}
      <View className="family-card__actions">
        <Button className="btn btn--small" onClick={props.onRecords}>
          病历
        </Button>
        <Button className="btn btn--small" onClick={props.onEdit}>
          编辑
        </Button>
        <Button className="btn btn--small" onClick={props.onRemove}>
          删除
        </Button>
      </View>
    </View>
  );
}
