// Taro (and jest, tsc) resolve './consult-live' by file name: consult-live.weapp in WeChat, consult-live.h5 in the browser.
export * from './consult-live';
