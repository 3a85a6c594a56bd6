// Taro (and jest, tsc) resolve './image-upload' by file name: image-upload.weapp in WeChat, image-upload.h5 in the browser.
export * from './image-upload';
