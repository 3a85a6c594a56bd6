/** The privacy capability: './privacy' is privacy.weapp in WeChat, privacy.h5 in the browser and jest (Taro and jest pick by file name; twins.check.ts proves both export the same). */
export * from './privacy';
