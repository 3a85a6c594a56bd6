/** The location capability: './location' is location.weapp in WeChat, location.h5 in the browser and jest (Taro and jest pick by file name; twins.check.ts proves both export the same). */
export * from './location';
