// Taro (and jest, tsc) resolve './phone-button' by file name: phone-button.weapp in WeChat, phone-button.h5 in the browser.
export * from './phone-button';
