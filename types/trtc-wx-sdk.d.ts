/**
 * The part of trtc-wx-sdk (Tencent's TRTC state machine for live-pusher/live-player) that
 * src/platform/video-call/video-call.weapp.tsx uses. The package ships no types.
 */
declare module 'trtc-wx-sdk' {
  export type Attributes = Record<string, unknown>;
  export interface TrtcPlayer extends Attributes {
    id: string;
    streamID: string;
    src: string;
  }
  export interface TrtcEvent {
    data?: { player?: TrtcPlayer; userID?: string; message?: string } & Attributes;
  }
  export interface TrtcPusher {
    pusherAttributes: Attributes;
    start(): void;
    stop(): void;
    switchCamera(): void;
  }
  export interface EnterRoomParams {
    sdkAppID: number;
    userID: string;
    userSig: string;
    strRoomID: string;
    privateMapKey: string;
    scene: 'rtc' | 'live';
    enableMic: boolean;
    enableCamera: boolean;
  }
  export default class TRTC {
    constructor(context: unknown, options?: Attributes);
    EVENT: Record<
      | 'LOCAL_JOIN'
      | 'LOCAL_LEAVE'
      | 'ERROR'
      | 'KICKED_OUT'
      | 'REMOTE_USER_JOIN'
      | 'REMOTE_USER_LEAVE'
      | 'REMOTE_VIDEO_ADD'
      | 'REMOTE_AUDIO_ADD'
      | 'LOCAL_NET_STATE_UPDATE',
      string
    >;
    createPusher(config: Attributes): TrtcPusher;
    getPusherInstance(): TrtcPusher;
    enterRoom(params: EnterRoomParams): Attributes;
    exitRoom(): { pusher: Attributes; playerList: TrtcPlayer[] };
    setPusherAttributes(attributes: Attributes): Attributes;
    setPlayerAttributes(id: string, attributes: Attributes): TrtcPlayer[];
    getPlayerList(): TrtcPlayer[];
    on(event: string, handler: (event: TrtcEvent) => void): void;
    off(event: string, handler?: (event: TrtcEvent) => void): void;
    pusherEventHandler(event: unknown): void;
    pusherNetStatusHandler(event: unknown): void;
    pusherErrorHandler(event: unknown): void;
    playerEventHandler(event: unknown): void;
    playerNetStatus(event: unknown): void;
  }
}
