import { View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import { connectPeer, type Peer } from './peer';
import { MEDIA_REFUSED, type CallMediaProps } from './types';

const constraints = (facing: CallMediaProps['facing']): MediaStreamConstraints => ({
  audio: true,
  video: { facingMode: facing, width: { ideal: 640 }, height: { ideal: 480 } },
});

/**
 * Browser: WebRTC peer to peer (docs/video.md). The camera and microphone were asked on the
 * user's tap (CAM, MIC) before this mounts; the stream opened here is stopped when the call
 * ends or the page closes. Nothing is recorded.
 */
export function CallMedia(props: CallMediaProps) {
  const { call, muted, cameraOff, facing, signals, onLink, onFailure } = props;
  const localRef = useRef<HTMLVideoElement | null>(null);
  const remoteRef = useRef<HTMLVideoElement | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const peer = useRef<Peer | null>(null);
  const callbacks = useRef({ onLink, onFailure });
  callbacks.current = { onLink, onFailure };
  const firstFacing = useRef(facing);

  useEffect(() => {
    let gone = false;
    callbacks.current.onLink('connecting');
    void navigator.mediaDevices
      .getUserMedia(constraints(firstFacing.current))
      .then((local) => {
        if (gone) return local.getTracks().forEach((t) => t.stop());
        stream.current = local;
        if (localRef.current) localRef.current.srcObject = local;
        peer.current = connectPeer(
          call,
          local,
          signals,
          (remote) => {
            const video = remoteRef.current;
            if (!video || video.srcObject === remote) return;
            video.srcObject = remote;
            void video.play().catch(() => undefined);
          },
          (state) => callbacks.current.onLink(state),
        );
      })
      .catch(() => callbacks.current.onFailure(MEDIA_REFUSED));
    return () => {
      gone = true;
      peer.current?.close();
      peer.current = null;
      stream.current?.getTracks().forEach((t) => t.stop());
      stream.current = null;
    };
    // One peer per call: the view's other fields change every second while connected.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [call.id]);

  useEffect(() => {
    stream.current?.getAudioTracks().forEach((t) => (t.enabled = !muted));
  }, [muted]);
  useEffect(() => {
    stream.current?.getVideoTracks().forEach((t) => (t.enabled = !cameraOff));
  }, [cameraOff]);

  // 切换摄像头: a new video track from the other camera replaces the old one in place.
  useEffect(() => {
    const local = stream.current;
    if (!local || facing === firstFacing.current) return;
    firstFacing.current = facing;
    void navigator.mediaDevices
      .getUserMedia({ video: { facingMode: facing } })
      .then(async (next) => {
        const track = next.getVideoTracks()[0];
        const old = local.getVideoTracks()[0];
        await peer.current?.replaceVideo(track);
        if (old) {
          local.removeTrack(old);
          old.stop();
        }
        track.enabled = !cameraOff;
        local.addTrack(track);
      })
      .catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [facing]);

  return (
    <View className="call-media">
      <video ref={remoteRef} className="call-media__remote" autoPlay playsInline />
      <video ref={localRef} className="call-media__local" autoPlay playsInline muted />
    </View>
  );
}
