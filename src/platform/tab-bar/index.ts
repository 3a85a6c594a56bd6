// Taro (and jest, tsc) resolve './tab-bar' by file name: tab-bar.weapp in WeChat, tab-bar.h5 in the browser.
export * from './tab-bar';
