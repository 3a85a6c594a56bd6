/** The analytics capability: './analytics' is analytics.weapp in WeChat, analytics.h5 in the browser and jest (Taro and jest pick by file name; twins.check.ts proves both export the same). */
export * from './analytics';
