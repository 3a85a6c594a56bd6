// Taro (and jest, tsc) resolve './random' by file name: random.weapp in WeChat, random.h5 in the browser.
export * from './random';
