// Taro (and jest, tsc) resolve './call-live' by file name: call-live.weapp in WeChat, call-live.h5 in the browser.
export * from './call-live';
