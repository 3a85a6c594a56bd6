/** The map capability: './map' is map.weapp in WeChat, map.h5 in the browser and jest (Taro and jest pick by file name; twins.check.ts proves both export the same). */
export * from './map';
