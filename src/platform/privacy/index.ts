// Taro (and jest, tsc) resolve './privacy' by file name: privacy.weapp in WeChat, privacy.h5 in the browser.
export * from './privacy';
