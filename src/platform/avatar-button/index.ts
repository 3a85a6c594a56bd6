/** The avatar-button capability: './avatar-button' is avatar-button.weapp in WeChat, avatar-button.h5 in the browser and jest (Taro and jest pick by file name; twins.check.ts proves both export the same). */
export * from './avatar-button';
