// Taro (and jest, tsc) resolve './video-call' by file name: video-call.weapp (TRTC) in WeChat, video-call.h5 (WebRTC) in the browser.
export * from './video-call';
