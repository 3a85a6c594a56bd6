import { Button, View } from '@tarojs/components';

export interface ControlsProps {
  muted: boolean;
  cameraOff: boolean;
  onMute: () => void;
  onCamera: () => void;
  onSwitch: () => void;
  onHangup: () => void;
}

/** 静音, 关闭摄像头, 切换摄像头, 挂断 — only while connected. */
export function Controls(p: ControlsProps) {
  return (
    <View className="call-room__controls">
      <Button className="btn btn--small" onClick={p.onMute}>
        {p.muted ? '取消静音' : '静音'}
      </Button>
      <Button className="btn btn--small" onClick={p.onCamera}>
        {p.cameraOff ? '开启摄像头' : '关闭摄像头'}
      </Button>
      <Button className="btn btn--small" onClick={p.onSwitch}>
        切换摄像头
      </Button>
      <Button className="btn btn--danger btn--small" onClick={p.onHangup}>
        挂断
      </Button>
    </View>
  );
}
