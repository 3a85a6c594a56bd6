// Taro (and jest, tsc) resolve './media' by file name: media.weapp in WeChat, media.h5 in the browser.
export * from './media';
