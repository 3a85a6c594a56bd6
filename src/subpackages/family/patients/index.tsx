import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/list-states';
import { useAsync } from '../../../hooks/use-async';
import { toServiceError } from '../../../services/errors';
import {
  listPatients,
  patientErrorText,
  removePatient,
  type PatientData,
} from '../../../services/patients';
import { handleAccountError } from '../../../session/require-login';
import { go, routes } from '../../../utils/routes';
import { useAccountPage } from '../../account/use-account-page';
import { PatientCard } from './patient-card';
import '../family.css';

const self = routes.patients;

/**
 * 我的 → 就诊人管理 (IDV, PI): the account's 就诊人, masked as the server gives them; add up
 * to the limit, edit, and remove — refused in words while a consult or appointment is open,
 * otherwise after a confirm that says their records go too.
 */
export default function PatientsPage() {
  const state = useAccountPage(self);
  const load = useCallback(() => listPatients(), []);
  const patients = useAsync(state ? load : null);
  const [message, setMessage] = useState<string | null>(null);
  const shown = useRef(false);
  useDidShow(() => {
    // Back from 添加/编辑: show what changed there (the first show is the mount's load).
    if (shown.current) void patients.reload();
    shown.current = true;
  });

  const remove = async (p: PatientData) => {
    const { confirm } = await Taro.showModal({
      title: `删除就诊人 ${p.nameMasked}？`,
      content: '该就诊人的全部病历及附件、分享记录将一并删除，且无法恢复。',
      confirmText: '删除',
      confirmColor: '#e5484d',
    });
    if (!confirm) return;
    setMessage(null);
    try {
      const done = await removePatient({ patientId: p.id, confirm: true });
      void Taro.showToast({
        title: done.recordsRemoved > 0 ? `已删除，含 ${done.recordsRemoved} 条病历` : '已删除',
        icon: 'none',
      });
      await patients.reload();
    } catch (e) {
      if (!handleAccountError(toServiceError(e), self)) setMessage(patientErrorText(e));
    }
  };

  if (patients.status === 'error')
    return <ErrorState error={patients.error} onRetry={() => void patients.reload()} />;
  if (patients.status !== 'ready') return <ListSkeleton rows={3} />;
  const { items, max } = patients.data;
  return (
    <View className="page">
      {message ? (
        <View className="field__error family-error" role="alert">
          {message}
        </View>
      ) : null}
      {items.length === 0 ? (
        <EmptyState text="还没有就诊人。添加本人或家人后，咨询时可直接选择。" />
      ) : (
        items.map((p) => (
          <PatientCard
            key={p.id}
            patient={p}
            onRecords={() => go(routes.records(p.id))}
            onEdit={() => go(routes.patientForm(p.id))}
            onRemove={() => void remove(p)}
          />
        ))
      )}
      <View className="family-actions">
        <Button
          className="btn btn--primary btn--block"
          disabled={items.length >= max}
          onClick={() => go(routes.patientForm())}
        >
          添加就诊人
        </Button>
        <Text className="muted">
          已添加 {items.length}/{max} 位
          {items.length >= max ? '，已达上限，请先删除不再需要的就诊人' : ''}
        </Text>
      </View>
    </View>
  );
}
