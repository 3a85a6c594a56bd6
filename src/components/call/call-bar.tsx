import { Button, Text, View } from '@tarojs/components';
import { VIDEO_CONSULT_NOTICE } from '../../../contract/call/items';
import type { ConsultViewData } from '../../services/consult';
import { formatLocalDateTime } from '../../utils/format';
import { go, routes } from '../../utils/routes';
import { recordLine } from './format';
import { startVideoCall } from './join';
import { RingBanner } from './ring-banner';
import { ringingFor, useLiveCalls } from './use-live-calls';
import './index.css';

/**
 * A 视频 consult's call panel in the chat: consultation, not 诊疗 (VIDEO_CONSULT_NOTICE), the
 * agreed time, the call state live (来电 → 接听; a call running → back to it; otherwise
 * 发起视频通话 while active) and the timeline of calls — metadata only.
 */
export function CallBar({
  consult,
  onCallEnded,
}: {
  consult: ConsultViewData;
  onCallEnded: () => void;
}) {
  const active = consult.status === 'active';
  const calls = useLiveCalls(active ? consult.role : undefined, consult.id, onCallEnded);
  const ringing = ringingFor(calls);
  const live = calls.find((c) => c !== ringing);
  return (
    <View className="call-bar" data-testid="call-bar">
      {consult.scheduledAt ? (
        <Text>视频咨询 · 预约时间 {formatLocalDateTime(consult.scheduledAt)}</Text>
      ) : null}
      <Text className="call-bar__notice">{VIDEO_CONSULT_NOTICE}</Text>
      {consult.calls.map((r) => (
        <Text key={r.callId} className="call-bar__record" data-testid="call-record">
          {formatLocalDateTime(r.startedAt)} {recordLine(r)}
        </Text>
      ))}
      {ringing ? <RingBanner call={ringing} /> : null}
      {active && !ringing && live ? (
        <Button
          className="btn btn--primary btn--small"
          onClick={() => go(routes.callRoom(consult.id, live.id))}
        >
          {live.state === 'ringing' ? '呼叫中 · 返回通话' : '通话中 · 返回通话'}
        </Button>
      ) : null}
      {active && !ringing && !live ? (
        <Button
          className="btn btn--primary btn--small"
          onClick={() => void startVideoCall(consult.id)}
        >
          发起视频通话
        </Button>
      ) : null}
    </View>
  );
}
