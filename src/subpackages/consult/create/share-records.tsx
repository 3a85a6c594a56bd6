import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { MAX_SHARE_RECORDS, SHARE_HOURS_AFTER_CLOSE } from '../../../../contract/records/items';
import { CheckRow } from '../../../components/check-row';
import { useAsync } from '../../../hooks/use-async';
import { listRecords } from '../../../services/records';

/**
 * SEC: which of the 就诊人's records this consult's doctor may see — none unless ticked;
 * the doctor sees only these, while the consult is open and for a while after it closes.
 */
export function ShareRecords(props: {
  patientId: string;
  chosen: string[];
  onChange: (recordIds: string[]) => void;
}) {
  const { patientId, chosen, onChange } = props;
  const load = useCallback(() => listRecords({ patientId, limit: 50 }), [patientId]);
  const records = useAsync(load);
  if (records.status === 'error')
    return (
      <Text className="muted" onClick={() => void records.reload()}>
        病历加载失败，点击重试
      </Text>
    );
  if (records.status !== 'ready' || records.data.items.length === 0) return null;
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...chosen, id].slice(0, MAX_SHARE_RECORDS) : chosen.filter((x) => x !== id));
  return (
    <View className="consult-form__share">
      <View className="section__title">分享病历给医生（选填）</View>
      <Text className="muted">
        仅本次咨询的医生可见，咨询结束 {SHARE_HOURS_AFTER_CLOSE} 小时后失效；可随时在咨询中撤回，
        医生每次查看都会记录。
      </Text>
      {records.data.items.map((r) => (
        <CheckRow key={r.id} checked={chosen.includes(r.id)} onChange={(on) => toggle(r.id, on)}>
          {r.date} {r.kind} · {r.hospital.name}
          {r.diagnosis ? ` · ${r.diagnosis}` : ''}
        </CheckRow>
      ))}
    </View>
  );
}
