// Taro (and jest, tsc) resolve './map' by file name: map.weapp in WeChat, map.h5 in the browser.
export * from './map';
