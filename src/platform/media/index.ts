/** The media capability: './media' is media.weapp in WeChat, media.h5 in the browser and jest (Taro and jest pick by file name; twins.check.ts proves both export the same). */
export * from './media';
