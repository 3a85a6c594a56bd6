/** The permissions capability: './permissions' is permissions.weapp in WeChat, permissions.h5 in the browser and jest (Taro and jest pick by file name; twins.check.ts proves both export the same). */
export * from './permissions';
