/** The consult-live capability: './consult-live' is consult-live.weapp in WeChat, consult-live.h5 in the browser and jest (Taro and jest pick by file name; twins.check.ts proves both export the same). */
export * from './consult-live';
