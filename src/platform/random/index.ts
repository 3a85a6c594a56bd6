/** The random capability: './random' is random.weapp in WeChat, random.h5 in the browser and jest (Taro and jest pick by file name; twins.check.ts proves both export the same). */
export * from './random';
