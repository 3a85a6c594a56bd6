import { Button, Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { patientErrorText, type PatientData } from '../../services/patients';
import { ListSkeleton } from '../list-states';
import { PatientRow } from './patient-row';
import { usePatients } from './use-patients';
import './index.css';

export interface PatientPickerProps {
  /** The chosen 就诊人's id. */
  value?: string;
  onChange: (patientId: string) => void;
  /** 添加就诊人: shown in the empty state and under the list (below the limit) when given. */
  onAdd?: () => void;
  /** With no value yet, choose the first 就诊人 (本人 comes first) once the list arrives. */
  selectFirst?: boolean;
  /** Every list that arrives, so the page can read the chosen one's age or relation. */
  onLoaded?: (patients: PatientData[]) => void;
}

/**
 * 就诊人 picker (IDV, PI): the account's 就诊人 exactly as the patients function gives them
 * (names and documents already masked), one of them chosen. Loading, error with 重试, and
 * an empty state that leads to 添加就诊人.
 */
export function PatientPicker(props: PatientPickerProps) {
  const patients = usePatients();
  const { value, onChange, selectFirst, onLoaded } = props;
  const items = patients.status === 'ready' ? patients.data.items : null;

  useEffect(() => {
    if (!items) return;
    onLoaded?.(items);
    const stillThere = items.some((p) => p.id === value);
    if (selectFirst && !stillThere && items.length > 0) onChange(items[0].id);
    // Only a new list decides; the callbacks' identities do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items]);

  if (patients.status === 'error') {
    return (
      <View className="patient-picker patient-picker--state" role="alert">
        <Text className="muted">{patientErrorText(patients.error)}</Text>
        <Button className="btn btn--small" onClick={() => void patients.reload()}>
          重试
        </Button>
      </View>
    );
  }
  if (!items) return <ListSkeleton rows={2} />;

  const add = props.onAdd;
  const canAdd = add && patients.status === 'ready' && items.length < patients.data.max;
  if (items.length === 0) {
    return (
      <View className="patient-picker patient-picker--state">
        <Text className="muted">还没有就诊人，添加后即可为本人或家人咨询</Text>
        {add ? (
          <Button className="btn btn--primary btn--small" onClick={add}>
            添加就诊人
          </Button>
        ) : null}
      </View>
    );
  }
  return (
    <View className="patient-picker" role="radiogroup" aria-label="就诊人">
      {items.map((p) => (
        <PatientRow key={p.id} patient={p} selected={p.id === value} onTap={() => onChange(p.id)} />
      ))}
      {canAdd ? (
        <Text className="patient-picker__add" onClick={add}>
          ＋ 添加就诊人
        </Text>
      ) : null}
    </View>
  );
}
