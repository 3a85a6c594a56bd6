/** The share-card capability: './share-card' is share-card.weapp in WeChat, share-card.h5 in the browser and jest (Taro and jest pick by file name; twins.check.ts proves both export the same). */
export * from './share-card';
