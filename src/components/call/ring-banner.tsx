import { Button, Text, View } from '@tarojs/components';
import type { CallViewData } from '../../services/call';
import { answerCall, refuseCall } from './join';
import './index.css';

/** 来电: the other side rings while this page is open (the workbench, the consult). */
export function RingBanner({ call }: { call: CallViewData }) {
  const who = call.caller === 'patient' ? '患者' : '医生';
  return (
    <View className="ring-banner" data-testid="ring-banner">
      <Text className="ring-banner__title">视频来电</Text>
      <Text className="ring-banner__text">{who}邀请您进行视频咨询</Text>
      <View className="ring-banner__actions">
        <Button className="btn btn--small" onClick={() => void refuseCall(call)}>
          拒绝
        </Button>
        <Button className="btn btn--primary btn--small" onClick={() => void answerCall(call)}>
          接听
        </Button>
      </View>
    </View>
  );
}
