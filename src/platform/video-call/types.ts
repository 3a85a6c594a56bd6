import type { CallView } from '../../../contract/call/views';
import type { CallSignal } from '../call-live/types';

/**
 * The call page's live channel, shared with the media: signals that arrived before the
 * media was ready are kept and handed over (the other side may offer the moment it answers).
 */
export interface SignalFeed {
  /** Buffered and future signals of this call; returns the unsubscribe. */
  listen(listener: (signal: CallSignal) => void): () => void;
  /** Resolves once the channel is open. */
  opened: Promise<void>;
  /** The channel reopened after a drop (network change): restart ICE. */
  onReopen(listener: () => void): () => void;
}

/**
 * How the media link is doing: connecting until the first media flows, live while it does,
 * poor while the network drops (ICE disconnected / offline; WebRTC restarts ICE), failed
 * when it cannot recover.
 */
export type LinkState = 'connecting' | 'live' | 'poor' | 'failed';

export interface CallMediaProps {
  /** A connected call of mine (webrtc locally, trtc on WeChat). */
  call: CallView;
  muted: boolean;
  cameraOff: boolean;
  /** Front or back camera (切换摄像头). */
  facing: 'user' | 'environment';
  /** WebRTC signalling (browser); unused by TRTC. */
  signals: SignalFeed;
  onLink: (state: LinkState) => void;
  /** The media could not start (camera refused, TRTC consent missing, …): a sentence to show. */
  onFailure: (message: string) => void;
}

export const MEDIA_REFUSED =
  '未能使用摄像头或麦克风，无法进行视频通话。可在设置中开启后重试，或返回咨询继续图文沟通。';
