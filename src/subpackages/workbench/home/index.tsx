import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect } from 'react';
import { requireLogin } from '../../../session/require-login';
import { RingBanner } from '../../../components/call/ring-banner';
import { ringingFor, useLiveCalls } from '../../../components/call/use-live-calls';
import { ConsultList } from '../../../components/consult/consult-list';
import { ErrorState, ListSkeleton } from '../../../components/list-states';
import { useAsync } from '../../../hooks/use-async';
import { listConsults, workbench } from '../../../services/consult';
import { go, routes } from '../../../utils/routes';
import { BindForm } from './bind-form';
import './index.css';

/** 医生工作台: bind with an invite code, then the queue and the consults I accepted. */
export default function WorkbenchPage() {
  const load = useCallback(() => workbench(), []);
  const bench = useAsync(load);
  const { reload } = bench;
  useEffect(() => {
    void requireLogin(routes.workbench);
  }, []);
  useDidShow(() => void reload());
  const fetch = useCallback(
    (cursor: string | undefined) => listConsults({ as: 'doctor', ...(cursor ? { cursor } : {}) }),
    [],
  );

  // The workbench rings for an incoming 视频咨询 while it is open (issue 14).
  const bound = bench.status === 'ready' && bench.data.doctor !== null;
  const ringing = ringingFor(useLiveCalls(bound ? 'doctor' : undefined));

  if (bench.status === 'error') {
    return <ErrorState error={bench.error} onRetry={() => void reload()} />;
  }
  if (bench.status !== 'ready') return <ListSkeleton rows={2} />;
  const { doctor, waiting, active } = bench.data;
  if (!doctor) return <BindForm onBound={() => void reload()} />;
  return (
    <View className="page workbench">
      {ringing ? <RingBanner call={ringing} /> : null}
      <View className="section">
        <Text className="workbench__name">
          {doctor.name} {doctor.title}
        </Text>
        <Text className="muted">
          {doctor.hospitalName} · {doctor.department}
        </Text>
        <Text className="muted">
          待接诊 {waiting} · 咨询中 {active}
        </Text>
        <Button className="btn btn--primary btn--small" onClick={() => go(routes.doctorQueue)}>
          查看待接诊（{waiting}）
        </Button>
      </View>
      <View className="section__title">我接诊的咨询</View>
      <ConsultList fetch={fetch} role="doctor" emptyText="还没有接诊的咨询" />
    </View>
  );
}
