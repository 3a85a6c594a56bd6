// Taro (and jest, tsc) resolve './cloud' by file name: cloud.weapp in WeChat, cloud.h5 in the browser.
export * from './cloud';
