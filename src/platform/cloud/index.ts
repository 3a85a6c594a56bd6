/** The cloud capability: './cloud' is cloud.weapp in WeChat, cloud.h5 in the browser and jest (Taro and jest pick by file name; twins.check.ts proves both export the same). */
export * from './cloud';
