// Taro (and jest, tsc) resolve './location' by file name: location.weapp in WeChat, location.h5 in the browser.
export * from './location';
