import { Text, View } from '@tarojs/components';
import { PhotoGrid } from '../../../components/consult/photo-grid';
import type { ConsultViewData } from '../../../services/consult';

function patientLine(c: ConsultViewData): string {
  if (c.patient.kind === 'self') return '就诊人：本人';
  const sex = c.patient.sex === 'male' ? '男' : '女';
  const line = `就诊人：${c.patient.name ?? '（已隐藏）'} · ${sex} · ${c.patient.age} 岁`;
  // The doctor needs allergies before advising (a 就诊人's own note; never the document).
  return c.patient.kind === 'patient' && c.patient.allergies
    ? `${line} · 过敏史：${c.patient.allergies}`
    : line;
}

/**
 * Who and what: the doctor (to the patient) or the patient (to the doctor), the
 * description and photos. SEC: contact details appear only as the server gives them
 * (to the doctor, while active).
 */
export function ChatHeader({ consult }: { consult: ConsultViewData }) {
  const d = consult.doctor;
  return (
    <View className="chat-header">
      {consult.role === 'patient' ? (
        <Text className="chat-header__title">
          {d.name} {d.title} · {d.hospitalName} {d.department}
        </Text>
      ) : (
        <Text className="chat-header__title">患者咨询</Text>
      )}
      <Text className="muted">{patientLine(consult)}</Text>
      {consult.contact ? (
        <Text className="chat-header__contact">
          联系人：{consult.contact.name} · {consult.contact.phoneMasked}
        </Text>
      ) : null}
      <Text className="chat-header__description">{consult.description}</Text>
      <PhotoGrid photos={consult.photos} />
    </View>
  );
}
