import { LivePlayer, LivePusher, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import TRTC, { type Attributes, type TrtcPlayer } from 'trtc-wx-sdk';
import { callCredentials, callErrorText } from '../../services/call';
import type { CallMediaProps } from './types';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);

/**
 * WeChat: Tencent TRTC through its mini-program SDK (trtc-wx-sdk, docs/video.md):
 * new TRTC(page) → createPusher → enterRoom({sdkAppID, userID, userSig, strRoomID,
 * privateMapKey, scene:'rtc'}) with what `call.credentials` issued for this call's room only
 * (it needs the 腾讯云实时音视频 consent, TPS: without it the server refuses and this says
 * so). The SDK builds the live-pusher's room:// url; the other side arrives as a live-player.
 * camera and microphone were asked on the user's tap (CAM, MIC). Nothing is recorded. Taro
 * renders live-player's documented attributes only: the SDK's muteAudio becomes `muted`.
 */
export function CallMedia(props: CallMediaProps) {
  const { call, muted, cameraOff, facing, onLink, onFailure } = props;
  const trtc = useRef<TRTC | null>(null);
  const [pusher, setPusher] = useState<Attributes>({});
  const [players, setPlayers] = useState<TrtcPlayer[]>([]);
  const started = useRef(false);
  const callbacks = useRef({ onLink, onFailure });
  callbacks.current = { onLink, onFailure };

  useEffect(() => {
    const t = new TRTC(Taro.getCurrentInstance().page);
    trtc.current = t;
    setPusher(t.createPusher({ beautyLevel: 0 }).pusherAttributes);
    const E = t.EVENT;
    t.on(E.LOCAL_JOIN, () => callbacks.current.onLink('connecting'));
    t.on(E.REMOTE_VIDEO_ADD, ({ data }) => {
      if (data?.player) setPlayers(t.setPlayerAttributes(data.player.id, { muteVideo: false }));
      callbacks.current.onLink('live');
    });
    t.on(E.REMOTE_AUDIO_ADD, ({ data }) => {
      if (data?.player) setPlayers(t.setPlayerAttributes(data.player.id, { muteAudio: false }));
    });
    t.on(E.REMOTE_USER_LEAVE, () => setPlayers(t.getPlayerList()));
    t.on(E.ERROR, () => callbacks.current.onLink('poor'));
    t.on(E.KICKED_OUT, () => callbacks.current.onLink('failed'));
    callCredentials({ callId: call.id })
      .then((c) => {
        if (trtc.current !== t) return;
        setPusher(
          t.enterRoom({
            sdkAppID: c.sdkAppId,
            userID: c.userId,
            userSig: c.userSig,
            strRoomID: c.roomId,
            privateMapKey: c.privateMapKey,
            scene: 'rtc',
            enableMic: true,
            enableCamera: true,
          }),
        );
      })
      .catch((e: unknown) => callbacks.current.onFailure(callErrorText(e)));
    return () => {
      trtc.current = null;
      t.exitRoom();
    };
    // One room per call: the view's other fields change every second while connected.
  }, [call.id]);

  // The url is in the page once setData has run: then the pusher may start.
  const url = str(pusher.url);
  useEffect(() => {
    if (!url || started.current) return;
    started.current = true;
    void Taro.nextTick(() => trtc.current?.getPusherInstance().start());
  }, [url]);
  useEffect(() => {
    if (trtc.current) setPusher(trtc.current.setPusherAttributes({ enableMic: !muted }));
  }, [muted]);
  useEffect(() => {
    if (trtc.current) setPusher(trtc.current.setPusherAttributes({ enableCamera: !cameraOff }));
  }, [cameraOff]);
  const firstFacing = useRef(facing);
  useEffect(() => {
    if (facing !== firstFacing.current) trtc.current?.getPusherInstance().switchCamera();
  }, [facing]);

  const t = trtc.current;
  return (
    <View className="call-media">
      {players.map((p) => (
        <LivePlayer
          key={p.id}
          id={p.id}
          className="call-media__remote"
          data-streamid={p.streamID}
          src={p.src}
          mode="RTC"
          autoplay={bool(p.autoplay)}
          muted={bool(p.muteAudio)}
          objectFit="fillCrop"
          onStateChange={(e) => t?.playerEventHandler(e)}
          onNetStatus={(e) => t?.playerNetStatus(e)}
        />
      ))}
      <LivePusher
        className="call-media__local"
        url={url}
        mode="RTC"
        autopush={bool(pusher.autopush)}
        enableCamera={bool(pusher.enableCamera)}
        enableMic={bool(pusher.enableMic)}
        muted={muted}
        devicePosition={facing === 'user' ? 'front' : 'back'}
        onStateChange={(e) => t?.pusherEventHandler(e)}
        onNetStatus={(e) => t?.pusherNetStatusHandler(e)}
        onError={(e) => t?.pusherErrorHandler(e)}
      />
    </View>
  );
}
