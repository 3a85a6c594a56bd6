/** The image-upload capability: './image-upload' is image-upload.weapp in WeChat, image-upload.h5 in the browser and jest (Taro and jest pick by file name; twins.check.ts proves both export the same). */
export * from './image-upload';
