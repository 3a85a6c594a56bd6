import { View } from '@tarojs/components';
import { useCallback } from 'react';
import { ConsultList } from '../../../components/consult/consult-list';
import { queue } from '../../../services/consult';

/** Waiting consults for this doctor, first come first served; a row opens the chat (接诊 there). */
export default function QueuePage() {
  const fetch = useCallback((cursor: string | undefined) => queue(cursor ? { cursor } : {}), []);
  return (
    <View className="page">
      <ConsultList fetch={fetch} role="doctor" emptyText="暂无待接诊的咨询" />
    </View>
  );
}
