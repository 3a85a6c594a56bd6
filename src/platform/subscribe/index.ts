// Taro (and jest, tsc) resolve './subscribe' by file name: subscribe.weapp in WeChat, subscribe.h5 in the browser.
export * from './subscribe';
