/** The phone-button capability: './phone-button' is phone-button.weapp in WeChat, phone-button.h5 in the browser and jest (Taro and jest pick by file name; twins.check.ts proves both export the same). */
export * from './phone-button';
