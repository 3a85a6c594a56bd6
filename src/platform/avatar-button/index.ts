// Taro (and jest, tsc) resolve './avatar-button' by file name: avatar-button.weapp in WeChat, avatar-button.h5 in the browser.
export * from './avatar-button';
