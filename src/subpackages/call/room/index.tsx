import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter, useUnload } from '@tarojs/taro';
import { useState } from 'react';
import { VIDEO_CONSULT_NOTICE } from '../../../../contract/call/items';
import { endLabel, formatClock, formatDuration } from '../../../components/call/format';
import { answerCall, refuseCall } from '../../../components/call/join';
import { CallMedia } from '../../../platform/video-call';
import type { LinkState } from '../../../platform/video-call/types';
import type { CallViewData } from '../../../services/call';
import { hangupCall } from '../../../services/call';
import { routes } from '../../../utils/routes';
import { Controls } from './controls';
import { useCallRoom } from './use-call-room';
import './index.css';

const LINK_LABELS: Record<LinkState, string> = {
  connecting: '连接中…',
  live: '通话中',
  poor: '网络不佳，正在重连…',
  failed: '连接失败，请挂断后重试',
};

function back(consultId: string): void {
  void Taro.navigateBack({ delta: 1 }).catch(
    () => void Taro.redirectTo({ url: routes.consultChat(consultId) }),
  );
}

function statusOf(call: CallViewData, link: LinkState, now: number): string {
  if (call.state === 'ringing') {
    return call.role === call.caller ? '呼叫中，等待对方接听…' : '对方邀请您进行视频咨询';
  }
  if (call.state === 'ended') return endLabel(call.endReason, call.endedBy, call.role);
  const since = call.answeredAt ? (now - Date.parse(call.answeredAt)) / 1000 : 0;
  return link === 'live' ? `通话中 ${formatClock(since)}` : LINK_LABELS[link];
}

/**
 * 视频咨询's call screen (CAM, MIC, TPS; issue 14): the state live (呼叫中 / 通话中 / 网络不佳 /
 * 对方已挂断 / 未接通 …), the media (WebRTC in the browser, TRTC in WeChat), the controls, and
 * the reminder that this is a consultation, not 诊疗. Nothing is recorded.
 */
export default function CallRoomPage() {
  const { consultId = '', callId = '' } = useRouter().params;
  const room = useCallRoom(consultId, callId);
  const { call, link, now } = room;
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const [facing, setFacing] = useState<'user' | 'environment'>('user');

  // Leaving the screen ends a call that still rings or runs (the other side is told).
  useUnload(() => {
    if (call && call.state !== 'ended') void hangupCall({ callId }).catch(() => undefined);
  });

  if (!call) {
    return (
      <View className="call-room">
        <Text className="call-room__status" data-testid="call-status">
          {room.error ?? '正在加载…'}
        </Text>
        {room.error ? (
          <Button className="btn btn--small" onClick={() => back(consultId)}>
            返回咨询
          </Button>
        ) : null}
      </View>
    );
  }
  const connected = call.state === 'connected';
  const warn = connected && call.warnAt && Date.parse(call.warnAt) <= now;
  return (
    <View className={`call-room call-room--${call.state}`}>
      {connected && !room.error ? (
        <CallMedia
          call={call}
          muted={muted}
          cameraOff={cameraOff}
          facing={facing}
          signals={room.signals}
          onLink={room.setLink}
          onFailure={room.setError}
        />
      ) : null}
      <View className="call-room__panel">
        <Text className="call-room__status" data-testid="call-status">
          {statusOf(call, link, now)}
        </Text>
        {warn ? <Text className="call-room__warn">通话将在 2 分钟内结束</Text> : null}
        {room.error ? <Text className="call-room__error">{room.error}</Text> : null}
        {call.state === 'ended' && call.durationSeconds > 0 ? (
          <Text className="muted">通话时长 {formatDuration(call.durationSeconds)}</Text>
        ) : null}
        <Text className="call-room__notice">{VIDEO_CONSULT_NOTICE}</Text>
        {connected ? (
          <Controls
            muted={muted}
            cameraOff={cameraOff}
            onMute={() => setMuted((m) => !m)}
            onCamera={() => setCameraOff((c) => !c)}
            onSwitch={() => setFacing((f) => (f === 'user' ? 'environment' : 'user'))}
            onHangup={() => void room.hangup()}
          />
        ) : null}
        {call.state === 'ringing' && call.role === call.caller ? (
          <Button className="btn btn--danger btn--small" onClick={() => void room.hangup()}>
            取消呼叫
          </Button>
        ) : null}
        {call.state === 'ringing' && call.role !== call.caller ? (
          <View className="call-room__controls">
            <Button className="btn btn--small" onClick={() => void refuseCall(call)}>
              拒绝
            </Button>
            <Button
              className="btn btn--primary btn--small"
              onClick={() => void answerCall(call, room.put)}
            >
              接听
            </Button>
          </View>
        ) : null}
        {call.state === 'ended' ? (
          <Button className="btn btn--primary btn--small" onClick={() => back(consultId)}>
            返回咨询
          </Button>
        ) : null}
      </View>
    </View>
  );
}
