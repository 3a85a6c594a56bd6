// Taro (and jest, tsc) resolve './analytics' by file name: analytics.weapp in WeChat, analytics.h5 in the browser.
export * from './analytics';
